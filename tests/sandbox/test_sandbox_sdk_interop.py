"""Interop with the official Antom SDK (global-open-sdk-python 1.7.1, test-only dependency).

The SDK's HTTP layer (``net/default_http_rpc.py``) always opens HTTPS to port 443, so it
cannot reach a loopback sandbox as shipped. The tests therefore either (a) build and sign
with the SDK's request classes and ``signature_tool`` and send those exact bytes with
``http.client``, or (b) run the SDK's whole ``DefaultAlipayClient.execute`` with only its
connection factory swapped for a plain loopback ``HTTPConnection`` — headers, absolute-URL
request target, sandbox path rewrite, signing and response verification are all the SDK's.
"""

from __future__ import annotations

import base64
import http.client
import json
from urllib.parse import quote_plus, urlsplit

import pytest
from sandbox_support import CLIENT_ID

pytest.importorskip("com.alipay.ams.api")

from com.alipay.ams.api.default_alipay_client import DefaultAlipayClient
from com.alipay.ams.api.model.amount import Amount
from com.alipay.ams.api.model.env import Env
from com.alipay.ams.api.model.order import Order
from com.alipay.ams.api.model.payment_method import PaymentMethod
from com.alipay.ams.api.model.product_code_type import ProductCodeType
from com.alipay.ams.api.model.terminal_type import TerminalType
from com.alipay.ams.api.net import default_http_rpc
from com.alipay.ams.api.request.pay.alipay_pay_query_request import (
    AlipayPayQueryRequest,
)
from com.alipay.ams.api.request.pay.alipay_pay_request import AlipayPayRequest
from com.alipay.ams.api.tools import signature_tool
from com.alipay.ams.api.tools.date_tools import get_cur_iso8601_time
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

from cashier_app.gateway.signing import (
    SignatureError,
    Signer,
    Verifier,
    private_key_pkcs8_base64,
    public_key_base64,
    sign_content,
)

PAY = "/ams/sandbox/api/v1/payments/pay"
INQUIRY = "/ams/sandbox/api/v1/payments/inquiryPayment"


def _pkcs1_base64(key) -> str:
    der = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
    return base64.b64encode(der).decode()


def sdk_pay_request(request_id: str) -> AlipayPayRequest:
    req = AlipayPayRequest()
    req.path = PAY  # as the SDK's own examples do for sandbox client ids
    req.product_code = ProductCodeType.CASHIER_PAYMENT
    req.payment_request_id = request_id
    req.payment_amount = Amount("HKD", "1230")
    order = Order()
    order.reference_order_id = f"order-{request_id}"
    order.order_description = "SDK interop coffee"
    order.order_amount = Amount("HKD", "1230")
    req.order = order
    method = PaymentMethod()
    method.payment_method_type = "ALIPAY_HK"
    req.payment_method = method
    env = Env()
    env.terminal_type = TerminalType.WEB
    req.env = env
    req.payment_redirect_url = "https://merchant.example/return"
    return req


def _post_sdk_signed(url: str, path: str, body: str, merchant_key) -> tuple[dict, str]:
    """SDK signature_tool signs; http.client sends; SDK signature_tool verifies."""
    sent_at = get_cur_iso8601_time()
    sig = signature_tool.sign(
        "POST", path, CLIENT_ID, sent_at, body, private_key_pkcs8_base64(merchant_key)
    )
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request(
        "POST",
        path,
        body=body.encode("utf-8"),
        headers={
            "Content-type": "application/json; charset=UTF-8",
            "client-id": CLIENT_ID,
            "Request-Time": sent_at,
            "Signature": f"algorithm=RSA256,keyVersion=1,signature={sig}",
        },
    )
    resp = conn.getresponse()
    data = resp.read().decode("utf-8")
    headers = dict(resp.getheaders())
    conn.close()
    assert resp.status == 200
    return headers, data


def test_sdk_built_pay_and_inquiry_are_accepted_and_answers_verify(sandbox, merchant_key):
    gateway_pub = sandbox.gateway_public_key_base64
    body = sdk_pay_request("sdk-1").to_ams_json()
    headers, data = _post_sdk_signed(sandbox.url, PAY, body, merchant_key)
    assert signature_tool.verify(
        "POST",
        PAY,
        headers["client-id"],
        headers["response-time"],
        data,
        headers["signature"].split("signature=")[1],
        gateway_pub,
    )
    answer = json.loads(data)
    assert answer["result"]["resultCode"] == "PAYMENT_IN_PROCESS", answer

    query = AlipayPayQueryRequest()
    query.payment_request_id = "sdk-1"
    headers, data = _post_sdk_signed(sandbox.url, INQUIRY, query.to_ams_json(), merchant_key)
    assert signature_tool.verify(
        "POST",
        INQUIRY,
        headers["client-id"],
        headers["response-time"],
        data,
        headers["signature"].split("signature=")[1],
        gateway_pub,
    )
    assert json.loads(data)["paymentId"] == answer["paymentId"]


