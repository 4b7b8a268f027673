"""Antom RSA256 signing: byte-for-byte parity with the official SDK, strict verification,
and clear errors for every wrong key format."""

from __future__ import annotations

import base64
import textwrap
from urllib.parse import quote_plus

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from cashier_app.gateway import signing
from cashier_app.gateway.signing import (
    KeyFormatError,
    SignatureError,
    Signer,
    Verifier,
    load_private_key,
    load_public_key,
    parse_signature_header,
    sign_content,
)

PATH = "/ams/api/v1/payments/pay"
TIME = "2026-11-21T23:48:15+00:00"
BODY = '{"paymentRequestId":"R1","paymentAmount":{"currency":"HKD","value":"1230"},"note":"茶"}'


@pytest.fixture(scope="module")
def key() -> rsa.RSAPrivateKey:
    return signing.generate_private_key()


def _pem(key, fmt, enc=serialization.Encoding.PEM, password=None):
    algo = (
        serialization.BestAvailableEncryption(password)
        if password
        else serialization.NoEncryption()
    )
    return key.private_bytes(enc, fmt, algo)


def test_string_to_sign_layout():
    assert sign_content("POST", PATH, "C1", TIME, "{}") == (
        b"POST /ams/api/v1/payments/pay\nC1.2026-11-21T23:48:15+00:00.{}"
    )


def test_signature_matches_official_sdk_byte_for_byte(key):
    sdk = pytest.importorskip("com.alipay.ams.api.tools.signature_tool")
    ours = Signer(key).sign("POST", PATH, "SANDBOX_1", TIME, BODY)
    pkcs8 = signing.private_key_pkcs8_base64(key)
    pkcs1 = base64.b64encode(
        key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    ).decode()
    assert sdk.sign("POST", PATH, "SANDBOX_1", TIME, BODY, pkcs8) == ours
    assert sdk.sign("POST", PATH, "SANDBOX_1", TIME, BODY, pkcs1) == ours
    # and the SDK verifies ours with the bare base64 SPKI form we export
    assert sdk.verify(
        "POST", PATH, "SANDBOX_1", TIME, BODY, ours, signing.public_key_base64(key.public_key())
    )


def test_we_verify_the_sdks_signature(key):
    sdk = pytest.importorskip("com.alipay.ams.api.tools.signature_tool")
    sig = sdk.sign("POST", PATH, "C1", TIME, BODY, signing.private_key_pkcs8_base64(key))
    Verifier(key.public_key()).verify("POST", PATH, "C1", TIME, BODY, sig)


def test_header_shape(key):
    header = Signer(key, key_version="3").header("POST", PATH, "C1", TIME, BODY)
    parsed = parse_signature_header(header)
    assert header.startswith("algorithm=RSA256,keyVersion=3,signature=")
    assert parsed.key_version == "3" and " " not in header


@pytest.mark.parametrize("mutate", ["body", "path", "client", "time"])
def test_tampering_is_rejected(key, mutate):
    sig = Signer(key).sign("POST", PATH, "C1", TIME, BODY)
    args = {"body": BODY, "path": PATH, "client": "C1", "time": TIME}
    args[mutate] = args[mutate][:-1] + ("X" if args[mutate][-1] != "X" else "Y")
    with pytest.raises(SignatureError):
        Verifier(key.public_key()).verify(
            "POST", args["path"], args["client"], args["time"], args["body"], sig
        )


def test_flipped_body_byte_rejected(key):
    sig = Signer(key).sign("POST", PATH, "C1", TIME, BODY.encode())
    raw = bytearray(BODY.encode())
    raw[5] ^= 0x01
    with pytest.raises(SignatureError):
        Verifier(key.public_key()).verify("POST", PATH, "C1", TIME, bytes(raw), sig)


def test_wrong_key_rejected(key):
    other = signing.generate_private_key()
    sig = Signer(other).sign("POST", PATH, "C1", TIME, BODY)
    with pytest.raises(SignatureError, match="does not verify"):
        Verifier(key.public_key()).verify("POST", PATH, "C1", TIME, BODY, sig)


