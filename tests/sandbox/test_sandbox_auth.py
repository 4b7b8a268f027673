"""The sandbox checks every request's signature and headers, and signs every answer."""

from __future__ import annotations

import http.client
import json

import pytest
from sandbox_support import CLIENT_ID, RawClient, pay_body

from cashier_app.gateway.signing import (
    Signer,
    Verifier,
    generate_private_key,
    public_key_base64,
    request_time,
)


def _code(reply) -> str:
    assert reply.status == 200
    assert reply.verified, reply.error  # errors are signed too
    assert reply.result["resultStatus"] == "F"
    return reply.result["resultCode"]


def test_well_signed_pay_is_accepted_and_answer_verifies(client):
    reply = client.post("pay", pay_body())
    assert reply.verified, reply.error
    assert reply.result == {
        "resultCode": "PAYMENT_IN_PROCESS",
        "resultStatus": "U",
        "resultMessage": "payment in process",
    }
    assert reply.headers["client-id"] == CLIENT_ID
    assert reply.headers["response-time"].endswith("+00:00")
    assert reply.headers["signature"].startswith("algorithm=RSA256,keyVersion=1,signature=")


def test_both_path_prefixes_are_served(client):
    reply = client.post("pay", pay_body("p1"), path="/ams/api/v1/payments/pay")
    assert reply.verified and reply.result["resultStatus"] == "U"
    reply = client.post("pay", pay_body("p1"), path="/ams/sandbox/api/v1/payments/pay")
    assert reply.json["paymentId"]


def test_signature_by_another_key_is_rejected(sandbox, gateway_key):
    stranger = RawClient(
        sandbox.url, CLIENT_ID, Signer(generate_private_key()), Verifier(gateway_key.public_key())
    )
    assert _code(stranger.post("pay", pay_body())) == "INVALID_SIGNATURE"


def test_tampered_body_is_rejected(client):
    body = json.dumps(pay_body()).encode()
    tampered = body.replace(b"1230", b"1", 1)
    assert _code(client.post("pay", body, sent_body=tampered)) == "INVALID_SIGNATURE"


def test_missing_signature_header(client):
    assert _code(client.post("pay", pay_body(), drop=("Signature",))) == "INVALID_SIGNATURE"


def test_signature_header_without_signature_part(client):
    reply = client.post("pay", pay_body(), headers={"Signature": "algorithm=RSA256,keyVersion=1"})
    assert _code(reply) == "INVALID_SIGNATURE"
    assert "signature=" in reply.result["resultMessage"]


def test_unknown_key_version(client):
    body = json.dumps(pay_body()).encode()
    path = "/ams/sandbox/api/v1/payments/pay"
    sent_at = request_time()
    sig = client.signer.sign("POST", path, CLIENT_ID, sent_at, body)
    reply = client.post(
        "pay",
        body,
        headers={
            "Request-Time": sent_at,
            "Signature": f"algorithm=RSA256,keyVersion=7,signature={sig}",
        },
    )
    assert _code(reply) == "KEY_NOT_FOUND"


def test_second_key_version_is_accepted(sandbox, client):
    second = generate_private_key()
    sandbox.register_merchant(CLIENT_ID, public_key_base64(second.public_key()), "2")
    signer = Signer(second, key_version="2")
    other = RawClient(sandbox.url, CLIENT_ID, signer, client.verifier)
    assert other.post("pay", pay_body("kv2")).result["resultStatus"] == "U"


def test_unknown_client(sandbox, client):
    other = RawClient(sandbox.url, "SANDBOX_NOBODY", client.signer, client.verifier)
    reply = other.post("pay", pay_body())
    assert _code(reply) == "CLIENT_INVALID"
    assert reply.headers["client-id"] == "SANDBOX_NOBODY"


def test_missing_client_id(client):
    assert _code(client.post("pay", pay_body(), drop=("client-id",))) == "CLIENT_INVALID"


