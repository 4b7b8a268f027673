"""Issue 10 item 8: the journal, its ``-wal``/``-shm`` and the embedded sandbox's state are
created 0600 in a 0700 data folder (keys and profiles already were), whatever the umask."""

from __future__ import annotations

import os
import stat

import pytest

from cashier_app.cli import main
from cashier_app.support import paths

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture
def open_umask():
    previous = os.umask(0o022)  # the usual desktop umask: files 0644, folders 0755
    yield
    os.umask(previous)


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_sale_leaves_only_private_files(open_umask, capsys):
    assert (
        main(
            [
                "pay",
                "--amount",
                "1",
                "--currency",
                "HKD",
                "--method",
                "ALIPAY_HK",
                "--simulate",
                "approve",
                "--json",
            ]
        )
        == 0
    )
    capsys.readouterr()
    data = paths.data_dir()
    assert _mode(data) == 0o700
    files = {p.name: _mode(p) for p in data.iterdir() if p.is_file()}
    for name in ("journal.sqlite3", "embedded-sandbox.sqlite3"):
        assert files.pop(name) == 0o600, name
    for name, mode in files.items():  # -wal/-shm of both, if still there
        assert mode == 0o600, (name, oct(mode))


def test_an_old_open_journal_is_tightened(open_umask, capsys):
    data = paths.data_dir()
    data.mkdir(parents=True, mode=0o755)
    os.chmod(data, 0o755)
    journal = data / "journal.sqlite3"
    assert main(["history", "--json"]) == 0  # creates it
    os.chmod(journal, 0o644)
    assert main(["history", "--json"]) == 0
    capsys.readouterr()
    assert _mode(journal) == 0o600 and _mode(data) == 0o700
