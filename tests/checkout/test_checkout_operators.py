"""Operators enforced in checkout (not only hidden in the UI): sign-in before a sale, a
manager's PIN for a refund and for the cancel of a paid payment, and every journal row and
event naming the operator. The whole stack against the embedded sandbox, real SQLite files."""

from __future__ import annotations

import logging

import pytest

from cashier_app.app import build_services
from cashier_app.checkout.errors import ApprovalRequired, SignInRequired
from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.payment_kit import PaymentInfo
from cashier_app.operators import CASHIER, MANAGER, OperatorError, OperatorStore, PinEntry

INFO = PaymentInfo(4200, "HKD", "operators")
BOSS, BOSS_PIN = "Mei", "739164528301"  # 12 digits: never in an id or a time by chance
CLERK, CLERK_PIN = "Ana", "580264917352"  # as long: a 4-digit PIN stood in a hex id


def _paid(services):
    rec = services.checkout.create_payment(INFO, "ALIPAY_HK")
    services.simulator.approve(rec.payment_id)
    done = services.checkout.run_to_completion(rec.payment_request_id, timeout=5)
    assert done.status is Status.SUCCESS
    return done


@pytest.fixture
def staffed(tmp_path):
    store = OperatorStore(tmp_path / "operators.sqlite3")
    store.add(BOSS, MANAGER, BOSS_PIN)
    store.add(CLERK, CASHIER, CLERK_PIN)
    store.close()
    with build_services(journal_path=tmp_path / "journal.sqlite3") as services:
        yield services


def test_no_operators_set_up_works_as_before(tmp_path):
    with build_services(journal_path=tmp_path / "journal.sqlite3") as services:
        rec = _paid(services)
        refund = services.checkout.refund(rec.payment_request_id, Money(100, "HKD"))
        assert refund.status is Status.SUCCESS and refund.approved_by is None
        assert rec.operator is None and all(
            e.operator is None for e in services.journal.events(rec.payment_request_id)
        )


def test_a_sale_needs_someone_signed_in(staffed):
    with pytest.raises(SignInRequired):
        staffed.checkout.create_payment(INFO, "ALIPAY_HK")
    assert staffed.journal.count_payments() == 0  # nothing journaled, nothing sent
    staffed.session.sign_in(PinEntry(CLERK, CLERK_PIN))
    rec = _paid(staffed)
    assert rec.operator == CLERK
    events = staffed.journal.events(rec.payment_request_id)
    assert events and {e.operator for e in events} == {CLERK}
    staffed.session.sign_out()
    with pytest.raises(SignInRequired):
        staffed.checkout.create_payment(INFO, "ALIPAY_HK")


def test_a_refund_needs_a_managers_pin(staffed, caplog):
    caplog.set_level(logging.DEBUG)
    staffed.session.sign_in(PinEntry(CLERK, CLERK_PIN))
    rec = _paid(staffed)
    prid = rec.payment_request_id
    with pytest.raises(ApprovalRequired) as info:
        staffed.checkout.refund(prid, Money(500, "HKD"))
    assert info.value.code == "approve_refund"
    with pytest.raises(OperatorError) as info:  # a cashier cannot approve, even themselves
        staffed.checkout.refund(prid, Money(500, "HKD"), approval=PinEntry(CLERK, CLERK_PIN))
    assert info.value.code == "not_manager"
    with pytest.raises(OperatorError) as info:
        staffed.checkout.refund(prid, Money(500, "HKD"), approval=PinEntry(BOSS, "918273645501"))
    assert info.value.code == "wrong_pin"
    assert staffed.journal.refunds_for(prid) == []  # nothing journaled, nothing sent
    refund = staffed.checkout.refund(prid, Money(500, "HKD"), approval=PinEntry(BOSS, BOSS_PIN))
    assert refund.status is Status.SUCCESS
    assert (refund.operator, refund.approved_by) == (CLERK, BOSS)
    stored = staffed.journal.get_refund(refund.refund_request_id)
    assert (stored.operator, stored.approved_by) == (CLERK, BOSS)
    from cashier_app.reports.receipts import receipt_data, receipt_text

    sale_receipt = receipt_text(receipt_data(staffed.journal.get_payment(prid), [stored], "Shop"))
    assert "Served by" in sale_receipt and CLERK in sale_receipt
    assert BOSS_PIN not in sale_receipt and CLERK_PIN not in sale_receipt
    kinds = {(e.kind, e.operator) for e in staffed.journal.events(prid)}
    assert ("refund", CLERK) in kinds
    # a PIN is nowhere: not in the log, the journal's files, an event or a repr
    folder = staffed.journal.path.parent
    raw = b"".join(p.read_bytes() for p in folder.glob("journal.sqlite3*"))
    for pin in (BOSS_PIN, "918273645501"):
        assert pin not in caplog.text and pin.encode() not in raw
        assert pin not in repr(PinEntry(BOSS, pin))


