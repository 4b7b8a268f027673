"""Durable sandbox state: payments and their refunds in SQLite, so a restarted gateway answers
inquiryPayment, cancel, refund and repeated pay exactly as before it stopped.

One row per payment (its refunds inside), written with ``synchronous=FULL`` on every state
change, so the file is as durable as the cashier's own journal. A start reads only the
payments still open (their expiry, a refund in process): ``settled`` marks the others, and
a settled payment is read by id when a request names it (inquiry, a repeated pay, a refund,
by its refund's id too), so the cost of a start does not grow with the history. Several
processes may share one file (the GUI and ``cashier pay`` each run an embedded sandbox):
each writes only the rows of the payments it changed, and reads a payment another one took
when a request names it. What is stored is exactly what the store needs to answer the
same way after a restart: ids, request fingerprints (idempotency), amounts, statuses and
result codes, times (expiry included), notify and redirect URLs. Never a key: merchant
registrations and the gateway key are per process.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

from cashier_app.domain.errors import CashierError
from cashier_app.domain.money import Money, MoneyError
from cashier_app.sandbox import store as st
from cashier_app.support.paths import private_file

#: The schema this code writes; a file with a higher one was written by a newer cashier.
#: 2: ``payments.settled`` (NULL while open) and the ``refunds`` index, so a start reads
#: the open payments only; a version-1 file is migrated when opened.
SCHEMA_VERSION = 2
#: ``PRAGMA application_id`` of a sandbox state file ("CSBX"), so a stray SQLite file (the
#: journal, say) is not mistaken for one.
APPLICATION_ID = 0x43534258
#: Payments settled longer ago than this are dropped when the file is loaded (bounds its
#: size); the store forgets them in memory after the same time.
RETENTION_DAYS = st.RETENTION_DAYS
#: SQLite's page cache for the file, in KiB (its default is 2,000 per connection): the
#: gateway writes one row per change and reads a few rows by index, so a small cache
#: holds what a write touches, and a sandbox that runs for days does not cache the file.
CACHE_KIB = 64
_DIGEST = "sha256:"

_SCHEMA_1 = """
CREATE TABLE IF NOT EXISTS payments (
    payment_id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    payment_request_id TEXT NOT NULL,
    status TEXT NOT NULL,
    created TEXT NOT NULL,
    record TEXT NOT NULL,
    UNIQUE (client_id, payment_request_id)
)
"""
#: Version 2's additions. ``settled``: when the payment and its refunds last became final
#: (UTC ISO 8601, which sorts as text), NULL while one is open.
_SCHEMA_2 = (
    "ALTER TABLE payments ADD COLUMN settled TEXT",
    "CREATE INDEX IF NOT EXISTS payments_settled ON payments (settled)",
    """CREATE TABLE IF NOT EXISTS refunds (
        refund_id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL,
        refund_request_id TEXT NOT NULL,
        payment_id TEXT NOT NULL,
        UNIQUE (client_id, refund_request_id)
    )""",
    "CREATE INDEX IF NOT EXISTS refunds_payment ON refunds (payment_id)",
)


class StateFileError(CashierError):
    """The state file cannot be used (corrupt, not ours, newer, unreadable); names the file."""

    layer = "sandbox"
    MESSAGES: ClassVar[dict[str, str]] = {
        "sandbox_state_file": "sandbox state file {path}: {problem}",
    }


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat()


def _time(value: Any, name: str) -> datetime:
    if not isinstance(value, str):
        raise ValueError(f"{name} is not a time")
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(f"{name} {value!r} has no UTC offset")
    return moment.astimezone(UTC)


def _opt_time(value: Any, name: str) -> datetime | None:
    return None if value is None else _time(value, name)


def _text(record: dict[str, Any], name: str, *, optional: bool = False) -> Any:
    value = record.get(name)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{name} is missing or not text")
    return value


def _money(value: Any, name: str) -> Money:
    if (
        not isinstance(value, dict)
        or not isinstance(value.get("value"), int)
        or not isinstance(value.get("currency"), str)
    ):
        raise ValueError(f"{name} is not an amount")
    try:
        return Money(value["value"], value["currency"])
    except MoneyError as exc:
        raise ValueError(f"{name}: {exc}") from None


def normalise_fingerprint(text: str) -> str:
    """A request fingerprint as the store compares it: files written before fingerprints
    were digests hold the request's canonical JSON, read here as its digest."""
    if text.startswith(_DIGEST):
        return text
    return _DIGEST + hashlib.sha256(text.encode("utf-8")).hexdigest()


