"""A profile's product (online Checkout Payment or In-store) and its store fields."""

from __future__ import annotations

import pytest

from cashier_app.keystore.profiles import (
    Environment,
    Profile,
    ProfileError,
    default_sandbox_profile,
)


def test_in_store_profile_needs_its_store_fields():
    base = Profile(
        "shop",
        Environment.ANTOM_SANDBOX,
        "SANDBOX_SHOP",
        "HKD",
        gateway_url="https://open-sea-global.alipay.com",
        product="in-store",
        wallets=("ALIPAY_HK", "CONNECT_WALLET"),
        merchant_name="Shop",
        merchant_id="M1",
        merchant_mcc="5812",
        store_id="S1",
        store_name="Shop Central",
        store_mcc="5812",
        terminal_id="T1",
    )
    ok = base.validated()
    assert ok.product == "in-store" and ok.store_info().terminal_id == "T1"
    assert Profile.from_json(ok.to_json()) == ok
    from dataclasses import replace

    with pytest.raises(ProfileError, match="merchant_mcc"):
        replace(base, merchant_mcc="58").validated()
    with pytest.raises(ProfileError, match="terminal_id"):
        replace(base, terminal_id="").validated()
    with pytest.raises(ProfileError, match="product"):
        replace(base, product="mail-order").validated()


def test_the_embedded_sandbox_has_demo_store_values_and_stays_online():
    p = default_sandbox_profile().validated()
    assert p.product == "online"
    info = p.store_info().check()
    assert (info.merchant_mcc, info.terminal_id) == ("5812", "TILL-01")
