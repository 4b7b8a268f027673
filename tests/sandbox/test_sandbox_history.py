"""A restarted sandbox reads only its open payments (the [qa-demo]/[speed] closing note's
left-over: every start reloaded every payment of the 30-day retention, so thousands of
``cashier pay`` slowly added up), and still answers for a settled one as before: a repeated
pay with its paymentRequestId, its inquiry, a refund of it, the inquiry of an old refund by
either id, an asynchronous refund settled after the restart. A version-1 state file is
upgraded once."""

from __future__ import annotations

import sqlite3

from sandbox_support import pay_body
from test_sandbox_persist import _client, _gateway
from test_sandbox_refunds import refund

from cashier_app.sandbox import persist


def _restart_reads(monkeypatch, state, merchant_key, clock):
    """A gateway started on ``state`` and how many payment records its start parsed."""
    parsed = []
    real = persist.payment_from_dict
    monkeypatch.setattr(persist, "payment_from_dict", lambda d: parsed.append(1) or real(d))
    gw = _gateway(state, merchant_key, clock).start()
    return gw, len(parsed)


def test_a_start_reads_the_open_payments_only_and_answers_for_the_settled_ones(
    tmp_path, monkeypatch, merchant_key, clock
):
    state = tmp_path / "state.sqlite3"
    with _gateway(state, merchant_key, clock) as gw:
        c = _client(gw, merchant_key)
        paid = [c.post("pay", pay_body(f"old-{n}")).json["paymentId"] for n in range(40)]
        for pid in paid:
            gw.approve(pid)
        first = refund(c, "r-old", paid[0], "230")
        gw.async_refunds, gw.refund_settle_seconds = True, 3600
        slow = refund(c, "r-slow", paid[1], "100")  # in process: open until it settles
        assert slow["result"]["resultCode"] == "REFUND_IN_PROCESS"
        waiting = c.post("pay", pay_body("waiting")).json["paymentId"]
    clock.advance(86400)
    gw, parsed = _restart_reads(monkeypatch, state, merchant_key, clock)
    with gw:
        assert parsed == 2  # the waiting payment and the one with a refund in process
        assert set(gw.store._payments) == {waiting, paid[1]}
        c = _client(gw, merchant_key)
        replay = c.post("pay", pay_body("old-7")).json  # idempotent after a restart
        assert (replay["result"]["resultStatus"], replay["paymentId"]) == ("S", paid[7])
        other = c.post("pay", pay_body("old-8", value="999")).json
        assert other["result"]["resultCode"] == "REPEAT_REQ_INCONSISTENT"
        assert c.post("inquiryPayment", {"paymentId": paid[9]}).json["paymentStatus"] == "SUCCESS"
        again = refund(c, "r-old", paid[0], "230")  # the same refund, not a second one
        assert again["refundId"] == first["refundId"]
        by_id = c.post("inquiryRefund", {"refundId": first["refundId"]}).json
        assert by_id["refundStatus"] == "SUCCESS"
        gw.async_refunds = False
        more = refund(c, "r-more", paid[0], "1001")
        assert more["result"]["resultCode"] == "REFUND_AMOUNT_EXCEED"  # 230 of 1230 refunded
        assert refund(c, "r-new", paid[20], "1230")["result"]["resultStatus"] == "S"
        settled = gw.store.settle_refund(slow["refundId"], gw.now())
        assert settled.status == "SUCCESS"
        assert len(gw.store.payments()) == 41  # every one still kept, in the file
    assert len(persist.StateFile(state).all()) == 41


def test_a_version_1_state_file_is_upgraded_once(tmp_path, monkeypatch, merchant_key, clock):
    state = tmp_path / "state.sqlite3"
    with _gateway(state, merchant_key, clock) as gw:
        c = _client(gw, merchant_key)
        paid = c.post("pay", pay_body("v1-paid")).json["paymentId"]
        gw.approve(paid)
        old = refund(c, "r-v1", paid, "230")
        waiting = c.post("pay", pay_body("v1-waiting")).json["paymentId"]
    db = sqlite3.connect(state, isolation_level=None)  # as a version-1 cashier wrote it
    db.execute("DROP TABLE refunds")
    db.execute("DROP INDEX payments_settled")
    db.execute("ALTER TABLE payments DROP COLUMN settled")
    db.execute("PRAGMA user_version = 1")
    db.close()
    with _gateway(state, merchant_key, clock) as gw:
        assert set(gw.store._payments) == {waiting}
        c = _client(gw, merchant_key)
        answer = c.post("inquiryRefund", {"refundRequestId": "r-v1"}).json
        assert answer["refundId"] == old["refundId"]
    db = sqlite3.connect(state)
    assert db.execute("PRAGMA user_version").fetchone()[0] == persist.SCHEMA_VERSION
    assert db.execute("SELECT count(*) FROM refunds").fetchone()[0] == 1
    db.close()
    gw, parsed = _restart_reads(monkeypatch, state, merchant_key, clock)
    with gw:
        assert parsed == 1
