"""The standalone sandbox's fast lane: every connection served from one event loop, the
answers signed by the worker processes while the loop goes on.

Profiled under four keep-alive clients, the threaded server (one thread per connection,
``http.server``) spent about 0.35-0.6 ms of CPU on each answer besides its signature:
``http.server``'s request parsing, threads taking the GIL from each other, a thread
waiting for a free signing worker (queue, condition), waking it again. That is as much as
the signature itself, on the same two cores. Here one thread reads every request, answers
it (the same ``server.answer_for`` the threaded handler uses: verification, the API), and
hands the bytes to sign to a free worker; it writes the answer when the signature comes
back, and meanwhile serves the other connections. The workers never wait for the server.

An inquiry (``api.READ_ONLY``) changes nothing, so its answer is made first and its
signature's RSA check, the biggest part of verifying it, goes to the worker with the
answer to sign, in one job (``server.answer_checked_later``): the worker signs only if the
check holds, else the request is answered here as before, with a refusal verified here.
Measured under load, the check costs the loop about 0.1 ms of CPU and the worker, a small
process with little to keep in its caches, about half that.

Only the plain path runs here: an Antom API POST over HTTP/1.1, sized by Content-Length,
while no fault is planned. Anything else — the simulator and control routes under
``/sandbox/``, the AlipayHK envelope, a fault, chunked bodies, ``Expect``, an odd header
line or request line — hands the connection, with what was read of it, to a thread of the
threaded server's ``Handler`` (``server.py``) for good: the same code answers it as
before. So a fault added while clients are connected strikes on their next request.

While the lane runs it holds the signing pool's workers; anyone else who signs through the
pool (notifications, handed-over connections) queues here too, in turn.

With the gateway's wall clock (no test clock), the workers answer inquiries themselves
(``laneworker.py``): each new connection goes to the worker serving the fewest, with a
replica of what an inquiry reads that ``Replicas`` keeps in step (every change sent under
the lock that makes it, before anything acknowledges it); a connection comes back here,
for good, at its first request off the inquiry path (a pay, a fault planned, a simulator
route...). Profiled, that took the loop and the hops between processes out of an
inquiry's path: the loop's 0.25 ms of CPU an answer, most of it Python run cold in the
process the last hop had woken.
"""

from __future__ import annotations

import array
import base64
import contextlib
import io
import itertools
import logging
import mmap
import os
import pickle
import select
import selectors
import socket
import struct
import threading
import time
from collections import deque
from datetime import datetime
from email.utils import formatdate
from typing import TYPE_CHECKING, Any

from cashier_app.gateway.signing import Signer, quote_base64, request_time, sign_content
from cashier_app.sandbox import api
from cashier_app.sandbox.http_headers import MAX_HEADERS, MAX_LINE
from cashier_app.sandbox.server import (
    MAX_BODY,
    Handler,
    PendingCheck,
    answer_body,
    answer_checked_later,
    answer_for,
    refuse_connection,
    route_of,
    signature_header,
)
from cashier_app.support.signworker import NOT_VERIFIED, SIGN, VERIFIED, check_job, write_frame

if TYPE_CHECKING:
    from cashier_app.gateway.signing import Verifier
    from cashier_app.sandbox import store as st
    from cashier_app.sandbox.gateway import SandboxGateway
    from cashier_app.sandbox.signpool import SigningPool, _Worker

log = logging.getLogger(__name__)

MAX_HEAD = 64 * 1024  #: a request head longer than this goes to a thread (431 there)
_SERVER = b"Server: CashierSandbox/1.0\r\n"
_TYPE = b"Content-Type: application/json; charset=UTF-8\r\n"
_THREAD_WAIT = 5.0  #: how long a thread's signature may wait in the lane's queue
_DEPTH = 2  #: jobs sent to one worker at a time
_LEN = struct.Struct(">I")


def frame(kind: bytes, payload: bytes = b"") -> bytes:
    """A control frame to or from a worker (``laneworker.py``): length, kind, payload."""
    return _LEN.pack(1 + len(payload)) + kind + payload


#: The count of changes the lane has sent its workers, in the page they share (Replicas).
SEQUENCE = struct.Struct("=Q")
#: A connection's number, in the frames about it between the lane and a worker.
CONN_ID = struct.Struct(">Q")
_FDS_SPACE = socket.CMSG_SPACE(16 * 4) if hasattr(socket, "CMSG_SPACE") else 0


