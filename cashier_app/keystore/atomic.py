"""Crash-safe file replacement (temp file, fsync, ``os.replace``, fsync the dir) and a
cross-process lock for read-modify-write of the same file."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

from cashier_app.domain.errors import CashierError
from cashier_app.support.filelock import try_lock, unlock


def atomic_write(path: Path, data: bytes, *, mode: int = 0o600) -> None:
    """Replace ``path`` with ``data`` so that readers see either the old or the new bytes.

    The temp file lives in the same directory (``os.replace`` is only atomic within one
    file system) and is created with ``mode`` before any byte is written, so a secret file
    is never readable by others, not even for a moment.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    import tempfile  # at the first write: a run that only reads a profile never needs it

    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        if hasattr(os, "fchmod"):  # POSIX; Windows files inherit the profile ACL
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable; not supported on every platform (Windows).
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


class FileLockTimeout(CashierError, OSError):
    """Another process held the lock for longer than the timeout."""

    layer = "keystore"
    MESSAGES: ClassVar[dict[str, str]] = {
        "being_changed_another_cashier_process_waited": "{path} is being changed by another "
        "cashier process (waited {timeout} s)",
    }


@contextlib.contextmanager
def locked(path: Path, *, timeout: float = 10.0) -> Iterator[None]:
    """Hold an exclusive cross-process lock named after ``path`` (``<path>.lock``) for a
    read-modify-write, so a GUI and a CLI saving at the same instant cannot lose a change.
    Advisory (flock / msvcrt); released by the OS if the process dies."""
    lock_path = path.with_name(path.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + timeout
        while not try_lock(fd):
            if time.monotonic() >= deadline:
                raise FileLockTimeout.of(
                    "being_changed_another_cashier_process_waited",
                    path=path,
                    timeout=f"{timeout:g}",
                )
            time.sleep(0.02)
        try:
            yield
        finally:
            unlock(fd)
    finally:
        os.close(fd)