@pytest.fixture
def sdk_over_loopback(monkeypatch):
    """Swap only the SDK's connection factory (HTTPS:443) for plain HTTP to the URL's port."""

    def connect(url, timeout=15):
        parts = urlsplit(url)
        return http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)

    monkeypatch.setattr(default_http_rpc, "__get_http_connection", connect)


def test_sdk_client_execute_end_to_end(sandbox, merchant_key, sdk_over_loopback):
    sdk = DefaultAlipayClient(
        sandbox.url,
        CLIENT_ID,
        private_key_pkcs8_base64(merchant_key),
        sandbox.gateway_public_key_base64,
    )
    req = sdk_pay_request("sdk-exec")
    req.path = "/ams/api/v1/payments/pay"  # the SDK rewrites it for the SANDBOX_ client id
    answer = json.loads(sdk.execute(req))  # raises unless the answer's signature verifies
    assert answer["result"]["resultStatus"] == "U"
    sandbox.approve(answer["paymentId"])
    query = AlipayPayQueryRequest()
    query.payment_id = answer["paymentId"]
    status = json.loads(sdk.execute(query))
    assert status["paymentStatus"] == "SUCCESS"


def test_sdk_rejects_a_tampered_sandbox_answer(sandbox, merchant_key, sdk_over_loopback):
    from com.alipay.ams.api.exception.exception import AlipayApiException

    sdk = DefaultAlipayClient(
        sandbox.url,
        CLIENT_ID,
        private_key_pkcs8_base64(merchant_key),
        sandbox.gateway_public_key_base64,
    )
    sandbox.faults.add("bad_signature", mode="tamper_body")
    with pytest.raises(AlipayApiException, match="verify"):
        sdk.execute(sdk_pay_request("sdk-tamper"))


BODY = json.dumps({"paymentRequestId": "签名-1", "amount": {"value": "1230"}}, indent=3)


@pytest.mark.parametrize("form", ["pkcs8", "pkcs1"])
def test_our_signature_equals_the_sdks_byte_for_byte(merchant_key, form):
    sdk_key = (
        private_key_pkcs8_base64(merchant_key) if form == "pkcs8" else _pkcs1_base64(merchant_key)
    )
    t = "2026-11-21T23:48:15+00:00"
    ours = Signer(merchant_key).sign("POST", PAY, CLIENT_ID, t, BODY)
    theirs = signature_tool.sign("POST", PAY, CLIENT_ID, t, BODY, sdk_key)
    assert ours == theirs
    assert Signer.from_text(sdk_key).sign("POST", PAY, CLIENT_ID, t, BODY) == theirs


def test_we_verify_the_sdks_signature_and_reject_a_changed_byte(merchant_key):
    t = "2026-11-21T23:48:15+00:00"
    sig = signature_tool.sign(
        "POST", PAY, CLIENT_ID, t, BODY, private_key_pkcs8_base64(merchant_key)
    )
    verifier = Verifier.from_text(public_key_base64(merchant_key.public_key()))
    verifier.verify("POST", PAY, CLIENT_ID, t, BODY, sig)
    with pytest.raises(SignatureError):
        verifier.verify("POST", PAY, CLIENT_ID, t, BODY.replace("1230", "1231"), sig)


def test_sha1_signature_rejected_by_us_but_accepted_by_the_sdk(merchant_key):
    """SDK bug (protocol doc §12): rsa.verify takes the hash from the signature."""
    t = "2026-11-21T23:48:15+00:00"
    raw = merchant_key.sign(
        sign_content("POST", PAY, CLIENT_ID, t, BODY), padding.PKCS1v15(), hashes.SHA1()
    )
    sig = quote_plus(base64.b64encode(raw).decode())
    pub = public_key_base64(merchant_key.public_key())
    assert signature_tool.verify("POST", PAY, CLIENT_ID, t, BODY, sig, pub) is True
    with pytest.raises(SignatureError, match="SHA-256"):
        Verifier.from_text(pub).verify("POST", PAY, CLIENT_ID, t, BODY, sig)


def test_sha1_signed_request_is_rejected_by_the_sandbox(client, merchant_key):
    body = json.dumps({"paymentRequestId": "x"}).encode()
    t = "2026-11-21T23:48:15+00:00"
    raw = merchant_key.sign(
        sign_content("POST", INQUIRY, CLIENT_ID, t, body), padding.PKCS1v15(), hashes.SHA1()
    )
    sig = quote_plus(base64.b64encode(raw).decode())
    reply = client.post(
        "inquiryPayment",
        body,
        headers={"Request-Time": t, "Signature": f"algorithm=RSA256,keyVersion=1,signature={sig}"},
    )
    assert reply.verified and reply.result["resultCode"] == "INVALID_SIGNATURE"
