"""Answers the real gateway gives that our own sandbox used not to: REPEAT_REQ_INCONSISTENT to
a pay that may have been accepted, and final F codes nobody has listed."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from antom_fakes import FakePayment, result
from test_checkout_service import INFO, Rig

from cashier_app.checkout.errors import NotificationRejected
from cashier_app.checkout.service import NOTIFICATION_TOLERANCE
from cashier_app.domain.money import Money, MoneyError
from cashier_app.domain.outcome import Status
from cashier_app.domain.payment_kit import PaymentInfo
from cashier_app.gateway.signing import epoch_millis, request_time


@pytest.fixture
def rig(tmp_path):
    return Rig(tmp_path)


def _accept_first_then_inconsistent(rig, status="PROCESSING", code="PAYMENT_IN_PROCESS"):
    """The first pay was accepted (its answer lost); the gateway now calls ours a repeat
    with different content."""

    def before(seen):
        if seen.path.endswith("/pay"):
            req = seen.json
            rig.fake.payments.setdefault(
                req["paymentRequestId"],
                FakePayment(
                    req["paymentRequestId"], "PAY-FIRST", req["paymentAmount"], b"{}", status, code
                ),
            )

    rig.fake.before = before
    rig.fake.override["pay"] = {
        "result": result("REPEAT_REQ_INCONSISTENT", "F", "repeated request inconsistent")
    }


@pytest.mark.parametrize(
    ("at_gateway", "code", "expected"),
    [
        ("PROCESSING", "PAYMENT_IN_PROCESS", Status.PENDING),
        ("SUCCESS", "SUCCESS", Status.SUCCESS),
    ],
)
def test_repeat_req_inconsistent_is_inquired_before_calling_the_sale_failed(
    rig, at_gateway, code, expected
):
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


# -- notifyRefund and stale notifications ---------------------------------------------------


def _signed(rig, body: dict, sent_at: str | None = None) -> tuple[dict, bytes]:
    raw = json.dumps(body).encode()
    sent_at = sent_at or request_time()
    return (
        {
            "client-id": rig.fake.client_id,
            "request-time": sent_at,
            "signature": rig.fake.signer.header(
                "POST", "/notify", rig.fake.client_id, sent_at, raw
            ),
        },
        raw,
    )


def _refund_in_process(rig):
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    fake = rig.fake.payments[rec.payment_request_id]
    fake.status = fake.code = "SUCCESS"
    assert rig.service.refresh(rec.payment_request_id).status is Status.SUCCESS
    rig.fake.override["refund"] = {
        "result": result("REFUND_IN_PROCESS", "U"),
        "refundId": "RF-ASYNC",
    }
    refund = rig.service.refund(rec.payment_request_id, Money(500, "HKD"))
    assert refund.status is Status.PENDING and refund.refund_id == "RF-ASYNC"
    return refund


def _notify_refund(refund, status="SUCCESS", value="500"):
    return {
        "notifyType": "REFUND_RESULT",
        "result": result("SUCCESS", "S") if status == "SUCCESS" else result("PROCESS_FAIL", "F"),
        "refundStatus": status,
        "refundRequestId": refund.refund_request_id,
        "refundId": refund.refund_id,
        "refundAmount": {"currency": "HKD", "value": value},
        "refundTime": "2026-12-01T10:00:00+08:00",
    }


def test_notify_refund_settles_the_refund_and_repeats_change_nothing(rig):
    refund = _refund_in_process(rig)
    done = rig.service.handle_notification("/notify", *_signed(rig, _notify_refund(refund)))
    assert done.status is Status.SUCCESS and done.refunded_at.isoformat().startswith(
        "2026-12-01T02:00:00"
    )
    again = rig.service.handle_notification(
        "/notify", *_signed(rig, _notify_refund(refund, "FAIL"))
    )
    assert again.status is Status.SUCCESS  # first final state wins
    assert "duplicate" in rig.kinds(refund.payment_request_id)


@pytest.mark.parametrize(
    ("change", "match"),
    [
        ({"refundAmount": {"currency": "HKD", "value": "501"}}, "amount"),
        ({"refundRequestId": "R-NOT-OURS"}, "unknown refund"),
        ({"refundId": "RF-OTHER"}, "refundId"),
        ({"refundStatus": "MAYBE"}, "refundStatus"),
    ],
)
def test_notify_refund_that_does_not_match_is_rejected(rig, change, match):
    refund = _refund_in_process(rig)
    with pytest.raises(NotificationRejected, match=match):
        rig.service.handle_notification(
            "/notify", *_signed(rig, {**_notify_refund(refund), **change})
        )
    assert rig.journal.get_refund(refund.refund_request_id).status is Status.PENDING


@pytest.mark.parametrize("form", ["iso", "epoch_ms"])
def test_a_notification_older_than_the_tolerance_is_refused(rig, form):
    refund = _refund_in_process(rig)
    old = datetime.now(UTC) - timedelta(seconds=NOTIFICATION_TOLERANCE + 60)
    sent_at = request_time(old) if form == "iso" else epoch_millis(old)
    with pytest.raises(NotificationRejected, match="old"):
        rig.service.handle_notification("/notify", *_signed(rig, _notify_refund(refund), sent_at))
    fresh = rig.service.handle_notification("/notify", *_signed(rig, _notify_refund(refund)))
    assert fresh.status is Status.SUCCESS  # the resend, with a fresh time, is taken


# -- what the gateway would refuse is caught before sending ---------------------------------


@pytest.mark.parametrize(
    ("info", "method", "code", "shown"),
    [
        (PaymentInfo(5, "CNY", "gum"), "ALIPAY_CN", "amount_below_minimum", "0.10 CNY"),
        (PaymentInfo(2_000_001, "KRW", "tv"), "TOSSPAY", "amount_above_maximum", "2000000 KRW"),
    ],
)
def test_amount_outside_the_methods_limits_is_refused_before_sending(
    rig, info, method, code, shown
):
    with pytest.raises(MoneyError) as caught:
        rig.service.create_payment(info, method)
    assert caught.value.code == code and shown in str(caught.value)
    assert rig.fake.seen == [] and rig.journal.list_payments(limit=None) == []


def test_connect_wallet_pay_carries_a_settlement_strategy(rig):
    rig.service.create_payment(PaymentInfo(1230, "HKD", "any wallet"), "CONNECT_WALLET")
    sent = json.loads(rig.fake.bodies("pay")[0])
    assert sent["settlementStrategy"] == {"settlementCurrency": "HKD"}
