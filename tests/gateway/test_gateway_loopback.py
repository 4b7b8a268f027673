"""The standard-library poster a plain-http (loopback) sandbox is spoken to with: kept-alive
connections reused (and a closed one replaced), every failure raised as the httpx poster
would name it, the answer capped and never compressed, the thread's deadline over every
read; and which poster a gateway URL gets (https: httpx, with TLS checked and the
system's proxies; http on loopback: no proxy ever).

The servers are real sockets on loopback, each connection played by a script."""

from __future__ import annotations

import contextlib
import datetime
import socket
import ssl
import struct
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from antom_fakes import key

from cashier_app.domain.money import Money
from cashier_app.gateway.antom import AntomClient
from cashier_app.gateway.errors import MalformedResponse, ResponseSignatureError, TransportError
from cashier_app.gateway.loopback import LoopbackPoster
from cashier_app.gateway.signing import Signer, Verifier
from cashier_app.gateway.wire import WireError, WireTimeout, deadline, poster_for

OK = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nSignature: s1\r\n"


def _answer(body: bytes = b'{"ok":1}', extra: bytes = b"") -> bytes:
    return OK + extra + b"Content-Length: %d\r\n\r\n" % len(body) + body


def _read_request(conn: socket.socket) -> bytes:
    """One request's head and body (Content-Length), or b"" when the client left."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return b""
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        (
            int(line.split(b":")[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length:")
        ),
        0,
    )
    while len(body) < length:
        body += conn.recv(65536)
    return head + b"\r\n\r\n" + body


Script = Callable[[socket.socket, "Server"], None]


class Server:
    """Accepts connections on loopback; connection n is played by ``scripts[n]`` (the
    last one for every later connection). ``requests`` holds every request read, with
    the number of the connection it came on."""

    def __init__(self, scripts: list[Script]) -> None:
        self.scripts = scripts
        self.requests: list[tuple[int, bytes]] = []
        self.released = threading.Event()  #: scripts that hold a connection wait on it
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._threads: list[threading.Thread] = []
        self._numbers: dict[int, int] = {}  # fileno -> connection number
        self._accepting = threading.Thread(target=self._accept, daemon=True)
        self._accepting.start()

    def _accept(self) -> None:
        n = 0
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            script = self.scripts[min(n, len(self.scripts) - 1)]
            t = threading.Thread(target=self._play, args=(script, conn, n), daemon=True)
            self._threads.append(t)  # before it runs: a test may wait for it at once
            t.start()
            n += 1

    def _play(self, script: Script, conn: socket.socket, n: int) -> None:
        self._numbers[conn.fileno()] = n
        with contextlib.suppress(OSError), conn:
            script(conn, self)

    def read(self, conn: socket.socket) -> bytes:
        request = _read_request(conn)
        if request:
            self.requests.append((self._numbers[conn.fileno()], request))
        return request

    def close(self) -> None:
        self.released.set()
        self._sock.close()
        for t in self._threads:
            t.join(5)


@contextlib.contextmanager
def serving(*scripts: Script) -> Iterator[Server]:
    server = Server(list(scripts))
    try:
        yield server
    finally:
        server.close()


def keep_alive(conn: socket.socket, server: Server) -> None:
    while server.read(conn):
        conn.sendall(_answer())


def answer_once_then_close(conn: socket.socket, server: Server) -> None:
    if server.read(conn):
        conn.sendall(_answer())


def never_answer(conn: socket.socket, server: Server) -> None:
    server.read(conn)
    server.released.wait(30)


def reset(conn: socket.socket, server: Server) -> None:
    server.read(conn)
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def _post(poster: LoopbackPoster, url: str, limit: int = 1 << 20):
    return poster.post(
        f"{url}/ams/api/v1/payments/pay",
        content=b"{}",
        headers={"X-A": "1"},
        api="pay",
        limit=limit,
    )


def test_answers_come_whole_with_their_headers_over_one_kept_alive_connection():
    with serving(keep_alive) as server:
        poster = LoopbackPoster(timeout=5, connect_timeout=5)
        first, second = _post(poster, server.url), _post(poster, server.url)
        poster.close()
    assert (first.status_code, first.content) == (200, b'{"ok":1}')
    assert first.headers.get("SIGNATURE") == first.headers["signature"] == "s1"
    assert dict(second.headers)["content-type"] == "application/json"
    assert [n for n, _ in server.requests] == [0, 0] and poster.opened == 1
    head = server.requests[0][1].decode()
    assert head.startswith("POST /ams/api/v1/payments/pay HTTP/1.1\r\n")
    assert "Accept-Encoding: identity" in head and "X-A: 1" in head


def test_a_connection_the_server_closed_meanwhile_is_replaced_not_failed():
    with serving(answer_once_then_close) as server:
        poster = LoopbackPoster(timeout=5, connect_timeout=5)
        _post(poster, server.url)
        # wait until the server has closed the idle connection (its script has ended)
        deadline_at = time.monotonic() + 5
        while server._threads[0].is_alive() and time.monotonic() < deadline_at:
            server._threads[0].join(0.05)
        again = _post(poster, server.url)
        poster.close()
    assert again.status_code == 200
    assert [n for n, _ in server.requests] == [0, 1]


def test_a_connection_close_answer_is_not_kept():
    def close_header(conn: socket.socket, server: Server) -> None:
        if server.read(conn):
            conn.sendall(_answer(extra=b"Connection: close\r\n"))

    with serving(close_header) as server:
        poster = LoopbackPoster(timeout=5, connect_timeout=5)
        _post(poster, server.url)
        _post(poster, server.url)
        poster.close()
    assert [n for n, _ in server.requests] == [0, 1]


def test_a_silent_server_is_a_read_timeout():
    with serving(never_answer) as server:
        poster = LoopbackPoster(timeout=0.2, connect_timeout=5)
        with pytest.raises(WireTimeout) as err:
            _post(poster, server.url)
    assert err.value.kind == "ReadTimeout"


def test_the_deadline_bounds_every_read_of_a_dripping_answer():
    """Each byte comes well within the read timeout; only the deadline ends it."""

    def drip(conn: socket.socket, server: Server) -> None:
        server.read(conn)
        conn.sendall(OK + b"Content-Length: 4000\r\n\r\n")
        while not server.released.wait(0.02):
            conn.sendall(b" ")

    with serving(drip) as server:
        poster = LoopbackPoster(timeout=30, connect_timeout=5)
        started = time.monotonic()
        with deadline(time.monotonic() + 0.3), pytest.raises(WireTimeout) as err:
            _post(poster, server.url)
        took = time.monotonic() - started
    assert err.value.kind == "ReadTimeout"
    assert took < 15  # the drip alone would go on for 80 s, the read timeout for 30


def test_a_reset_and_a_refused_connection_are_wire_errors():
    with serving(reset) as server:
        poster = LoopbackPoster(timeout=5, connect_timeout=5)
        with pytest.raises(WireError) as err:
            _post(poster, server.url)
    assert err.value.kind in ("ReadError", "RemoteProtocolError")
    free = socket.create_server(("127.0.0.1", 0))
    port = free.getsockname()[1]
    free.close()
    with pytest.raises(WireError) as refused:
        _post(LoopbackPoster(timeout=5, connect_timeout=5), f"http://127.0.0.1:{port}")
    assert refused.value.kind == "ConnectError"


@pytest.mark.parametrize(
    ("answer", "problem"),
    [
        (OK + b"Content-Length: 5000\r\n\r\n" + b"x" * 5000, "over the 1,024-byte limit"),
        (
            OK
            + b"Transfer-Encoding: chunked\r\n\r\n"
            + b"400\r\n"
            + b"y" * 1024
            + b"\r\n400\r\n"
            + b"y" * 1024
            + b"\r\n0\r\n\r\n",
            "over the 1,024-byte limit",
        ),
        (_answer(extra=b"Content-Encoding: gzip\r\n"), r"compressed \(gzip\)"),
    ],
    ids=["declared", "chunked", "compressed"],
)
def test_oversized_and_compressed_answers_are_refused(answer, problem):
    def send(conn: socket.socket, server: Server) -> None:
        if server.read(conn):
            conn.sendall(answer)

    with serving(send) as server:
        poster = LoopbackPoster(timeout=5, connect_timeout=5)
        with pytest.raises(MalformedResponse, match=problem):
            _post(poster, server.url, limit=1024)


def test_not_http_is_a_protocol_error():
    def garbage(conn: socket.socket, server: Server) -> None:
        if server.read(conn):
            conn.sendall(b"SSH-2.0-OpenSSH\r\n\r\n")

    with serving(garbage) as server, pytest.raises(WireError) as err:
        _post(LoopbackPoster(timeout=5, connect_timeout=5), server.url)
    assert err.value.kind == "RemoteProtocolError"


# -- which poster a gateway gets -----------------------------------------------------------


def _client(url: str) -> AntomClient:
    return AntomClient(
        url,
        "SANDBOX_T",
        Signer(key("merchant")),
        Verifier(key("gateway").public_key()),
        timeout=5,
        max_attempts=1,
    )


def _pay(client: AntomClient) -> None:
    client.pay(
        "p-1",
        Money(1230, "HKD"),
        "ALIPAY_HK",
        reference_order_id="o-1",
        order_description="d",
        expiry=None,
        notify_url=None,
        redirect_url=None,
    )


def test_posters_by_url():
    from cashier_app.gateway.transport import HttpxPoster

    assert isinstance(
        poster_for("http://127.0.0.1:1", timeout=1, connect_timeout=1), LoopbackPoster
    )
    https = poster_for("https://gw.test", timeout=1, connect_timeout=1)
    assert isinstance(https, HttpxPoster) and https.http.trust_env
    https.close()


def _recording_proxy() -> tuple[socket.socket, list[bytes]]:
    """A listener that records the first line it is sent and answers 502."""
    listener = socket.create_server(("127.0.0.1", 0))
    seen: list[bytes] = []

    def serve() -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = listener.accept()
                with conn:
                    seen.append(_read_request(conn).split(b"\r\n", 1)[0])
                    conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")

    threading.Thread(target=serve, daemon=True).start()
    return listener, seen


def test_a_real_gateway_goes_through_the_systems_proxy(monkeypatch):
    listener, seen = _recording_proxy()
    port = listener.getsockname()[1]
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{port}")
    try:
        with _client("https://gateway.example") as client, pytest.raises(TransportError):
            _pay(client)
    finally:
        listener.close()
    assert seen and seen[0].startswith(b"CONNECT gateway.example:443 ")


def test_a_loopback_sandbox_is_never_reached_through_a_proxy(monkeypatch):
    listener, seen = _recording_proxy()
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{listener.getsockname()[1]}")
    monkeypatch.setenv("ALL_PROXY", f"http://127.0.0.1:{listener.getsockname()[1]}")
    try:
        with serving(keep_alive) as server, _client(server.url) as client:
            with pytest.raises(ResponseSignatureError):  # the scripted answer is not signed
                _pay(client)
            assert server.requests  # it went straight to the sandbox
    finally:
        listener.close()
    assert seen == []


def _self_signed(tmp_path) -> ssl.SSLContext:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.x509.oid import NameOID

    private = key("tls")
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(private.public_key())
        .serial_number(1)
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(private, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    return context


def test_a_real_gateway_must_show_a_trusted_certificate(tmp_path, monkeypatch):
    context = _self_signed(tmp_path)
    for name in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    listener = socket.create_server(("127.0.0.1", 0))
    handshakes: list[str] = []

    def serve() -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = listener.accept()
                try:
                    with context.wrap_socket(conn, server_side=True) as tls:
                        tls.recv(1)
                    handshakes.append("done")
                except (ssl.SSLError, OSError) as exc:
                    handshakes.append(type(exc).__name__)

    threading.Thread(target=serve, daemon=True).start()
    try:
        with (
            _client(f"https://127.0.0.1:{listener.getsockname()[1]}") as client,
            pytest.raises(TransportError, match="secure connection") as info,
        ):
            _pay(client)
        assert info.value.code == "tls"  # the operator reads the kind, support the detail:
        assert "CERTIFICATE_VERIFY_FAILED" in info.value.params["detail"]
    finally:
        listener.close()
    assert "done" not in handshakes


def test_the_systems_proxy_and_the_hosts_it_leaves_out(monkeypatch):
    from cashier_app.gateway.transport import system_proxy

    for name in ("https_proxy", "all_proxy", "ALL_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:3128")
    monkeypatch.setenv("NO_PROXY", "internal.example")
    assert system_proxy("https://gateway.example") == "http://127.0.0.1:3128"
    assert system_proxy("https://internal.example") is None
