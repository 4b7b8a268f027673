"""Issue 10 item 5: a damaged profile is never a demo.

A truncated, empty or garbage ``profiles.json`` (or a folder in its place) made
``cashier pay`` quietly use the embedded demo sandbox: exit 0, SUCCESS, no warning. It is
refused now, naming the file and the good ``.bak`` to restore; and the end-of-day report
keeps embedded-sandbox, Antom-sandbox and production sales apart, labelled.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from cashier_app.cli import main
from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import PaymentRecord
from cashier_app.journal import Journal
from cashier_app.keystore.profiles import ProfileStore
from cashier_app.support import paths

DAMAGE = {
    "truncated": lambda good: good[: len(good) // 2],
    "empty": lambda good: b"",
    "garbage": lambda good: b"\x00\xff\x13garbage",
    "not-ours": lambda good: b'{"hello": "world"}',
}


def _good_profiles() -> ProfileStore:
    """A profiles file with a backup, as two saves leave it."""
    store = ProfileStore()
    store.use("sandbox")
    store.use("sandbox")
    assert store.path.is_file() and store.backup_path.is_file()
    return store


def _pay() -> list[str]:
    return [
        "pay",
        "--amount",
        "12.30",
        "--currency",
        "HKD",
        "--method",
        "ALIPAY_HK",
        "--simulate",
        "approve",
        "--json",
    ]


@pytest.mark.parametrize("damage", [*DAMAGE, "a-folder"])
def test_pay_refuses_a_damaged_profiles_file(damage, capsys):
    store = _good_profiles()
    if damage == "a-folder":
        store.path.unlink()
        store.path.mkdir()
    else:
        store.path.write_bytes(DAMAGE[damage](store.path.read_bytes()))
    before = store.path.read_bytes() if store.path.is_file() else None

    code = main(_pay())
    captured = capsys.readouterr()
    assert code == 2, captured
    assert captured.out == ""  # no outcome, certainly no SUCCESS
    err = captured.err.strip()
    assert len(err.splitlines()) == 1 and str(store.path) in err
    if damage != "a-folder":
        assert "cashier profile restore-backup" in err and str(store.backup_path) in err
        assert store.path.read_bytes() == before  # left as it was
    assert not paths.journal_path().exists() or not Journal(paths.journal_path()).list_payments()


def test_restore_backup_brings_the_good_version_back(capsys):
    store = _good_profiles()
    good = store.backup_path.read_bytes()
    store.path.write_bytes(b"{ half a save")
    assert main(["profile", "restore-backup"]) == 0
    assert "active profile: sandbox" in capsys.readouterr().out
    assert store.path.read_bytes() == good
    assert store.path.with_name("profiles.json.damaged").read_bytes() == b"{ half a save"
    store.backup_path.write_bytes(b"")
    store.path.write_bytes(b"")
    assert main(["profile", "restore-backup"]) == 2  # a damaged backup is not restored
    assert "profiles.json.bak" in capsys.readouterr().err


def _sale(prid: str, profile: str, client_id: str, value: int) -> PaymentRecord:
    now = datetime.now(UTC)
    return PaymentRecord(
        prid,
        profile,
        Money(value, "HKD"),
        "ALIPAY_HK",
        Status.SUCCESS,
        now,
        now,
        client_id=client_id,
        paid_at=now,
    )


def test_report_keeps_sandbox_and_production_apart(capsys):
    with Journal(paths.journal_path()) as journal:
        journal.create_payment(_sale("DEMO", "sandbox", "SANDBOX_CASHIER_DEMO", 10000))
        journal.create_payment(_sale("TEST", "shop-test", "SANDBOX_SHOP", 2000))
        journal.create_payment(_sale("LIVE", "shop", "2188120000000001", 300))
    assert main(["report", "--date", date.today().isoformat(), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    totals = {(t["environment"], t["currency"]): t["net"] for t in data["totals"]}
    assert totals == {
        ("production", "HKD"): "3.00",
        ("antom-sandbox", "HKD"): "20.00",
        ("embedded-sandbox", "HKD"): "100.00",
    }
    lines = {(t["environment"], t["profile"]): t["sales"] for t in data["lines"]}
    assert lines == {
        ("production", "shop"): "3.00",
        ("antom-sandbox", "shop-test"): "20.00",
        ("embedded-sandbox", "sandbox"): "100.00",
    }
    assert main(["report", "--date", date.today().isoformat()]) == 0
    text = capsys.readouterr().out
    assert "Environment: production; Antom sandbox - not real money; embedded demo sandbox" in text
    assert "Total HKD (embedded demo sandbox - not real money)" in text
    assert "Total HKD (production)" in text and "103.00" not in text  # never added together
    assert main(["history", "--json"]) == 0
    envs = {r["payment_request_id"]: r["environment"] for r in json.loads(capsys.readouterr().out)}
    assert envs == {"DEMO": "embedded-sandbox", "TEST": "antom-sandbox", "LIVE": "production"}
    assert main(["receipt", "DEMO", "--text"]) == 0
    assert "DEMO SANDBOX - NOT REAL MONEY" in capsys.readouterr().out
    assert main(["receipt", "LIVE", "--text"]) == 0
    assert "NOT REAL MONEY" not in capsys.readouterr().out