def recv_fds(sock: socket.socket, flags: int = 0) -> tuple[bytes, list[int]]:
    """What ``sock`` (a Unix stream socket) has, and the descriptors sent with it (the
    standard library's ``socket.recv_fds`` of Python 3.11 drops its ``flags``)."""
    data, ancdata, _flags, _addr = sock.recvmsg(65536, _FDS_SPACE, flags)
    fds = array.array("i")
    for level, kind, item in ancdata:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds.frombytes(item[: len(item) - len(item) % fds.itemsize])
    return data, list(fds)


def take_frame(buf: bytearray) -> bytes | None:
    """The first whole frame in ``buf`` (taken out of it), or None."""
    if len(buf) < 4:
        return None
    (size,) = _LEN.unpack_from(buf)
    if len(buf) < 4 + size:
        return None
    frame = bytes(buf[4 : 4 + size])
    del buf[: 4 + size]
    return frame


class _Headers(dict[str, str]):
    """Request headers by lower-case name (the first of a repeated one)."""

    def get(self, name: str, default: Any = None) -> Any:
        return dict.get(self, name.lower(), default)


#: A plain-path request: (target, path, API name, headers, Content-Length, Connection: close)
Plain = tuple[str, str, str, "_Headers", int, bool]


_NAMES: dict[str, str] = {}  #: the API name of every plain-path request path seen


def parse_plain(head: bytes) -> Plain | None:
    """The plain path's request (``head``: up to the blank line), or None for anything
    that goes to a thread of the threaded handler."""
    lines = head.decode("iso-8859-1").split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) != 3 or parts[0] != "POST" or parts[2] != "HTTP/1.1":
        return None
    if len(lines) - 1 > MAX_HEADERS or max(map(len, lines)) > MAX_LINE:
        return None
    target = parts[1]
    path = target.split("?", 1)[0]
    name = _NAMES.get(path)
    if name is None:
        if not target.isascii() or target.startswith(("http://", "https://")):
            return None  # absolute form: the threaded handler rewrites it
        if route_of(path) != "api" or (name := api.api_name(path)) is None:
            return None
        if len(_NAMES) < 64:  # our APIs' paths (and their prefixes'): a handful
            _NAMES[path] = name
    elif not target.isascii():
        return None
    headers = _Headers()
    for line in lines[1:]:
        key, colon, value = line.partition(":")
        # a name with white space around it, or a folded line: the threaded handler's
        if not colon or not key or key != key.strip():
            return None
        lower = key.lower()
        if lower not in headers:
            headers[lower] = value.strip(" \t")
    if "transfer-encoding" in headers or "expect" in headers:
        return None
    length_text = headers.get("content-length", "")
    # ASCII digits only ("²" is a digit to str.isdigit, and no number to int)
    if not (length_text.isascii() and length_text.isdigit()) or int(length_text) > MAX_BODY:
        return None
    close = headers.get("connection", "").lower() == "close"
    return target, path, name, headers, int(length_text), close


class Stamps:
    """The ``Date`` and ``response-time`` of answers, each formatted once a second."""

    __slots__ = ("_date", "_sent_at")

    def __init__(self) -> None:
        self._date = (0, b"")
        self._sent_at = (0, "")

    def http_date(self) -> bytes:
        now = int(time.time())
        if self._date[0] != now:
            self._date = (now, formatdate(now, usegmt=True).encode("ascii"))
        return self._date[1]

    def response_time(self, now: datetime) -> str:
        second = int(now.timestamp())
        if self._sent_at[0] != second:
            self._sent_at = (second, request_time(now))
        return self._sent_at[1]


def answer_head(
    date: bytes,
    key_version: str,
    client_id: str,
    sent_at: str,
    signature: str,
    length: int,
    close: bool,
) -> bytes:
    """The head of a signed answer (``signature``: standard base64)."""
    closing = "Connection: close\r\n" if close else ""
    return (
        b"HTTP/1.1 200 OK\r\n"
        + _SERVER
        + b"Date: "
        + date
        + b"\r\n"
        + _TYPE
        + (
            f"Content-Length: {length}\r\nclient-id: {client_id}\r\n"
            f"response-time: {sent_at}\r\n"
            f"signature: {signature_header(key_version, quote_base64(signature))}\r\n"
            f"{closing}\r\n"
        ).encode("latin-1", "replace")
    )


