"""KeyStore on the keyring: every operation, backend choice, and no key material anywhere."""

from __future__ import annotations

import logging
import pickle
from collections.abc import Callable
from pathlib import Path

import keyring.backends.fail
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from keyring_fakes import DictKeyring

from cashier_app.gateway.signing import (
    SignatureError,
    generate_private_key,
    private_key_pkcs8_base64,
    public_key_base64,
)
from cashier_app.keystore.backends import BackendUnavailableError, KeyStoreError, MemoryBackend
from cashier_app.keystore.diagnostics import KeyDiagnosisError
from cashier_app.keystore.profiles import Profile, ProfileStore, default_sandbox_profile
from cashier_app.keystore.store import KeyNotFoundError, KeyStore

Check = Callable[[str, rsa.RSAPrivateKey], None]


@pytest.fixture
def store(memory_keyring: DictKeyring) -> KeyStore:
    return KeyStore.open("auto")


def test_auto_prefers_the_keyring(store: KeyStore) -> None:
    assert store.available
    assert "keyring" in store.persistent_backend.description  # type: ignore[union-attr]


def test_auto_falls_back_to_the_encrypted_file_then_explains(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, prod_profile: Profile
) -> None:
    failing = keyring.backends.fail.Keyring()
    monkeypatch.delenv("CASHIER_KEYSTORE_PASSPHRASE_FILE", raising=False)
    none = KeyStore.open("auto", keyring_backend=failing)
    assert not none.available and "no usable OS keyring" in none.unavailable_reason
    with pytest.raises(BackendUnavailableError, match="CASHIER_KEYSTORE_PASSPHRASE_FILE"):
        none.generate(prod_profile)
    (tmp_path / "pw").write_text("pw\n")
    monkeypatch.setenv("CASHIER_KEYSTORE_PASSPHRASE_FILE", str(tmp_path / "pw"))
    filed = KeyStore.open("auto", keyring_backend=failing, scrypt_n=2**15)
    assert "encrypted file" in filed.persistent_backend.description  # type: ignore[union-attr]
    keyring_only = KeyStore.open("keyring", keyring_backend=failing)
    assert not keyring_only.available
    with pytest.raises(KeyStoreError, match="not one of auto, keyring, file"):
        KeyStore.open("plaintext")


def test_keyring_in_use_mentions_an_existing_key_file(
    memory_keyring: DictKeyring, tmp_path: Path, prod_profile: Profile
) -> None:
    key_file = tmp_path / "keys.enc"
    key_file.write_text("{}")
    store = KeyStore.open("auto", key_file=key_file)
    assert "--keystore file" in (store.notice_for(prod_profile) or "")


def test_generate_sign_verify_round_trip(store: KeyStore, prod_profile: Profile) -> None:
    info = store.generate(prod_profile)
    assert info.bits == 2048 and info.key_version == "1"
    assert info.public_key_pem.startswith("-----BEGIN PUBLIC KEY-----")
    gateway = generate_private_key()
    store.import_gateway_key(prod_profile, public_key_base64(gateway.public_key()))
    signer = store.signer(prod_profile)
    assert signer.fingerprint == info.fingerprint and signer.key_version == "1"
    header = signer.header("POST", "/ams/api/v1/payments/pay", "c", "t", "{}")
    assert header.startswith("algorithm=RSA256,keyVersion=1,signature=")
    from cashier_app.gateway.signing import Signer

    verifier = store.verifier(prod_profile)
    good = Signer(gateway).sign("POST", "/p", "c", "2026-01-01T00:00:00+00:00", "{}")
    verifier.verify("POST", "/p", "c", "2026-01-01T00:00:00+00:00", "{}", good)
    with pytest.raises(SignatureError):
        verifier.verify(
            "POST",
            "/p",
            "c",
            "2026-01-01T00:00:00+00:00",
            "{}",
            signer.sign("POST", "/p", "c", "2026-01-01T00:00:00+00:00", "{}"),
        )


