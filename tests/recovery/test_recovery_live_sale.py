"""Start-up recovery never touches the sale the running till has just begun.

Found by the fault matrix under load (the ``timeout`` row, 1 run in ~10 on a busy machine):
the window starts its recovery on a worker; the operator's first sale was journaled before
that worker listed the non-final payments; its ``pay`` had timed out, so it had no code to
resume, and recovery cancelled it as "interrupted" while the customer stood at the till.
"""

from __future__ import annotations

import time

from cashier_app.app import build_services
from cashier_app.checkout.resume import recover_resuming
from cashier_app.domain.outcome import Status
from cashier_app.domain.payment_kit import PaymentInfo


def test_recovery_leaves_the_live_sale_of_this_till_alone():
    services = build_services(None, timeout=0.5)
    try:
        checkout, sandbox = services.checkout, services.sandbox
        sandbox.set_scenario("timeout", {"count": 20, "hold": 1.0, "api": "pay"})
        record = checkout.create_payment(PaymentInfo(880, "HKD", "live sale"), "ALIPAY_HK")
        prid = record.payment_request_id
        assert not record.is_final and not record.qr_payload()  # pay timed out: no code yet
        sandbox.clear_scenario()
        time.sleep(1.2)  # the held pays have reached the gateway: it knows the payment now
        recovery = recover_resuming(checkout)
        assert prid not in {r.payment_request_id for r in recovery.records}
        assert recovery.resumed is None
        after = checkout.get(prid)
        assert after.status is not Status.CANCELLED, after.result_code
        assert "recover" not in {e.kind for e in services.journal.events(prid)}
        # and the sale goes on: the code is fetched, the customer pays
        fetched = checkout.refresh(prid)
        assert fetched.qr_payload()
        services.simulator.approve(fetched.payment_id)
        assert checkout.run_to_completion(prid, timeout=20).status is Status.SUCCESS
    finally:
        services.close()
