"""A signing worker of the standalone sandbox that also answers inquiries itself
(``python -m cashier_app.sandbox.laneworker CONTROL_FD``, started by ``signpool.py``).

Profiled under four keep-alive clients, the fast lane's event loop spent about 0.25 ms of
CPU on each inquiry besides its signature, most of it Python run cold between the
processes it woke: the request read there, the job written to a worker, the worker woken,
its answer read back, the loop woken again to send it. Here the worker that signs an
inquiry's answer has read the request itself, from a connection the lane handed it, and
writes the answer itself: the lane's loop and the hops between processes leave the path.

It speaks the signing worker's protocol on standard input and output as before
(``support/signworker.py``: the key first, then ``S`` and ``V`` jobs from the lane). On
``CONTROL_FD``, a private stream socket to the lane, come frames (a 4-byte length, a kind
byte, the rest) that keep a replica of what an inquiry reads:

- ``K`` the settings (pickled dict: ``read_timeout``, ``key_version``, ``backed``: the
  gateway has a state file, so a payment not held may still be in it); the replica starts
  empty again, and the frames below fill it.
- ``P`` a payment as it is now (pickled ``store.Payment``, its refunds with it), ``E`` the
  ids of payments dropped (retention), ``M`` a merchant's keys (pickled client-id and
  ``{keyVersion: SPKI DER}``), ``T`` the Request-Time tolerance, ``Q`` whether any fault is
  planned.
- ``N`` a connection to serve (its descriptor attached, its number: ``CONN_ID``), ``X``
  stop: every connection closed, the replica emptied, answered by ``x``.

The lane sends every change under the lock that makes it, before anything acknowledges it
(a pay's answer, a control route's, a notification): so the frame is in this worker's
socket before any request that could have seen it arrives, and the worker reads its
control socket after every read of a request and before answering it. An inquiry on one
connection sees a pay, cancel or refund made a moment before on another (read your
writes), and two answers never go back in time.

Whatever is not a plain inquiry (``fastlane.parse_plain``, ``api.READ_ONLY``), or comes
while a fault is planned, or asks for a payment the replica cannot answer for (a due
expiry, one only the state file may hold) goes back to the lane for good (``H``: the
connection's number and what was read of it, the descriptor attached): the lane's code
answers it as before. A connection that ends here is told (``C`` and its number), for the
lane's connection bound. Pickle is used between this process and the lane that started it
only, on a socket pair of their own.
"""

from __future__ import annotations

import base64
import contextlib
import mmap
import os
import pickle
import selectors
import socket
import sys
import time
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives import serialization

from cashier_app.gateway.signing import SignatureError, Verifier, sign_content
from cashier_app.sandbox import api
from cashier_app.sandbox import store as st
from cashier_app.sandbox.fastlane import (
    CONN_ID,
    MAX_HEAD,
    SEQUENCE,
    Stamps,
    answer_head,
    frame,
    parse_plain,
    recv_fds,
    take_frame,
)
from cashier_app.sandbox.server import (
    NotHeld,
    PendingCheck,
    answer_body,
    answer_for,
    refusal,
    run_api,
)
from cashier_app.support.signworker import Jobs, batch_scheduling, read_frame, write_frame

_JOBS, _CONTROL = object(), object()
#: an answer that no expiry can end
_NEVER = datetime.max.replace(tzinfo=UTC)
#: answers kept (``Replica.answer``), and the longest request body whose answer is kept
ANSWERS_KEPT = 4096
KEPT_BODY = 512


class _Conn:
    __slots__ = ("closing", "inbox", "last", "number", "out", "sock", "writing")

    def __init__(self, sock: socket.socket, number: bytes) -> None:
        self.sock = sock
        self.number = number  #: the lane's number of it (CONN_ID)
        self.inbox = bytearray()
        self.out = bytearray()
        self.last = time.monotonic()
        self.closing = False  #: Connection: close was asked: closed once the answer is out
        self.writing = False