@pytest.mark.parametrize("algorithm", [hashes.SHA1(), hashes.SHA512(), hashes.SHA224()])
def test_only_sha256_is_accepted(key, algorithm):
    raw = key.sign(sign_content("POST", PATH, "C1", TIME, BODY), padding.PKCS1v15(), algorithm)
    sig = quote_plus(base64.b64encode(raw).decode())
    with pytest.raises(SignatureError):
        Verifier(key.public_key()).verify("POST", PATH, "C1", TIME, BODY, sig)


def test_sdk_verifier_wrongly_accepts_sha1_but_we_do_not(key):
    sdk = pytest.importorskip("com.alipay.ams.api.tools.signature_tool")
    raw = key.sign(sign_content("POST", PATH, "C1", TIME, BODY), padding.PKCS1v15(), hashes.SHA1())
    sig = quote_plus(base64.b64encode(raw).decode())
    assert sdk.verify(
        "POST", PATH, "C1", TIME, BODY, sig, signing.public_key_base64(key.public_key())
    )  # the SDK bug
    with pytest.raises(SignatureError):
        Verifier(key.public_key()).verify("POST", PATH, "C1", TIME, BODY, sig)


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "algorithm=RSA256,keyVersion=1",
        "algorithm=RSA256,keyVersion=1,signature=",
        "algorithm=SHA1withRSA,signature=abc",
        "junk,signature=abc",
    ],
)
def test_bad_signature_headers(header):
    with pytest.raises(SignatureError):
        parse_signature_header(header)


@pytest.mark.parametrize(
    "value",
    ["", "yesterday", "2026-11-21 23:48", "1763768895", "17637688950000000", "2026-11-21T23:48:15"],
)
def test_malformed_times_rejected(value):
    with pytest.raises(SignatureError, match="Response-Time"):
        signing.check_time(value)


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("1763768895000", "2025-11-21T23:48:15+00:00"),  # Java/Go SDK: epoch milliseconds
        ("1763768895000000000", "2025-11-21T23:48:15+00:00"),  # Go SDK README: UnixNano
        ("2025-11-21T23:48:15+00:00", "2025-11-21T23:48:15+00:00"),  # Python SDK
        ("2025-11-22T07:48:15.250+08:00", "2025-11-21T23:48:15.250000+00:00"),
    ],
)
def test_both_header_time_forms_parse_to_the_same_moment(value, iso):
    assert signing.check_time(value) == value  # returned unchanged: signed as sent
    assert signing.parse_header_time(value).isoformat() == iso


def test_signature_not_base64_rejected(key):
    with pytest.raises(SignatureError, match="base64"):
        Verifier(key.public_key()).verify("POST", PATH, "C1", TIME, BODY, "%%%not*base64")


# -- key formats ----------------------------------------------------------------------


def test_private_key_forms_all_give_the_same_signature(key):
    expected = Signer(key).sign("POST", PATH, "C1", TIME, BODY)
    pkcs1_pem = _pem(key, serialization.PrivateFormat.TraditionalOpenSSL)
    pkcs8_pem = _pem(key, serialization.PrivateFormat.PKCS8)
    enc_pem = _pem(key, serialization.PrivateFormat.PKCS8, password=b"hunter22")
    bare = signing.private_key_pkcs8_base64(key)
    wrapped = "\n".join(textwrap.wrap(bare, 64)) + "\n"
    for form, pw in [
        (pkcs1_pem, None),
        (pkcs8_pem, None),
        (enc_pem, b"hunter22"),
        (bare, None),
        (wrapped, None),
        (pkcs8_pem.decode(), None),
    ]:
        assert Signer(load_private_key(form, pw)).sign("POST", PATH, "C1", TIME, BODY) == expected


def test_public_key_forms(key):
    pub = key.public_key()
    pem = signing.public_key_pem(pub)
    bare = signing.public_key_base64(pub)
    for form in (pem, bare, pem.encode(), "\n".join(textwrap.wrap(bare, 64))):
        assert signing.fingerprint(load_public_key(form)) == signing.fingerprint(key)


