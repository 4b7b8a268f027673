"""The sandbox's auto-payer: approve / decline / expire by itself after a delay, on its clock."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sandbox_support import CLIENT_ID, RawClient, pay_body, wait_for

from cashier_app.gateway.signing import Signer, Verifier, public_key_pem
from cashier_app.sandbox import SimulatorClient, SimulatorError
from cashier_app.sandbox.autopay import AutoPayError, AutoPayPolicy, parse_policy

ROOT = Path(__file__).resolve().parents[2]


def _pay(client, request_id: str) -> str:
    reply = client.post("pay", pay_body(request_id))
    assert reply.result["resultCode"] == "PAYMENT_IN_PROCESS", reply.json
    return reply.json["paymentId"]


def _final_code(sandbox, payment_id: str) -> str:
    return sandbox.store.find_payment(None, payment_id=payment_id).result_code


@pytest.mark.parametrize(
    ("action", "status", "code"),
    [
        ("approve", "SUCCESS", "SUCCESS"),
        ("decline", "FAIL", "USER_REJECTED"),
        ("expire", "FAIL", "ORDER_IS_CLOSED"),
    ],
)
def test_action_happens_after_the_delay_on_the_sandbox_clock(
    client, sandbox, clock, action, status, code
):
    sandbox.set_autopay(action, 5)
    payment_id = _pay(client, f"auto-{action}")
    # Time stands still: several loop ticks pass and nothing happens.
    assert not wait_for(
        lambda: sandbox.payment(payment_id)["paymentStatus"] != "PROCESSING", timeout=0.6
    )
    assert [j["paymentId"] for j in sandbox.autopayer.scheduled()] == [payment_id]
    clock.advance(4.9)
    assert not wait_for(
        lambda: sandbox.payment(payment_id)["paymentStatus"] != "PROCESSING", timeout=0.5
    )
    clock.advance(0.2)
    assert wait_for(lambda: sandbox.payment(payment_id)["paymentStatus"] == status)
    assert _final_code(sandbox, payment_id) == code
    assert sandbox.autopayer.scheduled() == []
    inquiry = client.post("inquiryPayment", {"paymentId": payment_id}).json
    assert inquiry["paymentStatus"] == status


def test_zero_delay_and_decline_code(client, sandbox):
    sandbox.autopay = {
        "action": "decline",
        "after_seconds": 0,
        "result_code": "USER_BALANCE_NOT_ENOUGH",
    }
    payment_id = _pay(client, "auto-zero")
    assert wait_for(lambda: sandbox.payment(payment_id)["paymentStatus"] == "FAIL")
    assert _final_code(sandbox, payment_id) == "USER_BALANCE_NOT_ENOUGH"


def test_off_does_nothing_and_drops_scheduled_actions(client, sandbox, clock):
    assert sandbox.autopay == AutoPayPolicy()  # off by default
    first = _pay(client, "auto-off-1")
    sandbox.set_autopay("approve", 2)
    second = _pay(client, "auto-off-2")
    assert [j["paymentId"] for j in sandbox.autopayer.scheduled()] == [second]
    sandbox.autopay = None  # off
    assert sandbox.autopayer.scheduled() == []
    clock.advance(10)
    assert not wait_for(
        lambda: sandbox.payment(second)["paymentStatus"] != "PROCESSING", timeout=0.6
    )
    assert sandbox.payment(first)["paymentStatus"] == "PROCESSING"


def test_cancelled_payment_is_never_touched(client, sandbox, clock):
    sandbox.set_autopay("approve", 3)
    payment_id = _pay(client, "auto-cancel")
    assert client.post("cancel", {"paymentId": payment_id}).result["resultStatus"] == "S"
    assert sandbox.autopayer.scheduled() == []
    clock.advance(5)
    assert not wait_for(
        lambda: sandbox.payment(payment_id)["paymentStatus"] != "CANCELLED", timeout=0.6
    )


def test_cancel_racing_the_timer_is_not_overridden(client, sandbox, clock):
    # The scheduled job survives (cancel hook bypassed), yet run_due must still skip it.
    sandbox.set_autopay("approve", 1)
    payment_id = _pay(client, "auto-race")
    sandbox.store.on_cancelled = None
    client.post("cancel", {"paymentId": payment_id})
    assert sandbox.autopayer.run_due(clock() + timedelta(seconds=2)) == []
    assert sandbox.payment(payment_id)["paymentStatus"] == "CANCELLED"


def test_final_first_cancels_the_timer(client, sandbox, clock):
    sandbox.set_autopay("decline", 3)
    payment_id = _pay(client, "auto-paid-first")
    sandbox.approve(payment_id)
    assert sandbox.autopayer.scheduled() == []
    clock.advance(5)
    assert not wait_for(
        lambda: sandbox.payment(payment_id)["paymentStatus"] != "SUCCESS", timeout=0.5
    )


def test_pending_schedules_payments_already_waiting(client, sandbox, clock):
    waiting = _pay(client, "auto-pending")
    clock.advance(30)
    sim = SimulatorClient(sandbox.url)
    answer = sim.set_autopay("approve", 2, pending=True)
    assert [j["paymentId"] for j in answer["scheduled"]] == [waiting]
    clock.advance(2)
    assert wait_for(lambda: sandbox.payment(waiting)["paymentStatus"] == "SUCCESS")


def test_http_get_post_delete(client, sandbox, clock):
    sim = SimulatorClient(sandbox.url)
    assert sim.autopay() == {"action": "off", "after_seconds": 0.0, "scheduled": []}
    answer = sim.set_autopay("approve", 1.5)
    assert answer == {"action": "approve", "after_seconds": 1.5, "scheduled": []}
    assert sandbox.autopay == AutoPayPolicy("approve", 1.5)
    payment_id = _pay(client, "auto-http")
    scheduled = sim.autopay()["scheduled"]
    assert scheduled[0]["paymentId"] == payment_id and scheduled[0]["action"] == "approve"
    assert sim.set_autopay("decline", 4, result_code="RISK_REJECT")["resultCode"] == ("RISK_REJECT")
    assert sim.clear_autopay() == {"action": "off", "after_seconds": 0.0, "scheduled": []}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"action": "pay", "after_seconds": 1}, "action"),
        ({"after_seconds": 1}, "action"),
        ({"action": 3, "after_seconds": 1}, "action"),
        ({"action": "approve"}, "after_seconds"),
        ({"action": "approve", "after_seconds": -1}, "after_seconds"),
        ({"action": "approve", "after_seconds": 601}, "after_seconds"),
        ({"action": "approve", "after_seconds": "5"}, "after_seconds"),
        ({"action": "approve", "after_seconds": True}, "after_seconds"),
        ({"action": "approve", "after_seconds": 1, "delay": 3}, "delay"),
        ({"action": "decline", "after_seconds": 1, "resultCode": "NOPE"}, "resultCode"),
        ({"action": "approve", "after_seconds": 1, "pending": "yes"}, "pending"),
        ([1, 2], "JSON object"),
    ],
)
def test_http_validation_names_the_field(sandbox, body, field):
    sim = SimulatorClient(sandbox.url)
    with pytest.raises(SimulatorError) as info:
        sim._call("POST", "/sandbox/autopay", body)
    assert info.value.status == 400 and field in str(info.value)
    with pytest.raises(AutoPayError, match=field):
        parse_policy(body)
    assert sim.autopay()["action"] == "off"  # nothing changed


def test_http_validation_non_json_and_nan(sandbox):
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", int(sandbox.url.rsplit(":", 1)[1]), timeout=5)
    for raw, words in (
        (b"{not json", "not JSON"),
        (b'{"action":"approve","after_seconds":NaN}', "after_seconds"),
    ):
        conn.request("POST", "/sandbox/autopay", body=raw)
        resp = conn.getresponse()
        assert resp.status == 400 and words in json.loads(resp.read())["error"]
    conn.close()


def test_in_process_validation(sandbox):
    with pytest.raises(AutoPayError, match="after_seconds"):
        sandbox.set_autopay("approve", float("inf"))
    with pytest.raises(AutoPayError, match="action"):
        sandbox.autopay = {"action": "sometimes", "after_seconds": 1}
    with pytest.raises(AutoPayError, match="autopay must be"):
        sandbox.autopayer.set_policy("approve")  # type: ignore[arg-type]


def test_cli_auto_approve(tmp_path, merchant_key):
    key_file = tmp_path / "merchant.pem"
    key_file.write_text(public_key_pem(merchant_key.public_key()))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "cashier_app",
            "sandbox",
            "--merchant",
            f"{CLIENT_ID}={key_file}",
            "--auto-approve",
            "0",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    try:
        info = json.loads(proc.stdout.readline())
        assert info["autopay"] == {"action": "approve", "after_seconds": 0.0}
        client = RawClient(
            info["url"],
            CLIENT_ID,
            Signer(merchant_key),
            Verifier.from_text(info["gateway_public_key"]),
        )
        payment_id = client.post("pay", pay_body("cli-auto")).json["paymentId"]
        sim = SimulatorClient(info["url"])
        assert wait_for(lambda: sim.payment(payment_id)["paymentStatus"] == "SUCCESS")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--auto-approve", "700"], "--auto-approve 700"),
        (["--auto-decline", "-1"], "--auto-decline -1"),
        (["--auto-approve", "1", "--auto-decline", "1"], "not allowed with"),
    ],
)
def test_cli_auto_flags_validated(args, words):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "cashier_app", "sandbox", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=30,
    )
    assert done.returncode == 2 and words in done.stderr, done.stderr


def test_wallet_page_states_are_self_contained(client, sandbox):
    import http.client
    import re

    port = int(sandbox.url.rsplit(":", 1)[1])

    def page(payment_id: str) -> str:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request("GET", f"/sandbox/wallet/{payment_id}")
        text = conn.getresponse().read().decode()
        conn.close()
        return text

    waiting, expired, declined = (_pay(client, f"page-{n}") for n in range(3))
    sandbox.expire(expired)
    sandbox.decline(declined)
    html = page(waiting)
    assert 'name="viewport"' in html and "Pay HK$12.30" in html and 'id="decline"' in html
    assert "<script" not in html and not re.search(r"(src|href)=\"?https?:", html)
    assert "--brand:#1A73E8" in html  # our own colour for AlipayHK
    html = page(expired)
    assert "This code has expired" in html and 'id="pay"' not in html
    html = page(declined)
    assert "Declined" in html and "USER_REJECTED" in html and 'id="pay"' not in html
