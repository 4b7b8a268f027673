"""Transport failures of real connections on loopback are coded by kind (refused, reset,
timeout, TLS): the operator reads the kind in their language, never httpx's text, which
is kept for the log and the QA console."""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
from antom_fakes import key
from zh_errors import english_left, zh

from cashier_app.domain.money import Money
from cashier_app.gateway.antom import AntomClient
from cashier_app.gateway.errors import GatewayTimeout, TransportError
from cashier_app.gateway.signing import Signer, Verifier


@contextmanager
def one_connection(handle: Callable[[socket.socket], None]) -> Iterator[int]:
    """A real TCP server on 127.0.0.1 that gives its first connection to ``handle``."""
    server = socket.create_server(("127.0.0.1", 0))
    done = threading.Event()

    def serve() -> None:
        try:
            conn, _ = server.accept()
        except OSError:
            return
        with conn:
            handle(conn)
            done.wait(5)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1]
    finally:
        done.set()
        server.close()
        thread.join(5)


def _reset(conn: socket.socket) -> None:
    conn.recv(65536)
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()  # with linger 0: a TCP reset while the client waits for its answer


def _silent(conn: socket.socket) -> None:
    conn.recv(65536)  # read the request, answer nothing


def _plain_http(conn: socket.socket) -> None:
    conn.recv(65536)  # a TLS ClientHello, answered in plain HTTP
    conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
    conn.close()


def _pay(url: str, timeout: float = 5.0) -> None:
    client = AntomClient(
        url,
        "CLIENT-1",
        Signer(key("merchant")),
        Verifier(key("gateway").public_key()),
        timeout=timeout,
        max_attempts=1,
    )
    client.pay(
        "P-ZH-1",
        Money(1230, "HKD"),
        "ALIPAY_HK",
        reference_order_id="ORDER-1",
        order_description="咖啡",
        expiry=datetime(2030, 1, 1, tzinfo=UTC),
        notify_url=None,
        redirect_url="https://shop.example/back",
    )


def _closed_port() -> int:
    probe = socket.create_server(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


@pytest.mark.parametrize(
    ("scheme", "handle", "code", "chinese"),
    [
        ("http", None, "connect_refused", "拒绝了连接"),
        ("http", _reset, "reset", "在应答前断开了连接"),
        ("https", _plain_http, "tls", "安全连接（TLS）"),
    ],
    ids=["refused", "reset", "tls"],
)
def test_a_transport_failure_is_named_by_kind(scheme, handle, code, chinese):
    if handle is None:
        with pytest.raises(TransportError) as info:
            _pay(f"http://127.0.0.1:{_closed_port()}")
    else:
        with one_connection(handle) as port, pytest.raises(TransportError) as info:
            _pay(f"{scheme}://127.0.0.1:{port}")
    error = info.value
    assert error.code == code, (error.code, error.params["detail"])
    text = zh(error)
    assert chinese in text and english_left(text, "pay", "127.0.0.1") == [], text
    assert error.params["detail"] not in str(error)  # httpx's words: the log's, not ours
    assert error.retryable


def test_no_answer_in_time():
    with one_connection(_silent) as port, pytest.raises(GatewayTimeout) as info:
        _pay(f"http://127.0.0.1:{port}", timeout=0.3)
    assert info.value.code == "no_answer_within_s"
    assert zh(info.value) == "pay：0.3 秒内没有应答"
