"""Wallet catalog, outcome mapping and Payment Kit values."""

import pytest

from cashier_app.domain import methods
from cashier_app.domain.outcome import (
    Outcome,
    Status,
    from_antom_payment_status,
    from_antom_result,
)
from cashier_app.domain.payment_kit import (
    PARAM_ERROR,
    PaymentInfo,
    PaymentKitError,
)

PROTOCOL_WALLETS = {
    "ALIPAY_CN", "ALIPAY_HK", "GCASH", "MAYA", "DANA", "TNG", "BOOST", "TRUEMONEY",
    "RABBIT_LINE_PAY", "KPLUS", "KAKAOPAY", "NAVERPAY", "TOSSPAY", "BKASH", "EASYPAISA",
}  # fmt: skip


def test_catalog_has_every_wallet_in_the_protocol_doc():
    assert set(methods.CATALOG) >= PROTOCOL_WALLETS
    for m in methods.CATALOG.values():
        assert m.name_en and m.name_zh and m.currencies and m.brand_color.startswith("#")


def test_methods_for_currency_and_enabled_list():
    hkd = [m.type for m in methods.methods_for("HKD")]
    assert "ALIPAY_HK" in hkd and "GCASH" not in hkd
    assert [m.type for m in methods.methods_for("PHP", ["GCASH"])] == ["GCASH"]
    assert methods.methods_for("HKD", []) == []


def test_unknown_method_is_named():
    with pytest.raises(methods.UnknownMethodError, match="NOPE"):
        methods.get("NOPE")
    assert methods.get("alipay_hk").type == "ALIPAY_HK"


@pytest.mark.parametrize(
    ("status", "code", "expected"),
    [
        ("S", "SUCCESS", Status.SUCCESS),
        ("F", "USER_BALANCE_NOT_ENOUGH", Status.FAILED),
        ("U", "PAYMENT_IN_PROCESS", Status.PENDING),
        ("F", "ORDER_IS_CLOSED", Status.EXPIRED),
        ("X", "WHAT", Status.UNKNOWN),
    ],
)
def test_antom_result_mapping_keeps_code(status, code, expected):
    outcome = from_antom_result(status, code)
    assert outcome == Outcome(expected, code, "")
    assert outcome.is_final == expected.is_final


def test_payment_status_mapping():
    assert from_antom_payment_status("PROCESSING").status is Status.PENDING
    assert from_antom_payment_status("FAIL", "ORDER_IS_CLOSED").status is Status.EXPIRED
    assert from_antom_payment_status("CANCELLED").status is Status.CANCELLED
    assert from_antom_payment_status("???").status is Status.UNKNOWN
    assert not Status.UNKNOWN.is_final and not Status.CREATED.is_final


@pytest.mark.parametrize(
    "info",
    [
        PaymentInfo(amount=0, currency="HKD"),
        PaymentInfo(amount=-1, currency="HKD"),
        PaymentInfo(amount=1.5, currency="HKD"),  # type: ignore[arg-type]
        PaymentInfo(amount=100, currency=""),
        PaymentInfo(amount=100, currency="ZZZ"),
        PaymentInfo(amount=10**17, currency="HKD"),
        PaymentInfo(amount=100, currency="HKD", extra_info="{not json"),
        PaymentInfo(amount=100, currency="HKD", extra_info="[1]"),
        PaymentInfo(amount=100, currency="HKD", trade_summary="x" * 300),
    ],
)
def test_bad_payment_info_is_401(info):
    with pytest.raises(PaymentKitError) as err:
        info.validate()
    assert err.value.code == PARAM_ERROR


def test_payment_info_select_pay_type():
    info = PaymentInfo(
        amount=100, currency="HKD", extra_info='{"selectPayType":"alipay_hk|ALIPAY_CN"}'
    )
    assert info.validate().value == 100
    assert info.selectable_types() == ("ALIPAY_HK", "ALIPAY_CN")
    assert info.currency_label() == "HK$"


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("localhost", True),
        ("LOCALHOST", True),
        ("::1", True),
        ("[::1]", True),
        ("10.0.0.1", False),
        ("192.168.1.2", False),
        ("example.com", False),
        ("", False),
        (None, False),
        ("127.0.0.1.nip.io", False),
    ],
)
def test_loopback_hosts(host, loopback):
    from cashier_app.domain.net import is_loopback_host

    assert is_loopback_host(host) is loopback
