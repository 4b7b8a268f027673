"""The sandbox reads request headers without the email package: the same headers as the
standard library's parser gives, its limits, and a 400 for what RFC 9112 §5 refuses."""

from __future__ import annotations

import http.client
import io
import socket
from urllib.parse import urlsplit

import pytest

from cashier_app.sandbox.http_headers import MAX_HEADERS, HeaderLineError, read_headers

BLOCK = (
    b"Host: 127.0.0.1:8080\r\n"
    b"content-type: application/json; charset=UTF-8\r\n"
    b"Client-Id:SANDBOX_X\r\n"
    b"Request-Time: \t2026-12-01T12:00:00+00:00\r\n"
    b"X-Empty:\r\n"
    b"X-Trailing: kept   \r\n"
    b"Signature: algorithm=RSA256,keyVersion=1,signature=abc%2Bdef%3D\r\n"
    b"Accept-Language: zh-CN\r\n"
    b"Accept-Language: en\r\n"
    b"X-Latin: caf\xe9\r\n"
    b"\r\n"
    b'{"body": "not a header"}'
)


def test_the_same_headers_as_the_standard_library():
    ours, theirs = read_headers(io.BytesIO(BLOCK)), http.client.parse_headers(io.BytesIO(BLOCK))
    assert isinstance(ours, http.client.HTTPMessage)
    assert ours.items() == theirs.items()
    assert ours.get("CLIENT-ID") == "SANDBOX_X" and ours.get("missing", "") == ""
    assert ours.get_all("accept-language") == ["zh-CN", "en"]
    fp = io.BytesIO(BLOCK)
    read_headers(fp)
    assert fp.read() == b'{"body": "not a header"}'  # stopped at the blank line


def test_bare_newlines_and_an_early_end():
    assert read_headers(io.BytesIO(b"A: 1\nB: 2\n\nrest")).items() == [("A", "1"), ("B", "2")]
    assert read_headers(io.BytesIO(b"A: 1\r\n")).items() == [("A", "1")]


def test_the_standard_librarys_limits():
    with pytest.raises(http.client.LineTooLong):
        read_headers(io.BytesIO(b"X: " + b"a" * 70000 + b"\r\n\r\n"))
    many = b"".join(b"X-%d: 1\r\n" % i for i in range(MAX_HEADERS + 1)) + b"\r\n"
    with pytest.raises(http.client.HTTPException, match="more than 100 headers"):
        read_headers(io.BytesIO(many))
    assert len(read_headers(io.BytesIO(many.split(b"\r\n", 1)[1]))) == MAX_HEADERS


@pytest.mark.parametrize(
    "line",
    [b" folded: onto the previous line", b"\tfolded", b"Host : x", b"no colon", b": no name"],
)
def test_lines_rfc_9112_refuses(line):
    with pytest.raises(HeaderLineError):
        read_headers(io.BytesIO(b"Host: x\r\n" + line + b"\r\n\r\n"))


def _raw(url: str, request: bytes) -> bytes:
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as conn:
        conn.sendall(request)
        chunks = []
        while chunk := conn.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def test_over_http_a_bad_header_is_400_and_too_many_431(sandbox):
    head = b"POST /ams/sandbox/api/v1/payments/inquiryPayment HTTP/1.1\r\nHost: x\r\n"
    folded = _raw(sandbox.url, head + b" folded\r\nConnection: close\r\n\r\n")
    assert folded.startswith(b"HTTP/1.1 400 ")
    many = b"".join(b"X-%d: 1\r\n" % i for i in range(MAX_HEADERS + 1))
    too_many = _raw(sandbox.url, head + many + b"Connection: close\r\n\r\n")
    assert too_many.startswith(b"HTTP/1.1 431 ")
    # the request line is still the standard library's to refuse (as HTTP/0.9: no status line)
    bad_version = _raw(sandbox.url, b"POST / HTTP/9.9\r\nHost: x\r\n\r\n")
    assert b"Error code: 505" in bad_version


def test_over_http_keep_alive_and_expect_100_continue_as_before(sandbox, client):
    parts = urlsplit(sandbox.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        for _ in range(3):  # one connection, several requests
            conn.request("GET", "/sandbox/faults")
            response = conn.getresponse()
            response.read()
            assert response.status == 200 and not response.will_close
    finally:
        conn.close()
    answer = _raw(
        sandbox.url,
        b"POST /sandbox/faults HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
        b"Content-Length: 2\r\nConnection: close\r\n\r\n{}",
    )
    assert answer.startswith(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 ")
