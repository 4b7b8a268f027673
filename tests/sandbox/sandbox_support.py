"""Helpers for the sandbox tests: a settable clock, a raw signed client, request bodies."""

from __future__ import annotations

import http.client
import json
import socket
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from cashier_app.gateway.signing import (
    SignatureError,
    Signer,
    Verifier,
    request_time,
)

CLIENT_ID = "SANDBOX_TEST_CLIENT"
PAY_PATH = "/ams/sandbox/api/v1/payments/pay"
INQUIRY = "/ams/sandbox/api/v1/payments/inquiryPayment"


def raw_inquiry(signer: Signer, body: bytes, target: str = INQUIRY) -> bytes:
    """A signed request's bytes, as a socket sends them (several may go at once)."""
    sent_at = request_time()
    return (
        f"POST {target} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        f"client-id: {CLIENT_ID}\r\nRequest-Time: {sent_at}\r\n"
        f"Signature: {signer.header('POST', target, CLIENT_ID, sent_at, body)}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body


def read_signed_answers(sock: socket.socket, count: int, verifier: Verifier) -> list[Any]:
    """The next ``count`` answers to inquiries on ``sock``, each signature verified."""
    data, answers = b"", []
    sock.settimeout(10)
    while len(answers) < count:
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            assert chunk, "connection closed early"
            data += chunk
        head, _, data = data.partition(b"\r\n\r\n")
        headers = {}
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.decode().partition(":")
            headers[name.lower()] = value.strip()
        length = int(headers["content-length"])
        while len(data) < length:
            data += sock.recv(65536)
        body, data = data[:length], data[length:]
        verifier.verify_header(
            "POST",
            INQUIRY,
            headers["client-id"],
            headers["response-time"],
            body,
            headers["signature"],
        )
        answers.append(json.loads(body))
    return answers


class Clock:
    """A settable UTC clock for the sandbox (time moves only when told)."""

    def __init__(self) -> None:
        self._now = datetime.now(UTC).replace(microsecond=0)
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._now += timedelta(seconds=seconds)


@dataclass
class Reply:
    status: int
    headers: dict[str, str]  #: lower-case names
    body: bytes
    verified: bool
    error: str = ""

    @property
    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))

    @property
    def result(self) -> dict[str, str]:
        return self.json["result"]


class RawClient:
    """Signs and sends Antom requests by hand (http.client), then checks the answer's
    signature with our Verifier; deliberately independent of gateway/antom.py."""

    def __init__(
        self,
        url: str,
        client_id: str,
        signer: Signer,
        verifier: Verifier,
        *,
        keep_alive: bool = False,
    ) -> None:
        parts = urlsplit(url)
        self.host, self.port = parts.hostname, parts.port
        self.client_id, self.signer, self.verifier = client_id, signer, verifier
        #: one connection for every request (a load client); else one per request
        self._conn = (
            http.client.HTTPConnection(self.host, self.port, timeout=10) if keep_alive else None
        )

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()

    @property
    def local_address(self) -> Any:
        """The kept-alive connection's own end (the peer a server saw it from)."""
        assert self._conn is not None and self._conn.sock is not None
        return self._conn.sock.getsockname()

    def post(
        self,
        api: str,
        body: Any,
        *,
        headers: dict[str, str] | None = None,
        drop: tuple[str, ...] = (),
        path: str | None = None,
        sent_body: bytes | None = None,
        method: str = "POST",
    ) -> Reply:
        path = path or f"/ams/sandbox/api/v1/payments/{api}"
        raw = body if isinstance(body, bytes) else json.dumps(body, indent=2).encode()
        sent_at = request_time()
        all_headers = {
            "Content-Type": "application/json; charset=UTF-8",
            "client-id": self.client_id,
            "Request-Time": sent_at,
            "Signature": self.signer.header(method, path, self.client_id, sent_at, raw),
        }
        all_headers.update(headers or {})
        for name in drop:
            all_headers.pop(name, None)
        conn = self._conn or http.client.HTTPConnection(self.host, self.port, timeout=10)
        try:
            conn.request(
                method, path, body=sent_body if sent_body is not None else raw, headers=all_headers
            )
            resp = conn.getresponse()
            data = resp.read()
            got = {k.lower(): v for k, v in resp.getheaders()}
        finally:
            if conn is not self._conn:
                conn.close()
        verified, error = False, ""
        try:
            self.verifier.verify_header(
                method,
                path,
                got.get("client-id", ""),
                got.get("response-time", ""),
                data,
                got.get("signature"),
            )
            verified = True
        except SignatureError as exc:
            error = str(exc)
        return Reply(resp.status, got, data, verified, error)


def pay_body(
    request_id: str = "req-1",
    value: str = "1230",
    currency: str = "HKD",
    method: str = "ALIPAY_HK",
    **extra: Any,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "productCode": "CASHIER_PAYMENT",
        "paymentRequestId": request_id,
        "paymentAmount": {"currency": currency, "value": value},
        "order": {
            "referenceOrderId": f"order-{request_id}",
            "orderDescription": "Coffee",
            "orderAmount": {"currency": currency, "value": value},
        },
        "paymentMethod": {"paymentMethodType": method},
        "env": {"terminalType": "WEB"},
        "paymentRedirectUrl": "https://merchant.example/return",
    }
    body.update(extra)
    return body


def wait_for(predicate, timeout: float = 5.0, interval: float = 0.01) -> bool:
    """Poll ``predicate`` until true or ``timeout``; returns its last truthiness."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return bool(predicate())


ACK = b'{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}'


class Receiver:
    """A merchant notify endpoint on loopback that answers from a script."""

    def __init__(self, answers: list[tuple[int, bytes]]) -> None:
        self.answers = list(answers)
        self.received: list[tuple[str, dict[str, str], bytes]] = []
        lock = threading.Lock()
        outer = self

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                with lock:
                    outer.received.append(
                        (self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                    )
                    status, answer = (
                        outer.answers.pop(0) if len(outer.answers) > 1 else outer.answers[0]
                    )
                self.send_response(status)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/antom"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()
