"""Antom notifications (notifyPayment/notifyRefund): verification, the fixed ack, a listener."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler
from typing import Any

from cashier_app.domain.errors import CashierError
from cashier_app.domain.values import dataclass, field
from cashier_app.gateway.errors import MalformedResponse, ResponseSignatureError
from cashier_app.gateway.signing import SignatureError, Verifier, check_time
from cashier_app.support.httpserving import PromptThreadingHTTPServer

log = logging.getLogger(__name__)

#: The acknowledgement Antom expects, byte for byte (unsigned, HTTP 200).
ACK: dict[str, Any] = {
    "result": {"resultCode": "SUCCESS", "resultStatus": "S", "resultMessage": "success"}
}
ACK_BODY: bytes = json.dumps(ACK, separators=(",", ":")).encode("utf-8")

MAX_NOTIFICATION_BYTES = 256 * 1024


def _header(headers: Mapping[str, str], name: str) -> str:
    """Case-insensitive header lookup on any mapping."""
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value
    return ""


def verify_notification(
    verifier: Verifier,
    path: str,
    headers: Mapping[str, str],
    body: bytes,
    *,
    expected_client_id: str | None = None,
) -> dict[str, Any]:
    """Verify a notification exactly as received and return its parsed JSON.

    The signed content is ``POST <path>\\n<client-id>.<request-time>.<body>`` with the
    client id and time taken from the notification's own headers (SHA-256 only). Raises
    ResponseSignatureError when anything is missing or wrong, MalformedResponse when a
    verified body is not a JSON object.
    """
    client_id = _header(headers, "client-id")
    req_time = _header(headers, "request-time")
    signature = _header(headers, "signature")
    for name, value in (
        ("client-id", client_id),
        ("request-time", req_time),
        ("signature", signature),
    ):
        if not value:
            raise ResponseSignatureError.of("notification_has_no_header", name=name)
    if expected_client_id is not None and client_id != expected_client_id:
        raise ResponseSignatureError.of(
            "notification_client_id_not", client_id=client_id, expected_client_id=expected_client_id
        )
    if not path.startswith("/"):
        raise ResponseSignatureError.of("notification_path_not_absolute", path=path)
    try:
        check_time(req_time, "request-time")
        verifier.verify_header("POST", path, client_id, req_time, body, signature)
    except SignatureError as exc:
        raise ResponseSignatureError.of("notification", exc=exc) from None
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise MalformedResponse.of("notification_body_not_utf_8_json") from None
    if not isinstance(data, dict):
        raise MalformedResponse.of("notification_body_not_json_object")
    return data


@dataclass(frozen=True, slots=True)
class Notification:
    """A verified notification as the listener hands it on."""

    path: str
    headers: dict[str, str]
    body: bytes = field(repr=False)
    payload: dict[str, Any] = field(repr=False)


@dataclass(frozen=True, slots=True)
class Delivery:
    """One POST the listener answered, accepted or not (what the QA console lists)."""

    path: str
    headers: dict[str, str]
    body: str
    status: int  #: the HTTP status the listener answered
    accepted: bool  #: verified and handed to the callback
    error: str  #: why it was rejected (or why the callback failed); "" when accepted
    received_at: float  #: time.time()
    #: the coded error behind ``error`` (the QA console renders it in the operator's language)
    failure: CashierError | None = field(default=None, compare=False)


class NotificationListener:
    """A tiny loopback HTTP endpoint for ``paymentNotifyUrl``: verifies every POST, hands
    verified ones to ``callback`` and acknowledges; unverifiable ones get HTTP 400 (a forged
    notification is never acknowledged); a callback failure gets 500 so the sender retries.
    """

    def __init__(
        self,
        verifier: Verifier,
        callback: Callable[[Notification], None],
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        path: str = "/notify",
        expected_client_id: str | None = None,
        observer: Callable[[Delivery], None] | None = None,
    ) -> None:
        self.verifier = verifier
        #: Told about every answered POST (any thread); must not raise (it is logged if so).
        self.observer = observer
        self.callback = callback
        self.path = path
        self.expected_client_id = expected_client_id
        self._server = PromptThreadingHTTPServer((host, port), _handler_for(self))
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None
        self._busy = 0  #: notifications being handled now (stop() waits for them)
        self._stopped = False
        self._idle = threading.Condition()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        text = host.decode() if isinstance(host, bytes) else str(host)
        shown = f"[{text}]" if ":" in text else text
        return f"http://{shown}:{port}{self.path}"

    def start(self) -> NotificationListener:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._server.serve_forever, name="notify-listener", daemon=True
            )
            self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Stop taking notifications, then wait (up to ``timeout``) for those being handled,
        so that the callback never runs after the caller closed what it writes to."""
        with self._idle:
            self._stopped = True
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=timeout)
            self._thread = None
        with self._idle:
            self._idle.wait_for(lambda: self._busy == 0, timeout=timeout)
        self._server.server_close()

    def __enter__(self) -> NotificationListener:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def handle(self, path: str, headers: Mapping[str, str], body: bytes) -> tuple[int, bytes]:
        """Status and body to answer (pure enough to test without sockets). After stop()
        every notification gets 503: not processed, so not acknowledged (Antom resends)."""
        with self._idle:
            if self._stopped:
                return 503, b'{"error":"listener stopped"}'
            self._busy += 1
        try:
            status, answer, failure = self._decide(path, headers, body)
        finally:
            with self._idle:
                self._busy -= 1
                self._idle.notify_all()
        observer = self.observer
        if observer is not None:
            try:
                observer(
                    Delivery(
                        path,
                        dict(headers),
                        body.decode("utf-8", "replace"),
                        status,
                        status == 200,
                        _error_line(status, failure),
                        time.time(),
                        failure if isinstance(failure, CashierError) else None,
                    )
                )
            except Exception:  # the QA console must never break a notification
                log.exception("notification observer failed")
        return status, answer

    def _decide(
        self, path: str, headers: Mapping[str, str], body: bytes
    ) -> tuple[int, bytes, BaseException | None]:
        if path.split("?", 1)[0] != self.path:
            return 404, b'{"error":"not found"}', MalformedResponse.of("unknown_path", path=path)
        try:
            payload = verify_notification(
                self.verifier, path, headers, body, expected_client_id=self.expected_client_id
            )
        except (ResponseSignatureError, MalformedResponse) as exc:
            log.warning("rejected notification: %s", exc)
            return 400, json.dumps({"error": str(exc)}).encode("utf-8"), exc
        try:
            self.callback(Notification(path, dict(headers), body, payload))
        except Exception as exc:
            log.exception("notification callback failed; not acknowledged")
            return 500, b'{"error":"not processed"}', exc
        return 200, ACK_BODY, None


def _error_line(status: int, failure: BaseException | None) -> str:
    """``Delivery.error``: why a notification was refused, in English (for logs)."""
    if failure is None:
        return ""
    return f"not processed: {failure}" if status == 500 else str(failure)


def _handler_for(listener: NotificationListener) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        disable_nagle_algorithm = True
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            try:
                length = int(self.headers.get("Content-Length") or "0")
            except ValueError:
                length = -1
            if length < 0 or length > MAX_NOTIFICATION_BYTES:
                self._answer(413 if length > 0 else 400, b'{"error":"bad length"}')
                return
            body = self.rfile.read(length)
            status, answer = listener.handle(self.path, dict(self.headers.items()), body)
            self._answer(status, answer)

        def do_GET(self) -> None:
            self._answer(405, b'{"error":"POST only"}')

        def _answer(self, status: int, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=UTF-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            log.debug("notify listener: " + format, *args)

    return Handler
