"""HarmonyOS Payment Kit shaped values: PaymentInfo, PickerResult, PayResult and its codes."""

from __future__ import annotations

import json
from typing import Any

from cashier_app.domain.errors import CashierError
from cashier_app.domain.money import CURRENCY_SYMBOLS, Money, MoneyError
from cashier_app.domain.values import dataclass, field

# Payment Kit error codes (docs/cashier-ux.md §1).
PARAM_ERROR = 401
USER_CANCELLED = 1001930000
PAY_FAILED = 1001930001
ALREADY_PROCESSED = 1001930002
WITHHOLD_FAILED = 1001930003
DUPLICATE_REQUEST = 1001930010
NETWORK_ERROR = 1001930011

CODE_MESSAGES: dict[int, str] = {
    PARAM_ERROR: "Parameter error",
    USER_CANCELLED: "The user cancelled the payment",
    PAY_FAILED: "Payment failed",
    ALREADY_PROCESSED: "The transaction has already been processed",
    WITHHOLD_FAILED: "Withholding failed",
    DUPLICATE_REQUEST: "Duplicate request",
    NETWORK_ERROR: "Network error",
}


class PaymentKitError(CashierError):
    """A Payment Kit ``BusinessError``: ``code`` is one of the numeric constants above (as
    in HarmonyOS, where ``BusinessError.code`` is a number)."""

    code: int  # type: ignore[assignment]

    def __init__(self, code: int, message: str = "") -> None:
        text = message or CODE_MESSAGES.get(code, "error")
        super().__init__(f"{code}: {text}", params={"code": code, "message": text})
        self.code = code
        self.message = text


@dataclass(frozen=True, slots=True)
class PaymentInfo:
    """What ``cashierPicker`` receives: ``amount`` is an integer in minor units (> 0)."""

    amount: int
    currency: str = ""
    trade_summary: str = ""
    extra_info: str = ""  #: JSON text, e.g. ``{"selectPayType": "ALIPAY_HK|GCASH"}``

    def validate(self) -> Money:
        """Check every field; return the amount as Money or raise PaymentKitError(401)."""
        if isinstance(self.amount, bool) or not isinstance(self.amount, int):
            raise PaymentKitError(PARAM_ERROR, "amount must be an integer in minor units")
        if not self.currency:
            raise PaymentKitError(PARAM_ERROR, "currency is required by this cashier")
        try:
            money = Money(self.amount, self.currency)
        except MoneyError as exc:
            raise PaymentKitError(PARAM_ERROR, f"amount out of range: {exc}") from None
        if not isinstance(self.trade_summary, str) or len(self.trade_summary) > 256:
            raise PaymentKitError(PARAM_ERROR, "tradeSummary must be text of at most 256 chars")
        self.extra()  # raises on bad JSON
        return money

    def extra(self) -> dict[str, Any]:
        """``extraInfo`` parsed; raises PaymentKitError(401) for anything but a JSON object."""
        if not self.extra_info:
            return {}
        try:
            value = json.loads(self.extra_info)
        except (TypeError, ValueError):
            raise PaymentKitError(PARAM_ERROR, "extraInfo is not valid JSON") from None
        if not isinstance(value, dict):
            raise PaymentKitError(PARAM_ERROR, "extraInfo must be a JSON object")
        return value

    def selectable_types(self) -> tuple[str, ...] | None:
        """The ``selectPayType`` limit (``"A|B"``) as a tuple, or None for no limit."""
        raw = self.extra().get("selectPayType")
        if raw is None:
            return None
        if not isinstance(raw, str) or not raw.strip():
            raise PaymentKitError(PARAM_ERROR, "extraInfo.selectPayType must be 'A|B|...'")
        return tuple(p.strip().upper() for p in raw.split("|") if p.strip())

    def currency_label(self) -> str:
        """What the picker shows next to the amount: a symbol if known, else the raw text."""
        return CURRENCY_SYMBOLS.get(self.currency.upper(), self.currency)


@dataclass(frozen=True, slots=True)
class PickerResult:
    """What ``cashierPicker`` resolves with: the chosen method and a token for the caller."""

    selected_payment_type: str
    client_token: str = ""


@dataclass(frozen=True, slots=True)
class PayResult:
    """What ``requestPayment`` resolves with once the third-party cashier hands back."""

    selected_payment_type: str
    client_token: str = ""
    next_step: str = ""
    extra_info: str = ""
    payload: str = ""
    details: dict[str, Any] = field(default_factory=dict, compare=False)
