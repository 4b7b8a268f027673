"""The standalone sandbox's fast lane (``sandbox/fastlane.py``, used whenever it signs in
worker processes): signed answers from one event loop, in order on a connection, and
everything off the plain path — simulator routes, faults, absolute targets — answered on
the same connection by the threaded handler, as before; silent connections closed,
the connection bound kept, stop really stops."""

from __future__ import annotations

import json
import socket
import threading
import time

import pytest
from sandbox_support import (
    CLIENT_ID,
    INQUIRY,
    Clock,
    RawClient,
    pay_body,
    raw_inquiry,
    read_signed_answers,
)

from cashier_app.gateway.signing import (
    SignatureError,
    Signer,
    Verifier,
    generate_private_key,
    public_key_base64,
    request_time,
)
from cashier_app.sandbox import SandboxGateway
from cashier_app.sandbox.control import SimulatorClient
from cashier_app.sandbox.fastlane import FastLaneServer, _Headers


@pytest.fixture(scope="module")
def lane(gateway_key, merchant_key):
    gw = SandboxGateway(gateway_private_key=gateway_key, sign_workers=1, read_timeout=0.6)
    gw.register_merchant(CLIENT_ID, public_key_base64(merchant_key.public_key()))
    with gw:
        assert isinstance(gw._server, FastLaneServer)
        assert gw.sign_pool is not None and gw.sign_pool.wait_ready(60)
        yield gw


@pytest.fixture
def raw(lane, merchant_key, gateway_key):
    client = RawClient(
        lane.url,
        CLIENT_ID,
        Signer(merchant_key),
        Verifier(gateway_key.public_key()),
        keep_alive=True,
    )
    yield client
    client.close()
    lane.faults.clear()


def _paid(raw: RawClient, request_id: str, value: str) -> None:
    reply = raw.post("pay", pay_body(request_id, value=value))
    assert reply.verified and reply.result["resultCode"] == "PAYMENT_IN_PROCESS", reply.error


def test_pipelined_requests_are_answered_in_order_and_every_answer_verifies(
    lane, raw, merchant_key, gateway_key
):
    for i in range(3):
        _paid(raw, f"lane-order-{i}", str(200 + i))
    signer, verifier = Signer(merchant_key), Verifier(gateway_key.public_key())
    bodies = [json.dumps({"paymentRequestId": f"lane-order-{i}"}).encode() for i in range(3)]
    with socket.create_connection(lane.url.removeprefix("http://").split(":")) as sock:
        sock.sendall(b"".join(raw_inquiry(signer, body) for body in bodies))  # all at once
        answers = read_signed_answers(sock, 3, verifier)
    for i, answer in enumerate(answers):
        assert answer["paymentRequestId"] == f"lane-order-{i}"
        assert answer["paymentAmount"]["value"] == str(200 + i)


def test_a_request_with_a_bad_signature_gets_a_signed_refusal(lane, gateway_key):
    stranger = RawClient(
        lane.url, CLIENT_ID, Signer(generate_private_key()), Verifier(gateway_key.public_key())
    )
    reply = stranger.post("inquiryPayment", {"paymentRequestId": "whatever"})
    assert reply.verified, reply.error
    assert reply.result["resultCode"] == "INVALID_SIGNATURE"


def test_faults_and_simulator_routes_are_served_on_the_same_connection(lane, raw):
    _paid(raw, "lane-fault", "300")
    assert raw.post("inquiryPayment", {"paymentRequestId": "lane-fault"}).verified
    SimulatorClient(lane.url).add_fault("http_error", status=503, count=1)
    # the same kept-alive connection: handed to the threaded handler, the fault strikes
    assert raw.post("inquiryPayment", {"paymentRequestId": "lane-fault"}).status == 503
    after = raw.post("inquiryPayment", {"paymentRequestId": "lane-fault"})
    assert after.verified and after.json["paymentStatus"] == "PROCESSING"


