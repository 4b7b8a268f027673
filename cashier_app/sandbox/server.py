"""HTTP plumbing of the sandbox: request parsing, signature checks, signed answers, faults.

Antom answers every API call with HTTP 200 and a signed ``{"result": {...}}`` body, errors
included; so does this server. Only the simulator/control routes under ``/sandbox/`` are
plain unsigned HTTP (they are not part of the Antom protocol).
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import json
import json.encoder
import logging
import re
import socket
import struct
import threading
import time
from datetime import timedelta
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote_plus, unquote_plus, urlsplit

from cashier_app.domain.errors import CashierError
from cashier_app.domain.values import dataclass
from cashier_app.gateway.signing import (
    ALGORITHM,
    SignatureError,
    check_time,
    parse_header_time,
    parse_signature_header,
    request_time,
)
from cashier_app.sandbox import api, simulator, wallet
from cashier_app.sandbox.faults import REQUEST_KINDS, Fault
from cashier_app.sandbox.http_headers import HeaderLineError, read_headers
from cashier_app.support.httpserving import PromptThreadingHTTPServer

if TYPE_CHECKING:
    from collections.abc import Callable

    from cashier_app.sandbox.gateway import SandboxGateway

log = logging.getLogger(__name__)
_T = TypeVar("_T")

MAX_BODY = 1024 * 1024
#: Connections served at once (one thread each); more are closed at once.
MAX_CONNECTIONS = 64
#: Seconds of silence after which a connection is closed (SandboxGateway(read_timeout=)).
READ_TIMEOUT = 15.0
_EARLY_KINDS = frozenset(
    {"http_error", "reset", "unknown_exception", "rate_limited", "timeout", "malformed_json"}
)
_date_cache: tuple[int, str] = (0, "")
_TOKEN_IN_URL = re.compile(r"([?&])t=[^&\s]*")


def refuse_connection(sock: socket.socket, limit: int, peer: Any) -> None:
    """A connection over the sandbox's bound (``max_connections``): said in the log and
    shut at once (the threaded server and the fast lane refuse alike)."""
    log.warning("sandbox: %d connections open; refusing one from %s", limit, peer)
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()


def route_of(path: str) -> str:
    """Who answers a request for ``path``: ``"sandbox"`` (the wallet simulator and the
    control routes), ``"alipayhk"`` (the legacy envelope) or ``"api"`` (Antom's API); the
    threaded handler dispatches by it, the fast lane keeps to ``"api"``."""
    if path.startswith("/sandbox/") or path == "/sandbox":
        return "sandbox"
    if path.startswith("/alipayhk/"):
        return "alipayhk"
    return "api"


class HttpServer(PromptThreadingHTTPServer):
    """Threaded server; its worker threads never keep the process alive, and ``shutdown``
    returns at once."""

    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def __init__(
        self, address: tuple[str, int], gateway: SandboxGateway, *, lan: bool = False
    ) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.gateway = gateway
        #: The LAN listener: every /sandbox/ route needs the gateway's token.
        self.lan = lan
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, Handler)

    # Keep-alive connections outlive shutdown() unless closed: track and close them, so a
    # stopped sandbox really is unreachable (clients see a reset, as with a dead gateway).
    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            full = len(self._open) >= self.gateway.max_connections
            if not full:
                self._open.add(request)
        if full:  # a bound on threads: clients that open and never finish cannot pile up
            refuse_connection(request, self.gateway.max_connections, client_address)
            return
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_open_connections(self) -> None:
        with self._open_lock:
            conns, self._open = list(self._open), set()
        for conn in conns:
            with contextlib.suppress(OSError):  # already closed by the peer
                conn.shutdown(socket.SHUT_RDWR)
            conn.close()


class _HeadersNext(CashierError):
    """Raised where ``BaseHTTPRequestHandler.parse_request`` starts reading headers."""

    layer = "sandbox"


class NotHeld(CashierError):
    """Raised by a replica of the store (``laneworker.py``) for a request only the lane's
    store can answer (a payment maybe in the state file, an expiry due): the API code lets
    it through, and the request goes back to the lane, which answers it."""

    layer = "sandbox"


class _StopAtHeaders:
    def readline(self, limit: int = -1) -> bytes:
        raise _HeadersNext


_HEADERS_NEXT = _StopAtHeaders()


class Handler(BaseHTTPRequestHandler):
    """One keep-alive connection; every request goes through :meth:`_dispatch`."""

    server: HttpServer
    #: Seconds a connection may stay silent (while its request line, headers or body are
    #: due, or between keep-alive requests) before it is closed: a client that sends
    #: headers and never the body does not hold a thread for ever.
    timeout = READ_TIMEOUT
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        # typeshed declares timeout a ClassVar; socketserver reads it per instance
        self.timeout = self.server.gateway.read_timeout  # type: ignore[misc]
        super().setup()

    disable_nagle_algorithm = True
    server_version = "CashierSandbox/1.0"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        if not log.isEnabledFor(logging.DEBUG):  # every answer comes here: cheap when off
            return
        # The request line may carry the LAN token (?t=...): never into a log.
        clean = tuple(_TOKEN_IN_URL.sub(r"\1t=***", a) if isinstance(a, str) else a for a in args)
        log.debug("%s " + format, self.address_string(), *clean)

    def date_time_string(self, timestamp: float | None = None) -> str:
        # The Date header of every answer: formatted once a second, not once an answer.
        global _date_cache
        if timestamp is not None:
            return super().date_time_string(timestamp)
        now = int(time.time())
        cached = _date_cache
        if cached[0] != now:
            cached = _date_cache = (now, super().date_time_string(now))
        return cached[1]

    def parse_request(self) -> bool:
        """The standard library's, with the header block read by ``http_headers`` (not
        the email package): the request line is still parsed by ``super()``, which is
        stopped as it starts on the headers."""
        real = self.rfile
        self.rfile = _HEADERS_NEXT  # type: ignore[assignment]
        try:
            super().parse_request()
            return False  # an error on the request line, already answered
        except _HeadersNext:
            pass
        finally:
            self.rfile = real
        try:
            self.headers = read_headers(real)
        except http.client.LineTooLong as exc:
            self.send_error(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Line too long", str(exc))
            return False
        except http.client.HTTPException as exc:
            self.send_error(
                HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Too many headers", str(exc)
            )
            return False
        except HeaderLineError as exc:
            self.close_connection = True
            self.send_error(HTTPStatus.BAD_REQUEST, "Bad header line", str(exc))
            return False
        # what the standard library does next, unchanged
        connection = self.headers.get("Connection", "").lower()
        if connection == "close":
            self.close_connection = True
        elif connection == "keep-alive" and self.protocol_version >= "HTTP/1.1":
            self.close_connection = False
        if (
            self.headers.get("Expect", "").lower() == "100-continue"
            and self.protocol_version >= "HTTP/1.1"
            and self.request_version >= "HTTP/1.1"
        ):
            return self.handle_expect_100()
        return True

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_PATCH(self) -> None:
        self._dispatch("PATCH")

    # -- plumbing -----------------------------------------------------------------------
    def _read_body(self) -> bytes | None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self.close_connection = True
            return None
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            self.close_connection = True
            return None
        if length < 0 or length > MAX_BODY:
            self.close_connection = True
            return None
        return self.rfile.read(length) if length else b""

    def send_raw(
        self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _dispatch(self, method: str) -> None:
        target = self.path
        if target.startswith(("http://", "https://")):
            # The official SDK sends the absolute URL as request target (RFC 9112 §3.2.2).
            parts = urlsplit(target)
            target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        path = target.split("?", 1)[0]
        body = self._read_body()
        route = route_of(path)
        if route == "sandbox":
            if body is None:
                self.send_raw(
                    413, b'{"error":"request body too large or not sized"}', "application/json"
                )
                return
            suffix = ""
            lang = wallet.language(self.headers.get("Accept-Language"))
            if self.server.lan:  # the payer's pages can pay: only with this session's token
                offered = simulator.offered_token(target, self.headers.get("X-Sandbox-Token"))
                if not self.server.gateway.lan_token_ok(offered):
                    simulator.refuse(self, method, lang)
                    return
                suffix = f"?t={self.server.gateway.lan_token}"
            simulator.handle(self, self.server.gateway, method, target, body, suffix, lang)
            return
        if route == "alipayhk":  # AlipayHK legacy envelope (sandbox/alipayhk.py)
            from cashier_app.sandbox import alipayhk

            alipayhk.handle(self, self.server.gateway, method, path, body)
            return
        self._api(method, target, path, body)

    # -- Antom API ----------------------------------------------------------------------
    def _api(self, method: str, target: str, path: str, body: bytes | None) -> None:
        gw = self.server.gateway
        name = api.api_name(path)
        client_id = self.headers.get("client-id") or ""
        faults = gw.faults.take(REQUEST_KINDS, name) if name and gw.faults else []
        by_kind = {f.kind: f for f in faults}
        if "latency" in by_kind:
            time.sleep(by_kind["latency"].seconds)
        skew = by_kind["clock_skew"].seconds if "clock_skew" in by_kind else 0.0
        faults = [f for f in faults if f.kind != "clock_skew"]
        # "before" faults strike without the request being processed; a bad signature
        # always spoils a real answer.
        early = [f for f in faults if not f.after and f.kind in _EARLY_KINDS]
        if early:
            self._strike(
                early[0],
                method,
                target,
                client_id,
                {
                    "result": api.result(
                        "UNKNOWN_EXCEPTION", "U", "unknown exception (sandbox fault)"
                    )
                },
                skew,
            )
            return
        answer = self._answer(method, target, path, name, client_id, body)
        late = [f for f in faults if f.kind != "latency"]
        if late:
            self._strike(late[0], method, target, client_id, answer, skew)
            return
        self._send_signed(method, target, client_id, answer, skew=skew)

    def _answer(
        self,
        method: str,
        target: str,
        path: str,
        name: str | None,
        client_id: str,
        body: bytes | None,
    ) -> dict[str, Any]:
        return answer_for(
            self.server.gateway, self.headers, method, target, path, name, client_id, body
        )

    # -- answers ------------------------------------------------------------------------
    def _send_signed(
        self,
        method: str,
        target: str,
        client_id: str,
        answer: dict[str, Any],
        mode: str | None = None,
        status: int = 200,
        skew: float = 0.0,
    ) -> None:
        gw = self.server.gateway
        body = answer_body(answer)
        if mode == "malformed":  # cut short, as a proxy that dropped the end would; signed
            body = body[: max(1, len(body) // 2)]
        sent_at = request_time(gw.now() + timedelta(seconds=skew))
        signer = gw.throwaway_signer() if mode == "wrong_key" else gw.signer
        if mode == "bad_time":
            sent_at = "yesterday"
        signature = signer.sign(method, target, client_id, sent_at, body)
        if mode == "flip":
            raw = bytearray(base64.b64decode(unquote_plus(signature)))
            raw[len(raw) // 2] ^= 0x01
            signature = quote_plus(base64.b64encode(bytes(raw)).decode("ascii"))
        if mode == "tamper_body":
            body = body.replace(b"{", b"{ ", 1)
        headers = {"client-id": client_id, "response-time": sent_at}
        if mode != "missing":
            headers["signature"] = signature_header(signer.key_version, signature)
        self.send_raw(status, body, "application/json; charset=UTF-8", headers)

    def _strike(
        self,
        fault: Fault,
        method: str,
        target: str,
        client_id: str,
        answer: dict[str, Any],
        skew: float = 0.0,
    ) -> None:
        if fault.kind == "http_error":
            text = f"sandbox fault: HTTP {fault.status}".encode()
            self.send_raw(fault.status, text, "text/plain; charset=UTF-8")
        elif fault.kind == "reset":
            self._reset()
        elif fault.kind == "unknown_exception":
            self._send_signed(
                method,
                target,
                client_id,
                {
                    "result": api.result(
                        "UNKNOWN_EXCEPTION", "U", "unknown exception (sandbox fault)"
                    )
                },
                skew=skew,
            )
        elif fault.kind == "rate_limited":
            self._send_signed(
                method,
                target,
                client_id,
                {
                    "result": api.result(
                        "REQUEST_TRAFFIC_EXCEED_LIMIT", "U", "request traffic exceeds the limit"
                    )
                },
                skew=skew,
            )
        elif fault.kind == "timeout":
            self._hold(fault.seconds)
        elif fault.kind == "malformed_json":
            self._send_signed(method, target, client_id, answer, mode="malformed", skew=skew)
        elif fault.kind == "bad_signature":
            self._send_signed(method, target, client_id, answer, mode=fault.mode, skew=skew)
        else:
            self._send_signed(method, target, client_id, answer, skew=skew)

    def _hold(self, seconds: float) -> None:
        """Never answer: keep the connection silent for ``seconds`` (the client's read
        timeout strikes first), then close it without a byte, as a hung gateway does."""
        self.close_connection = True
        gw = self.server.gateway
        gw.stopping.wait(seconds)  # a stopping sandbox lets go at once
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _reset(self) -> None:
        """Abort the connection with a TCP RST (SO_LINGER 0), as a dropped network does."""
        self.close_connection = True
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        except OSError:
            pass


def _json_dumps(answer: dict[str, Any]) -> bytes:
    return json.dumps(answer, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _answer_encoder() -> Callable[[dict[str, Any]], bytes]:
    """``_json_dumps``, with json's C encoder made once: ``json.dumps`` makes one for every
    call, about 40% of its time for an answer. The same bytes (checked here on every kind
    of JSON value, else ``json.dumps`` itself); no circular-reference check, which
    answers, made fresh for each request, never need."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return _json_dumps
    default = json.JSONEncoder().default
    encode = make(None, default, json.encoder.encode_basestring, None, ":", ",", False, False, True)

    def fast(answer: dict[str, Any]) -> bytes:
        return "".join(encode(answer, 0)).encode("utf-8")

    probe = {"a": [1, 2.5, -0.0, 1e300, True, False, None], "ü": {"支付宝": '"\n\u2028'}, "": {}}
    try:
        same = fast(probe) == _json_dumps(probe)
    except Exception:  # an interpreter whose encoder takes other arguments
        same = False
    return fast if same else _json_dumps