class Replica:
    """What an inquiry reads, as the lane's gateway would show it: the ``gw`` and its
    ``store`` to ``server.refusal``, ``server.run_api`` and ``api.HANDLERS``.

    It also keeps the answers it made (``answer``): a till polls one payment with the same
    body again and again, and until a frame of the lane changes the replica (or a payment
    in process comes due to expire) the answer to it is the same, to the byte. Profiled
    under four keep-alive clients, making it again (the body's JSON, the payment looked
    up, its answer built and encoded) was a sixth of a worker's CPU besides signing.
    Only the answer is kept: every request is still authenticated (its Request-Time, its
    signature verified) and every answer signed afresh."""

    def __init__(self) -> None:
        self.lock = contextlib.nullcontext()
        self.store = self
        self.clear()

    def clear(self) -> None:
        self.backed = False
        self.request_time_tolerance: float | None = None
        self.faults = False
        self._payments: dict[str, st.Payment] = {}
        self._by_request: dict[tuple[str, str], st.Payment] = {}
        self._refunds: dict[str, st.Refund] = {}
        self._refunds_by_request: dict[tuple[str, str], st.Refund] = {}
        self._merchants: dict[str, dict[str, Verifier]] = {}
        self._verifiers: dict[bytes, Verifier] = {}
        self.changed()

    def changed(self) -> None:
        """What answers read changed (a payment or refund came or went, the replica was
        emptied): no answer made before holds."""
        self._answers: dict[tuple[str, str, bytes], tuple[bytes, datetime]] = {}
        self._due = _NEVER

    def answer(self, path: str, name: str, client_id: str, body: bytes, now: datetime) -> bytes:
        """The answer's bytes (``server.run_api``, ``answer_body``) to an authenticated
        read-only request; raises NotHeld when only the lane can answer it."""
        key = (name, client_id, body)
        kept = self._answers.get(key)
        if kept is not None and now < kept[1]:
            return kept[0]
        self._due = _NEVER  # the soonest expiry of a payment in process it reads
        gw: Any = self  # what the API code reads of a gateway
        payload = answer_body(run_api(gw, path, name, client_id, body))
        if len(body) <= KEPT_BODY:
            if len(self._answers) >= ANSWERS_KEPT:
                self._answers.clear()
            self._answers[key] = (payload, self._due)
        return payload

    @property
    def answers_kept(self) -> int:
        return len(self._answers)

    # -- kept in step by the lane ---------------------------------------------------------
    def put(self, p: st.Payment) -> None:
        self.changed()
        self._forget(p.payment_id)
        self._payments[p.payment_id] = p
        self._by_request[(p.client_id, p.payment_request_id)] = p
        for r in p.refunds:
            self._refunds[r.refund_id] = r
            self._refunds_by_request[(r.client_id, r.refund_request_id)] = r

    def _forget(self, payment_id: str) -> None:
        old = self._payments.pop(payment_id, None)
        if old is None:
            return
        self._by_request.pop((old.client_id, old.payment_request_id), None)
        for r in old.refunds:
            self._refunds.pop(r.refund_id, None)
            self._refunds_by_request.pop((r.client_id, r.refund_request_id), None)

    def evict(self, payment_ids: list[str]) -> None:
        self.changed()
        for payment_id in payment_ids:
            self._forget(payment_id)

    def merchant(self, client_id: str, keys: dict[str, bytes]) -> None:
        verifiers = {}
        for version, der in keys.items():
            verifier = self._verifiers.get(der)
            if verifier is None:
                public = serialization.load_der_public_key(der)
                verifier = self._verifiers[der] = Verifier(public)  # type: ignore[arg-type]
            verifiers[version] = verifier
        self._merchants[client_id] = verifiers

    # -- what the API code asks -------------------------------------------------------------
    def now(self) -> datetime:
        return datetime.now(UTC)

    def merchant_keys(self, client_id: str) -> dict[str, Verifier] | None:
        keys = self._merchants.get(client_id)
        return dict(keys) if keys is not None else None

    def verifier(self, spki_der: bytes) -> Verifier:
        return self._verifiers[spki_der]

    def find_payment(
        self,
        client_id: str | None,
        *,
        payment_id: str | None = None,
        payment_request_id: str | None = None,
        now: datetime | None = None,
    ) -> st.Payment | None:
        """``Store.find_payment``'s answer, or NotHeld when only the store can give it."""
        if payment_id:
            p = self._payments.get(payment_id)
        elif payment_request_id and client_id is not None:
            p = self._by_request.get((client_id, payment_request_id))
        else:
            return None
        if p is None:
            if self.backed:
                raise NotHeld  # maybe in the state file
            return None
        if client_id is not None and p.client_id != client_id:
            return None
        if p.status == st.PROCESSING:
            if now is not None and now >= p.expires:
                raise NotHeld  # the store closes it as it is looked up (and notifies)
            self._due = min(self._due, p.expires)  # its answer changes then
        return p

    def find_refund(
        self, client_id: str, *, refund_id: str | None = None, refund_request_id: str | None = None
    ) -> st.Refund | None:
        if refund_id:
            r = self._refunds.get(refund_id)
        elif refund_request_id and client_id is not None:
            r = self._refunds_by_request.get((client_id, refund_request_id))
        else:
            return None
        if r is None:
            if self.backed:
                raise NotHeld
            return None
        return r if r.client_id == client_id else None


