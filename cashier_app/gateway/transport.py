"""HTTP POST with a cap on the answer's size: a gateway (or something posing as one) cannot
make the cashier buffer an unbounded body before the signature check refuses it."""

from __future__ import annotations

import ssl

import httpx

from cashier_app.gateway.errors import MalformedResponse

#: Antom answers are a few KiB; 1 MiB leaves room for any real one.
MAX_RESPONSE_BYTES = 1024 * 1024


def transport_for(base_url: str) -> httpx.HTTPTransport:
    """The client's transport, no retries (the client retries itself). A plain-http base
    URL (a sandbox on loopback) gets a TLS context that trusts no one instead of the
    default one: loading the CA bundle costs about 0.1 s of every start, and an http
    gateway never needs it (should anything try TLS there, it fails closed)."""
    if base_url.startswith("http://"):
        return httpx.HTTPTransport(retries=0, verify=ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT))
    return httpx.HTTPTransport(retries=0)


def post_capped(http: httpx.Client, url: str, *, content: bytes, headers: dict[str, str],
                api: str, limit: int = MAX_RESPONSE_BYTES) -> httpx.Response:
    """POST and read the answer, refusing more than ``limit`` bytes (MalformedResponse).
    Transport errors and timeouts propagate as httpx raises them."""
    with http.stream("POST", url, content=content, headers=headers) as response:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise MalformedResponse(f"{api}: answer of {int(declared):,} bytes is over the "
                                    f"{limit:,}-byte limit")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise MalformedResponse(f"{api}: answer is over the {limit:,}-byte limit")
            chunks.append(chunk)
    return httpx.Response(response.status_code, headers=response.headers,
                          content=b"".join(chunks), request=response.request)
