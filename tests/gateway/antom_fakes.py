"""A small signed Antom gateway for httpx.MockTransport unit tests (not our code under test).

It verifies every request with the merchant's public key and signs every answer with its
own key, like the real gateway; tests can script transport failures and tamper answers.
"""

from __future__ import annotations

import base64
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote_plus

import httpx
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from cashier_app.gateway.signing import (
    SignatureError,
    Signer,
    Verifier,
    generate_private_key,
    request_time,
)

_KEYS: dict[str, rsa.RSAPrivateKey] = {}


def key(role: str) -> rsa.RSAPrivateKey:
    """One RSA key per role per test session (key generation is the slow part)."""
    if role not in _KEYS:
        _KEYS[role] = generate_private_key()
    return _KEYS[role]


def sha1_signature(private_key: rsa.RSAPrivateKey, content: bytes) -> str:
    raw = private_key.sign(content, padding.PKCS1v15(), hashes.SHA1())
    return quote_plus(base64.b64encode(raw).decode())


@dataclass
class Seen:
    """One request as the fake gateway received it."""

    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> dict[str, Any]:
        return json.loads(self.body)


@dataclass
class FakePayment:
    request_id: str
    payment_id: str
    amount: dict[str, str]
    body: bytes
    status: str = "PROCESSING"
    code: str = "PAYMENT_IN_PROCESS"
    refunded: int = 0