@pytest.mark.parametrize("bits_e", [(2048, 65537), (2049, 65537), (2056, 3)])
def test_spki_der_is_cryptographys_own_encoding(bits_e):
    # encoded here from the key's numbers (cryptography's public_bytes imports its SSH key
    # format with the ciphers); lengths that add a leading zero byte or not, small e
    pub = rsa.generate_private_key(bits_e[1], bits_e[0]).public_key()
    assert signing.spki_der(pub) == pub.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (lambda k: signing.public_key_pem(k.public_key()), "public key"),
        (lambda k: signing.public_key_base64(k.public_key()), "public key"),
        (lambda k: _pem(k, serialization.PrivateFormat.PKCS8, password=b"pw-pw-pw"), "passphrase"),
        (lambda k: signing.private_key_pkcs8_base64(k)[:200], "damaged or truncated"),
        (lambda k: _pem(k, serialization.PrivateFormat.PKCS8).decode()[:300], "no END"),
        (lambda k: "not a key at all!", "neither PEM nor base64"),
        (lambda k: "", "empty"),
        (
            lambda k: _pem(
                rsa.generate_private_key(65537, 1024), serialization.PrivateFormat.PKCS8
            ),
            "1024 bits",
        ),
        (
            lambda k: _pem(
                ec.generate_private_key(ec.SECP256R1()), serialization.PrivateFormat.PKCS8
            ),
            "not RSA",
        ),
    ],
)
def test_bad_private_keys_are_named(key, make, fragment):
    with pytest.raises(KeyFormatError, match=fragment):
        load_private_key(make(key))


def test_wrong_passphrase_is_named(key):
    enc = _pem(key, serialization.PrivateFormat.PKCS8, password=b"right-one")
    with pytest.raises(KeyFormatError, match="wrong passphrase"):
        load_private_key(enc, b"wrong-one")


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (
            lambda k: k.public_key().public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.PKCS1
            ),
            "PKCS#1",
        ),
        (
            lambda k: base64.b64encode(
                k.public_key().public_bytes(
                    serialization.Encoding.DER, serialization.PublicFormat.PKCS1
                )
            ).decode(),
            "PKCS#1",
        ),
        (lambda k: _pem(k, serialization.PrivateFormat.PKCS8), "private key"),
        (lambda k: signing.private_key_pkcs8_base64(k), "private key"),
        (lambda k: signing.public_key_base64(k.public_key())[:150], "damaged or truncated"),
        (
            lambda k: signing.public_key_pem(rsa.generate_private_key(65537, 1024).public_key()),
            "1024 bits",
        ),
    ],
)
def test_bad_public_keys_are_named(key, make, fragment):
    with pytest.raises(KeyFormatError, match=fragment):
        load_public_key(make(key))


def test_signer_never_reveals_the_key(key):
    signer = Signer(key)
    secret = signing.private_key_pkcs8_base64(key)
    assert secret[20:60] not in repr(signer) and "PRIVATE" not in repr(signer)
    import pickle

    with pytest.raises(TypeError):
        pickle.dumps(signer)


def test_quote_base64_is_quote_plus_for_every_base64_text():
    import base64
    import os
    import string
    from urllib.parse import quote_plus

    from cashier_app.gateway.signing import quote_base64

    alphabet = string.ascii_letters + string.digits + "+/="
    assert quote_base64(alphabet) == quote_plus(alphabet)
    for size in range(0, 300, 7):
        text = base64.b64encode(os.urandom(size)).decode("ascii")
        assert quote_base64(text) == quote_plus(text)


def test_unquote_signature_is_unquote_plus_for_every_text():
    import base64
    import os
    from urllib.parse import unquote_plus

    from cashier_app.gateway.signing import quote_base64, unquote_signature

    for size in range(0, 300, 7):  # what every client sends: URL-encoded base64
        text = quote_base64(base64.b64encode(os.urandom(size)).decode("ascii"))
        assert unquote_signature(text) == unquote_plus(text)
    # anything else is unquote_plus's: lower-case or other escapes, a bare '+', half an
    # escape, an escaped '%', text that was never encoded
    for text in (
        "ab%2bc",
        "a%2Fb%2fc",
        "a+b",
        "a%20b",
        "%2",
        "a%",
        "%252B",
        "%%2B",
        "AB/+=",
        "ü%3D",
    ):
        assert unquote_signature(text) == unquote_plus(text), text
