"""A ``ThreadingHTTPServer`` that stops as soon as asked, for the loopback servers.

``socketserver.serve_forever`` wakes every ``poll_interval`` to see whether ``shutdown()``
was called, so every stop of the embedded sandbox and the notification listener waited up
to that long (a headless ``cashier pay`` spent 0.1-0.15 s of its life there). Here the
loop sleeps in ``select`` on the listening socket and on a wake-up socket that
``shutdown()`` writes to, so it returns at once and the loop needs no interval at all.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import socketserver
import threading
from http.server import ThreadingHTTPServer
from typing import Any


class PromptThreadingHTTPServer(ThreadingHTTPServer):
    """``ThreadingHTTPServer`` whose ``shutdown()`` returns as soon as the loop has ended.

    Once ``shutdown()`` is called the server is done: a ``serve_forever`` started after it
    returns at once (the stdlib one would serve on, and ``shutdown()`` before any
    ``serve_forever`` would hang). ``poll_interval`` is accepted and ignored.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._stop_asked = False
        self._idle = threading.Event()
        self._idle.set()
        try:
            super().__init__(*args, **kwargs)
        except BaseException:
            self._wake_r.close()
            self._wake_w.close()
            raise

    def server_bind(self) -> None:
        """Bind without ``HTTPServer``'s reverse look-up of its own address
        (``socket.getfqdn``: the system's resolver, and the idna codec, at every start of a
        loopback server), which only CGI scripts would read, as ``SERVER_NAME``."""
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = port

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        self._idle.clear()
        try:
            with selectors.DefaultSelector() as selector:
                selector.register(self, selectors.EVENT_READ)
                selector.register(self._wake_r, selectors.EVENT_READ)
                while not self._stop_asked:
                    ready = selector.select()
                    if self._stop_asked:
                        break
                    if any(key.fileobj is self for key, _ in ready):
                        # socketserver's one-request step (private: typeshed omits it)
                        self._handle_request_noblock()  # type: ignore[attr-defined]
                    self.service_actions()
        finally:
            self._idle.set()

    def shutdown(self) -> None:
        self._stop_asked = True
        with contextlib.suppress(OSError):  # closed already: nothing to wake
            self._wake_w.send(b"\0")
        self._idle.wait()

    def server_close(self) -> None:
        super().server_close()
        self._wake_r.close()
        self._wake_w.close()
