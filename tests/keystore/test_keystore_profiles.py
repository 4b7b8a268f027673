"""Profiles: validation of every field, the always-present sandbox, atomic and safe saving."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cashier_app.keystore import atomic
from cashier_app.keystore.profiles import (
    GATEWAY_PRESETS,
    SANDBOX_PROFILE,
    Environment,
    Profile,
    ProfileConfigError,
    ProfileError,
    ProfileNotFoundError,
    ProfileStore,
    resolve_gateway,
)
from cashier_app.support import paths


def make(**changes: object) -> Profile:
    base: dict[str, object] = {
        "name": "shop",
        "environment": Environment.PRODUCTION,
        "client_id": "2188000000000001",
        "currency": "HKD",
        "gateway_url": GATEWAY_PRESETS["asia"],
        "wallets": ("ALIPAY_HK",),
    }
    base.update(changes)
    return Profile(**base)  # type: ignore[arg-type]


def test_first_start_has_the_sandbox_profile_without_any_file() -> None:
    store = ProfileStore()
    assert not store.path.exists()
    assert store.path.parent == paths.config_dir()
    profile = store.active()
    assert profile.name == SANDBOX_PROFILE and profile.is_embedded_sandbox
    assert profile.client_id.startswith("SANDBOX_")
    assert store.names() == [SANDBOX_PROFILE]


def test_create_use_get_delete_round_trip() -> None:
    store = ProfileStore()
    saved = store.save(
        make(
            gateway_url="https://open-na-global.alipay.com/",
            notify_url="https://shop.example/notify",
            merchant_name="Shop",
        )
    )
    assert saved.gateway_url == "https://open-na-global.alipay.com"
    store.use("shop")
    again = ProfileStore()
    assert again.active() == saved
    assert again.names() == ["sandbox", "shop"]
    assert json.loads(again.path.read_text())["active"] == "shop"
    again.delete("shop")
    assert again.active_name() == SANDBOX_PROFILE
    with pytest.raises(ProfileNotFoundError, match="no profile named 'shop'"):
        again.get("shop")


def test_update_changes_key_version_only() -> None:
    store = ProfileStore()
    store.save(make())
    updated = store.update("shop", key_version="2")
    assert updated.key_version == "2" and updated.client_id == "2188000000000001"
    with pytest.raises(ProfileError, match="cannot be renamed"):
        store.update("shop", name="other")


def test_presets_resolve() -> None:
    assert resolve_gateway("Asia") == "https://open-sea-global.alipay.com"
    assert resolve_gateway("europe-instore") == "https://open-eu.alipay.com"
    assert resolve_gateway("https://custom.example") == "https://custom.example"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": "bad name"}, "profile name 'bad name' is invalid"),
        ({"name": "a/b"}, "is invalid"),
        ({"environment": "staging"}, "environment 'staging' is not one of"),
        ({"client_id": ""}, "client id is missing"),
        ({"client_id": "has space"}, "client id 'has space' is invalid"),
        ({"client_id": "x" * 65}, "is invalid"),
        ({"client_id": "SANDBOX_123"}, "is an Antom sandbox id"),
        ({"environment": "antom-sandbox", "client_id": "2188"}, "not an Antom sandbox id"),
        ({"currency": "XYZ"}, "currency XYZ is not supported"),
        ({"currency": "HK"}, "not a three-letter"),
        ({"gateway_url": ""}, "gateway URL is missing"),
        ({"gateway_url": "http://open-na.alipay.com"}, "uses plain http"),
        ({"gateway_url": "ftp://x.example"}, "must be an https:// URL"),
        ({"gateway_url": "https://"}, "must be an https:// URL"),
        ({"gateway_url": "https://user:pw@x.example"}, "user name or password"),
        ({"gateway_url": "https://x.example/ams/api"}, "base URL only"),
        ({"gateway_url": "https://x.example?a=1"}, "query or fragment"),
        ({"gateway_url": "https://x.example:99999"}, "not a valid URL"),
        ({"notify_url": "http://shop.example/n"}, "notify URL 'http://shop.example/n' uses plain"),
        ({"wallets": ()}, "no wallet enabled"),
        ({"wallets": ("PAYPAL",)}, "wallet 'PAYPAL' is not a known paymentMethodType"),
        ({"wallets": ("GCASH",)}, "none of the enabled wallets (GCASH) accepts HKD"),
        ({"key_version": "0"}, "key version '0' is invalid"),
        ({"key_version": "v2"}, "key version 'v2' is invalid"),
        ({"merchant_name": "a\nb"}, "merchant name"),
        ({"environment": "embedded-sandbox", "client_id": "SANDBOX_X"}, "has no gateway URL"),
    ],
)
def test_every_bad_field_is_named(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ProfileError) as err:
        ProfileStore().save(make(**changes))
    assert message in str(err.value)
    assert not ProfileStore().path.exists()  # nothing half-written


def test_loopback_http_is_allowed_for_local_gateways() -> None:
    for url in ("http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9"):
        assert make(gateway_url=url).validated().gateway_url == url


def test_wallet_names_are_normalised_and_deduplicated() -> None:
    assert make(wallets=("alipay_hk", "ALIPAY_HK", "ALIPAY_CN")).validated().wallets == (
        "ALIPAY_HK",
        "ALIPAY_CN",
    )


def test_sandbox_profile_cannot_be_deleted_or_made_real() -> None:
    store = ProfileStore()
    with pytest.raises(ProfileError, match="cannot be deleted"):
        store.delete(SANDBOX_PROFILE)
    with pytest.raises(ProfileError, match="embedded sandbox"):
        store.save(make(name=SANDBOX_PROFILE), replace_existing=True)
    with pytest.raises(ProfileError, match="already exists"):
        store.save(store.get(SANDBOX_PROFILE))


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "it is empty"),
        (b'{"format": "cashier-profiles", "version": 1, "profi', "invalid JSON at line 1"),
        (b"\xff\xfe", "not UTF-8"),
        (b"[]", "not a cashier-profiles document"),
        (b'{"format": "cashier-profiles", "version": 9, "profiles": {}}', "version 9"),
        (
            b'{"format": "cashier-profiles", "version": 1, "active": "ghost", "profiles": {}}',
            "active profile 'ghost'",
        ),
        (
            b'{"format": "cashier-profiles", "version": 1, "profiles": {"x": {"name": "x"}}}',
            "profile 'x': missing field",
        ),
    ],
)
def test_damaged_file_is_reported_and_never_overwritten(content: bytes, problem: str) -> None:
    store = ProfileStore()
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(content)
    for action in (store.list, lambda: store.save(make()), lambda: store.use("sandbox")):
        with pytest.raises(ProfileConfigError) as err:
            action()
        assert str(store.path) in str(err.value) and problem in str(err.value)
        assert "left unchanged" in str(err.value)
    assert store.path.read_bytes() == content


def test_backup_keeps_the_previous_good_version_and_is_named_on_damage() -> None:
    store = ProfileStore()
    store.save(make())
    first = store.path.read_bytes()
    store.save(make(name="second"))
    assert store.backup_path.read_bytes() == first
    store.path.write_text('{"format": "cashier-prof')  # a half-written save by another tool
    with pytest.raises(ProfileConfigError, match=r"previous good version is .*profiles.json.bak"):
        store.list()
    os.replace(store.backup_path, store.path)  # what the user is told to do
    assert store.names() == ["sandbox", "shop"]


def test_files_are_private_to_the_user() -> None:
    store = ProfileStore()
    store.save(make())
    assert (store.path.stat().st_mode & 0o077) == 0


def test_failed_write_leaves_the_old_file_and_no_temp_file(monkeypatch: pytest.MonkeyPatch) -> None:
    store = ProfileStore()
    store.save(make())
    before = store.path.read_bytes()

    def boom(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", boom)
    with pytest.raises(ProfileConfigError, match=r"cannot save profiles file .*the disk is full"):
        store.save(make(name="other"))
    assert store.path.read_bytes() == before
    assert [p.name for p in Path(store.path.parent).iterdir() if p.suffix == ".tmp"] == []


def test_dialect_field_is_validated_and_alipayhk_is_hkd_alipayhk_only() -> None:
    from cashier_app.keystore.profiles import Environment, Profile, ProfileError

    base = dict(
        name="hk",
        environment=Environment.PRODUCTION,
        client_id="C1",
        currency="HKD",
        gateway_url="https://open-sea-global.alipay.com",
    )
    assert Profile(**base, wallets=("ALIPAY_HK",)).validated().dialect == "antom"  # type: ignore[arg-type]
    hk = Profile(**base, dialect="AlipayHK", merchant_id="2160400000002012")  # type: ignore[arg-type]
    assert hk.validated().dialect == "alipayhk"
    assert hk.validated().wallets == ("ALIPAY_HK",)
    assert Profile.from_json(hk.validated().to_json()) == hk.validated()
    with pytest.raises(ProfileError, match="not one of"):
        Profile(**base, dialect="wechat").validated()  # type: ignore[arg-type]
    with pytest.raises(ProfileError, match="offers only ALIPAY_HK, not ALIPAY_CN"):
        Profile(
            **base,
            dialect="alipayhk",  # type: ignore[arg-type]
            wallets=("ALIPAY_HK", "ALIPAY_CN"),
        ).validated()
    with pytest.raises(ProfileError, match="merchant id"):
        Profile(**base, dialect="alipayhk", merchant_id="12 34").validated()  # type: ignore[arg-type]


def test_sale_limits_are_persisted_and_default_per_currency() -> None:
    """Issue 9 item 2: the largest sale and the large-sale threshold live in the profile."""
    store = ProfileStore()
    plain = store.save(make())
    assert (plain.max_sale_minor, plain.confirm_sale_minor) == (None, None)
    assert plain.sale_limits().max_money.display() == "HK$50,000.00"
    assert plain.sale_limits().confirm_money.display() == "HK$5,000.00"
    assert make(currency="JPY", wallets=()).sale_limits().max_money.display() == "JP¥1,000,000"
    store.save(make(max_sale_minor=200_000, confirm_sale_minor=50_000), replace_existing=True)
    again = ProfileStore().get("shop")
    assert (again.max_sale_minor, again.confirm_sale_minor) == (200_000, 50_000)
    assert (
        json.loads(ProfileStore().path.read_text())["profiles"]["shop"]["max_sale_minor"] == 200_000
    )
    for bad, words in (
        ({"max_sale_minor": 0}, "max_sale_minor must be a positive"),
        ({"confirm_sale_minor": "5000"}, "confirm_sale_minor must be"),
        ({"max_sale_minor": 1000, "confirm_sale_minor": 2000}, "more than the largest sale"),
    ):
        with pytest.raises(ProfileError, match=words):
            make(**bad).validated()
