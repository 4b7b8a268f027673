"""What the real gateway refuses in pay, the sandbox refuses: amounts outside a method's
limits, lower-case currency codes, CONNECT_WALLET without settlementStrategy; and an order
without paymentExpiryTime closes after the method's default timeout (Antom's table)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sandbox_support import CLIENT_ID, RawClient, pay_body
from test_sandbox_payments import _fail_code, _pay

from cashier_app.domain import methods
from cashier_app.gateway.signing import Signer, Verifier, public_key_base64
from cashier_app.sandbox import SandboxGateway


def test_amount_limits_per_method(client, sandbox):
    sandbox.set_method_rules("ALIPAY_HK", limits=(("HKD", 100, 500_000),))
    low = _pay(client, "low", value="99")
    assert _fail_code(low) == "PAYMENT_AMOUNT_EXCEED_LIMIT"
    assert "1.00 HKD to 5000.00 HKD" in low["result"]["resultMessage"]
    assert _fail_code(_pay(client, "high", value="500001")) == "PAYMENT_AMOUNT_EXCEED_LIMIT"
    assert _pay(client, "edge", value="500000")["result"]["resultStatus"] == "U"


def test_catalog_limits_apply_without_configuration(client):
    answer = _pay(client, "cny", value="9", currency="CNY", method="ALIPAY_CN")
    assert _fail_code(answer) == "PAYMENT_AMOUNT_EXCEED_LIMIT"  # below 0.10 CNY
    assert methods.get("ALIPAY_CN").limit_for("CNY") == (10, 5_000_000)


def test_lower_case_currency_is_refused(client):
    body = pay_body("lower")
    body["paymentAmount"]["currency"] = "hkd"
    answer = client.post("pay", body).json
    assert _fail_code(answer) == "PARAM_ILLEGAL"
    assert "'hkd'" in answer["result"]["resultMessage"]


def test_connect_wallet_needs_settlement_strategy(client):
    answer = _pay(client, "cw", method="CONNECT_WALLET")
    assert _fail_code(answer) == "PARAM_ILLEGAL"
    assert "settlementStrategy.settlementCurrency" in answer["result"]["resultMessage"]
    ok = _pay(
        client, "cw2", method="CONNECT_WALLET", settlementStrategy={"settlementCurrency": "HKD"}
    )
    assert ok["result"]["resultCode"] == "PAYMENT_IN_PROCESS"


@pytest.mark.parametrize("method", ["ALIPAY_CN", "ALIPAY_HK", "GCASH", "DANA", "TNG"])
def test_default_expiry_is_the_methods_from_antoms_table(gateway_key, merchant_key, clock, method):
    method_ = methods.get(method)
    currency = {"ALIPAY_CN": "CNY"}.get(method, method_.currencies[0])
    value = "120000" if currency == "IDR" else "1230"
    with SandboxGateway(gateway_private_key=gateway_key, clock=clock) as gw:
        gw.register_merchant(CLIENT_ID, public_key_base64(merchant_key.public_key()))
        raw = RawClient(gw.url, CLIENT_ID, Signer(merchant_key), Verifier(gateway_key.public_key()))
        answer = raw.post(
            "pay", pay_body(f"exp-{method}", value=value, currency=currency, method=method)
        ).json
    assert answer["result"]["resultCode"] == "PAYMENT_IN_PROCESS", answer
    assert answer["paymentExpiryTime"] == (clock() + timedelta(minutes=14)).isoformat()
