"""Inquiries answered by the signing workers themselves (``sandbox/laneworker.py``), on
connections the fast lane hands them, from a replica of what an inquiry reads: what any
connection changes is seen at once on every other (read your writes), whoever answers;
anything off the plain inquiry path goes back to the lane and is answered as before."""

from __future__ import annotations

import dataclasses
import json
import socket
from datetime import UTC, datetime, timedelta

import pytest
from sandbox_support import (
    CLIENT_ID,
    RawClient,
    pay_body,
    raw_inquiry,
    read_signed_answers,
    wait_for,
)

from cashier_app.domain.money import Money
from cashier_app.gateway.signing import Signer, Verifier, generate_private_key, public_key_base64
from cashier_app.sandbox import SandboxGateway
from cashier_app.sandbox import store as st
from cashier_app.sandbox.control import SimulatorClient
from cashier_app.sandbox.fastlane import FastLaneServer
from cashier_app.sandbox.laneworker import ANSWERS_KEPT, KEPT_BODY, Replica
from cashier_app.sandbox.server import NotHeld


@pytest.fixture(scope="module")
def lane(gateway_key, merchant_key):
    gw = SandboxGateway(gateway_private_key=gateway_key, sign_workers=2)
    gw.register_merchant(CLIENT_ID, public_key_base64(merchant_key.public_key()))
    with gw:
        assert gw.sign_pool is not None and gw.sign_pool.wait_ready(60)
        yield gw


def _client(gw: SandboxGateway, merchant_key, gateway_key, *, key=None, version="1") -> RawClient:
    signer = Signer(key or merchant_key, key_version=version)
    return RawClient(gw.url, CLIENT_ID, signer, Verifier(gateway_key.public_key()), keep_alive=True)


def _server(gw: SandboxGateway) -> FastLaneServer:
    server = gw._server
    assert isinstance(server, FastLaneServer)
    return server


def _inquiry(client: RawClient, request_id: str) -> dict:
    reply = client.post("inquiryPayment", {"paymentRequestId": request_id})
    assert reply.status == 200 and reply.verified, reply.error
    return reply.json


@pytest.fixture
def pair(lane, merchant_key, gateway_key):
    """A connection a worker serves (only inquiries on it) and one the lane serves (it
    paid: a pay goes back to the lane, and the connection stays there)."""
    reader = _client(lane, merchant_key, gateway_key)
    writer = _client(lane, merchant_key, gateway_key)
    assert _inquiry(reader, "nothing-yet")["result"]["resultCode"] == "ORDER_NOT_EXIST"
    assert _server(lane).in_worker(reader.local_address)  # a worker's from its first request
    yield reader, writer
    reader.close()
    writer.close()
    lane.faults.clear()


def test_a_pay_cancel_and_refund_on_one_connection_are_seen_at_once_on_another(lane, pair):
    reader, writer = pair
    assert writer.post("pay", pay_body("rw-1", value="700")).verified
    assert not _server(lane).in_worker(writer.local_address)  # a pay: the lane's
    seen = _inquiry(reader, "rw-1")
    assert seen["paymentStatus"] == "PROCESSING" and seen["paymentAmount"]["value"] == "700"
    SimulatorClient(lane.url).approve(seen["paymentId"])  # the payer pays, in the wallet
    assert _inquiry(reader, "rw-1")["paymentStatus"] == "SUCCESS"
    refund = writer.post(
        "refund",
        {
            "refundRequestId": "rw-1-r",
            "paymentId": seen["paymentId"],
            "refundAmount": {"currency": "HKD", "value": "200"},
        },
    )
    assert refund.verified and refund.result["resultStatus"] == "S", refund.json
    [transaction] = _inquiry(reader, "rw-1")["transactions"]
    assert transaction["transactionRequestId"] == "rw-1-r"
    got = reader.post("inquiryRefund", {"refundRequestId": "rw-1-r"})
    assert got.verified and got.json["refundStatus"] == "SUCCESS"
    assert writer.post("pay", pay_body("rw-2", value="800")).verified
    assert _inquiry(reader, "rw-2")["paymentStatus"] == "PROCESSING"
    cancelled = writer.post("cancel", {"paymentRequestId": "rw-2"})
    assert cancelled.verified and cancelled.result["resultStatus"] == "S", cancelled.json
    assert _inquiry(reader, "rw-2")["paymentStatus"] == "CANCELLED"
    SimulatorClient(lane.url).expire(writer.post("pay", pay_body("rw-3")).json["paymentId"])
    assert _inquiry(reader, "rw-3")["paymentStatus"] == "FAIL"
    # every inquiry was the worker's: the reader never went back to the lane
    assert _server(lane).in_worker(reader.local_address)


