"""The sandbox's In-store payments (``productCode=IN_STORE_PAYMENT``): pay for the
User-presented Mode (the till scans the customer's payment code, ``PaymentCode``) and the
Order Code (the till shows a dynamic QR, ``OrderCode``). Inquiry, cancel and refund are the
common handlers in ``api``: the same rules hold for in-store payments.

Fields checked are the ones the official SDK's in-store requests require
(``request/pay/user_presented_code_payment_request.py``, ``order_code_payment_request.py``;
docs.antom.com/ac/ams/upm, /ac/ams/oc): ``order.orderAmount``, ``order.orderDescription``,
``order.merchant.referenceMerchantId``, ``merchantMCC``, ``merchantName``,
``order.merchant.store.referenceStoreId``, ``storeName``, ``storeMCC``; for a payment code
also ``order.env.storeTerminalId`` and ``order.env.storeTerminalRequestTime`` and the code
as ``paymentMethod.paymentMethodId``. Entry Code (a static QR that opens the merchant's web
page in the customer's wallet) is not a till flow and is refused.

The request fingerprint of an in-store pay is a SHA-256 digest (it holds the customer's
code), so the state file never stores the code.
"""

from __future__ import annotations

import contextlib
import threading
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from cashier_app.domain import methods
from cashier_app.sandbox import api
from cashier_app.sandbox import payment_codes as pc
from cashier_app.sandbox import store as st

PRODUCT = "IN_STORE_PAYMENT"
SCENARIOS = ("PaymentCode", "OrderCode", "EntryCode")
_MERCHANT_FIELDS = (
    "order.merchant.referenceMerchantId",
    "order.merchant.merchantMCC",
    "order.merchant.merchantName",
    "order.merchant.store.referenceStoreId",
    "order.merchant.store.storeName",
    "order.merchant.store.storeMCC",
)
_TERMINAL_FIELDS = ("order.env.storeTerminalId", "order.env.storeTerminalRequestTime")


class InStoreContext(api.Context, Protocol):
    codes: pc.PaymentCodeBook
    confirmations: Confirmations


#: The digest of the request (never the customer's code itself).
fingerprint = api.fingerprint


def pay(ctx: InStoreContext, client_id: str, body: dict[str, Any]) -> dict[str, Any]:
    scenario = api._required(body, "paymentFactor.inStorePaymentScenario")
    if scenario not in SCENARIOS:
        raise api.ApiError(
            "PARAM_ILLEGAL",
            f"paymentFactor.inStorePaymentScenario "
            f"{scenario!r} is not one of {', '.join(SCENARIOS)}",
        )
    if scenario == "EntryCode":
        raise api.ApiError(
            "PARAM_ILLEGAL",
            "EntryCode is not supported by the sandbox: the "
            "customer's wallet opens the merchant's web page, not a till",
        )
    request_id = api._required(body, "paymentRequestId", 64)
    now = ctx.now()
    with ctx.store.lock:
        existing = ctx.store.find_payment(client_id, payment_request_id=request_id, now=now)
        if existing is not None:
            if existing.fingerprint != fingerprint(body):
                raise api.ApiError(
                    "REPEAT_REQ_INCONSISTENT",
                    f"paymentRequestId {request_id} "
                    "was already used with different request content",
                )
            return answer(ctx, existing)
        payment = _new_payment(ctx, client_id, request_id, body, scenario, now)
        code: pc.PaymentCode | None = None
        refused: pc.CodeRefused | None = None
        if scenario == "PaymentCode":
            value = api._required(body, "paymentMethod.paymentMethodId", 64)
            try:
                code = ctx.codes.take(value, now, payment.payment_id)
            except pc.CodeRefused as exc:
                refused = exc
            else:
                asked = payment.method_type
                if asked not in ("CONNECT_WALLET", code.method_type):
                    refused = pc.CodeRefused(
                        pc.INVALID_CODE,
                        f"the payment code is a {code.method_type} code, not {asked}",
                    )
                payment.method_type = code.method_type
                if not methods.get(code.method_type).accepts(payment.amount.currency):
                    refused = pc.CodeRefused(
                        "CURRENCY_NOT_SUPPORT",
                        f"{code.method_type} does not accept {payment.amount.currency}",
                    )
        ctx.store.add_payment(payment)
        if refused is not None:
            ctx.store.fail(payment, now, refused.result_code, refused.message)
        elif code is not None:
            _play(ctx, payment, code, now)
        return answer(ctx, payment)


def _play(ctx: InStoreContext, p: st.Payment, code: pc.PaymentCode, now: datetime) -> None:
    """What the customer's wallet does with a good code."""
    if code.scenario == "pay":
        ctx.store.approve(p.payment_id, now)
    elif code.scenario == "balance":
        ctx.store.fail(p, now, pc.BALANCE_CODE, "the customer's balance is not enough")
    elif code.scenario in ("confirm_then_pay", "confirm_then_decline"):
        action = "approve" if code.scenario == "confirm_then_pay" else "decline"
        ctx.confirmations.schedule(
            p.payment_id, action, now + timedelta(seconds=code.confirm_seconds)
        )
    # "confirm": waits for the wallet page or the control endpoint (approve / decline)


