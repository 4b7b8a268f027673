"""Plain values shared by every layer: money, the wallet catalog, outcomes, Payment Kit types."""

from cashier_app.domain.methods import CATALOG, PaymentMethod, UnknownMethodError, methods_for
from cashier_app.domain.money import Money, MoneyError
from cashier_app.domain.outcome import FINAL_STATUSES, Outcome, Status
from cashier_app.domain.payment_kit import PaymentInfo, PaymentKitError, PayResult, PickerResult

__all__ = [
    "CATALOG", "FINAL_STATUSES", "Money", "MoneyError", "Outcome", "PayResult", "PaymentInfo",
    "PaymentKitError", "PaymentMethod", "PickerResult", "Status", "UnknownMethodError",
    "methods_for",
]  # fmt: skip
