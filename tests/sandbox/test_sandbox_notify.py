"""notifyPayment: signed, retried until the fixed acknowledgement, loopback only."""

from __future__ import annotations

import json

import pytest
from sandbox_support import ACK, CLIENT_ID, Receiver, pay_body, wait_for

from cashier_app.sandbox.notifier import is_ack, is_loopback_url


@pytest.fixture
def receiver_factory():
    made = []

    def make(answers):
        r = Receiver(answers)
        made.append(r)
        return r

    yield make
    for r in made:
        r.close()


def test_success_notification_is_signed_and_stops_at_ack(client, sandbox, receiver_factory):
    rx = receiver_factory([(500, b"busy"), (200, b'{"result":"nope"}'), (200, ACK)])
    pid = client.post("pay", pay_body(paymentNotifyUrl=rx.url)).json["paymentId"]
    sandbox.approve(pid)
    assert wait_for(lambda: any(a.acked for a in sandbox.notifier.attempts()))
    assert sandbox.notifier.wait_idle(5)
    assert len(rx.received) == 3  # two failures, then acknowledged; no more
    path, headers, body = rx.received[-1]
    assert path == "/hooks/antom" and headers["client-id"] == CLIENT_ID
    client.verifier.verify_header(
        "POST", path, headers["client-id"], headers["request-time"], body, headers["signature"]
    )
    note = json.loads(body)
    assert note["notifyType"] == "PAYMENT_RESULT"
    assert note["result"]["resultStatus"] == "S" and note["paymentId"] == pid
    assert note["paymentAmount"] == {"currency": "HKD", "value": "1230"}
    assert note["paymentTime"]
    assert [a.attempt for a in sandbox.notifier.attempts()] == [1, 2, 3]


def test_retries_are_bounded(client, sandbox, receiver_factory):
    rx = receiver_factory([(503, b"down")])
    pid = client.post("pay", pay_body(paymentNotifyUrl=rx.url)).json["paymentId"]
    sandbox.decline(pid)
    assert wait_for(lambda: len(sandbox.notifier.attempts()) == len(sandbox.notifier.delays))
    assert sandbox.notifier.wait_idle(5)
    assert len(rx.received) == len(sandbox.notifier.delays)
    note = json.loads(rx.received[0][2])
    assert note["result"]["resultStatus"] == "F" and "paymentTime" not in note


def test_expiry_notifies_order_closed(client, sandbox, receiver_factory, clock):
    rx = receiver_factory([(200, ACK)])
    client.post("pay", pay_body(paymentNotifyUrl=rx.url))
    clock.advance(601)  # the sandbox's own expiry thread closes it
    assert wait_for(lambda: rx.received)
    assert json.loads(rx.received[0][2])["result"]["resultCode"] == "ORDER_IS_CLOSED"


def test_cancel_sends_no_notification(client, sandbox, receiver_factory):
    rx = receiver_factory([(200, ACK)])
    pid = client.post("pay", pay_body(paymentNotifyUrl=rx.url)).json["paymentId"]
    client.post("cancel", {"paymentId": pid})
    assert sandbox.notifier.wait_idle(2)
    assert rx.received == []


def test_non_loopback_notify_url_is_never_contacted(client, sandbox):
    pid = client.post("pay", pay_body(paymentNotifyUrl="https://merchant.example/notify")).json[
        "paymentId"
    ]
    sandbox.approve(pid)
    attempts = sandbox.notifier.attempts()
    assert len(attempts) == 1 and "loopback" in attempts[0].error and attempts[0].status is None


@pytest.mark.parametrize(
    ("status", "body", "ok"),
    [
        (200, ACK, True),
        (200, ACK.replace(b'"success"', b'"Success"'), True),
        (200, ACK.replace(b'"S"', b'"F"'), False),
        (201, ACK, False),
        (200, b"OK", False),
        (200, b"[]", False),
    ],
)
def test_ack_rule(status, body, ok):
    assert is_ack(status, body) is ok


def test_loopback_rule():
    assert is_loopback_url("http://127.0.0.1:1/x") and is_loopback_url("http://[::1]:1/")
    assert is_loopback_url("http://localhost/x")
    assert not is_loopback_url("http://10.0.0.1/x") and not is_loopback_url("http://a.b/")
