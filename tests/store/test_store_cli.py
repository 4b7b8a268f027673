"""``cashier store init|join|status|report|sync`` against the real server."""

from __future__ import annotations

import json
from datetime import UTC

from pg_server import TILL_PASSWORD
from test_store_replication import DAY, day_sum, sell

from cashier_app.cli import main, text
from cashier_app.journal import Journal
from cashier_app.reports.eod import compute_report
from cashier_app.store.connect import StoreLink, split_password
from cashier_app.support import paths


def run(capsys, *argv: str) -> tuple[int, dict | str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    try:
        return code, json.loads(out), err
    except ValueError:
        return code, out, err


def test_init_is_versioned_and_idempotent(capsys, pg_server):
    owner, _till = pg_server.create_store("cli_init")
    code, doc, _ = run(capsys, "store", "init", "--dsn", owner, "--timezone", "Asia/Hong_Kong")
    assert code == 0 and doc["result"] == "created" and doc["timezone"] == "Asia/Hong_Kong"
    code, doc, _ = run(capsys, "store", "init", "--dsn", owner)
    assert code == 0 and doc["result"] == "up to date" and doc["was"] == doc["schema"]
    assert doc["timezone"] == "Asia/Hong_Kong"  # not this machine's zone: the store's stays
    code, _, err = run(capsys, "store", "init", "--dsn", owner, "--timezone", "Mars/Olympus")
    assert code == 2 and "Mars/Olympus" in err


def test_join_keeps_the_password_in_the_key_store_only(capsys, store_db, memory_keyring):
    code, doc, err = run(
        capsys, "store", "join", "--dsn", store_db.till_dsn, "--till-id", "front-1"
    )
    assert code == 0, err
    assert doc["till_id"] == "front-1" and doc["password_in_keystore"] is True
    link_text = StoreLink.load().dsn + (paths.config_dir() / "store.json").read_text()
    assert TILL_PASSWORD not in link_text
    assert TILL_PASSWORD in memory_keyring.values.values()
    for path in paths.data_dir().rglob("*"):
        if path.is_file():
            assert TILL_PASSWORD.encode() not in path.read_bytes(), path
    # a sale journaled after joining, pushed by `store sync`, shows in status and report
    with Journal(paths.journal_path()) as journal:
        for n in range(6):
            sell(journal, "front-1", n, operator="ann")
        expected = day_sum(compute_report(journal, DAY, UTC))
    code, doc, err = run(capsys, "store", "sync")
    assert code == 0 and doc["left"] == 0, err
    code, doc, _ = run(capsys, "store", "status", "--json")
    (till,) = doc["tills"]
    assert till["till_id"] == "front-1" and till["payments"] == 6
    assert till["last_contact"] and till["replication_lag_ms"] is not None
    code, doc, _ = run(capsys, "store", "report", "--date", DAY.isoformat(), "--json")
    assert code == 0 and doc["date"] == DAY.isoformat()
    (total,) = doc["totals"]
    assert total["net"] == f"{expected[2] / 100:.2f}"
    assert {line["operator"] for line in doc["by_operator"]} == {"ann"}
    assert [line["till_id"] for line in doc["by_till"]] == ["front-1"]
    # the same, as a zh_CN operator reads it: the GUI's terms, columns by display width
    code, shown, _ = run(capsys, "--lang", "zh_CN", "store", "status")
    head, row = shown.splitlines()[1:3]
    assert head.split() == [
        "收银台",
        "最后联系",
        "距今（秒）",
        "延迟（毫秒）",
        "待同步",
        "支付笔数",
    ]
    assert row.startswith("front-1") and text.width(head) == text.width(row)
    code, shown, _ = run(capsys, "--lang", "zh_CN", "store", "report", "--date", DAY.isoformat())
    assert code == 0 and shown.startswith(f"全店日结 {DAY.isoformat()}（")
    assert "\n按钱包\n" in shown and "\n按收银台\n  front-1 " in shown and "  ann " in shown
    assert "sales" not in shown and "交易" in shown and "净额" in shown
    # joining again keeps the id; another id is refused (its sales carry the first)
    code, doc, _ = run(capsys, "store", "join", "--dsn", store_db.till_dsn)
    assert code == 0 and doc["till_id"] == "front-1"
    code, _, err = run(capsys, "store", "join", "--dsn", store_db.till_dsn, "--till-id", "other")
    assert code == 2 and "front-1" in err


def test_join_refuses_a_database_that_is_not_a_store(capsys, pg_server, memory_keyring):
    _owner, till = pg_server.create_store("cli_empty")
    code, _, err = run(capsys, "store", "join", "--dsn", till)
    assert code == 1 and "store init" in err and TILL_PASSWORD not in err
    assert not (paths.config_dir() / "store.json").exists()


def test_a_bad_dsn_or_a_wrong_password_is_named_without_the_password(
    capsys, store_db, memory_keyring
):
    code, _, err = run(capsys, "store", "join", "--dsn", "host=127.0.0.1 port=notaport = =")
    assert code == 2 and "--dsn" in err
    wrong = store_db.till_dsn.replace(TILL_PASSWORD, "not-the-pw")
    code, _, err = run(capsys, "store", "join", "--dsn", wrong)
    assert code == 1 and "cannot reach the store" in err and "not-the-pw" not in err
    assert split_password(wrong)[1] == "not-the-pw"


def test_status_before_joining_says_how_to_join(capsys):
    code, _, err = run(capsys, "store", "status")
    assert code == 1 and "store join" in err


def test_join_takes_the_password_from_pgpassword(capsys, store_db, memory_keyring, monkeypatch):
    bare, password = split_password(store_db.till_dsn)
    monkeypatch.setenv("PGPASSWORD", password)
    code, doc, err = run(capsys, "store", "join", "--dsn", bare, "--till-id", "side-2")
    assert code == 0 and doc["password_in_keystore"] is True, err
    monkeypatch.delenv("PGPASSWORD")
    assert StoreLink.load().password(_keys()) == TILL_PASSWORD
    code, doc, err = run(capsys, "store", "status", "--json")  # from the key store alone
    assert code == 0 and [t["till_id"] for t in doc["tills"]] == ["side-2"], err


def _keys():
    from cashier_app.keystore.store import KeyStore

    return KeyStore.open()
