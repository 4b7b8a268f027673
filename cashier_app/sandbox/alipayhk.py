"""The sandbox's AlipayHK envelope endpoint: ``POST /alipayhk/gateway.do`` (seed 004).

Accepts the signed ``{"request":{head,body},"signature"}`` envelope of
``alipay.intl.acquiring.cashier.wap.pay`` (the rules are in ``gateway/alipayhk_envelope.py``),
checks the signature against the merchant key registered for ``head.clientId`` (any of its
keyVersions, since the envelope names none), creates the payment in the same store as the
Antom API (``merchantTransId`` is its paymentRequestId, the wallet is ALIPAY_HK), and answers
the same signed envelope shape: ``{"response":{head,body:{resultInfo,..}},"signature"}``.
Every answer is HTTP 200 and signed, errors included, as the Antom side does; a non-POST
gets 405. The wallet simulator, the control endpoints, inquiryPayment, cancel and refund
then work on the payment as on any other.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from cashier_app.gateway import alipayhk_envelope as env
from cashier_app.gateway.signing import SignatureError, request_time
from cashier_app.sandbox import api
from cashier_app.sandbox import store as st

if TYPE_CHECKING:
    from cashier_app.sandbox.gateway import SandboxGateway

log = logging.getLogger(__name__)

PATHS = frozenset({env.PATH})
METHOD_TYPE = "ALIPAY_HK"


class Responder(Protocol):
    def send_raw(
        self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None: ...


def handles(path: str) -> bool:
    return path in PATHS or path.startswith("/alipayhk/")


def handle(out: Responder, gw: SandboxGateway, method: str, path: str, body: bytes | None) -> None:
    """Serve one request under ``/alipayhk/`` (the server's hook calls this)."""
    if path not in PATHS:
        _plain(out, 404, f"no AlipayHK endpoint at {path} (use {env.PATH})")
        return
    if method != "POST":
        _plain(out, 405, f"{method} is not supported; POST the signed envelope")
        return
    head_in = _peek_head(body or b"")
    try:
        if body is None:
            raise api.ApiError("PARAM_ILLEGAL", "request body must be sent with a Content-Length")
        answer = _answer(gw, body)
    except api.ApiError as exc:
        answer = {"resultInfo": env.result_info(exc.status, exc.code, exc.message)}
    except Exception:  # a sandbox bug must still give a well-formed, signed answer
        log.exception("sandbox AlipayHK endpoint failed")
        answer = {"resultInfo": env.result_info("U", "UNKNOWN_EXCEPTION", "sandbox internal error")}
    # The answer's head echoes the request's clientId, function and reqMsgId (empty when
    # the request was too broken to read them), with our respTime.
    head_out = {
        "version": env.VERSION,
        "function": str(head_in.get("function") or env.PAY_FUNCTION),
        "clientId": str(head_in.get("clientId") or ""),
        "respTime": request_time(gw.now()),
        "reqMsgId": str(head_in.get("reqMsgId") or ""),
        "reserve": "{}",
    }
    text = env.seal(gw.signer, "response", head_out, answer)
    out.send_raw(200, text.encode("utf-8"), "application/json; charset=UTF-8")


def _plain(out: Responder, status: int, message: str) -> None:
    out.send_raw(
        status, json.dumps({"error": message}).encode("utf-8"), "application/json; charset=UTF-8"
    )


def _peek_head(raw: bytes) -> dict[str, Any]:
    """The request head, unverified: only echoed back, never believed."""
    try:
        inner = json.loads(env.member_texts(raw.decode("utf-8")).get("request", "null"))
    except (ValueError, UnicodeDecodeError):
        return {}
    head = inner.get("head") if isinstance(inner, dict) else None
    return head if isinstance(head, dict) else {}


def _answer(gw: SandboxGateway, raw: bytes) -> dict[str, Any]:
    try:
        client_id = env.peek_client_id(raw)
    except env.EnvelopeError as exc:
        raise api.ApiError("PARAM_ILLEGAL", str(exc)) from None
    keys = gw.merchant_keys(client_id)
    if not keys:
        raise api.ApiError("CLIENT_INVALID", f"clientId {client_id!r} is not registered")
    head: dict[str, Any] | None = None
    body: dict[str, Any] = {}
    failure = ""
    for verifier in keys.values():
        try:
            head, body = env.open_envelope(raw, verifier, "request")
            break
        except SignatureError as exc:
            failure = str(exc).replace("the public key", "the merchant public key")
        except env.EnvelopeError as exc:
            raise api.ApiError("PARAM_ILLEGAL", str(exc)) from None
    if head is None:
        raise api.ApiError("INVALID_SIGNATURE", f"request {failure}")
    if head["function"] != env.PAY_FUNCTION:
        return {
            "resultInfo": env.result_info(
                "F",
                "NO_INTERFACE_DEF",
                f"function {head['function']!r} is not supported (only {env.PAY_FUNCTION})",
            )
        }
    try:
        return _pay(gw, client_id, body)
    except api.ApiError as exc:
        return {"resultInfo": env.result_info(exc.status, exc.code, exc.message)}


def _pay(gw: SandboxGateway, client_id: str, body: dict[str, Any]) -> dict[str, Any]:
    product = api._required(body, "productCode")
    if product != env.PRODUCT_CODE:
        raise api.ApiError("PARAM_ILLEGAL", f"productCode {product!r} is not {env.PRODUCT_CODE}")
    api._required(body, "merchantId", 32)
    trans_id = api._required(body, "merchantTransId", 64)
    order = api._object(body, "order")
    assert order is not None
    amount = api._money(order, "orderAmount")
    if amount.currency != "HKD":
        raise api.ApiError("CURRENCY_NOT_SUPPORT", f"AlipayHK accepts HKD, not {amount.currency}")
    title = api._required(body, "order.orderTitle", 256)
    api._field(body, "order.orderDetail", required=False, max_len=256)
    extend = api._field(body, "extendInfo", required=False, max_len=1024)
    if extend is not None:
        try:
            if not isinstance(json.loads(extend), dict):
                raise ValueError
        except ValueError:
            raise api.ApiError(
                "PARAM_ILLEGAL", "extendInfo must be a JSON object in a string"
            ) from None
    notify_url = api._url(body, "notifyUrl")
    return_url = api._url(body, "returnUrl")
    now = gw.now()
    with gw.store.lock:
        payment = gw.store.find_payment(client_id, payment_request_id=trans_id, now=now)
        if payment is not None:
            if payment.fingerprint != api.fingerprint(body):
                raise api.ApiError(
                    "REPEAT_REQ_INCONSISTENT",
                    f"merchantTransId {trans_id} was already used with different request content",
                )
        else:
            payment = st.Payment(
                client_id=client_id,
                payment_request_id=trans_id,
                payment_id=gw.store.new_payment_id(),
                amount=amount,
                method_type=METHOD_TYPE,
                reference_order_id=trans_id,
                order_description=title,
                terminal_type="MINI_APP",
                notify_url=notify_url,
                redirect_url=return_url,
                created=now,
                expires=(
                    now + timedelta(seconds=api.default_expiry(gw, gw.method(METHOD_TYPE)))
                ).astimezone(UTC),
                fingerprint=api.fingerprint(body),
            )
            gw.store.add_payment(payment)
        return _pay_answer(gw, payment)


def _pay_answer(gw: SandboxGateway, p: st.Payment) -> dict[str, Any]:
    antom = api.pay_answer(gw, p)
    result = antom["result"]
    out: dict[str, Any] = {
        "resultInfo": env.result_info(
            result["resultStatus"], result["resultCode"], result["resultMessage"]
        ),
        "merchantTransId": p.payment_request_id,
        "acquirementId": p.payment_id,
        "orderAmount": p.amount.to_amount(),
        "createTime": api.iso(p.created),
    }
    if "normalUrl" in antom:
        out["checkoutUrl"] = antom["normalUrl"]
        out["applinkUrl"] = antom["applinkUrl"]
        out["schemeUrl"] = antom["schemeUrl"]
        out["codeValue"] = api.code_value(gw, p)
        out["expiryTime"] = antom["paymentExpiryTime"]
    return out
