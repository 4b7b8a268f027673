"""AlipayHK envelope (seed 004): sign/verify, tamper rejection, and a sale via the sandbox."""

from __future__ import annotations

import json

import httpx
import pytest

from cashier_app.domain.money import Money
from cashier_app.gateway import alipayhk as env
from cashier_app.gateway.antom import AntomClient
from cashier_app.gateway.errors import GatewayResultError, ResponseSignatureError
from cashier_app.gateway.signing import SignatureError, Signer, Verifier, generate_private_key


def _order_str(signer: Signer, **kw) -> str:
    body = env.pay_body(
        "2160400000002012",
        "T-1",
        Money(1000, "HKD"),
        order_title="testTitle",
        notify_url="https://notify.example/1",
        **kw,
    )
    return env.seal(signer, "request", env.head("4Q5XSH6SSG02T006"), body)


def test_envelope_shape_matches_seed(merchant_signer):
    text = _order_str(merchant_signer)
    data = json.loads(text)
    assert list(data) == ["request", "signature"]
    head = data["request"]["head"]
    assert list(head) == ["version", "function", "clientId", "reqTime", "reqMsgId", "reserve"]
    assert head["version"] == "2.0.0"
    assert head["function"] == "alipay.intl.acquiring.cashier.wap.pay"
    assert head["reserve"] == "{}" and len(head["reqMsgId"]) == 32
    body = data["request"]["body"]
    assert body["productCode"] == "AGREEMENT_OR_CASHIER_PAY"
    assert body["order"]["orderAmount"] == {"currency": "HKD", "value": "1000"}
    assert json.loads(body["extendInfo"]) == {"productScene": "Prepay"}
    assert env.trade_pay_params(text) == {"version": "2.0.0", "orderStr": text}


def test_signs_exact_request_member_and_verifies(merchant_signer, merchant_key):
    text = _order_str(merchant_signer)
    verifier = Verifier(merchant_key.public_key())
    head, body = env.open_envelope(text, verifier, "request")
    assert head["clientId"] == "4Q5XSH6SSG02T006"
    assert body["merchantTransId"] == "T-1"
    # the signature covers exactly the compact text of the "request" value
    inner = env.member_texts(text)["request"]
    verifier.verify_bytes(inner.encode(), json.loads(text)["signature"])
    # re-formatting the outer envelope (whitespace) keeps the member bytes: still valid
    spaced = text.replace('{"request":', '{ "request" : ', 1)
    env.open_envelope(spaced, verifier, "request")


@pytest.mark.parametrize(
    "tamper",
    [
        lambda t: t.replace('"value":"1000"', '"value":"9000"'),
        lambda t: t.replace('"T-1"', '"T-2"'),
        lambda t: t.replace('"body":{', '"body": {', 1),  # whitespace inside the signed member
    ],
)
def test_tampered_envelope_is_rejected(merchant_signer, merchant_key, tamper):
    text = tamper(_order_str(merchant_signer))
    with pytest.raises(SignatureError):
        env.open_envelope(text, Verifier(merchant_key.public_key()), "request")


def test_wrong_key_and_missing_signature_rejected(merchant_signer):
    text = _order_str(merchant_signer)
    other = Verifier(generate_private_key().public_key())
    with pytest.raises(SignatureError):
        env.open_envelope(text, other, "request")
    unsigned = text[: text.index(',"signature"')] + "}"
    with pytest.raises(SignatureError, match="no signature"):
        env.open_envelope(unsigned, other, "request")


@pytest.mark.parametrize(
    "text,problem",
    [
        ("[]", "not a JSON object"),
        ('{"request":{}', "not valid JSON"),
        ('{"request":1,"request":2}', "twice"),
        ('{"signature":"x"}', "no 'request'"),
    ],
)
def test_malformed_envelopes_name_the_problem(merchant_key, text, problem):
    with pytest.raises(env.EnvelopeError, match=problem):
        env.open_envelope(text, Verifier(merchant_key.public_key()), "request")


def test_pay_body_rejects_bad_values():
    with pytest.raises(env.EnvelopeError, match="merchantTransId"):
        env.pay_body("M", "", Money(1, "HKD"), order_title="t")
    with pytest.raises(env.EnvelopeError, match="mcc"):
        env.pay_body("M", "T", Money(1, "HKD"), order_title="t", mcc="12")
    with pytest.raises(env.EnvelopeError, match="notifyUrl"):
        env.pay_body("M", "T", Money(1, "HKD"), order_title="t", notify_url="ftp://x")


