"""Issue 10 item 6: honest messages when the disk fills (and item 10's read-only journal).

The journal lives on a tiny tmpfs, filled up to leave a few KiB to a few hundred KiB free,
and ``cashier pay`` runs against the standalone sandbox. Whatever the point at which the
disk runs out, the till says what is true: "no payment taken" only when the gateway never
saw the payment, "the payment may have been taken; run cashier recover" otherwise, never a
traceback. Once space is freed, recovery brings till and gateway into agreement.
"""

from __future__ import annotations

import json
import subprocess

import pytest
from tiny_disk import fill, tiny_tmpfs

from cashier_app.cli import main
from cashier_app.journal import Journal

SIZE_KIB = 640
FREE_KIB = [8, 40, 72, 104, 136, 168, 200, 232, 400]


@pytest.fixture
def tiny_disk(tmp_path, monkeypatch):
    with tiny_tmpfs(tmp_path / "tiny", SIZE_KIB) as mount:
        monkeypatch.setenv("CASHIER_DATA_DIR", str(mount / "data"))
        yield mount


def test_pay_on_a_filling_disk_says_what_is_true(tiny_disk, gateway, capsys):
    seen_before = 0
    for free in FREE_KIB:
        data = tiny_disk / "data"
        for name in ("journal.sqlite3", "journal.sqlite3-wal", "journal.sqlite3-shm"):
            (data / name).unlink(missing_ok=True)
        filler = fill(tiny_disk, free)
        code = main(
            [
                "pay",
                "--amount",
                "1.23",
                "--currency",
                "HKD",
                "--method",
                "ALIPAY_HK",
                "--simulate",
                "approve",
                "--json",
                *gateway.options,
            ]
        )
        captured = capsys.readouterr()
        reached = len(gateway.payments()) > seen_before
        seen_before = len(gateway.payments())
        assert "Traceback" not in captured.err, (free, captured.err)
        if code == 0:
            assert json.loads(captured.out)["status"] == "SUCCESS"
        else:
            assert code == 1, (free, code, captured.err)
            if reached:
                assert "no payment taken" not in captured.err, (free, captured.err)
                assert "may have been taken" in captured.err
                assert "cashier recover" in captured.err
        filler.unlink()
        # With room again, recovery makes the till agree with the gateway.
        assert main(["recover", "--json", *gateway.options]) == 0, capsys.readouterr()
        capsys.readouterr()
        with Journal(data / "journal.sqlite3") as journal:
            rows = {r.payment_request_id: r.status.value for r in journal.list_payments(limit=None)}
        at_gateway = {p.payment_request_id: p.status for p in gateway.payments()}
        for prid, status in rows.items():
            expected = {
                "SUCCESS": "SUCCESS",
                "CANCELLED": "CANCELLED",
                "FAILED": "FAIL",
                "EXPIRED": "FAIL",
            }[status]
            if prid in at_gateway:
                assert at_gateway[prid] == expected, (free, prid, status)
            else:
                assert status == "FAILED", (free, prid, status)


def test_a_read_only_journal_is_read_by_history_and_named(tiny_disk, gateway, capsys):
    assert (
        main(
            [
                "pay",
                "--amount",
                "1.23",
                "--currency",
                "HKD",
                "--method",
                "ALIPAY_HK",
                "--simulate",
                "approve",
                "--json",
                *gateway.options,
            ]
        )
        == 0
    )
    paid = json.loads(capsys.readouterr().out)
    remount = subprocess.run(
        ["mount", "-o", "remount,ro", str(tiny_disk)], capture_output=True, text=True, check=False
    )
    if remount.returncode != 0:
        pytest.skip(f"cannot remount read-only: {remount.stderr.strip()}")
    assert main(["history", "--json"]) == 0
    captured = capsys.readouterr()
    assert [r["payment_request_id"] for r in json.loads(captured.out)] == [
        paid["payment_request_id"]
    ]
    assert "cannot be written (its file system is mounted read-only)" in captured.err
    # A sale is refused with the journal named for what it is, and nothing is sent.
    before = len(gateway.payments())
    assert (
        main(
            ["pay", "--amount", "1", "--currency", "HKD", "--method", "ALIPAY_HK", *gateway.options]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert "read-only" in err and "no payment taken" in err, err
    assert "missing folder" not in err
    assert len(gateway.payments()) == before
