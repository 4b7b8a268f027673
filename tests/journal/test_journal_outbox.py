"""The journal's store outbox (schema 5): filled by triggers once linked, read in one
snapshot, acknowledged after the store committed; an older journal migrates to it."""

from __future__ import annotations

import sqlite3

import pytest

from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import RefundRecord
from cashier_app.journal import SCHEMA_VERSION, Journal, JournalError
from cashier_app.journal.outbox import Outbox
from cashier_app.journal.schema import MIGRATIONS


def test_a_version_3_journal_migrates_to_the_outbox_and_keeps_its_sales(tmp_path, make_payment):
    path = tmp_path / "v3.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS[:3]:
        step(db)
    db.execute("PRAGMA user_version = 3")
    db.execute(
        "INSERT INTO payments (payment_request_id, profile, amount_minor, currency, method, "
        "status, created_at, updated_at) VALUES ('OLD-1', 'sandbox', 500, 'HKD', 'ALIPAY_HK', "
        "'SUCCESS', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z')"
    )
    db.execute(
        "INSERT INTO events (payment_request_id, at, kind) "
        "VALUES ('OLD-1', '2026-01-01T00:00:00.000000Z', 'journaled')"
    )
    db.close()
    with Journal(path) as j:
        assert j.schema_version == SCHEMA_VERSION >= 5
        old = j.get_payment("OLD-1")
        assert old.amount == Money(500, "HKD") and old.operator is None
        outbox = Outbox(j)
        assert outbox.till_id() is None and outbox.backlog() == 0  # not linked: nothing queued
        j.create_payment(make_payment(1))
        assert outbox.backlog() == 0
        assert outbox.link("till-a") is True
        # everything already journaled is queued on joining, payments before their events
        batch = outbox.batch()
        assert set(batch.payments) == {"OLD-1", "PRQ-000001"}
        assert [e[1]["kind"] for e in batch.events] == ["journaled"]
        first_event_seq = batch.events[0][0]
        assert all(seq < first_event_seq for seq, _ in batch.payments.values())


def test_every_change_is_queued_in_its_own_transaction(journal, make_payment):
    outbox = Outbox(journal)
    outbox.link("till-b")
    rec = make_payment(7)
    journal.create_payment(rec)
    journal.add_event(rec.payment_request_id, "journaled", {"amount": "12.30"}, operator="op-1")
    journal.update_payment(rec.payment_request_id, status=Status.SUCCESS)
    journal.create_refund(
        RefundRecord(
            "RF-1",
            rec.payment_request_id,
            Money(100, "HKD"),
            Status.PENDING,
            rec.created_at,
            rec.created_at,
        )
    )
    batch = outbox.batch()
    assert batch.size == 4 and batch.backlog == 4
    seq, row = batch.payments[rec.payment_request_id]
    assert row["status"] == "SUCCESS" and seq == batch.first_seq + 2  # the last change of it
    assert batch.events[0][1]["operator"] == "op-1"
    assert journal.events(rec.payment_request_id)[0].operator == "op-1"
    _refund_seq, refund = batch.refunds["RF-1"]
    assert refund["method"] == rec.method and refund["profile"] == rec.profile
    # a change made after the batch was read stays queued through the acknowledgement
    journal.update_payment(rec.payment_request_id, result_code="LATE")
    outbox.acknowledge(batch)
    left = outbox.batch()
    assert left.size == 1 and left.payments[rec.payment_request_id][1]["result_code"] == "LATE"


def test_a_till_id_never_changes(journal):
    outbox = Outbox(journal)
    assert outbox.link("till-c") is True
    assert outbox.link("till-c") is False
    with pytest.raises(JournalError, match="already belongs to till 'till-c'"):
        outbox.link("till-d")
    with pytest.raises(ValueError, match="till id"):
        Outbox(journal).link("bad id!")
