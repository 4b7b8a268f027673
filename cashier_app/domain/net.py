"""Is a host this machine? Plain http, and unauthenticated sandbox control, are only for it."""

from __future__ import annotations

import ipaddress


def is_loopback_host(host: str | None) -> bool:
    """True for ``localhost`` and any loopback address (127.0.0.0/8, ``::1``, ``[::1]``)."""
    name = (host or "").strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def resolvable(host: str) -> str | bytes:
    """``host`` as ``socket.create_connection`` / ``getaddrinfo`` take it without the idna
    codec: an ASCII name or address as bytes, looked up as it is (a ``str`` goes through
    ``encodings.idna`` at every look-up, and the first one imports it, with stringprep
    and unicodedata: ~2 ms of every headless ``cashier pay``); anything else unchanged."""
    return host.encode("ascii") if host.isascii() else host
