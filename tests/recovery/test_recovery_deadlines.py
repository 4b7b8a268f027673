"""Issue 10 item 7: deadlines that hold.

An answer dripped one byte at a time kept ``cashier pay --timeout 10`` alive for 85-90 s:
httpx's timeouts are per read. A gzip bomb was refused only after it had been inflated in
memory. The sandbox held a thread for every client that sent headers and never a body.
"""

from __future__ import annotations

import gzip
import json
import socket
import threading
import time
import tracemalloc

from proxy import AnswerProxy
from recovery_setup import CLIENT_ID
from test_recovery_answers import INFO, services_at

from cashier_app.domain.outcome import Status
from cashier_app.journal import Journal
from cashier_app.sandbox.gateway import SandboxGateway
from cashier_app.support import paths


def _drip_first_pay():
    """A ``respond`` hook: forward nothing for the first ``pay`` but a status line and
    headers, then one byte of the body every 0.3 s (a gateway, or a box in the middle, that
    is technically alive). Later requests pass."""
    dripped = []

    def respond(handler, api, body):
        if api != "pay" or dripped:
            return False
        dripped.append(body)
        handler.wfile.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n"
        )
        handler.wfile.flush()
        try:
            for _ in range(4000):
                handler.wfile.write(b" ")
                handler.wfile.flush()
                time.sleep(0.3)
        except OSError:
            pass  # the client gave up: that is the point
        return True

    return respond


def test_pay_timeout_holds_for_the_whole_command_against_a_dripping_answer(gateway, run_cashier):
    with AnswerProxy(gateway.sandbox.url, respond=_drip_first_pay()) as proxy:
        options = list(gateway.options)
        options[options.index("--gateway") + 1] = proxy.url
        started = time.monotonic()
        done = run_cashier(
            "pay",
            "--amount",
            "12.30",
            "--currency",
            "HKD",
            "--method",
            "ALIPAY_HK",
            "--timeout",
            "2",
            "--json",
            *options,
            timeout=40,
        )
        took = time.monotonic() - started
    # 2 s for the sale, a few for the last cancel, start-up: far from 4000 x 0.3 s.
    assert took < 20, took
    assert done.code == 1, done.err
    out = done.json()
    with Journal(paths.journal_path()) as journal:
        [row] = journal.list_payments(limit=None)
    assert row.status.value == out["status"] == "CANCELLED", out
    # The dripped pay never reached the gateway; the cancel made sure of the payment
    # (identical pay) and cancelled it: till and gateway agree.
    [at_gateway] = gateway.payments()
    assert (at_gateway.payment_request_id, at_gateway.status) == (
        row.payment_request_id,
        "CANCELLED",
    )


def test_a_compressed_answer_is_refused_unread(gateway, _keys):
    """A 64 MB gzip bomb (64 KB on the wire) is never inflated: we ask for identity and
    refuse any other Content-Encoding before reading a byte of the body."""
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)
    seen = []

    def respond(handler, api, body):
        if api != "inquiryPayment":
            return False
        seen.append(handler.headers.get("Accept-Encoding"))
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Encoding", "gzip")
        handler.send_header("Content-Length", str(len(bomb)))
        handler.end_headers()
        handler.wfile.write(bomb)
        return True

    with (
        AnswerProxy(gateway.sandbox.url, respond=respond) as proxy,
        services_at(proxy.url, _keys) as services,
    ):
        rec = services.checkout.create_payment(INFO, "ALIPAY_HK")
        tracemalloc.start()
        try:
            after = services.checkout.refresh(rec.payment_request_id)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert seen and set(seen) == {"identity"}
    assert after.status is Status.UNKNOWN
    assert "compressed (gzip)" in after.result_message
    assert peak < 16 * 1024 * 1024, peak


def _stalled(url: str) -> socket.socket:
    host, port = url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=5)
    sock.sendall(
        b"POST /ams/api/v1/payments/pay HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"
    )  # and never the rest of the body
    return sock


def _closed_by_server(sock: socket.socket, within: float) -> bool:
    sock.settimeout(within)
    try:
        return sock.recv(1) == b""
    except TimeoutError:
        return False
    except OSError:
        return True  # reset


def test_sandbox_bounds_silent_connections(_keys):
    merchant_key, gateway_key = _keys
    with SandboxGateway(
        "127.0.0.1", 0, gateway_private_key=gateway_key, read_timeout=4.0, max_connections=8
    ) as sandbox:
        sandbox.start()
        sandbox.register_merchant(CLIENT_ID, merchant_key.public_key())
        threads_before = threading.active_count()
        socks = [_stalled(sandbox.url) for _ in range(20)]
        opened = time.monotonic()
        try:
            # The ones over the bound are closed at once; no thread is held for them.
            assert threading.active_count() - threads_before <= 8 + 1
            open_ = set(socks)
            while len(open_) > 8 and time.monotonic() - opened < 3.0:
                open_ -= {s for s in open_ if _closed_by_server(s, 0.05)}
            assert len(open_) == 8
            assert time.monotonic() - opened < 3.0  # well before the read timeout
            # Those within it are closed after read_timeout of silence.
            assert all(_closed_by_server(s, 8.0) for s in open_)
        finally:
            for s in socks:
                s.close()
        # And the sandbox still serves an honest client.
        from cashier_app.app import build_services
        from cashier_app.gateway.signing import Signer, Verifier

        with build_services(
            gateway_url=sandbox.url,
            client_id=CLIENT_ID,
            signer=Signer(merchant_key),
            verifier=Verifier(gateway_key.public_key()),
            notifications=False,
        ) as services:
            rec = services.checkout.create_payment(INFO, "ALIPAY_HK")
            assert rec.status is Status.PENDING
            assert json.dumps(rec.summary_json())
