"""The disk-full tests' own helper: ``fill`` must fill the disk even while someone else
writes to it. CI once failed because the journal grew between ``statvfs`` and the write:
the filler asked for more than was left and died of ENOSPC instead of filling the disk."""

from __future__ import annotations

import os

from tiny_disk import fill, tiny_tmpfs


def test_fill_fills_a_disk_that_shrinks_under_it(tmp_path, monkeypatch):
    with tiny_tmpfs(tmp_path / "tiny", 256) as mount:
        real_statvfs = os.statvfs

        def stale(path):  # figures from before a concurrent writer took 64 KiB
            st = real_statvfs(path)
            (mount / "other").write_bytes(b"x" * 64 * 1024)
            return st

        monkeypatch.setattr(os, "statvfs", stale)
        filler = fill(mount, 0)
        monkeypatch.undo()
        assert os.statvfs(mount).f_bavail == 0
        filler.unlink()
        assert os.statvfs(mount).f_bavail > 0
