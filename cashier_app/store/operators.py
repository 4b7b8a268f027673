"""Operators of the whole store (store mode): the accounts live in the store's PostgreSQL,
every till signs in against them, and a wrong PIN counts at every till (a lock-out holds
store-wide). Only salted scrypt hashes travel (``operators.pins.hash_pin``), never a PIN.

Offline-first like the rest of the till: each till keeps a copy of the accounts (name,
role, PIN hash, lock-out) in its own ``operators.sqlite3`` (``OperatorStore.mirror``),
refreshed whenever the store answers (a sign-in, a list, a change, and every heartbeat of
the till's store link). With the server down the till signs its operators in from that
copy and says so; the wrong PINs typed meanwhile are kept in the copy and added to the
store's count once it answers again. Accounts change only while the store is reachable,
so that two tills never disagree about who may approve a refund.

Lock-out times are the store server's clock (``now()``), so tills with clocks apart agree.
Every method blocks on PostgreSQL, SQLite and scrypt: call it off the GUI thread.
"""

from __future__ import annotations

import builtins
import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from cashier_app.operators import MANAGER, Operator, OperatorError, OperatorStore
from cashier_app.operators.lockout import after_wrong_pin, refuse_if_locked, wrong_pin_error
from cashier_app.operators.pins import burn_time, hash_pin, verify_pin
from cashier_app.operators.store import check_name, check_role
from cashier_app.store.connect import StoreError

log = logging.getLogger(__name__)

#: Seconds a till signs in from its copy, once the store did not answer, before it asks
#: the store again (the store link's heartbeat brings it back sooner).
RETRY_SECONDS = 15.0
#: Key of the advisory lock that serializes changes of accounts across tills.
_CHANGES_LOCK = 0x63617368_0005
_COLUMNS = "name, role, pin_hash, failures, locked_until"
_ALL = f"SELECT {_COLUMNS} FROM operators WHERE NOT removed ORDER BY name"
_ONE = (
    f"SELECT {_COLUMNS}, now() FROM operators WHERE lower(name) = lower(%s) AND NOT removed "
    "FOR UPDATE"
)


def _operator(row: tuple[Any, ...]) -> Operator:
    return Operator(row[0], row[1], int(row[3]), row[4])


