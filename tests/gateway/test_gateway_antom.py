"""AntomClient against a signed fake gateway on httpx.MockTransport: headers, signatures,
verification of every answer, retries with identical bytes, error mapping."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from antom_fakes import FakeAntom, key, result, sha1_signature

from cashier_app.domain.money import Money
from cashier_app.gateway import retry
from cashier_app.gateway.antom import AntomClient, Exchange, check_gateway_url
from cashier_app.gateway.errors import (
    GatewayResultError,
    GatewayTimeout,
    MalformedResponse,
    ResponseSignatureError,
    TransportError,
)
from cashier_app.gateway.signing import (
    Signer,
    Verifier,
    private_key_pkcs8_base64,
    sign_content,
)

HKD = Money(1230, "HKD")


def make_client(fake: FakeAntom, *, gateway_key=None, **kw) -> tuple[AntomClient, list]:
    sleeps: list[float] = []
    kw.setdefault("sleep", sleeps.append)
    client = AntomClient(
        "https://gw.example",
        fake.client_id,
        Signer(fake.merchant_key),
        Verifier((gateway_key or fake.gateway_key).public_key()),
        transport=fake.transport(),
        **kw,
    )
    return client, sleeps


def pay(client: AntomClient, rid: str = "P1", description: str = "咖啡 coffee"):
    return client.pay(
        rid,
        HKD,
        "ALIPAY_HK",
        reference_order_id="ORDER-1",
        order_description=description,
        expiry=datetime(2030, 1, 1, tzinfo=UTC),
        notify_url=None,
        redirect_url="https://shop.example/back",
    )


# -- the request -------------------------------------------------------------------------


def test_pay_sends_signed_compact_utf8_body_and_parses_the_answer():
    fake = FakeAntom()
    client, _ = make_client(fake)
    resp = pay(client)
    assert resp.result.status == "U" and resp.result.code == "PAYMENT_IN_PROCESS"
    assert resp.payment_id == "PAY000001" and resp.payment_request_id == "P1"
    assert resp.code_value == "qr:PAY000001"  # the QR code, not the barcode
    assert resp.normal_url.startswith("https://wallet.example/")
    assert resp.raw["paymentId"] == "PAY000001"

    (seen,) = fake.seen
    assert seen.path == "/ams/api/v1/payments/pay"
    body = seen.body
    assert "咖啡".encode() in body  # ensure_ascii=False, UTF-8
    assert b": " not in body and b", " not in body  # compact
    sent = json.loads(body)
    assert sent["productCode"] == "CASHIER_PAYMENT"
    assert sent["paymentAmount"] == {"currency": "HKD", "value": "1230"}
    assert sent["paymentMethod"] == {"paymentMethodType": "ALIPAY_HK"}
    assert sent["paymentExpiryTime"] == "2030-01-01T00:00:00+00:00"
    h = seen.headers
    assert h["content-type"] == "application/json; charset=UTF-8"
    assert h["client-id"] == "CLIENT_TEST"
    assert h["user-agent"].startswith("cashier/")
    datetime.fromisoformat(h["request-time"])
    assert h["signature"].startswith("algorithm=RSA256,keyVersion=1,signature=")
    # the signature covers exactly the bytes that were sent
    Verifier(fake.merchant_key.public_key()).verify_header(
        "POST", seen.path, "CLIENT_TEST", h["request-time"], body, h["signature"]
    )


def test_sandbox_client_id_uses_the_sandbox_path_and_signs_it():
    fake = FakeAntom(client_id="SANDBOX_5YABCD")
    client, _ = make_client(fake)
    pay(client)
    assert fake.seen[0].path == "/ams/sandbox/api/v1/payments/pay"
    assert client.path_for("refund") == "/ams/sandbox/api/v1/payments/refund"


def test_base_url_path_prefix_is_part_of_the_signed_path():
    fake = FakeAntom()
    client = AntomClient(
        "https://gw.example/proxy/",
        fake.client_id,
        Signer(fake.merchant_key),
        Verifier(fake.gateway_key.public_key()),
        transport=fake.transport(),
    )
    pay(client)
    assert fake.seen[0].path == "/proxy/ams/api/v1/payments/pay"


def test_other_apis_round_trip():
    fake = FakeAntom()
    client, _ = make_client(fake)
    pid = pay(client).payment_id
    inq = client.inquiry_payment(payment_request_id="P1")
    assert inq.payment_status == "PROCESSING" and inq.payment_amount == HKD
    fake.payments["P1"].status = "SUCCESS"
    refund = client.refund("R1", pid, Money(230, "HKD"), reason="broken cup")
    assert refund.refund_amount == Money(230, "HKD") and refund.refund_id.startswith("RF")
    assert json.loads(fake.bodies("refund")[0])["refundReason"] == "broken cup"
    assert client.inquiry_refund(refund_request_id="R1").refund_status == "SUCCESS"
    with pytest.raises(GatewayResultError) as err:
        client.refund("R2", pid, Money(1001, "HKD"))
    assert err.value.result_code == "REFUND_AMOUNT_EXCEED" and not err.value.retryable
    cancel = client.cancel(payment_id=pid)
    assert cancel.payment_id == pid and cancel.cancel_time is not None
    with pytest.raises(ValueError, match="needs paymentRequestId or paymentId"):
        client.cancel()


def test_bad_arguments_are_refused_before_sending():
    fake = FakeAntom()
    client, _ = make_client(fake)
    with pytest.raises(ValueError, match="paymentRequestId is longer than 64"):
        pay(client, rid="P" * 65)
    with pytest.raises(ValueError, match="orderDescription is longer"):
        pay(client, description="x" * 257)
    with pytest.raises(ValueError, match="timezone-aware"):
        client.pay(
            "P2",
            HKD,
            "ALIPAY_HK",
            reference_order_id="",
            order_description="",
            expiry=datetime(2030, 1, 1),
            notify_url=None,
            redirect_url=None,
        )
    assert fake.seen == []


# -- every answer is verified --------------------------------------------------------------


def _flip_byte(headers, body):
    i = body.index(b"PAYMENT_IN_PROCESS")
    return headers, body[:i] + b"Q" + body[i + 1 :]


def _drop(name):
    def tamper(headers, body):
        return {k: v for k, v in headers.items() if k != name}, body

    return tamper


def _sha1(headers, body):
    content = sign_content(
        "POST", "/ams/api/v1/payments/pay", headers["client-id"], headers["response-time"], body
    )
    return {
        **headers,
        "signature": "algorithm=RSA256,keyVersion=1,signature="
        + sha1_signature(key("gateway"), content),
    }, body


def _time(value):
    def tamper(headers, body):
        return {**headers, "response-time": value}, body

    return tamper


def _other_client(headers, body):
    return {**headers, "client-id": "SOMEONE_ELSE"}, body


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        (_flip_byte, "does not verify"),
        (_drop("signature"), "no Signature header"),
        (_drop("response-time"), "no Response-Time header"),
        (_drop("client-id"), "no client-id header"),
        (_sha1, "does not verify"),
        (_time("yesterday at noon"), "neither ISO 8601 with a UTC offset nor epoch"),
        (_time("2026-11-21T23:48:15"), "no UTC offset"),
        (_other_client, "not ours"),
    ],
    ids=[
        "flipped-byte",
        "no-signature",
        "no-time",
        "no-client-id",
        "sha1",
        "bad-time",
        "naive-time",
        "other-client",
    ],
)
def test_tampered_answers_are_rejected(tamper, message):
    fake = FakeAntom(tamper=tamper)
    seen: list[Exchange] = []
    client, _ = make_client(fake, observer=seen.append)
    with pytest.raises(ResponseSignatureError, match=message):
        pay(client)
    assert len(fake.seen) == 1  # not retried
    assert seen[0].verified is False and seen[0].error


def test_answer_signed_with_the_wrong_key_is_rejected_even_when_it_says_success():
    fake = FakeAntom(
        override={
            "inquiryPayment": {
                "result": result(),
                "paymentStatus": "SUCCESS",
                "paymentRequestId": "P1",
            }
        }
    )
    client, _ = make_client(fake, gateway_key=key("impostor"))
    with pytest.raises(ResponseSignatureError, match="does not verify"):
        client.inquiry_payment(payment_request_id="P1")


def test_verified_but_malformed_answers():
    for answer, message in (
        ({"no": "result"}, "no 'result' object"),
        ({"result": {"resultStatus": "X", "resultCode": "C"}}, "not S, F"),
        ({"result": result(), "paymentStatus": ""}, "no paymentStatus"),
    ):
        fake = FakeAntom(override={"inquiryPayment": answer})
        client, _ = make_client(fake)
        with pytest.raises(MalformedResponse, match=message):
            client.inquiry_payment(payment_request_id="P1")

    fake = FakeAntom()

    def not_json(headers, body):
        new = b"<html>gateway maintenance</html>"
        sig = fake.signer.header(
            "POST", "/ams/api/v1/payments/pay", headers["client-id"], headers["response-time"], new
        )
        return {**headers, "signature": sig}, new

    fake.tamper = not_json
    client, _ = make_client(fake)
    with pytest.raises(MalformedResponse, match="not UTF-8 JSON"):
        pay(client)


# -- retries: same id, byte-identical body --------------------------------------------------


def test_retry_after_connection_reset_resends_identical_bytes():
    fake = FakeAntom(
        failures=[
            httpx.RemoteProtocolError("Server disconnected"),
            httpx.ConnectError("Connection reset by peer"),
        ]
    )
    exchanges: list[Exchange] = []
    client, sleeps = make_client(fake, observer=exchanges.append)
    resp = pay(client, rid="P-RETRY")
    assert resp.payment_request_id == "P-RETRY"
    bodies = fake.bodies("pay")
    assert len(bodies) == 3
    assert bodies[0] == bodies[1] == bodies[2]  # byte-identical
    assert {json.loads(b)["paymentRequestId"] for b in bodies} == {"P-RETRY"}
    assert len(fake.payments) == 1  # one sale, one payment
    assert [x.attempt for x in exchanges] == [1, 2, 3]
    assert [x.status_code for x in exchanges] == [None, None, 200]
    assert "RemoteProtocolError" in exchanges[0].error and exchanges[2].verified
    assert len(sleeps) == 2 and all(0 < s <= retry.DEFAULT_MAX_DELAY for s in sleeps)


def test_flaky_transport_gives_up_after_max_attempts():
    fake = FakeAntom(failures=[httpx.ConnectError("refused")] * 5)
    client, sleeps = make_client(fake, max_attempts=3)
    with pytest.raises(TransportError, match="refused the connection") as err:
        pay(client)
    assert err.value.retryable
    assert len(fake.seen) == 3 and len(sleeps) == 2


def test_timeout_is_a_gateway_timeout():
    fake = FakeAntom(failures=[httpx.ReadTimeout("slow")] * 2)
    client, _ = make_client(fake, max_attempts=2, timeout=0.5)
    with pytest.raises(GatewayTimeout, match=r"no answer within 0\.5s"):
        client.inquiry_payment(payment_request_id="P1")


def test_5xx_is_retried_and_4xx_is_not():
    fake = FakeAntom(failures=[503])
    client, _ = make_client(fake)
    assert pay(client).payment_id
    assert len(fake.seen) == 2
    fake = FakeAntom(failures=[502, 500, 504])
    client, _ = make_client(fake)
    with pytest.raises(TransportError, match="HTTP 504"):
        pay(client)
    fake = FakeAntom(failures=[404])
    client, _ = make_client(fake)
    with pytest.raises(MalformedResponse, match="HTTP 404"):
        pay(client)
    assert len(fake.seen) == 1


def test_u_unknown_exception_is_retried_then_reported_as_u():
    fake = FakeAntom()
    client, sleeps = make_client(fake)
    pay(client)
    queue = [
        {"result": result("UNKNOWN_EXCEPTION", "U")},
        {"result": result("REQUEST_TRAFFIC_EXCEED_LIMIT", "U")},
    ]

    def before(_seen):
        if queue:
            fake.override["inquiryPayment"] = queue.pop(0)
        else:
            fake.override.pop("inquiryPayment", None)

    fake.before = before
    fake.seen.clear()
    inq = client.inquiry_payment(payment_request_id="P1")
    assert inq.payment_status == "PROCESSING" and len(fake.seen) == 3 and len(sleeps) == 2
    assert len(set(fake.bodies("inquiryPayment"))) == 1

    fake = FakeAntom(override={"pay": {"result": result("UNKNOWN_EXCEPTION", "U")}})
    client, _ = make_client(fake)
    with pytest.raises(GatewayResultError) as err:
        pay(client)
    assert err.value.result_status == "U" and err.value.retryable
    assert len(fake.seen) == 3 and len(set(fake.bodies("pay"))) == 1


def test_f_is_final_and_not_retried():
    fake = FakeAntom(override={"pay": {"result": result("CURRENCY_NOT_SUPPORT", "F", "no")}})
    client, _ = make_client(fake)
    with pytest.raises(GatewayResultError, match="pay: CURRENCY_NOT_SUPPORT") as err:
        pay(client)
    assert err.value.result_status == "F" and not err.value.retryable
    assert len(fake.seen) == 1


def test_u_other_than_in_process_is_not_success_for_inquiry():
    fake = FakeAntom(override={"inquiryPayment": {"result": result("PAYMENT_IN_PROCESS", "U")}})
    client, _ = make_client(fake)
    with pytest.raises(GatewayResultError):
        client.inquiry_payment(payment_request_id="P1")


# -- exchanges, urls, pure retry rules -------------------------------------------------------


def test_exchanges_hold_no_key_material():
    fake = FakeAntom()
    exchanges: list[Exchange] = []
    client, _ = make_client(fake, observer=exchanges.append)
    with client.capture() as captured:
        pay(client)
    assert captured == exchanges and len(exchanges) == 1
    x = exchanges[0]
    assert x.api == "pay" and x.verified and x.status_code == 200 and x.elapsed_ms > 0
    assert "Signature" in x.request_headers  # public, shown on purpose
    secret = private_key_pkcs8_base64(fake.merchant_key)
    dumped = repr(x) + repr(client) + repr(client.signer)
    assert secret[40:80] not in dumped
    assert base64.b64encode(b"PRIVATE") not in dumped.encode()


def test_a_failing_observer_does_not_break_the_call():
    def boom(_x):
        raise RuntimeError("console crashed")

    client, _ = make_client(FakeAntom(), observer=boom)
    assert pay(client).payment_id


@pytest.mark.parametrize(
    "url",
    [
        "https://open-sea-global.alipay.com",
        "http://127.0.0.1:8080",
        "http://127.8.9.10",
        "http://localhost:1/",
        "http://[::1]:9",
    ],
)
def test_gateway_urls_accepted(url):
    assert check_gateway_url(url) == url.rstrip("/")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://open-sea-global.alipay.com", "plain http on a non-loopback host"),
        ("http://10.0.0.2:8080", "plain http on a non-loopback host"),
        ("http://[::2]:80", "plain http"),
        ("ftp://127.0.0.1", "must start with https://"),
        ("", "empty"),
        ("https://gw.example/?x=1", "query"),
    ],
)
def test_gateway_urls_refused(url, message):
    with pytest.raises(ValueError, match=message):
        check_gateway_url(url)
    with pytest.raises(ValueError, match=message):
        AntomClient(url, "C", Signer(key("merchant")), Verifier(key("gateway").public_key()))


def test_retry_rules_are_pure_functions():
    assert retry.should_retry(TransportError("x"), 1, 3)
    assert retry.should_retry(GatewayTimeout("x"), 2, 3)
    assert not retry.should_retry(TransportError("x"), 3, 3)
    assert retry.should_retry(GatewayResultError("U", "UNKNOWN_EXCEPTION"), 1, 3)
    assert not retry.should_retry(GatewayResultError("U", "PAYMENT_IN_PROCESS"), 1, 3)
    assert not retry.should_retry(GatewayResultError("F", "UNKNOWN_EXCEPTION"), 1, 3)
    assert not retry.should_retry(ResponseSignatureError("x"), 1, 3)
    assert not retry.should_retry(MalformedResponse("x"), 1, 3)
    assert retry.backoff_delay(1, rand=lambda: 0.0) == pytest.approx(0.125)
    assert retry.backoff_delay(1, rand=lambda: 1.0) == pytest.approx(0.25)
    assert retry.backoff_delay(10, rand=lambda: 1.0) == pytest.approx(retry.DEFAULT_MAX_DELAY)
    with pytest.raises(ValueError):
        retry.backoff_delay(0)


def test_keep_alive_and_explicit_timeouts():
    client, _ = make_client(FakeAntom(), timeout=7)
    t = client._http.http.timeout  # an injected httpx transport: the httpx poster
    assert (t.connect, t.read, t.write, t.pool) == (5.0, 7.0, 7.0, 7.0)
    assert timedelta(seconds=client.timeout) == timedelta(seconds=7)
