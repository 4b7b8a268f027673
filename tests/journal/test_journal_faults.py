"""A journal that cannot be trusted is refused with a message naming the problem and file."""

from __future__ import annotations

import sqlite3

import pytest

from cashier_app.domain.outcome import Status
from cashier_app.journal import SCHEMA_VERSION, Journal, JournalError
from cashier_app.journal.errors import describe_sqlite_error


def test_newer_schema_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "j.sqlite3"
    Journal(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(JournalError) as info:
        Journal(path)
    assert str(info.value) == (
        f"journal {path} was written by a newer cashier (schema {SCHEMA_VERSION + 5} > "
        f"{SCHEMA_VERSION}); refusing to open"
    )
    assert path.read_bytes() == before


def test_not_a_database(tmp_path):
    path = tmp_path / "j.sqlite3"
    path.write_bytes(b"this is a text file, not a journal\n" * 200)
    before = path.read_bytes()
    with pytest.raises(JournalError, match="not a cashier journal") as info:
        Journal(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == before


def test_corrupt_database(tmp_path, make_payment):
    path = tmp_path / "j.sqlite3"
    with Journal(path) as j:
        for n in range(300):
            j.create_payment(make_payment(n))
    data = bytearray(path.read_bytes())
    # Overwrite the interior pages (keep the header so it still looks like SQLite).
    for i in range(4096, len(data) - 100, 97):
        data[i] = 0xA5
    path.write_bytes(bytes(data))
    with pytest.raises(JournalError, match=r"corrupt|not a cashier journal") as info:
        j = Journal(path)
        j.list_payments(limit=None)
        j.count_payments(text="x")
    assert str(path) in str(info.value)


def test_foreign_sqlite_database_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE customers (id INTEGER)")
    db.commit()
    db.close()
    with pytest.raises(JournalError, match=r"not a cashier journal \(tables: customers\)"):
        Journal(path)


def test_locked_by_another_writer(tmp_path, make_payment):
    path = tmp_path / "j.sqlite3"
    Journal(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        j = Journal(path, busy_timeout=0.2)
        with pytest.raises(JournalError, match="locked by another process") as info:
            j.create_payment(make_payment(1))
        assert str(path) in str(info.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    j.create_payment(make_payment(1))  # usable again once the lock is gone
    assert j.count_payments() == 1
    j.close()


def test_disk_full(tmp_path, make_payment):
    j = Journal(tmp_path / "j.sqlite3")
    j.create_payment(make_payment(1))
    db = j._conn()
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(JournalError, match="disk is full"):
        for n in range(2, 5000):
            j.create_payment(make_payment(n, trade_summary="x" * 500))
    # Nothing half-written: the failing payment is absent, the earlier one intact.
    assert j.get_payment("PRQ-000001").status is Status.CREATED
    j.close()


def test_read_only_error_is_named(tmp_path):
    path = tmp_path / "j.sqlite3"
    Journal(path).close()
    ro = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.Error) as info:
        ro.execute("INSERT INTO events (payment_request_id, at, kind) VALUES ('a', 'b', 'c')")
    ro.close()
    err = describe_sqlite_error(info.value, path, "write")
    assert "read-only" in str(err) and str(path) in str(err)


def test_folder_instead_of_file(tmp_path):
    with pytest.raises(JournalError, match="is a folder"):
        Journal(tmp_path)


def test_parent_cannot_be_created(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(JournalError, match="cannot create the folder"):
        Journal(blocker / "sub" / "j.sqlite3")
