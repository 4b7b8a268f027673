"""Diagnostics: each classic key mistake is recognised and comes with its fix."""

from __future__ import annotations

import base64

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from cashier_app.gateway.signing import generate_private_key, private_key_pkcs8_base64
from cashier_app.keystore.diagnostics import (
    KeyDiagnosisError,
    diagnose_pair,
    normalise_key_text,
    parse_gateway_key,
    parse_private_key,
    parse_public_key,
    same_key,
)


@pytest.fixture(scope="module")
def key() -> rsa.RSAPrivateKey:
    return generate_private_key()


def _pem(
    key: rsa.RSAPrivateKey,
    fmt: serialization.PrivateFormat,
    enc: serialization.KeySerializationEncryption | None = None,
) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, fmt, enc or serialization.NoEncryption())


def _pub(
    key: rsa.RSAPrivateKey,
    fmt: serialization.PublicFormat,
    enc: serialization.Encoding = serialization.Encoding.PEM,
) -> bytes:
    return key.public_key().public_bytes(enc, fmt)


def test_all_private_forms_parse(key: rsa.RSAPrivateKey) -> None:
    forms: list[str | bytes] = [
        _pem(key, serialization.PrivateFormat.TraditionalOpenSSL),
        _pem(key, serialization.PrivateFormat.PKCS8),
        private_key_pkcs8_base64(key),
        private_key_pkcs8_base64(key) + "\n",
        b"\xef\xbb\xbf" + private_key_pkcs8_base64(key).encode(),  # BOM from Notepad
        "'" + private_key_pkcs8_base64(key) + "'",
        _pem(key, serialization.PrivateFormat.PKCS8).decode().replace("\n", "\\n"),
    ]
    for form in forms:
        assert same_key(parse_private_key(form), key)
    encrypted = _pem(
        key, serialization.PrivateFormat.PKCS8, serialization.BestAvailableEncryption(b"pw")
    )
    assert same_key(parse_private_key(encrypted, b"pw"), key)


def _code(call: object) -> str:
    with pytest.raises(KeyDiagnosisError) as err:
        call()  # type: ignore[operator]
    assert "Fix:" in str(err.value)
    return err.value.code


def test_private_key_mistakes(key: rsa.RSAPrivateKey) -> None:
    b64 = private_key_pkcs8_base64(key)
    spki = _pub(key, serialization.PublicFormat.SubjectPublicKeyInfo)
    encrypted = _pem(
        key, serialization.PrivateFormat.PKCS8, serialization.BestAvailableEncryption(b"pw")
    )
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    assert _code(lambda: parse_private_key(spki)) == "public-as-private"
    assert _code(lambda: parse_private_key(b64[:1000])) == "truncated"
    assert _code(lambda: parse_private_key(b64[:-8])) == "truncated"
    assert _code(lambda: parse_private_key(encrypted)) == "passphrase-needed"
    assert _code(lambda: parse_private_key(encrypted, b"no")) == "wrong-passphrase"
    assert _code(lambda: parse_private_key(b64, b"pw")) == "passphrase-not-needed"
    assert (
        _code(lambda: parse_private_key(_pem(small, serialization.PrivateFormat.PKCS8)))
        == "key-too-small"
    )
    assert _code(lambda: parse_private_key("")) == "empty"
    assert _code(lambda: parse_private_key(b"\x30\x82\xff\xfe\x00")) == "binary"
    assert _code(lambda: parse_private_key("x" * 70_000)) == "too-large"


def test_public_key_mistakes(key: rsa.RSAPrivateKey) -> None:
    spki_b64 = base64.b64encode(
        _pub(key, serialization.PublicFormat.SubjectPublicKeyInfo, serialization.Encoding.DER)
    ).decode()
    pkcs1_pem = _pub(key, serialization.PublicFormat.PKCS1)
    pkcs1_b64 = base64.b64encode(
        _pub(key, serialization.PublicFormat.PKCS1, serialization.Encoding.DER)
    ).decode()
    assert same_key(parse_public_key(spki_b64), key)
    assert _code(lambda: parse_public_key(pkcs1_pem)) == "pkcs1-public"
    assert _code(lambda: parse_public_key(pkcs1_b64)) == "pkcs1-public"
    assert _code(lambda: parse_public_key(private_key_pkcs8_base64(key))) == "private-as-public"
    assert (
        _code(lambda: parse_public_key(_pem(key, serialization.PrivateFormat.TraditionalOpenSSL)))
        == "private-as-public"
    )
    assert _code(lambda: parse_public_key(spki_b64[:300])) == "truncated"
    assert (
        _code(lambda: parse_gateway_key(spki_b64, [key.public_key()])) == "merchant-key-as-gateway"
    )


def test_messages_never_quote_the_key(key: rsa.RSAPrivateKey) -> None:
    b64 = private_key_pkcs8_base64(key)
    for call in (
        lambda: parse_public_key(b64),
        lambda: parse_private_key(b64[:1200]),
        lambda: parse_private_key(b64 + "!"),
    ):
        with pytest.raises(KeyDiagnosisError) as err:
            call()
        assert b64[500:540] not in str(err.value) + repr(err.value)
        assert err.value.__cause__ is None


def test_pair_diagnosis(key: rsa.RSAPrivateKey) -> None:
    pub = key.public_key()
    other = generate_private_key().public_key()
    assert [p.code for p in diagnose_pair(None, None)] == ["no-merchant-key", "no-gateway-key"]
    assert [p.code for p in diagnose_pair(pub, pub)] == ["merchant-key-as-gateway"]
    assert diagnose_pair(pub, other) == []


def test_normalise_only_touches_wrapping() -> None:
    assert normalise_key_text(' "abc\\ndef" ') == "abc\ndef"
    assert normalise_key_text("a\r\nb") == "a\nb"