def test_a_key_registered_later_and_a_refusal_are_answered_as_the_lane_would(
    lane, pair, merchant_key, gateway_key
):
    reader, _ = pair
    rotated = generate_private_key()
    lane.register_merchant(CLIENT_ID, public_key_base64(rotated.public_key()), key_version="7")
    new_key = _client(lane, merchant_key, gateway_key, key=rotated, version="7")
    try:
        assert _inquiry(new_key, "nothing")["result"]["resultCode"] == "ORDER_NOT_EXIST"
        assert _server(lane).in_worker(new_key.local_address)
    finally:
        new_key.close()
    stranger = _client(lane, merchant_key, gateway_key, key=generate_private_key())
    try:
        refused = stranger.post("inquiryPayment", {"paymentRequestId": "nothing"})
        assert refused.verified and refused.result["resultCode"] == "INVALID_SIGNATURE"
    finally:
        stranger.close()
    tampered = reader.post(
        "inquiryPayment", {"paymentRequestId": "a"}, sent_body=b'{"paymentRequestId":"b"}'
    )
    assert tampered.verified and tampered.result["resultCode"] == "INVALID_SIGNATURE"


def test_a_fault_planned_while_a_worker_holds_the_connection_strikes_on_its_next_request(
    lane, pair
):
    reader, writer = pair
    assert writer.post("pay", pay_body("rw-fault")).verified
    SimulatorClient(lane.url).add_fault("http_error", status=503, count=1)
    assert reader.post("inquiryPayment", {"paymentRequestId": "rw-fault"}).status == 503
    assert not _server(lane).in_worker(reader.local_address)  # back to the lane, for good
    assert _inquiry(reader, "rw-fault")["paymentStatus"] == "PROCESSING"


def test_pipelined_inquiries_on_a_workers_connection_are_answered_in_order(
    lane, pair, merchant_key, gateway_key
):
    _, writer = pair
    for i in range(3):
        assert writer.post("pay", pay_body(f"rw-order-{i}", value=str(300 + i))).verified
    signer, verifier = Signer(merchant_key), Verifier(gateway_key.public_key())
    bodies = [json.dumps({"paymentRequestId": f"rw-order-{i}"}).encode() for i in range(3)]
    with socket.create_connection(lane.url.removeprefix("http://").split(":")) as sock:
        sock.sendall(raw_inquiry(signer, bodies[0]))
        answers = read_signed_answers(sock, 1, verifier)
        assert _server(lane).in_worker(sock.getsockname())
        sock.sendall(b"".join(raw_inquiry(signer, body) for body in bodies[1:]))  # at once
        answers += read_signed_answers(sock, 2, verifier)
    assert [a["paymentAmount"]["value"] for a in answers] == ["300", "301", "302"]


def test_stop_closes_the_connections_workers_hold(gateway_key, merchant_key):
    gw = SandboxGateway(gateway_private_key=gateway_key, sign_workers=1)
    gw.register_merchant(CLIENT_ID, public_key_base64(merchant_key.public_key()))
    with gw:
        assert gw.sign_pool is not None and gw.sign_pool.wait_ready(60)
        reader = _client(gw, merchant_key, gateway_key)
        assert _inquiry(reader, "none")["result"]["resultCode"] == "ORDER_NOT_EXIST"
        assert _server(gw).in_worker(reader.local_address)
        gw.stop()
        with pytest.raises(OSError):
            reader.post("inquiryPayment", {"paymentRequestId": "none"})
        reader.close()


def test_a_payment_only_the_state_file_holds_is_answered_from_it(
    tmp_path, gateway_key, merchant_key
):
    """A settled payment is not adopted at start (read from the file when asked): the
    worker's replica cannot say it is not there, so the connection goes back to the lane,
    which reads it from the file."""
    state = tmp_path / "sandbox.sqlite"
    gw = SandboxGateway(gateway_private_key=gateway_key, sign_workers=1, state_path=state)
    gw.register_merchant(CLIENT_ID, public_key_base64(merchant_key.public_key()))
    with gw:
        writer = _client(gw, merchant_key, gateway_key)
        paid = writer.post("pay", pay_body("rw-file", value="900")).json["paymentId"]
        writer.close()
        gw.approve(paid)
    gw = SandboxGateway(gateway_private_key=gateway_key, sign_workers=1, state_path=state)
    gw.register_merchant(CLIENT_ID, public_key_base64(merchant_key.public_key()))
    with gw:  # a new one on the file: the settled payment is there only
        assert gw.sign_pool is not None and gw.sign_pool.wait_ready(60)
        reader = _client(gw, merchant_key, gateway_key)
        try:
            seen = _inquiry(reader, "rw-file")
            assert seen["paymentStatus"] == "SUCCESS" and seen["paymentId"] == paid
            assert not _server(gw).in_worker(reader.local_address)  # the lane answered
            assert _inquiry(reader, "nothing")["result"]["resultCode"] == "ORDER_NOT_EXIST"
        finally:
            reader.close()