class _Conn:
    __slots__ = ("addr", "busy", "inbox", "last", "out", "sock", "writing")

    def __init__(self, sock: socket.socket, addr: Any) -> None:
        self.sock = sock
        self.addr = addr
        self.inbox = bytearray()
        self.out = bytearray()
        self.busy = False  #: an answer is being signed
        self.writing = False  #: registered for EVENT_WRITE (an answer is not all sent)
        self.last = time.monotonic()


class _Job:
    """Bytes to sign and what to do with the signature (standard base64, or None when
    no worker could: the loop then signs in-process)."""

    __slots__ = ("data", "done")

    def __init__(self, data: bytes, done: Any) -> None:
        self.data = data
        self.done = done


class _Prefixed(io.RawIOBase):
    """A handed-over connection's input: what the lane had read, then the socket."""

    def __init__(self, head: bytes, raw: Any) -> None:
        self._head = memoryview(head)
        self._raw = raw

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int | None:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        got: int | None = self._raw.readinto(buffer)
        return got

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()


class _HandedOver(Handler):
    """The threaded server's handler on a connection the lane began."""

    def __init__(self, request: Any, client_address: Any, server: Any, head: bytes) -> None:
        self._head = head
        super().__init__(request, client_address, server)

    def setup(self) -> None:
        super().setup()
        self.rfile = io.BufferedReader(_Prefixed(self._head, self.rfile.detach()))


class _Control:
    """A worker's control socket in the lane's selector (``laneworker.py``)."""

    __slots__ = ("fds", "inbox", "worker")

    def __init__(self, worker: _Worker) -> None:
        self.worker = worker
        self.inbox = bytearray()
        self.fds: list[int] = []


class Replicas:
    """The worker processes that answer inquiries themselves (``laneworker.py``), each
    with a replica of what an inquiry reads: told every change as it is made, under the
    lock that makes it (the store's, the merchants', the fault plan's), so before anything
    acknowledges it. Every frame to a worker's control socket is sent under this lock.

    Where it can (Linux), every change also counts one up in a page the workers share
    (``SEQUENCE``), after its frames are in their sockets: a worker reads its control
    socket only when the count moved (or the socket has a connection for it), not at
    every request, which cost it a system call there."""

    def __init__(self, gateway: SandboxGateway) -> None:
        self.gateway = gateway
        self._lock = threading.Lock()
        self._members: dict[int, socket.socket] = {}
        self._count = 0
        self._page: mmap.mmap | None = None
        self._page_fd = -1
        if hasattr(os, "memfd_create"):
            try:
                self._page_fd = os.memfd_create("cashier-sandbox-lane", os.MFD_CLOEXEC)
                os.ftruncate(self._page_fd, SEQUENCE.size)
                self._page = mmap.mmap(self._page_fd, SEQUENCE.size)
            except OSError:
                self.close()

    def close(self) -> None:
        if self._page is not None:
            self._page.close()
            self._page = None
        if self._page_fd >= 0:
            os.close(self._page_fd)
            self._page_fd = -1

    def install(self) -> None:
        gw = self.gateway
        gw.replicas = self
        gw.store.on_changed = self.payment
        gw.store.on_evicted = self.evicted
        gw.faults.on_change = self.faults

    def uninstall(self) -> None:
        gw = self.gateway
        gw.replicas = None
        gw.store.on_changed = None
        gw.store.on_evicted = None
        gw.faults.on_change = None

    def join(self, control: socket.socket, settings: dict[str, Any]) -> None:
        """A worker's replica made from scratch, then kept in step (OSError: it is not)."""
        gw = self.gateway
        with (
            gw.store.lock,
            gw.merchants_held() as (merchants, tolerance),
            gw.faults.held() as planned,
            self._lock,
        ):
            settings = {**settings, "sequence": self._page is not None}
            first = frame(b"K", pickle.dumps(settings))
            parts = [frame(b"P", pickle.dumps(p)) for p in gw.store.held()]
            parts += [frame(b"M", pickle.dumps(item)) for item in merchants.items()]
            parts.append(frame(b"T", pickle.dumps(tolerance)))
            parts.append(frame(b"Q", b"\x01" if planned else b"\x00"))
            if self._page is not None:  # the shared count's page goes with the settings
                sent = socket.send_fds(control, [first], [self._page_fd])
                control.sendall(first[sent:] + b"".join(parts))
            else:
                control.sendall(first + b"".join(parts))
            self._members[control.fileno()] = control

    def leave(self, control: socket.socket) -> None:
        with self._lock:
            self._members.pop(control.fileno(), None)

    def hand(self, control: socket.socket, sock: socket.socket, number: int) -> bool:
        """A connection to a worker (False: it is gone)."""
        with self._lock:
            if self._members.get(control.fileno()) is not control:
                return False
            data = frame(b"N", CONN_ID.pack(number))
            try:
                sent = socket.send_fds(control, [data], [sock.fileno()])
            except OSError:
                sent = 0
            if sent < len(data):  # gone (a frame this short is never cut otherwise)
                self._members.pop(control.fileno(), None)
                return False
            return True

    def _publish(self, data: bytes) -> None:
        with self._lock:
            for fd, control in list(self._members.items()):
                try:
                    control.sendall(data)
                except OSError:  # the worker is gone: the lane drops it when it notices
                    del self._members[fd]
            if self._page is not None:  # after the frames: a worker that sees it has them
                self._count += 1
                SEQUENCE.pack_into(self._page, 0, self._count)

    # -- the gateway's changes (each called under the lock that makes it) ------------------
    def payment(self, p: st.Payment) -> None:
        if self._members:
            self._publish(frame(b"P", pickle.dumps(p)))

    def evicted(self, gone: list[st.Payment]) -> None:
        if self._members:
            self._publish(frame(b"E", pickle.dumps([p.payment_id for p in gone])))

    def merchant(self, client_id: str, keys: dict[str, Verifier]) -> None:
        if self._members:
            ders = {version: v.spki_der for version, v in keys.items()}
            self._publish(frame(b"M", pickle.dumps((client_id, ders))))

    def tolerance(self, seconds: float | None) -> None:
        if self._members:
            self._publish(frame(b"T", pickle.dumps(seconds)))

    def faults(self, planned: bool) -> None:
        if self._members:
            self._publish(frame(b"Q", b"\x01" if planned else b"\x00"))


