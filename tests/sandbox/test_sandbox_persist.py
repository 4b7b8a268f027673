"""Durable sandbox state: a restarted SandboxGateway (new key, new port) answers as before."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sandbox_support import CLIENT_ID, Clock, RawClient, pay_body, wait_for

from cashier_app.gateway.signing import (
    Signer,
    Verifier,
    generate_private_key,
    load_public_key,
    private_key_pkcs8_base64,
    public_key_base64,
    public_key_pem,
)
from cashier_app.sandbox import SandboxError, SandboxGateway, persist
from cashier_app.sandbox import store as st

ROOT = Path(__file__).resolve().parents[2]


def _gateway(path: Path, merchant_key, clock: Clock, **kw) -> SandboxGateway:
    """A fresh gateway (its own new gateway key, as the embedded one has per process)."""
    gw = SandboxGateway(
        gateway_private_key=generate_private_key(),
        clock=clock,
        state_path=path,
        notify_delays=(0, 0.05),
        notify_timeout=1,
        **kw,
    )
    gw.register_merchant(CLIENT_ID, public_key_base64(merchant_key.public_key()))
    return gw


def _client(gw: SandboxGateway, merchant_key) -> RawClient:
    return RawClient(gw.url, CLIENT_ID, Signer(merchant_key), Verifier(gw.gateway_public_key))


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "sandbox-state.sqlite3"


def test_state_survives_restart_with_a_new_gateway_key(state, merchant_key, clock):
    with _gateway(state, merchant_key, clock) as gw1:
        c1 = _client(gw1, merchant_key)
        paid = c1.post("pay", pay_body("paid-1")).json
        pending = c1.post("pay", pay_body("open-1", value="500")).json
        gw1.approve(paid["paymentId"])
        refund = c1.post(
            "refund",
            {
                "refundRequestId": "rf-1",
                "paymentId": paid["paymentId"],
                "refundAmount": {"currency": "HKD", "value": "230"},
            },
        ).json
        assert refund["result"]["resultStatus"] == "S"
        old_key = gw1.gateway_public_key_base64

    with _gateway(state, merchant_key, clock) as gw2:
        assert gw2.gateway_public_key_base64 != old_key
        c2 = _client(gw2, merchant_key)
        got = c2.post("inquiryPayment", {"paymentRequestId": "paid-1"})
        assert got.verified, got.error  # signed with the NEW key
        assert got.json["paymentStatus"] == "SUCCESS"
        assert got.json["paymentId"] == paid["paymentId"]
        # pay replayed with the same content: same paymentId, final answer
        replay = c2.post("pay", pay_body("paid-1")).json
        assert (replay["result"]["resultStatus"], replay["paymentId"]) == ("S", paid["paymentId"])
        # different content under the same id is still refused
        other = c2.post("pay", pay_body("paid-1", value="999")).json
        assert other["result"]["resultCode"] == "REPEAT_REQ_INCONSISTENT"
        # the refund is remembered: same refundId, the refundable amount is what is left
        again = c2.post(
            "refund",
            {
                "refundRequestId": "rf-1",
                "paymentId": paid["paymentId"],
                "refundAmount": {"currency": "HKD", "value": "230"},
            },
        ).json
        assert again["refundId"] == refund["refundId"]
        too_much = c2.post(
            "refund",
            {
                "refundRequestId": "rf-2",
                "paymentId": paid["paymentId"],
                "refundAmount": {"currency": "HKD", "value": "1001"},
            },
        ).json
        assert too_much["result"]["resultCode"] == "REFUND_AMOUNT_EXCEED"
        # the open payment answers U with the same id, on the new URL, and can be cancelled
        open_replay = c2.post("pay", pay_body("open-1", value="500")).json
        assert open_replay["result"]["resultStatus"] == "U"
        assert open_replay["paymentId"] == pending["paymentId"]
        assert open_replay["normalUrl"].startswith(gw2.url)
        cancelled = c2.post("cancel", {"paymentRequestId": "open-1"}).json
        assert cancelled["result"]["resultStatus"] == "S"
        new = c2.post("pay", pay_body("new-1")).json
        assert new["paymentId"] not in (paid["paymentId"], pending["paymentId"])

    with _gateway(state, merchant_key, clock) as gw3:
        assert gw3.payment(pending["paymentId"])["paymentStatus"] == "CANCELLED"
        assert len(gw3.store.payments()) == 3


def test_no_key_is_ever_written(state, merchant_key, gateway_key, clock):
    gw = SandboxGateway(gateway_private_key=gateway_key, clock=clock, state_path=state)
    gw.register_merchant(CLIENT_ID, public_key_base64(merchant_key.public_key()))
    with gw:
        pid = _client(gw, merchant_key).post("pay", pay_body()).json["paymentId"]
        gw.approve(pid)
    raw = b"".join(p.read_bytes() for p in state.parent.iterdir())
    for secret in (
        private_key_pkcs8_base64(gateway_key),
        private_key_pkcs8_base64(merchant_key),
        public_key_base64(merchant_key.public_key()),
    ):
        assert secret[40:100].encode() not in raw
    assert "merchant" not in repr(gw.store.state).lower()


def test_expiry_while_down_closes_on_load_and_notifies(state, merchant_key, clock):
    from sandbox_support import ACK, Receiver

    receiver = Receiver([(200, ACK)])
    try:
        with _gateway(state, merchant_key, clock) as gw1:
            body = pay_body("exp-1", paymentNotifyUrl=receiver.url + "/notify")
            pid = _client(gw1, merchant_key).post("pay", body).json["paymentId"]
            gw1.notifier.wait_idle(2)
        clock.advance(14 * 60 + 1)  # ALIPAY_HK's default expiry (14 min) passes while down
        with _gateway(state, merchant_key, clock) as gw2:
            p = gw2.store._payments[pid]
            assert (p.status, p.result_code) == (st.FAIL, st.EXPIRED_CODE)
            assert p.closed_at == p.expires
            got = _client(gw2, merchant_key).post("inquiryPayment", {"paymentId": pid}).json
            assert got["paymentResultCode"] == "ORDER_IS_CLOSED"
            assert wait_for(lambda: any(a.acked for a in gw2.notifier.attempts()), 5)
        # and the closure itself was written: a third start loads it already closed
        loaded = persist.StateFile(state).load(clock())
        assert [(x.payment_id, x.status) for x in loaded] == [(pid, st.FAIL)]
    finally:
        receiver.close()


def test_final_payments_past_retention_are_dropped_on_load(state, merchant_key, clock):
    with _gateway(state, merchant_key, clock) as gw:
        c = _client(gw, merchant_key)
        old = c.post("pay", pay_body("old")).json["paymentId"]
        gw.approve(old)
        clock.advance(31 * 86400)
        recent = c.post("pay", pay_body("recent")).json["paymentId"]
        gw.approve(recent)
    with _gateway(state, merchant_key, clock) as gw:
        assert {p.payment_id for p in gw.store.payments()} == {recent}
    count = sqlite3.connect(state).execute("SELECT count(*) FROM payments").fetchone()[0]
    assert count == 1


def _make_state(path: Path) -> None:
    # closed here: left to the garbage collector, its last close would checkpoint the WAL
    # into the file at some later moment, under the "untouched" checks below
    state = persist.StateFile(path)
    state.load(Clock()())
    state.close()


def _write(path: Path, *statements: str) -> None:
    """Run ``statements`` on the file and leave all of it in the main file: the WAL
    checkpointed and emptied before the close, so that no later checkpoint (the gateway's
    read-only close, the garbage collector's) can change the bytes the "untouched" checks
    compare."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            db.execute(statement)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        db.close()


def _corrupt(path: Path, how: str) -> None:
    if how == "garbage":
        path.write_bytes(b"this is not a database\x00" * 200)
    elif how == "newer":
        _make_state(path)
        _write(path, "PRAGMA user_version = 99")
    elif how == "foreign":
        _write(path, "CREATE TABLE payments (x)")
    elif how == "bad-record":
        _make_state(path)
        _write(
            path,
            "INSERT INTO payments (payment_id, client_id, payment_request_id, status, created, "
            "record) VALUES ('P1', 'C', 'R', 'PROCESSING', "
            "'2020-01-01T00:00:00+00:00', '{\"status\": \"WEIRD\"}')",
        )


BAD = [
    ("garbage", "not a readable SQLite database"),
    ("newer", "newer cashier"),
    ("foreign", "not a cashier sandbox state file"),
    ("bad-record", "payment P1"),
]


@pytest.mark.parametrize(("how", "words"), BAD, ids=[b[0] for b in BAD])
def test_bad_file_refused_by_default(state, merchant_key, clock, how, words):
    _corrupt(state, how)
    before = state.read_bytes()
    with pytest.raises(SandboxError) as info:
        _gateway(state, merchant_key, clock)
    assert str(state) in str(info.value) and words in str(info.value)
    assert "\n" not in str(info.value)
    assert state.read_bytes() == before  # untouched


@pytest.mark.parametrize(("how", "words"), BAD, ids=[b[0] for b in BAD])
def test_bad_file_moved_aside_when_asked(state, merchant_key, clock, caplog, how, words):
    _corrupt(state, how)
    before = state.read_bytes()
    with (
        caplog.at_level(logging.WARNING, logger="cashier_app.sandbox.gateway"),
        _gateway(state, merchant_key, clock, bad_state="move_aside") as gw,
    ):
        assert gw.moved_aside is not None and gw.moved_aside.name.startswith(
            f"{state.name}.corrupt-"
        )
        assert gw.moved_aside.read_bytes() == before
        assert not gw.store._payments
        _client(gw, merchant_key).post("pay", pay_body())
    assert words in caplog.text and str(gw.moved_aside) in caplog.text
    assert len(persist.StateFile(state).load(clock())) == 1  # a fresh, working file


def test_failed_write_is_kept_and_retried(state, merchant_key, clock, monkeypatch, caplog):
    with _gateway(state, merchant_key, clock) as gw:
        real_save = gw.store.state.save

        def broken(payments):
            raise sqlite3.OperationalError("disk I/O error")

        monkeypatch.setattr(gw.store.state, "save", broken)
        with caplog.at_level(logging.ERROR):
            reply = _client(gw, merchant_key).post("pay", pay_body())
        assert reply.json["result"]["resultStatus"] == "U"  # the sale goes on
        assert gw.store.unsaved == 1 and "disk I/O error" in caplog.text
        monkeypatch.setattr(gw.store.state, "save", real_save)
        assert wait_for(lambda: gw.store.unsaved == 0, 3)  # the background loop retried
    assert len(persist.StateFile(state).load(clock())) == 1


def test_round_trip_keeps_every_field(merchant_key, clock, state):
    with _gateway(state, merchant_key, clock) as gw:
        c = _client(gw, merchant_key)
        pid = c.post("pay", pay_body(paymentNotifyUrl="http://127.0.0.1:9/n")).json["paymentId"]
        gw.approve(pid)
        c.post(
            "refund",
            {
                "refundRequestId": "r",
                "paymentId": pid,
                "refundReason": "why",
                "refundAmount": {"currency": "HKD", "value": "100"},
            },
        )
        original = gw.store._payments[pid]
        restored = persist.payment_from_dict(
            json.loads(json.dumps(persist.payment_to_dict(original)))
        )
    assert restored == original


def test_cli_state_flag(tmp_path, merchant_key):
    key_file = tmp_path / "merchant.pem"
    key_file.write_text(public_key_pem(merchant_key.public_key()))
    state = tmp_path / "cli-state.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [
        sys.executable,
        "-m",
        "cashier_app",
        "sandbox",
        "--state",
        str(state),
        "--merchant",
        f"{CLIENT_ID}={key_file}",
    ]
    proc = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env
    )
    try:
        assert proc.stdout is not None
        ready = json.loads(proc.stdout.readline())
        assert ready["state"] == str(state)
        gw_verifier = Verifier(load_public_key(ready["gateway_public_key"]))
        c = RawClient(ready["url"], CLIENT_ID, Signer(merchant_key), gw_verifier)
        assert c.post("pay", pay_body("cli-1")).json["result"]["resultStatus"] == "U"
    finally:
        proc.terminate()
        proc.communicate(timeout=10)
    assert [p.payment_request_id for p in persist.StateFile(state).load(Clock()())] == ["cli-1"]

    state.write_bytes(b"garbage" * 100)
    bad = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, env=env, timeout=30)
    assert bad.returncode == 2 and bad.stdout == ""
    lines = bad.stderr.strip().splitlines()
    assert len(lines) == 1 and str(state) in lines[0], bad.stderr
    assert state.read_bytes() == b"garbage" * 100


def test_retention_must_be_positive(tmp_path):
    with pytest.raises(ValueError, match="retention_days"):
        persist.StateFile(tmp_path / "x", retention_days=0)


def test_expire_delta_is_exact(state, merchant_key, clock):
    """A payment that is not yet due when the sandbox comes back stays open."""
    with _gateway(state, merchant_key, clock) as gw:
        pid = _client(gw, merchant_key).post("pay", pay_body()).json["paymentId"]
    clock.advance(timedelta(seconds=599).total_seconds())
    with _gateway(state, merchant_key, clock) as gw:
        assert gw.store._payments[pid].status == st.PROCESSING
