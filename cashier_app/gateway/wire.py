"""What the gateway client needs of HTTP, whichever library carries it: one capped POST
(``Poster.post``) answering an ``Answer``, the thread's deadline, and two failures.

Two posters exist. A plain-http base URL is always a sandbox on loopback
(``check_gateway_url`` allows http nowhere else): there ``loopback.LoopbackPoster``, the
standard library's ``http.client`` over kept-alive sockets, is all that is needed, and a
headless ``cashier pay`` does not pay for importing httpx (with httpcore and h11, a fifth
of its run). A real gateway (https: TLS, the system's proxies) or an injected httpx
transport (the tests' ``httpx.MockTransport``) goes through httpx (``transport.py``),
imported only then.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from cashier_app.gateway.errors import GatewayError, MalformedResponse

if TYPE_CHECKING:
    import httpx

#: Antom answers are a few KiB; 1 MiB leaves room for any real one.
MAX_RESPONSE_BYTES = 1024 * 1024


class WireTimeout(GatewayError):
    """No answer by the deadline or the timeout; ``kind`` says where it struck, in
    httpx's words (ConnectTimeout, WriteTimeout, ReadTimeout), whichever poster it was.
    The gateway client turns it into a coded GatewayTimeout: it never reaches an operator."""

    MESSAGES: ClassVar[dict[str, str]] = {"wire": "{message}"}

    def __init__(self, kind: str, message: str = "") -> None:
        super().__init__(code="wire", params={"kind": kind, "message": message or kind})
        self.kind = kind


class WireError(GatewayError):
    """The request failed on the way (refused, reset, not HTTP); the request may or may
    not have arrived. ``kind`` in httpx's words (ConnectError, ReadError, WriteError,
    RemoteProtocolError). The gateway client turns it into a coded TransportError (by
    kind, :meth:`TransportError.describe`): it never reaches an operator."""

    MESSAGES: ClassVar[dict[str, str]] = {"wire": "{message}"}

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(code="wire", params={"kind": kind, "message": message})
        self.kind = kind


class Headers:
    """An answer's headers, names case-insensitive (``get("Signature")`` and
    ``get("signature")`` are one); a repeated header's values joined with ", " as httpx
    does. ``dict(headers)`` gives the lower-case names."""

    __slots__ = ("_map",)

    def __init__(self, items: Iterable[tuple[str, str]] = ()) -> None:
        merged: dict[str, str] = {}
        for name, value in items:
            key = name.lower()
            merged[key] = f"{merged[key]}, {value}" if key in merged else value
        self._map = merged

    def get(self, name: str, default: str | None = None) -> str | None:
        return self._map.get(name.lower(), default)

    def __getitem__(self, name: str) -> str:
        return self._map[name.lower()]

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._map

    def keys(self) -> Iterable[str]:
        return self._map.keys()

    def items(self) -> Iterable[tuple[str, str]]:
        return self._map.items()

    def __iter__(self) -> Iterator[str]:
        return iter(self._map)

    def __len__(self) -> int:
        return len(self._map)

    def __repr__(self) -> str:
        return f"Headers({self._map!r})"


class Answer:
    """One HTTP answer, read whole (at most the poster's limit)."""

    __slots__ = ("content", "headers", "status_code")

    def __init__(self, status_code: int, headers: Headers, content: bytes) -> None:
        self.status_code = status_code
        self.headers = headers
        self.content = content

    def __repr__(self) -> str:
        return f"<Answer {self.status_code}, {len(self.content)} bytes>"


class Poster(Protocol):
    def post(
        self, url: str, *, content: bytes, headers: dict[str, str], api: str, limit: int
    ) -> Answer:
        """POST and read the answer whole. Raises WireTimeout, WireError, or
        MalformedResponse (over ``limit``, or compressed)."""

    def close(self) -> None: ...


def poster_for(
    base_url: str,
    *,
    timeout: float,
    connect_timeout: float,
    transport: httpx.BaseTransport | None = None,
    trust_env: bool = True,
) -> Poster:
    """The poster for ``base_url``: the standard library on a plain-http (loopback)
    sandbox, httpx for https or when a transport is given."""
    if transport is None and base_url.startswith("http://"):
        from cashier_app.gateway.loopback import LoopbackPoster

        return LoopbackPoster(timeout=timeout, connect_timeout=connect_timeout)
    from cashier_app.gateway.transport import HttpxPoster

    return HttpxPoster(
        base_url,
        timeout=timeout,
        connect_timeout=connect_timeout,
        transport=transport,
        trust_env=trust_env,
    )


# -- limits every poster applies ----------------------------------------------------------


def check_head(api: str, headers: Headers, limit: int) -> None:
    """Refuse an answer before reading its body: one declared over ``limit`` bytes, or
    compressed (we ask for identity: a small gzip body can inflate to gigabytes)."""
    declared = headers.get("content-length") or ""
    if declared.isdigit() and int(declared) > limit:
        raise MalformedResponse.of(
            "answer_bytes_over_byte_limit",
            api=api,
            declared=f"{int(declared):,}",
            limit=f"{limit:,}",
        )
    encoding = (headers.get("content-encoding") or "identity").strip().lower()
    if encoding not in ("", "identity"):
        raise MalformedResponse.of(
            "answer_compressed_although_we_asked_uncompressed", api=api, encoding=encoding
        )


def read_capped(api: str, chunks: Iterable[bytes], limit: int) -> bytes:
    """The body from ``chunks``, refusing it as soon as it is over ``limit`` bytes."""
    out: list[bytes] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > limit:
            raise MalformedResponse.of("answer_over_byte_limit", api=api, limit=f"{limit:,}")
        out.append(chunk)
    return b"".join(out)


# -- the thread's deadline ----------------------------------------------------------------

_limit = threading.local()


@contextlib.contextmanager
def deadline(at: float | None) -> Iterator[None]:
    """Every connect, read and write of this thread's requests inside the block ends by
    ``at`` (``time.monotonic()`` seconds; None: no deadline); both posters honour it. A
    gateway dripping one byte every few seconds would otherwise reset every per-read
    timeout for ever."""
    previous = getattr(_limit, "at", None)
    _limit.at = at
    try:
        yield
    finally:
        _limit.at = previous


def bounded(timeout: float | None, error: Any) -> float | None:
    """``timeout``, shortened to what is left of the thread's deadline; ``error(message)``
    is raised when the deadline has passed already."""
    at: float | None = getattr(_limit, "at", None)
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise error("the request's deadline has passed")
    return left if timeout is None else min(timeout, left)
