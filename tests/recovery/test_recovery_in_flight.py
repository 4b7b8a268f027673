"""Issue 10 item 2: recovery never calls an in-flight ``pay`` failed.

The gateway is slowed (a latency fault on ``pay``), ``cashier pay`` (a real subprocess) is
SIGKILLed while its ``pay`` is still inside the gateway, and ``cashier recover`` runs at
once: the gateway has no record of the payment *yet*. Then the slow ``pay`` lands and the
customer tries to pay it. Till and gateway must agree at the end.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

from recovery_setup import CLIENT_ID, REPO

from cashier_app.cli import main
from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import PaymentRecord
from cashier_app.journal import Journal
from cashier_app.sandbox.store import StateError
from cashier_app.support import paths


def _wait(predicate, timeout=30.0, what="condition"):
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def _journal_rows():
    if not paths.journal_path().exists():
        return []
    with Journal(paths.journal_path()) as journal:
        return journal.list_payments(limit=None)


def test_recover_while_a_killed_pay_is_still_in_flight(gateway, capsys):
    gateway.sandbox.faults.add("latency", seconds=2.0, api="pay")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("CASHIER_TEST_CRASH_AT", None)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "cashier_app",
            "pay",
            "--amount",
            "12.30",
            "--currency",
            "HKD",
            "--method",
            "ALIPAY_HK",
            "--json",
            *gateway.options,
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # The pay is journaled and has reached the gateway, which is sitting on it.
        _wait(lambda: not gateway.sandbox.faults.active(), what="the pay to reach the gateway")
        assert gateway.payments() == []
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    [row] = _journal_rows()
    assert row.status is Status.CREATED and not row.payment_id

    code = main(["recover", "--json", *gateway.options])
    [line] = json.loads(capsys.readouterr().out)
    # The slow pay lands now (or already did): one payment at the gateway, for this sale.
    _wait(lambda: gateway.payments(), what="the slow pay to land")
    time.sleep(2.5)  # the original request's handler has woken and answered (idempotently)
    [at_gateway] = gateway.payments()
    assert at_gateway.payment_request_id == row.payment_request_id
    # The customer now tries to pay: the gateway must refuse, since the till says it's over.
    with contextlib.suppress(StateError):
        gateway.sandbox.approve(at_gateway.payment_id)
    [at_gateway] = gateway.payments()
    [after] = _journal_rows()
    assert code == 0, line
    assert after.status is Status.CANCELLED, after
    assert line["status"] == "CANCELLED"
    assert at_gateway.status == "CANCELLED"  # till and gateway agree: nobody paid


def _stranded(prid: str, created: datetime, expires: datetime | None) -> None:
    with Journal(paths.journal_path()) as journal:
        journal.create_payment(
            PaymentRecord(
                prid,
                CLIENT_ID,
                Money(100, "HKD"),
                "ALIPAY_HK",
                Status.CREATED,
                created,
                created,
                expires_at=expires,
            )
        )


def test_nothing_charged_only_once_the_payment_could_no_longer_arrive(gateway, capsys):
    now = datetime.now(UTC)
    _stranded("LONG-GONE", now - timedelta(hours=2), now - timedelta(hours=1, minutes=50))
    _stranded("NO-EXPIRY-OLD", now - timedelta(hours=1), None)  # gateway default: 14 min
    assert main(["recover", "--json", *gateway.options]) == 0
    out = {r["payment_request_id"]: r for r in json.loads(capsys.readouterr().out)}
    assert {k: (v["status"], v["result_code"]) for k, v in out.items()} == {
        "LONG-GONE": ("FAILED", "ORDER_NOT_EXIST"),
        "NO-EXPIRY-OLD": ("FAILED", "ORDER_NOT_EXIST"),
    }
    assert gateway.payments() == []  # too late for any pay to be payable: nothing resent
