"""A small Antom gateway on loopback whose signing is the official SDK's, not ours.

Every request is verified with the Python SDK's ``signature_tool.verify`` and every answer
signed with its ``signature_tool.sign`` over a ``Response-Time`` in the form the test asks
for (epoch milliseconds, as the Java and Go SDKs write header times, by default). Answers
come from a script: ``answers[api]`` is a dict (sent as is) or a callable taking the request
JSON. Notifications are built the same way (:meth:`notification`).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from com.alipay.ams.api.tools import signature_tool

from cashier_app.gateway.signing import (
    generate_private_key,
    private_key_pkcs8_base64,
    public_key_base64,
)

Answer = dict[str, Any] | Callable[[dict[str, Any]], dict[str, Any]]


def epoch_ms(offset_seconds: float = 0.0) -> str:
    return str(int((time.time() + offset_seconds) * 1000))


class SdkGateway:
    """Use as a context manager; ``url`` is its base URL, ``seen`` the requests received."""

    def __init__(
        self, client_id: str, merchant_public_key: str, *, time_form: Callable[[], str] = epoch_ms
    ) -> None:
        key = generate_private_key()
        self.client_id = client_id
        self.private_key = private_key_pkcs8_base64(key)
        self.public_key = public_key_base64(key.public_key())
        self.merchant_public_key = merchant_public_key
        self.time_form = time_form
        self.answers: dict[str, Answer] = {}
        self.seen: list[tuple[str, dict[str, str], dict[str, Any]]] = []
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status, headers, data = outer._handle(self.path, dict(self.headers.items()), body)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> SdkGateway:
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def apis(self) -> list[str]:
        with self._lock:
            return [path.rsplit("/", 1)[-1] for path, _, _ in self.seen]

    def _handle(
        self, path: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, dict[str, str], bytes]:
        low = {k.lower(): v for k, v in headers.items()}
        text = body.decode("utf-8")
        signature = low.get("signature", "").split("signature=", 1)[-1]
        try:
            ok = signature_tool.verify(
                "POST",
                path,
                low.get("client-id", ""),
                low.get("request-time", ""),
                text,
                signature,
                self.merchant_public_key,
            )
        except Exception:
            ok = False
        request = json.loads(text) if text else {}
        with self._lock:
            self.seen.append((path, low, request))
        api = path.rsplit("/", 1)[-1]
        if not ok:
            answer: dict[str, Any] = {"result": result("INVALID_SIGNATURE", "F")}
        else:
            scripted = self.answers.get(api)
            if scripted is None:
                answer = {"result": result("NO_INTERFACE_DEF", "F")}
            else:
                answer = scripted(request) if callable(scripted) else scripted
        return self.signed(path, answer)

    def signed(
        self, path: str, answer: dict[str, Any], sent_at: str | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        text = json.dumps(answer)
        sent_at = sent_at or self.time_form()
        sig = signature_tool.sign("POST", path, self.client_id, sent_at, text, self.private_key)
        return (
            200,
            {
                "Content-Type": "application/json; charset=UTF-8",
                "client-id": self.client_id,
                "response-time": sent_at,
                "signature": f"algorithm=RSA256,keyVersion=1,signature={sig}",
            },
            text.encode("utf-8"),
        )

    def notification(
        self, path: str, body: dict[str, Any], sent_at: str | None = None
    ) -> tuple[dict[str, str], bytes]:
        """Headers and body of a notification POST, signed by the SDK's tool."""
        text = json.dumps(body)
        sent_at = sent_at or self.time_form()
        sig = signature_tool.sign("POST", path, self.client_id, sent_at, text, self.private_key)
        return (
            {
                "client-id": self.client_id,
                "request-time": sent_at,
                "signature": f"algorithm=RSA256,keyVersion=1,signature={sig}",
                "content-type": "application/json",
            },
            text.encode("utf-8"),
        )


def result(code: str = "SUCCESS", status: str = "S", message: str = "") -> dict[str, str]:
    return {"resultCode": code, "resultStatus": status, "resultMessage": message or code}
