"""Answers the real gateway gives that our own sandbox used not to: REPEAT_REQ_INCONSISTENT to
a pay that may have been accepted, and final F codes nobody has listed."""

from __future__ import annotations

import pytest
from antom_fakes import FakePayment, result
from test_checkout_service import INFO, Rig

from cashier_app.domain.outcome import Status


@pytest.fixture
def rig(tmp_path):
    return Rig(tmp_path)


def _accept_first_then_inconsistent(rig, status="PROCESSING", code="PAYMENT_IN_PROCESS"):
    """The first pay was accepted (its answer lost); the gateway now calls ours a repeat
    with different content."""
    def before(seen):
        if seen.path.endswith("/pay"):
            req = seen.json
            rig.fake.payments.setdefault(req["paymentRequestId"], FakePayment(
                req["paymentRequestId"], "PAY-FIRST", req["paymentAmount"], b"{}", status,
                code))
    rig.fake.before = before
    rig.fake.override["pay"] = {"result": result("REPEAT_REQ_INCONSISTENT", "F",
                                                 "repeated request inconsistent")}


@pytest.mark.parametrize(("at_gateway", "code", "expected"), [
    ("PROCESSING", "PAYMENT_IN_PROCESS", Status.PENDING),
    ("SUCCESS", "SUCCESS", Status.SUCCESS),
])
def test_repeat_req_inconsistent_is_inquired_before_calling_the_sale_failed(
        rig, at_gateway, code, expected):
    _accept_first_then_inconsistent(rig, at_gateway, code)
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    assert rec.status is expected, (rec.status, rec.result_code)
    assert rec.payment_id == "PAY-FIRST"
    assert [s.path.rsplit("/", 1)[-1] for s in rig.fake.seen] == ["pay", "inquiryPayment"]


def test_repeat_req_inconsistent_for_a_payment_the_gateway_never_had_is_failed(rig):
    rig.fake.override["pay"] = {"result": result("REPEAT_REQ_INCONSISTENT", "F")}
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    assert rec.status is Status.FAILED and rec.result_code == "ORDER_NOT_EXIST"
    codes = [e.detail.get("code") for e in rig.journal.events(rec.payment_request_id)]
    assert "REPEAT_REQ_INCONSISTENT" in codes


def test_repeat_req_inconsistent_with_the_inquiry_unanswered_stays_unknown(rig):
    rig.fake.override["pay"] = {"result": result("REPEAT_REQ_INCONSISTENT", "F")}
    rig.fake.override["inquiryPayment"] = {"result": result("UNKNOWN_EXCEPTION", "U")}
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    assert rec.status is Status.UNKNOWN  # never FAILED on a guess: recover asks again


def test_an_unknown_final_f_code_to_pay_is_failed_with_the_code_shown(rig):
    rig.fake.override["pay"] = {"result": result("WALLET_SAYS_NO_2031", "F", "new code")}
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    assert rec.status is Status.FAILED and rec.result_code == "WALLET_SAYS_NO_2031"


def test_an_unknown_final_code_from_inquiry_and_notification_is_failed(rig):
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    fake = rig.fake.payments[rec.payment_request_id]
    fake.status, fake.code = "FAIL", "WALLET_SAYS_NO_2031"
    polled = rig.service.refresh(rec.payment_request_id)
    assert polled.status is Status.FAILED and polled.result_code == "WALLET_SAYS_NO_2031"

    other = rig.service.create_payment(INFO, "ALIPAY_HK")
    notified = rig.notify(other, "F", "ANOTHER_NEW_CODE")
    assert notified.status is Status.FAILED and notified.result_code == "ANOTHER_NEW_CODE"
