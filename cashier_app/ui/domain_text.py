"""Domain error messages in the operator's language: the domain raises errors with a code
and parameters, and the English templates in ``domain.money.MESSAGES`` are translated here
(context "MoneyError" in resources/i18n)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cashier_app.domain.money import MESSAGES, MoneyError

#: Listed literally so that lupdate extracts them; a test keeps this list equal to MESSAGES.
TEMPLATES = (
    QT_TRANSLATE_NOOP("MoneyError", "currency is missing"),
    QT_TRANSLATE_NOOP("MoneyError", "currency {currency} is not a three-letter ISO 4217 code"),
    QT_TRANSLATE_NOOP(
        "MoneyError", "currency {currency} is not supported (supported: {supported})"
    ),
    QT_TRANSLATE_NOOP(
        "MoneyError", "amount value must be an integer number of minor units, not {type}"
    ),
    QT_TRANSLATE_NOOP("MoneyError", "amount must be greater than zero"),
    QT_TRANSLATE_NOOP("MoneyError", "amount has more than {digits} digits"),
    QT_TRANSLATE_NOOP("MoneyError", "IDR amounts must be whole rupiah (the value must end in 00)"),
    QT_TRANSLATE_NOOP("MoneyError", "amount must be text such as 12.30"),
    QT_TRANSLATE_NOOP("MoneyError", "amount is empty"),
    QT_TRANSLATE_NOOP("MoneyError", "amount {text} must be typed with the digits 0-9"),
    QT_TRANSLATE_NOOP(
        "MoneyError",
        "amount {text}: a comma only groups thousands (1,234.50); use '.' for decimals",
    ),
    QT_TRANSLATE_NOOP("MoneyError", "amount must not be negative"),
    QT_TRANSLATE_NOOP("MoneyError", "amount {text} is not a number"),
    QT_TRANSLATE_NOOP(
        "MoneyError", "{currency} has no minor unit: the amount must be a whole number"
    ),
    QT_TRANSLATE_NOOP("MoneyError", "{currency} allows at most {digits} decimal places"),
    QT_TRANSLATE_NOOP("MoneyError", "amount value {text} is not a string of digits"),
    QT_TRANSLATE_NOOP("MoneyError", "amount must be an object with currency and value"),
    QT_TRANSLATE_NOOP("MoneyError", "amount value is missing"),
    QT_TRANSLATE_NOOP("MoneyError", "cannot subtract {other} from {currency}"),
)


def money_error_text(exc: MoneyError) -> str:
    """``exc`` in the UI language; its English text when it carries no code."""
    template = MESSAGES.get(exc.code)
    if template is None:
        return str(exc)
    translated = QCoreApplication.translate("MoneyError", template)
    try:
        return translated.format(**exc.params)
    except (KeyError, IndexError, ValueError):  # a translation with broken placeholders
        return str(exc)