class StoreOperators:
    """The OperatorBook interface over the store's ``operators`` table, with ``local`` (the
    till's own file) as the copy used while the store cannot be reached.

    ``connect()`` returns a new autocommit psycopg connection or raises StoreError.
    ``offline`` is True while the store did not answer the last time it was asked
    (``problem`` says why, never with a password): the UI says so. ``on_offline_changed``
    (offline) is called, on the thread that found out, each time it flips; the store link
    tells of a lost connection by ``went_down`` and of the server's return by ``refresh``."""

    def __init__(
        self,
        connect: Callable[[], Any],
        local: OperatorStore,
        *,
        till_id: str = "",
        retry_after: float = RETRY_SECONDS,
    ) -> None:
        self._connect = connect
        self.local = local
        self.path = local.path
        self.till_id = till_id
        self.retry_after = retry_after
        self.offline = False
        self.problem = ""
        self._down: StoreError | None = None  #: why the store is down, to raise again
        self._retry_at = 0.0
        self._synced = False  #: the copy was refreshed from the store (or tried) once
        self._lock = threading.RLock()
        self.on_offline_changed: Callable[[bool], None] | None = None

    def close(self) -> None:
        self.local.close()

    # -- the store, or StoreError ---------------------------------------------------------
    @contextmanager
    def _at_store(self, conn: Any = None) -> Iterator[Any]:
        """A transaction at the store (on ``conn``, else a new connection): the wrong PINs
        typed while it was down are added first; after the body the till's copy is made
        equal to the store's accounts. StoreError when the store cannot be used."""
        import psycopg

        with self._lock:
            if conn is None and self.offline and time.monotonic() < self._retry_at:
                raise StoreError.of("still_down", error=self._down)
            try:
                own = conn is None
                conn = self._connect() if own else conn
                try:
                    with conn.transaction():
                        caught = self._catch_up(conn)
                        yield conn
                        rows = [tuple(r) for r in conn.execute(_ALL).fetchall()]
                finally:
                    if own:
                        conn.close()
            except StoreError as exc:
                self._went_down(exc)
                raise
            except psycopg.errors.UndefinedTable:
                old = StoreError.of("no_operators_yet")
                self._went_down(old)
                raise old from None
            except psycopg.Error as exc:
                lost = (psycopg.OperationalError, psycopg.InterfaceError)
                err = StoreError.of(
                    "server_stopped_answering" if isinstance(exc, lost) else "server_refused",
                    detail=_first_line(exc),
                )
                self._went_down(err)
                raise err from None
            self.local.mirror(rows)
            for name in caught:
                self.local.clear_offline_failures(name)
            self._synced = True
            was_offline = self.offline
            self.offline, self.problem = False, ""
            if was_offline:
                log.info("store operators: the store answers again; the till's copy is current")
                self._tell(False)

    def went_down(self, exc: StoreError) -> None:
        """The store link lost the store server: sign in from the till's copy (and say so)
        until it answers again."""
        with self._lock:
            self._went_down(exc)

    @property
    def why_down(self) -> StoreError | None:
        """Why the store cannot be reached (``problem`` as an error, for a UI to render in
        its language); None while it answers."""
        return self._down if self.offline else None

    def _went_down(self, exc: StoreError) -> None:
        was_offline = self.offline
        self.offline, self.problem, self._down = True, str(exc), exc
        self._retry_at = time.monotonic() + self.retry_after
        self._synced = True  # the copy answers until the store does
        if not was_offline:
            log.warning("store operators: %s; signing in from this till's copy", exc)
            self._tell(True)

    def _tell(self, offline: bool) -> None:
        if self.on_offline_changed is not None:
            try:
                self.on_offline_changed(offline)
            except Exception:  # a listener's fault never stops a sign-in
                log.exception("store operators: telling of offline=%s failed", offline)

    def _catch_up(self, conn: Any) -> list[str]:
        """Add the wrong PINs typed here while the store was down to the store's count (a
        lock-out they earned holds at every till); the names told."""
        pending = self.local.offline_failures()
        for name, count in pending.items():
            row = conn.execute(_ONE, (name,)).fetchone()
            if row is None:
                continue  # removed at the store meanwhile
            who, failures, until, now = row[0], int(row[3]), row[4], row[5]
            for _ in range(count):
                failures, new_until = after_wrong_pin(failures, now)
                if new_until is not None and (until is None or new_until > until):
                    until = new_until
            conn.execute(
                "UPDATE operators SET failures = %s, locked_until = %s WHERE name = %s",
                (failures, until, who),
            )
            log.info("store operators: %d wrong PIN(s) for %s typed offline, counted", count, who)
        return list(pending)

    def refresh(self, conn: Any = None) -> None:
        """Make the till's copy the store's accounts now (the store link calls it with its
        connection at every heartbeat: a till catches up once the store is back)."""
        with self._at_store(conn):
            pass

    # -- reading --------------------------------------------------------------------------
    def configured(self) -> bool:
        """From the till's copy (checked before a sale, which never waits on the store):
        the copy is refreshed from the store the first time, then by the store link's
        heartbeat and at every sign-in, list or change."""
        if not self._synced:
            with contextlib.suppress(StoreError):  # down: the copy answers
                self.refresh()
        return self.local.configured()

    def list(self) -> list[Operator]:
        try:
            with self._at_store() as conn:
                rows = conn.execute(_ALL).fetchall()
            return [_operator(r) for r in rows]
        except StoreError:
            return self.local.list()

    def get(self, name: str) -> Operator | None:
        key = name.strip().casefold()
        return next((o for o in self.list() if o.name.casefold() == key), None)

    # -- signing in -----------------------------------------------------------------------
    def verify(self, name: str, pin: str) -> Operator:
        """As OperatorStore.verify, against the store (a wrong PIN counts at every till);
        from the till's copy when the store cannot be reached (``offline`` then)."""
        name = name.strip()
        with self._lock:  # a heartbeat's catch-up never misses a wrong PIN counted offline
            try:
                with self._at_store() as conn:
                    op, refused = self._verify(conn, name, pin)
            except StoreError:
                return self._verify_offline(name, pin)
        if refused is not None:
            raise refused
        assert op is not None
        return op

    @staticmethod
    def _verify(conn: Any, name: str, pin: str) -> tuple[Operator | None, OperatorError | None]:
        """The operator, or the refusal to raise once the count is committed."""
        row = conn.execute(_ONE, (name,)).fetchone()
        if row is None:
            burn_time(pin)
            return None, OperatorError.of("unknown", name=name)
        who, role, stored, failures, until, now = row
        try:
            refuse_if_locked(who, failures, until, now)
        except OperatorError as exc:
            return None, exc
        if verify_pin(pin, stored):
            if failures or until:
                conn.execute(
                    "UPDATE operators SET failures = 0, locked_until = NULL WHERE name = %s",
                    (who,),
                )
            return Operator(who, role), None
        failures, until = after_wrong_pin(int(failures), now)
        conn.execute(
            "UPDATE operators SET failures = %s, locked_until = %s WHERE name = %s",
            (failures, until, who),
        )
        return None, wrong_pin_error(who, failures, until, now)

    def _verify_offline(self, name: str, pin: str) -> Operator:
        try:
            op = self.local.verify(name, pin)
        except OperatorError as exc:
            if exc.code in ("wrong_pin", "locked_now"):  # counted here, told to the store later
                self.local.note_offline_failure(exc.params.get("name", name))
            raise
        self.local.clear_offline_failures(op.name)
        log.info("operator %s checked against this till's copy (store unreachable)", op.name)
        return op

    def verify_manager(self, name: str, pin: str) -> Operator:
        op = self.verify(name, pin)
        if not op.is_manager:
            raise OperatorError.of("not_manager", name=op.name)
        return op

    # -- changing accounts: only while the store answers ----------------------------------
    @contextmanager
    def _changing(self) -> Iterator[Any]:
        try:
            with self._at_store() as conn:
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (_CHANGES_LOCK,))
                yield conn
        except StoreError as exc:
            raise OperatorError.of("store_down", problem=exc) from None

    @staticmethod
    def _existing(conn: Any, name: str) -> Operator:
        row = conn.execute(_ONE, (name.strip(),)).fetchone()
        if row is None:
            raise OperatorError.of("unknown", name=name.strip())
        return _operator(row)

    @staticmethod
    def _keep_a_manager(conn: Any, op: Operator) -> None:
        """As OperatorStore: never leave operators with no manager; the last one may go."""
        managers, others = conn.execute(
            "SELECT COUNT(*) FILTER (WHERE role = 'manager'), COUNT(*) FROM operators "
            "WHERE NOT removed AND name <> %s",
            (op.name,),
        ).fetchone()
        if others and not managers:
            raise OperatorError.of("last_manager", name=op.name)

    def add(self, name: str, role: str, pin: str) -> Operator:
        name, role = check_name(name), check_role(role)
        hashed = hash_pin(pin)
        with self._changing() as conn:
            self._add(conn, name, role, hashed)
        return Operator(name, role)

    def _add(self, conn: Any, name: str, role: str, hashed: str) -> None:
        empty = not conn.execute(
            "SELECT EXISTS (SELECT 1 FROM operators WHERE NOT removed)"
        ).fetchone()[0]
        if empty and role != MANAGER:
            raise OperatorError.of("first_is_manager")
        taken = conn.execute(
            "SELECT name, removed FROM operators WHERE lower(name) = lower(%s)", (name,)
        ).fetchone()
        if taken is not None and not taken[1]:
            raise OperatorError.of("exists", name=taken[0])
        if taken is not None:  # removed once: the name comes back, with a new PIN
            conn.execute(
                "UPDATE operators SET name = %s, role = %s, pin_hash = %s, failures = 0, "
                "locked_until = NULL, removed = false, updated_at = now(), updated_by = %s "
                "WHERE name = %s",
                (name, role, hashed, self.till_id, taken[0]),
            )
        else:
            conn.execute(
                "INSERT INTO operators (name, role, pin_hash, updated_by) VALUES (%s, %s, %s, %s)",
                (name, role, hashed, self.till_id),
            )

    def set_pin(self, name: str, pin: str) -> None:
        hashed = hash_pin(pin)
        with self._changing() as conn:
            op = self._existing(conn, name)
            conn.execute(
                "UPDATE operators SET pin_hash = %s, failures = 0, locked_until = NULL, "
                "updated_at = now(), updated_by = %s WHERE name = %s",
                (hashed, self.till_id, op.name),
            )

    def set_role(self, name: str, role: str) -> Operator:
        role = check_role(role)
        with self._changing() as conn:
            op = self._existing(conn, name)
            if op.is_manager and role != MANAGER:
                self._keep_a_manager(conn, op)
            conn.execute(
                "UPDATE operators SET role = %s, updated_at = now(), updated_by = %s "
                "WHERE name = %s",
                (role, self.till_id, op.name),
            )
        return Operator(op.name, role)

    def unlock(self, name: str) -> None:
        with self._changing() as conn:
            op = self._existing(conn, name)
            conn.execute(
                "UPDATE operators SET failures = 0, locked_until = NULL, updated_at = now(), "
                "updated_by = %s WHERE name = %s",
                (self.till_id, op.name),
            )

    def remove(self, name: str) -> None:
        with self._changing() as conn:
            op = self._existing(conn, name)
            if op.is_manager:
                self._keep_a_manager(conn, op)
            # marked, not deleted: a till's role may update rows but never delete them
            conn.execute(
                "UPDATE operators SET removed = true, updated_at = now(), updated_by = %s "
                "WHERE name = %s",
                (self.till_id, op.name),
            )

    # -- joining a store --------------------------------------------------------------------
    def adopt_local(self) -> tuple[builtins.list[str], builtins.list[str]]:
        """At ``cashier store join``: this till's own accounts go to the store (their PIN
        hashes as they are: nobody needs a new PIN), unless the store has one of that name
        already (the store's stays); then the till's file becomes the copy of the store's.
        ``(names added, names the store had)``; OperatorError ``store_down``."""
        mine = sorted(self.local.export_rows(), key=lambda r: (r[1] != MANAGER, r[0]))
        added: builtins.list[str] = []
        kept: builtins.list[str] = []
        with self._changing() as conn:
            for name, role, pin_hash in mine:
                taken = conn.execute(
                    "SELECT name, removed FROM operators WHERE lower(name) = lower(%s)", (name,)
                ).fetchone()
                if taken is not None and not taken[1]:
                    kept.append(taken[0])
                elif taken is not None:  # removed at the store once: back, with this hash
                    conn.execute(
                        "UPDATE operators SET name = %s, role = %s, pin_hash = %s, "
                        "failures = 0, locked_until = NULL, removed = false, "
                        "updated_at = now(), updated_by = %s WHERE name = %s",
                        (name, role, pin_hash, self.till_id, taken[0]),
                    )
                    added.append(name)
                else:
                    conn.execute(
                        "INSERT INTO operators (name, role, pin_hash, updated_by) "
                        "VALUES (%s, %s, %s, %s)",
                        (name, role, pin_hash, self.till_id),
                    )
                    added.append(name)
        return added, kept


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
