"""HTTP POST with limits a gateway (or something posing as one) cannot stretch: a cap on the
answer's size (the signature check refuses garbage only after it has been read), no
compression (a small gzip body can inflate to gigabytes before any cap sees it), and a
deadline for the whole request (httpx's timeouts are per read, so an answer dripped one
byte every few seconds would never time out)."""

from __future__ import annotations

import contextlib
import ssl
import threading
import time
from collections.abc import Iterable, Iterator
from typing import Any

import httpcore

from cashier_app.gateway.errors import MalformedResponse
from cashier_app.gateway.httpx_lean import httpx

#: Antom answers are a few KiB; 1 MiB leaves room for any real one.
MAX_RESPONSE_BYTES = 1024 * 1024


_limit = threading.local()


@contextlib.contextmanager
def deadline(at: float | None) -> Iterator[None]:
    """Every connect, read and write of this thread's requests inside the block ends by
    ``at`` (``time.monotonic()`` seconds; None: no deadline). Needs ``transport_for``'s
    transport; raises httpx's timeout exceptions like any other timeout."""
    previous = getattr(_limit, "at", None)
    _limit.at = at
    try:
        yield
    finally:
        _limit.at = previous


def _bounded(timeout: float | None, error: type[Exception]) -> float | None:
    at: float | None = getattr(_limit, "at", None)
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise error("the request's deadline has passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every operation also stops at the thread's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(
            self._inner.start_tls(
                ssl_context, server_hostname, _bounded(timeout, httpcore.ConnectTimeout)
            )
        )

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(
            self._inner.connect_tcp(
                host,
                port,
                _bounded(timeout, httpcore.ConnectTimeout),
                local_address,
                socket_options,
            )
        )

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(
            self._inner.connect_unix_socket(
                path, _bounded(timeout, httpcore.ConnectTimeout), socket_options
            )
        )

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def transport_for(base_url: str) -> httpx.HTTPTransport:
    """The client's transport, no retries (the client retries itself), honouring
    ``deadline``. A plain-http base URL (a sandbox on loopback) gets a TLS context that
    trusts no one instead of the default one: loading the CA bundle costs about 0.1 s of
    every start, and an http gateway never needs it (should anything try TLS there, it
    fails closed)."""
    if base_url.startswith("http://"):
        transport = httpx.HTTPTransport(retries=0, verify=ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT))
    else:
        transport = httpx.HTTPTransport(retries=0)
    pool = transport._pool  # httpcore.ConnectionPool: its backend opens every socket
    pool._network_backend = _DeadlineBackend(pool._network_backend)
    return transport


def post_capped(
    http: httpx.Client,
    url: str,
    *,
    content: bytes,
    headers: dict[str, str],
    api: str,
    limit: int = MAX_RESPONSE_BYTES,
) -> httpx.Response:
    """POST and read the answer, refusing more than ``limit`` bytes (MalformedResponse).
    Transport errors and timeouts propagate as httpx raises them."""
    headers = {**headers, "Accept-Encoding": "identity"}
    with http.stream("POST", url, content=content, headers=headers) as response:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise MalformedResponse(
                f"{api}: answer of {int(declared):,} bytes is over the {limit:,}-byte limit"
            )
        encoding = response.headers.get("content-encoding", "identity").strip().lower()
        if encoding not in ("", "identity"):
            raise MalformedResponse(
                f"{api}: answer is compressed ({encoding}) although we "
                "asked for it uncompressed: refused unread"
            )
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():  # identity only (checked above): no inflating
            size += len(chunk)
            if size > limit:
                raise MalformedResponse(f"{api}: answer is over the {limit:,}-byte limit")
            chunks.append(chunk)
    return httpx.Response(
        response.status_code,
        headers=response.headers,
        content=b"".join(chunks),
        request=response.request,
    )
