"""A small HTTP proxy on loopback between the cashier and a sandbox gateway.

It produces the faults a faithful sandbox never does: an answer replayed from another
payment, a correctly re-signed answer with a strange Response-Time, a gateway that drips
its answer one byte at a time or compresses it into a bomb. Every request is forwarded
unchanged; ``rewrite`` may change (or replace) the answer, ``respond`` may take over the
socket entirely.
"""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from cashier_app.gateway.signing import Signer


@dataclass
class Answer:
    """One answer as the upstream gateway gave it (and as the proxy passed it on)."""

    api: str
    path: str
    request: bytes
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> dict[str, Any]:
        return json.loads(self.body)


#: rewrite(answer) -> the answer to send instead (or the same one)
Rewrite = Callable[[Answer], Answer]
#: respond(handler, api, request_body) -> True when it has answered on the socket itself
Respond = Callable[[BaseHTTPRequestHandler, str, bytes], bool]


@dataclass
class AnswerProxy:
    upstream: str
    rewrite: Rewrite | None = None
    respond: Respond | None = None
    answers: list[Answer] = field(default_factory=list)

    def __post_init__(self) -> None:
        proxy = self
        parts = urlsplit(self.upstream)

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                api = self.path.rsplit("/", 1)[-1]
                if proxy.respond is not None and proxy.respond(self, api, body):
                    self.close_connection = True
                    return
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
                try:
                    headers = {
                        k: v
                        for k, v in self.headers.items()
                        if k.lower() not in ("host", "connection", "accept-encoding")
                    }
                    conn.request("POST", self.path, body=body, headers=headers)
                    up = conn.getresponse()
                    answer = Answer(
                        api,
                        self.path,
                        body,
                        up.status,
                        {k.lower(): v for k, v in up.getheaders()},
                        up.read(),
                    )
                finally:
                    conn.close()
                if proxy.rewrite is not None:
                    answer = proxy.rewrite(answer)
                proxy.answers.append(answer)
                send(self, answer)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> AnswerProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> AnswerProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def send(handler: BaseHTTPRequestHandler, answer: Answer) -> None:
    """Write ``answer`` (status, headers, body) to the client on ``handler``'s socket."""
    handler.send_response(answer.status)
    for name, value in answer.headers.items():
        if name not in ("content-length", "connection", "transfer-encoding", "date", "server"):
            handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(answer.body)))
    handler.end_headers()
    handler.wfile.write(answer.body)


def resign(
    answer: Answer, signer: Signer, *, body: bytes | None = None, response_time: str | None = None
) -> Answer:
    """``answer`` with a new body and/or Response-Time, correctly signed by ``signer`` (the
    gateway's key): what a gateway with a broken clock, or a replaying attacker holding an
    old signed answer, would send."""
    headers = dict(answer.headers)
    body = answer.body if body is None else body
    when = response_time or headers["response-time"]
    headers["response-time"] = when
    headers["signature"] = signer.header("POST", answer.path, headers["client-id"], when, body)
    return Answer(answer.api, answer.path, answer.request, answer.status, headers, body)
