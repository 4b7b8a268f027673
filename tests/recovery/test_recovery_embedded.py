"""Crash recovery on the DEFAULT profile (the embedded sandbox, which dies with the process):
its durable state file lets the next process's sandbox answer for the payment, so recovery
ends in the state the customer's wallet left it in, with exactly one journal row."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from urllib.parse import urlsplit

import pytest
from recovery_setup import REPO

from cashier_app.journal import Journal
from cashier_app.sandbox import persist
from cashier_app.sandbox.control import SimulatorClient
from cashier_app.support import paths

PAY = ["pay", "--amount", "12.30", "--currency", "HKD", "--method", "ALIPAY_HK", "--json"]


def _journal_rows() -> list:
    with Journal(paths.journal_path()) as journal:
        return journal.list_payments(limit=None)


def _sandbox_side() -> dict[str, str]:
    """paymentRequestId -> paymentStatus, as the embedded sandbox's durable state has it."""
    state = persist.StateFile(paths.journal_path().parent / "embedded-sandbox.sqlite3")
    try:
        return {p.payment_request_id: p.status for p in state.load(datetime.now(UTC))}
    finally:
        state.close()


#: (step the pay process dies at, pay --simulate, journaled when it died, the sandbox's
#:  state when it died, final status after recovery, the sandbox's final state)
CASES = [
    # the wallet paid; the inquiry that would have told the app went out, answer never read
    ("poll_sent", "approve", "PENDING", "SUCCESS", "SUCCESS", "SUCCESS"),
    # the wallet paid; the app's inquiry saw SUCCESS but died before journaling it
    ("poll_answered", "approve", "PENDING", "SUCCESS", "SUCCESS", "SUCCESS"),
    # pay answered but not journaled; the customer never paid: cancelled on both sides
    ("pay_answered", None, "CREATED", "PROCESSING", "CANCELLED", "CANCELLED"),
    # killed while polling an unpaid payment: cancelled on both sides
    ("poll_answered", None, "PENDING", "PROCESSING", "CANCELLED", "CANCELLED"),
]


@pytest.mark.parametrize(
    ("step", "simulate", "at_kill", "sandbox_at_kill", "expected", "sandbox_final"),
    CASES,
    ids=[f"{c[0]}-{c[1] or 'unpaid'}" for c in CASES],
)
def test_embedded_kill_then_recover(
    run_cashier, step, simulate, at_kill, sandbox_at_kill, expected, sandbox_final
):
    pay = [*PAY, "--summary", f"embedded crash at {step}"]
    if simulate:
        pay += ["--simulate", simulate]
    env = {"CASHIER_TEST_CRASH_AT": step}
    if simulate and step.startswith("poll_"):
        # the wallet pays at once: its notification would finish the sale before the first
        # inquiry goes out or is answered (more often the faster pay runs), and the crash
        # point would never be reached
        env["CASHIER_TEST_NO_NOTIFY"] = "1"
    killed = run_cashier(*pay, env=env)
    assert killed.code == -signal.SIGKILL, (killed.code, killed.err)
    assert killed.out == ""

    rows = _journal_rows()
    assert [r.status.value for r in rows] == [at_kill]
    prid = rows[0].payment_request_id
    assert _sandbox_side() == {prid: sandbox_at_kill}  # it outlived its process

    rec = run_cashier("recover", "--json")
    assert rec.code == 0, rec.err
    assert [(r["payment_request_id"], r["status"]) for r in rec.json()] == [(prid, expected)]
    rows = _journal_rows()
    assert [(r.payment_request_id, r.status.value) for r in rows] == [(prid, expected)]
    assert _sandbox_side() == {prid: sandbox_final}
    if expected != "SUCCESS":
        assert rows[0].status.value in ("CANCELLED", "EXPIRED")


def test_customer_pays_on_the_wallet_page_then_the_till_is_killed(run_cashier):
    """Driven from outside, as a demo would: read the wallet page URL `cashier pay` prints,
    pay there, SIGKILL the till; the next `cashier pay` recovers the sale as SUCCESS first."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("CASHIER_TEST_CRASH_AT", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "cashier_app", *PAY, "--timeout", "60"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        deadline = time.monotonic() + 30
        url = ""
        while not url and time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line:
                break
            if "wallet page:" in line:
                url = line.split("wallet page:", 1)[1].strip()
        assert url, "cashier pay never printed the wallet page URL"
        parts = urlsplit(url)
        payment_id = parts.path.rstrip("/").rsplit("/", 1)[-1]
        SimulatorClient(f"{parts.scheme}://{parts.netloc}").approve(payment_id)  # customer pays
        os.kill(proc.pid, signal.SIGKILL)  # the till dies
        proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate(timeout=10)
    assert proc.returncode == -signal.SIGKILL

    rows = _journal_rows()
    assert len(rows) == 1
    first = rows[0].payment_request_id
    assert _sandbox_side() == {first: "SUCCESS"}

    # the next sale recovers the earlier one first (as the GUI does at start)
    nxt = run_cashier(*PAY, "--simulate", "approve")
    assert nxt.code == 0, nxt.err
    assert f"recovered {first}: SUCCESS" in nxt.err or rows[0].status.value == "SUCCESS"
    by_id = {r.payment_request_id: r.status.value for r in _journal_rows()}
    assert len(by_id) == 2 and by_id[first] == "SUCCESS"
    assert set(_sandbox_side().values()) == {"SUCCESS"}
