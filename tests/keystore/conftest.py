"""Fixtures for key store tests: an in-memory keyring and a scanner for leaked key material."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from keyring_fakes import secret_fragments

from cashier_app.keystore.profiles import Environment, Profile


@pytest.fixture
def prod_profile() -> Profile:
    return Profile(
        "prod",
        Environment.PRODUCTION,
        "2188000000000001",
        "HKD",
        "https://open-sea-global.alipay.com",
        wallets=("ALIPAY_HK",),
    ).validated()


@pytest.fixture
def assert_no_secret() -> Callable[[str, rsa.RSAPrivateKey], None]:
    def check(text: str, key: rsa.RSAPrivateKey) -> None:
        compact = "".join(text.split())
        for fragment in secret_fragments(key):
            assert fragment not in text and fragment not in compact, "private key leaked"

    return check
