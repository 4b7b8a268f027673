"""Sign the sandbox's answers on every core: a pool of signing worker processes.

RSA-2048 signing is most of what a signed answer costs (about 0.3 ms of CPU), and
``cryptography`` holds the GIL while it signs, so a threaded server in one process signs
on one core at most, however many threads it runs (measured: one thread and two threads
both sign about 2,500 a second on this two-core machine). Worker processes
(``laneworker.py``, running the jobs of ``support/signworker.py``) sign in parallel while
the server's threads wait on a pipe with the GIL released; the server keeps everything
else (state, faults, verification) as before.

Workers start in the background, so ``start()`` costs nothing; until one is ready, and
whenever a worker fails, the answer is signed in-process, so a signature is never
missing. ``PooledSigner`` is a ``Signer`` that signs through the pool.
"""

from __future__ import annotations

import base64
import contextlib
import logging
import queue
import socket
import subprocess
import sys
import threading
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from cashier_app.gateway.signing import DEFAULT_KEY_VERSION, Signer
from cashier_app.support.signworker import SIGN, read_frame, write_frame

log = logging.getLogger(__name__)


class _Worker:
    """A worker process (``laneworker.py``): jobs on its standard input and output, and
    on ``control`` the fast lane's frames (connections to serve, its replica's changes)."""

    __slots__ = ("control", "fd_in", "fd_out", "proc")

    def __init__(self, der: bytes) -> None:
        self.control, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "cashier_app.sandbox.laneworker", str(theirs.fileno())],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                bufsize=0,
                close_fds=True,
                pass_fds=(theirs.fileno(),),
            )
        except OSError:
            self.control.close()
            raise
        finally:
            theirs.close()
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.fd_in, self.fd_out = self.proc.stdin.fileno(), self.proc.stdout.fileno()
        write_frame(self.fd_in, der)

    def sign(self, data: bytes) -> bytes | None:
        write_frame(self.fd_in, SIGN + data)
        return read_frame(self.fd_out) or None

    def close(self) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        with contextlib.suppress(OSError):
            self.proc.stdin.close()  # end of input: the worker exits
        try:
            self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=2)
        self.proc.stdout.close()
        self.control.close()


class SigningPool:
    """``workers`` signing processes for one private key; thread-safe."""

    def __init__(self, key: rsa.RSAPrivateKey, workers: int) -> None:
        if workers < 1:
            raise ValueError("a signing pool needs at least one worker")
        self._key = key
        self._wanted = workers
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self.signed = 0  #: signatures the workers made (the rest were made in-process)
        self._closed = True  # until start()
        self._generation = 0
        self._ready = threading.Event()
        #: the fast lane that holds the workers while it serves (it signs for everyone)
        self.lane: Any = None

    @property
    def wanted(self) -> int:
        """Workers asked for (``workers`` may be fewer: starting, or failed)."""
        return self._wanted

    @property
    def workers(self) -> int:
        """Workers running now (they start in the background)."""
        with self._lock:
            return len(self._all)

    def start(self) -> SigningPool:
        """Start the workers in the background (again after ``close``)."""
        with self._lock:
            if not self._closed:
                return self
            self._closed = False
            self._generation += 1
            self._ready.clear()
            threading.Thread(
                target=self._spawn, args=(self._generation,), name="sandbox-signers", daemon=True
            ).start()
        return self

    def wait_ready(self, timeout: float | None = None) -> bool:
        """True once every worker has started (or failed to)."""
        return self._ready.wait(timeout)

    def _spawn(self, generation: int) -> None:
        if getattr(sys, "frozen", False):  # a packaged app has no `python -m` to run
            log.info("packaged app: the sandbox signs in-process")
            self._ready.set()
            return
        der = self._key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        try:
            for _ in range(self._wanted):
                try:
                    worker = _Worker(der)
                except OSError as exc:
                    log.warning(
                        "sandbox signing worker did not start (%s); signing in-process", exc
                    )
                    return
                with self._lock:
                    current = not self._closed and generation == self._generation
                    if current:
                        self._all.append(worker)
                if not current:  # closed (and maybe restarted) meanwhile
                    worker.close()
                    return
                self._idle.put(worker)
        finally:
            del der
            self._ready.set()

    def sign(self, data: bytes) -> bytes | None:
        """The raw signature from a worker, or None when no worker is running (sign it
        yourself). Waits for a busy worker rather than competing with it for a core.
        While a fast lane (``fastlane.py``) holds the workers, it signs this too, in turn
        with its own answers."""
        lane = self.lane
        if lane is not None:
            signed: bytes | None = lane.sign_for_thread(data)
            return signed
        with self._lock:
            if self._closed or not self._all:
                return None
        try:
            worker = self._idle.get(timeout=5)
        except queue.Empty:
            return None
        try:
            signature = worker.sign(data)
        except OSError:
            signature = None
        if signature is None:
            self._retire(worker)
            return None
        with self._lock:
            self.signed += 1
        self._idle.put(worker)
        return signature

    def borrow(self) -> _Worker | None:
        """An idle worker for the caller alone (None: none is idle), until ``give_back``
        or ``retire``: the fast lane feeds its workers from its own loop."""
        with self._lock:
            if self._closed:
                return None
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            return None

    def give_back(self, worker: _Worker) -> None:
        with self._lock:
            current = worker in self._all
        if current:
            self._idle.put(worker)

    def count_signed(self) -> None:
        with self._lock:
            self.signed += 1

    def retire(self, worker: _Worker) -> None:
        self._retire(worker)

    def _retire(self, worker: _Worker) -> None:
        log.warning("a sandbox signing worker failed; it is not used again")
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
        worker.close()

    def close(self) -> None:
        """Stop every worker (their input ends); ``sign`` returns None from now on."""
        with self._lock:
            self._closed = True
            workers, self._all = list(self._all), []
        while True:  # idle ones are in the queue; busy ones are closed here all the same
            try:
                self._idle.get_nowait()
            except queue.Empty:
                break
        for worker in workers:
            worker.close()


class PooledSigner(Signer):
    """A ``Signer`` whose signatures are made by a ``SigningPool`` (the same bytes as the
    in-process ones: PKCS#1 v1.5 is deterministic), in-process when the pool cannot."""

    __slots__ = ("pool",)

    def __init__(
        self,
        private_key: rsa.RSAPrivateKey,
        pool: SigningPool,
        key_version: str = DEFAULT_KEY_VERSION,
    ) -> None:
        super().__init__(private_key, key_version)
        self.pool = pool

    def sign_bytes(self, data: bytes) -> str:
        raw = self.pool.sign(bytes(data))
        if raw is None:
            return super().sign_bytes(data)
        return base64.b64encode(raw).decode("ascii")
