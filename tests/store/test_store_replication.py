"""Replication of till journals to the store's PostgreSQL: idempotent, order-safe,
resumable; the store's end of day is the sum of the tills' journals."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import PaymentRecord, RefundRecord
from cashier_app.journal import Journal
from cashier_app.journal.outbox import Outbox
from cashier_app.reports.eod import compute_report
from cashier_app.store.connect import connect
from cashier_app.store.push import push_batch
from cashier_app.store.reader import StoreReader
from cashier_app.store.replicator import Replicator

DAY = date(2026, 11, 21)
T0 = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
WALLETS = ("ALIPAY_HK", "GCASH", "ALIPAY_CN")
ENDINGS = (Status.SUCCESS, Status.SUCCESS, Status.FAILED, Status.PENDING, Status.SUCCESS)


def sell(journal: Journal, till: str, n: int, *, operator: str | None = None) -> PaymentRecord:
    """One sale through its states as the checkout journals them (row, events, updates)."""
    prid = f"P-{till}-{n:05d}"
    at = T0 + timedelta(minutes=n)
    rec = PaymentRecord(
        prid, "sandbox", Money(100 + n * 7, "HKD"), WALLETS[n % 3], Status.CREATED, at, at,
        operator=operator,
    )  # fmt: skip
    journal.create_payment(rec)
    journal.add_event(prid, "journaled", {"amount": rec.amount.decimal_str()}, operator=operator)
    journal.update_payment(prid, status=Status.PENDING)
    end = ENDINGS[n % len(ENDINGS)]
    if end is not Status.PENDING:
        journal.add_event(prid, "state", {"to": end.value})
        journal.update_payment(prid, status=end, paid_at=at if end is Status.SUCCESS else None)
    if end is Status.SUCCESS and n % 4 == 0:
        journal.create_refund(
            RefundRecord(
                f"R-{till}-{n}", prid, Money(50, "HKD"), Status.PENDING, at, at, operator=operator
            )
        )
        journal.update_refund(f"R-{till}-{n}", status=Status.SUCCESS, refunded_at=at)
    return journal.get_payment(prid)


def linked_journal(tmp_path, till: str) -> Journal:
    journal = Journal(tmp_path / f"{till}.sqlite3")
    Outbox(journal).link(till)
    return journal


def store_rows(store_db, till: str) -> dict[str, tuple[str, int]]:
    with store_db.connect() as conn:
        rows = conn.execute(
            "SELECT payment_request_id, status, amount_minor FROM payments WHERE till_id = %s",
            (till,),
        ).fetchall()
    return {r[0]: (r[1], r[2]) for r in rows}


def journal_rows(journal: Journal) -> dict[str, tuple[str, int]]:
    return {
        p.payment_request_id: (p.status.value, p.amount.value)
        for p in journal.list_payments(limit=None)
    }


def day_sum(report) -> tuple[int, int, int]:
    """(sales, refunds, net) in minor units of every HKD line of a till's report."""
    sales = sum(t.sales_minor for t in report.currency_totals)
    refunds = sum(t.refunds_minor for t in report.currency_totals)
    return sales, refunds, sales - refunds


def test_repeated_and_reordered_pushes_land_once(tmp_path, store_db):
    journal = linked_journal(tmp_path, "till-1")
    outbox = Outbox(journal)
    for n in range(12):
        sell(journal, "till-1", n)
    first = outbox.batch(limit=20)
    outbox.acknowledge(first)
    rest = outbox.batch(limit=10_000)
    with connect(store_db.till_dsn) as conn:
        # the newer batch first, then the older one (a retry racing), then both again
        for batch in (rest, first, rest, first):
            push_batch(conn, "till-1", batch)
    assert store_rows(store_db, "till-1") == journal_rows(journal)
    events = sum(len(journal.events(p)) for p in journal_rows(journal))
    assert store_db.scalar("SELECT COUNT(*) FROM events WHERE till_id = 'till-1'") == events
    assert store_db.scalar("SELECT COUNT(*) FROM refunds") == len(
        journal.refunds_between(T0, T0 + timedelta(days=1))
    )
    store = StoreReader(lambda: connect(store_db.till_dsn)).end_of_day(DAY)
    (total,) = store.totals
    assert (total.sales_minor, total.refunds_minor, total.net_minor) == day_sum(
        compute_report(journal, DAY, UTC)
    )
    journal.close()