def test_missing_keys_name_the_command_that_adds_them(
    store: KeyStore, prod_profile: Profile
) -> None:
    with pytest.raises(KeyNotFoundError, match="cashier keys generate --profile prod"):
        store.signer(prod_profile)
    with pytest.raises(KeyNotFoundError, match="cashier keys import-gateway-key"):
        store.verifier(prod_profile)


def test_check_and_export(store: KeyStore, prod_profile: Profile) -> None:
    key = generate_private_key()
    store.import_private_key(prod_profile, private_key_pkcs8_base64(key))
    assert store.export_public(prod_profile) == public_key_base64(key.public_key())
    assert store.check(prod_profile, store.export_public(prod_profile, "pem"))
    assert not store.check(prod_profile, public_key_base64(generate_private_key().public_key()))
    with pytest.raises(ValueError, match="not base64 or pem"):
        store.export_public(prod_profile, "der")


def test_rotate_and_delete(
    store: KeyStore, prod_profile: Profile, memory_keyring: DictKeyring
) -> None:
    first = store.generate(prod_profile)
    second = store.rotate(prod_profile)
    assert second.key_version == "2" and second.fingerprint != first.fingerprint
    assert store.versions(prod_profile) == ("1", "2")
    assert store.merchant_info(prod_profile, "1").fingerprint == first.fingerprint
    store.delete_version(prod_profile, "1")
    assert store.versions(prod_profile) == ("2",)
    with pytest.raises(KeyNotFoundError, match="no key version 1"):
        store.delete_version(prod_profile, "1")
    store.import_gateway_key(prod_profile, public_key_base64(generate_private_key().public_key()))
    store.delete_all(prod_profile)
    assert memory_keyring.values == {}


def test_rotation_starts_above_the_profile_version(store: KeyStore, prod_profile: Profile) -> None:
    from dataclasses import replace

    assert store.rotate(replace(prod_profile, key_version="4")).key_version == "5"


def test_damaged_entries_are_reported(
    store: KeyStore, prod_profile: Profile, memory_keyring: DictKeyring
) -> None:
    store.generate(prod_profile)
    memory_keyring.values[("cashier", "prod/merchant/1")] = "garbage"
    with pytest.raises(KeyStoreError, match=r"stored private key of profile 'prod'.*damaged"):
        store.signer(prod_profile)
    memory_keyring.values[("cashier", "prod/index")] = "{"
    with pytest.raises(KeyStoreError, match="key index of profile 'prod' is damaged"):
        store.versions(prod_profile)


def test_gateway_import_refuses_any_stored_merchant_version(
    store: KeyStore, prod_profile: Profile
) -> None:
    old = store.generate(prod_profile)
    store.rotate(prod_profile)
    with pytest.raises(KeyDiagnosisError) as err:
        store.import_gateway_key(prod_profile, old.public_key_base64)
    assert err.value.code == "merchant-key-as-gateway"


def test_embedded_sandbox_keys_live_in_memory_only(memory_keyring: DictKeyring) -> None:
    store = KeyStore(None, memory=MemoryBackend())
    sandbox = default_sandbox_profile()
    info = store.ensure_sandbox_key(sandbox)
    assert store.ensure_sandbox_key(sandbox).fingerprint == info.fingerprint
    assert store.signer(sandbox).fingerprint == info.fingerprint
    assert "memory" in store.status(sandbox).backend
    assert "lost when the app quits" in (store.notice_for(sandbox) or "")
    assert memory_keyring.values == {}
    with pytest.raises(ValueError, match="not the embedded sandbox"):
        store.ensure_sandbox_key(
            Profile(
                "x",
                "production",
                "1",
                "HKD",  # type: ignore[arg-type]
                "https://a.example",
                wallets=("ALIPAY_HK",),
            )
        )