def test_an_absolute_target_as_the_official_sdk_sends_it_is_answered(
    lane, raw, merchant_key, gateway_key
):
    """The SDK signs the path and sends the absolute URL as the request target."""
    _paid(raw, "lane-absolute", "400")
    body = json.dumps({"paymentRequestId": "lane-absolute"}).encode()
    request = raw_inquiry(Signer(merchant_key), body)
    request = request.replace(f"POST {INQUIRY} ".encode(), f"POST {lane.url}{INQUIRY} ".encode(), 1)
    with socket.create_connection(lane.url.removeprefix("http://").split(":")) as sock:
        sock.sendall(request)
        [answer] = read_signed_answers(sock, 1, Verifier(gateway_key.public_key()))
    assert answer["paymentRequestId"] == "lane-absolute"


def test_other_threads_sign_through_the_lane(lane, gateway_key):
    pool = lane.sign_pool
    assert pool is not None and pool.lane is not None
    before = pool.signed
    got: list[str] = []
    thread = threading.Thread(target=lambda: got.append(lane.signer.sign_bytes(b"notify me")))
    thread.start()
    thread.join(30)
    assert got == [Signer(gateway_key).sign_bytes(b"notify me")]
    assert pool.signed == before + 1


def _closed(sock: socket.socket, within: float) -> bool:
    sock.settimeout(within)
    try:
        return sock.recv(1) == b""
    except TimeoutError:
        return False
    except OSError:
        return True


def test_silent_connections_are_closed_and_the_bound_holds(gateway_key):
    with SandboxGateway(
        gateway_private_key=gateway_key, sign_workers=1, read_timeout=0.5, max_connections=3
    ) as gw:
        host, port = gw.url.removeprefix("http://").split(":")
        socks = [socket.create_connection((host, int(port)), timeout=5) for _ in range(5)]
        try:
            refused = [s for s in socks if _closed(s, 0.2)]
            assert len(refused) == 2  # over the bound: closed at once
            started = time.monotonic()
            kept = [s for s in socks if s not in refused]
            while kept and time.monotonic() - started < 10:
                kept = [s for s in kept if not _closed(s, 0.1)]
            assert kept == []  # each closed after its silence, not held for ever
        finally:
            for s in socks:
                s.close()


def test_stop_closes_kept_alive_connections_and_a_restart_serves_again(gateway_key, merchant_key):
    from pg_server import free_port

    # a port no connection's local end is handed meanwhile (the restart comes back on it)
    gw = SandboxGateway(gateway_private_key=gateway_key, sign_workers=1, port=free_port())
    gw.register_merchant(CLIENT_ID, public_key_base64(merchant_key.public_key()))
    client = None
    try:
        gw.start()
        client = RawClient(
            gw.url,
            CLIENT_ID,
            Signer(merchant_key),
            Verifier(gateway_key.public_key()),
            keep_alive=True,
        )
        assert client.post("pay", pay_body("lane-restart")).verified
        gw.stop()
        with pytest.raises(OSError):
            client.post("inquiryPayment", {"paymentRequestId": "lane-restart"})
        gw.start()
        client.close()
        again = RawClient(
            gw.url, CLIENT_ID, Signer(merchant_key), Verifier(gateway_key.public_key())
        )
        reply = again.post("inquiryPayment", {"paymentRequestId": "lane-restart"})
        assert reply.verified and reply.json["paymentRequestId"] == "lane-restart"
    finally:
        if client is not None:
            client.close()
        gw.stop()


def test_a_worker_that_dies_under_the_lane_is_dropped_and_every_answer_still_verifies(
    gateway_key, merchant_key
):
    gw = SandboxGateway(gateway_private_key=gateway_key, sign_workers=2)
    gw.register_merchant(CLIENT_ID, public_key_base64(merchant_key.public_key()))
    with gw:
        assert gw.sign_pool is not None and gw.sign_pool.wait_ready(60)
        client = RawClient(
            gw.url,
            CLIENT_ID,
            Signer(merchant_key),
            Verifier(gateway_key.public_key()),
            keep_alive=True,
        )
        try:
            assert client.post("pay", pay_body("lane-dies")).verified
            victim = gw.sign_pool._all[0]
            victim.proc.kill()
            victim.proc.wait(10)
            for _ in range(6):
                reply = client.post("inquiryPayment", {"paymentRequestId": "lane-dies"})
                assert reply.verified and reply.json["paymentRequestId"] == "lane-dies"
        finally:
            client.close()
        assert gw.sign_pool.workers == 1


