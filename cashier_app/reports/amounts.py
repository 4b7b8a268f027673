"""Amounts of any sign in minor units as text (totals and nets can be zero or negative)."""

from __future__ import annotations

from cashier_app.domain.money import CURRENCY_EXPONENTS, CURRENCY_SYMBOLS


def minor_str(value: int, currency: str, *, grouped: bool = False) -> str:
    """``-530`` HKD -> ``"-5.30"``; ``0`` JPY -> ``"0"``; ``grouped`` adds thousands commas."""
    digits = CURRENCY_EXPONENTS.get(currency.upper(), 2)
    sign = "-" if value < 0 else ""
    whole, frac = divmod(abs(value), 10**digits) if digits else (abs(value), 0)
    whole_text = f"{whole:,}" if grouped else str(whole)
    return f"{sign}{whole_text}.{frac:0{digits}d}" if digits else f"{sign}{whole_text}"


def minor_display(value: int, currency: str) -> str:
    """``"HK$1,234.50"`` / ``"-HK$5.30"``: symbol and grouped amount, for screens and paper."""
    text = minor_str(abs(value), currency, grouped=True)
    symbol = CURRENCY_SYMBOLS.get(currency.upper(), currency.upper() + " ")
    return f"{'-' if value < 0 else ''}{symbol}{text}"
