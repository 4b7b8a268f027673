"""A tiny tmpfs for disk-full tests: mounted for one test, filled to leave a few KiB."""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def tiny_tmpfs(mount: Path, size_kib: int) -> Iterator[Path]:
    """A ``size_kib`` tmpfs at ``mount`` (skips the test where none can be mounted)."""
    mount.mkdir(exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=0700", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip() or 'not root'})")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(mount: Path, free_kib: int) -> Path:
    """Fill ``mount`` until ``free_kib`` KiB are left; delete the returned file to free it.

    Written in chunks up to ENOSPC: another writer (the journal of a sale in flight) may
    take space between ``statvfs`` and the write, and then "fill it" means "until full"."""
    filler = mount / "filler"
    filler.unlink(missing_ok=True)
    st = os.statvfs(mount)
    spare = st.f_bavail * st.f_frsize - free_kib * 1024
    chunk = b"\0" * (64 * 1024)
    with filler.open("wb", buffering=0) as fh:
        while spare > 0:
            try:
                spare -= fh.write(chunk[: min(spare, len(chunk))])
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
                break
    return filler
