"""Two processes saving profiles and keys at the same time lose nothing: the read-modify-
write of profiles.json and keys.enc is serialised by a cross-process lock."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cashier_app.keystore import atomic
from cashier_app.keystore.backends import MIN_SCRYPT_N, EncryptedFileBackend
from cashier_app.keystore.profiles import ProfileStore

WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from cashier_app.keystore.backends import EncryptedFileBackend, MIN_SCRYPT_N
    from cashier_app.keystore.profiles import Environment, Profile, ProfileStore

    who, rounds, folder = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    store = ProfileStore(folder / "profiles.json")
    keys = EncryptedFileBackend(folder / "keys.enc", b"pw", scrypt_n=MIN_SCRYPT_N)
    print("ready", flush=True)
    sys.stdin.readline()  # start together
    for i in range(rounds):
        store.save(Profile(f"{who}-{i}", Environment.PRODUCTION, f"C{who}{i}", "HKD",
                           "https://open-sea-global.alipay.com", wallets=("ALIPAY_HK",)))
        keys.set(f"{who}-{i}", f"value-{who}-{i}")
""")


def test_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    rounds = 12
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, who, str(rounds), str(tmp_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for who in ("a", "b")
    ]
    for p in procs:
        assert p.stdout.readline().strip() == "ready"  # type: ignore[union-attr]
    for p in procs:
        p.stdin.write("go\n")  # type: ignore[union-attr]
        p.stdin.flush()  # type: ignore[union-attr]
    for p in procs:
        assert p.wait(timeout=120) == 0
    names = set(ProfileStore(tmp_path / "profiles.json").names())
    keys = EncryptedFileBackend(tmp_path / "keys.enc", b"pw", scrypt_n=MIN_SCRYPT_N)
    for who in ("a", "b"):
        for i in range(rounds):
            assert f"{who}-{i}" in names
            assert keys.get(f"{who}-{i}") == f"value-{who}-{i}"


def test_a_held_lock_times_out_with_a_clear_message(tmp_path: Path) -> None:
    target = tmp_path / "keys.enc"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from cashier_app.keystore.atomic import locked
        with locked(Path({str(target)!r})):
            print("held", flush=True)
            sys.stdin.readline()
    """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"  # type: ignore[union-attr]
        with (
            pytest.raises(atomic.FileLockTimeout, match="another cashier process"),
            atomic.locked(target, timeout=0.3),
        ):
            pass
    finally:
        holder.stdin.write("done\n")  # type: ignore[union-attr]
        holder.stdin.close()  # type: ignore[union-attr]
        holder.wait(timeout=10)
    with atomic.locked(target, timeout=1):  # free again
        pass
