"""A till runs for days: what the checkout service and the sandbox keep per payment must not
pile up in memory (found by the soak, benchmarks/soak.py)."""

from __future__ import annotations

from cashier_app.app import build_services
from cashier_app.domain.payment_kit import PaymentInfo
from cashier_app.sandbox.notifier import MAX_ATTEMPTS_KEPT


def test_the_per_payment_locks_are_let_go_once_a_payment_is_done():
    with build_services() as services:
        for n in range(5):
            rec = services.checkout.create_payment(PaymentInfo(100 + n, "HKD", "x"), "ALIPAY_HK")
            services.simulator.approve(rec.payment_id)
            services.checkout.run_to_completion(rec.payment_request_id, timeout=10)
        assert services.sandbox.notifier.wait_idle(5)
        assert services.checkout._locks == {}


def test_the_sandbox_keeps_only_the_latest_notification_attempts():
    from cashier_app.sandbox.notifier import Attempt

    with build_services() as services:
        notifier = services.sandbox.notifier
        for n in range(MAX_ATTEMPTS_KEPT + 5):
            notifier._record(Attempt(f"p{n}", "http://127.0.0.1:1/", 1, 200, True))
        attempts = notifier.attempts()
        assert len(attempts) == MAX_ATTEMPTS_KEPT and attempts[-1].payment_id.endswith("1004")
