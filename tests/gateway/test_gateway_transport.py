"""Answers over the size cap are refused before anything reads them as JSON."""

from __future__ import annotations

import httpx
import pytest

from cashier_app.gateway.errors import MalformedResponse
from cashier_app.gateway.transport import post_capped


def _client(handler) -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(handler))


def test_small_answer_is_read_whole():
    with _client(
        lambda req: httpx.Response(200, content=b'{"ok":1}', headers={"signature": "x"})
    ) as http:
        response = post_capped(http, "https://gw.test/p", content=b"{}", headers={}, api="pay")
    assert response.status_code == 200 and response.content == b'{"ok":1}'
    assert response.headers["signature"] == "x"


def test_declared_oversize_answer_is_refused():
    with (
        _client(lambda req: httpx.Response(200, content=b"x" * 2048)) as http,
        pytest.raises(MalformedResponse, match="over the 1,024-byte limit"),
    ):
        post_capped(http, "https://gw.test/p", content=b"{}", headers={}, api="pay", limit=1024)


def test_streamed_oversize_answer_is_refused_without_reading_it_all():
    sent = []

    def endless():
        for _ in range(10_000):
            sent.append(1)
            yield b"y" * 4096

    with (
        _client(lambda req: httpx.Response(200, content=endless())) as http,
        pytest.raises(MalformedResponse, match="over the"),
    ):
        post_capped(
            http,
            "https://gw.test/p",
            content=b"{}",
            headers={},
            api="inquiryPayment",
            limit=64 * 1024,
        )
    assert len(sent) < 100  # stopped soon after the limit, not after 40 MB
