"""pay -> inquiryPayment round trip on loopback against one sandbox: our ``AntomClient``
vs the official SDK's request classes and ``signature_tool`` (the sandbox's requests per
second are in ``bench_sandbox.py``).

About the SDK side: its HTTP layer (``net/default_http_rpc.py: do_post``) always opens
HTTPS on port 443 and cannot reach a loopback sandbox. So the SDK path here does exactly
what ``DefaultAlipayClient.execute`` does — ``AlipayPayRequest`` / ``AlipayPayQueryRequest``
``.to_ams_json()``, ``signature_tool.sign`` with the merchant key string, the same headers,
``signature_tool.verify`` of the answer — but sends the signed bytes with ``http.client``
over one kept-alive connection (the SDK itself opens a new TLS connection per call, so this
favours the SDK).
"""

from __future__ import annotations

import http.client
import itertools
import json
from typing import Any
from urllib.parse import urlsplit

from benchmarks.timing import median_ms
from cashier_app.domain.money import Money
from cashier_app.gateway.signing import (
    Signer,
    Verifier,
    generate_private_key,
    private_key_pkcs8_base64,
    public_key_base64,
)
from cashier_app.sandbox import SandboxGateway

CLIENT_ID = "SANDBOX_BENCH"
AMOUNT = Money(1230, "HKD")


class SdkRoundTrip:
    """pay then inquiryPayment the way the official SDK builds, signs and verifies them."""

    def __init__(self, url: str, merchant_private: str, gateway_public: str) -> None:
        parts = urlsplit(url)
        self._conn = http.client.HTTPConnection(
            parts.hostname or "127.0.0.1", parts.port, timeout=10
        )
        self._private, self._public = merchant_private, gateway_public
        self._ids = itertools.count(1)

    def _execute(self, request: Any) -> dict[str, Any]:
        from com.alipay.ams.api._version import USER_AGENT
        from com.alipay.ams.api.tools import signature_tool
        from com.alipay.ams.api.tools.date_tools import get_cur_iso8601_time

        path = request.path.replace("/ams/api", "/ams/sandbox/api", 1)  # adjust_sandbox_url
        sent_at = get_cur_iso8601_time()
        body = request.to_ams_json()
        sig = signature_tool.sign("POST", path, CLIENT_ID, sent_at, body, self._private)
        self._conn.request(
            "POST",
            path,
            body=body.encode("utf-8"),
            headers={
                "Content-type": "application/json; charset=UTF-8",
                "Accept": "text/plain,text/xml,text/javascript,text/html",
                "Cache-Control": "no-cache",
                "Connection": "Keep-Alive",
                "User-Agent": USER_AGENT,
                "Request-Time": sent_at,
                "client-id": CLIENT_ID,
                "Signature": f"algorithm=RSA256,keyVersion=1,signature={sig}",
            },
        )
        response = self._conn.getresponse()
        raw = response.read().decode("utf-8")
        headers = dict(response.getheaders())
        if response.status != 200:
            raise RuntimeError(f"SDK path: HTTP {response.status}")
        if not signature_tool.verify(
            "POST",
            path,
            headers["client-id"],
            headers["response-time"],
            raw,
            headers["signature"].split("signature=", 1)[1],
            self._public,
        ):
            raise RuntimeError("SDK path: response signature did not verify")
        answer: dict[str, Any] = json.loads(raw)
        return answer

    def __call__(self) -> None:
        from com.alipay.ams.api.model.amount import Amount
        from com.alipay.ams.api.model.env import Env
        from com.alipay.ams.api.model.order import Order
        from com.alipay.ams.api.model.payment_method import PaymentMethod
        from com.alipay.ams.api.model.product_code_type import ProductCodeType
        from com.alipay.ams.api.model.terminal_type import TerminalType
        from com.alipay.ams.api.request.pay.alipay_pay_query_request import (
            AlipayPayQueryRequest,
        )
        from com.alipay.ams.api.request.pay.alipay_pay_request import AlipayPayRequest

        request_id = f"sdk-{next(self._ids)}"
        pay = AlipayPayRequest()
        pay.product_code = ProductCodeType.CASHIER_PAYMENT
        pay.payment_request_id = request_id
        pay.payment_amount = Amount(AMOUNT.currency, str(AMOUNT.value))
        order = Order()
        order.reference_order_id = request_id
        order.order_description = "benchmark"
        order.order_amount = Amount(AMOUNT.currency, str(AMOUNT.value))
        pay.order = order
        method = PaymentMethod()
        method.payment_method_type = "ALIPAY_HK"
        pay.payment_method = method
        env = Env()
        env.terminal_type = TerminalType.WEB
        pay.env = env
        answer = self._execute(pay)
        assert answer["result"]["resultCode"] == "PAYMENT_IN_PROCESS", answer
        query = AlipayPayQueryRequest()
        query.payment_request_id = request_id
        assert self._execute(query)["paymentStatus"] == "PROCESSING"

    def close(self) -> None:
        self._conn.close()


class OurRoundTrip:
    """pay then inquiryPayment with cashier_app.gateway.antom.AntomClient."""

    def __init__(self, url: str, signer: Signer, verifier: Verifier) -> None:
        from cashier_app.gateway.antom import AntomClient

        self._client = AntomClient(url, CLIENT_ID, signer, verifier, timeout=10)
        self._ids = itertools.count(1)

    def __call__(self) -> None:
        request_id = f"ours-{next(self._ids)}"
        answer = self._client.pay(
            request_id,
            AMOUNT,
            "ALIPAY_HK",
            reference_order_id=request_id,
            order_description="benchmark",
            expiry=None,
            notify_url=None,
            redirect_url=None,
        )
        assert answer.result.code == "PAYMENT_IN_PROCESS", answer
        assert self._client.inquiry_payment(request_id).payment_status == "PROCESSING"

    def close(self) -> None:
        self._client.close()


def run(rounds: int) -> dict[str, Any]:
    merchant = generate_private_key()
    signer = Signer(merchant)
    with SandboxGateway() as sandbox:
        sandbox.register_merchant(CLIENT_ID, public_key_base64(merchant.public_key()))
        verifier = Verifier.from_text(sandbox.gateway_public_key_base64)
        sdk = SdkRoundTrip(
            sandbox.url, private_key_pkcs8_base64(merchant), sandbox.gateway_public_key_base64
        )
        result: dict[str, Any] = {"rounds": rounds}
        try:
            result["sdk_roundtrip_ms"] = median_ms(sdk, rounds)
        finally:
            sdk.close()
        try:
            ours = OurRoundTrip(sandbox.url, signer, verifier)
        except ImportError as exc:  # gateway/antom.py not there yet
            result["ours_roundtrip_ms"] = None
            result["ours_error"] = str(exc)
        else:
            try:
                result["ours_roundtrip_ms"] = median_ms(ours, rounds)
            finally:
                ours.close()
        if result.get("ours_roundtrip_ms"):
            result["roundtrip_speedup"] = result["sdk_roundtrip_ms"] / result["ours_roundtrip_ms"]
    return result
