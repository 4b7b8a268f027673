"""In-store request bodies (``productCode=IN_STORE_PAYMENT``): User-presented Mode (the
till scans the customer's code) and Order Code (the till shows a QR).

Fields and where they come from (docs/antom-protocol.md §14 has the table):
- ``paymentMethod.paymentMethodId`` = the customer's code and
  ``paymentFactor.inStorePaymentScenario`` = ``PaymentCode`` / ``OrderCode``: the official
  SDK's ``UserPresentedCodePaymentRequest`` / ``OrderCodePaymentRequest``
  (global-open-sdk-python 1.7.1, ``request/pay/``) and docs.antom.com/ac/ams/upm, /ac/ams/oc.
- ``order.merchant`` (``referenceMerchantId``, ``merchantMCC``, ``merchantName``) with
  ``store`` (``referenceStoreId``, ``storeName``, ``storeMCC``), and for a payment code
  ``order.env.storeTerminalId`` + ``order.env.storeTerminalRequestTime``: what those SDK
  classes' ``_validate_`` require.
- ``paymentMethodType``: the wallet when the till knows it, else ``CONNECT_WALLET`` (the
  SDK's default: Alipay+ tells the wallet from the code).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from cashier_app.domain.money import Money
from cashier_app.domain.store import StoreInfo
from cashier_app.gateway.errors import RequestError
from cashier_app.gateway.signing import body_time, request_time

PAYMENT_CODE = "PaymentCode"
ORDER_CODE = "OrderCode"
SCENARIOS = (PAYMENT_CODE, ORDER_CODE)


def in_store_pay_payload(
    payment_request_id: str,
    amount: Money,
    *,
    scenario: str,
    store: StoreInfo,
    order_description: str,
    reference_order_id: str,
    method_type: str = "CONNECT_WALLET",
    payment_code: str = "",
    terminal_time: datetime | None = None,
    expiry: datetime | None = None,
    notify_url: str | None = None,
) -> dict[str, Any]:
    """The IN_STORE_PAYMENT pay body. Deterministic for the same arguments (a resend is
    byte-identical): ``terminal_time`` is fixed by the caller, not read from the clock."""
    if scenario not in SCENARIOS:
        raise RequestError.of(
            "instorepaymentscenario_not_one", scenario=scenario, scenarios=", ".join(SCENARIOS)
        )
    if not isinstance(amount, Money):
        raise TypeError("amount must be Money")
    store.check()
    if not order_description or len(order_description) > 256:
        raise RequestError.of("orderdescription_must_1_256_characters")
    order: dict[str, Any] = {
        "referenceOrderId": reference_order_id,
        "orderDescription": order_description,
        "orderAmount": amount.to_amount(),
        "merchant": store.order_merchant(),
    }
    method: dict[str, Any] = {"paymentMethodType": method_type}
    if scenario == PAYMENT_CODE:
        if not payment_code:
            raise RequestError.of("user_presented_mode_payment_needs_customer")
        if terminal_time is None or terminal_time.tzinfo is None:
            raise ValueError("storeTerminalRequestTime must be a timezone-aware time")
        order["env"] = {
            "storeTerminalId": store.terminal_id,
            "storeTerminalRequestTime": request_time(terminal_time),
        }
        method["paymentMethodId"] = payment_code
    payload: dict[str, Any] = {
        "productCode": "IN_STORE_PAYMENT",
        "paymentRequestId": payment_request_id,
        "paymentAmount": amount.to_amount(),
        "order": order,
        "paymentMethod": method,
        "paymentFactor": {"inStorePaymentScenario": scenario},
    }
    if expiry is not None:
        payload["paymentExpiryTime"] = body_time(expiry)
    if notify_url:
        payload["paymentNotifyUrl"] = notify_url
    return payload