def test_store_end_of_day_is_the_sum_of_the_tills(tmp_path, store_db):
    tills = {f"till-{i}": linked_journal(tmp_path, f"till-{i}") for i in range(3)}
    for i, (till, journal) in enumerate(tills.items()):
        for n in range(10 + i * 5):
            sell(journal, till, n, operator=f"op-{n % 2}" if i else None)
        rep = Replicator(journal, lambda: connect(store_db.till_dsn), till)
        assert rep.drain(30)
    reader = StoreReader(lambda: connect(store_db.till_dsn))
    day = reader.end_of_day(DAY)
    reports = {till: compute_report(j, DAY, UTC) for till, j in tills.items()}
    by_till = {t.group: t for t in day.by_till}
    for till, report in reports.items():
        sales, refunds, net = day_sum(report)
        line = by_till[till]
        assert (line.sales_minor, line.refunds_minor, line.net_minor) == (sales, refunds, net)
        assert line.open_count == sum(t.open_count for t in report.currency_totals)
    (total,) = day.totals
    assert total.net_minor == sum(day_sum(r)[2] for r in reports.values())
    assert sum(t.net_minor for t in day.by_wallet) == total.net_minor
    assert sum(t.net_minor for t in day.by_operator) == total.net_minor
    assert {t.group for t in day.by_operator} == {"", "op-0", "op-1"}
    # the same day read from the rows (another zone's day is computed, not summarised)
    raw = reader.end_of_day(DAY, tz=ZoneInfo("Etc/UTC"))
    assert raw.totals == day.totals
    # history across tills, newest first, with the till of each
    page = reader.history(limit=5)
    assert [p.record.created_at for p in page] == sorted(
        (p.record.created_at for p in page), reverse=True
    )
    assert reader.count(till_id="till-2") == len(tills["till-2"].list_payments(limit=None))
    some = tills["till-1"].list_payments(limit=1)[0]
    found = reader.find_payment(some.payment_request_id)
    assert found.till_id == "till-1" and found.record == some
    for journal in tills.values():
        journal.close()


def test_a_sale_never_waits_and_replication_resumes_after_the_server_stops(
    tmp_path, store_db, pg_server
):
    journal = linked_journal(tmp_path, "till-r")
    rep = Replicator(
        journal,
        lambda: connect(store_db.till_dsn, timeout=2),
        "till-r",
        interval=0.05,
        max_backoff=0.5,
    ).start()
    try:
        for n in range(5):
            sell(journal, "till-r", n)
        deadline = time.monotonic() + 30
        while len(store_rows(store_db, "till-r")) < 5 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(store_rows(store_db, "till-r")) == 5
        pg_server.stop()
        try:
            started = time.monotonic()
            for n in range(5, 15):  # the store is down: the till keeps selling
                sell(journal, "till-r", n)
            assert time.monotonic() - started < 5
            assert Outbox(journal).backlog() > 0
        finally:
            pg_server.start()
        deadline = time.monotonic() + 60
        while Outbox(journal).backlog() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert store_rows(store_db, "till-r") == journal_rows(journal)
        assert rep.state.last_error == ""
    finally:
        rep.stop()
        journal.close()


def test_a_crash_between_the_commit_and_the_acknowledgement_doubles_nothing(tmp_path, store_db):
    journal = linked_journal(tmp_path, "till-c")
    for n in range(8):
        sell(journal, "till-c", n)
    batch = Outbox(journal).batch(limit=15)
    with connect(store_db.till_dsn) as conn:
        push_batch(conn, "till-c", batch)  # committed at the store ... and the till dies
    journal.close()
    journal = Journal(tmp_path / "till-c.sqlite3")  # the next start
    assert Outbox(journal).batch(limit=15).first_seq == batch.first_seq  # still queued
    assert Replicator(journal, lambda: connect(store_db.till_dsn), "till-c").drain(30)
    assert store_rows(store_db, "till-c") == journal_rows(journal)
    events = sum(len(journal.events(p)) for p in journal_rows(journal))
    assert store_db.scalar("SELECT COUNT(*) FROM events WHERE till_id = 'till-c'") == events
    journal.close()