@dataclass
class FakeAntom:
    """Handler for ``httpx.MockTransport``. ``failures`` is a list of exceptions (or HTTP
    statuses) to produce, one per request, before answering normally; ``tamper`` may
    rewrite (headers, body) of a signed answer; ``before`` runs on every request first."""

    client_id: str = "CLIENT_TEST"
    merchant_key: rsa.RSAPrivateKey = field(default_factory=lambda: key("merchant"))
    gateway_key: rsa.RSAPrivateKey = field(default_factory=lambda: key("gateway"))
    failures: list[Exception | int] = field(default_factory=list)
    tamper: Callable[[dict[str, str], bytes], tuple[dict[str, str], bytes]] | None = None
    before: Callable[[Seen], None] | None = None
    override: dict[str, dict[str, Any]] = field(default_factory=dict)  #: api -> answer
    seen: list[Seen] = field(default_factory=list)
    payments: dict[str, FakePayment] = field(default_factory=dict)
    _ids: Any = field(default_factory=lambda: itertools.count(1))

    def __post_init__(self) -> None:
        self.verifier = Verifier(self.merchant_key.public_key())
        self.signer = Signer(self.gateway_key)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def bodies(self, api: str) -> list[bytes]:
        return [s.body for s in self.seen if s.path.endswith("/" + api)]

    # -- gateway behaviour --------------------------------------------------------------
    def handle(self, request: httpx.Request) -> httpx.Response:
        seen = Seen(request.url.path, dict(request.headers), request.read())
        self.seen.append(seen)
        if self.before is not None:
            self.before(seen)
        if self.failures:
            failure = self.failures.pop(0)
            if isinstance(failure, Exception):
                raise failure
            return httpx.Response(failure, content=b"upstream trouble")
        try:
            self.verifier.verify_header(
                "POST",
                seen.path,
                seen.headers["client-id"],
                seen.headers["request-time"],
                seen.body,
                seen.headers.get("signature"),
            )
        except (SignatureError, KeyError):
            return self.answer(seen.path, {"result": result("INVALID_SIGNATURE", "F")})
        api = seen.path.rsplit("/", 1)[-1]
        answer = self.override.get(api) or getattr(self, "_" + api)(seen.json)
        return self.answer(seen.path, answer)

    def answer(self, path: str, data: dict[str, Any]) -> httpx.Response:
        body = json.dumps(data).encode()
        now = request_time()
        headers = {
            "content-type": "application/json; charset=UTF-8",
            "client-id": self.client_id,
            "response-time": now,
            "signature": self.signer.header("POST", path, self.client_id, now, body),
        }
        if self.tamper is not None:
            headers, body = self.tamper(headers, body)
        return httpx.Response(200, headers=headers, content=body)

    def _pay(self, req: dict[str, Any]) -> dict[str, Any]:
        rid = req["paymentRequestId"]
        existing = self.payments.get(rid)
        if existing is None:
            existing = self.payments[rid] = FakePayment(
                rid, f"PAY{next(self._ids):06d}", req["paymentAmount"], json.dumps(req).encode()
            )
        elif existing.body != json.dumps(req).encode():
            return {"result": result("REPEAT_REQ_INCONSISTENT", "F")}
        return {
            "result": result("PAYMENT_IN_PROCESS", "U"),
            "paymentRequestId": rid,
            "paymentId": existing.payment_id,
            "paymentAmount": existing.amount,
            "paymentCreateTime": request_time(),
            "normalUrl": f"https://wallet.example/{existing.payment_id}",
            "schemeUrl": f"alipayhk://pay?id={existing.payment_id}",
            "orderCodeForm": {
                "codeDetails": [
                    {"codeValueType": "BARCODE", "codeValue": "bar"},
                    {"codeValueType": "QRCODE", "codeValue": f"qr:{existing.payment_id}"},
                ]
            },
        }

    def _find(self, req: dict[str, Any]) -> FakePayment | None:
        if "paymentRequestId" in req:
            return self.payments.get(req["paymentRequestId"])
        return next(
            (p for p in self.payments.values() if p.payment_id == req.get("paymentId")), None
        )

    def _inquiryPayment(self, req: dict[str, Any]) -> dict[str, Any]:
        p = self._find(req)
        if p is None:
            return {"result": result("ORDER_NOT_EXIST", "F")}
        out = {
            "result": result(),
            "paymentStatus": p.status,
            "paymentResultCode": p.code,
            "paymentRequestId": p.request_id,
            "paymentId": p.payment_id,
            "paymentAmount": p.amount,
        }
        if p.status == "SUCCESS":
            out["paymentTime"] = request_time()
        return out

    def _cancel(self, req: dict[str, Any]) -> dict[str, Any]:
        p = self._find(req)
        if p is None:
            return {"result": result("ORDER_NOT_EXIST", "F")}
        if p.status == "FAIL":
            return {"result": result("ORDER_IS_CLOSED", "F")}
        p.status, p.code = "CANCELLED", "ORDER_IS_CLOSED"
        return {
            "result": result(),
            "paymentId": p.payment_id,
            "paymentRequestId": p.request_id,
            "cancelTime": request_time(),
        }

    def _refund(self, req: dict[str, Any]) -> dict[str, Any]:
        p = next(p for p in self.payments.values() if p.payment_id == req["paymentId"])
        value = int(req["refundAmount"]["value"])
        if p.status != "SUCCESS" or p.refunded + value > int(p.amount["value"]):
            return {"result": result("REFUND_AMOUNT_EXCEED", "F")}
        p.refunded += value
        return {
            "result": result(),
            "refundRequestId": req["refundRequestId"],
            "refundId": f"RF{next(self._ids):06d}",
            "paymentId": p.payment_id,
            "refundAmount": req["refundAmount"],
            "refundTime": request_time(),
        }

    def _inquiryRefund(self, req: dict[str, Any]) -> dict[str, Any]:
        return {
            "result": result(),
            "refundStatus": "SUCCESS",
            "refundRequestId": req.get("refundRequestId", ""),
            "refundId": "RF1",
        }

    # -- notifications ------------------------------------------------------------------
    def notification(
        self,
        path: str,
        payment: FakePayment,
        status: str = "S",
        code: str = "SUCCESS",
        *,
        notify_type: str = "PAYMENT_RESULT",
        amount: dict[str, str] | None = None,
    ) -> tuple[dict[str, str], bytes]:
        """Headers and body of a signed notifyPayment, as the gateway would POST it."""
        body = json.dumps(
            {
                "notifyType": notify_type,
                "result": result(code, status),
                "paymentRequestId": payment.request_id,
                "paymentId": payment.payment_id,
                "paymentAmount": amount or payment.amount,
                "paymentTime": datetime.now(UTC).isoformat(),
            }
        ).encode()
        now = request_time()
        return (
            {
                "client-id": self.client_id,
                "request-time": now,
                "signature": self.signer.header("POST", path, self.client_id, now, body),
                "content-type": "application/json",
            },
            body,
        )


def result(code: str = "SUCCESS", status: str = "S", message: str = "") -> dict[str, str]:
    return {"resultCode": code, "resultStatus": status, "resultMessage": message or code}