#: An answer's exact bytes: compact JSON, UTF-8, non-ASCII kept (what is signed).
answer_body = _answer_encoder()


def signature_header(key_version: str, signature: str) -> str:
    """The ``signature`` header of an answer (``signature``: URL-encoded base64)."""
    return f"algorithm={ALGORITHM},keyVersion={key_version},signature={signature}"


@dataclass(frozen=True, slots=True)
class PendingCheck:
    """A request's signature still to verify: everything else about the request was
    checked and its answer made; only the RSA operation is left, with the merchant
    public key ``spki_der`` over ``content`` (``Verifier.prepare``)."""

    spki_der: bytes
    content: bytes
    signature: bytes


def answer_for(
    gw: SandboxGateway,
    headers: Any,
    method: str,
    target: str,
    path: str,
    name: str | None,
    client_id: str,
    body: bytes | None,
) -> dict[str, Any]:
    """The answer to an Antom API request (``headers``: any mapping with a
    case-insensitive ``get``); every error is a well-formed answer, signed later."""
    return _answer_for(gw, headers, method, target, path, name, client_id, body, None)


def answer_checked_later(
    gw: SandboxGateway,
    headers: Any,
    method: str,
    target: str,
    path: str,
    name: str | None,
    client_id: str,
    body: bytes | None,
) -> tuple[dict[str, Any], PendingCheck | None]:
    """``answer_for``, but for a read-only API (``api.READ_ONLY``) whose request passed
    every check short of its signature's RSA operation, the answer comes back with that
    check still to make (``PendingCheck``): the answer may be sent only once it holds;
    otherwise ``answer_for`` answers (a refusal). None: the answer may be sent as it is
    (verified, or refused before any signature was needed)."""
    if name not in api.READ_ONLY:
        return answer_for(gw, headers, method, target, path, name, client_id, body), None
    pending: list[PendingCheck] = []
    answer = _answer_for(gw, headers, method, target, path, name, client_id, body, pending)
    return answer, (pending[0] if pending else None)


