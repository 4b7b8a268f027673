"""Money parsing and validation: minor units, exponents, and every bad input named."""

import pytest

from cashier_app.domain.money import Money, MoneyError, check_currency


@pytest.mark.parametrize(
    ("text", "currency", "value"),
    [
        ("12.30", "HKD", 1230),
        ("12.3", "HKD", 1230),
        ("12", "HKD", 1200),
        ("0.01", "usd", 1),
        ("1,234.50", "CNY", 123450),
        (" 7 ", "JPY", 7),
        ("1500", "KRW", 1500),
        ("25000", "VND", 25000),
        ("990", "CLP", 990),
        ("10000", "IDR", 1000000),
        ("1.", "HKD", 100),
    ],
)
def test_parse_gives_minor_units(text, currency, value):
    money = Money.parse(text, currency)
    assert money.value == value
    assert money.currency == currency.upper()


@pytest.mark.parametrize(
    ("text", "currency", "fragment"),
    [
        ("-5", "HKD", "negative"),
        ("0", "HKD", "greater than zero"),
        ("0.00", "HKD", "greater than zero"),
        ("1.234", "HKD", "at most 2 decimal places"),
        ("1.5", "JPY", "no minor unit"),
        ("abc", "HKD", "not a number"),
        ("1e5", "HKD", "not a number"),
        ("", "HKD", "empty"),
        ("12345678901234567", "JPY", "16 digits"),
        ("10", "XXX", "not supported"),
        ("10", "HK", "three-letter"),
        ("10", "", "missing"),
        ("10.50", "IDR", "end in 00"),
    ],
)
def test_parse_rejects_with_reason(text, currency, fragment):
    with pytest.raises(MoneyError, match=fragment):
        Money.parse(text, currency)


def test_amount_round_trip_uses_string_value_like_the_sdk():
    money = Money.parse("12.30", "HKD")
    assert money.to_amount() == {"currency": "HKD", "value": "1230"}
    assert Money.from_amount(money.to_amount()) == money


@pytest.mark.parametrize(
    "bad",
    [
        {"currency": "HKD", "value": "12.3"},
        {"currency": "HKD"},
        {"currency": "HKD", "value": "-1"},
        "1230",
        None,
        {"currency": "HKD", "value": "１２"},
    ],
)
def test_from_amount_rejects_bad_gateway_values(bad):
    with pytest.raises(MoneyError):
        Money.from_amount(bad)


def test_constructor_rejects_floats_and_bools():
    with pytest.raises(MoneyError, match="integer"):
        Money(12.3, "HKD")  # type: ignore[arg-type]
    with pytest.raises(MoneyError, match="integer"):
        Money(True, "HKD")  # type: ignore[arg-type]


def test_display_forms():
    assert Money.parse("1234.5", "HKD").display() == "HK$1,234.50"
    assert Money.parse("1500", "JPY").decimal_str() == "1500"
    assert str(Money.parse("12.30", "HKD")) == "12.30 HKD"
    assert Money(5, "USD").decimal_str() == "0.05"


def test_minus_requires_same_currency():
    assert Money(500, "HKD").minus(Money(200, "HKD")) == 300
    with pytest.raises(MoneyError, match="cannot subtract"):
        Money(500, "HKD").minus(Money(200, "USD"))


def test_check_currency_normalises():
    assert check_currency(" hkd ") == "HKD"
