"""The till's operator accounts in a SQLite file of their own (``operators.sqlite3``).

Why a file of its own and not the journal: the journal is sale history. It is read from
copies (``cashier history`` on a read-only copy, an accountant's export), its event log is
append-only, and store mode replicates it to PostgreSQL. PIN hashes and lock-out counters
are sign-in state that is updated in place and must travel nowhere: kept apart, a copy of
the journal never carries a PIN hash. The file is 0600 like the journal.

Lock-out: after :data:`MAX_FAILURES` wrong PINs in a row the account is locked for
:data:`LOCK_MINUTES` minutes, doubling with every further wrong PIN after it lifts (at most
:data:`LOCK_MAX_MINUTES`). The counters are on disk: restarting the till lifts nothing.
While locked, PINs are not even checked. A right PIN clears the counter; a manager can
unlock at once.
"""

from __future__ import annotations

import builtins
import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from cashier_app.domain.values import dataclass
from cashier_app.operators.errors import OperatorError
from cashier_app.operators.lockout import (
    after_wrong_pin,
    refuse_if_locked,
    wrong_pin_error,
)
from cashier_app.operators.pins import burn_time, hash_pin, verify_pin
from cashier_app.support import paths

CASHIER, MANAGER = "cashier", "manager"
ROLES = (CASHIER, MANAGER)
NAME_MAX = 32
FILE_NAME = "operators.sqlite3"
#: 1: the accounts; 2: wrong PINs typed while the store server was down (store mode)
_VERSION = 2


def operators_path() -> Path:
    return paths.data_dir() / FILE_NAME