class FastLaneServer:
    """What ``SandboxGateway`` asks of its server (``server_address``, ``serve_forever``,
    ``shutdown``, ``server_close``, ``close_open_connections``), on one event loop."""

    lan = False

    def __init__(self, address: tuple[str, int], gateway: SandboxGateway) -> None:
        family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.socket = socket.create_server(address, family=family, backlog=128)
        self.socket.setblocking(False)
        self.server_address = self.socket.getsockname()
        self.gateway = gateway
        pool = gateway.sign_pool
        assert pool is not None, "the fast lane signs with the gateway's worker pool"
        self.pool: SigningPool = pool
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._stop = False
        self._idle = threading.Event()
        self._idle.set()
        self._conns: dict[int, _Conn] = {}
        self._handed: set[socket.socket] = set()
        self._handed_lock = threading.Lock()
        self._jobs: deque[_Job] = deque()  #: waiting for a free worker
        self._inbound: deque[_Job] = deque()  #: from other threads, under the GIL
        self._held: dict[int, _Worker] = {}  #: every worker taken from the pool, by fd
        self._sent: dict[int, deque[_Job]] = {}  #: by worker: sent, not signed yet
        self._inbuf: dict[int, bytearray] = {}  #: by worker: what it wrote so far
        self._wanted = pool.wanted
        self._sel: selectors.BaseSelector | None = None
        self._stamps = Stamps()
        #: workers answer inquiries themselves when they read the gateway's clock
        self._replicas = Replicas(gateway) if gateway.wall_clock else None
        self._lanes: dict[int, _Control] = {}  #: by control fd: workers serving connections
        #: by control fd: the connections a worker holds (their peers, by number)
        self._in_worker: dict[int, dict[int, Any]] = {}
        self._numbers = itertools.count(1)
        self._releasing = False  #: stopping: no more jobs to the workers
        self._thread: threading.Thread | None = None

    # -- the server's interface ---------------------------------------------------------
    def serve_forever(self, poll_interval: float = 0.5) -> None:
        self._idle.clear()
        self._thread = threading.current_thread()
        sel = self._sel = selectors.DefaultSelector()
        sel.register(self.socket, selectors.EVENT_READ, None)
        sel.register(self._wake_r, selectors.EVENT_READ, None)
        self.pool.lane = self
        if self._replicas is not None:
            self._replicas.install()
        swept = time.monotonic()
        try:
            while not self._stop:
                self._take_workers()
                for key, mask in sel.select(1.0 if self._conns else None):
                    data = key.data
                    if isinstance(data, _Conn):
                        if mask & selectors.EVENT_WRITE:
                            self._flush(data)
                        if mask & selectors.EVENT_READ and data.sock.fileno() >= 0:
                            self._read(data)
                    elif isinstance(data, _Control):
                        self._control(data)
                    elif data is not None:  # a worker's answer
                        self._signed(data)
                    elif key.fileobj is self.socket:
                        self._accept()
                    else:
                        with contextlib.suppress(OSError):
                            self._wake_r.recv(4096)
                self._take_inbound()
                now = time.monotonic()
                if now - swept > 0.5:
                    swept = now
                    self._sweep(now)
        finally:
            self.pool.lane = None
            self._release()
            sel.close()
            self._sel = None
            self._idle.set()

    def shutdown(self) -> None:
        self._stop = True
        self._wake()
        self._idle.wait()

    def server_close(self) -> None:
        if self._replicas is not None:
            self._replicas.close()
        self.socket.close()
        self._wake_r.close()
        self._wake_w.close()

    def close_open_connections(self) -> None:
        with self._handed_lock:
            handed, self._handed = list(self._handed), set()
        for sock in handed:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    # what a handed-over Handler asks of its server
    def shutdown_request(self, request: socket.socket) -> None:
        with self._handed_lock:
            self._handed.discard(request)
        with contextlib.suppress(OSError):
            request.shutdown(socket.SHUT_WR)
        request.close()

    # -- signatures for other threads -----------------------------------------------------
    def sign_for_thread(self, data: bytes) -> bytes | None:
        """The pool's ``sign`` while the lane holds the workers: queued in turn with the
        lane's own answers; None (sign in-process) when the lane is stopping or slow."""
        got: list[bytes | None] = []
        ready = threading.Event()

        def done(signature: bytes | None) -> None:
            got.append(signature)
            ready.set()

        if self._stop or threading.current_thread() is self._thread:
            return None  # the loop itself never waits for the loop
        self._inbound.append(_Job(SIGN + bytes(data), done))
        self._wake()
        if not ready.wait(_THREAD_WAIT):
            return None
        return got[0]

    def _wake(self) -> None:
        with contextlib.suppress(OSError):
            self._wake_w.send(b"\0")

    # -- connections ----------------------------------------------------------------------
    def _accept(self) -> None:
        self._take_workers()  # one started meanwhile serves this connection already
        while True:
            try:
                sock, addr = self.socket.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                return
            with self._handed_lock:
                open_now = len(self._conns) + len(self._handed) + self.in_workers
            if open_now >= self.gateway.max_connections:
                refuse_connection(sock, self.gateway.max_connections, addr)
                continue
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if self._to_worker(sock, addr):
                continue
            self._adopt(sock, addr, b"")

    @property
    def in_workers(self) -> int:
        """Connections the workers serve now (``laneworker.py``)."""
        return sum(len(held) for held in self._in_worker.values())

    def in_worker(self, peer: Any) -> bool:
        """Whether a worker serves the connection from ``peer`` now (for tests)."""
        return any(peer in held.values() for held in self._in_worker.values())

    def _to_worker(self, sock: socket.socket, peer: Any) -> bool:
        """The connection to the worker serving the fewest (False: none can)."""
        assert self._replicas is not None or not self._in_worker
        while self._in_worker and self._replicas is not None:
            fd = min(self._in_worker, key=lambda f: len(self._in_worker[f]))
            number = next(self._numbers)
            self._in_worker[fd][number] = peer  # first: the worker may answer at once
            if self._replicas.hand(self._lanes[fd].worker.control, sock, number):
                sock.close()  # the worker has its own descriptor of it
                return True
            self._unjoin(self._lanes[fd])
        return False

    def _adopt(self, sock: socket.socket, addr: Any, head: bytes) -> None:
        """A connection this loop serves (``head``: what was read of it elsewhere)."""
        sock.setblocking(False)
        conn = _Conn(sock, addr)
        conn.inbox += head
        self._conns[sock.fileno()] = conn
        assert self._sel is not None
        self._sel.register(sock, selectors.EVENT_READ, conn)
        if head:
            self._next(conn)

    def _close(self, conn: _Conn) -> None:
        fd = conn.sock.fileno()
        if fd >= 0:
            assert self._sel is not None
            with contextlib.suppress(KeyError, ValueError):
                self._sel.unregister(conn.sock)
            self._conns.pop(fd, None)
        with contextlib.suppress(OSError):
            conn.sock.close()

    def _read(self, conn: _Conn) -> None:
        try:
            chunk = conn.sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            chunk = b""
        if not chunk:
            self._close(conn)
            return
        conn.last = time.monotonic()
        conn.inbox += chunk
        self._next(conn)

    def _sweep(self, now: float) -> None:
        limit = self.gateway.read_timeout
        for conn in list(self._conns.values()):
            if not conn.busy and not conn.out and now - conn.last > limit:
                self._close(conn)  # silent too long, as the threaded server's timeout

    def _hand_over(self, conn: _Conn) -> None:
        """The rest of this connection to a thread of the threaded ``Handler``."""
        assert self._sel is not None
        with contextlib.suppress(KeyError, ValueError):
            self._sel.unregister(conn.sock)
        self._conns.pop(conn.sock.fileno(), None)
        sock, head = conn.sock, bytes(conn.inbox)
        sock.setblocking(True)
        with self._handed_lock:
            self._handed.add(sock)

        def serve() -> None:
            try:
                _HandedOver(sock, conn.addr, self, head)
            except Exception:  # a client's problem ends its connection, not the lane
                log.debug("sandbox: handed-over connection ended", exc_info=True)
            finally:
                self.shutdown_request(sock)

        threading.Thread(target=serve, name="sandbox-conn", daemon=True).start()

    # -- requests -------------------------------------------------------------------------
    def _next(self, conn: _Conn) -> None:
        """Answer the next complete request in ``conn.inbox``, if nothing is pending."""
        if conn.busy or conn.out:
            return
        buf = conn.inbox
        end = buf.find(b"\r\n\r\n")
        if end < 0:
            if len(buf) > MAX_HEAD:
                self._hand_over(conn)
            return
        parsed = self._parse(bytes(buf[:end]))
        if parsed is None:
            self._hand_over(conn)
            return
        target, path, name, headers, length, close = parsed
        if len(buf) < end + 4 + length:
            return  # the body is still coming
        body = bytes(buf[end + 4 : end + 4 + length])
        del buf[: end + 4 + length]
        gw = self.gateway
        client_id = headers.get("client-id") or ""
        answer, check = answer_checked_later(
            gw, headers, "POST", target, path, name, client_id, body
        )
        conn.busy = True

        def refusal() -> dict[str, Any]:  # the request's signature did not verify
            return answer_for(gw, headers, "POST", target, path, name, client_id, body)

        self._reply(conn, target, client_id, answer, check, close, refusal)

    def _reply(
        self,
        conn: _Conn,
        target: str,
        client_id: str,
        answer: dict[str, Any],
        check: PendingCheck | None,
        close: bool,
        refusal: Any,
    ) -> None:
        """Have ``answer`` signed and sent; with ``check``, in one job with the request's
        signature check (the worker signs only if it holds; otherwise, or when no worker
        could, ``refusal()`` answers, verified here)."""
        payload = answer_body(answer)
        sent_at = self._response_time()
        content = sign_content("POST", target, client_id, sent_at, payload)
        if check is None:

            def done(signature: bytes | None) -> None:
                self._answer(conn, target, client_id, payload, sent_at, signature, close)

            self._submit(_Job(SIGN + content, done))
            return

        def checked(frame: bytes | None) -> None:
            if frame is not None and frame[:1] == VERIFIED:
                self._answer(conn, target, client_id, payload, sent_at, frame[1:], close)
            else:
                self._reply(conn, target, client_id, refusal(), None, close, refusal)

        self._submit(
            _Job(check_job(check.spki_der, check.signature, check.content, content), checked)
        )

    def _response_time(self) -> str:
        """``request_time`` of the gateway's clock, formatted once a second."""
        return self._stamps.response_time(self.gateway.now())

    def _parse(self, head: bytes) -> Plain | None:
        return None if self.gateway.faults else parse_plain(head)

    def _answer(
        self,
        conn: _Conn,
        target: str,
        client_id: str,
        payload: bytes,
        sent_at: str,
        signature: bytes | None,
        close: bool,
    ) -> None:
        signer = self.gateway.signer
        text = (
            base64.b64encode(signature).decode("ascii")
            if signature is not None
            else Signer.sign_bytes(
                signer, sign_content("POST", target, client_id, sent_at, payload)
            )
        )
        head = answer_head(
            self._stamps.http_date(),
            signer.key_version,
            client_id,
            sent_at,
            text,
            len(payload),
            close,
        )
        conn.busy = False
        if conn.sock.fileno() < 0:
            return  # the client left meanwhile
        conn.out += head + payload
        self._flush(conn)
        if close:
            if not conn.out:
                self._close(conn)
            return
        if not conn.out and conn.inbox:
            self._next(conn)  # a request the client sent meanwhile (pipelined)

    def _flush(self, conn: _Conn) -> None:
        assert self._sel is not None
        try:
            sent = conn.sock.send(conn.out)
        except (BlockingIOError, InterruptedError):
            sent = 0
        except OSError:
            self._close(conn)
            return
        del conn.out[:sent]
        writing = bool(conn.out)
        if writing != conn.writing:  # epoll told only when it changes
            conn.writing = writing
            with contextlib.suppress(KeyError, ValueError):
                self._sel.modify(
                    conn.sock,
                    selectors.EVENT_READ | (selectors.EVENT_WRITE if writing else 0),
                    conn,
                )
        if not conn.out and conn.inbox and not conn.busy:
            self._next(conn)

    # -- the workers ----------------------------------------------------------------------
    def _take_workers(self) -> None:
        """Every worker the pool has started (they start in the background)."""
        if len(self._held) >= self._wanted:
            return
        assert self._sel is not None
        while (worker := self.pool.borrow()) is not None:
            fd = worker.fd_out
            self._held[fd] = worker
            self._sent[fd] = deque()
            self._inbuf[fd] = bytearray()
            self._sel.register(fd, selectors.EVENT_READ, worker)
            self._join(worker)
            self._feed()

    def _join(self, worker: _Worker) -> None:
        """A worker that serves connections too, its replica made (``laneworker.py``)."""
        if self._replicas is None or self._releasing:
            return
        gw = self.gateway
        settings = {
            "read_timeout": gw.read_timeout,
            "key_version": gw.signer.key_version,
            "backed": gw.store.state is not None,
        }
        try:
            self._replicas.join(worker.control, settings)
        except OSError:
            return  # it signs only (and fails there, if it is gone)
        ctl = _Control(worker)
        fd = worker.control.fileno()
        self._lanes[fd] = ctl
        self._in_worker[fd] = {}
        assert self._sel is not None
        self._sel.register(worker.control, selectors.EVENT_READ, ctl)

    def _unjoin(self, ctl: _Control) -> None:
        """A worker that serves no connection from now on (the ones it had are gone)."""
        control = ctl.worker.control
        fd = control.fileno()
        if self._lanes.pop(fd, None) is None:
            return
        self._in_worker.pop(fd, None)
        assert self._replicas is not None and self._sel is not None
        self._replicas.leave(control)
        with contextlib.suppress(KeyError, ValueError, OSError):
            self._sel.unregister(control)
        for handed in ctl.fds:  # connections it was handing back
            with contextlib.suppress(OSError):
                os.close(handed)
        ctl.fds.clear()

    def _control(self, ctl: _Control) -> None:
        """A worker's frames: a connection handed back, one that ended there."""
        try:
            data, fds = recv_fds(ctl.worker.control, socket.MSG_DONTWAIT)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data, fds = b"", []
        ctl.fds += fds
        if not data:  # the worker ended: its connections with it
            self._unjoin(ctl)
            return
        ctl.inbox += data
        fd = ctl.worker.control.fileno()
        while fd in self._lanes and (got := take_frame(ctl.inbox)) is not None:
            kind = got[:1]
            if kind not in (b"H", b"C"):
                continue
            (number,) = CONN_ID.unpack_from(got, 1)
            peer = self._in_worker[fd].pop(number, None)
            if kind == b"H" and ctl.fds:
                self._adopt(socket.socket(fileno=ctl.fds.pop(0)), peer, got[1 + CONN_ID.size :])

    def _drop(self, worker: _Worker) -> None:
        """A worker that failed: never used again; what it had not signed yet is queued
        again (another worker, or the loop itself, signs it)."""
        assert self._sel is not None
        fd = worker.fd_out
        if self._held.pop(fd, None) is None:
            return
        ctl = self._lanes.get(worker.control.fileno())
        if ctl is not None:
            self._unjoin(ctl)
        with contextlib.suppress(KeyError, ValueError, OSError):
            self._sel.unregister(fd)
        self._jobs.extendleft(reversed(self._sent.pop(fd)))
        self._inbuf.pop(fd, None)
        self._wanted -= 1
        self.pool.retire(worker)

    def _take_inbound(self) -> None:
        while self._inbound:
            self._submit(self._inbound.popleft())

    def _submit(self, job: _Job) -> None:
        self._jobs.append(job)
        self._feed()

    def _feed(self) -> None:
        """Queued jobs to the workers, up to ``_DEPTH`` each (the next one waits in the
        worker's pipe, so it goes on without sleeping); signed here when no worker is
        left at all (none started yet, or every one failed)."""
        while self._jobs:
            if not self._held or self._releasing:
                while self._jobs:
                    self._jobs.popleft().done(None)
                return
            fd = min(self._sent, key=lambda f: len(self._sent[f]))
            if len(self._sent[fd]) >= _DEPTH:
                return
            job = self._jobs.popleft()
            try:
                write_frame(self._held[fd].fd_in, job.data)
            except OSError:
                self._jobs.appendleft(job)
                self._drop(self._held[fd])
                continue
            self._sent[fd].append(job)

    def _signed(self, worker: _Worker) -> None:
        fd = worker.fd_out
        if fd not in self._held:
            return
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            chunk = b""
        if not chunk:  # the worker ended
            self._drop(worker)
            self._feed()
            return
        buf = self._inbuf[fd]
        buf += chunk
        while fd in self._held and (frame := take_frame(buf)) is not None:
            sent = self._sent[fd]
            if not sent or not frame:  # out of step, or it could not sign: not used again
                self._drop(worker)
                break
            if frame != NOT_VERIFIED:
                self.pool.count_signed()
            sent.popleft().done(frame)
        self._feed()

    def _stop_serving(self, ctl: _Control) -> None:
        """A worker's connections closed (waited for), and it serves none from now on."""
        control = ctl.worker.control
        assert self._replicas is not None
        self._replicas.leave(control)  # nothing else is sent to it from now on
        try:
            control.sendall(frame(b"X"))
            deadline = time.monotonic() + 5
            acked = False
            while not acked and (left := deadline - time.monotonic()) > 0:
                if not select.select([control], [], [], left)[0]:
                    break
                data, fds = recv_fds(control)
                ctl.fds += fds
                if not data:
                    break
                ctl.inbox += data
                while (got := take_frame(ctl.inbox)) is not None:
                    acked = acked or got[:1] == b"x"
        except OSError:
            pass
        for handed in ctl.fds:  # handed back meanwhile: closed with the rest
            with contextlib.suppress(OSError):
                os.close(handed)
        ctl.fds.clear()
        ctl.inbox.clear()
        self._unjoin(ctl)

    def _release(self) -> None:
        """On stop: every connection closed, every worker back to the pool once it has
        answered what it was sent, every queued job signed in-process."""
        assert self._sel is not None
        self._releasing = True  # what the answers below lead to is signed in-process
        for ctl in list(self._lanes.values()):
            self._stop_serving(ctl)
        if self._replicas is not None:
            self._replicas.uninstall()
        for fd, worker in list(self._held.items()):
            buf, sent = self._inbuf[fd], self._sent[fd]
            while sent:
                frame = take_frame(buf)
                if frame is None:
                    try:
                        chunk = os.read(fd, 65536)
                    except OSError:
                        chunk = b""
                    if not chunk:
                        self._drop(worker)
                        break
                    buf += chunk
                    continue
                if not frame:
                    self._drop(worker)
                    break
                if frame != NOT_VERIFIED:
                    self.pool.count_signed()
                sent.popleft().done(frame)
        while self._jobs:
            self._jobs.popleft().done(None)
        while self._inbound:
            self._inbound.popleft().done(None)
        for fd, worker in list(self._held.items()):
            with contextlib.suppress(KeyError, ValueError, OSError):
                self._sel.unregister(fd)
            self.pool.give_back(worker)
        self._held.clear()
        self._sent.clear()
        self._inbuf.clear()
        self._releasing = False
        for conn in list(self._conns.values()):
            with contextlib.suppress(OSError):
                conn.sock.shutdown(socket.SHUT_RDWR)
            self._close(conn)
