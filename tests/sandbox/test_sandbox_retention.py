"""The sandbox forgets settled payments past its retention window (issue 16 item 5: a
sandbox that runs for days, or a soak, does not keep every payment it ever took), and until
then answers for them exactly as the gateway does."""

from __future__ import annotations

from datetime import timedelta

from sandbox_support import pay_body, wait_for
from test_sandbox_refunds import refund

from cashier_app.sandbox import store as st


def _inquire(client, request_id):
    return client.post("inquiryPayment", {"paymentRequestId": request_id}).json


def test_settled_payments_past_the_window_are_forgotten_recent_and_open_ones_kept(
    sandbox, client, clock
):
    store = sandbox.store
    assert store.retention == timedelta(days=30)  # the default, as the state file keeps them
    store.retention = timedelta(hours=1)
    evicted: list[list[str]] = []
    store.on_evicted = lambda gone: evicted.append([p.payment_request_id for p in gone])

    old = client.post("pay", pay_body("old")).json["paymentId"]
    sandbox.approve(old)
    refunding = client.post("pay", pay_body("refunding")).json["paymentId"]
    sandbox.approve(refunding)
    sandbox.async_refunds, sandbox.refund_settle_seconds = True, 10 * 86400
    answer = refund(client, "r-refunding", refunding, "100")
    assert answer["result"]["resultCode"] == "REFUND_IN_PROCESS"
    pending = client.post("pay", pay_body("pending")).json["paymentId"]
    sandbox.pend(pending)  # paid by the customer, result still to come: never final yet
    clock.advance(50 * 60)
    recent = client.post("pay", pay_body("recent")).json["paymentId"]
    sandbox.approve(recent)
    recent_answer = _inquire(client, "recent")
    assert recent_answer["paymentStatus"] == "SUCCESS"

    clock.advance(11 * 60)  # "old" settled 61 minutes ago, "recent" 11 minutes ago
    assert [p.payment_request_id for p in store.evict_settled(clock())] == ["old"]
    assert evicted == [["old"]]
    # forgotten: the gateway no longer knows it (as after a restart past the state file's
    # retention); every other payment is answered exactly as before
    gone = _inquire(client, "old")
    assert gone["result"]["resultCode"] == "ORDER_NOT_EXIST", gone
    assert _inquire(client, "recent") == recent_answer
    assert _inquire(client, "pending")["paymentStatus"] == "PENDING"
    assert _inquire(client, "refunding")["paymentStatus"] == "SUCCESS"
    settling = client.post("inquiryRefund", {"refundRequestId": "r-refunding"}).json
    assert settling["refundStatus"] == "PROCESSING", settling
    assert {p.payment_request_id for p in store.payments()} == {"refunding", "pending", "recent"}


def test_the_gateways_own_loop_evicts(sandbox, client, clock):
    sandbox.store.retention = timedelta(minutes=5)
    pid = client.post("pay", pay_body("loop")).json["paymentId"]
    sandbox.approve(pid)
    clock.advance(6 * 60)
    assert wait_for(lambda: sandbox.store.find_payment(None, payment_id=pid) is None, 5)


def test_a_request_fingerprint_is_a_digest_and_old_state_files_still_match(tmp_path):
    """The idempotency fingerprint of every payment is kept for its whole life: a SHA-256
    digest of the request's content, not the whole request (half a kilobyte a payment)."""
    from cashier_app.sandbox import api, persist

    body = pay_body("fp")
    digest = api.fingerprint(body)
    assert digest.startswith("sha256:") and len(digest) == len("sha256:") + 64
    assert api.fingerprint(dict(reversed(body.items()))) == digest  # key order is not content
    # a state file written before kept the canonical JSON itself: it is read as its digest
    assert persist.normalise_fingerprint(api.canonical(body)) == digest
    assert persist.normalise_fingerprint(digest) == digest
    assert st.Store().retention == timedelta(days=persist.RETENTION_DAYS)


def test_the_state_files_page_cache_is_bounded(tmp_path, clock):
    from cashier_app.sandbox import persist

    state = persist.StateFile(tmp_path / "state.sqlite3")
    try:
        state.load(clock())
        assert state._connect().execute("PRAGMA cache_size").fetchone()[0] == -persist.CACHE_KIB
    finally:
        state.close()
