"""Notification verification and the loopback NotificationListener (real HTTP)."""

from __future__ import annotations

import json
import threading

import httpx
import pytest
from antom_fakes import FakeAntom, FakePayment, key, sha1_signature

from cashier_app.gateway.errors import ResponseSignatureError
from cashier_app.gateway.notify import (
    ACK_BODY,
    Notification,
    NotificationListener,
    verify_notification,
)
from cashier_app.gateway.signing import Verifier, sign_content

PATH = "/notify"


@pytest.fixture
def fake() -> FakeAntom:
    return FakeAntom()


@pytest.fixture
def payment() -> FakePayment:
    return FakePayment("P1", "PAY1", {"currency": "HKD", "value": "1230"}, b"")


@pytest.fixture
def verifier(fake: FakeAntom) -> Verifier:
    return Verifier(fake.gateway_key.public_key())


def test_ack_body_is_the_fixed_literal():
    assert ACK_BODY == (
        b'{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}'
    )


def test_valid_notification_verifies_with_any_header_case(fake, payment, verifier):
    headers, body = fake.notification(PATH, payment)
    upper = {k.title(): v for k, v in headers.items()}
    data = verify_notification(verifier, PATH, upper, body, expected_client_id="CLIENT_TEST")
    assert data["paymentRequestId"] == "P1" and data["result"]["resultStatus"] == "S"


@pytest.mark.parametrize("missing", ["client-id", "request-time", "signature"])
def test_missing_header_rejected(fake, payment, verifier, missing):
    headers, body = fake.notification(PATH, payment)
    del headers[missing]
    with pytest.raises(ResponseSignatureError, match=f"no {missing} header"):
        verify_notification(verifier, PATH, headers, body)


def test_tampered_notifications_rejected(fake, payment, verifier):
    headers, body = fake.notification(PATH, payment)
    flipped = body.replace(b'"S"', b'"F"', 1)
    with pytest.raises(ResponseSignatureError, match="does not verify"):
        verify_notification(verifier, PATH, headers, flipped)
    with pytest.raises(ResponseSignatureError, match="does not verify"):
        verify_notification(verifier, "/other-path", headers, body)
    with pytest.raises(ResponseSignatureError, match="does not verify"):
        verify_notification(Verifier(key("impostor").public_key()), PATH, headers, body)
    with pytest.raises(ResponseSignatureError, match=r"request-time .now. is neither ISO 8601"):
        verify_notification(verifier, PATH, {**headers, "request-time": "now"}, body)
    with pytest.raises(ResponseSignatureError, match="not 'OTHER'"):
        verify_notification(verifier, PATH, headers, body, expected_client_id="OTHER")
    content = sign_content("POST", PATH, headers["client-id"], headers["request-time"], body)
    sha1 = {
        **headers,
        "signature": "algorithm=RSA256,keyVersion=1,signature="
        + sha1_signature(fake.gateway_key, content),
    }
    with pytest.raises(ResponseSignatureError, match="not SHA-256"):
        verify_notification(verifier, PATH, sha1, body)


class Collector:
    def __init__(self, fail: bool = False) -> None:
        self.got: list[Notification] = []
        self.fail = fail
        self.event = threading.Event()

    def __call__(self, n: Notification) -> None:
        self.got.append(n)
        self.event.set()
        if self.fail:
            raise RuntimeError("journal is locked")


def test_listener_acks_verified_and_refuses_forged(fake, payment, verifier):
    collector = Collector()
    with (
        NotificationListener(verifier, collector, expected_client_id="CLIENT_TEST") as lst,
        httpx.Client(trust_env=False) as http,
    ):
        assert lst.url.startswith("http://127.0.0.1:") and lst.url.endswith(PATH)
        headers, body = fake.notification(PATH, payment)
        r = http.post(lst.url, content=body, headers=headers)
        assert r.status_code == 200 and r.content == ACK_BODY
        assert collector.event.wait(5)
        assert collector.got[0].payload["paymentId"] == "PAY1"
        assert collector.got[0].body == body

        forged = body.replace(b"1230", b"9999")
        r = http.post(lst.url, content=forged, headers=headers)
        assert r.status_code == 400 and r.content != ACK_BODY
        assert "does not verify" in json.loads(r.content)["error"]
        r = http.post(lst.url.replace(PATH, "/elsewhere"), content=body, headers=headers)
        assert r.status_code == 404
        assert len(collector.got) == 1  # the forged one never reached the callback


def test_listener_does_not_ack_when_the_callback_fails(fake, payment, verifier):
    with (
        NotificationListener(verifier, Collector(fail=True)) as lst,
        httpx.Client(trust_env=False) as http,
    ):
        headers, body = fake.notification(PATH, payment)
        r = http.post(lst.url, content=body, headers=headers)
        assert r.status_code == 500 and r.content != ACK_BODY


def test_stop_waits_for_a_notification_being_handled(fake, payment, verifier):
    """stop() returns at once (no poll interval) but not under a callback still writing
    the journal: the services close the journal right after it."""
    entered, release, handled = threading.Event(), threading.Event(), []

    def slow_callback(n: Notification) -> None:
        entered.set()
        assert release.wait(10)
        handled.append(n.payload["paymentId"])

    lst = NotificationListener(verifier, slow_callback).start()
    headers, body = fake.notification(PATH, payment)
    answers: list[int] = []

    def post() -> None:
        with httpx.Client(trust_env=False) as http:
            answers.append(http.post(lst.url, content=body, headers=headers).status_code)

    poster = threading.Thread(target=post)
    poster.start()
    assert entered.wait(10)
    stopper = threading.Thread(target=lst.stop)
    stopper.start()
    stopper.join(0.3)
    assert stopper.is_alive()  # still waiting for the callback
    release.set()
    stopper.join(10)
    poster.join(10)
    assert not stopper.is_alive() and handled == ["PAY1"] and answers == [200]
    # after stop nothing more is taken (and so never acknowledged unprocessed)
    assert lst.handle(PATH, headers, body)[0] == 503
