"""CheckoutService over a signed fake gateway (httpx.MockTransport) and a real SQLite journal."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from antom_fakes import FakeAntom, key, result

from cashier_app.checkout.errors import CheckoutError, NotificationRejected, RefundRefused
from cashier_app.checkout.policy import PollPolicy
from cashier_app.checkout.service import CheckoutService
from cashier_app.domain.methods import UnknownMethodError
from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.payment_kit import PaymentInfo, PaymentKitError
from cashier_app.domain.records import PaymentRecord
from cashier_app.gateway.antom import AntomClient
from cashier_app.gateway.signing import Signer, Verifier, private_key_pkcs8_base64
from cashier_app.journal import Journal

INFO = PaymentInfo(1230, "HKD", "2 x coffee")
NOTIFY_PATH = "/notify"


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class Rig:
    def __init__(self, tmp_path, fake: FakeAntom | None = None, transport=None) -> None:
        self.fake = fake or FakeAntom()
        self.path = tmp_path / "journal.sqlite3"
        self.journal = Journal(self.path)
        self.clock = Clock()
        self.client = AntomClient(
            "https://gw.example",
            self.fake.client_id,
            Signer(self.fake.merchant_key),
            Verifier(self.fake.gateway_key.public_key()),
            transport=transport or self.fake.transport(),
            sleep=lambda _s: None,
        )
        self.service = CheckoutService(
            self.client,
            self.journal,
            profile="test",
            notify_url="https://shop.example/notify",
            expiry_seconds=120,
            clock=self.clock,
        )

    def kinds(self, prid: str) -> list[str]:
        return [e.kind for e in self.journal.events(prid)]

    def notify(self, rec: PaymentRecord, status="S", code="SUCCESS", **kw) -> PaymentRecord:
        headers, body = self.fake.notification(
            NOTIFY_PATH, self.fake.payments[rec.payment_request_id], status, code, **kw
        )
        return self.service.handle_notification(NOTIFY_PATH, headers, body)


@pytest.fixture
def rig(tmp_path) -> Rig:
    return Rig(tmp_path)


def test_row_is_committed_before_the_first_byte_is_sent(tmp_path):
    fake = FakeAntom()
    rig = Rig(tmp_path, fake)
    observed: list[PaymentRecord | None] = []

    def before(seen):
        if seen.path.endswith("/pay"):
            with Journal(rig.path) as other:  # a separate connection sees only commits
                observed.append(other.get_payment(seen.json["paymentRequestId"]))

    fake.before = before
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    assert observed and observed[0] is not None
    assert observed[0].status is Status.CREATED
    assert observed[0].payment_request_id == rec.payment_request_id
    assert len(rec.payment_request_id) <= 64


def test_create_payment_gets_pending_with_wallet_links(rig):
    rec = rig.service.create_payment(INFO, "alipay_hk", reference_order_id="ORDER-7")
    assert rec.status is Status.PENDING and rec.result_code == "PAYMENT_IN_PROCESS"
    assert rec.payment_id == "PAY000001" and rec.code_value == "qr:PAY000001"
    assert rec.normal_url and rec.scheme_url and rec.method == "ALIPAY_HK"
    assert rec.expires_at == rig.clock.now + timedelta(seconds=120)
    assert rig.journal.get_payment(rec.payment_request_id) == rec
    assert rig.kinds(rec.payment_request_id) == ["journaled", "request", "response", "state"]
    sent = json.loads(rig.fake.bodies("pay")[0])
    assert sent["order"]["referenceOrderId"] == "ORDER-7"
    assert sent["order"]["orderDescription"] == "2 x coffee"
    assert sent["paymentNotifyUrl"] == "https://shop.example/notify"


def test_bad_sales_are_refused_before_anything_is_journaled(rig):
    with pytest.raises(PaymentKitError):
        rig.service.create_payment(PaymentInfo(0, "HKD"), "ALIPAY_HK")
    with pytest.raises(UnknownMethodError):
        rig.service.create_payment(INFO, "NO_SUCH_WALLET")
    with pytest.raises(CheckoutError, match="GCash does not accept HKD"):
        rig.service.create_payment(INFO, "GCASH")
    assert rig.journal.count_payments() == 0 and rig.fake.seen == []


def test_unreachable_gateway_leaves_unknown_then_resend_uses_identical_bytes(rig):
    rig.fake.failures = [httpx.ConnectError("connection reset")] * 3
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    assert rec.status is Status.UNKNOWN and rec.result_code == "NETWORK_ERROR"
    assert not rec.is_final
    # the gateway never got it: the next poll learns that and resends the same pay
    rec = rig.service.refresh(rec.payment_request_id)
    assert rec.status is Status.PENDING and rec.payment_id
    bodies = rig.fake.bodies("pay")
    assert len(bodies) == 4 and len(set(bodies)) == 1
    assert len(rig.fake.payments) == 1
    assert "resend" in rig.kinds(rec.payment_request_id)


def test_answer_lost_after_the_gateway_took_the_payment(tmp_path):
    fake = FakeAntom()
    lost = {"n": 3}

    def handler(request: httpx.Request) -> httpx.Response:
        response = fake.handle(request)
        if lost["n"] > 0:
            lost["n"] -= 1
            raise httpx.ReadTimeout("answer lost")
        return response

    rig = Rig(tmp_path, fake, transport=httpx.MockTransport(handler))
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    assert rec.status is Status.UNKNOWN and rec.result_code == "GATEWAY_TIMEOUT"
    rec = rig.service.refresh(rec.payment_request_id)
    assert rec.status is Status.PENDING and rec.payment_id == "PAY000001"
    assert len(fake.payments) == 1 and len(set(fake.bodies("pay"))) == 1


def test_unverifiable_answers_are_never_a_success(rig):
    rig.fake.override["pay"] = {"result": result(), "paymentRequestId": "x"}
    rig.fake.tamper = lambda h, b: ({**h, "signature": h["signature"][:-6] + "AAAA%3D"}, b)
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    assert rec.status is Status.UNKNOWN and rec.result_code == "RESPONSE_SIGNATURE_INVALID"
    rig.fake.tamper = None
    rig.fake.override.clear()


def test_f_answer_to_pay_is_failed_with_the_gateway_code(rig):
    rig.fake.override["pay"] = {"result": result("RISK_REJECT", "F", "risky")}
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    assert rec.status is Status.FAILED and rec.result_code == "RISK_REJECT"
    assert rec.result_message == "risky"


def test_polling_reaches_success_and_first_final_wins(rig):
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    rig.fake.payments[rec.payment_request_id].status = "SUCCESS"
    rig.fake.payments[rec.payment_request_id].code = "SUCCESS"
    done = rig.service.run_to_completion(rec.payment_request_id, sleep=lambda s: None)
    assert done.status is Status.SUCCESS and done.paid_at is not None
    # a late FAIL notification does not undo it; a duplicate SUCCESS changes nothing
    assert rig.notify(rec, "F", "USER_BALANCE_NOT_ENOUGH").status is Status.SUCCESS
    again = rig.notify(rec)
    assert again.status is Status.SUCCESS and again.updated_at == done.updated_at
    kinds = rig.kinds(rec.payment_request_id)
    assert "ignored" in kinds and "duplicate" in kinds
    assert rig.service.refresh(rec.payment_request_id) == again  # final: no more polls


def test_notifications_settle_pending_payments(rig):
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    pending = rig.notify(rec, "S", "SUCCESS", notify_type="PAYMENT_PENDING")
    assert pending.status is Status.PENDING
    paid = rig.notify(rec)
    assert paid.status is Status.SUCCESS and paid.result_code == "SUCCESS"
    other = rig.service.create_payment(INFO, "ALIPAY_HK")
    assert rig.notify(other, "F", "USER_BALANCE_NOT_ENOUGH").status is Status.FAILED


def test_forged_or_mismatched_notifications_are_rejected(rig):
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    headers, body = rig.fake.notification(NOTIFY_PATH, rig.fake.payments[rec.payment_request_id])
    with pytest.raises(NotificationRejected, match="does not verify"):
        rig.service.handle_notification(NOTIFY_PATH, headers, body.replace(b"1230", b"1"))
    with pytest.raises(NotificationRejected, match="no signature header"):
        rig.service.handle_notification(NOTIFY_PATH, {**headers, "signature": ""}, body)
    with pytest.raises(NotificationRejected, match="differs from the journaled"):
        rig.notify(rec, amount={"currency": "HKD", "value": "1"})
    imposter = FakeAntom(gateway_key=key("impostor"))
    h2, b2 = imposter.notification(NOTIFY_PATH, rig.fake.payments[rec.payment_request_id])
    with pytest.raises(NotificationRejected):
        rig.service.handle_notification(NOTIFY_PATH, h2, b2)
    assert rig.service.get(rec.payment_request_id).status is Status.PENDING


def test_expiry_cancels_and_marks_expired(rig):
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        rig.clock.advance(seconds)

    done = rig.service.run_to_completion(
        rec.payment_request_id, sleep=sleep, policy=PollPolicy(max_delay=30)
    )
    assert done.status is Status.EXPIRED and done.result_code == "PAYMENT_EXPIRED"
    assert sum(slept) == pytest.approx(120)  # woke up exactly at the expiry
    assert len(rig.fake.bodies("cancel")) == 1
    assert rig.fake.payments[rec.payment_request_id].status == "CANCELLED"


def test_timeout_cancels(rig):
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    done = rig.service.run_to_completion(rec.payment_request_id, timeout=0.05)
    assert done.status is Status.CANCELLED and done.result_code == "CHECKOUT_TIMEOUT"


def test_operator_cancel_of_pending_and_of_paid(rig):
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    assert rig.service.cancel(rec.payment_request_id).status is Status.CANCELLED
    assert rig.service.cancel(rec.payment_request_id).status is Status.CANCELLED  # idempotent
    paid = rig.service.create_payment(INFO, "ALIPAY_HK")
    rig.notify(paid)
    voided = rig.service.cancel(paid.payment_request_id)
    assert voided.status is Status.CANCELLED


def test_cancel_refused_by_the_gateway_is_reported(rig):
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    rig.fake.override["cancel"] = {"result": result("PROCESS_FAIL", "F", "no")}
    with pytest.raises(CheckoutError, match="did not cancel"):
        rig.service.cancel(rec.payment_request_id)
    assert rig.service.get(rec.payment_request_id).status is Status.PENDING


def test_refunds_are_checked_before_anything_is_sent(rig):
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    with pytest.raises(RefundRefused, match="is PENDING; only a successful payment"):
        rig.service.refund(rec.payment_request_id)
    rig.fake.payments[rec.payment_request_id].status = "SUCCESS"
    rig.notify(rec)
    with pytest.raises(RefundRefused, match=r"more than the 12\.30 HKD left"):
        rig.service.refund(rec.payment_request_id, Money(1231, "HKD"))
    with pytest.raises(RefundRefused, match="currency USD differs"):
        rig.service.refund(rec.payment_request_id, Money(1, "USD"))
    assert rig.fake.bodies("refund") == []
    part = rig.service.refund(rec.payment_request_id, Money(230, "HKD"), "chipped cup")
    assert part.status is Status.SUCCESS and part.refund_id
    with pytest.raises(RefundRefused, match=r"more than the 10\.00 HKD left"):
        rig.service.refund(rec.payment_request_id, Money(1001, "HKD"))
    rest = rig.service.refund(rec.payment_request_id)
    assert rest.amount == Money(1000, "HKD") and rest.status is Status.SUCCESS
    with pytest.raises(RefundRefused, match="already fully refunded"):
        rig.service.refund(rec.payment_request_id)
    assert len(rig.fake.bodies("refund")) == 2


def test_unreachable_refund_is_unknown_and_still_counts_as_held(rig):
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    rig.fake.payments[rec.payment_request_id].status = "SUCCESS"
    rig.notify(rec)
    rig.fake.failures = [httpx.ConnectError("down")] * 3
    refund = rig.service.refund(rec.payment_request_id, Money(1230, "HKD"))
    assert refund.status is Status.UNKNOWN
    with pytest.raises(RefundRefused, match="already fully refunded"):
        rig.service.refund(rec.payment_request_id)
    assert rig.service.refresh_refund(refund.refund_request_id).status is Status.SUCCESS


def test_recover_drives_every_non_final_payment_final(rig):
    svc, fake = rig.service, rig.fake
    waiting = svc.create_payment(INFO, "ALIPAY_HK")
    paid = svc.create_payment(INFO, "ALIPAY_HK")
    fake.payments[paid.payment_request_id].status = "SUCCESS"
    old = svc.create_payment(INFO, "ALIPAY_HK")
    never = svc.create_payment(INFO, "ALIPAY_HK")
    del fake.payments[never.payment_request_id]  # as if killed after the journal write
    rig.journal.update_payment(never.payment_request_id, status=Status.CREATED, payment_id="")
    rig.journal.update_payment(
        old.payment_request_id, expires_at=rig.clock.now - timedelta(seconds=1)
    )
    other = rig.journal.get_payment(waiting.payment_request_id).with_changes(
        payment_request_id="OTHER-PROFILE", profile="elsewhere"
    )
    rig.journal.create_payment(other)
    pays_before = len(fake.bodies("pay"))

    out = {r.payment_request_id: r for r in svc.recover()}
    assert set(out) == {
        waiting.payment_request_id,
        paid.payment_request_id,
        old.payment_request_id,
        never.payment_request_id,
    }
    assert out[waiting.payment_request_id].status is Status.CANCELLED
    assert out[paid.payment_request_id].status is Status.SUCCESS
    assert out[old.payment_request_id].status is Status.EXPIRED
    # Not at the gateway yet, but its pay may be in flight: resent (identical bytes), then
    # cancelled, so a late pay cannot leave a payable payment behind.
    assert out[never.payment_request_id].status is Status.CANCELLED
    resends = fake.bodies("pay")[pays_before:]
    assert len(resends) == 1 and resends[0] == fake.bodies("pay")[3]
    assert rig.journal.get_payment("OTHER-PROFILE").status is Status.PENDING
    assert svc.recover() == []


def test_no_key_material_in_the_journal(rig):
    rec = rig.service.create_payment(INFO, "ALIPAY_HK")
    rig.service.refresh(rec.payment_request_id)
    secret = private_key_pkcs8_base64(rig.fake.merchant_key)
    raw = rig.path.read_bytes() + (
        rig.path.with_name(rig.path.name + "-wal").read_bytes()
        if rig.path.with_name(rig.path.name + "-wal").exists()
        else b""
    )
    for i in range(0, len(secret) - 32, 200):
        assert secret[i : i + 32].encode() not in raw


def test_expire_checks_once_more_then_cancels(rig):
    paid = rig.service.create_payment(INFO, "ALIPAY_HK")
    rig.fake.payments[paid.payment_request_id].status = "SUCCESS"
    assert rig.service.expire(paid.payment_request_id).status is Status.SUCCESS  # just in time
    late = rig.service.create_payment(INFO, "ALIPAY_HK")
    done = rig.service.expire(late.payment_request_id)
    assert done.status is Status.EXPIRED and len(rig.fake.bodies("cancel")) == 1
    stuck = rig.service.create_payment(INFO, "ALIPAY_HK")
    rig.fake.failures = [httpx.ConnectError("down")] * 6  # inquiry and cancel both fail
    assert rig.service.expire(stuck.payment_request_id).status is Status.UNKNOWN
