"""Issue 16 item 5 in the suite: the soak (benchmarks/soak.py) with 200 sales, and its audit
shown to catch a lost and a doubled payment."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from benchmarks.soak import Findings, Lane, Sale, soak
from cashier_app.domain.outcome import Status
from cashier_app.sandbox import scenarios


def test_200_sales_with_random_scenarios_leave_nothing_stuck_lost_or_doubled():
    findings = soak(200, seed=16, lanes=8, time_limit=300, sale_timeout=20)
    report = findings.to_json(max_growth=10.0)
    assert not findings.timed_out, report
    assert (report["stuck"], report["lost"], report["doubled"]) == ([], [], []), report
    assert set(report["scenarios"]) == set(scenarios.CATALOG)  # every scenario was drawn
    assert {"SUCCESS", "FAILED", "EXPIRED"} <= set(report["outcomes"]), report["outcomes"]
    assert report["memory_growth_percent"] < 10.0, report
    assert report["failures"] == []


def test_the_audit_catches_a_lost_and_a_doubled_payment(tmp_path):
    lane = Lane(0, tmp_path, sale_timeout=10)
    try:
        sales = [Sale(0, n, "wallet_pays", {"seconds": 0.1}) for n in range(2)]
        for sale in sales:
            lane.sell(sale)
        assert [s.status for s in sales] == ["SUCCESS", "SUCCESS"]
        clean = Findings(sales=sales)
        lane.audit(sales, clean)
        assert (clean.stuck, clean.lost, clean.doubled) == ([], [], [])
        # the gateway gets a second payment under the first sale's id (a doubled charge),
        # and the second sale's journal row goes back to PENDING (a payment the till lost)
        store = lane.services.sandbox.store
        first = next(p for p in store.payments() if p.payment_request_id == sales[0].prid)
        twin = dataclasses.replace(
            first, payment_id=store.new_payment_id(), created=first.created + timedelta(seconds=1)
        )
        with store.lock:
            store._payments[twin.payment_id] = twin
        lane.services.journal.update_payment(sales[1].prid, status=Status.FAILED)
        found = Findings(sales=sales)
        lane.audit(sales, found)
        assert any(sales[0].prid in d for d in found.doubled), found.doubled
        assert any(sales[1].prid in d and "gateway SUCCESS" in d for d in found.lost), found.lost
        assert found.failures(10.0)
    finally:
        lane.close()
