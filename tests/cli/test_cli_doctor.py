"""``cashier doctor``: a checklist that passes on the embedded sandbox and names what is
missing or wrong on a real profile, with a non-zero exit."""

from __future__ import annotations

import json
import re

from cashier_app.cli import main
from cashier_app.gateway.signing import generate_private_key
from cashier_app.keystore.profiles import Environment, Profile, ProfileStore
from cashier_app.keystore.store import KeyStore
from cashier_app.sandbox.gateway import SandboxGateway
from cashier_app.support import paths


def _doctor(capsys, *args: str) -> tuple[int, list[dict]]:
    code = main(["doctor", "--json", *args])
    return code, json.loads(capsys.readouterr().out)


def test_embedded_sandbox_is_ready(capsys):
    code, checks = _doctor(capsys)
    assert code == 0
    assert [c["name"] for c in checks] == ["log", "journal", "profile", "gateway", "clock"]
    assert all(c["ok"] for c in checks)
    assert "gateway key verified" in checks[3]["detail"]
    assert "gateway's Response-Time" in checks[4]["detail"]


def test_real_profile_without_keys_fails_and_says_so(capsys, memory_keyring, monkeypatch):
    monkeypatch.delenv("CASHIER_KEYSTORE", raising=False)
    ProfileStore().save(
        Profile(
            "shop",
            Environment.PRODUCTION,
            "2188000000000001",
            "HKD",
            "https://open-sea-global.alipay.com",
            wallets=("ALIPAY_HK",),
        )
    )
    code, checks = _doctor(capsys, "--profile", "shop")
    assert code == 1
    keys = next(c for c in checks if c["name"] == "keys")
    assert not keys["ok"] and "no merchant key" in keys["detail"]
    assert "no gateway key" in keys["detail"]
    assert not any(c["name"] == "gateway" for c in checks)  # nothing sent without keys


def test_real_profile_with_keys_on_a_standalone_gateway(capsys, memory_keyring, monkeypatch):
    monkeypatch.delenv("CASHIER_KEYSTORE", raising=False)
    gateway = SandboxGateway(gateway_private_key=generate_private_key()).start()
    try:
        profile = ProfileStore().save(
            Profile(
                "shop",
                Environment.PRODUCTION,
                "2188000000000002",
                "HKD",
                gateway.url,
                wallets=("ALIPAY_HK",),
            )
        )
        keys = KeyStore.open()
        info = keys.generate(profile)
        keys.import_gateway_key(profile, gateway.gateway_public_key_base64)
        code, checks = _doctor(capsys, "--profile", "shop")
        # not registered at the gateway yet: the doctor says where to fix it
        assert code == 1
        gateway_check = next(c for c in checks if c["name"] == "gateway")
        assert (
            "Antom Dashboard" in gateway_check["detail"] or "client id" in gateway_check["detail"]
        )
        gateway.register_merchant(profile.client_id, info.public_key_base64)
        code, checks = _doctor(capsys, "--profile", "shop")
        assert code == 0, checks
        # the gateway's clock runs 10 minutes ahead of this machine: the doctor says so
        gateway.faults.add("clock_skew", seconds=600, count=None)
        code, checks = _doctor(capsys, "--profile", "shop")
        clock = next(c for c in checks if c["name"] == "clock")
        assert code == 1 and not clock["ok"]
        assert "behind the gateway" in clock["detail"]
        assert re.search(r"\b(599|600|601) s\b", clock["detail"]), clock
    finally:
        gateway.stop()


def test_unusable_journal_is_reported(capsys):
    path = paths.journal_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not a database" * 100)
    code, checks = _doctor(capsys)
    assert code == 1
    journal = next(c for c in checks if c["name"] == "journal")
    assert not journal["ok"] and "no payment can be taken" in journal["detail"]


def test_plain_output(capsys):
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert out.count("✓") == 5 and "✗" not in out
    assert f"✓ log      {paths.log_path()}" in out
