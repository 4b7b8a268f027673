"""Money as integer minor units plus an ISO 4217 currency, never a float."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from cashier_app.domain.errors import CashierError
from cashier_app.domain.values import dataclass

#: Minor-unit exponents, as in the official SDK's amount-currency-rules.json (2026-09-01).
CURRENCY_EXPONENTS: dict[str, int] = {
    "AUD": 2, "BDT": 2, "BRL": 2, "CAD": 2, "CLP": 0, "CNY": 2, "EUR": 2, "GBP": 2,
    "HKD": 2, "IDR": 2, "JPY": 0, "KRW": 0, "MXN": 2, "MYR": 2, "NZD": 2, "PEN": 2,
    "PHP": 2, "PKR": 2, "PLN": 2, "SGD": 2, "THB": 2, "TWD": 2, "USD": 2, "VND": 0,
}  # fmt: skip

#: Symbols shown next to amounts; the code itself is shown where a symbol is ambiguous.
CURRENCY_SYMBOLS: dict[str, str] = {
    "AUD": "A$", "BDT": "৳", "BRL": "R$", "CAD": "C$", "CLP": "CLP$", "CNY": "¥", "EUR": "€",
    "GBP": "£", "HKD": "HK$", "IDR": "Rp", "JPY": "JP¥", "KRW": "₩", "MXN": "MX$", "MYR": "RM",
    "NZD": "NZ$", "PEN": "S/", "PHP": "₱", "PKR": "Rs", "PLN": "zł", "SGD": "S$", "THB": "฿",
    "TWD": "NT$", "USD": "US$", "VND": "₫",
}  # fmt: skip

#: The protocol's ``value`` is at most 16 ASCII digits.
MAX_DIGITS = 16

_AMOUNT_RE = re.compile(r"^(?P<int>\d+)(?:\.(?P<frac>\d*))?$", re.ASCII)
#: Commas may only group thousands ("1,234.50"); "12,50" is not silently 1250.
_GROUPED_RE = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$", re.ASCII)


#: English message templates by code. The GUI shows the same templates translated
#: (cashier_app/ui/text.py), so an operator reads the reason in their language.
MESSAGES: dict[str, str] = {
    "currency_missing": "currency is missing",
    "more_than_refundable": "{amount} is more than the {left} left to refund",
    "currency_format": "currency {currency} is not a three-letter ISO 4217 code",
    "currency_unsupported": "currency {currency} is not supported (supported: {supported})",
    "value_type": "amount value must be an integer number of minor units, not {type}",
    "not_positive": "amount must be greater than zero",
    "too_long": "amount has more than {digits} digits",
    "idr_hundreds": "IDR amounts must be whole rupiah (the value must end in 00)",
    "not_text": "amount must be text such as 12.30",
    "empty": "amount is empty",
    "non_ascii_digits": "amount {text} must be typed with the digits 0-9",
    "comma": "amount {text}: a comma only groups thousands (1,234.50); use '.' for decimals",
    "underscore": "amount {text}: '_' is not part of an amount; type 1234.50 or 1,234.50",
    "negative": "amount must not be negative",
    "not_a_number": "amount {text} is not a number",
    "no_minor_unit": "{currency} has no minor unit: the amount must be a whole number",
    "too_many_decimals": "{currency} allows at most {digits} decimal places",
    "value_not_digits": "amount value {text} is not a string of digits",
    "amount_not_object": "amount must be an object with currency and value",
    "value_missing": "amount value is missing",
    "currency_mismatch": "cannot subtract {other} from {currency}",
    "amount_below_minimum": "{method} takes at least {minimum}; {amount} is less",
    "amount_above_maximum": "{method} takes at most {maximum}; {amount} is more",
}


class MoneyError(CashierError, ValueError):
    """An amount or currency that cannot be used; the message names the problem. Built
    with ``MoneyError.of(code, **params)`` from ``MESSAGES``."""

    MESSAGES: ClassVar[dict[str, str]] = MESSAGES


def exponent(currency: str) -> int:
    """The number of minor-unit digits of ``currency``; raises MoneyError when unknown."""
    return CURRENCY_EXPONENTS[check_currency(currency)]


def check_currency(currency: object) -> str:
    """Return the upper-case ISO 4217 code or raise MoneyError naming the problem."""
    if not isinstance(currency, str) or not currency.strip():
        raise MoneyError.of("currency_missing")
    code = currency.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise MoneyError.of("currency_format", currency=repr(currency))
    if code not in CURRENCY_EXPONENTS:
        raise MoneyError.of(
            "currency_unsupported", currency=code, supported=", ".join(sorted(CURRENCY_EXPONENTS))
        )
    return code


@dataclass(frozen=True, slots=True)
class Money:
    """A positive amount in minor units (cents, fen, sen...) of one currency."""

    value: int
    currency: str

    def __post_init__(self) -> None:
        code = check_currency(self.currency)
        object.__setattr__(self, "currency", code)
        if isinstance(self.value, bool) or not isinstance(self.value, int):
            raise MoneyError.of("value_type", type=type(self.value).__name__)
        if self.value <= 0:
            raise MoneyError.of("not_positive")
        if len(str(self.value)) > MAX_DIGITS:
            raise MoneyError.of("too_long", digits=MAX_DIGITS)
        if code == "IDR" and self.value % 100:
            raise MoneyError.of("idr_hundreds")

    # -- construction -----------------------------------------------------------------
    @classmethod
    def parse(cls, text: str, currency: str) -> Money:
        """Parse a decimal string typed by a person: ``Money.parse("12.30", "HKD")`` is 1230."""
        code = check_currency(currency)
        if not isinstance(text, str):
            raise MoneyError.of("not_text")
        raw = text.strip()
        if "_" in raw:  # Python's "1_0.00" is 10.00: never rewrite what was typed
            raise MoneyError.of("underscore", text=repr(raw))
        if not raw:
            raise MoneyError.of("empty")
        if any(c.isdigit() and not c.isascii() for c in raw):
            raise MoneyError.of("non_ascii_digits", text=repr(text.strip()))
        if "," in raw:
            if not _GROUPED_RE.match(raw):
                raise MoneyError.of("comma", text=repr(text.strip()))
            raw = raw.replace(",", "")
        if raw.startswith("-"):
            raise MoneyError.of("negative")
        if raw.startswith("+"):
            raw = raw[1:]
        m = _AMOUNT_RE.match(raw)
        if not m:
            raise MoneyError.of("not_a_number", text=repr(text.strip()))
        digits = exponent(code)
        frac = m.group("frac") or ""
        if len(frac) > digits:
            if digits == 0:
                raise MoneyError.of("no_minor_unit", currency=code)
            raise MoneyError.of("too_many_decimals", currency=code, digits=digits)
        value = int(m.group("int") + frac.ljust(digits, "0"))
        if value == 0:
            raise MoneyError.of("not_positive")
        return cls(value, code)

    @classmethod
    def from_minor(cls, value: int | str, currency: str) -> Money:
        """From the protocol's minor-unit value (an int or the JSON string the SDK sends)."""
        if isinstance(value, str):
            if not value.isascii() or not value.isdigit():
                raise MoneyError.of("value_not_digits", text=repr(value))
            if len(value) > MAX_DIGITS:
                raise MoneyError.of("too_long", digits=MAX_DIGITS)
            value = int(value)
        return cls(value, currency)

    @classmethod
    def from_amount(cls, amount: Any) -> Money:
        """From an Antom ``Amount`` object ``{"currency": "HKD", "value": "1230"}``."""
        if not isinstance(amount, dict):
            raise MoneyError.of("amount_not_object")
        if "value" not in amount:
            raise MoneyError.of("value_missing")
        return cls.from_minor(amount["value"], amount.get("currency"))  # type: ignore[arg-type]

    # -- presentation -----------------------------------------------------------------
    @property
    def exponent(self) -> int:
        return CURRENCY_EXPONENTS[self.currency]

    def to_amount(self) -> dict[str, str]:
        """The Antom ``Amount`` JSON object; ``value`` as a string like the official SDK."""
        return {"currency": self.currency, "value": str(self.value)}

    def decimal_str(self) -> str:
        """``"12.30"`` for 1230 HKD, ``"1500"`` for 1500 JPY; no grouping."""
        if self.exponent == 0:
            return str(self.value)
        whole, frac = divmod(self.value, 10**self.exponent)
        return f"{whole}.{frac:0{self.exponent}d}"

    def grouped(self) -> str:
        """``"1,234.50"``: the decimal string with thousands separators."""
        whole, _, frac = self.decimal_str().partition(".")
        text = f"{int(whole):,}"
        return f"{text}.{frac}" if frac else text

    @property
    def symbol(self) -> str:
        return CURRENCY_SYMBOLS.get(self.currency, self.currency)

    def display(self) -> str:
        """``"HK$12.30"``: symbol and grouped amount, for screens and receipts."""
        return f"{self.symbol}{self.grouped()}"

    def __str__(self) -> str:
        return f"{self.decimal_str()} {self.currency}"

    # -- arithmetic used by refunds ---------------------------------------------------
    def minus(self, other: Money) -> int:
        """Minor units left after subtracting ``other`` (may be zero; same currency only)."""
        if other.currency != self.currency:
            raise MoneyError.of("currency_mismatch", other=other.currency, currency=self.currency)
        return self.value - other.value
