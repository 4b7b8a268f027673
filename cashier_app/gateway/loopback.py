"""``LoopbackPoster``: the gateway client's HTTP on a plain-http sandbox (always loopback),
on the standard library's ``http.client`` over kept-alive sockets.

The same limits as the httpx poster (``wire.py``): the answer capped and never
compressed, and the thread's deadline bounding the connect, the send and *every* read of
the answer (each read's timeout is what is left of it, so an answer dripped one byte at a
time ends on time). No proxy is ever asked (a proxy must never sit between the till and a
local sandbox) and no TLS is needed: http is allowed on loopback only.

Idle connections are kept (at most ``max_idle``, for ``keepalive_expiry`` seconds) and
reused when the server has not closed them meanwhile (checked before each reuse, as
httpcore does). Nothing is resent here: a failed request raises, and the client's retry
loop decides (the same body, the same ``paymentRequestId``).
"""

from __future__ import annotations

import contextlib
import http.client
import io
import select
import socket
import threading
import time
from typing import Any
from urllib.parse import urlsplit

from cashier_app.domain.net import resolvable
from cashier_app.gateway.wire import (
    Answer,
    Headers,
    WireError,
    WireTimeout,
    bounded,
    check_head,
    read_capped,
)

_CHUNK = 64 * 1024


def _timeout(kind: str) -> Any:
    return lambda message: WireTimeout(kind, message)


_CONNECT_TIMEOUT = _timeout("ConnectTimeout")
_WRITE_TIMEOUT = _timeout("WriteTimeout")
_READ_TIMEOUT = _timeout("ReadTimeout")


class _Socket(socket.socket):
    """A socket whose reader (``makefile``, what ``http.client`` reads the answer with)
    bounds every read by ``read_timeout`` and the thread's deadline."""

    read_timeout: float | None = None

    def makefile(self, *args: Any, **kwargs: Any) -> Any:  # http.client asks for "rb"
        return io.BufferedReader(_BoundedReader(super().makefile("rb", buffering=0), self))


class _BoundedReader(io.RawIOBase):
    def __init__(self, raw: Any, sock: _Socket) -> None:
        self._raw = raw
        self._sock = sock

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int | None:
        self._sock.settimeout(bounded(self._sock.read_timeout, _READ_TIMEOUT))
        n: int | None = self._raw.readinto(buffer)
        return n

    def close(self) -> None:
        if not self.closed:
            self._raw.close()  # lets go of the socket's reference (it stays open)
        super().close()


def _reusable(conn: http.client.HTTPConnection) -> bool:
    """An idle connection is reusable while the server has said nothing on it: readable
    means it was closed (or something unasked for arrived)."""
    sock = conn.sock
    if sock is None:
        return False
    try:
        readable, _, _ = select.select([sock], [], [], 0)
    except (OSError, ValueError):
        return False
    return not readable


class LoopbackPoster:
    """Thread-safe; each request has a connection of its own while it runs."""

    def __init__(
        self,
        *,
        timeout: float,
        connect_timeout: float,
        max_idle: int = 4,
        keepalive_expiry: float = 30.0,
    ) -> None:
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self.max_idle = max_idle
        self.keepalive_expiry = keepalive_expiry
        self._idle: list[tuple[tuple[str, int], http.client.HTTPConnection, float]] = []
        self._lock = threading.Lock()
        self._closed = False
        #: connections opened so far (a reused one is not counted again)
        self.opened = 0

    def post(
        self, url: str, *, content: bytes, headers: dict[str, str], api: str, limit: int
    ) -> Answer:
        parts = urlsplit(url)
        if parts.scheme != "http" or not parts.hostname:
            raise WireError("UnsupportedProtocol", f"{url!r} is not a plain-http URL")
        key = (parts.hostname, parts.port or 80)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        conn = self._take(key) or self._connect(key)
        try:
            answer, keep = self._exchange(conn, target, content, headers, api, limit)
        except BaseException:
            conn.close()
            raise
        if keep:
            self._give_back(key, conn)
        else:
            conn.close()
        return answer

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for _, conn, _ in idle:
            conn.close()

    # -- connections ------------------------------------------------------------------
    def _take(self, key: tuple[str, int]) -> http.client.HTTPConnection | None:
        stale = []
        found = None
        now = time.monotonic()
        with self._lock:
            for i in range(len(self._idle) - 1, -1, -1):  # the most recent first
                k, conn, since = self._idle[i]
                if now - since > self.keepalive_expiry:
                    stale.append(self._idle.pop(i)[1])
                elif k == key and found is None:
                    found = self._idle.pop(i)[1]
        for conn in stale:
            conn.close()
        if found is not None and not _reusable(found):
            found.close()
            return None
        return found

    def _give_back(self, key: tuple[str, int], conn: http.client.HTTPConnection) -> None:
        with self._lock:
            if not self._closed and len(self._idle) < self.max_idle:
                self._idle.append((key, conn, time.monotonic()))
                return
        conn.close()

    def _connect(self, key: tuple[str, int]) -> http.client.HTTPConnection:
        wait = bounded(self.connect_timeout, _CONNECT_TIMEOUT)
        try:
            raw = socket.create_connection(
                (resolvable(key[0]), key[1]),  # type: ignore[arg-type]  # bytes: typeshed says str
                timeout=wait,
            )
        except TimeoutError:
            raise WireTimeout("ConnectTimeout", "timed out") from None
        except OSError as exc:
            raise WireError("ConnectError", str(exc)) from None
        with contextlib.suppress(OSError):  # an answer a few ms later at worst
            raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock = _Socket(raw.family, raw.type, raw.proto, raw.detach())
        sock.read_timeout = self.timeout
        conn = http.client.HTTPConnection(*key)
        conn.sock = sock
        with self._lock:
            self.opened += 1
        return conn

    # -- one request --------------------------------------------------------------------
    def _exchange(
        self,
        conn: http.client.HTTPConnection,
        target: str,
        content: bytes,
        headers: dict[str, str],
        api: str,
        limit: int,
    ) -> tuple[Answer, bool]:
        sock = conn.sock
        assert sock is not None
        try:
            sock.settimeout(bounded(self.timeout, _WRITE_TIMEOUT))
            conn.request(
                "POST", target, body=content, headers={**headers, "Accept-Encoding": "identity"}
            )
        except TimeoutError:
            raise WireTimeout("WriteTimeout", "timed out") from None
        except OSError as exc:
            raise WireError("WriteError", str(exc)) from None
        try:
            response = conn.getresponse()
            head = Headers(response.getheaders())
            check_head(api, head, limit)
            body = read_capped(api, iter(lambda: response.read(_CHUNK), b""), limit)
        except TimeoutError:
            raise WireTimeout("ReadTimeout", "timed out") from None
        except http.client.HTTPException as exc:  # not HTTP, cut short, disconnected
            raise WireError("RemoteProtocolError", str(exc) or type(exc).__name__) from None
        except OSError as exc:
            raise WireError("ReadError", str(exc)) from None
        return Answer(response.status, head, body), not response.will_close
