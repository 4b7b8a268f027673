"""Journal failures on real SQLite files reach a zh_CN operator in Chinese: each SQLite kind
(locked, disk full, not a journal, corrupt, read-only) and the OS errors around the file
have a code; SQLite's own English text is never what the operator reads."""

from __future__ import annotations

import sqlite3

import pytest
from zh_errors import english_left, zh

from cashier_app.journal import Journal, JournalError
from cashier_app.journal.errors import SqliteProblem, describe_sqlite_error


def test_locked_by_another_process(tmp_path, make_payment):
    path = tmp_path / "j.sqlite3"
    Journal(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    journal = Journal(path, busy_timeout=0.05)
    try:
        with pytest.raises(SqliteProblem) as info:
            journal.create_payment(make_payment(1))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        journal.close()
    assert info.value.code == "locked"
    text = zh(info.value)
    assert "被另一个进程锁定" in text and "写入支付 PRQ-000001" in text
    assert english_left(text, str(path)) == []
    assert "locked" in info.value.params["detail"]  # SQLite's words kept for support


def test_disk_full(tmp_path, make_payment):
    journal = Journal(tmp_path / "j.sqlite3")
    journal.create_payment(make_payment(1))
    db = journal._conn()
    db.execute(f"PRAGMA max_page_count = {db.execute('PRAGMA page_count').fetchone()[0]}")
    with pytest.raises(SqliteProblem) as info:
        for n in range(2, 5000):
            journal.create_payment(make_payment(n, trade_summary="x" * 500))
    journal.close()
    text = zh(info.value)
    assert info.value.code == "disk_full" and "磁盘已满" in text
    assert english_left(text, str(journal.path)) == []


def test_not_a_journal_and_corrupt(tmp_path, make_payment):
    garbage = tmp_path / "text.sqlite3"
    garbage.write_bytes(b"this is a text file, not a journal\n" * 200)
    with pytest.raises(JournalError) as info:
        Journal(garbage)
    assert info.value.damaged and "不是收银台的交易日志" in zh(info.value)
    assert english_left(zh(info.value), str(garbage)) == ["SQLite"]

    path = tmp_path / "j.sqlite3"
    with Journal(path) as journal:
        for n in range(300):
            journal.create_payment(make_payment(n))
    data = bytearray(path.read_bytes())
    for i in range(4096, len(data) - 100, 97):  # the header stays: it still looks like SQLite
        data[i] = 0xA5
    path.write_bytes(bytes(data))
    with pytest.raises(JournalError) as info:
        journal = Journal(path)
        journal.list_payments(limit=None)
    assert info.value.damaged
    assert "已损坏" in zh(info.value) or "不是收银台的交易日志" in zh(info.value)
    assert set(english_left(zh(info.value), str(path))) <= {"SQLite"}


def test_read_only(tmp_path):
    path = tmp_path / "j.sqlite3"
    Journal(path).close()
    ro = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.Error) as raised:
        ro.execute("INSERT INTO events (payment_request_id, at, kind) VALUES ('a', 'b', 'c')")
    ro.close()
    error = describe_sqlite_error(raised.value, path, "write")
    assert error.code == "read_only"
    assert zh(error) == f"无法写入交易日志 {path}：文件或其所在文件夹是只读的"
    assert str(error) == f"cannot write to journal {path}: the file or its folder is read-only"


def test_an_os_error_around_the_file(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(JournalError) as info:
        Journal(blocker / "sub" / "j.sqlite3")
    text = zh(info.value)
    assert text.startswith("无法为交易日志") and "不是文件夹" in text, text
    assert english_left(text, str(blocker / "sub" / "j.sqlite3")) == []
