"""Plain values shared by every layer: money, the wallet catalog, outcomes, Payment Kit types.

The names below are loaded when first used (PEP 562), so that importing one small module
(``domain.errors``, say, as the GUI does before its first paint) does not import them all.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cashier_app.domain.methods import CATALOG, PaymentMethod, UnknownMethodError, methods_for
    from cashier_app.domain.money import Money, MoneyError
    from cashier_app.domain.outcome import FINAL_STATUSES, Outcome, Status
    from cashier_app.domain.payment_kit import (
        PaymentInfo,
        PaymentKitError,
        PayResult,
        PickerResult,
    )

_HOME = {
    "CATALOG": "methods", "PaymentMethod": "methods", "UnknownMethodError": "methods",
    "methods_for": "methods", "Money": "money", "MoneyError": "money",
    "FINAL_STATUSES": "outcome", "Outcome": "outcome", "Status": "outcome",
    "PaymentInfo": "payment_kit", "PaymentKitError": "payment_kit", "PayResult": "payment_kit",
    "PickerResult": "payment_kit",
}  # fmt: skip


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "CATALOG", "FINAL_STATUSES", "Money", "MoneyError", "Outcome", "PayResult", "PaymentInfo",
    "PaymentKitError", "PaymentMethod", "PickerResult", "Status", "UnknownMethodError",
    "methods_for",
]  # fmt: skip