class Worker:
    """The worker's loop: jobs from the lane, the lane's control frames, connections."""

    def __init__(self, jobs: Jobs, control: socket.socket) -> None:
        self.jobs = jobs
        self.control = control
        self.replica = Replica()
        self.serving = False
        self.read_timeout = 15.0
        self.key_version = "1"
        self.stamps = Stamps()
        self.sel = selectors.DefaultSelector()
        self.conns: dict[int, _Conn] = {}
        self._jobs_in = bytearray()
        self._control_in = bytearray()
        self._fds: list[int] = []
        self._page: mmap.mmap | None = None  #: the lane's count of changes sent (Replicas)
        self._seen = 0
        self._fd_in, self._fd_out = sys.stdin.fileno(), sys.stdout.fileno()
        os.set_blocking(self._fd_in, False)
        self.sel.register(self._fd_in, selectors.EVENT_READ, _JOBS)
        self.sel.register(control, selectors.EVENT_READ, _CONTROL)

    def run(self) -> int:
        swept = time.monotonic()
        while True:
            ready = []
            control = False
            for key, mask in self.sel.select(0.5 if self.conns else None):
                data = key.data
                if data is _JOBS:
                    if not self._read_jobs():
                        return 0  # end of input: the pool closes
                elif data is _CONTROL:
                    control = True  # read below, after every connection's read
                else:
                    if mask & selectors.EVENT_WRITE:
                        self._flush(data)
                    if mask & selectors.EVENT_READ:
                        self._recv(data)
                    ready.append(data)
            # a request read above may have been sent after a change it must see was
            # acknowledged: that change's frame is in the control socket by now (and
            # the shared count moved, after it was sent)
            if (control or self._moved()) and not self._read_control():
                return 0  # the lane is gone
            for conn in ready:
                if conn.sock.fileno() >= 0:
                    self._serve(conn)
            self._answer_jobs()
            now = time.monotonic()
            if now - swept > 0.5:
                swept = now
                for conn in list(self.conns.values()):
                    if not conn.out and now - conn.last > self.read_timeout:
                        self._close(conn)

    def _moved(self) -> bool:
        """Whether the lane sent a change since the last look (always, without the
        shared count: then the control socket is read at every round)."""
        if self._page is None:
            return True
        (count,) = SEQUENCE.unpack_from(self._page)
        if count == self._seen:
            return False
        self._seen = count  # what was sent up to it is in the socket: read below
        return True

    # -- the lane's jobs and frames ---------------------------------------------------------
    def _read_jobs(self) -> bool:
        try:
            chunk = os.read(self._fd_in, 65536)
        except BlockingIOError:
            return True
        if not chunk:
            return False
        self._jobs_in += chunk
        return True

    def _answer_jobs(self) -> None:
        while (job := take_frame(self._jobs_in)) is not None:
            write_frame(self._fd_out, self.jobs.answer(job))

    def _read_control(self) -> bool:
        while True:
            try:
                data, fds = recv_fds(self.control, socket.MSG_DONTWAIT)
            except (BlockingIOError, InterruptedError):
                break
            if not data:
                return False
            self._fds += fds
            self._control_in += data
        while (got := take_frame(self._control_in)) is not None:
            self._apply(got[:1], got[1:])
        return True

    def _apply(self, kind: bytes, payload: bytes) -> None:
        replica = self.replica
        if kind == b"P":
            replica.put(pickle.loads(payload))
        elif kind == b"N":
            sock = socket.socket(fileno=self._fds.pop(0))
            number = payload[: CONN_ID.size]
            if not self.serving:
                self._send(frame(b"H", number), sock)  # not serving (yet): the lane's again
                return
            sock.setblocking(False)
            conn = _Conn(sock, number)
            self.conns[sock.fileno()] = conn
            self.sel.register(sock, selectors.EVENT_READ, conn)
        elif kind == b"E":
            replica.evict(pickle.loads(payload))
        elif kind == b"M":
            replica.merchant(*pickle.loads(payload))
        elif kind == b"T":
            replica.request_time_tolerance = pickle.loads(payload)
        elif kind == b"Q":
            replica.faults = payload == b"\x01"
        elif kind == b"K":
            settings: dict[str, Any] = pickle.loads(payload)
            self._stop_serving()
            if settings.get("sequence"):
                page_fd = self._fds.pop(0)
                try:
                    self._page = mmap.mmap(page_fd, SEQUENCE.size, access=mmap.ACCESS_READ)
                finally:
                    os.close(page_fd)
                (self._seen,) = SEQUENCE.unpack_from(self._page)
            replica.backed = bool(settings["backed"])
            self.read_timeout = float(settings["read_timeout"])
            self.key_version = str(settings["key_version"])
            self.serving = True
        elif kind == b"X":
            self._stop_serving()
            self._send(frame(b"x"))

    def _stop_serving(self) -> None:
        for conn in list(self.conns.values()):
            with contextlib.suppress(OSError):
                conn.sock.shutdown(socket.SHUT_RDWR)
            self._close(conn, tell=False)
        self.replica.clear()
        self.serving = False
        if self._page is not None:  # read the socket at every round again
            self._page.close()
            self._page = None

    def _send(self, data: bytes, sock: socket.socket | None = None) -> None:
        """A frame to the lane (blocking: the lane reads it at once), with ``sock``'s
        descriptor attached (then closed here)."""
        if sock is None:
            self.control.sendall(data)
            return
        sent = socket.send_fds(self.control, [data], [sock.fileno()])
        if sent < len(data):
            self.control.sendall(data[sent:])
        sock.close()

    # -- connections ------------------------------------------------------------------------
    def _recv(self, conn: _Conn) -> None:
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

    def _forget(self, conn: _Conn) -> None:
        with contextlib.suppress(KeyError, ValueError):
            self.sel.unregister(conn.sock)
        self.conns.pop(conn.sock.fileno(), None)

    def _close(self, conn: _Conn, *, tell: bool = True) -> None:
        if conn.sock.fileno() < 0:
            return
        self._forget(conn)
        with contextlib.suppress(OSError):
            conn.sock.close()
        if tell:
            self._send(frame(b"C", conn.number))

    def _hand_back(self, conn: _Conn) -> None:
        """The connection, with what was read of it, to the lane for good."""
        self._forget(conn)
        self._send(frame(b"H", conn.number + bytes(conn.inbox)), conn.sock)

    def _flush(self, conn: _Conn) -> None:
        try:
            sent = conn.sock.send(conn.out)
        except (BlockingIOError, InterruptedError):
            sent = 0
        except OSError:
            self._close(conn)
            return
        del conn.out[:sent]
        writing = bool(conn.out)
        if writing != conn.writing:
            conn.writing = writing
            events = selectors.EVENT_READ | (selectors.EVENT_WRITE if writing else 0)
            with contextlib.suppress(KeyError, ValueError):
                self.sel.modify(conn.sock, events, conn)
        if not conn.out and conn.closing:
            self._close(conn)

    def _serve(self, conn: _Conn) -> None:
        """Answer every complete request in the inbox (in order), or hand it back."""
        replica = self.replica
        while conn.inbox and not conn.out and not conn.closing and conn.sock.fileno() >= 0:
            buf = conn.inbox
            end = buf.find(b"\r\n\r\n")
            if end < 0:
                if len(buf) > MAX_HEAD:
                    self._hand_back(conn)
                return
            parsed = None if replica.faults else parse_plain(bytes(buf[:end]))
            if parsed is None or parsed[2] not in api.READ_ONLY:
                self._hand_back(conn)
                return
            target, path, name, headers, length, close = parsed
            stop = end + 4 + length
            if len(buf) < stop:
                return  # the body is still coming
            body = bytes(buf[end + 4 : stop])
            client_id = headers.get("client-id") or ""
            gw: Any = replica  # what the API code reads of a gateway
            args = (gw, headers, "POST", target, path, name, client_id, body)
            now = replica.now()
            pending: list[PendingCheck] = []
            try:
                answer = refusal(*args, pending)
                payload = None
                if answer is None:
                    payload = replica.answer(path, name, client_id, body, now)
                if pending:
                    check = pending[0]
                    try:
                        replica.verifier(check.spki_der).verify_raw(check.content, check.signature)
                    except SignatureError:
                        answer = answer_for(*args)  # the refusal, verified again
                        payload = None
            except NotHeld:
                self._hand_back(conn)
                return
            del buf[:stop]
            if payload is None:
                assert answer is not None
                payload = answer_body(answer)
            sent_at = self.stamps.response_time(now)
            signature = self.jobs.sign(sign_content("POST", target, client_id, sent_at, payload))
            conn.out += answer_head(
                self.stamps.http_date(),
                self.key_version,
                client_id,
                sent_at,
                base64.b64encode(signature).decode("ascii"),
                len(payload),
                close,
            )
            conn.out += payload
            conn.closing = close
            self._flush(conn)


def main() -> int:
    batch_scheduling()
    control = socket.socket(fileno=int(sys.argv[1]))
    der = read_frame(sys.stdin.fileno())
    if not der:
        return 1
    try:
        jobs = Jobs(der)
    except (TypeError, ValueError):
        return 1
    del der
    return Worker(jobs, control).run()


if __name__ == "__main__":
    raise SystemExit(main())
