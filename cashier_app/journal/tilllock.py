"""One live cashier process per profile may recover that profile's unfinished payments.

Recovery cancels or fails payments nobody is watching. If a second process (``cashier pay``
while the GUI runs on the same profile) recovered too, it would cancel the sale the first
one is still showing to a customer. Each process therefore takes an advisory lock per
profile; only the holder recovers. The operating system drops the lock when the process
dies, even by SIGKILL, so a crashed till never blocks the next start.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from cashier_app.filelock import try_lock, unlock


class TillLock:
    """Advisory, non-blocking lock on ``<directory>/<profile>.lock``."""

    def __init__(self, directory: Path, profile: str) -> None:
        safe = re.sub(r"[^A-Za-z0-9_.-]", "_", profile) or "_"
        self.path = Path(directory) / f"{safe}.lock"
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock if free; True when this process now holds it."""
        if self._fd is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if not try_lock(fd):
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return True

    def holder(self) -> str:
        """The pid written by the holder, for messages ("" if unknown)."""
        try:
            return self.path.read_text().strip()
        except OSError:
            return ""

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            unlock(fd)
        finally:
            os.close(fd)