def test_a_request_time_tolerance_set_later_holds_on_a_workers_connection(lane, pair):
    reader, _ = pair
    late = {"Request-Time": "2020-01-01T00:00:00+00:00"}
    before = reader.post("inquiryPayment", {"paymentRequestId": "x"}, headers=late)
    assert before.verified and before.result["resultCode"] == "INVALID_SIGNATURE"  # any time
    lane.request_time_tolerance = 300
    try:
        refused = reader.post("inquiryPayment", {"paymentRequestId": "x"}, headers=late)
        assert refused.verified and refused.result["resultCode"] == "PARAM_ILLEGAL"
        assert "tolerance 300 s" in refused.result["resultMessage"]
        assert _server(lane).in_worker(reader.local_address)
    finally:
        lane.request_time_tolerance = None


def _held(request_id: str, *, expires_in: float = 600.0, **changes) -> st.Payment:
    now = datetime.now(UTC)
    payment = st.Payment(
        client_id=CLIENT_ID,
        payment_request_id=request_id,
        payment_id=f"pid-{request_id}",
        amount=Money(1230, "HKD"),
        method_type="ALIPAY_HK",
        reference_order_id=f"order-{request_id}",
        order_description="Coffee",
        terminal_type="WEB",
        notify_url=None,
        redirect_url=None,
        created=now,
        expires=now + timedelta(seconds=expires_in),
        fingerprint="f",
    )
    return dataclasses.replace(payment, **changes)


def _answer(replica: Replica, request_id: str, **extra) -> bytes:
    body = json.dumps({"paymentRequestId": request_id, **extra}).encode()
    path = "/ams/api/v1/payments/inquiryPayment"
    return replica.answer(path, "inquiryPayment", CLIENT_ID, body, datetime.now(UTC))


def test_an_answer_a_worker_keeps_ends_with_any_change_of_what_it_read():
    """A worker keeps the answer to a repeated inquiry (a till polling its payment):
    only until the lane sends a change of the payment, or drops it."""
    replica = Replica()
    replica.put(_held("kept-1"))
    first = _answer(replica, "kept-1")
    assert json.loads(first)["paymentStatus"] == "PROCESSING"
    assert _answer(replica, "kept-1") is first  # kept: not made again
    replica.put(_held("kept-1", status=st.SUCCESS, paid_at=datetime.now(UTC)))
    assert json.loads(_answer(replica, "kept-1"))["paymentStatus"] == "SUCCESS"
    assert json.loads(_answer(replica, "kept-2"))["result"]["resultCode"] == "ORDER_NOT_EXIST"
    replica.put(_held("kept-2"))  # a new payment: the answer that it was not there ends
    assert json.loads(_answer(replica, "kept-2"))["paymentStatus"] == "PROCESSING"
    replica.evict(["pid-kept-1"])
    assert json.loads(_answer(replica, "kept-1"))["result"]["resultCode"] == "ORDER_NOT_EXIST"
    # a long body's answer is not kept, nor more than ANSWERS_KEPT of them
    before = replica.answers_kept
    _answer(replica, "kept-2", pad="x" * KEPT_BODY)
    assert replica.answers_kept == before
    for i in range(ANSWERS_KEPT + 1):
        _answer(replica, f"absent-{i}")
    assert replica.answers_kept <= ANSWERS_KEPT


def test_a_kept_answer_for_a_payment_in_process_ends_when_its_expiry_comes_due():
    """The lane's store closes a due payment as it is looked up: once it is due, the
    replica cannot answer for it, kept answer or not."""
    replica = Replica()
    payment = _held("due-1", expires_in=0.3)
    replica.put(payment)
    assert json.loads(_answer(replica, "due-1"))["paymentStatus"] == "PROCESSING"
    assert wait_for(lambda: datetime.now(UTC) > payment.expires, timeout=5)
    with pytest.raises(NotHeld):
        _answer(replica, "due-1")


def test_a_repeated_inquiry_is_authenticated_every_time_its_answer_is_kept(
    lane, pair, merchant_key, gateway_key
):
    reader, writer = pair
    assert writer.post("pay", pay_body("rw-kept", value="450")).verified
    assert _inquiry(reader, "rw-kept")["paymentAmount"]["value"] == "450"
    assert _inquiry(reader, "rw-kept")["paymentStatus"] == "PROCESSING"  # the kept answer
    body = {"paymentRequestId": "rw-kept"}
    stranger = _client(lane, merchant_key, gateway_key, key=generate_private_key())
    try:
        refused = stranger.post("inquiryPayment", body)
        assert refused.verified and refused.result["resultCode"] == "INVALID_SIGNATURE"
        assert "paymentStatus" not in refused.json
        assert _server(lane).in_worker(stranger.local_address)
    finally:
        stranger.close()
    lane.request_time_tolerance = 300
    try:
        stale = reader.post(
            "inquiryPayment", body, headers={"Request-Time": "2020-01-01T00:00:00+00:00"}
        )
        assert stale.verified and stale.result["resultCode"] == "PARAM_ILLEGAL"
    finally:
        lane.request_time_tolerance = None
    assert _inquiry(reader, "rw-kept")["paymentStatus"] == "PROCESSING"
    assert _server(lane).in_worker(reader.local_address)
