"""Fault scenarios: latency, HTTP 5xx, reset, bad signatures, forced U, notification faults."""

from __future__ import annotations

import http.client
import json
import time

import pytest
from sandbox_support import ACK, Receiver, pay_body, wait_for
from zh_errors import english_left, zh

from cashier_app.sandbox import SimulatorClient, SimulatorError
from cashier_app.sandbox.faults import KINDS as FAULT_KINDS
from cashier_app.sandbox.faults import FaultError, FaultPlan, parse_fault


def test_http_error_before_processing_then_recovers(client, sandbox):
    sandbox.faults.add("http_error", status=500, count=2)
    assert client.post("pay", pay_body()).status == 500
    assert client.post("pay", pay_body()).status == 500
    reply = client.post("pay", pay_body())
    assert reply.status == 200 and reply.verified
    assert not sandbox.faults.active()


def test_reset_after_processing_keeps_the_payment(client, sandbox):
    sandbox.faults.add("reset", api="pay")
    with pytest.raises((ConnectionError, http.client.HTTPException)):
        client.post("pay", pay_body())
    # the payment was created: the retry with the same id and body gets the same payment
    first = client.post("pay", pay_body()).json
    assert first["result"]["resultCode"] == "PAYMENT_IN_PROCESS"
    assert (
        client.post("inquiryPayment", {"paymentRequestId": "req-1"}).json["paymentId"]
        == first["paymentId"]
    )


def test_fault_limited_to_one_api(client, sandbox):
    sandbox.faults.add("http_error", api="inquiryPayment", count=None)
    assert client.post("pay", pay_body()).status == 200
    assert client.post("inquiryPayment", {"paymentRequestId": "req-1"}).status == 503
    assert client.post("inquiryPayment", {"paymentRequestId": "req-1"}).status == 503
    sandbox.faults.clear()
    assert client.post("inquiryPayment", {"paymentRequestId": "req-1"}).status == 200


@pytest.mark.parametrize("mode", ["flip", "missing", "wrong_key", "tamper_body", "bad_time"])
def test_bad_signature_modes_fail_verification(client, sandbox, mode):
    sandbox.faults.add("bad_signature", mode=mode)
    reply = client.post("pay", pay_body())
    assert reply.status == 200 and not reply.verified, mode
    assert client.post("pay", pay_body()).verified  # one-shot


def test_unknown_exception_is_signed_u(client, sandbox):
    sandbox.faults.add("unknown_exception")
    reply = client.post("pay", pay_body())
    assert reply.verified
    assert reply.result == {
        "resultCode": "UNKNOWN_EXCEPTION",
        "resultStatus": "U",
        "resultMessage": "unknown exception (sandbox fault)",
    }
    assert client.post("pay", pay_body()).json["result"]["resultCode"] == "PAYMENT_IN_PROCESS"


def test_unknown_exception_before_processing(client, sandbox):
    sandbox.faults.add("unknown_exception", after=False)
    assert client.post("pay", pay_body()).result["resultCode"] == "UNKNOWN_EXCEPTION"
    reply = client.post("inquiryPayment", {"paymentRequestId": "req-1"})
    assert reply.result["resultCode"] == "ORDER_NOT_EXIST"


def test_latency(client, sandbox):
    sandbox.faults.add("latency", seconds=0.3)
    start = time.monotonic()
    assert client.post("pay", pay_body()).verified
    assert time.monotonic() - start >= 0.3


def test_faults_over_http(client, sandbox):
    sim = SimulatorClient(sandbox.url)
    added = sim.add_fault("http_error", status=503, persistent=True)
    assert added["added"][0]["count"] is None
    assert client.post("pay", pay_body()).status == 503
    assert [f["kind"] for f in sim.faults()] == ["http_error"]
    sim.clear_faults()
    assert sim.faults() == []
    assert client.post("pay", pay_body()).status == 200
    with pytest.raises(SimulatorError, match="kind") as info:
        sim.add_fault("meteor")
    assert info.value.status == 400
    # the sandbox answers with the error's code and parameters, so the QA console shows
    # its operator the refusal in their language (here zh_CN)
    text = zh(info.value)
    assert text.startswith(
        "沙箱拒绝了 POST /sandbox/faults（HTTP 400）：故障类型 'meteor' 不是以下之一"
    )
    assert english_left(text, "POST", "/sandbox/faults", "'meteor'", *FAULT_KINDS) == [], text


def test_duplicate_and_late_notifications(client, sandbox):
    rx = Receiver([(200, ACK)])
    try:
        sandbox.faults.add("duplicate_notification")
        sandbox.faults.add("late_notification", seconds=0.3)
        pid = client.post("pay", pay_body(paymentNotifyUrl=rx.url)).json["paymentId"]
        started = time.monotonic()
        sandbox.approve(pid)
        assert wait_for(lambda: len(rx.received) == 2)
        assert time.monotonic() - started >= 0.3
        assert rx.received[0][2] == rx.received[1][2]  # same content twice
        # the notifier records an attempt once its answer is read, a moment after delivery
        assert wait_for(lambda: len(sandbox.notifier.attempts()) == 2)
        assert [a.duplicate for a in sandbox.notifier.attempts()] == [False, True]
    finally:
        rx.close()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"kind": "nope"}, "kind"),
        ({"kind": "latency"}, "seconds"),
        ({"kind": "latency", "seconds": 1000}, "seconds"),
        ({"kind": "http_error", "status": 404}, "status"),
        ({"kind": "reset", "count": 0}, "count"),
        ({"kind": "reset", "api": "teleport"}, "api"),
        ({"kind": "bad_signature", "mode": "cosmic"}, "mode"),
        ({"kind": "reset", "colour": "red"}, "colour"),
        ([], "object"),
    ],
)
def test_parse_fault_names_the_problem(data, words):
    with pytest.raises(FaultError, match=words):
        parse_fault(data)


def test_plan_counts_down_and_persists():
    plan = FaultPlan()
    plan.add("http_error", count=2)
    plan.add("latency", seconds=1, count=None)
    kinds = {"http_error", "latency"}
    assert len(plan.take(kinds, "pay")) == 2
    assert len(plan.take(kinds, "pay")) == 2
    assert [f.kind for f in plan.take(kinds, "pay")] == ["latency"]
    assert json.dumps([f.to_json() for f in plan.active()])
