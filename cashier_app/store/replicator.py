"""The till's link to its store, on a thread of its own: pushes the journal's outbox to
PostgreSQL and settles the sales the store's notify listener heard about.

A sale never waits on it: the checkout writes only the SQLite journal (whose triggers
fill the outbox); this thread reads the outbox, pushes, and acknowledges after the store's
commit. Server down, connection lost, process killed: the outbox keeps what is not
acknowledged and the next push (after a back-off, or the next start) sends it again; the
store's upserts make the repeat harmless.

Notifications: the thread LISTENs on ``cashier_notifications``; on each one (and after
every (re)connect, and every heartbeat, for those that came while it was away) it hands
the notifications of this till's payments and refunds to ``settle`` (the app verifies
them again with the till's own key and applies them to the journal) and marks them
applied. Polling the gateway stays the fallback.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

from cashier_app.domain.values import dataclass
from cashier_app.journal.outbox import Batch, Outbox
from cashier_app.journal.store import Journal
from cashier_app.store import push
from cashier_app.store.connect import StoreError
from cashier_app.store.schema import NOTIFY_CHANNEL

log = logging.getLogger(__name__)

#: ``settle(path, headers, body)`` -> a short result to record ("SUCCESS", "rejected: ...").
Settle = Callable[[str, dict[str, str], bytes], str]

_PENDING_NOTIFICATIONS = """
SELECT n.id, n.path, n.headers, n.body FROM notifications n
WHERE n.applied_at IS NULL AND (
    (n.refund_request_id = '' AND EXISTS (
        SELECT 1 FROM payments p
        WHERE p.till_id = %(till)s AND p.payment_request_id = n.payment_request_id))
    OR (n.refund_request_id <> '' AND EXISTS (
        SELECT 1 FROM refunds r
        WHERE r.till_id = %(till)s AND r.refund_request_id = n.refund_request_id)))
