"""Integration: CheckoutService + AntomClient + real SQLite journal against the real sandbox
over loopback HTTP (faults, notifications, recovery). Nothing of ours is mocked here."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from antom_fakes import key

from cashier_app.app import build_services
from cashier_app.checkout.service import CheckoutService
from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.payment_kit import PaymentInfo
from cashier_app.gateway.antom import AntomClient, Exchange
from cashier_app.gateway.notify import Notification, NotificationListener
from cashier_app.gateway.signing import Signer, Verifier
from cashier_app.journal import Journal
from cashier_app.sandbox import SandboxGateway

CLIENT_ID = "SANDBOX_CHECKOUT_IT"
INFO = PaymentInfo(4200, "HKD", "integration")


def wait_until(predicate, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return predicate()


@pytest.fixture
def sandbox():
    gw = SandboxGateway(gateway_private_key=key("gateway"), notify_delays=(0.0, 0.05, 0.1))
    gw.start()
    gw.register_merchant(CLIENT_ID, key("merchant").public_key())
    yield gw
    gw.stop()


@pytest.fixture
def journal(tmp_path):
    with Journal(tmp_path / "journal.sqlite3") as j:
        yield j


def make_service(
    sandbox, journal, *, notify_url=None, observer=None, expiry_seconds=600, clock_tolerance=None
) -> CheckoutService:
    client = AntomClient(
        sandbox.url,
        CLIENT_ID,
        Signer(key("merchant")),
        Verifier(sandbox.gateway_public_key),
        timeout=5,
        observer=observer,
        retry_base_delay=0.01,
        **({} if clock_tolerance is None else {"clock_tolerance": clock_tolerance}),
    )
    return CheckoutService(
        client, journal, profile="it", notify_url=notify_url, expiry_seconds=expiry_seconds
    )


def no_sleep(_seconds: float) -> None:
    pass


@pytest.mark.parametrize(
    ("action", "status", "code"),
    [
        ("approve", Status.SUCCESS, "SUCCESS"),
        ("decline", Status.FAILED, "USER_REJECTED"),
        ("expire", Status.EXPIRED, "ORDER_IS_CLOSED"),
    ],
)
def test_wallet_outcomes_through_the_embedded_sandbox(action, status, code):
    with build_services() as services:
        assert services.sandbox is not None and services.simulator is not None
        assert services.client.path_for("pay").startswith("/ams/sandbox/api/")
        rec = services.checkout.create_payment(INFO, "ALIPAY_HK")
        assert rec.status is Status.PENDING and rec.code_value and rec.normal_url
        getattr(services.simulator, action)(rec.payment_id)
        done = services.checkout.run_to_completion(rec.payment_request_id, timeout=5)
        assert (done.status, done.result_code) == (status, code)
        stored = services.journal.get_payment(rec.payment_request_id)
        assert stored == done and stored.profile == services.profile.name


def test_reset_after_processing_is_retried_without_a_second_payment(sandbox, journal):
    exchanges: list[Exchange] = []
    svc = make_service(sandbox, journal, observer=exchanges.append)
    sandbox.faults.add("reset", api="pay", count=2)
    rec = svc.create_payment(INFO, "ALIPAY_HK")
    assert rec.status is Status.PENDING
    pays = [x for x in exchanges if x.api == "pay"]
    assert [x.status_code for x in pays] == [None, None, 200]
    assert len({x.request_body for x in pays}) == 1
    sandbox.approve(rec.payment_id)
    assert svc.refresh(rec.payment_request_id).status is Status.SUCCESS


@pytest.mark.parametrize("mode", ["flip", "missing", "wrong_key", "tamper_body", "bad_time"])
def test_bad_signatures_from_the_sandbox_are_never_believed(sandbox, journal, mode):
    svc = make_service(sandbox, journal)
    rec = svc.create_payment(INFO, "ALIPAY_HK")
    sandbox.approve(rec.payment_id)
    sandbox.faults.add("bad_signature", api="inquiryPayment", mode=mode)
    polled = svc.refresh(rec.payment_request_id)
    assert polled.status is Status.UNKNOWN
    assert polled.result_code == "RESPONSE_SIGNATURE_INVALID"
    assert svc.refresh(rec.payment_request_id).status is Status.SUCCESS


def test_a_spoiled_pay_answer_is_replayed_identically_until_a_verified_code_arrives(
    sandbox, journal
):
    """Issue 9 item 3: the first pay answer has a bad signature, so no code is believed.
    The next refresh replays pay (same id, byte-identical body) rather than inquiring,
    because the customer needs the code; the gateway holds one payment."""
    exchanges: list[Exchange] = []
    svc = make_service(sandbox, journal, observer=exchanges.append)
    sandbox.faults.add("bad_signature", api="pay", count=2)
    rec = svc.create_payment(INFO, "ALIPAY_HK")
    assert rec.status is Status.UNKNOWN and not rec.qr_payload() and not rec.deep_link()
    again = svc.refresh(rec.payment_request_id)  # still spoiled
    assert again.status is Status.UNKNOWN and not again.qr_payload()
    shown = svc.refresh(rec.payment_request_id)
    assert shown.status is Status.PENDING and shown.code_value and shown.payment_id
    pays = [x for x in exchanges if x.api == "pay"]
    assert len(pays) == 3 and len({x.request_body for x in pays}) == 1
    assert [x.verified for x in pays] == [False, False, True]
    assert not [x for x in exchanges if x.api == "inquiryPayment"]
    # with the code in hand, the poll is an inquiry again
    sandbox.approve(shown.payment_id)
    assert svc.refresh(rec.payment_request_id).status is Status.SUCCESS
    assert [x.api for x in exchanges][-1] == "inquiryPayment"
    assert sandbox.payment(shown.payment_id)["paymentRequestId"] == rec.payment_request_id


def test_5xx_and_unknown_exception_are_retried(sandbox, journal):
    svc = make_service(sandbox, journal)
    sandbox.faults.add("http_error", api="pay", status=503)
    sandbox.faults.add("unknown_exception", api="inquiryPayment")
    rec = svc.create_payment(INFO, "ALIPAY_HK")
    assert rec.status is Status.PENDING
    assert svc.refresh(rec.payment_request_id).status is Status.PENDING


def test_unreachable_then_recovered(sandbox, journal):
    svc = make_service(sandbox, journal)
    sandbox.faults.add("reset", api="pay", count=3, after=False)
    rec = svc.create_payment(INFO, "ALIPAY_HK")
    assert rec.status is Status.UNKNOWN and not rec.payment_id
    rec = svc.refresh(rec.payment_request_id)  # gateway never saw it: identical resend
    assert rec.status is Status.PENDING and rec.payment_id


def test_signed_notifications_settle_the_payment_and_duplicates_are_idempotent(sandbox, journal):
    holder: dict[str, CheckoutService] = {}
    seen: list[Notification] = []
    lock = threading.Lock()

    def on_notification(n: Notification) -> None:
        with lock:
            seen.append(n)
        holder["svc"].handle_notification(n.path, n.headers, n.body)

    with NotificationListener(
        Verifier(sandbox.gateway_public_key), on_notification, expected_client_id=CLIENT_ID
    ) as listener:
        svc = holder["svc"] = make_service(sandbox, journal, notify_url=listener.url)
        sandbox.faults.add("duplicate_notification")
        rec = svc.create_payment(INFO, "ALIPAY_HK")
        sandbox.approve(rec.payment_id)
        assert wait_until(lambda: len(seen) >= 2)
        assert sandbox.notifier.wait_idle(5)
        done = svc.get(rec.payment_request_id)
        assert done.status is Status.SUCCESS  # from the notification, no poll made
        kinds = [e.kind for e in journal.events(rec.payment_request_id)]
        assert "poll" not in kinds and kinds.count("notify") == 2
        assert kinds.count("state") == 2  # CREATED->PENDING, PENDING->SUCCESS only
        attempts = sandbox.notifier.attempts()
        assert attempts and all(a.acked for a in attempts)


def test_refund_against_the_sandbox(sandbox, journal):
    svc = make_service(sandbox, journal)
    rec = svc.create_payment(INFO, "ALIPAY_HK")
    sandbox.approve(rec.payment_id)
    svc.refresh(rec.payment_request_id)
    part = svc.refund(rec.payment_request_id, Money(200, "HKD"))
    rest = svc.refund(rec.payment_request_id)
    assert (part.status, rest.status) == (Status.SUCCESS, Status.SUCCESS)
    assert rest.amount == Money(4000, "HKD")
    assert journal.refunded_total(rec.payment_request_id) == 4200


def test_every_committed_change_is_published_once_and_a_failing_listener_is_harmless(
    sandbox, journal
):
    """The one change signal History and End of day follow (issue 9 item 1)."""
    from cashier_app.checkout.changes import JournalChange

    svc = make_service(sandbox, journal)
    seen: list[JournalChange] = []

    def broken(_change: JournalChange) -> None:
        raise RuntimeError("a page that is gone")

    svc.changes.subscribe(broken)
    unsubscribe = svc.changes.subscribe(seen.append)
    rec = svc.create_payment(INFO, "ALIPAY_HK")
    prid = rec.payment_request_id
    assert [(c.kind, c.status) for c in seen] == [
        ("payment", Status.CREATED),
        ("payment", Status.PENDING),
    ]
    svc.refresh(prid)  # still pending: nothing changed, nothing published
    assert len(seen) == 2
    sandbox.approve(rec.payment_id)
    svc.refresh(prid)
    svc.refund(prid, Money(200, "HKD"))
    assert [(c.kind, c.status) for c in seen[2:]] == [
        ("payment", Status.SUCCESS),
        ("refund", Status.PENDING),
        ("refund", Status.SUCCESS),
    ]
    assert {c.payment_request_id for c in seen} == {prid}
    assert seen[-1].refund_request_id
    unsubscribe()
    svc.refund(prid, Money(100, "HKD"))
    assert len(seen) == 5


def test_recovery_by_a_new_service_instance(sandbox, journal):
    first = make_service(sandbox, journal)
    waiting = first.create_payment(INFO, "ALIPAY_HK")
    paid = first.create_payment(INFO, "ALIPAY_HK")
    sandbox.approve(paid.payment_id)
    first.client.close()
    second = make_service(sandbox, journal)  # "after a restart"
    out = {r.payment_request_id: r.status for r in second.recover()}
    assert out == {
        waiting.payment_request_id: Status.CANCELLED,
        paid.payment_request_id: Status.SUCCESS,
    }
    assert sandbox.payment(waiting.payment_id)["paymentStatus"] == "CANCELLED"


def test_expiry_at_the_gateway_while_polling(journal):
    # No race with the wall clock (a short real expiry could pass before a loaded machine
    # delivered the pay, or the till's own expiry handling could come first): the payment
    # gets ten minutes, and the gateway's clock jumps past them once the till's first poll
    # has answered PENDING. The till's clock stays put, so only the gateway can close it;
    # its answers are then signed ten minutes "ahead", which the till is told to accept.
    ahead = timedelta(0)
    gateway = SandboxGateway(
        gateway_private_key=key("gateway"), clock=lambda: datetime.now(UTC) + ahead
    )
    gateway.register_merchant(CLIENT_ID, key("merchant").public_key())
    with gateway:
        svc = make_service(gateway, journal, expiry_seconds=600, clock_tolerance=3600)
        rec = svc.create_payment(INFO, "ALIPAY_HK")
        polled: list[Status] = []

        def on_update(update) -> None:
            nonlocal ahead
            polled.append(update.status)
            if update.status is Status.PENDING:
                ahead = timedelta(seconds=601)

        done = svc.run_to_completion(rec.payment_request_id, timeout=60, on_update=on_update)
    assert polled[0] is Status.PENDING
    assert done.status is Status.EXPIRED, (done.result_code, done.result_message)
    assert done.result_code == "ORDER_IS_CLOSED"


def test_embedded_sandbox_pushes_notifications_to_the_built_in_listener():
    with build_services() as services:
        assert services.listener is not None
        assert services.checkout.notify_url == services.listener.url
        rec = services.checkout.create_payment(INFO, "ALIPAY_HK")
        services.simulator.approve(rec.payment_id)
        assert wait_until(lambda: services.checkout.get(rec.payment_request_id).is_final)
        done = services.checkout.get(rec.payment_request_id)
        assert done.status is Status.SUCCESS
        kinds = [e.kind for e in services.journal.events(rec.payment_request_id)]
        assert "notify" in kinds and "poll" not in kinds
