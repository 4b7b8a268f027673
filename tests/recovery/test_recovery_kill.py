"""Kill `cashier pay` (SIGKILL, a real subprocess) at each step; `cashier recover` must finish
the sale exactly once: one journal row, the right final state, one paymentRequestId at the
gateway. Both wire dialects: the AlipayHK envelope's pay goes through the same request
pipeline (and so the same crash points) as Antom's."""

from __future__ import annotations

import signal

import pytest

from cashier_app.journal import Journal
from cashier_app.support import paths

#: (step the pay process dies at, pay --simulate, journaled status when it died, what the
#:  payer does after the crash, expected final status, payments the gateway has seen)
CASES = [
    # The row is journaled, nothing sent: the gateway has not heard of it, but its pay may
    # still be in flight, so recovery resends the identical pay and cancels it.
    ("journaled", "approve", "CREATED", None, "CANCELLED", 0),
    # pay reached the gateway, the answer was lost with the process; customer never paid.
    ("pay_sent", None, "CREATED", None, "CANCELLED", 1),
    # pay answered (PENDING) but not journaled; the customer then pays in the wallet.
    ("pay_answered", None, "CREATED", "approve", "SUCCESS", 1),
    # during polling: an inquiry went out, the process died before reading it; the
    # customer then declines.
    ("poll_sent", None, "PENDING", "decline", "FAILED", 1),
    # during polling, the payment still open: recovery cancels it at the gateway.
    ("poll_answered", None, "PENDING", None, "CANCELLED", 1),
    # the wallet paid, the app's inquiry saw SUCCESS but died before journaling it.
    ("poll_answered", "approve", "PENDING", None, "SUCCESS", 1),
]


@pytest.mark.parametrize("dialect", ["antom", "alipayhk"])
@pytest.mark.parametrize(
    ("step", "simulate", "at_kill", "after", "expected", "at_gateway"),
    CASES,
    ids=[f"{c[0]}-{c[1] or 'unpaid'}-{c[3] or 'none'}" for c in CASES],
)
def test_kill_at_step_then_recover(
    gateway, run_cashier, step, simulate, at_kill, after, expected, at_gateway, dialect
):
    options = [*gateway.options, "--dialect", dialect]
    pay = [
        "pay",
        "--amount",
        "12.30",
        "--currency",
        "HKD",
        "--method",
        "ALIPAY_HK",
        "--summary",
        f"crash at {step}",
        "--json",
        *options,
    ]
    if simulate:
        pay += ["--simulate", simulate]
    killed = run_cashier(*pay, env={"CASHIER_TEST_CRASH_AT": step})
    assert killed.code == -signal.SIGKILL, (killed.code, killed.err)
    assert killed.out == ""  # it died before printing any outcome

    with Journal(paths.journal_path()) as journal:
        rows = journal.list_payments(limit=None)
    assert len(rows) == 1
    prid = rows[0].payment_request_id
    assert rows[0].status.value == at_kill

    seen = gateway.payments()
    assert len(seen) == at_gateway
    if after:
        getattr(gateway.sandbox, after)(seen[0].payment_id)

    rec = run_cashier("recover", "--json", *options)
    assert rec.code == 0, rec.err
    lines = rec.json()
    assert [(r["payment_request_id"], r["status"]) for r in lines] == [(prid, expected)]
    assert lines[0]["previous_status"] == rows[0].status.value

    with Journal(paths.journal_path()) as journal:
        rows = journal.list_payments(limit=None)
        events = [e.kind for e in journal.events(prid)]
    assert [(r.payment_request_id, r.status.value) for r in rows] == [(prid, expected)]
    assert "recover" in events
    # The gateway never saw a second paymentRequestId for the sale.
    seen = gateway.payments()
    assert len(seen) == max(at_gateway, 1 if step == "journaled" else 0)
    assert {p.payment_request_id for p in seen} <= {prid}
    if seen:
        assert seen[0].amount.value == 1230 and seen[0].amount.currency == "HKD"
        # the envelope's payments are MINI_APP ones (sandbox/alipayhk.py), Antom's WEB
        assert seen[0].terminal_type == ("MINI_APP" if dialect == "alipayhk" else "WEB")
        status_at_gateway = {"SUCCESS": "SUCCESS", "FAILED": "FAIL", "CANCELLED": "CANCELLED"}[
            expected
        ]
        assert seen[0].status == status_at_gateway

    again = run_cashier("recover", *options)  # idempotent: nothing left to do
    assert again.code == 0 and "nothing to recover" in again.out
