"""Journal round trips, filters, ordering, refunds and the append-only event log."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta

import pytest

from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import PaymentRecord, RefundRecord
from cashier_app.journal import (
    SCHEMA_VERSION,
    DuplicateRecordError,
    Journal,
    JournalError,
    UnknownPaymentError,
)
from cashier_app.journal.schema import MIGRATIONS

T0 = datetime(2026, 11, 21, 9, 30, 0, 123456, tzinfo=UTC)


def test_payment_round_trip_keeps_every_field(journal, make_payment):
    rec = make_payment(
        1,
        status=Status.PENDING,
        payment_id="2026112100000001",
        result_code="U",
        result_message="waiting",
        paid_at=None,
        expires_at=T0 + timedelta(minutes=10),
        normal_url="http://x/n",
        scheme_url="alipayhk://pay",
        applink_url="https://a/l",
        code_value="https://c",
        gateway_url="http://127.0.0.1:1",
        client_id="SANDBOX_1",
    )
    journal.create_payment(rec)
    assert journal.get_payment(rec.payment_request_id) == rec
    assert journal.get_payment("nope") is None


def test_committed_payment_is_visible_to_another_connection(journal, tmp_path, make_payment):
    journal.create_payment(make_payment(2))
    other = sqlite3.connect(journal.path)
    assert other.execute("SELECT amount_minor, currency FROM payments").fetchall() == [
        (1230, "HKD")
    ]
    other.close()


def test_pragmas(journal):
    db = sqlite3.connect(journal.path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()
    conn = journal._conn()
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_the_page_cache_is_bounded(journal):
    """Issue 16 item 5: SQLite caches up to 2,000 KiB of pages per connection by default;
    a till (or a soak of eight) keeps its journal open for days, so the cache has a small
    bound of its own, on a read-only journal too."""
    from cashier_app.journal.store import CACHE_KIB

    assert 0 < CACHE_KIB <= 512
    assert journal._conn().execute("PRAGMA cache_size").fetchone()[0] == -CACHE_KIB
    with Journal(journal.path, read_only=True) as reader:
        assert reader._conn().execute("PRAGMA cache_size").fetchone()[0] == -CACHE_KIB


def test_duplicate_payment_refused(journal, make_payment):
    journal.create_payment(make_payment(3))
    with pytest.raises(DuplicateRecordError, match="PRQ-000003 is already"):
        journal.create_payment(make_payment(3))


def test_update_payment(journal, make_payment):
    journal.create_payment(make_payment(4))
    paid = T0 + timedelta(minutes=1)
    rec = journal.update_payment(
        "PRQ-000004", status=Status.SUCCESS, payment_id="P4", paid_at=paid, result_code="SUCCESS"
    )
    assert rec.status is Status.SUCCESS and rec.paid_at == paid
    assert rec.updated_at > T0 + timedelta(minutes=5)  # defaulted to now
    assert journal.get_payment("PRQ-000004") == rec
    assert journal.find_payment("P4") == rec
    with pytest.raises(UnknownPaymentError):
        journal.update_payment("PRQ-missing", status=Status.FAILED)
    with pytest.raises(JournalError, match=r"unknown field.*colour"):
        journal.update_payment("PRQ-000004", colour="red")


def test_non_final_payments(journal, make_payment):
    for n, st in enumerate(
        [
            Status.CREATED,
            Status.PENDING,
            Status.UNKNOWN,
            Status.SUCCESS,
            Status.FAILED,
            Status.CANCELLED,
            Status.EXPIRED,
        ],
        start=10,
    ):
        journal.create_payment(make_payment(n, status=st, profile="live" if n == 11 else "sandbox"))
    ids = [r.payment_request_id for r in journal.non_final_payments()]
    assert ids == ["PRQ-000010", "PRQ-000011", "PRQ-000012"]
    assert [r.payment_request_id for r in journal.non_final_payments("live")] == ["PRQ-000011"]


def test_list_and_count_filters(journal, make_payment):
    for n in range(1, 41):
        journal.create_payment(
            make_payment(
                n,
                status=Status.SUCCESS if n % 2 else Status.FAILED,
                method="GCASH" if n % 5 == 0 else "ALIPAY_HK",
                amount=Money(100 * n, "PHP") if n % 5 == 0 else Money(100 * n, "HKD"),
                created_at=T0 + timedelta(hours=n),
                updated_at=T0 + timedelta(hours=n),
                trade_summary="Latte 50%_off" if n == 7 else f"Order {n}",
            )
        )
    page = journal.list_payments(limit=10)
    assert [r.payment_request_id for r in page][:3] == ["PRQ-000040", "PRQ-000039", "PRQ-000038"]
    assert len(page) == 10
    assert journal.list_payments(offset=35, limit=10)[-1].payment_request_id == "PRQ-000001"
    assert journal.count_payments() == 40
    assert journal.count_payments(status=Status.SUCCESS) == 20
    assert journal.count_payments(status=["SUCCESS", "FAILED"]) == 40
    assert journal.count_payments(method="GCASH") == 8
    assert journal.count_payments(method="GCASH", status="FAILED") == 4
    since = T0 + timedelta(hours=10)
    until = T0 + timedelta(hours=20)
    assert journal.count_payments(since=since, until=until) == 10  # since incl., until excl.
    got = journal.list_payments(since=since, until=until, limit=None)
    assert got[0].payment_request_id == "PRQ-000019" and got[-1].payment_request_id == "PRQ-000010"
    assert journal.count_payments(text="50%_") == 1  # LIKE wildcards are literal
    assert journal.count_payments(text="prq-00003") == 10  # case-insensitive, part of id
    assert journal.count_payments(text="ORD-7") == 1
    assert journal.count_payments(profile="other") == 0
    assert journal.count_payments(status=[]) == 0


def test_since_as_date_is_local_midnight(journal, make_payment):
    local = datetime(2026, 3, 1, 0, 0, 30).astimezone()
    journal.create_payment(make_payment(90, created_at=local.astimezone(UTC)))
    before = (local - timedelta(minutes=1)).astimezone(UTC)
    journal.create_payment(make_payment(91, created_at=before))
    assert [
        r.payment_request_id
        for r in journal.list_payments(since=local.date(), until=local.date() + timedelta(days=1))
    ] == ["PRQ-000090"]


def test_events_are_appended_in_order_and_cannot_be_edited(journal, make_payment):
    journal.create_payment(make_payment(20))
    journal.add_event("PRQ-000020", "journaled", {"status": "CREATED"})
    journal.add_event(
        "PRQ-000020",
        "request",
        {"api": "pay", "at": T0, "amount": Money(5, "HKD")},
        elapsed_ms=12.5,
    )
    evs = journal.events("PRQ-000020")
    assert [e.kind for e in evs] == ["journaled", "request"]
    assert evs[1].detail == {
        "api": "pay",
        "at": T0.isoformat(),
        "amount": {"currency": "HKD", "value": "5"},
    }
    assert evs[1].elapsed_ms == 12.5 and evs[1].at.tzinfo is not None
    with pytest.raises(UnknownPaymentError):
        journal.add_event("PRQ-none", "poll", {})
    db = sqlite3.connect(journal.path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE events SET kind = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM events")
    db.close()


def test_refunds_and_refunded_total(journal, make_payment):
    journal.create_payment(make_payment(30, status=Status.SUCCESS, amount=Money(10000, "HKD")))

    def refund(i, st, value):
        return RefundRecord(f"RFD-{i}", "PRQ-000030", Money(value, "HKD"), st, T0, T0)

    journal.create_refund(refund(1, Status.SUCCESS, 1000))
    journal.create_refund(refund(2, Status.PENDING, 2000))
    journal.create_refund(refund(3, Status.FAILED, 4000))
    journal.create_refund(refund(4, Status.UNKNOWN, 500))
    assert journal.refunded_total("PRQ-000030") == 3500
    assert journal.refunded_total("PRQ-other") == 0
    rec = journal.update_refund("RFD-2", status=Status.SUCCESS, refund_id="R2", refunded_at=T0)
    assert journal.get_refund("RFD-2") == rec
    assert [r.refund_request_id for r in journal.refunds_for("PRQ-000030")] == [
        "RFD-1",
        "RFD-2",
        "RFD-3",
        "RFD-4",
    ]
    assert [r.refund_request_id for r in journal.non_final_refunds()] == ["RFD-4"]
    with pytest.raises(DuplicateRecordError):
        journal.create_refund(refund(1, Status.SUCCESS, 1))
    with pytest.raises(UnknownPaymentError):
        journal.create_refund(
            RefundRecord("RFD-9", "PRQ-x", Money(1, "HKD"), Status.PENDING, T0, T0)
        )
    between = journal.refunds_between(T0 - timedelta(days=1), T0 + timedelta(days=1))
    assert (between[0][0].refund_request_id, between[0][1].method) == ("RFD-1", "ALIPAY_HK")


def test_concurrent_threads_share_one_journal(journal, make_payment):
    errors: list[BaseException] = []

    def writer(base: int) -> None:
        try:
            for i in range(25):
                n = base + i
                journal.create_payment(make_payment(n))
                journal.add_event(f"PRQ-{n:06d}", "journaled", {"i": i})
                journal.update_payment(f"PRQ-{n:06d}", status=Status.PENDING)
                journal.list_payments(limit=5)
                journal.count_payments(status="PENDING")
        except BaseException as exc:  # collected and re-raised in the test thread
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(1000 * (k + 1),)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors
    assert journal.count_payments(status="PENDING") == 150
    assert (
        sum(len(journal.events(r.payment_request_id)) for r in journal.list_payments(limit=None))
        == 150
    )


def test_two_processes_worth_of_connections(tmp_path, make_payment):
    a = Journal(tmp_path / "j.sqlite3")
    b = Journal(tmp_path / "j.sqlite3")
    a.create_payment(make_payment(50))
    assert b.get_payment("PRQ-000050") is not None
    b.update_payment("PRQ-000050", status=Status.SUCCESS)
    assert a.get_payment("PRQ-000050").status is Status.SUCCESS
    a.close()
    b.close()


def test_forward_migration_keeps_data(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    MIGRATIONS[0](db)
    db.execute("PRAGMA user_version = 1")
    db.execute(
        "INSERT INTO payments (payment_request_id, profile, amount_minor, currency, "
        "method, status, created_at, updated_at) VALUES ('OLD-1', 'sandbox', 500, "
        "'HKD', 'ALIPAY_HK', 'SUCCESS', '2026-01-01T00:00:00.000000Z', "
        "'2026-01-01T00:00:00.000000Z')"
    )
    db.close()
    with Journal(path) as j:
        assert j.schema_version == SCHEMA_VERSION
        assert j.get_payment("OLD-1").amount == Money(500, "HKD")
        idx = {r[0] for r in j._conn().execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert "payments_created" in idx


def test_closed_journal_raises(tmp_path):
    j = Journal(tmp_path / "j.sqlite3")
    j.close()
    with pytest.raises(JournalError, match="closed"):
        j.get_payment("x")


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"status": "PENDING"},
        {"method": "GCASH"},
        {"profile": "sandbox"},
        {"since": T0, "until": T0 + timedelta(days=1)},
    ],
)
def test_history_queries_read_an_index_in_order(journal, filters):
    """Newest-first pages never sort the whole table (what keeps 100,000 rows fast)."""
    where, params = journal._where(
        filters.get("status"),
        filters.get("method"),
        filters.get("since"),
        filters.get("until"),
        None,
        filters.get("profile"),
    )
    plan = " ".join(
        str(r[3])
        for r in journal._conn().execute(
            f"EXPLAIN QUERY PLAN SELECT * FROM payments{where} ORDER BY created_at DESC, "
            "rowid DESC LIMIT 100",
            params,
        )
    )
    assert "USING INDEX payments_" in plan, plan
    assert "TEMP B-TREE" not in plan, plan


def test_a_v3_journal_gains_the_operator_of_every_row_and_event(tmp_path):
    """Issue 17: journals written before operators existed migrate in place; their rows and
    events read as taken by nobody (''), new ones carry who was signed in."""
    path = tmp_path / "v3.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS[:3]:
        step(db)
    db.execute("PRAGMA user_version = 3")
    db.execute(
        "INSERT INTO payments (payment_request_id, profile, amount_minor, currency, "
        "method, status, created_at, updated_at) VALUES ('OLD-1', 'sandbox', 500, "
        "'HKD', 'ALIPAY_HK', 'SUCCESS', '2026-01-01T00:00:00.000000Z', "
        "'2026-01-01T00:00:00.000000Z')"
    )
    db.execute(
        "INSERT INTO events (payment_request_id, at, kind) "
        "VALUES ('OLD-1', '2026-01-01T00:00:00.000000Z', 'journaled')"
    )
    db.close()
    # read-only first (a copy on a USB stick): still readable, nobody as the operator
    with Journal(path, read_only=True) as old:
        assert old.get_payment("OLD-1").operator is None
        assert old.events("OLD-1")[0].operator is None
    with Journal(path) as j:
        assert j.schema_version == SCHEMA_VERSION
        assert j.get_payment("OLD-1").operator is None
        assert [e.operator for e in j.events("OLD-1")] == [None]
        j.add_event("OLD-1", "state", {"to": "SUCCESS"}, operator="Ana")
        assert [e.operator for e in j.events("OLD-1")] == [None, "Ana"]
        j.create_payment(
            PaymentRecord(
                "NEW-1",
                "sandbox",
                Money(700, "HKD"),
                "ALIPAY_HK",
                Status.CREATED,
                datetime(2026, 1, 2, tzinfo=UTC),
                datetime(2026, 1, 2, tzinfo=UTC),
                operator="Ana",
            )
        )
        assert j.get_payment("NEW-1").operator == "Ana"
        totals = j.operator_totals(
            datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 1, 3, tzinfo=UTC)
        )
        assert {(t[2], t[5], t[6]) for t in totals} == {(None, 1, 500), ("Ana", 1, 700)}