def _new_payment(
    ctx: api.Context,
    client_id: str,
    request_id: str,
    body: dict[str, Any],
    scenario: str,
    now: datetime,
) -> st.Payment:
    amount = api._money(body, "paymentAmount")
    method_type = api._required(body, "paymentMethod.paymentMethodType", 64)
    try:
        method = methods.get(method_type)
    except methods.UnknownMethodError:
        raise api.ApiError(
            "UNAVAILABLE_PAYMENT_METHOD", f"paymentMethodType {method_type!r} is not available"
        ) from None
    if method.type != method_type:
        raise api.ApiError("PARAM_ILLEGAL", f"paymentMethodType must be upper case ({method.type})")
    if scenario == "OrderCode" and not method.accepts(amount.currency):
        raise api.ApiError(
            "CURRENCY_NOT_SUPPORT", f"{method.name_en} does not accept {amount.currency}"
        )
    order = api._object(body, "order")
    assert order is not None
    description = api._required(body, "order.orderDescription", 256)
    reference = api._field(body, "order.referenceOrderId", required=False, max_len=64) or ""
    order_amount = api._money(order, "orderAmount")
    if order_amount.currency != amount.currency:
        raise api.ApiError(
            "PARAM_ILLEGAL", "order.orderAmount currency differs from paymentAmount currency"
        )
    for name in _MERCHANT_FIELDS:
        api._required(body, name, 64 if "Id" in name else 256)
    if scenario == "PaymentCode":
        for name in _TERMINAL_FIELDS:
            api._required(body, name, 64)
        api._time(
            api._required(body, "order.env.storeTerminalRequestTime"),
            "order.env.storeTerminalRequestTime",
        )
    notify_url = api._url(body, "paymentNotifyUrl")
    expiry_text = api._field(body, "paymentExpiryTime", required=False, max_len=64)
    if expiry_text is None:
        expires = now + timedelta(seconds=api.default_expiry(ctx, method))
    else:
        expires = api._time(expiry_text, "paymentExpiryTime")
        if expires <= now:
            raise api.ApiError(
                "PARAM_ILLEGAL", f"paymentExpiryTime {expiry_text} is not in the future"
            )
    return st.Payment(
        client_id=client_id,
        payment_request_id=request_id,
        payment_id=ctx.store.new_payment_id(),
        amount=amount,
        method_type=method.type,
        reference_order_id=reference,
        order_description=description,
        terminal_type=scenario,
        notify_url=notify_url,
        redirect_url=None,
        created=now,
        expires=expires.astimezone(UTC),
        fingerprint=fingerprint(body),
        product=PRODUCT,
    )


def answer(ctx: api.Context, p: st.Payment) -> dict[str, Any]:
    """The in-store pay response for the payment's current state."""
    if p.terminal_type == "OrderCode":
        full = api.pay_answer(ctx, p)
        for online_only in ("normalUrl", "schemeUrl", "applinkUrl"):
            full.pop(online_only, None)
        return full
    base: dict[str, Any] = {
        "paymentRequestId": p.payment_request_id,
        "paymentId": p.payment_id,
        "paymentAmount": p.amount.to_amount(),
        "paymentCreateTime": api.iso(p.created),
        "paymentMethodType": p.method_type,
    }
    if p.method_type != "CONNECT_WALLET":
        base["pspCustomerInfo"] = {"pspName": p.method_type}
    if p.status == st.SUCCESS:
        assert p.paid_at is not None
        return {
            "result": api.result(),
            **base,
            "paymentTime": api.iso(p.paid_at),
            "actualPaymentAmount": p.amount.to_amount(),
        }
    if p.status == st.FAIL:
        return {"result": api.result(p.result_code, "F", p.result_message), **base}
    if p.status == st.CANCELLED:
        return {"result": api.result("ORDER_IS_CLOSED", "F", "payment was cancelled"), **base}
    return {
        "result": api.result(
            "PAYMENT_IN_PROCESS", "U", "waiting for the customer to confirm in the wallet"
        ),
        **base,
    }


class Confirmations:
    """The customer's "confirm" taps due later (scenario confirm_then_pay / _decline); the
    gateway's background loop runs the due ones."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._due: list[tuple[datetime, str, str]] = []

    def schedule(self, payment_id: str, action: str, at: datetime) -> None:
        with self._lock:
            self._due.append((at, payment_id, action))

    def run_due(self, now: datetime, act: Any) -> None:
        with self._lock:
            due = [d for d in self._due if d[0] <= now]
            self._due = [d for d in self._due if d[0] > now]
        for _, payment_id, action in due:
            # cancelled or expired first: the customer's tap comes too late
            with contextlib.suppress(st.StateError, st.NotFound):
                act(payment_id, action)
