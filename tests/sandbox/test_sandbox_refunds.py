"""Refunds as Antom does them: asynchronous ones (U / REFUND_IN_PROCESS, settled later and
told by notifyRefund or inquiryRefund), each method's refund rules, closed payments."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sandbox_support import ACK, CLIENT_ID, Receiver, wait_for
from test_sandbox_payments import _fail_code, _pay

from cashier_app.sandbox import SandboxError


def refund(client, request_id, pid, value, **extra):
    reply = client.post(
        "refund",
        {
            "refundRequestId": request_id,
            "paymentId": pid,
            "refundAmount": {"currency": "HKD", "value": value},
            **extra,
        },
    )
    assert reply.verified, reply.error
    return reply.json


@pytest.fixture
def receiver():
    rx = Receiver([(200, ACK)])
    yield rx
    rx.close()


def paid(client, sandbox, request_id="req-1"):
    pid = _pay(client, request_id)["paymentId"]
    sandbox.approve(pid)
    return pid


def test_async_refund_answers_in_process_then_settles_and_notifies(
    client, sandbox, receiver, clock
):
    sandbox.async_refunds, sandbox.refund_settle_seconds = True, 30
    pid = paid(client, sandbox)
    answer = refund(client, "r1", pid, "230", refundNotifyUrl=receiver.url)
    assert answer["result"] == {
        "resultCode": "REFUND_IN_PROCESS",
        "resultStatus": "U",
        "resultMessage": "refund is in process",
    }
    assert answer["refundId"] and "refundTime" not in answer
    assert refund(client, "r1", pid, "230", refundNotifyUrl=receiver.url) == answer  # replay
    status = client.post("inquiryRefund", {"refundRequestId": "r1"}).json
    assert status["result"]["resultStatus"] == "S" and status["refundStatus"] == "PROCESSING"
    # the amount is held while in process
    assert _fail_code(refund(client, "r2", pid, "1001")) == "REFUND_AMOUNT_EXCEED"

    clock.advance(31)  # the sandbox's own thread settles it and sends notifyRefund
    assert wait_for(lambda: receiver.received)
    path, headers, body = receiver.received[0]
    client.verifier.verify_header(
        "POST", path, headers["client-id"], headers["request-time"], body, headers["signature"]
    )
    note = json.loads(body)
    assert note["notifyType"] == "REFUND_RESULT" and note["refundStatus"] == "SUCCESS"
    assert note["result"]["resultStatus"] == "S" and note["refundId"] == answer["refundId"]
    assert note["refundRequestId"] == "r1" and note["refundTime"]
    assert note["refundAmount"] == {"currency": "HKD", "value": "230"}
    assert headers["client-id"] == CLIENT_ID
    done = client.post("inquiryRefund", {"refundId": answer["refundId"]}).json
    assert done["refundStatus"] == "SUCCESS" and done["refundTime"]
    assert (
        refund(client, "r1", pid, "230", refundNotifyUrl=receiver.url)["result"]["resultStatus"]
        == "S"
    )


def test_async_refund_fault_and_a_failed_settlement(client, sandbox):
    pid = paid(client, sandbox)
    sandbox.faults.add("async_refund", seconds=0)  # stays in process until settled
    answer = refund(client, "r1", pid, "500")
    assert answer["result"]["resultCode"] == "REFUND_IN_PROCESS"
    assert refund(client, "r2", pid, "100")["result"]["resultStatus"] == "S"  # one-shot
    sandbox.settle_refund(answer["refundId"], "FAIL", "PROCESS_FAIL")
    status = client.post("inquiryRefund", {"refundRequestId": "r1"}).json
    assert status["refundStatus"] == "FAIL" and status["refundResultCode"] == "PROCESS_FAIL"
    assert _fail_code(refund(client, "r1", pid, "500")) == "PROCESS_FAIL"  # replay: F now
    assert refund(client, "r3", pid, "1130")["result"]["resultStatus"] == "S"  # amount freed


def test_settle_over_http_control_route(client, sandbox):
    import httpx

    pid = paid(client, sandbox)
    sandbox.faults.add("async_refund", seconds=0)
    answer = refund(client, "r1", pid, "500")
    url = f"{sandbox.url}/sandbox/refunds/{answer['refundId']}/settle"
    assert httpx.post(url, json={"status": "SUCCESS"}).json()["refundStatus"] == "SUCCESS"
    again = httpx.post(url, json={"status": "SUCCESS"})
    assert again.status_code == 409 and "already SUCCESS" in again.json()["error"]
    assert httpx.post(url, json={"status": "MAYBE"}).status_code == 400


def test_refund_window_per_method(client, sandbox, clock):
    # a year on, the sandbox must still know the payment (it forgets after 30 days)
    sandbox.store.retention = timedelta(days=800)
    pid = paid(client, sandbox)
    clock.advance(365 * 86400 + 1)
    answer = refund(client, "r1", pid, "100")
    assert _fail_code(answer) == "REFUND_WINDOW_EXCEED"
    assert "365 days" in answer["result"]["resultMessage"]
    sandbox.set_method_rules("ALIPAY_HK", refund_window_days=400)
    assert refund(client, "r2", pid, "100")["result"]["resultStatus"] == "S"


@pytest.mark.parametrize(
    ("rule", "first", "code"),
    [
        ({"refundable": False}, "1230", "REFUND_NOT_SUPPORTED"),
        ({"partial_refund": False}, "100", "PARTIAL_REFUND_NOT_SUPPORTED"),
    ],
)
def test_methods_that_do_not_refund_or_refund_only_whole(client, sandbox, rule, first, code):
    sandbox.set_method_rules("ALIPAY_HK", **rule)
    pid = paid(client, sandbox)
    assert _fail_code(refund(client, "r1", pid, first)) == code


def test_whole_refund_allowed_when_partial_is_not(client, sandbox):
    sandbox.set_method_rules("ALIPAY_HK", partial_refund=False)
    pid = paid(client, sandbox)
    assert refund(client, "r1", pid, "1230")["result"]["resultStatus"] == "S"


def test_one_refund_per_payment_where_the_method_says_so(client, sandbox):
    sandbox.set_method_rules("ALIPAY_HK", multiple_refunds=False)
    pid = paid(client, sandbox)
    assert refund(client, "r1", pid, "100")["result"]["resultStatus"] == "S"
    assert _fail_code(refund(client, "r2", pid, "100")) == "MULTIPLE_REFUNDS_NOT_SUPPORTED"


@pytest.mark.parametrize("end", ["decline", "expire", "cancel"])
def test_refund_of_a_failed_or_cancelled_payment_is_order_is_closed(client, sandbox, end):
    pid = _pay(client)["paymentId"]
    if end == "cancel":
        client.post("cancel", {"paymentId": pid})
    else:
        getattr(sandbox, end)(pid)
    assert _fail_code(refund(client, "r1", pid, "100")) == "ORDER_IS_CLOSED"


def test_unknown_method_rule_is_refused_by_name(sandbox):
    with pytest.raises(SandboxError, match="refund_days"):
        sandbox.set_method_rules("ALIPAY_HK", refund_days=3)