def refund_to_dict(r: st.Refund) -> dict[str, Any]:
    return {
        "client_id": r.client_id,
        "refund_request_id": r.refund_request_id,
        "refund_id": r.refund_id,
        "payment_id": r.payment_id,
        "amount": {"value": r.amount.value, "currency": r.amount.currency},
        "reason": r.reason,
        "created": _iso(r.created),
        "fingerprint": r.fingerprint,
        "status": r.status,
        "notify_url": r.notify_url,
        "settle_at": _iso(r.settle_at),
        "finished_at": _iso(r.finished_at),
        "result_code": r.result_code,
        "result_message": r.result_message,
    }


def payment_to_dict(p: st.Payment) -> dict[str, Any]:
    """Everything the store keeps about a payment, as JSON-able values."""
    return {
        "client_id": p.client_id,
        "payment_request_id": p.payment_request_id,
        "payment_id": p.payment_id,
        "amount": {"value": p.amount.value, "currency": p.amount.currency},
        "method_type": p.method_type,
        "reference_order_id": p.reference_order_id,
        "order_description": p.order_description,
        "terminal_type": p.terminal_type,
        "notify_url": p.notify_url,
        "redirect_url": p.redirect_url,
        "created": _iso(p.created),
        "expires": _iso(p.expires),
        "fingerprint": p.fingerprint,
        "status": p.status,
        "result_code": p.result_code,
        "result_message": p.result_message,
        "paid_at": _iso(p.paid_at),
        "cancelled_at": _iso(p.cancelled_at),
        "closed_at": _iso(p.closed_at),
        "refunds": [refund_to_dict(r) for r in p.refunds],
        "product": p.product,
    }


def _refund_from_dict(d: Any) -> st.Refund:
    if not isinstance(d, dict):
        raise ValueError("a refund is not an object")
    return st.Refund(
        client_id=_text(d, "client_id"),
        refund_request_id=_text(d, "refund_request_id"),
        refund_id=_text(d, "refund_id"),
        payment_id=_text(d, "payment_id"),
        amount=_money(d.get("amount"), "refund amount"),
        reason=_text(d, "reason"),
        created=_time(d.get("created"), "created"),
        fingerprint=normalise_fingerprint(_text(d, "fingerprint")),
        status=_text(d, "status"),
        notify_url=_text(d, "notify_url", optional=True),
        settle_at=_opt_time(d.get("settle_at"), "settle_at"),
        finished_at=_opt_time(d.get("finished_at"), "finished_at"),
        result_code=_text(d, "result_code", optional=True) or "SUCCESS",
        result_message=_text(d, "result_message", optional=True) or "success",
    )


def payment_from_dict(d: Any) -> st.Payment:
    """The inverse of :func:`payment_to_dict`; ValueError naming the bad field."""
    if not isinstance(d, dict):
        raise ValueError("the record is not an object")
    status = _text(d, "status")
    if status not in (st.PROCESSING, st.PENDING, st.SUCCESS, st.FAIL, st.CANCELLED):
        raise ValueError(f"status {status!r} is unknown")
    refunds = d.get("refunds")
    if not isinstance(refunds, list):
        raise ValueError("refunds is not a list")
    return st.Payment(
        client_id=_text(d, "client_id"),
        payment_request_id=_text(d, "payment_request_id"),
        payment_id=_text(d, "payment_id"),
        amount=_money(d.get("amount"), "amount"),
        method_type=_text(d, "method_type"),
        reference_order_id=_text(d, "reference_order_id"),
        order_description=_text(d, "order_description"),
        terminal_type=_text(d, "terminal_type"),
        notify_url=_text(d, "notify_url", optional=True),
        redirect_url=_text(d, "redirect_url", optional=True),
        created=_time(d.get("created"), "created"),
        expires=_time(d.get("expires"), "expires"),
        fingerprint=normalise_fingerprint(_text(d, "fingerprint")),
        status=status,
        result_code=_text(d, "result_code"),
        result_message=_text(d, "result_message"),
        paid_at=_opt_time(d.get("paid_at"), "paid_at"),
        cancelled_at=_opt_time(d.get("cancelled_at"), "cancelled_at"),
        closed_at=_opt_time(d.get("closed_at"), "closed_at"),
        refunds=[_refund_from_dict(r) for r in refunds],
        product=str(d.get("product") or "CASHIER_PAYMENT"),
    )  # absent in older files


