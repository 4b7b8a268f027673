"""``cashier profile``: list, show, create, use, delete, and their error messages."""

from __future__ import annotations

import json
from collections.abc import Iterator

import keyring
import keyring.backend
import keyring.errors
import pytest
from keyring_fakes import DictKeyring

from cashier_app.cli import main
from cashier_app.keystore.profiles import ProfileStore


@pytest.fixture(autouse=True)
def kr(monkeypatch: pytest.MonkeyPatch) -> Iterator[DictKeyring]:
    monkeypatch.delenv("CASHIER_KEYSTORE", raising=False)
    previous = keyring.get_keyring()
    backend = DictKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


CREATE = (
    "profile",
    "create",
    "shop",
    "--environment",
    "production",
    "--gateway",
    "europe",
    "--client-id",
    "2188000000000009",
    "--currency",
    "HKD",
)


def test_first_start_lists_the_sandbox(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = run(capsys, "profile", "list")
    assert rc == 0 and out.startswith("* sandbox") and "embedded-sandbox" in out
    rc, out, _ = run(capsys, "profile", "show")
    assert "memory (until the app quits)" in out and "lost when the app quits" in out
    rc, out, _ = run(capsys, "profile", "show", "--json")
    shown = json.loads(out)
    assert shown["name"] == "sandbox" and shown["active"]
    assert "lost when the app quits" in shown["keys"]["notice"]


def test_create_use_show_delete(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, err = run(
        capsys,
        *CREATE,
        "--wallets",
        "alipay_hk,ALIPAY_CN",
        "--notify-url",
        "https://shop.example/notify",
        "--merchant-name",
        "Shop",
    )
    assert rc == 0, err
    assert "created profile 'shop'" in out and "cashier keys import --profile shop" in out
    profile = ProfileStore().get("shop")
    assert profile.gateway_url == "https://open-de-global.alipay.com"
    assert profile.wallets == ("ALIPAY_HK", "ALIPAY_CN")
    assert run(capsys, "profile", "use", "shop")[1] == "active profile: shop\n"
    rc, out, _ = run(capsys, "profile", "list", "--json")
    assert [(p["name"], p["active"]) for p in json.loads(out)] == [
        ("sandbox", False),
        ("shop", True),
    ]
    rc, out, _ = run(capsys, "profile", "show")
    assert "client id:  2188000000000009" in out and "no private key for version 1" in out
    rc, out, _ = run(capsys, "profile", "delete", "shop")
    assert rc == 0 and "active profile: sandbox" in out
    assert ProfileStore().names() == ["sandbox"]


def test_default_wallets_follow_the_currency(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        run(
            capsys,
            "profile",
            "create",
            "ph",
            "--environment",
            "antom-sandbox",
            "--gateway",
            "asia",
            "--client-id",
            "SANDBOX_5Y00001",
            "--currency",
            "PHP",
        )[0]
        == 0
    )
    assert set(ProfileStore().get("ph").wallets) == {"GCASH", "MAYA", "CONNECT_WALLET"}


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("--gateway", "http://gateway.example"), "uses plain http"),
        (("--client-id", "SANDBOX_1"), "is an Antom sandbox id"),
        (("--currency", "ZZZ"), "currency ZZZ is not supported"),
        (("--wallets", "GCASH"), "none of the enabled wallets (GCASH) accepts HKD"),
        (("--wallets", "NOPE"), "wallet 'NOPE' is not a known paymentMethodType"),
        (("--key-version", "x"), "key version 'x' is invalid"),
        (("--notify-url", "ftp://n.example"), "notify URL"),
    ],
)
def test_bad_values_are_named(
    capsys: pytest.CaptureFixture[str], extra: tuple[str, ...], message: str
) -> None:
    rc, _, err = run(capsys, *CREATE, *extra)
    assert rc == 2 and message in err and err.startswith("cashier profile: error:")
    assert ProfileStore().names() == ["sandbox"]


def test_existing_profile_needs_replace(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, *CREATE)[0] == 0
    rc, _, err = run(capsys, *CREATE)
    assert rc == 2 and "already exists" in err
    rc, _, _ = run(capsys, *CREATE, "--replace", "--gateway", "http://127.0.0.1:8123")
    assert rc == 0 and ProfileStore().get("shop").gateway_url == "http://127.0.0.1:8123"


def test_delete_with_keys_needs_a_decision(
    capsys: pytest.CaptureFixture[str], kr: DictKeyring
) -> None:
    assert run(capsys, *CREATE, "--use")[0] == 0
    assert run(capsys, "keys", "generate")[0] == 0
    rc, _, err = run(capsys, "profile", "delete", "shop")
    assert rc == 2 and "still has keys" in err and "--delete-keys" in err
    assert ProfileStore().names() == ["sandbox", "shop"]
    assert run(capsys, "profile", "delete", "shop", "--delete-keys")[0] == 0
    assert kr.values == {}
    rc, _, err = run(capsys, "profile", "delete", "sandbox")
    assert rc == 2 and "cannot be deleted" in err
    rc, _, err = run(capsys, "profile", "use", "ghost")
    assert rc == 2 and "no profile named 'ghost'" in err


def test_damaged_profiles_file_is_reported_not_replaced(capsys: pytest.CaptureFixture[str]) -> None:
    store = ProfileStore()
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text('{"format": "cashier-profiles", "vers')
    rc, _, err = run(capsys, *CREATE)
    assert rc == 2 and str(store.path) in err and "invalid JSON" in err
    assert store.path.read_text() == '{"format": "cashier-profiles", "vers'
