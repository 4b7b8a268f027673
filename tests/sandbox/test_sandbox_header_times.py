"""Header times in both forms Antom's clients send: what the Java and Go SDKs do, checked with
the official Python SDK's own signing tool.

The Java SDK (``BaseAlipayClient.execute``: ``DateTool.getCurrentTimeMillis()``) and the Go
SDK send ``Request-Time`` as epoch milliseconds; the Python SDK sends ISO 8601. The requests
here are signed by ``signature_tool.sign`` over an epoch-ms time and sent by ``http.client``;
every answer is verified with ``signature_tool.verify``: no code of ours on the client side.
"""

from __future__ import annotations

import http.client
import json
import time
from urllib.parse import urlsplit

import pytest
from sandbox_support import CLIENT_ID, pay_body

pytest.importorskip("com.alipay.ams.api")

from com.alipay.ams.api.request.pay.alipay_pay_query_request import AlipayPayQueryRequest
from com.alipay.ams.api.tools import signature_tool
from com.alipay.ams.api.tools.date_tools import get_cur_iso8601_time

from cashier_app.gateway.signing import private_key_pkcs8_base64

BASE = "/ams/sandbox/api/v1/payments/"


def epoch_ms() -> str:
    return str(int(time.time() * 1000))


def sdk_post(sandbox, merchant_key, api: str, body: str, sent_at: str) -> dict:
    """Sign with the SDK's tool, send, verify the answer with the SDK's tool."""
    path = BASE + api
    sig = signature_tool.sign(
        "POST", path, CLIENT_ID, sent_at, body, private_key_pkcs8_base64(merchant_key)
    )
    parts = urlsplit(sandbox.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
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
        headers = {k.lower(): v for k, v in resp.getheaders()}
    finally:
        conn.close()
    assert resp.status == 200
    assert signature_tool.verify(
        "POST",
        path,
        headers["client-id"],
        headers["response-time"],
        data,
        headers["signature"].split("signature=", 1)[1],
        sandbox.gateway_public_key_base64,
    )
    return json.loads(data)


def approve(sandbox, payment_id: str) -> dict:
    parts = urlsplit(sandbox.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request("POST", f"/sandbox/payments/{payment_id}/approve", body=b"")
        resp = conn.getresponse()
        return {"status": resp.status, **json.loads(resp.read())}
    finally:
        conn.close()


def test_epoch_ms_request_time_pay_approve_inquiry_refund(sandbox, merchant_key):
    paid = sdk_post(
        sandbox, merchant_key, "pay", json.dumps(pay_body("java-style-1"), indent=3), epoch_ms()
    )
    assert paid["result"]["resultCode"] == "PAYMENT_IN_PROCESS", paid
    assert approve(sandbox, paid["paymentId"])["status"] == 200

    query = AlipayPayQueryRequest()
    query.payment_request_id = "java-style-1"
    status = sdk_post(sandbox, merchant_key, "inquiryPayment", query.to_ams_json(), epoch_ms())
    assert status["paymentStatus"] == "SUCCESS", status

    refund = {
        "refundRequestId": "java-refund-1",
        "paymentId": paid["paymentId"],
        "refundAmount": {"currency": "HKD", "value": "230"},
    }
    refunded = sdk_post(sandbox, merchant_key, "refund", json.dumps(refund), epoch_ms())
    assert refunded["result"]["resultStatus"] == "S", refunded
    assert refunded["refundAmount"] == {"currency": "HKD", "value": "230"}


def test_iso_request_time_still_accepted(sandbox, merchant_key):
    paid = sdk_post(
        sandbox, merchant_key, "pay", json.dumps(pay_body("python-style")), get_cur_iso8601_time()
    )
    assert paid["result"]["resultCode"] == "PAYMENT_IN_PROCESS", paid


@pytest.mark.parametrize(
    "sent_at", ["yesterday", "1685599933", "2026-11-21T23:48:15", "16855999338710000"]
)
def test_unparseable_request_time_is_refused_naming_the_header(sandbox, merchant_key, sent_at):
    answer = sdk_post(sandbox, merchant_key, "pay", json.dumps(pay_body("bad-time")), sent_at)
    assert answer["result"]["resultCode"] == "PARAM_ILLEGAL"
    assert "Request-Time" in answer["result"]["resultMessage"]
    assert sandbox.store.find_payment(CLIENT_ID, payment_request_id="bad-time") is None
