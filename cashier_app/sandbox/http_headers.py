"""The request header block, read without the email package.

``BaseHTTPRequestHandler.parse_request`` hands the header block to
``email.parser``, whose fixed cost (about 0.07 ms even for no headers at all, 0.16 ms for
a signed Antom request on a loaded two-core machine) was a third of the sandbox's own CPU
for each answer under load. :func:`read_headers` reads the same block into the same
``http.client.HTTPMessage`` with the standard library's limits (line length, header
count), and is stricter where RFC 9112 §5 asks a server to be: a line folded onto the
previous one (obs-fold), a name with white space before its colon, or a line without a
colon is refused (400) instead of being taken as the start of the body.
"""

from __future__ import annotations

import http.client
from typing import ClassVar, Protocol

from cashier_app.domain.errors import CashierError

#: The standard library's limits (``http.client._MAXLINE`` / ``_MAXHEADERS``).
MAX_LINE = 65536
MAX_HEADERS = 100

_TOKEN = frozenset("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


class Lines(Protocol):
    def readline(self, size: int | None = -1, /) -> bytes: ...


class HeaderLineError(CashierError):
    """A header line that is not ``name: value`` (answered 400)."""

    layer = "sandbox"
    MESSAGES: ClassVar[dict[str, str]] = {
        "bad_header_line": "bad header line {text!r}",
    }


def read_headers(fp: Lines) -> http.client.HTTPMessage:
    """Header lines up to the blank line. Raises ``http.client.LineTooLong`` for a line
    over ``MAX_LINE`` bytes, ``http.client.HTTPException`` for more than ``MAX_HEADERS``
    lines (both answered 431, as the standard library does) and HeaderLineError."""
    headers = http.client.HTTPMessage()
    count = 0
    while True:
        line = fp.readline(MAX_LINE + 1)
        if len(line) > MAX_LINE:
            raise http.client.LineTooLong("header line")
        if line in (b"\r\n", b"\n", b""):
            return headers
        count += 1
        if count > MAX_HEADERS:
            raise http.client.HTTPException(f"got more than {MAX_HEADERS} headers")
        text = line.decode("iso-8859-1")
        name, colon, value = text.partition(":")
        if not colon or not name or not _TOKEN.issuperset(name):
            raise HeaderLineError.of("bad_header_line", text=text.rstrip()[:80])
        # as email's compat32 policy keeps it: leading blanks and the line end dropped
        headers[name] = value.lstrip(" \t").rstrip("\r\n")