ORDER BY n.id
"""


@dataclass
class LinkState:
    """What the link knows about itself (for the status bar and ``cashier store status``)."""

    connected: bool = False
    last_push: float | None = None  #: time.time() of the last committed push
    last_error: str = ""
    pushed_changes: int = 0
    settled: int = 0
    failures: int = 0  #: connections lost or refused so far


class Replicator:
    """Push ``journal``'s outbox to the store as ``till_id``.

    ``connect()`` returns a new autocommit psycopg connection (or raises StoreError).
    ``start()`` runs the loop on a daemon thread; ``push_once()`` / ``drain()`` do the
    same work on the caller's thread (the CLI's ``cashier store sync``, tests).
    """

    def __init__(
        self,
        journal: Journal,
        connect: Callable[[], Any],
        till_id: str,
        *,
        settle: Settle | None = None,
        interval: float = 0.1,
        batch_size: int = 500,
        heartbeat: float = 10.0,
        max_backoff: float = 5.0,
        on_push: Callable[[Batch, float], None] | None = None,
        on_contact: Callable[[Any], None] | None = None,
        on_lost: Callable[[StoreError], None] | None = None,
    ) -> None:
        self.outbox = Outbox(journal)
        self.till_id = till_id
        self._connect = connect
        self.settle = settle
        self.interval = interval
        self.batch_size = batch_size
        self.heartbeat_every = heartbeat
        self.max_backoff = max_backoff
        #: told of each committed batch and time.time() after the commit (benchmarks)
        self.on_push = on_push
        #: called with the connection at every heartbeat (store mode's operators refresh
        #: the till's copy there); its errors are logged, never stop the replication
        self.on_contact = on_contact
        #: called with why, once, when the store stops answering (store mode's operators
        #: sign in from the till's copy from then on; ``on_contact`` at the first heartbeat
        #: after the link is back, which comes at once, ends that)
        self.on_lost = on_lost
        self.state = LinkState()
        self.hostname = socket.gethostname()[:128]
        self._conn: Any = None
        self._listen: Any = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._notes_due = True
        self._last_beat = 0.0

    # -- one step at a time (the caller's thread) -------------------------------------
    def _connection(self) -> Any:
        """The connection pushes and settlements use."""
        if self._conn is None or self._conn.closed:
            self._conn = self._connect()
            self._notes_due = True  # some may have come while we were away
            self._connected()
        return self._conn

    def _connected(self) -> None:
        if not self.state.connected:
            self.state.connected = True
            self._last_beat = 0.0  # back after a loss (or the first time): a heartbeat now

    def _listener(self) -> Any:
        """A connection of its own that only LISTENs (psycopg's ``notifies()`` and other
        commands do not mix reliably on one connection)."""
        if self._listen is None or self._listen.closed:
            conn = self._connect()
            conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
            self._listen = conn
            self._notes_due = True
        return self._listen

    def _drop(self, exc: BaseException) -> None:
        was_connected = self.state.connected
        self.state.connected = False
        self.state.failures += 1
        self.state.last_error = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        self._close()
        if was_connected:
            self._lost(exc)

    def _lost(self, exc: BaseException) -> None:
        if self.on_lost is None:
            return
        why = exc if isinstance(exc, StoreError) else StoreError.of("store_unreachable", exc=exc)
        try:
            self.on_lost(why)
        except Exception as error:
            log.warning("store link: after losing the store: %s", error)

    def _close(self) -> None:
        for conn in (self._conn, self._listen):
            if conn is not None:
                try:
                    conn.close()
                except Exception:
                    log.debug("closing a store connection failed", exc_info=True)
        self._conn = self._listen = None

    def push_once(self) -> int:
        """Push the oldest batch; returns how many outbox changes it acknowledged (0: none
        waiting). Raises StoreError (the connection is dropped, nothing is lost)."""
        import psycopg

        batch = self.outbox.batch(self.batch_size)
        if batch is None:
            return 0
        try:
            conn = self._connection()
            push.push_batch(conn, self.till_id, batch, hostname=self.hostname)
            committed = time.time()
        except psycopg.Error as exc:
            self._drop(exc)
            raise StoreError.of("store_push_failed_kept_later", exc=exc) from None
        except StoreError as exc:
            self._drop(exc)
            raise
        self.outbox.acknowledge(batch)
        self.state.last_push = time.time()
        self.state.pushed_changes += batch.size
        self.state.last_error = ""
        if batch.payments or batch.refunds:
            self._notes_due = True  # a notification may have waited for these rows
        if self.on_push is not None:
            self.on_push(batch, committed)
        return batch.size

    def settle_pending(self) -> int:
        """Hand this till's unapplied notifications to ``settle``; returns how many."""
        import psycopg

        if self.settle is None:
            return 0
        self._notes_due = False
        try:
            conn = self._connection()
            rows = conn.execute(_PENDING_NOTIFICATIONS, {"till": self.till_id}).fetchall()
        except psycopg.Error as exc:
            self._drop(exc)
            self._notes_due = True
            raise StoreError.of("store_unreachable", exc=exc) from None
        done = 0
        for note_id, path, headers, body in rows:
            try:
                result = self.settle(path, dict(headers), bytes(body))
            except Exception as exc:  # left pending: the next notify or heartbeat retries
                log.warning("could not settle store notification %s: %s", note_id, exc)
                continue
            try:
                conn.execute(
                    "UPDATE notifications SET applied_at = now(), applied_by = %s, "
                    "apply_result = %s WHERE id = %s AND applied_at IS NULL",
                    (self.till_id, result[:500], note_id),
                )
            except psycopg.Error as exc:
                self._drop(exc)
                raise StoreError.of("store_unreachable", exc=exc) from None
            done += 1
        self.state.settled += done
        return done

    def beat(self) -> None:
        import psycopg

        try:
            push.heartbeat(
                self._connection(),
                self.till_id,
                hostname=self.hostname,
                backlog=self.outbox.backlog(),
            )
        except psycopg.Error as exc:
            self._drop(exc)
            raise StoreError.of("store_unreachable", exc=exc) from None
        self._last_beat = time.monotonic()
        if self.on_contact is not None:
            try:
                self.on_contact(self._connection())
            except Exception as exc:
                log.warning("store link: after the heartbeat: %s", exc)

    def drain(self, timeout: float = 30.0) -> bool:
        """Push until the outbox is empty (True) or ``timeout`` passes (False); errors
        are retried after a short back-off until then."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if self.push_once() == 0:
                    return True
            except StoreError:
                time.sleep(0.2)
        return False

    # -- the thread ---------------------------------------------------------------------
    def start(self) -> Replicator:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="store-link", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self._close()
        self.state.connected = False

    def _run(self) -> None:
        backoff = 0.2
        while not self._stop.is_set():
            try:
                if self.push_once():
                    backoff = 0.2
                    continue  # more may be waiting: no pause between batches
                if self._notes_due:
                    self.settle_pending()
                if time.monotonic() - self._last_beat >= self.heartbeat_every:
                    self.beat()
                    self._notes_due = self.settle is not None
                backoff = 0.2
                self._wait()
            except StoreError as exc:
                log.info("store link: %s; retrying in %.1f s", exc, backoff)
                self._stop.wait(backoff)
                backoff = min(self.max_backoff, backoff * 2)
            except Exception as exc:  # the journal, a bug: keep the till selling
                log.exception("store link failed; retrying")
                self.state.last_error = str(exc)
                self._stop.wait(self.max_backoff)

    def _wait(self) -> None:
        """Sleep ``interval``, woken early by a NOTIFY when listening."""
        if self.settle is None:
            self._stop.wait(self.interval)
            return
        import psycopg

        try:
            for _ in self._listener().notifies(timeout=self.interval, stop_after=1):
                self._notes_due = True
        except psycopg.Error as exc:
            self._drop(exc)
            raise StoreError.of("store_unreachable", exc=exc) from None