def _answer_for(
    gw: SandboxGateway,
    headers: Any,
    method: str,
    target: str,
    path: str,
    name: str | None,
    client_id: str,
    body: bytes | None,
    pending: list[PendingCheck] | None,
) -> dict[str, Any]:
    refused = refusal(gw, headers, method, target, path, name, client_id, body, pending)
    if refused is not None:
        return refused
    assert name is not None and body is not None
    return run_api(gw, path, name, client_id, body)


def refusal(
    gw: SandboxGateway,
    headers: Any,
    method: str,
    target: str,
    path: str,
    name: str | None,
    client_id: str,
    body: bytes | None,
    pending: list[PendingCheck] | None = None,
) -> dict[str, Any] | None:
    """The answer refusing an Antom API request before its API runs (the method, the
    path, the body's length, the merchant's authentication), or None: ``run_api`` answers
    it. With ``pending``, a signature's RSA operation is left to the caller, as
    ``answer_checked_later`` does."""
    return _guarded(
        path, _refuse, gw, headers, method, target, path, name, client_id, body, pending
    )


def run_api(
    gw: SandboxGateway, path: str, name: str, client_id: str, body: bytes
) -> dict[str, Any]:
    """The answer of the API ``name`` to the ``body`` of a request ``refusal`` let
    through: what it is to read of the gateway is all it depends on (and the time, for a
    payment in process that may be due to expire)."""
    return _guarded(path, _run, gw, name, client_id, body)