@pytest.mark.parametrize("value", [None, "1700000000", "2026-11-21T23:48:15", "soon"])
def test_bad_request_time(client, value):
    headers = {} if value is None else {"Request-Time": value}
    drop = ("Request-Time",) if value is None else ()
    reply = client.post("pay", pay_body(), headers=headers, drop=drop)
    assert _code(reply) == "PARAM_ILLEGAL"
    assert "Request-Time" in reply.result["resultMessage"]


def test_wrong_content_type(client):
    reply = client.post("pay", pay_body(), headers={"Content-Type": "text/plain"})
    assert _code(reply) == "MEDIA_TYPE_NOT_ACCEPTABLE"


def test_unknown_path(client):
    reply = client.post("pay", pay_body(), path="/ams/api/v1/payments/teleport")
    assert _code(reply) == "NO_INTERFACE_DEF"


def test_non_post_method(client):
    reply = client.post("inquiryPayment", b"", method="GET")
    assert _code(reply) == "METHOD_NOT_SUPPORTED"


def test_signed_bad_json_is_param_illegal(client):
    assert _code(client.post("pay", b"{not json")) == "PARAM_ILLEGAL"
    assert _code(client.post("pay", b"[1, 2]")) == "PARAM_ILLEGAL"


def test_absolute_url_request_target_is_understood(sandbox, client):
    """The official SDK writes the absolute URL as request target; the signed path is the
    path alone."""
    path = "/ams/sandbox/api/v1/payments/pay"
    body = json.dumps(pay_body("abs")).encode()
    sent_at = request_time()
    conn = http.client.HTTPConnection(client.host, client.port, timeout=5)
    conn.request(
        "POST",
        f"https://open-sea-global.alipay.com{path}",
        body=body,
        headers={
            "Content-Type": "application/json; charset=UTF-8",
            "client-id": CLIENT_ID,
            "Request-Time": sent_at,
            "Signature": client.signer.header("POST", path, CLIENT_ID, sent_at, body),
        },
    )
    resp = conn.getresponse()
    data = resp.read()
    headers = dict(resp.getheaders())
    conn.close()
    client.verifier.verify_header(
        "POST", path, headers["client-id"], headers["response-time"], data, headers["signature"]
    )
    assert json.loads(data)["result"]["resultCode"] == "PAYMENT_IN_PROCESS"


def test_keep_alive_connection_serves_several_requests(client):
    path = "/ams/sandbox/api/v1/payments/inquiryPayment"
    conn = http.client.HTTPConnection(client.host, client.port, timeout=5)
    for _ in range(3):
        body = b'{"paymentRequestId": "none"}'
        sent_at = request_time()
        conn.request(
            "POST",
            path,
            body=body,
            headers={
                "Content-Type": "application/json",
                "client-id": CLIENT_ID,
                "Request-Time": sent_at,
                "Signature": client.signer.header("POST", path, CLIENT_ID, sent_at, body),
            },
        )
        resp = conn.getresponse()
        assert json.loads(resp.read())["result"]["resultCode"] == "ORDER_NOT_EXIST"
    conn.close()


def test_gateway_refuses_non_loopback_host():
    from cashier_app.sandbox import SandboxError, SandboxGateway

    with pytest.raises(SandboxError, match="loopback"):
        SandboxGateway("0.0.0.0")


def test_register_merchant_rejects_bad_input(sandbox, merchant_key):
    from cashier_app.gateway.signing import KeyFormatError
    from cashier_app.sandbox import SandboxError

    with pytest.raises(KeyFormatError):
        sandbox.register_merchant("X", "not a key")
    with pytest.raises(SandboxError, match="client id"):
        sandbox.register_merchant("bad id", public_key_base64(merchant_key.public_key()))
    with pytest.raises(SandboxError, match="keyVersion"):
        sandbox.register_merchant("X", public_key_base64(merchant_key.public_key()), "v1")


def test_repr_holds_no_key(sandbox):
    assert "PRIVATE" not in repr(sandbox) and sandbox.url in repr(sandbox)
    assert "fingerprint" in repr(sandbox.signer)