def test_an_inquiry_is_answered_only_once_its_signature_verifies_in_a_worker_or_here(
    gateway_key, merchant_key
):
    """An inquiry's answer is made before its signature's RSA check, which the worker
    makes with the answer's signature in one job: it is sent only if the check holds, a
    signed refusal otherwise, and with no worker left both are decided in-process."""
    clock = Clock()
    gw = SandboxGateway(gateway_private_key=gateway_key, sign_workers=1, clock=clock)
    gw.register_merchant(CLIENT_ID, public_key_base64(merchant_key.public_key()))
    gateway = Verifier(gateway_key.public_key())
    with gw:
        assert gw.sign_pool is not None and gw.sign_pool.wait_ready(60)
        ours = RawClient(gw.url, CLIENT_ID, Signer(merchant_key), gateway, keep_alive=True)
        stranger = RawClient(gw.url, CLIENT_ID, Signer(generate_private_key()), gateway)
        try:
            _paid(ours, "lane-checked", "500")
            for workers in (1, 0):
                signed = gw.sign_pool.signed
                reply = ours.post("inquiryPayment", {"paymentRequestId": "lane-checked"})
                assert reply.verified and reply.json["paymentAmount"]["value"] == "500"
                # the answer's time is the gateway's clock, as it moves
                assert reply.headers["response-time"] == request_time(clock())
                refused = stranger.post("inquiryPayment", {"paymentRequestId": "lane-checked"})
                assert refused.verified and refused.result["resultCode"] == "INVALID_SIGNATURE"
                assert (
                    "does not verify with the merchant public key"
                    in (refused.result["resultMessage"])
                )
                assert "paymentId" not in refused.json  # nothing of the payment told
                tampered = ours.post(
                    "inquiryRefund",
                    {"refundRequestId": "nope"},
                    sent_body=b'{"refundRequestId":"nope2"}',
                )
                assert tampered.verified and tampered.result["resultCode"] == "INVALID_SIGNATURE"
                # with a worker: the answer and the refusals' signatures are its own
                assert gw.sign_pool.signed == signed + 3 * workers
                assert gw.sign_pool.workers == workers
                clock.advance(3600)
                for worker in list(gw.sign_pool._all):
                    worker.proc.kill()
                    worker.proc.wait(10)
                    # the lane notices on its next job; that one is checked here instead
                    reply = ours.post("inquiryPayment", {"paymentRequestId": "lane-checked"})
                    assert reply.verified and reply.json["paymentRequestId"] == "lane-checked"
        finally:
            ours.close()


