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
import time
from pathlib import Path

from cashier_app.journal.errors import JournalError
from cashier_app.support.filelock import try_lock, unlock

#: What a holder says it is doing (written after its pid): a till owns its sales for as
#: long as it runs; a recovery run holds the lock only while it recovers.
TILL = "till"
RECOVERY = "recover"


class TillLock:
    """Advisory, non-blocking lock on ``<directory>/<profile>.lock``. Only the holder may
    create a sale of the profile or recover its unfinished ones (one owner per sale)."""

    def __init__(self, directory: Path, profile: str, purpose: str = TILL) -> None:
        safe = re.sub(r"[^A-Za-z0-9_.-]", "_", profile) or "_"
        self.path = Path(directory) / f"{safe}.lock"
        self.profile = profile
        self.purpose = purpose
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock if free; True when this process now holds it."""
        if self._fd is not None:
            return True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:  # a full disk, a read-only folder: said, never a traceback
            raise JournalError.of("cannot_take_till_lock", path=self.path, problem=exc) from None
        if not try_lock(fd):
            os.close(fd)
            return False
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()} {self.purpose}\n".encode())
        except OSError as exc:
            unlock(fd)
            os.close(fd)
            raise JournalError.of("cannot_take_till_lock", path=self.path, problem=exc) from None
        self._fd = fd
        return True

    def acquire_waiting(self, wait: float, *, poll: float = 0.02) -> bool:
        """Take the lock, waiting up to ``wait`` seconds while a *recovery run* holds it (it
        lets go when done); a till holding it is not waited for. True when held."""
        started = time.monotonic()
        while not self.acquire():
            purpose, waited = self.holder_purpose(), time.monotonic() - started
            if waited >= wait or purpose not in (RECOVERY, ""):
                return False
            if not purpose and waited >= 0.5:  # not a holder that is writing its line now
                return False
            time.sleep(poll)
        return True

    def _written(self) -> list[str]:
        try:
            return self.path.read_text().split()
        except OSError:
            return []

    def holder(self) -> str:
        """The pid written by the holder, for messages ("" if unknown)."""
        words = self._written()
        return words[0] if words else ""

    def holder_purpose(self) -> str:
        """What the holder said it is doing (TILL, RECOVERY; "" if unknown)."""
        words = self._written()
        return words[1] if len(words) > 1 else ""

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            unlock(fd)
        finally:
            os.close(fd)