_REFUND_INDEX = (
    "INSERT INTO refunds (refund_id, client_id, refund_request_id, payment_id) "
    "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"
)


def _refund_rows(p: st.Payment) -> list[tuple[str, str, str, str]]:
    return [(r.refund_id, r.client_id, r.refund_request_id, p.payment_id) for r in p.refunds]


class StateFile:
    """The sandbox's payments in one SQLite file. Not thread-safe on its own: the store
    calls it under its lock."""

    def __init__(self, path: Path | str, *, retention_days: float = RETENTION_DAYS) -> None:
        self.path = Path(path).expanduser()
        if retention_days <= 0:
            raise ValueError("retention_days must be greater than zero")
        self.retention = timedelta(days=retention_days)
        self._db: sqlite3.Connection | None = None

    def __repr__(self) -> str:
        return f"StateFile({str(self.path)!r})"

    def _fail(self, problem: str) -> StateFileError:
        return StateFileError.of("sandbox_state_file", path=self.path, problem=problem)

    def _connect(self) -> sqlite3.Connection:
        if self._db is not None:
            return self._db
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            private_file(self.path)  # 0600 before SQLite writes (-wal/-shm follow its mode)
            db = sqlite3.connect(
                self.path, timeout=10, isolation_level=None, check_same_thread=False
            )
        except (OSError, sqlite3.Error) as exc:
            raise self._fail(f"cannot open: {exc}") from None
        try:
            self._prepare(db)
        except BaseException:
            db.close()
            raise
        self._db = db
        return db

    def _prepare(self, db: sqlite3.Connection) -> None:
        try:
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        except sqlite3.DatabaseError as exc:
            raise self._fail(f"not a readable SQLite database ({exc})") from None
        if app_id == 0 and version == 0 and not tables:
            try:
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("BEGIN IMMEDIATE")
                db.execute(_SCHEMA_1)
                for statement in _SCHEMA_2:
                    db.execute(statement)
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                db.execute("COMMIT")
            except sqlite3.Error as exc:
                raise self._fail(f"cannot initialise: {exc}") from None
        elif app_id != APPLICATION_ID:
            raise self._fail("not a cashier sandbox state file (it holds other data)")
        elif version > SCHEMA_VERSION:
            raise self._fail(
                f"written by a newer cashier (schema {version}; this one reads "
                f"up to {SCHEMA_VERSION})"
            )
        elif version < 1 or "payments" not in tables:
            raise self._fail(f"incomplete (schema {version}, tables {sorted(tables)})")
        elif version == 1:
            self._migrate_1(db)
        try:
            db.execute("PRAGMA busy_timeout = 10000")
            db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            db.execute("PRAGMA synchronous = FULL")
            db.execute("PRAGMA journal_mode = WAL")
        except sqlite3.Error as exc:
            raise self._fail(f"cannot configure: {exc}") from None

    def _migrate_1(self, db: sqlite3.Connection) -> None:
        """Version 1 -> 2: every record read once to fill ``settled`` and the refunds'
        index; one transaction (a bad record leaves the file as it was)."""
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._fail(f"cannot upgrade: {exc}") from None
        try:
            for statement in _SCHEMA_2:
                db.execute(statement)
            rows = db.execute("SELECT payment_id, record FROM payments").fetchall()
            for payment_id, record in rows:
                p = self._parse(payment_id, record)
                db.execute(
                    "UPDATE payments SET settled = ? WHERE payment_id = ?",
                    (_iso(p.settled_at()), payment_id),
                )
                db.executemany(_REFUND_INDEX, _refund_rows(p))
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.execute("COMMIT")
        except BaseException as exc:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise self._fail(f"cannot upgrade: {exc}") from None
            raise

    def _parse(self, payment_id: str, record: str) -> st.Payment:
        try:
            p = payment_from_dict(json.loads(record))
        except (ValueError, TypeError) as exc:
            raise self._fail(f"payment {payment_id}: {exc}") from None
        if p.payment_id != payment_id:
            raise self._fail(f"payment {payment_id}: its record names {p.payment_id}")
        return p

    def _rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[st.Payment]:
        db = self._connect()
        try:
            rows = db.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise self._fail(f"cannot read payments ({exc})") from None
        return [self._parse(payment_id, record) for payment_id, record in rows]

    def prune(self, now: datetime, retention: timedelta | None = None) -> int:
        """Drop the payments settled longer ago than ``retention`` (the file's own by
        default), by index: nothing else is read; how many."""
        db = self._connect()
        cutoff = _iso(now - (self.retention if retention is None else retention))
        old = "SELECT payment_id FROM payments WHERE settled IS NOT NULL AND settled < ?"
        try:
            if db.execute(f"{old} LIMIT 1", (cutoff,)).fetchone() is None:
                return 0  # nothing to drop: the file is not written
            db.execute("BEGIN IMMEDIATE")
            db.execute(f"DELETE FROM refunds WHERE payment_id IN ({old})", (cutoff,))
            gone = db.execute(
                "DELETE FROM payments WHERE settled IS NOT NULL AND settled < ?", (cutoff,)
            ).rowcount
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise self._fail(f"cannot drop old payments ({exc})") from None
        return int(gone)

    def open_payments(self, now: datetime) -> list[st.Payment]:
        """What a start needs: the payments not settled yet (open, or with a refund in
        process), after dropping those settled longer ago than the retention."""
        self.prune(now)
        return self._rows(
            "SELECT payment_id, record FROM payments WHERE settled IS NULL ORDER BY created"
        )

    def load(self, now: datetime) -> list[st.Payment]:
        """Every payment kept, oldest first, after dropping those settled longer ago than
        the retention (reads the whole file: a listing, not what a start does).
        StateFileError when the file is unusable (nothing is changed then)."""
        self.prune(now)
        return self.all()

    def all(self) -> list[st.Payment]:
        """Every payment in the file, oldest first, as it is (nothing dropped)."""
        return self._rows("SELECT payment_id, record FROM payments ORDER BY created")

    def payment(
        self,
        *,
        payment_id: str | None = None,
        client_id: str | None = None,
        payment_request_id: str | None = None,
        refund_id: str | None = None,
        refund_request_id: str | None = None,
    ) -> st.Payment | None:
        """The payment with that paymentId, that (clientId, paymentRequestId), or that
        refund (by refundId, or clientId and refundRequestId): one row read by index."""
        params: tuple[str, ...]
        if payment_id:
            where, params = "payment_id = ?", (payment_id,)
        elif client_id is not None and payment_request_id:
            where = "client_id = ? AND payment_request_id = ?"
            params = (client_id, payment_request_id)
        elif refund_id:
            where = "payment_id = (SELECT payment_id FROM refunds WHERE refund_id = ?)"
            params = (refund_id,)
        elif client_id is not None and refund_request_id:
            where = (
                "payment_id = (SELECT payment_id FROM refunds "
                "WHERE client_id = ? AND refund_request_id = ?)"
            )
            params = (client_id, refund_request_id)
        else:
            return None
        found = self._rows(f"SELECT payment_id, record FROM payments WHERE {where}", params)
        return found[0] if found else None

    def save(self, payments: list[st.Payment]) -> None:
        """Write these payments' current state in one committed (fsynced) transaction.
        Raises sqlite3.Error / StateFileError; the caller keeps them to retry."""
        db = self._connect()
        rows = [
            (
                p.payment_id,
                p.client_id,
                p.payment_request_id,
                p.status,
                _iso(p.created),
                json.dumps(payment_to_dict(p), ensure_ascii=False, separators=(",", ":")),
                _iso(p.settled_at()),
            )
            for p in payments
        ]
        db.execute("BEGIN IMMEDIATE")
        try:
            db.executemany(
                "INSERT INTO payments (payment_id, client_id, payment_request_id, status, "
                "created, record, settled) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT "
                "(payment_id) DO UPDATE SET status = excluded.status, record = excluded.record, "
                "settled = excluded.settled",
                rows,
            )
            db.executemany(_REFUND_INDEX, [row for p in payments for row in _refund_rows(p)])
            db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None


def move_aside(path: Path | str, now: datetime | None = None) -> Path:
    """Rename an unusable state file (and its -wal / -shm) to ``<name>.corrupt-<UTC stamp>``
    so a fresh one can be made; returns the new name of the main file."""
    path = Path(path)
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    if path.exists():
        os.replace(path, target)
    return target
