"""Operators in store mode (issue 17 item 5): the accounts live in the store's PostgreSQL,
every till signs in against them and a lock-out holds at every till; each till keeps a copy
so that it still signs its operators in while the server is down, and catches up when it is
back. Real PostgreSQL, real SQLite files, the real CLI."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from pg_server import free_port

from cashier_app.cli import main
from cashier_app.journal import Journal
from cashier_app.journal.outbox import Outbox
from cashier_app.operators import CASHIER, MANAGER, OperatorError, OperatorStore
from cashier_app.operators.lockout import MAX_FAILURES
from cashier_app.store.connect import connect
from cashier_app.store.operators import StoreOperators
from cashier_app.store.replicator import Replicator

BOSS_PIN, CLERK_PIN = "739164528301", "580164927305"  # 12 digits: never an id or a time by chance


def _till(store_db, tmp_path, name, target=None):
    target = target if target is not None else {"dsn": store_db.till_dsn}
    return StoreOperators(
        lambda: connect(target["dsn"], timeout=1),
        OperatorStore(tmp_path / f"{name}-operators.sqlite3"),
        till_id=name,
        retry_after=0,
    )


def _no_pin_in(*blobs: bytes) -> None:
    for blob in blobs:
        for pin in (BOSS_PIN, CLERK_PIN):
            assert pin.encode() not in blob


def test_every_till_signs_in_against_the_store(store_db, tmp_path):
    a, b = _till(store_db, tmp_path, "a"), _till(store_db, tmp_path, "b")
    assert not a.configured() and not b.configured()
    with pytest.raises(OperatorError) as info:
        a.add("Ana", CASHIER, CLERK_PIN)
    assert info.value.code == "first_is_manager"
    a.add("Mei", MANAGER, BOSS_PIN)
    b.add("Ana", CASHIER, CLERK_PIN)  # till B sees A's manager: no first_is_manager
    assert [(o.name, o.role) for o in a.list()] == [("Ana", CASHIER), ("Mei", MANAGER)]
    assert b.verify("mei", BOSS_PIN).is_manager  # added at till A, signs in at till B
    with pytest.raises(OperatorError) as info:
        a.add("MEI", CASHIER, "739164")
    assert info.value.code == "exists"
    # a wrong PIN counts at every till: 3 at A and 2 at B lock the account everywhere
    for till in (a, a, a, b):
        with pytest.raises(OperatorError) as info:
            till.verify("Ana", "11112")
        assert info.value.code == "wrong_pin"
    assert info.value.params["left"] == "1"
    with pytest.raises(OperatorError) as info:
        b.verify("Ana", "11112")
    assert info.value.code == "locked_now"
    with pytest.raises(OperatorError) as info:
        a.verify("Ana", CLERK_PIN)  # the right PIN, but locked: not even checked
    assert info.value.code == "locked" and info.value.params["count"] == str(MAX_FAILURES)
    assert a.local.get("Ana").failures == MAX_FAILURES  # the copy follows the store
    a.unlock("Ana")
    assert b.verify("Ana", CLERK_PIN).name == "Ana"
    with pytest.raises(OperatorError) as info:
        a.remove("Mei")
    assert info.value.code == "last_manager"
    b.remove("Ana")
    assert [o.name for o in a.list()] == ["Mei"] and a.local.get("Ana") is None
    a.add("ana", CASHIER, "60517")  # a removed name comes back with a new PIN
    assert b.verify("Ana", "60517").name == "ana"
    # only salted scrypt hashes at the store; no PIN in its rows, its log or the tills' files
    with store_db.connect() as conn:
        rows = conn.execute("SELECT name, pin_hash, updated_by FROM operators").fetchall()
    assert all(h.startswith("scrypt$16384$8$1$") for _n, h, _b in rows)
    assert {by for *_x, by in rows} <= {"a", "b"}
    with store_db.connect() as conn, pytest.raises(Exception, match="check"):
        conn.execute(
            "INSERT INTO operators (name, role, pin_hash) VALUES ('Lee', 'cashier', '97531')"
        )  # a PIN where the hash belongs is refused by the store itself
    a.close()
    b.close()
    _no_pin_in(
        repr(rows).encode(),
        store_db.server.log.read_bytes(),
        *(p.read_bytes() for p in tmp_path.glob("*-operators.sqlite3*")),
    )


def test_a_till_signs_in_from_its_copy_while_the_store_is_down_and_catches_up(store_db, tmp_path):
    target = {"dsn": store_db.till_dsn}
    till = _till(store_db, tmp_path, "a", target)
    till.add("Mei", MANAGER, BOSS_PIN)
    till.add("Ana", CASHIER, CLERK_PIN)
    other = _till(store_db, tmp_path, "b")
    assert not till.offline
    target["dsn"] = f"host=127.0.0.1 port={free_port()} dbname=nowhere user=nobody"  # down
    assert till.verify("Ana", CLERK_PIN).name == "Ana"  # from the copy
    assert till.offline and "cannot reach the store" in till.problem
    with pytest.raises(OperatorError) as info:
        till.verify_manager("Ana", CLERK_PIN)
    assert info.value.code == "not_manager"
    for _ in range(2):
        with pytest.raises(OperatorError) as info:
            till.verify("Ana", "11112")
        assert info.value.code == "wrong_pin"
    with pytest.raises(OperatorError) as info:
        till.add("Lee", CASHIER, "739164")
    assert info.value.code == "store_down" and "cannot be reached" in str(info.value)
    assert [o.name for o in till.list()] == ["Ana", "Mei"]  # the copy
    # meanwhile another till adds someone and types a wrong PIN for Ana twice
    other.add("Lee", CASHIER, "60517")
    for _ in range(2):
        with pytest.raises(OperatorError):
            other.verify("Ana", "11112")
    # back: the two wrong PINs typed offline are added to the store's count, Lee is known
    target["dsn"] = store_db.till_dsn
    till.refresh()
    assert not till.offline and till.local.offline_failures() == {}
    assert store_db.scalar("SELECT failures FROM operators WHERE name = 'Ana'") == 4
    assert till.local.get("Lee") is not None and till.local.get("Ana").failures == 4
    with pytest.raises(OperatorError) as info:
        other.verify("Ana", "11112")
    assert info.value.code == "locked_now"  # the fifth, wherever it was typed
    # down again; the till's store link, once the store answers, refreshes the copy at its
    # heartbeat without anyone signing in (a manager unlocked Ana at the other till)
    target["dsn"] = f"host=127.0.0.1 port={free_port()} dbname=nowhere user=nobody"
    till.list()
    assert till.offline
    other.unlock("Ana")
    target["dsn"] = store_db.till_dsn
    with Journal(tmp_path / "journal.sqlite3") as journal:
        Outbox(journal).link("a")
        link = Replicator(
            journal, lambda: connect(target["dsn"], timeout=1), "a", on_contact=till.refresh
        )
        link.beat()
        link.stop()
    assert not till.offline and till.local.get("Ana").failures == 0
    till.close()
    other.close()


def _at(monkeypatch, tmp_path, till: str) -> None:
    """Make ``till`` (a folder of its own) the installation the next command runs on."""
    monkeypatch.setenv("CASHIER_CONFIG_DIR", str(tmp_path / till / "config"))
    monkeypatch.setenv("CASHIER_DATA_DIR", str(tmp_path / till / "data"))


def _cli(monkeypatch, capsys, *argv, pin=None, new_pin=None):
    for env, value in (("CASHIER_PIN", pin), ("CASHIER_NEW_PIN", new_pin)):
        if value is None:
            monkeypatch.delenv(env, raising=False)
        else:
            monkeypatch.setenv(env, value)
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cashier_operator_acts_on_the_stores_accounts_and_the_report_names_them(
    store_db, tmp_path, monkeypatch, capsys, memory_keyring
):
    # till A had operators of its own before it joined: they go to the store
    _at(monkeypatch, tmp_path, "a")
    code, _, err = _cli(
        monkeypatch, capsys, "operator", "add", "Mei", "--role", "manager", new_pin=BOSS_PIN
    )
    assert code == 0, err
    code, out, err = _cli(monkeypatch, capsys, "store", "join", "--dsn", store_db.till_dsn,
                          "--till-id", "till-a")  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["operators"] == {"added": ["Mei"], "store_had": []}
    # till B joins: it learns the store's accounts at once (its copy), adds a cashier there
    _at(monkeypatch, tmp_path, "b")
    code, out, err = _cli(monkeypatch, capsys, "store", "join", "--dsn", store_db.till_dsn,
                          "--till-id", "till-b")  # fmt: skip
    assert code == 0, err
    code, _, err = _cli(monkeypatch, capsys, "operator", "add", "Ana", "--operator", "Mei",
                        pin=BOSS_PIN, new_pin=CLERK_PIN)  # fmt: skip
    assert code == 0, err
    # till A: Ana (added at B) is listed and takes a sale; the journal names her
    _at(monkeypatch, tmp_path, "a")
    code, out, _ = _cli(monkeypatch, capsys, "operator", "list", "--json")
    assert [(o["name"], o["role"]) for o in json.loads(out)] == [
        ("Ana", CASHIER),
        ("Mei", MANAGER),
    ]
    code, out, err = _cli(monkeypatch, capsys, "pay", "--amount", "12.00", "--currency", "HKD",
                          "--method", "ALIPAY_HK", "--simulate", "approve", "--json",
                          "--operator", "Ana", pin=CLERK_PIN)  # fmt: skip
    assert code == 0, err
    prid = json.loads(out)["payment_request_id"]
    journal = sqlite3.connect(tmp_path / "a" / "data" / "journal.sqlite3")
    operators = {r[0] for r in journal.execute(
        "SELECT operator FROM events WHERE payment_request_id = ?", (prid,))}  # fmt: skip
    journal.close()
    assert operators == {"Ana"}
    code, out, err = _cli(monkeypatch, capsys, "store", "sync")
    assert code == 0, err
    code, out, err = _cli(monkeypatch, capsys, "store", "report", "--json")
    assert code == 0, err
    by_operator = json.loads(out)["by_operator"]
    assert [(o["operator"], o["sales"]) for o in by_operator] == [("Ana", "12.00")]
    # the store cannot be reached: sign-in from the copy, changes refused, said so
    link = tmp_path / "a" / "config" / "store.json"
    saved = link.read_text()
    doc = json.loads(saved)
    doc["dsn"] = doc["dsn"].replace(f"port={store_db.server.port}", f"port={free_port()}")
    link.write_text(json.dumps(doc))
    code, out, err = _cli(monkeypatch, capsys, "operator", "list", "--json")
    assert code == 0 and len(json.loads(out)) == 2 and "cannot be reached" in err
    code, _, err = _cli(monkeypatch, capsys, "--lang", "zh_CN", "operator", "list")
    assert code == 0 and err.startswith(
        "门店服务器无法连接，以下是本收银台保存的门店操作员副本（无法连接门店服务器 "
    ), err
    assert "cannot" not in err
    code, _, err = _cli(monkeypatch, capsys, "operator", "add", "Lee", "--operator", "Mei",
                        pin=BOSS_PIN, new_pin="60517")  # fmt: skip
    assert code == 2 and "store server cannot be reached" in err
    link.write_text(saved)
    _no_pin_in(
        out.encode(),
        err.encode(),
        *(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()),
        *(p.read_bytes() for p in _log_files()),
        store_db.server.log.read_bytes(),
    )


def _log_files() -> list[Path]:
    files = [p for p in Path(os.environ["CASHIER_LOG_DIR"]).rglob("*") if p.is_file()]
    assert files, "the commands above write a log: it is read too"
    return files
