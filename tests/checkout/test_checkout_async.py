"""Results that come later, as Antom gives them: asynchronous refunds (U / REFUND_IN_PROCESS,
settled by notifyRefund or inquiryRefund) and payments whose result is PENDING. Our whole
stack (client, checkout, journal, notification listener) against the real sandbox."""

from __future__ import annotations

from test_checkout_sandbox import INFO, journal, make_service, sandbox, wait_until

from cashier_app.app import build_services
from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status

__all__ = ["journal", "sandbox"]  # fixtures shared with test_checkout_sandbox


def _paid(services):
    rec = services.checkout.create_payment(INFO, "ALIPAY_HK")
    services.simulator.approve(rec.payment_id)
    done = services.checkout.run_to_completion(rec.payment_request_id, timeout=5)
    assert done.status is Status.SUCCESS
    return done


def test_async_refund_is_settled_by_notify_refund_through_the_listener():
    with build_services() as services:
        services.sandbox.async_refunds = True
        services.sandbox.refund_settle_seconds = 0.3
        rec = _paid(services)
        refund = services.checkout.refund(rec.payment_request_id, Money(1000, "HKD"))
        assert (refund.status, refund.result_code) == (Status.PENDING, "REFUND_IN_PROCESS")
        assert refund.refund_id
        rrid = refund.refund_request_id
        assert wait_until(lambda: services.journal.get_refund(rrid).status is Status.SUCCESS)
        settled = services.journal.get_refund(rrid)
        assert settled.refunded_at is not None and settled.refund_id == refund.refund_id
        assert services.sandbox.notifier.wait_idle(5)
        notes = [
            a for a in services.sandbox.notifier.attempts() if a.payment_id == refund.refund_id
        ]
        assert len(notes) == 1 and notes[0].acked and notes[0].status == 200  # at once
        kinds = [e.kind for e in services.journal.events(rec.payment_request_id)]
        assert "notify" in kinds and kinds[-1] == "refund_state"


def test_async_refund_is_settled_by_inquiry_refund(sandbox, journal):
    service = make_service(sandbox, journal)
    rec = service.create_payment(INFO, "ALIPAY_HK")
    sandbox.approve(rec.payment_id)
    assert service.refresh(rec.payment_request_id).status is Status.SUCCESS
    sandbox.faults.add("async_refund", seconds=0)  # in process until settled
    refund = service.refund(rec.payment_request_id, Money(1200, "HKD"))
    assert refund.status is Status.PENDING and refund.result_code == "REFUND_IN_PROCESS"
    again = service.refresh_refund(refund.refund_request_id)
    assert again.status is Status.PENDING and again.result_code == "PROCESSING"
    sandbox.settle_refund(refund.refund_id)
    done = service.refresh_refund(refund.refund_request_id)
    assert done.status is Status.SUCCESS and done.refunded_at is not None

    sandbox.faults.add("async_refund", seconds=0)
    second = service.refund(rec.payment_request_id, Money(3000, "HKD"))
    sandbox.settle_refund(second.refund_id, "FAIL", "PROCESS_FAIL")
    failed = service.refresh_refund(second.refund_request_id)
    assert failed.status is Status.FAILED and failed.result_code == "PROCESS_FAIL"


def test_pending_result_is_polled_through_until_final():
    with build_services() as services:
        rec = services.checkout.create_payment(INFO, "ALIPAY_HK")
        services.simulator.pend(rec.payment_id)  # PAYMENT_PENDING notice + inquiry PENDING
        prid = rec.payment_request_id
        assert wait_until(
            lambda: any(
                e.kind == "notify" and e.detail.get("notifyType") == "PAYMENT_PENDING"
                for e in services.journal.events(prid)
            )
        )
        assert services.journal.get_payment(prid).status is Status.PENDING
        seen = []

        def sleep(_seconds):
            seen.append(services.journal.get_payment(prid).status)
            if len(seen) == 3:  # the wallet decides after a few polls
                services.simulator.approve(rec.payment_id)

        done = services.checkout.run_to_completion(prid, timeout=10, sleep=sleep)
        assert done.status is Status.SUCCESS
        assert seen[:3] == [Status.PENDING] * 3
        polls = [e for e in services.journal.events(prid) if e.kind == "poll"]
        assert len(polls) >= 3  # each saw PENDING and polling went on


def test_inquiry_pending_is_never_final(sandbox, journal):
    service = make_service(sandbox, journal)
    rec = service.create_payment(INFO, "ALIPAY_HK")
    sandbox.pend(rec.payment_id)
    for _ in range(3):
        polled = service.refresh(rec.payment_request_id)
        assert polled.status is Status.PENDING and not polled.is_final
    sandbox.decline(rec.payment_id)
    assert service.refresh(rec.payment_request_id).status is Status.FAILED
