"""The loopback HTTP servers stop as soon as asked, not a poll interval later."""

from __future__ import annotations

import http.client
import threading
import time
from http.server import BaseHTTPRequestHandler

from cashier_app.support.httpserving import PromptThreadingHTTPServer


class _Hello(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "5")
        self.end_headers()
        self.wfile.write(b"hello")

    def log_message(self, *args: object) -> None:
        pass


def test_shutdown_does_not_wait_for_a_poll_interval():
    server = PromptThreadingHTTPServer(("127.0.0.1", 0), _Hello)
    server.daemon_threads = True
    # a poll interval far beyond the test's patience: only a wake-up can end the loop
    thread = threading.Thread(target=server.serve_forever, args=(120,), daemon=True)
    thread.start()
    conn = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=5)
    conn.request("GET", "/")
    assert conn.getresponse().read() == b"hello"
    conn.close()
    started = time.monotonic()
    server.shutdown()
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert time.monotonic() - started < 30
    server.server_close()


def test_shutdown_before_or_without_serving_returns():
    server = PromptThreadingHTTPServer(("127.0.0.1", 0), _Hello)
    server.shutdown()  # never served: returns at once instead of hanging
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()  # asked to stop already: the loop ends by itself
    thread.join(timeout=30)
    assert not thread.is_alive()
    server.server_close()
