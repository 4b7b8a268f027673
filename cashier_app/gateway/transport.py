"""HTTP POST over httpx, for a real gateway (https: TLS, the system's proxies) or an
injected httpx transport: the limits of ``wire.py`` (the answer capped, never compressed,
the thread's deadline over the whole request: httpx's timeouts are per read, so an answer
dripped one byte every few seconds would never time out). Imported only when such a
gateway is used; a plain-http sandbox on loopback goes through ``loopback.py``."""

from __future__ import annotations

import ssl
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

import httpcore

from cashier_app.gateway.errors import RequestError
from cashier_app.gateway.httpx_lean import httpx
from cashier_app.gateway.wire import (
    MAX_RESPONSE_BYTES,
    Answer,
    Headers,
    WireError,
    WireTimeout,
    check_head,
    deadline,
    read_capped,
)
from cashier_app.gateway.wire import bounded as _bounded

__all__ = ["MAX_RESPONSE_BYTES", "HttpxPoster", "deadline", "post_capped", "transport_for"]


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


#: Connections to one gateway: a few requests at once (polls, a cancel), kept alive.
LIMITS = httpx.Limits(max_connections=8, max_keepalive_connections=4, keepalive_expiry=30.0)


def system_proxy(base_url: str) -> str | None:
    """The proxy the system sets for ``base_url`` (``HTTPS_PROXY`` / ``ALL_PROXY`` and
    ``NO_PROXY``, or the platform's settings), None for a direct connection."""
    import urllib.request  # httpx imports it anyway

    parts = urlsplit(base_url)
    proxies = urllib.request.getproxies()
    proxy = proxies.get(parts.scheme) or proxies.get("all")
    if not proxy or urllib.request.proxy_bypass(parts.hostname or ""):
        return None
    return proxy


def transport_for(base_url: str, *, trust_env: bool = True) -> httpx.HTTPTransport:
    """The client's transport, no retries (the client retries itself), honouring
    ``deadline``; with ``trust_env`` through the system's proxy (``system_proxy``: an
    httpx client given a transport of its own never looks for one). A plain-http base URL
    (a sandbox on loopback) gets a TLS context that trusts no one instead of the default
    one: loading the CA bundle costs about 0.1 s of every start, and an http gateway never
    needs it (should anything try TLS there, it fails closed)."""
    if base_url.startswith("http://"):
        transport = httpx.HTTPTransport(
            retries=0, limits=LIMITS, verify=ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        )
    else:
        proxy = system_proxy(base_url) if trust_env else None
        try:
            transport = httpx.HTTPTransport(retries=0, limits=LIMITS, proxy=proxy)
        except (ImportError, ValueError) as exc:  # e.g. socks5:// without socksio
            raise RequestError.of("system_s_proxy_cannot_used", proxy=proxy, exc=exc) from None
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
        check_head(api, Headers(response.headers.multi_items()), limit)
        # identity only (checked above): nothing is inflated
        body = read_capped(api, response.iter_bytes(), limit)
    return httpx.Response(
        response.status_code, headers=response.headers, content=body, request=response.request
    )


class HttpxPoster:
    """``wire.Poster`` over one keep-alive ``httpx.Client`` (thread-safe)."""

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float,
        connect_timeout: float,
        transport: httpx.BaseTransport | None = None,
        trust_env: bool = True,
    ) -> None:
        self.http = httpx.Client(
            transport=transport or transport_for(base_url, trust_env=trust_env),
            timeout=httpx.Timeout(timeout, connect=connect_timeout),
            limits=LIMITS,
            follow_redirects=False,
            trust_env=trust_env,
        )

    def post(
        self, url: str, *, content: bytes, headers: dict[str, str], api: str, limit: int
    ) -> Answer:
        try:
            response = post_capped(
                self.http, url, content=content, headers=headers, api=api, limit=limit
            )
        except httpx.TimeoutException as exc:
            raise WireTimeout(type(exc).__name__, str(exc)) from None
        except httpx.TransportError as exc:
            raise WireError(type(exc).__name__, str(exc)) from None
        return Answer(
            response.status_code, Headers(response.headers.multi_items()), response.content
        )

    def close(self) -> None:
        self.http.close()