def test_cancelling_a_paid_payment_needs_a_manager_but_an_unpaid_one_does_not(staffed):
    staffed.session.sign_in(PinEntry(CLERK, CLERK_PIN))
    pending = staffed.checkout.create_payment(INFO, "ALIPAY_HK")
    assert staffed.checkout.cancel(pending.payment_request_id).status is Status.CANCELLED
    paid = _paid(staffed)
    with pytest.raises(ApprovalRequired) as info:
        staffed.checkout.cancel(paid.payment_request_id)
    assert info.value.code == "approve_cancel_paid"
    assert staffed.checkout.get(paid.payment_request_id).status is Status.SUCCESS
    done = staffed.checkout.cancel(paid.payment_request_id, approval=PinEntry(BOSS, BOSS_PIN))
    assert done.status is Status.CANCELLED
    approved = [e for e in staffed.journal.events(paid.payment_request_id) if e.kind == "approved"]
    assert approved and approved[0].detail == {"act": "cancel", "manager": BOSS}


def test_end_of_day_per_operator_beside_per_wallet(staffed, tmp_path, pdftotext):
    from datetime import date

    from cashier_app.cli.report import format_report, report_json
    from cashier_app.reports.eod import compute_report

    staffed.session.sign_in(PinEntry(CLERK, CLERK_PIN))
    sale = _paid(staffed)
    _paid(staffed)
    staffed.session.sign_in(PinEntry(BOSS, BOSS_PIN))  # the next shift
    _paid(staffed)
    staffed.checkout.refund(  # the manager refunds the clerk's sale: on the manager's shift
        sale.payment_request_id, Money(1000, "HKD"), approval=PinEntry(BOSS, BOSS_PIN)
    )
    report = compute_report(staffed.journal, date.today())
    shifts = {s.operator: s for s in report.shifts}
    assert (shifts[CLERK].sales_count, shifts[CLERK].sales_minor) == (2, 8400)
    assert (shifts[CLERK].refunds_count, shifts[CLERK].net_minor) == (0, 8400)
    assert (shifts[BOSS].sales_minor, shifts[BOSS].refunds_minor) == (4200, 1000)
    # the shifts add up to the wallets' totals
    assert sum(s.net_minor for s in report.shifts) == sum(t.net_minor for t in report.lines)
    ops = {o["operator"]: o for o in report_json(report)["operators"]}
    assert ops[BOSS]["net"] == "32.00" and ops[CLERK]["sales_count"] == 2
    text = format_report(report)
    assert "By operator:" in text and f"{CLERK}" in text
    from cashier_app.reports.eod import write_csv, write_pdf

    csv_text = write_csv(report, tmp_path / "day.csv").read_text(encoding="utf-8-sig")
    assert "Operator,Currency,Sales" in csv_text and f"{CLERK},HKD,2,84.00,0,0.00,84.00" in csv_text
    pdf = pdftotext(write_pdf(report, tmp_path / "day.pdf"))
    assert "By operator (shift)" in pdf and CLERK in pdf and BOSS in pdf
