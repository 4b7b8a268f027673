"""Three tills as three processes on one store: the server stops in the middle of their
replication and starts again, one till is cut off and catches up later; the store ends
up with every change once, and its end of day is the sum of the tills' journals."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cashier_app.journal import Journal
from cashier_app.reports.eod import compute_report
from cashier_app.store.connect import connect
from cashier_app.store.reader import StoreReader

TILL = Path(__file__).with_name("till_process.py")
ROOT = Path(__file__).resolve().parents[2]  #: this checkout, first on the tills' sys.path
TILLS = ("till-1", "till-2", "till-3")


def till_env(base: Path, till: str, **extra: str) -> dict[str, str]:
    home = base / till
    (home / "config").mkdir(parents=True, exist_ok=True)
    passphrase = home / "passphrase"
    passphrase.write_text("till passphrase for tests\n")
    return {
        **os.environ,
        "CASHIER_CONFIG_DIR": str(home / "config"),
        "CASHIER_DATA_DIR": str(home / "data"),
        "CASHIER_LOG_DIR": str(home / "logs"),
        # no OS keyring here: the DSN's password goes to the encrypted key file
        "CASHIER_KEYSTORE": "file",
        "CASHIER_KEYSTORE_PASSPHRASE_FILE": str(passphrase),
        "PYTHONPATH": str(ROOT),
        **extra,
    }


def cashier(env: dict[str, str], *args: str, timeout: float = 120) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "cashier_app", *args],
        env=env, capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def store_count(store_db, till: str | None = None) -> int:
    sql = "SELECT COUNT(*) FROM payments" + (" WHERE till_id = %s" if till else "")
    with connect(store_db.owner_dsn) as conn:
        return int(conn.execute(sql, (till,) if till else ()).fetchone()[0])


@pytest.mark.slow
def test_three_till_processes_a_server_restart_and_a_till_cut_off(tmp_path, store_db, pg_server):
    roles = {}
    for till in TILLS:  # a role per till, so that one can be cut off
        role = f"{store_db.name}_{till.replace('-', '_')}"
        pg_server.psql(
            f"CREATE ROLE {role} LOGIN PASSWORD 'pw-{till}' IN ROLE {store_db.name}_till"
        )
        roles[till] = role
    envs = {}
    for till in TILLS:
        envs[till] = till_env(tmp_path, till, TILL_DRAIN="90" if till != "till-3" else "3")
        dsn = pg_server.dsn(store_db.name, roles[till], f"pw-{till}")
        assert (
            cashier(envs[till], "store", "join", "--dsn", dsn, "--till-id", till)["till_id"] == till
        )
    pg_server.psql(f"ALTER ROLE {roles['till-3']} NOLOGIN")  # till-3 is cut off
    procs = {
        till: subprocess.Popen(
            [sys.executable, str(TILL), "10", "0.25"],
            env=envs[till],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for till in TILLS
    }
    try:
        # the server goes away in the middle of the tills' replication, then comes back
        wait_for(lambda: store_count(store_db) >= 3, 120, "the first replicated sales")
        pg_server.stop()
        time.sleep(1.5)  # sales go on meanwhile (the tills never wait on the store)
        pg_server.start()
        results = {}
        for till, proc in procs.items():
            out, err = proc.communicate(timeout=240)
            assert proc.returncode == 0, err
            results[till] = json.loads(out.strip().splitlines()[-1])
    finally:
        for proc in procs.values():
            if proc.poll() is None:
                proc.kill()
    assert results["till-1"]["left"] == 0 and results["till-2"]["left"] == 0
    # the stop hit them mid-replication: they lost the server, and caught up by themselves
    assert results["till-1"]["failures"] + results["till-2"]["failures"] > 0
    assert results["till-1"]["error"] == results["till-2"]["error"] == ""
    assert results["till-3"]["left"] > 0 and store_count(store_db, "till-3") == 0
    # till-3 comes back: its outbox catches up with one sync
    pg_server.psql(f"ALTER ROLE {roles['till-3']} LOGIN")
    assert cashier(envs["till-3"], "store", "sync")["left"] == 0
    # nothing lost, nothing doubled: every till's journal is in the store, once
    day = datetime.now(UTC).date()
    reader = StoreReader(lambda: connect(store_db.owner_dsn))
    store_day = reader.end_of_day(day)
    by_till = {t.group: t for t in store_day.by_till if t.currency == "HKD"}
    for till in TILLS:
        with Journal(Path(envs[till]["CASHIER_DATA_DIR"]) / "journal.sqlite3") as journal:
            mine = journal.list_payments(limit=None)
            assert {p.payment_request_id for p in mine} == set(results[till]["sold"])
            theirs = {
                s.record.payment_request_id: s.record
                for s in reader.history(till_id=till, limit=1000)
            }
            assert theirs == {p.payment_request_id: p for p in mine}
            assert store_count(store_db, till) == len(mine)
            report = compute_report(journal, day, UTC)
            hkd = next(t for t in report.currency_totals if t.currency == "HKD")
            line = by_till[till]
            assert (line.sales_minor, line.refunds_minor, line.open_count) == (
                hkd.sales_minor,
                hkd.refunds_minor,
                hkd.open_count,
            )
            assert line.refunds_count > 0
            events = sum(len(journal.events(p.payment_request_id)) for p in mine)
        with connect(store_db.owner_dsn) as conn:
            stored = conn.execute(
                "SELECT COUNT(*) FROM events WHERE till_id = %s", (till,)
            ).fetchone()[0]
        assert stored == events
    total = {t.currency: t.net_minor for t in store_day.totals}
    assert total["HKD"] == sum(t.net_minor for t in by_till.values())
