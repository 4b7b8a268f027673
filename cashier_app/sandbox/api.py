"""The sandbox's Antom AMS v1 payment APIs: pay, inquiryPayment, cancel, refund, inquiryRefund.

Each handler takes the verified request body of one merchant and returns the response body;
business failures raise :class:`ApiError`, which the server turns into a signed
``{"result": {...}}`` answer with HTTP 200, as Antom does.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol
from urllib.parse import quote

from cashier_app.domain import methods
from cashier_app.domain.errors import CashierError
from cashier_app.domain.money import Money, MoneyError
from cashier_app.sandbox import store as st

#: Everything under these prefixes is the API; the SDK uses the second for SANDBOX_ ids.
API_PREFIXES = ("/ams/api/v1/payments/", "/ams/sandbox/api/v1/payments/")
TERMINAL_TYPES = frozenset({"WEB", "WAP", "APP", "MINI_APP"})
MAX_URL = 2048


class ApiError(CashierError):
    """An Antom ``result`` other than success: ``code`` (e.g. PARAM_ILLEGAL), ``status``
    F or U, and a message naming the problem (sent to the client as ``resultMessage``)."""

    layer = "sandbox"

    def __init__(self, code: str, message: str, status: str = "F") -> None:
        super().__init__(message, code=code)
        self.message, self.status = message, status


class Context(Protocol):
    """What the handlers need from the gateway."""

    store: st.Store
    url: str
    default_expiry_seconds: float | None  #: None: each method's default (14 min)

    def now(self) -> datetime: ...

    def method(self, method_type: str) -> methods.PaymentMethod: ...

    def refund_settle_after(self) -> float | None: ...

    def link(self, path: str) -> str:
        """Absolute URL of a payer-facing ``/sandbox/...`` page (LAN + token when on)."""
        ...


def iso(moment: datetime) -> str:
    """ISO 8601 with offset, seconds precision, as Antom writes times."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def result(code: str = "SUCCESS", status: str = "S", message: str = "success") -> dict[str, str]:
    return {"resultCode": code, "resultStatus": status, "resultMessage": message}


def canonical(body: dict[str, Any]) -> str:
    """The content of a request, independent of JSON formatting and key order."""
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def fingerprint(body: dict[str, Any]) -> str:
    """What a repeated request is compared with (idempotency): the SHA-256 digest of its
    :func:`canonical` content. Kept for a payment's whole life, so a digest (71 characters)
    rather than the request itself; it also never holds a customer's payment code."""
    return "sha256:" + hashlib.sha256(canonical(body).encode("utf-8")).hexdigest()


# -- field validation -------------------------------------------------------------------


def _field(
    body: dict[str, Any], dotted: str, *, required: bool = True, max_len: int | None = None
) -> str | None:
    node: Any = body
    for part in dotted.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    if node is None or node == "":
        if required:
            raise ApiError("PARAM_ILLEGAL", f"{dotted} is required")
        return None
    if not isinstance(node, str):
        raise ApiError("PARAM_ILLEGAL", f"{dotted} must be a string")
    if max_len is not None and len(node) > max_len:
        raise ApiError("PARAM_ILLEGAL", f"{dotted} is longer than {max_len} characters")
    return node


def _required(body: dict[str, Any], dotted: str, max_len: int | None = None) -> str:
    value = _field(body, dotted, max_len=max_len)
    assert value is not None
    return value


def _object(body: dict[str, Any], name: str, *, required: bool = True) -> dict[str, Any] | None:
    node = body.get(name)
    if node is None and not required:
        return None
    if not isinstance(node, dict):
        raise ApiError("PARAM_ILLEGAL", f"{name} is required and must be an object")
    return node