def test_a_deferred_check_is_the_whole_check(sandbox, merchant_key):
    """``answer_checked_later``: for a read-only API every check but the RSA operation is
    made, and that one, made later, is exactly ``Verifier.verify``'s."""
    from cashier_app.sandbox.server import answer_checked_later, answer_for

    def request(api: str, body: bytes, sent: bytes | None = None, signer=None):
        sent_at = request_time()
        path = f"/ams/sandbox/api/v1/payments/{api}"
        header = (signer or Signer(merchant_key)).header("POST", path, CLIENT_ID, sent_at, body)
        headers = _Headers(
            {
                "content-type": "application/json",
                "request-time": sent_at,
                "signature": header,
            }
        )
        args = (sandbox, headers, "POST", path, path, api, CLIENT_ID, sent or body)
        return answer_checked_later(*args), answer_for(*args)

    merchant = Verifier(merchant_key.public_key())
    (answer, check), full = request("inquiryPayment", b'{"paymentRequestId":"none"}')
    assert check is not None and check.spki_der == merchant.spki_der
    merchant.verify_raw(check.content, check.signature)
    assert answer == full  # the same answer, once the check holds
    assert answer["result"]["resultCode"] == "ORDER_NOT_EXIST"
    (answer, check), full = request(
        "inquiryPayment", b'{"paymentRequestId":"none"}', sent=b'{"paymentRequestId":"x"}'
    )
    assert check is not None
    with pytest.raises(SignatureError):
        merchant.verify_raw(check.content, check.signature)
    assert full["result"]["resultCode"] == "INVALID_SIGNATURE"
    # an API that changes something is verified before anything else, as ever
    (answer, check), full = request("pay", json.dumps(pay_body("deferred")).encode())
    assert check is None and answer["result"]["resultCode"] == "PAYMENT_IN_PROCESS"
    # refused before any signature is needed: nothing left to check
    (answer, check), _ = request(
        "inquiryPayment", b"{}", signer=Signer(generate_private_key(), key_version="9")
    )
    assert check is None and answer["result"]["resultCode"] == "KEY_NOT_FOUND"


def test_answers_are_the_bytes_json_dumps_makes():
    """``answer_body`` makes json's C encoder once; its bytes are ``json.dumps``'s."""
    from cashier_app.sandbox import server

    def dumps(value) -> bytes:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    assert server.answer_body is not server._json_dumps  # CPython: the encoder made once
    answers = [
        {"result": {"resultCode": "SUCCESS", "resultStatus": "S", "resultMessage": "success"}},
        {"paymentAmount": {"currency": "HKD", "value": "1230"}, "list": [], "empty": {}},
        {"note": '支付宝 ü \u2028 "quoted" back\\slash \t tab', "n": [0, -1, 2.5, 1e-7, 10**20]},
        {"flags": [True, False, None], "nested": [{"a": [{"b": []}]}]},
    ]
    for answer in answers:
        assert server.answer_body(answer) == dumps(answer)


def test_the_plain_path_is_only_a_well_formed_api_post_sized_by_content_length():
    """``parse_plain``: what the lane (and a worker) answers itself; anything else, None,
    goes to the threaded handler, which answers it as it always did."""
    from cashier_app.sandbox.fastlane import parse_plain

    def head(*lines: str, target: str = INQUIRY, start: str = "") -> bytes:
        first = start or f"POST {target} HTTP/1.1"
        return "\r\n".join((first, *lines)).encode("iso-8859-1")

    plain = ("Host: x", "Content-Length: 2", "Content-Type: application/json")
    target, path, name, headers, length, close = parse_plain(head(*plain)) or ()
    assert (target, path, name, length, close) == (INQUIRY, INQUIRY, "inquiryPayment", 2, False)
    assert headers.get("CONTENT-type") == "application/json"
    again = parse_plain(
        head(*plain, "content-length: 9", "Connection: close", target=INQUIRY + "?a")
    )
    assert again is not None and again[4] == 2 and again[5] and again[1] == INQUIRY
    for odd in (
        head(*plain, start=f"GET {INQUIRY} HTTP/1.1"),
        head(*plain, start=f"POST {INQUIRY} HTTP/1.0"),
        head(*plain, target="http://127.0.0.1" + INQUIRY),
        head(*plain, target="/sandbox/pay"),
        head(*plain, target="/ams/api/v1/payments/nothing"),
        head(*plain, target=INQUIRY + "?é"),
        head("Host: x", "Content-Type: application/json"),  # not sized
        head("Content-Length: ²", "Content-Type: application/json"),
        head("Content-Length: 99999999", "Content-Type: application/json"),
        head(*plain, "Transfer-Encoding: chunked"),
        head(*plain, "Expect: 100-continue"),
        head(*plain, " folded"),
        head(*plain, "Bad : name"),
        head(*plain, "no colon"),
        head(*plain, *[f"X-{i}: y" for i in range(100)]),
        head(*plain, "X-Long: " + "y" * 70000),
    ):
        assert parse_plain(odd) is None, odd[:80]
