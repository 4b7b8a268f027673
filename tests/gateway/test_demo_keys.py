"""The embedded sandbox's published demo keys: used there (no key generation per run), and
refused for every real gateway and saved profile, since their private halves are public."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from cryptography.hazmat.primitives import serialization

from cashier_app.app import build_services, resolve_credentials
from cashier_app.domain.errors import CashierError
from cashier_app.gateway import demo_keys
from cashier_app.gateway.antom import AntomClient
from cashier_app.gateway.signing import (
    Signer,
    Verifier,
    fingerprint,
    generate_private_key,
    private_key_pkcs8_base64,
    public_key_pem,
)


@pytest.mark.parametrize(
    "pem", [demo_keys.MERCHANT_PRIVATE_KEY_PEM, demo_keys.GATEWAY_PRIVATE_KEY_PEM]
)
def test_the_demo_keys_pass_openssls_full_check(pem):
    # demo_keys parses them without the (slow) consistency check; here it runs
    key = serialization.load_pem_private_key(pem.encode(), password=None)
    assert key.key_size == 2048
    assert fingerprint(key) in demo_keys.FINGERPRINTS


def test_the_parsed_demo_keys_are_the_published_ones():
    assert fingerprint(demo_keys.merchant_key()) == demo_keys.MERCHANT_FINGERPRINT
    assert fingerprint(demo_keys.gateway_key()) == demo_keys.GATEWAY_FINGERPRINT
    assert demo_keys.merchant_key() is demo_keys.merchant_key()  # parsed once


def test_the_stored_form_read_off_the_pem_is_the_key_encoded_again():
    for key in (demo_keys.merchant_key(), demo_keys.gateway_key()):
        stored = private_key_pkcs8_base64(key)
        assert demo_keys.stored_form(key) == stored
        assert demo_keys.parsed_demo_key(stored) is key
    other = generate_private_key()
    assert demo_keys.stored_form(other) is None
    assert demo_keys.parsed_demo_key(private_key_pkcs8_base64(other)) is None


def test_the_embedded_sandbox_signs_with_the_demo_keys_on_both_sides():
    with build_services() as services:
        assert services.client.signer.fingerprint == demo_keys.MERCHANT_FINGERPRINT
        assert services.client.verifier.fingerprint == demo_keys.GATEWAY_FINGERPRINT
        assert services.sandbox is not None
        assert fingerprint(services.sandbox.gateway_public_key) == demo_keys.GATEWAY_FINGERPRINT


@pytest.mark.parametrize(
    "url",
    [
        "https://open-sea-global.alipay.com",
        "https://open-sea-global.alipay.com/",
        "https://127.0.0.1:8443",
    ],
)
def test_antom_client_refuses_demo_keys_for_a_real_gateway(url):
    own = Signer(generate_private_key())
    own_gateway = Verifier(generate_private_key().public_key())
    demo_signer = Signer(demo_keys.merchant_key())
    demo_verifier = Verifier(demo_keys.gateway_key().public_key())
    with pytest.raises(demo_keys.DemoKeyError, match="demo merchant key"):
        AntomClient(url, "2188000000000001", demo_signer, own_gateway)
    with pytest.raises(demo_keys.DemoKeyError, match="demo gateway key"):
        AntomClient(url, "2188000000000001", own, demo_verifier)
    AntomClient(url, "2188000000000001", own, own_gateway).close()  # own keys: fine


def test_antom_client_takes_demo_keys_on_a_loopback_sandbox():
    client = AntomClient(
        "http://127.0.0.1:9",
        "SANDBOX_X",
        Signer(demo_keys.merchant_key()),
        Verifier(demo_keys.gateway_key().public_key()),
    )
    client.close()


def test_explicit_gateway_options_refuse_demo_keys():
    own = Signer(generate_private_key())
    with pytest.raises(ValueError, match="demo gateway key"):
        resolve_credentials(
            gateway_url="http://127.0.0.1:9",
            client_id="SANDBOX_X",
            signer=own,
            verifier=Verifier(demo_keys.gateway_key().public_key()),
        )
    with pytest.raises(ValueError, match="demo merchant key"):
        resolve_credentials(
            gateway_url="http://127.0.0.1:9",
            client_id="SANDBOX_X",
            signer=Signer(demo_keys.merchant_key()),
            verifier=Verifier(generate_private_key().public_key()),
        )


def test_cashier_pay_refuses_a_demo_key_file(tmp_path):
    key_file = tmp_path / "demo.key"
    key_file.write_text(demo_keys.MERCHANT_PRIVATE_KEY_PEM)
    pub_file = tmp_path / "gateway.pem"
    pub_file.write_text(public_key_pem(generate_private_key().public_key()))
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "cashier_app",
            "pay",
            "--amount",
            "1.00",
            "--currency",
            "HKD",
            "--method",
            "ALIPAY_HK",
            "--gateway",
            "http://127.0.0.1:9",
            "--client-id",
            "SANDBOX_X",
            "--private-key",
            str(key_file),
            "--gateway-public-key",
            str(pub_file),
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ.copy(),
    )
    assert proc.returncode == 2, proc.stderr
    assert "demo merchant key cannot be used" in proc.stderr
    assert proc.stdout == ""
    assert "BEGIN" not in proc.stderr


def test_a_demo_key_slipped_into_a_saved_profile_is_refused(memory_keyring):
    """Even written straight into the keyring (not through import), a saved real profile
    never signs with the demo key."""
    from cashier_app.keystore.profiles import Environment, Profile, ProfileStore
    from cashier_app.keystore.store import KeyStore

    profile = Profile(
        "prod",
        Environment.PRODUCTION,
        "2188000000000001",
        "HKD",
        "https://open-sea-global.alipay.com",
        wallets=("ALIPAY_HK",),
    ).validated()
    ProfileStore().save(profile)
    keys = KeyStore.open("keyring")
    backend = keys.backend_for(profile)
    backend.set("prod/merchant/1", private_key_pkcs8_base64(demo_keys.merchant_key()))
    backend.set("prod/index", json.dumps({"versions": ["1"]}))
    keys.import_gateway_key(profile, public_key_pem(generate_private_key().public_key()))
    with pytest.raises(CashierError, match="demo merchant key"):
        resolve_credentials("prod")
