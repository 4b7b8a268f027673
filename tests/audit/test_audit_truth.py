"""Audit: validly signed answers and notifications that belong to ANOTHER payment (or
another refund, or another amount) must not be believed by the checkout service."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from antom_fakes import FakeAntom, result

from cashier_app.checkout.errors import NotificationRejected
from cashier_app.checkout.service import CheckoutService
from cashier_app.domain.outcome import Status
from cashier_app.domain.payment_kit import PaymentInfo
from cashier_app.gateway.antom import AntomClient
from cashier_app.gateway.signing import Signer, Verifier, request_time
from cashier_app.journal import Journal

INFO = PaymentInfo(1230, "HKD", "2 x coffee")
NOTIFY_PATH = "/notify"


class Rig:
    def __init__(self, tmp_path) -> None:
        self.fake = FakeAntom()
        self.journal = Journal(tmp_path / "journal.sqlite3")
        self.client = AntomClient(
            "https://gw.example",
            self.fake.client_id,
            Signer(self.fake.merchant_key),
            Verifier(self.fake.gateway_key.public_key()),
            transport=self.fake.transport(),
            sleep=lambda _s: None,
        )
        self.service = CheckoutService(
            self.client, self.journal, profile="test", expiry_seconds=120
        )

    def signed_notification(self, payload: dict) -> tuple[dict[str, str], bytes]:
        body = json.dumps(payload).encode()
        now = request_time()
        return (
            {
                "client-id": self.fake.client_id,
                "request-time": now,
                "signature": self.fake.signer.header(
                    "POST", NOTIFY_PATH, self.fake.client_id, now, body
                ),
            },
            body,
        )

    def paid(self):
        rec = self.service.create_payment(INFO, "ALIPAY_HK")
        self.fake.payments[rec.payment_request_id].status = "SUCCESS"
        self.fake.payments[rec.payment_request_id].code = "SUCCESS"
        rec = self.service.refresh(rec.payment_request_id)
        assert rec.status is Status.SUCCESS
        return rec


@pytest.fixture
def rig(tmp_path) -> Rig:
    return Rig(tmp_path)


def _inquiry(prid: str, pid: str, value: str = "1230") -> dict:
    return {
        "result": result(),
        "paymentStatus": "SUCCESS",
        "paymentResultCode": "SUCCESS",
        "paymentRequestId": prid,
        "paymentId": pid,
        "paymentAmount": {"currency": "HKD", "value": value},
        "paymentTime": request_time(),
    }


def test_inquiry_answer_for_another_payment_request_id_is_not_believed(rig):
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    rig.fake.override["inquiryPayment"] = _inquiry("SOMEONE_ELSE", rec.payment_id)
    after = rig.service.refresh(rec.payment_request_id)
    assert after.status is not Status.SUCCESS
    assert rig.service.get(rec.payment_request_id).status is Status.UNKNOWN


def test_inquiry_answer_for_another_payment_id_is_not_believed(rig):
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    assert rec.payment_id
    rig.fake.override["inquiryPayment"] = _inquiry(rec.payment_request_id, "PAY_OTHER")
    after = rig.service.refresh(rec.payment_request_id)
    assert after.status is not Status.SUCCESS
    assert after.payment_id == rec.payment_id


def test_inquiry_answer_for_another_amount_is_not_believed(rig):
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    rig.fake.override["inquiryPayment"] = _inquiry(rec.payment_request_id, rec.payment_id, "1")
    assert rig.service.refresh(rec.payment_request_id).status is not Status.SUCCESS


def test_notification_found_by_payment_id_but_for_another_request_id_is_rejected(rig):
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    headers, body = rig.signed_notification(
        {
            "notifyType": "PAYMENT_RESULT",
            "result": result(),
            "paymentRequestId": "NOT_OURS",
            "paymentId": rec.payment_id,
            "paymentAmount": {"currency": "HKD", "value": "1230"},
            "paymentTime": datetime.now(UTC).isoformat(),
        }
    )
    with pytest.raises(NotificationRejected):
        rig.service.handle_notification(NOTIFY_PATH, headers, body)
    assert rig.service.get(rec.payment_request_id).status is Status.PENDING


def test_notification_for_another_currency_is_rejected(rig):
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    headers, body = rig.signed_notification(
        {
            "notifyType": "PAYMENT_RESULT",
            "result": result(),
            "paymentRequestId": rec.payment_request_id,
            "paymentId": rec.payment_id,
            "paymentAmount": {"currency": "USD", "value": "1230"},
        }
    )
    with pytest.raises(NotificationRejected, match="differs"):
        rig.service.handle_notification(NOTIFY_PATH, headers, body)
    assert rig.service.get(rec.payment_request_id).status is Status.PENDING


def test_refund_answer_for_another_refund_request_id_is_not_believed(rig):
    rec = rig.paid()
    rig.fake.override["refund"] = {
        "result": result(),
        "refundRequestId": "R_NOT_OURS",
        "refundId": "RF9",
        "paymentId": rec.payment_id,
        "refundAmount": {"currency": "HKD", "value": "1230"},
    }
    refund = rig.service.refund(rec.payment_request_id)
    assert refund.status is Status.UNKNOWN


def test_refund_answer_for_another_amount_is_not_believed(rig):
    rec = rig.paid()
    rig.fake.override["refund"] = {
        "result": result(),
        "paymentId": rec.payment_id,
        "refundId": "RF9",
        "refundAmount": {"currency": "HKD", "value": "1"},
    }
    refund = rig.service.refund(rec.payment_request_id)
    assert refund.status is Status.UNKNOWN


def test_refund_inquiry_for_another_refund_is_not_believed(rig):
    rec = rig.paid()
    rig.fake.failures.append(503)
    rig.fake.failures.append(503)
    rig.fake.failures.append(503)
    refund = rig.service.refund(rec.payment_request_id)
    assert refund.status is Status.UNKNOWN
    rig.fake.override["inquiryRefund"] = {
        "result": result(),
        "refundStatus": "SUCCESS",
        "refundRequestId": "R_NOT_OURS",
        "refundId": "RF1",
    }
    after = rig.service.refresh_refund(refund.refund_request_id)
    assert after.status is not Status.SUCCESS
    rig.fake.override["inquiryRefund"] = {
        "result": result(),
        "refundStatus": "SUCCESS",
        "refundRequestId": refund.refund_request_id,
        "refundId": "RF1",
        "refundAmount": {"currency": "HKD", "value": "7"},
    }
    assert rig.service.refresh_refund(refund.refund_request_id).status is not Status.SUCCESS
    rig.fake.override["inquiryRefund"] = {
        "result": result(),
        "refundStatus": "SUCCESS",
        "refundRequestId": refund.refund_request_id,
        "refundId": "RF1",
    }
    assert rig.service.refresh_refund(refund.refund_request_id).status is Status.SUCCESS


def test_notification_of_an_unknown_type_is_rejected(rig):
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    headers, body = rig.signed_notification(
        {
            "notifyType": "CAPTURE_RESULT",
            "result": result(),
            "paymentRequestId": rec.payment_request_id,
            "paymentId": rec.payment_id,
            "paymentAmount": {"currency": "HKD", "value": "1230"},
        }
    )
    with pytest.raises(NotificationRejected, match="CAPTURE_RESULT"):
        rig.service.handle_notification(NOTIFY_PATH, headers, body)
    assert rig.service.get(rec.payment_request_id).status is Status.PENDING


@pytest.mark.parametrize("paid_at", ["2020-01-02T03:04:05", "not a time", None])
def test_notification_payment_time_without_offset_is_not_guessed(rig, paid_at):
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    payload = {
        "notifyType": "PAYMENT_RESULT",
        "result": result(),
        "paymentRequestId": rec.payment_request_id,
        "paymentId": rec.payment_id,
        "paymentAmount": {"currency": "HKD", "value": "1230"},
    }
    if paid_at is not None:
        payload["paymentTime"] = paid_at
    before = datetime.now(UTC)
    after = rig.service.handle_notification(NOTIFY_PATH, *rig.signed_notification(payload))
    assert after.status is Status.SUCCESS
    assert after.paid_at is not None and after.paid_at >= before.replace(microsecond=0)


def test_notification_payment_time_with_offset_is_kept_in_utc(rig):
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    after = rig.service.handle_notification(
        NOTIFY_PATH,
        *rig.signed_notification(
            {
                "notifyType": "PAYMENT_RESULT",
                "result": result(),
                "paymentRequestId": rec.payment_request_id,
                "paymentId": rec.payment_id,
                "paymentAmount": {"currency": "HKD", "value": "1230"},
                "paymentTime": "2026-11-22T08:30:00+08:00",
            }
        ),
    )
    assert after.paid_at == datetime(2026, 11, 22, 0, 30, tzinfo=UTC)