def _refuse(
    gw: SandboxGateway,
    headers: Any,
    method: str,
    target: str,
    path: str,
    name: str | None,
    client_id: str,
    body: bytes | None,
    pending: list[PendingCheck] | None,
) -> None:
    if method != "POST":
        raise api.ApiError(
            "METHOD_NOT_SUPPORTED", f"{method} is not supported; Antom APIs take POST"
        )
    if name is None:
        raise api.ApiError("NO_INTERFACE_DEF", f"no API is defined at {path}")
    if body is None:
        raise api.ApiError(
            "PARAM_ILLEGAL",
            f"request body must be sent with a Content-Length of at most {MAX_BODY} bytes",
        )
    _authenticate(gw, headers, method, target, client_id, body, pending)


def _run(gw: SandboxGateway, name: str, client_id: str, body: bytes) -> dict[str, Any]:
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise api.ApiError("PARAM_ILLEGAL", "request body is not UTF-8 JSON") from None
    if not isinstance(data, dict):
        raise api.ApiError("PARAM_ILLEGAL", "request body must be a JSON object")
    return api.HANDLERS[name](gw, client_id, data)


def _guarded(path: str, work: Callable[..., _T], *args: Any) -> _T | dict[str, Any]:
    """``work(*args)``, every error of it a well-formed answer (signed later)."""
    try:
        return work(*args)
    except api.ApiError as exc:
        return {"result": api.result(exc.code, exc.status, exc.message)}
    except NotHeld:
        raise
    except Exception:  # a sandbox bug must still give a well-formed, signed answer
        log.exception("sandbox failed on %s", path)
        return {"result": api.result("UNKNOWN_EXCEPTION", "U", "sandbox internal error")}


