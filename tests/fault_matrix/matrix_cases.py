"""The fault matrix's rows (one per catalog scenario; bad_signature once per mode) and the
checks every sale must pass, whichever layer drove it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cashier_app.domain.outcome import Status
from cashier_app.sandbox import scenarios

#: The client's timeout in the matrix: the ``timeout`` scenario holds answers longer.
CLIENT_TIMEOUT = 1.5
SALE_TIMEOUT = 30.0  #: seconds a sale may take before the row fails


@dataclass(frozen=True)
class Case:
    row: str  #: the matrix row, e.g. ``bad_signature[flip]``
    scenario: str
    params: dict[str, Any] = field(default_factory=dict)
    expect: Status = Status.SUCCESS
    code: str = "SUCCESS"  #: the journaled result code
    refund: bool = False  #: then refund it all (asynchronously settled)

    @property
    def customer_played(self) -> bool:
        """The scenario's auto-payer is the customer; otherwise the test pays by hand once
        a verified code is on screen, as the customer with a phone would."""
        plan = scenarios.get(self.scenario).plan(self.params)
        return plan.autopay is not None


def _expect(name: str, params: dict[str, Any]) -> tuple[Status, str]:
    """What the till must end with: the customer pays unless the scenario says otherwise."""
    if name == "wallet_declines":
        return Status.FAILED, str(params.get("code", "USER_REJECTED"))
    if name == "wallet_expires":
        return Status.EXPIRED, "ORDER_IS_CLOSED"
    if name == "pending_then_result" and params.get("result") == "declined":
        return Status.FAILED, "USER_REJECTED"
    return Status.SUCCESS, "SUCCESS"


def _cases() -> tuple[Case, ...]:
    """One row per quick parameter set of every scenario in the catalog (so a scenario
    added there is in the matrix at once). Count-limited faults strike the pay: the
    window's gateway check must not use them up."""
    rows = []
    for scenario in scenarios.CATALOG.values():
        varying = [
            key
            for key in dict.fromkeys(k for q in scenario.quick for k in q)
            if len({repr(q.get(key)) for q in scenario.quick}) > 1
        ]
        for quick in scenario.quick:
            params = dict(quick)
            if "count" in scenario.defaults() and "api" in scenario.defaults():
                params["api"] = "pay"
            label = ",".join(
                scenarios.value_text(quick.get(k, scenario.defaults()[k])) for k in varying
            )
            status, code = _expect(scenario.name, quick)
            rows.append(
                Case(
                    f"{scenario.name}[{label}]" if label else scenario.name,
                    scenario.name,
                    params,
                    status,
                    code,
                    refund=scenario.name == "async_refund",
                )
            )
    return tuple(rows)


CASES = _cases()

#: Gateway status (and code) -> the till's status.
_GATEWAY = {"SUCCESS": Status.SUCCESS, "CANCELLED": Status.CANCELLED}


def gateway_status(payment: Any) -> Status:
    if payment.status in _GATEWAY:
        return _GATEWAY[payment.status]
    if payment.status == "FAIL":
        return Status.EXPIRED if payment.result_code == "ORDER_IS_CLOSED" else Status.FAILED
    return Status.PENDING


def unbelieved_states(events: list[Any]) -> list[str]:
    """Every journaled state change not backed by a verified answer: the evidence right
    before it must be a verified response, or a notification (verified before it is
    journaled at all). UNKNOWN is what an unverifiable answer leads to: no evidence needed."""
    problems = []
    evidence: Any = None
    for event in events:
        if event.kind in ("response", "notify"):
            evidence = event
        elif event.kind == "state" and event.detail.get("to") != Status.UNKNOWN.value:
            source = event.detail.get("source")
            if evidence is None:
                problems.append(f"{event.detail} with no answer before it")
            elif source == "notification":
                if evidence.kind != "notify":
                    problems.append(f"{event.detail} but no notification before it")
            elif evidence.kind != "response" or not evidence.detail.get("verified"):
                problems.append(f"{event.detail} after {evidence.kind} {evidence.detail}")
    return problems


def check_sale(case: Case, services: Any, prid: str) -> dict[str, Any]:
    """The matrix's checks on a finished sale; returns what it found (for the table)."""
    journal, sandbox = services.journal, services.sandbox
    record = journal.get_payment(prid)
    assert record.status is case.expect, (record.status, record.result_code)
    assert record.result_code == case.code, record.result_code
    # exactly one payment for the sale in the journal, one paymentRequestId at the gateway
    assert journal.count_payments() == 1
    at_gateway = sandbox.store.payments()
    assert [p.payment_request_id for p in at_gateway] == [prid]
    assert gateway_status(at_gateway[0]) is record.status
    events = journal.events(prid)
    assert unbelieved_states(events) == []
    checks = {
        "pending_then_result": lambda: any(
            e.kind == "notify" and e.detail.get("notifyType") == "PAYMENT_PENDING" for e in events
        ),
        "late_notification": lambda: _settled_by_notification(events),
        "duplicate_notification": lambda: (
            _settled_by_notification(events)
            and sum(1 for e in events if e.kind == "notify") == 2
            and any(e.kind == "duplicate" for e in events)
        ),
    }
    assert checks.get(case.scenario, lambda: True)(), [(e.kind, e.detail) for e in events]
    if case.refund:
        refunds = journal.refunds_for(prid)
        assert [(r.status, r.amount) for r in refunds] == [(Status.SUCCESS, record.amount)]
    return {"status": record.status.value, "code": record.result_code}


def _settled_by_notification(events: list[Any]) -> bool:
    final = [e for e in events if e.kind == "state" and e.detail.get("to") == "SUCCESS"]
    return len(final) == 1 and final[0].detail.get("source") == "notification"