def _money(body: dict[str, Any], name: str) -> Money:
    node = body.get(name)
    if not isinstance(node, dict):
        raise ApiError("PARAM_ILLEGAL", f"{name} is required and must be an object")
    if not isinstance(node.get("value"), str):
        raise ApiError("PARAM_ILLEGAL", f"{name}.value must be a string of digits (minor units)")
    currency = node.get("currency")
    if isinstance(currency, str) and currency != currency.upper():
        # ISO 4217 alphabetic codes are upper case; the real gateway does not fold case.
        raise ApiError(
            "PARAM_ILLEGAL", f"{name}.currency {currency!r} must be an upper-case ISO 4217 code"
        )
    try:
        return Money.from_amount(node)
    except MoneyError as exc:
        raise ApiError("PARAM_ILLEGAL", f"{name}: {exc}") from None


def _url(body: dict[str, Any], name: str) -> str | None:
    value = _field(body, name, required=False, max_len=MAX_URL)
    if value is not None and not value.startswith(("http://", "https://")):
        raise ApiError("PARAM_ILLEGAL", f"{name} must be an http(s) URL")
    return value


def _time(value: str, name: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ApiError("PARAM_ILLEGAL", f"{name} {value!r} is not an ISO 8601 time") from None
    if moment.tzinfo is None:
        raise ApiError("PARAM_ILLEGAL", f"{name} {value!r} has no UTC offset")
    return moment


def _one_of_ids(
    body: dict[str, Any], id_name: str, request_name: str
) -> tuple[str | None, str | None]:
    by_id = _field(body, id_name, required=False, max_len=64)
    by_request = _field(body, request_name, required=False, max_len=64)
    if not by_id and not by_request:
        raise ApiError("PARAM_ILLEGAL", f"{id_name} or {request_name} is required")
    return by_id, by_request


# -- pay --------------------------------------------------------------------------------


def pay(ctx: Context, client_id: str, body: dict[str, Any]) -> dict[str, Any]:
    product = _required(body, "productCode")
    if product == "IN_STORE_PAYMENT":
        from cashier_app.sandbox import instore

        return instore.pay(ctx, client_id, body)  # type: ignore[arg-type]
    if product != "CASHIER_PAYMENT":
        raise ApiError(
            "PARAM_ILLEGAL",
            f"productCode {product!r} is not supported by the "
            "sandbox (CASHIER_PAYMENT, IN_STORE_PAYMENT)",
        )
    request_id = _required(body, "paymentRequestId", 64)
    now = ctx.now()
    with ctx.store.lock:
        existing = ctx.store.find_payment(client_id, payment_request_id=request_id, now=now)
        if existing is not None:
            if existing.fingerprint != fingerprint(body) or existing.product != product:
                raise ApiError(
                    "REPEAT_REQ_INCONSISTENT",
                    f"paymentRequestId {request_id} was "
                    "already used with different request content",
                )
            return pay_answer(ctx, existing)
        payment = _new_payment(ctx, client_id, request_id, body, now)
        ctx.store.add_payment(payment)
        return pay_answer(ctx, payment)


def _new_payment(
    ctx: Context, client_id: str, request_id: str, body: dict[str, Any], now: datetime
) -> st.Payment:
    amount = _money(body, "paymentAmount")
    method_type = _required(body, "paymentMethod.paymentMethodType", 64)
    try:
        method = ctx.method(method_type)
    except methods.UnknownMethodError:
        raise ApiError(
            "UNAVAILABLE_PAYMENT_METHOD", f"paymentMethodType {method_type!r} is not available"
        ) from None
    if method.type != method_type:
        raise ApiError("PARAM_ILLEGAL", f"paymentMethodType must be upper case ({method.type})")
    if not method.accepts(amount.currency):
        raise ApiError(
            "CURRENCY_NOT_SUPPORT",
            f"{method.name_en} does not accept "
            f"{amount.currency} (accepts {', '.join(method.currencies)})",
        )
    limit = method.limit_for(amount.currency)
    if limit is not None and method.check_amount(amount.value, amount.currency):
        low, high = limit
        raise ApiError(
            "PAYMENT_AMOUNT_EXCEED_LIMIT",
            f"{method.name_en} takes "
            f"{Money(low, amount.currency)} to "
            f"{Money(high, amount.currency) if high is not None else 'any amount'}"
            f" per payment; {amount} is outside",
        )
    if method.type == "CONNECT_WALLET":
        _required(body, "settlementStrategy.settlementCurrency", 3)
    order = _object(body, "order")
    assert order is not None
    reference = _required(body, "order.referenceOrderId", 64)
    description = _required(body, "order.orderDescription", 256)
    if order.get("orderAmount") is not None:
        order_amount = _money(order, "orderAmount")
        if order_amount.currency != amount.currency:
            raise ApiError(
                "PARAM_ILLEGAL", "order.orderAmount currency differs from paymentAmount currency"
            )
    terminal = _required(body, "env.terminalType")
    if terminal not in TERMINAL_TYPES:
        raise ApiError(
            "PARAM_ILLEGAL",
            f"env.terminalType {terminal!r} is not one of {', '.join(sorted(TERMINAL_TYPES))}",
        )
    notify_url = _url(body, "paymentNotifyUrl")
    redirect_url = _url(body, "paymentRedirectUrl")
    expiry_text = _field(body, "paymentExpiryTime", required=False, max_len=64)
    if expiry_text is None:
        expires = now + timedelta(seconds=default_expiry(ctx, method))
    else:
        expires = _time(expiry_text, "paymentExpiryTime")
        if expires <= now:
            raise ApiError("PARAM_ILLEGAL", f"paymentExpiryTime {expiry_text} is not in the future")
    return st.Payment(
        client_id=client_id,
        payment_request_id=request_id,
        payment_id=ctx.store.new_payment_id(),
        amount=amount,
        method_type=method.type,
        reference_order_id=reference,
        order_description=description,
        terminal_type=terminal,
        notify_url=notify_url,
        redirect_url=redirect_url,
        created=now,
        expires=expires.astimezone(UTC),
        fingerprint=fingerprint(body),
    )


def default_expiry(ctx: Context, method: methods.PaymentMethod) -> float:
    """Seconds until an order without paymentExpiryTime closes: the sandbox's setting, or
    the method's default from Antom's table (docs.antom.com/ac/pm/default_timeout)."""
    if ctx.default_expiry_seconds is not None:
        return ctx.default_expiry_seconds
    return method.default_expiry_minutes * 60.0


def refund_rules(method: methods.PaymentMethod) -> st.RefundRules:
    return st.RefundRules(
        refundable=method.refundable,
        partial=method.partial_refund,
        multiple=method.multiple_refunds,
        window_days=method.refund_window_days,
    )


def code_value(ctx: Context, p: st.Payment) -> str:
    """What the QR code encodes: a URL on the sandbox that opens the wallet (on the LAN
    listener, with its token, while one runs: a real phone can scan it)."""
    return ctx.link(f"/sandbox/code/{p.payment_id}")


def scheme_url(ctx: Context, p: st.Payment) -> str:
    scheme = "alipayhk" if p.method_type == "ALIPAY_HK" else "alipays"
    return (
        f"{scheme}://platformapi/startApp?appId=10000007&qrcode="
        f"{quote(code_value(ctx, p), safe='')}"
    )


def pay_answer(ctx: Context, p: st.Payment) -> dict[str, Any]:
    """The pay response for the payment's current state (idempotent replays included)."""
    base: dict[str, Any] = {
        "paymentRequestId": p.payment_request_id,
        "paymentId": p.payment_id,
        "paymentAmount": p.amount.to_amount(),
        "paymentCreateTime": iso(p.created),
    }
    if p.status == st.SUCCESS:
        assert p.paid_at is not None
        return {"result": result(), **base, "paymentTime": iso(p.paid_at)}
    if p.status == st.FAIL:
        return {"result": result(p.result_code, "F", p.result_message), **base}
    if p.status == st.CANCELLED:
        return {"result": result("ORDER_IS_CLOSED", "F", "payment was cancelled"), **base}
    value = code_value(ctx, p)
    return {
        "result": result("PAYMENT_IN_PROCESS", "U", "payment in process"),
        **base,
        "normalUrl": ctx.link(f"/sandbox/wallet/{p.payment_id}"),
        "schemeUrl": scheme_url(ctx, p),
        "applinkUrl": ctx.link(f"/sandbox/applink/{p.payment_id}"),
        "paymentExpiryTime": iso(p.expires),
        "orderCodeForm": {
            "paymentMethodType": p.method_type,
            "expireTime": iso(p.expires),
            "codeDetails": [
                {"codeValueType": "QRCODE", "codeValue": value, "displayType": "MIDDLEIMAGE"},
                {"codeValueType": "QRCODE", "codeValue": value, "displayType": "TEXT"},
            ],
        },
    }


# -- inquiryPayment / cancel ------------------------------------------------------------


def _lookup(ctx: Context, client_id: str, body: dict[str, Any]) -> st.Payment:
    payment_id, request_id = _one_of_ids(body, "paymentId", "paymentRequestId")
    p = ctx.store.find_payment(
        client_id, payment_id=payment_id, payment_request_id=request_id, now=ctx.now()
    )
    if p is None:
        raise ApiError("ORDER_NOT_EXIST", "no such payment for this client")
    return p


def inquiry_payment(ctx: Context, client_id: str, body: dict[str, Any]) -> dict[str, Any]:
    with ctx.store.lock:
        return payment_status(_lookup(ctx, client_id, body))


def payment_status(p: st.Payment) -> dict[str, Any]:
    answer: dict[str, Any] = {
        "result": result(),
        "paymentStatus": p.status,
        "paymentResultCode": p.result_code,
        "paymentResultMessage": p.result_message,
        "paymentRequestId": p.payment_request_id,
        "paymentId": p.payment_id,
        "paymentAmount": p.amount.to_amount(),
        "paymentCreateTime": iso(p.created),
        "paymentMethodType": p.method_type,
    }
    if p.paid_at is not None and p.status in (st.SUCCESS, st.CANCELLED):
        answer["paymentTime"] = iso(p.paid_at)
        answer["actualPaymentAmount"] = p.amount.to_amount()
    if p.cancelled_at is not None:
        answer["cancelTime"] = iso(p.cancelled_at)
    if p.refunds:
        answer["transactions"] = [
            {
                "transactionType": "REFUND",
                "transactionStatus": r.status,
                "transactionRequestId": r.refund_request_id,
                "transactionId": r.refund_id,
                "transactionAmount": r.amount.to_amount(),
                "transactionTime": iso(r.created),
                "transactionResult": result(),
            }
            for r in p.refunds
        ]
    return answer


def cancel(ctx: Context, client_id: str, body: dict[str, Any]) -> dict[str, Any]:
    with ctx.store.lock:
        p = _lookup(ctx, client_id, body)
        try:
            ctx.store.cancel(p, ctx.now())
        except st.StateError as exc:
            raise ApiError(exc.result_code, exc.message) from None
        assert p.cancelled_at is not None
        return {
            "result": result(),
            "paymentId": p.payment_id,
            "paymentRequestId": p.payment_request_id,
            "cancelTime": iso(p.cancelled_at),
        }


# -- refund / inquiryRefund -------------------------------------------------------------


def refund(ctx: Context, client_id: str, body: dict[str, Any]) -> dict[str, Any]:
    request_id = _required(body, "refundRequestId", 64)
    payment_id = _required(body, "paymentId", 64)
    amount = _money(body, "refundAmount")
    reason = _field(body, "refundReason", required=False, max_len=256) or ""
    _field(body, "referenceRefundId", required=False, max_len=64)
    notify_url = _url(body, "refundNotifyUrl")
    with ctx.store.lock:
        existing = ctx.store.find_refund(client_id, refund_request_id=request_id)
        if existing is not None:
            if existing.fingerprint != fingerprint(body):
                raise ApiError(
                    "REPEAT_REQ_INCONSISTENT",
                    f"refundRequestId {request_id} was already used with different request content",
                )
            return refund_answer(existing)
        p = ctx.store.find_payment(client_id, payment_id=payment_id, now=ctx.now())
        if p is None:
            raise ApiError("ORDER_NOT_EXIST", f"no payment {payment_id} for this client")
        try:
            r = ctx.store.add_refund(
                p,
                request_id,
                amount,
                reason,
                ctx.now(),
                fingerprint(body),
                rules=refund_rules(ctx.method(p.method_type)),
                settle_after=ctx.refund_settle_after(),
                notify_url=notify_url,
            )
        except st.StateError as exc:
            raise ApiError(exc.result_code, exc.message) from None
        return refund_answer(r)


def refund_answer(r: st.Refund) -> dict[str, Any]:
    """The refund answer for the refund's current state (replays included): S once
    refunded, U / REFUND_IN_PROCESS while an asynchronous refund is under way, F when it
    failed."""
    base: dict[str, Any] = {
        "refundRequestId": r.refund_request_id,
        "refundId": r.refund_id,
        "paymentId": r.payment_id,
        "refundAmount": r.amount.to_amount(),
    }
    if r.status == st.PROCESSING:
        return {"result": result(st.REFUND_IN_PROCESS, "U", "refund is in process"), **base}
    if r.status == st.FAIL:
        return {"result": result(r.result_code, "F", r.result_message), **base}
    return {"result": result(), **base, "refundTime": iso(r.finished_at or r.created)}


def inquiry_refund(ctx: Context, client_id: str, body: dict[str, Any]) -> dict[str, Any]:
    refund_id, request_id = _one_of_ids(body, "refundId", "refundRequestId")
    with ctx.store.lock:
        r = ctx.store.find_refund(client_id, refund_id=refund_id, refund_request_id=request_id)
        if r is None:
            raise ApiError("REFUND_NOT_EXIST", "no such refund for this client")
        answer = {**refund_answer(r), "result": result(), "refundStatus": r.status}
    if r.status == st.FAIL:
        answer["refundResultCode"] = r.result_code
        answer["refundResultMessage"] = r.result_message
    return answer


def refund_notification(r: st.Refund) -> dict[str, Any]:
    """The notifyRefund body (docs.antom.com/ac/ams/notify_refund; SDK
    request/notify/alipay_refund_notify.py)."""
    body: dict[str, Any] = {
        "notifyType": "REFUND_RESULT",
        "result": (
            result() if r.status == st.SUCCESS else result(r.result_code, "F", r.result_message)
        ),
        "refundStatus": r.status,
        "refundRequestId": r.refund_request_id,
        "refundId": r.refund_id,
        "refundAmount": r.amount.to_amount(),
    }
    if r.status == st.SUCCESS and r.finished_at is not None:
        body["refundTime"] = iso(r.finished_at)
    return body


#: The APIs whose answer changes nothing (a due expiry is settled as it is looked up, but
#: the clock settles it within a fifth of a second anyway): the fast lane answers these
#: before their signature is verified and has the answer signed only if it verifies.
READ_ONLY = frozenset({"inquiryPayment", "inquiryRefund"})

HANDLERS = {
    "pay": pay,
    "inquiryPayment": inquiry_payment,
    "cancel": cancel,
    "refund": refund,
    "inquiryRefund": inquiry_refund,
}


def api_name(path: str) -> str | None:
    """``/ams/sandbox/api/v1/payments/pay`` -> ``pay``; None when not one of ours."""
    for prefix in API_PREFIXES:
        if path.startswith(prefix):
            name = path[len(prefix) :]
            return name if name in HANDLERS else None
    return None