@dataclass(frozen=True, slots=True)
class Operator:
    """An operator as the till shows it (never the PIN hash)."""

    name: str
    role: str
    failures: int = 0
    locked_until: datetime | None = None

    @property
    def is_manager(self) -> bool:
        return self.role == MANAGER

    def locked_at(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until


class OperatorBook(Protocol):
    """What the till's session needs of its operator accounts: :class:`OperatorStore` (a
    till of its own) or ``store.operators.StoreOperators`` (store mode: the store's
    accounts, this file as their copy)."""

    path: Path

    def configured(self) -> bool: ...
    def list(self) -> list[Operator]: ...
    def get(self, name: str) -> Operator | None: ...
    def verify(self, name: str, pin: str) -> Operator: ...
    def verify_manager(self, name: str, pin: str) -> Operator: ...
    def add(self, name: str, role: str, pin: str) -> Operator: ...
    def set_pin(self, name: str, pin: str) -> None: ...
    def set_role(self, name: str, role: str) -> Operator: ...
    def unlock(self, name: str) -> None: ...
    def remove(self, name: str) -> None: ...
    def close(self) -> None: ...


def check_name(name: str) -> str:
    name = (name or "").strip()
    if not 1 <= len(name) <= NAME_MAX or not all(c.isalnum() or c in " ._-" for c in name):
        raise OperatorError.of("name_bad", high=NAME_MAX)
    return name


def check_role(role: str) -> str:
    if role not in ROLES:
        raise OperatorError.of("role_bad")
    return role


def _time(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).isoformat()


def _from_time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


class OperatorStore:
    """Operator accounts at ``path`` (created when missing). Every method blocks on SQLite
    and, for a PIN, on scrypt: call it off the GUI thread. Thread-safe; other processes
    share the file through SQLite's locking."""

    def __init__(
        self, path: Path | str | None = None, *, clock: Callable[[], datetime] | None = None
    ) -> None:
        self.path = Path(path) if path is not None else operators_path()
        self._clock = clock or (lambda: datetime.now(UTC))
        self._lock = threading.RLock()
        self._db: sqlite3.Connection | None = None
        if self.path.exists():  # created with the first account: a till without any has none
            self._open()

    def _open(self) -> sqlite3.Connection:
        if self._db is not None:
            return self._db
        try:
            paths.private_file(self.path)
            self._db = sqlite3.connect(
                self.path, timeout=5.0, isolation_level=None, check_same_thread=False
            )
            self._db.row_factory = sqlite3.Row
            version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
            if version > _VERSION:
                raise OperatorError.of("newer", path=self.path)
            if version < _VERSION:
                with self._writing() as db:
                    db.execute("""
                        CREATE TABLE IF NOT EXISTS operators (
                            name         TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
                            role         TEXT NOT NULL CHECK (role IN ('cashier', 'manager')),
                            pin_hash     TEXT NOT NULL,
                            failures     INTEGER NOT NULL DEFAULT 0,
                            locked_until TEXT,
                            created_at   TEXT NOT NULL,
                            updated_at   TEXT NOT NULL
                        )""")
                    # store mode: wrong PINs counted here while the store was down, added to
                    # the store's count once it answers again (a mirror keeps them)
                    db.execute("""
                        CREATE TABLE IF NOT EXISTS offline_failures (
                            name     TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
                            failures INTEGER NOT NULL CHECK (failures > 0)
                        )""")
                    db.execute(f"PRAGMA user_version = {_VERSION}")
        except (sqlite3.Error, OSError) as exc:
            if self._db is not None:
                self._db.close()
                self._db = None
            raise OperatorError.of("damaged", path=self.path, problem=str(exc)) from None
        return self._db

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            db = self._db if self._db is not None else self._open()
            try:
                db.execute("BEGIN IMMEDIATE")
                try:
                    yield db
                    db.execute("COMMIT")
                except BaseException:
                    with contextlib.suppress(sqlite3.Error):
                        db.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                raise OperatorError.of("damaged", path=self.path, problem=str(exc)) from None

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            if self._db is None and not self.path.exists():
                return []  # no account was ever made here
            db = self._open()
            try:
                return db.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise OperatorError.of("damaged", path=self.path, problem=str(exc)) from None

    @staticmethod
    def _operator(row: sqlite3.Row) -> Operator:
        return Operator(
            row["name"], row["role"], int(row["failures"]), _from_time(row["locked_until"])
        )

    # -- reading ------------------------------------------------------------------------
    def configured(self) -> bool:
        """Whether any operator exists: then the till asks who is at it."""
        return bool(self._read("SELECT 1 FROM operators LIMIT 1"))

    def list(self) -> list[Operator]:
        return [self._operator(r) for r in self._read("SELECT * FROM operators ORDER BY name")]

    def get(self, name: str) -> Operator | None:
        rows = self._read("SELECT * FROM operators WHERE name = ?", (name.strip(),))
        return self._operator(rows[0]) if rows else None

    # -- signing in ------------------------------------------------------------------------
    def verify(self, name: str, pin: str) -> Operator:
        """The operator ``name`` when ``pin`` is theirs. Raises OperatorError: unknown name,
        wrong PIN (with the tries left), locked (until when). Each wrong PIN is counted on
        disk before this returns."""
        now = self._clock()
        with self._writing() as db:
            row = db.execute("SELECT * FROM operators WHERE name = ?", (name.strip(),)).fetchone()
            if row is None:
                burn_time(pin)
                raise OperatorError.of("unknown", name=name.strip())
            op = self._operator(row)
            refuse_if_locked(op.name, op.failures, op.locked_until, now)
            if verify_pin(pin, row["pin_hash"]):
                if op.failures or op.locked_until:
                    db.execute(
                        "UPDATE operators SET failures = 0, locked_until = NULL WHERE name = ?",
                        (op.name,),
                    )
                return Operator(op.name, op.role)
            failures, until = after_wrong_pin(op.failures, now)
            db.execute(
                "UPDATE operators SET failures = ?, locked_until = ? WHERE name = ?",
                (failures, _time(until), op.name),
            )
        raise wrong_pin_error(op.name, failures, until, now)

    def verify_manager(self, name: str, pin: str) -> Operator:
        """``verify``, and the operator must be a manager."""
        op = self.verify(name, pin)
        if not op.is_manager:
            raise OperatorError.of("not_manager", name=op.name)
        return op

    # -- changing accounts (the caller has a manager's approval, except for the first) -------
    def add(self, name: str, role: str, pin: str) -> Operator:
        name, role = check_name(name), check_role(role)
        hashed = hash_pin(pin)
        now = _time(self._clock())
        with self._writing() as db:
            empty = db.execute("SELECT 1 FROM operators LIMIT 1").fetchone() is None
            if empty and role != MANAGER:
                raise OperatorError.of("first_is_manager")
            try:
                db.execute(
                    "INSERT INTO operators (name, role, pin_hash, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (name, role, hashed, now, now),
                )
            except sqlite3.IntegrityError:
                raise OperatorError.of("exists", name=name) from None
        return Operator(name, role)

    def set_pin(self, name: str, pin: str) -> None:
        hashed = hash_pin(pin)
        with self._writing() as db:
            op = self._existing(db, name)
            db.execute(
                "UPDATE operators SET pin_hash = ?, failures = 0, locked_until = NULL, "
                "updated_at = ? WHERE name = ?",
                (hashed, _time(self._clock()), op.name),
            )

    def set_role(self, name: str, role: str) -> Operator:
        role = check_role(role)
        with self._writing() as db:
            op = self._existing(db, name)
            if op.is_manager and role != MANAGER:
                self._keep_a_manager(db, op)
            db.execute(
                "UPDATE operators SET role = ?, updated_at = ? WHERE name = ?",
                (role, _time(self._clock()), op.name),
            )
        return Operator(op.name, role)

    def unlock(self, name: str) -> None:
        with self._writing() as db:
            op = self._existing(db, name)
            db.execute(
                "UPDATE operators SET failures = 0, locked_until = NULL WHERE name = ?",
                (op.name,),
            )

    def remove(self, name: str) -> None:
        with self._writing() as db:
            op = self._existing(db, name)
            if op.is_manager:
                self._keep_a_manager(db, op)
            db.execute("DELETE FROM operators WHERE name = ?", (op.name,))

    # -- the copy of the store's accounts (store mode: store/operators.py) -----------------
    def mirror(self, rows: Iterable[tuple[Any, ...]]) -> None:
        """Make this file a copy of the store's accounts: ``(name, role, pin_hash,
        failures, locked_until)`` each; accounts not among them are dropped."""
        rows = list(rows)
        now = _time(self._clock())
        with self._writing() as db:
            db.execute("DELETE FROM operators")
            for name, role, pin_hash, failures, locked_until in rows:
                db.execute(
                    "INSERT INTO operators (name, role, pin_hash, failures, locked_until, "
                    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (name, role, pin_hash, int(failures), _time(locked_until), now, now),
                )

    def mirror_one(
        self, name: str, role: str, pin_hash: str, failures: int, locked_until: datetime | None
    ) -> None:
        """One account of the store as it stands now (after a sign-in there)."""
        now = _time(self._clock())
        with self._writing() as db:
            db.execute(
                "INSERT INTO operators (name, role, pin_hash, failures, locked_until, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO "
                "UPDATE SET role = excluded.role, pin_hash = excluded.pin_hash, "
                "failures = excluded.failures, locked_until = excluded.locked_until, "
                "updated_at = excluded.updated_at",
                (name, role, pin_hash, int(failures), _time(locked_until), now, now),
            )

    def export_rows(self) -> builtins.list[tuple[str, str, str]]:
        """``(name, role, pin_hash)`` of every account: what ``cashier store join`` takes
        to the store (a hash, never a PIN)."""
        rows = self._read("SELECT name, role, pin_hash FROM operators ORDER BY name")
        return [(str(r["name"]), str(r["role"]), str(r["pin_hash"])) for r in rows]

    def note_offline_failure(self, name: str) -> None:
        """One more wrong PIN for ``name`` typed while the store was down (store mode)."""
        with self._writing() as db:
            db.execute(
                "INSERT INTO offline_failures (name, failures) VALUES (?, 1) "
                "ON CONFLICT (name) DO UPDATE SET failures = failures + 1",
                (name,),
            )

    def clear_offline_failures(self, name: str | None = None) -> None:
        """Forget the wrong PINs kept for the store (of ``name``; None: of everyone)."""
        with self._writing() as db:
            if name is None:
                db.execute("DELETE FROM offline_failures")
            else:
                db.execute("DELETE FROM offline_failures WHERE name = ?", (name,))

    def offline_failures(self) -> dict[str, int]:
        """The wrong PINs typed while the store was down, per account, not yet told to it."""
        rows = self._read("SELECT name, failures FROM offline_failures ORDER BY name")
        return {str(r["name"]): int(r["failures"]) for r in rows}

    def _existing(self, db: sqlite3.Connection, name: str) -> Operator:
        row = db.execute("SELECT * FROM operators WHERE name = ?", (name.strip(),)).fetchone()
        if row is None:
            raise OperatorError.of("unknown", name=name.strip())
        return self._operator(row)

    @staticmethod
    def _keep_a_manager(db: sqlite3.Connection, op: Operator) -> None:
        """Refuse to leave operators with no manager (nobody could approve a refund); the
        last operator of all may go (the till is back to no sign-in)."""
        managers = db.execute(
            "SELECT COUNT(*) FROM operators WHERE role = 'manager' AND name != ?", (op.name,)
        ).fetchone()[0]
        others = db.execute(
            "SELECT COUNT(*) FROM operators WHERE name != ?", (op.name,)
        ).fetchone()[0]
        if not managers and others:
            raise OperatorError.of("last_manager", name=op.name)
