"""Audit: typed amounts that are ambiguous or not ASCII digits are refused with a reason,
never silently read as another amount (e.g. "12,50" as 1250.00)."""

from __future__ import annotations

import pytest

from cashier_app.domain.money import Money, MoneyError


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("12,50", "thousands"),  # a decimal comma would silently become 1250.00
        ("1,5", "thousands"),
        ("1,23,456", "thousands"),
        ("12.5,0", "thousands"),
        ("１２", "digits 0-9"),  # full-width: the GUI field only takes 0-9, the CLI too
        ("1٣", "digits 0-9"),  # Arabic-Indic digit mixed in
        ("٣", "digits 0-9"),
        ("1e3", "not a number"),
        (" 12 . 3", "not a number"),
        ("0.000", "HKD"),
    ],
)
def test_ambiguous_or_foreign_amounts_are_refused(text, fragment):
    with pytest.raises(MoneyError, match=fragment):
        Money.parse(text, "HKD")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,234.50", 123450),
        ("12,345,678", 1234567800),
        ("+5", 500),
        ("12.", 1200),
        (" 7.5 ", 750),
    ],
)
def test_plain_amounts_still_parse(text, value):
    assert Money.parse(text, "HKD").value == value
