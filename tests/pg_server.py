"""A real PostgreSQL server for the store tests and benchmarks: Debian's binaries, a fresh
cluster in a temporary folder, on a free loopback port, stopped (and removed) at the end.

PostgreSQL refuses to run as root: as root the cluster belongs to the ``postgres`` user
(``runuser``); otherwise to whoever runs the tests. Host connections need a password
(scram-sha-256), so the store's password path is the real one.
"""

from __future__ import annotations

import glob
import os
import random
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

OWNER_PASSWORD = "owner-pw-for-tests"
TILL_PASSWORD = "till-pw-for-tests"


def pg_bindir() -> Path | None:
    """The newest installed PostgreSQL's bin folder (Debian layout first), or None."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda p: (
            int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
        ),
    )
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path else None


def _ephemeral_low() -> int:
    try:
        with open("/proc/sys/net/ipv4/ip_local_port_range", encoding="ascii") as f:
            return int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def free_port(host: str = "127.0.0.1") -> int:
    """A free port below the ephemeral range. A server stopped and started again on its
    port (the restart tests) could lose a port the kernel hands out to any connection's
    local end meanwhile: CI saw "address already in use" once on a restart."""
    low = _ephemeral_low()
    for _ in range(200):
        port = random.randrange(20000, max(20001, low))
        with socket.socket() as s:
            try:
                s.bind((host, port))
            except OSError:
                continue
            return port
    with socket.socket() as s:  # nothing free down there: any port will do
        s.bind((host, 0))
        return int(s.getsockname()[1])


class PgServer:
    """``start()``, ``stop()`` (the data stays: ``start()`` again is a restart),
    ``destroy()``; ``dsn(...)`` to connect. ``fsync`` off by default (tests)."""

    def __init__(self, *, fsync: bool = False) -> None:
        bindir = pg_bindir()
        if bindir is None:
            raise RuntimeError(
                "PostgreSQL is not installed (Debian package 'postgresql'; "
                "scripts/system-deps.sh installs it)"
            )
        self.bindir = bindir
        self.fsync = fsync
        self.as_root = os.geteuid() == 0
        self.base = Path(tempfile.mkdtemp(prefix="cashier-pg-"))
        self.data = self.base / "data"
        self.log = self.base / "server.log"
        self.port = free_port()
        self.host = "127.0.0.1"
        if self.as_root:
            shutil.chown(self.base, "postgres", "postgres")
        os.chmod(self.base, 0o700)
        pwfile = self.base / "pw"
        pwfile.write_text(OWNER_PASSWORD + "\n")
        if self.as_root:
            shutil.chown(pwfile, "postgres", "postgres")
        self._run(
            "initdb", "-D", str(self.data), "-U", "postgres", "--pwfile", str(pwfile),
            "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-instructions",
        )  # fmt: skip
        pwfile.unlink()
        self.running = False

    def _run(self, tool: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bindir / tool), *args]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, check=check, timeout=120)

    def start(self) -> PgServer:
        options = (
            f"-p {self.port} -c listen_addresses={self.host} -k {self.base} "
            f"-c fsync={'on' if self.fsync else 'off'} -c max_connections=100"
        )
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")
        self.running = True
        return self

    def stop(self, mode: str = "fast") -> None:
        if self.running:
            self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)
            self.running = False

    def destroy(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.base, ignore_errors=True)

    def psql(self, sql: str, db: str = "postgres") -> str:
        """Run ``sql`` as the superuser over the local socket."""
        out = self._run(
            "psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", str(self.base),
            "-p", str(self.port), "-U", "postgres", "-d", db, "-c", sql,
        )  # fmt: skip
        return out.stdout

    def create_store(self, name: str) -> tuple[str, str]:
        """A new database ``name`` owned by a new role ``<name>_owner``, plus a role
        ``<name>_till`` that may read and write it; returns their DSNs (with passwords)."""
        owner, till = f"{name}_owner", f"{name}_till"
        self.psql(f"CREATE ROLE {owner} LOGIN PASSWORD '{OWNER_PASSWORD}'")
        self.psql(f"CREATE ROLE {till} LOGIN PASSWORD '{TILL_PASSWORD}'")
        self.psql(f"CREATE DATABASE {name} OWNER {owner}")
        return self.dsn(name, owner, OWNER_PASSWORD), self.dsn(name, till, TILL_PASSWORD)

    def grant_till(self, name: str) -> None:
        """After ``store init``: the till role may use the store's tables."""
        till = f"{name}_till"
        self.psql(
            f"GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO {till}; "
            f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {till}",
            db=name,
        )

    def dsn(self, db: str, user: str, password: str | None) -> str:
        pw = f" password={password}" if password else ""
        return f"host={self.host} port={self.port} dbname={db} user={user}{pw}"

    def wait_ready(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if (
                self._run(
                    "pg_isready", "-h", self.host, "-p", str(self.port), check=False
                ).returncode
                == 0
            ):
                return
            time.sleep(0.1)
        raise RuntimeError("PostgreSQL did not become ready")
