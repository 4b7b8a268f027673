"""Fixtures for key store tests: an in-memory keyring and a scanner for leaked key material."""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator

import keyring
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from keystore_fakes import DictKeyring

from cashier_app.keystore.profiles import Environment, Profile


@pytest.fixture
def memory_keyring() -> Iterator[DictKeyring]:
    previous = keyring.get_keyring()
    backend = DictKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def prod_profile() -> Profile:
    return Profile("prod", Environment.PRODUCTION, "2188000000000001", "HKD",
                   "https://open-sea-global.alipay.com", wallets=("ALIPAY_HK",)).validated()


def secret_fragments(key: rsa.RSAPrivateKey) -> list[str]:
    """Pieces of text that appear only when private key material leaked: 64-character
    windows of the private part of the PKCS#8 and PKCS#1 base64 (the first lines hold the
    public modulus, which may be printed), and the private exponent in decimal and hex."""
    fragments: list[str] = []
    for fmt in (serialization.PrivateFormat.PKCS8, serialization.PrivateFormat.TraditionalOpenSSL):
        der = key.private_bytes(serialization.Encoding.DER, fmt, serialization.NoEncryption())
        b64 = base64.b64encode(der).decode()
        fragments += [b64[i:i + 64] for i in range(448, len(b64) - 64, 64)]
    d = key.private_numbers().d
    fragments += [str(d)[:40], format(d, "x")[:40], format(d, "X")[:40]]
    return fragments


@pytest.fixture
def assert_no_secret() -> Callable[[str, rsa.RSAPrivateKey], None]:
    def check(text: str, key: rsa.RSAPrivateKey) -> None:
        compact = "".join(text.split())
        for fragment in secret_fragments(key):
            assert fragment not in text and fragment not in compact, "private key leaked"

    return check