def test_dialect_field():
    assert env.check_dialect(None) == "antom"
    assert env.check_dialect("AlipayHK") == "alipayhk"
    with pytest.raises(ValueError, match="one of: antom, alipayhk"):
        env.check_dialect("wechat")


def test_sale_through_sandbox_envelope(sandbox, antom):
    seen = []
    antom.observer = seen.append
    client = env.client_for_dialect(antom, "alipayhk", merchant_name="Test Shop")
    assert isinstance(client, env.AlipayHKClient)
    resp = client.pay(
        "HK-ORDER-1",
        Money(1000, "HKD"),
        "ALIPAY_HK",
        reference_order_id="",
        order_description="Milk tea",
        expiry=None,
        notify_url=None,
        redirect_url=None,
    )
    assert resp.result.status == "U" and resp.result.code == "PAYMENT_IN_PROCESS"
    assert resp.payment_request_id == "HK-ORDER-1" and resp.payment_id
    assert resp.normal_url.startswith(sandbox.url) and resp.code_value
    assert seen[-1].api == "alipayhk.pay" and seen[-1].verified
    assert json.loads(client.last_order_str)["request"]["body"]["merchantTransId"] == "HK-ORDER-1"
    # idempotent replay of the same order: same payment
    again = client.pay(
        "HK-ORDER-1",
        Money(1000, "HKD"),
        "ALIPAY_HK",
        reference_order_id="",
        order_description="Milk tea",
        expiry=None,
        notify_url=None,
        redirect_url=None,
    )
    assert again.payment_id == resp.payment_id
    sandbox.approve(resp.payment_id)
    inquiry = client.inquiry_payment(payment_request_id="HK-ORDER-1")
    assert inquiry.payment_status == "SUCCESS"


def test_sandbox_rejects_bad_signature_with_signed_answer(sandbox, antom):
    client = env.AlipayHKClient(antom)
    forged = env.AlipayHKClient(antom)
    forged.signer = Signer(generate_private_key())
    with pytest.raises(GatewayResultError) as info:
        forged.pay(
            "HK-2",
            Money(100, "HKD"),
            "ALIPAY_HK",
            reference_order_id="",
            order_description="x",
            expiry=None,
            notify_url=None,
            redirect_url=None,
        )
    assert info.value.result_code == "INVALID_SIGNATURE"
    with pytest.raises(GatewayResultError) as info:
        client.pay(
            "HK-3",
            Money(100, "HKD"),
            "ALIPAY_HK",
            reference_order_id="",
            order_description="x",
            expiry=None,
            notify_url=None,
            redirect_url=None,
        )
        client.pay(
            "HK-3",
            Money(200, "HKD"),
            "ALIPAY_HK",
            reference_order_id="",
            order_description="x",
            expiry=None,
            notify_url=None,
            redirect_url=None,
        )
    assert info.value.result_code == "REPEAT_REQ_INCONSISTENT"


def test_client_rejects_tampered_answer(sandbox, antom):
    def tampering(request: httpx.Request) -> httpx.Response:
        real = httpx.post(str(request.url), content=request.content, headers=dict(request.headers))
        body = real.content.replace(b'"value":"100"', b'"value":"1"')
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    tampered = AntomClient(
        antom.base_url,
        antom.client_id,
        antom.signer,
        antom.verifier,
        transport=httpx.MockTransport(tampering),
    )
    client = env.AlipayHKClient(tampered)
    with pytest.raises(ResponseSignatureError):
        client.pay(
            "HK-4",
            Money(100, "HKD"),
            "ALIPAY_HK",
            reference_order_id="",
            order_description="x",
            expiry=None,
            notify_url=None,
            redirect_url=None,
        )


def test_sandbox_refuses_get_and_unknown_path(sandbox):
    assert httpx.get(f"{sandbox.url}{env.PATH}").status_code == 405
    assert httpx.post(f"{sandbox.url}/alipayhk/nope", content=b"{}").status_code == 404
    answer = httpx.post(f"{sandbox.url}{env.PATH}", content=b"not json")
    assert answer.status_code == 200
    data = json.loads(answer.text)
    assert data["response"]["body"]["resultInfo"]["resultCode"] == "PARAM_ILLEGAL"
    # the error answer is signed too, over the exact "response" member
    Verifier(sandbox.gateway_public_key).verify_bytes(
        env.member_texts(answer.text)["response"].encode(), data["signature"]
    )