def test_status_reports_both_fingerprints(store: KeyStore, prod_profile: Profile) -> None:
    status = store.status(prod_profile)
    assert status.merchant is None and status.gateway is None and status.versions == ()
    merchant = store.generate(prod_profile)
    gateway = store.import_gateway_key(
        prod_profile, public_key_base64(generate_private_key().public_key())
    )
    status = store.status(prod_profile)
    assert status.merchant == merchant and status.gateway == gateway
    assert store.problems(prod_profile) == []


def test_no_private_key_in_logs_errors_or_reprs(
    store: KeyStore,
    prod_profile: Profile,
    caplog: pytest.LogCaptureFixture,
    assert_no_secret: Check,
) -> None:
    caplog.set_level(logging.DEBUG)
    key = generate_private_key()
    pkcs8 = private_key_pkcs8_base64(key)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    texts: list[str] = []
    info = store.import_private_key(prod_profile, pkcs8)
    texts += [
        repr(info),
        repr(store),
        repr(store.status(prod_profile)),
        repr(store.signer(prod_profile)),
        repr(store.persistent_backend),
    ]
    for bad_call in (
        lambda: store.import_private_key(prod_profile, pkcs8),  # exists already
        lambda: store.import_gateway_key(prod_profile, pkcs8),  # private as public
        lambda: store.import_gateway_key(prod_profile, pem),
        lambda: store.import_private_key(prod_profile, pkcs8[:-300], replace=True),
        lambda: store.check(prod_profile, pem),
    ):
        with pytest.raises((KeyStoreError, KeyDiagnosisError)) as err:
            bad_call()
        texts += [
            str(err.value),
            repr(err.value),
            repr(err.value.__cause__),
            repr(err.value.__context__),
        ]
    texts.append(caplog.text)
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(store.signer(prod_profile))
    for text in texts:
        assert_no_secret(text, key)


def test_profiles_file_never_holds_keys(
    store: KeyStore, prod_profile: Profile, assert_no_secret: Check
) -> None:
    profiles = ProfileStore()
    profiles.save(prod_profile)
    key = generate_private_key()
    store.import_private_key(prod_profile, private_key_pkcs8_base64(key))
    assert_no_secret(profiles.path.read_text(), key)


def test_demo_keys_are_refused_for_a_real_profile(store: KeyStore, prod_profile) -> None:
    from cashier_app.gateway import demo_keys

    with pytest.raises(KeyStoreError, match="demo merchant key"):
        store.import_private_key(prod_profile, demo_keys.MERCHANT_PRIVATE_KEY_PEM)
    with pytest.raises(KeyStoreError, match="demo gateway key"):
        store.import_gateway_key(
            prod_profile, public_key_base64(demo_keys.gateway_key().public_key())
        )
    assert store.versions(prod_profile) == ()  # nothing half-written
    with pytest.raises(KeyNotFoundError):
        store.gateway_public_key(prod_profile)


def test_the_sandbox_profile_gets_the_demo_merchant_key(store: KeyStore) -> None:
    from cashier_app.gateway import demo_keys

    profile = default_sandbox_profile()
    info = store.ensure_sandbox_key(profile)
    assert info.fingerprint == demo_keys.MERCHANT_FINGERPRINT
    assert store.signer(profile).fingerprint == demo_keys.MERCHANT_FINGERPRINT


def test_the_file_mode_asks_for_its_passphrase_even_beside_a_working_keyring(
    memory_keyring: DictKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CASHIER_KEYSTORE=file on a desktop that also has a keyring: the operator chose the
    encrypted file, so the GUI must be told to ask for its passphrase (it used to get a
    store with no backend and never asked, because a keyring was there)."""
    from cashier_app.keystore.backends import PassphraseRequiredError

    monkeypatch.setenv("CASHIER_KEYSTORE", "file")
    monkeypatch.delenv("CASHIER_KEYSTORE_PASSPHRASE_FILE", raising=False)
    monkeypatch.delenv("CASHIER_KEYSTORE_PASSPHRASE", raising=False)
    with pytest.raises(PassphraseRequiredError):
        KeyStore.open_interactive()