def _authenticate(
    gw: SandboxGateway,
    headers: Any,
    method: str,
    target: str,
    client_id: str,
    body: bytes,
    pending: list[PendingCheck] | None = None,
) -> None:
    """Raise ApiError unless the request is a registered merchant's, signed right; with
    ``pending``, the signature's RSA operation is not made but added to it."""
    if not client_id:
        raise api.ApiError("CLIENT_INVALID", "client-id header is missing")
    keys = gw.merchant_keys(client_id)
    if keys is None:
        raise api.ApiError("CLIENT_INVALID", f"client-id {client_id!r} is not registered")
    content_type = headers.get("Content-Type", "")
    if not content_type.lower().startswith("application/json"):
        raise api.ApiError(
            "MEDIA_TYPE_NOT_ACCEPTABLE",
            f"Content-Type must be application/json, not {content_type or 'missing'!r}",
        )
    sent_at = headers.get("Request-Time")
    try:
        check_time(sent_at, "Request-Time")
    except SignatureError as exc:
        raise api.ApiError("PARAM_ILLEGAL", str(exc)) from None
    assert sent_at is not None
    tolerance = gw.request_time_tolerance
    if tolerance is not None:
        off = (parse_header_time(sent_at, "Request-Time") - gw.now()).total_seconds()
        if abs(off) > tolerance:
            where = "ahead of" if off > 0 else "behind"
            raise api.ApiError(
                "PARAM_ILLEGAL",
                f"Request-Time {sent_at} is {abs(off):.0f} s "
                f"{where} the gateway's clock (tolerance {tolerance:g} s)",
            )
    try:
        header = parse_signature_header(headers.get("Signature"))
    except SignatureError as exc:
        raise api.ApiError("INVALID_SIGNATURE", str(exc)) from None
    verifier = keys.get(header.key_version)
    if verifier is None:
        raise api.ApiError(
            "KEY_NOT_FOUND",
            f"no public key with keyVersion {header.key_version} for client-id {client_id}",
        )
    try:
        if pending is None:
            verifier.verify(method, target, client_id, sent_at, body, header.signature)
        else:
            content, raw = verifier.prepare(
                method, target, client_id, sent_at, body, header.signature
            )
            pending.append(PendingCheck(verifier.spki_der, content, raw))
    except SignatureError as exc:
        raise api.ApiError(
            "INVALID_SIGNATURE",
            f"request {exc}".replace("gateway public key", "merchant public key"),
        ) from None
