"""The journal: every payment, refund and event on disk (SQLite, WAL) before it is acted on.

Thread safety: one connection guarded by a lock. The GUI calls the journal from
QThreadPool workers and the CLI from its main thread; a write holds the lock through its
fsync so that a reader never sees half of a transaction, and reads on the indexed history
queries take milliseconds, so one connection is simpler than a pool and not slower.
Other *processes* (a second cashier, ``cashier recover``) share the file through SQLite's
own locking, waiting up to ``busy_timeout`` seconds.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Container, Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, date, datetime, time
from enum import Enum
from pathlib import Path
from typing import Any
from urllib.parse import quote

from cashier_app.domain.errors import Term
from cashier_app.domain.money import Money
from cashier_app.domain.outcome import FINAL_STATUSES, Status
from cashier_app.domain.records import PaymentEvent, PaymentRecord, RefundRecord
from cashier_app.domain.values import fields, replace
from cashier_app.journal import schema
from cashier_app.journal.errors import (
    DuplicateRecordError,
    JournalError,
    UnknownPaymentError,
    UnknownRefundError,
    damaged_file,
    describe_sqlite_error,
)
from cashier_app.journal.redact import redact
from cashier_app.support.paths import private_file

_TIME_FMT = "%Y-%m-%dT%H:%M:%S.%fZ"

_PAYMENT_FIELDS = tuple(f.name for f in fields(PaymentRecord))
_REFUND_FIELDS = tuple(f.name for f in fields(RefundRecord))
_PAYMENT_TIMES = frozenset({"created_at", "updated_at", "paid_at", "expires_at"})
_REFUND_TIMES = frozenset({"created_at", "updated_at", "refunded_at"})
#: Refund states that no longer hold money back from the refundable amount.
_REFUND_RELEASED = (Status.FAILED.value, Status.CANCELLED.value, Status.EXPIRED.value)
#: This till's own sales, not the copies of other tills' sales refunded here (schema 6).
_OWN_SALES = "origin_till IS NULL"


# -- value conversion -------------------------------------------------------------------
def to_db_time(value: datetime | None) -> str | None:
    """UTC text of fixed width; naive datetimes are taken as UTC (records are UTC)."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise JournalError.of("expected_datetime_got", name=type(value).__name__)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime(_TIME_FMT)


def from_db_time(text: str | None) -> datetime | None:
    if text is None:
        return None
    # fromisoformat is ~10x faster than strptime; the stored text always ends in "Z" (UTC).
    return datetime.fromisoformat(text)


def bound_time(value: date | datetime | None) -> str | None:
    """A filter bound: aware datetimes as given; naive datetimes and dates in local time."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        value = datetime.combine(value, time.min)
    if value.tzinfo is None:
        value = value.astimezone()  # naive = local wall-clock time
    return to_db_time(value)


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Money):
        return value.to_amount()
    if isinstance(value, Enum):
        return value.value
    return str(value)


def _columns(
    rec: PaymentRecord | RefundRecord, fields: Iterable[str], times: Container[str]
) -> dict[str, Any]:
    """A record as column values: money split into minor units + currency, times as text."""
    out: dict[str, Any] = {}
    for name in fields:
        value = getattr(rec, name)
        if name == "amount":
            out["amount_minor"] = value.value
            out["currency"] = value.currency
        elif name == "status":
            out["status"] = Status(value).value
        elif name in times:
            out[name] = to_db_time(value)
        else:
            out[name] = value
    return out


def _payment_columns(rec: PaymentRecord) -> dict[str, Any]:
    return _columns(rec, _PAYMENT_FIELDS, _PAYMENT_TIMES)


def _refund_columns(rec: RefundRecord) -> dict[str, Any]:
    return _columns(rec, _REFUND_FIELDS, _REFUND_TIMES)


def _optional(row: sqlite3.Row, name: str) -> str | None:
    """A column added by a later migration: None on an older journal opened read-only."""
    try:
        value = row[name]
    except IndexError:
        return None
    return None if value is None else str(value)


def _payment_from_row(row: sqlite3.Row) -> PaymentRecord:
    return PaymentRecord(
        payment_request_id=row["payment_request_id"],
        profile=row["profile"],
        amount=Money(row["amount_minor"], row["currency"]),
        method=row["method"],
        status=Status(row["status"]),
        created_at=from_db_time(row["created_at"]),  # type: ignore[arg-type]
        updated_at=from_db_time(row["updated_at"]),  # type: ignore[arg-type]
        trade_summary=row["trade_summary"],
        reference_order_id=row["reference_order_id"],
        result_code=row["result_code"],
        result_message=row["result_message"],
        payment_id=row["payment_id"],
        paid_at=from_db_time(row["paid_at"]),
        expires_at=from_db_time(row["expires_at"]),
        normal_url=row["normal_url"],
        scheme_url=row["scheme_url"],
        applink_url=row["applink_url"],
        code_value=row["code_value"],
        gateway_url=row["gateway_url"],
        client_id=row["client_id"],
        scenario=row["scenario"],
        masked_code=row["masked_code"],
        operator=_optional(row, "operator"),
        made_on=_optional(row, "made_on") or "",
    )


def _refund_from_row(row: sqlite3.Row) -> RefundRecord:
    return RefundRecord(
        refund_request_id=row["refund_request_id"],
        payment_request_id=row["payment_request_id"],
        amount=Money(row["amount_minor"], row["currency"]),
        status=Status(row["status"]),
        created_at=from_db_time(row["created_at"]),  # type: ignore[arg-type]
        updated_at=from_db_time(row["updated_at"]),  # type: ignore[arg-type]
        refund_id=row["refund_id"],
        result_code=row["result_code"],
        result_message=row["result_message"],
        reason=row["reason"],
        refunded_at=from_db_time(row["refunded_at"]),
        operator=_optional(row, "operator"),
        approved_by=_optional(row, "approved_by"),
    )


def _values(value: Any) -> list[str]:
    """A filter value as a list of strings: one value, or any iterable of them."""
    if isinstance(value, (str, Enum)):
        return [value.value if isinstance(value, Enum) else value]
    return [v.value if isinstance(v, Enum) else str(v) for v in value]


#: SQLite's page cache per connection, in KiB (its default is 2,000). What a sale touches
#: (the newest rows and the indexes' upper pages) fits in a few dozen pages; the rest of a
#: journal that grows all day is read through the operating system's file cache, instead
#: of each open journal (eight in a soak) caching up to 2 MB of it in the process.
CACHE_KIB = 128


class Journal:
    """The payment journal at ``path`` (created when missing). See module docstring.

    Raises JournalError when the file cannot be used: corrupt, not a database, locked,
    read-only, disk full, or written by a newer cashier (then nothing is changed).
    """

    def __init__(
        self, path: Path | str, *, busy_timeout: float = 5.0, read_only: bool = False
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only  #: opened to read only: every write raises JournalError
        self._lock = threading.RLock()
        self._db: sqlite3.Connection | None = None
        if self.path.is_dir():
            raise damaged_file("folder_not_file", path=self.path)
        if read_only:
            self._db = self._open_read_only(busy_timeout)
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise JournalError.of(
                "cannot_create_folder_journal", path=self.path, problem=exc
            ) from None
        private_file(self.path)  # 0600 before SQLite writes (its -wal/-shm follow the mode)
        try:
            db = sqlite3.connect(
                self.path, timeout=busy_timeout, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise self._read_only_error() or describe_sqlite_error(exc, self.path, "open") from None
        try:
            self._open(db, busy_timeout)
        except JournalError as exc:
            db.close()
            raise (self._read_only_error() or exc) from None
        except BaseException:
            db.close()
            raise
        self._db = db

    def why_read_only(self) -> str:
        """Why the journal cannot be written here ("" when it can, as far as we can tell):
        its file system is mounted read-only, or the file or its folder is not writable."""
        folder = self.path.parent
        try:
            if os.statvfs(folder).f_flag & getattr(os, "ST_RDONLY", 1):
                return Term("its file system is mounted read-only")
        except (OSError, AttributeError):
            pass
        if self.path.exists() and not os.access(self.path, os.W_OK):
            return Term("the file is read-only")
        if folder.exists() and not os.access(folder, os.W_OK):
            return Term("its folder is read-only")
        return ""

    def _read_only_error(self) -> JournalError | None:
        why = self.why_read_only()
        if not why:
            return None
        return JournalError.of("cannot_write_journal_nothing_can_recorded", path=self.path, why=why)

    def _open_read_only(self, busy_timeout: float) -> sqlite3.Connection:
        """Open to read, never to write (a journal on read-only media, or a copy)."""
        uri = f"file:{quote(str(self.path.resolve()))}"
        last: sqlite3.Error | None = None
        # mode=ro reads the WAL too; where the -shm cannot be created (read-only folder),
        # immutable=1 reads the main file as it stands (a checkpointed, closed journal).
        for options in ("?mode=ro", "?mode=ro&immutable=1"):
            try:
                db = sqlite3.connect(
                    uri + options,
                    uri=True,
                    timeout=busy_timeout,
                    isolation_level=None,
                    check_same_thread=False,
                )
                db.row_factory = sqlite3.Row
                db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
                version = int(db.execute("PRAGMA user_version").fetchone()[0])
                db.execute("SELECT COUNT(*) FROM payments").fetchone()
            except sqlite3.Error as exc:
                last = exc
                with suppress(UnboundLocalError, sqlite3.Error):
                    db.close()
                continue
            if version > schema.SCHEMA_VERSION:
                db.close()
                raise damaged_file(
                    "newer_schema", path=self.path, version=version, supported=schema.SCHEMA_VERSION
                )
            return db
        assert last is not None
        raise describe_sqlite_error(last, self.path, "read") from None

    def _open(self, db: sqlite3.Connection, busy_timeout: float) -> None:
        db.row_factory = sqlite3.Row
        try:
            db.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            # Reading the version reads the header: "not a database" shows up here, before
            # anything is written.
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            if version > schema.SCHEMA_VERSION:
                raise damaged_file(
                    "newer_schema_refused",
                    path=self.path,
                    version=version,
                    supported=schema.SCHEMA_VERSION,
                )
            if version == 0:
                tables = {
                    r[0]
                    for r in db.execute(
                        "SELECT name FROM sqlite_master WHERE type = 'table' "
                        "AND name NOT LIKE 'sqlite_%'"
                    )
                }
                if tables:
                    raise damaged_file(
                        "foreign_database", path=self.path, tables=", ".join(sorted(tables))
                    )
            mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise JournalError.of("cannot_open_journal_wal_mode_not", path=self.path, mode=mode)
            db.execute("PRAGMA synchronous = FULL")
            db.execute("PRAGMA foreign_keys = ON")
            schema.migrate(db, version)
        except sqlite3.Error as exc:
            raise describe_sqlite_error(exc, self.path, "open") from None
        except UnicodeDecodeError:  # garbage where SQLite keeps text (its schema)
            raise damaged_file("corrupt", path=self.path) from None

    # -- plumbing ---------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        with self._reading("read") as db:
            return int(db.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Journal({str(self.path)!r})"

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            raise JournalError.of("journal_closed", path=self.path)
        return self._db

    @contextmanager
    def _reading(self, action: str, **params: object) -> Iterator[sqlite3.Connection]:
        with self._lock:
            db = self._conn()
            try:
                yield db
            except sqlite3.Error as exc:
                raise describe_sqlite_error(exc, self.path, action, **params) from None

    @contextmanager
    def _writing(self, action: str, **params: object) -> Iterator[sqlite3.Connection]:
        """One write transaction, committed (and fsynced) on leaving, rolled back on error."""
        with self._lock:
            db = self._conn()
            try:
                db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise describe_sqlite_error(exc, self.path, action, **params) from None
            try:
                yield db
                db.execute("COMMIT")
            except BaseException as exc:
                if db.in_transaction:
                    # The original error is the one worth reporting.
                    with suppress(sqlite3.Error):
                        db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise describe_sqlite_error(exc, self.path, action, **params) from None
                raise

    # -- payments ---------------------------------------------------------------------
    def create_payment(self, rec: PaymentRecord) -> None:
        """Insert a new payment; committed to disk before this returns."""
        cols = _payment_columns(rec)
        names = ", ".join(cols)
        marks = ", ".join(f":{k}" for k in cols)
        with self._writing("write_payment", payment_request_id=rec.payment_request_id) as db:
            try:
                db.execute(f"INSERT INTO payments ({names}) VALUES ({marks})", cols)
            except sqlite3.IntegrityError:
                raise DuplicateRecordError.of(
                    "payment_already_journal", payment_request_id=rec.payment_request_id
                ) from None

    def import_sale(self, rec: PaymentRecord, origin_till: str) -> None:
        """Keep a copy of till ``origin_till``'s sale ``rec`` (store mode: it is refunded
        here); never listed, counted or replicated as this till's sale. A copy already
        here stays as it is; a sale of this till's own is never turned into a copy."""
        cols = {**_payment_columns(rec), "origin_till": origin_till}
        names = ", ".join(cols)
        marks = ", ".join(f":{k}" for k in cols)
        with self._writing(f"write a copy of till {origin_till}'s sale to") as db:
            db.execute(f"INSERT OR IGNORE INTO payments ({names}) VALUES ({marks})", cols)

    def origin_till(self, payment_request_id: str) -> str | None:
        """The other till a copied sale was taken at (None: this till's own, or absent)."""
        with self._reading("read") as db:
            row = db.execute(
                "SELECT origin_till FROM payments WHERE payment_request_id = ?",
                (payment_request_id,),
            ).fetchone()
        return str(row[0]) if row is not None and row[0] is not None else None

    def create_payments(self, recs: Iterable[PaymentRecord]) -> int:
        """Insert many payments in one transaction (imports, benchmarks); returns the count."""
        rows = [_payment_columns(r) for r in recs]
        if not rows:
            return 0
        names = ", ".join(rows[0])
        marks = ", ".join(f":{k}" for k in rows[0])
        with self._writing("write_payments") as db:
            try:
                db.executemany(f"INSERT INTO payments ({names}) VALUES ({marks})", rows)
            except sqlite3.IntegrityError as exc:
                raise DuplicateRecordError.of("payment_already_journal_2", exc=exc) from None
        return len(rows)

    def update_payment(self, payment_request_id: str, **changes: Any) -> PaymentRecord:
        """Apply ``changes`` (PaymentRecord field names) and return the stored record.

        ``updated_at`` is set to now unless given. Committed before this returns.
        """
        bad = sorted(set(changes) - set(_PAYMENT_FIELDS))
        if bad:
            raise JournalError.of("cannot_update_payment_unknown_field_s", bad=", ".join(bad))
        if "payment_request_id" in changes:
            raise JournalError.of("cannot_update_payment_payment_request_id")
        changes.setdefault("updated_at", datetime.now(UTC))
        with self._writing("update_payment", payment_request_id=payment_request_id) as db:
            row = db.execute(
                "SELECT * FROM payments WHERE payment_request_id = ?", (payment_request_id,)
            ).fetchone()
            if row is None:
                raise UnknownPaymentError.of(
                    "no_payment_journal", payment_request_id=payment_request_id
                )
            rec = _payment_from_row(row).with_changes(**changes)
            cols = _payment_columns(rec)
            sets = ", ".join(f"{k} = :{k}" for k in cols if k != "payment_request_id")
            db.execute(
                f"UPDATE payments SET {sets} WHERE payment_request_id = :payment_request_id", cols
            )
        return rec

    def get_payment(self, payment_request_id: str) -> PaymentRecord | None:
        with self._reading("read") as db:
            row = db.execute(
                "SELECT * FROM payments WHERE payment_request_id = ?", (payment_request_id,)
            ).fetchone()
        return _payment_from_row(row) if row else None

    def find_payment(self, any_id: str) -> PaymentRecord | None:
        """By our ``paymentRequestId``, else by the gateway's ``paymentId``."""
        rec = self.get_payment(any_id)
        if rec is not None or not any_id:
            return rec
        with self._reading("read") as db:
            row = db.execute(
                "SELECT * FROM payments WHERE payment_id = ? LIMIT 1", (any_id,)
            ).fetchone()
        return _payment_from_row(row) if row else None

    def non_final_payments(self, profile: str | None = None) -> list[PaymentRecord]:
        """Payments not yet SUCCESS/FAILED/CANCELLED/EXPIRED, oldest first (for recovery)."""
        final = tuple(s.value for s in FINAL_STATUSES)
        sql = (
            f"SELECT * FROM payments WHERE {_OWN_SALES} AND status NOT IN "
            f"({', '.join('?' * len(final))})"
        )
        params: list[Any] = list(final)
        if profile is not None:
            sql += " AND profile = ?"
            params.append(profile)
        sql += " ORDER BY created_at, rowid"
        with self._reading("read") as db:
            return [_payment_from_row(r) for r in db.execute(sql, params)]

    def _where(
        self,
        status: Any,
        method: Any,
        since: Any,
        until: Any,
        text: str | None,
        profile: Any,
        refunded: bool = False,
    ) -> tuple[str, list[Any]]:
        clauses: list[str] = [_OWN_SALES]
        params: list[Any] = []
        if refunded:  # a refund done, or one that may yet be (as ``refunded_total`` counts)
            clauses.append(
                "EXISTS (SELECT 1 FROM refunds WHERE refunds.payment_request_id = "
                "payments.payment_request_id AND refunds.status NOT IN "
                f"({', '.join('?' * len(_REFUND_RELEASED))}))"
            )
            params.extend(_REFUND_RELEASED)
        for column, value in (("status", status), ("method", method), ("profile", profile)):
            if value is None:
                continue
            vals = _values(value)
            if not vals:
                clauses.append("0")
                continue
            clauses.append(f"{column} IN ({', '.join('?' * len(vals))})")
            params.extend(vals)
        if since is not None:
            clauses.append("created_at >= ?")
            params.append(bound_time(since))
        if until is not None:
            clauses.append("created_at < ?")
            params.append(bound_time(until))
        if text:
            needle = (
                "%"
                + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%"
            )
            clauses.append(
                "("
                + " OR ".join(
                    f"{c} LIKE ? ESCAPE '\\'"
                    for c in (
                        "payment_request_id",
                        "payment_id",
                        "reference_order_id",
                        "trade_summary",
                    )
                )
                + ")"
            )
            params.extend([needle] * 4)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def list_payments(
        self,
        *,
        status: Any = None,
        method: Any = None,
        since: date | datetime | None = None,
        until: date | datetime | None = None,
        text: str | None = None,
        profile: Any = None,
        offset: int = 0,
        limit: int | None = 100,
        refunded: bool = False,
    ) -> list[PaymentRecord]:
        """Payments matching every given filter, newest first.

        ``status``/``method``/``profile`` take one value or a list; ``since`` is inclusive,
        ``until`` exclusive (dates and naive datetimes are local time); ``text`` matches
        part of the paymentRequestId, paymentId, reference order id or trade summary;
        ``refunded``: only those with a refund not FAILED, CANCELLED or EXPIRED.
        """
        where, params = self._where(status, method, since, until, text, profile, refunded)
        sql = f"SELECT * FROM payments{where} ORDER BY created_at DESC, rowid DESC"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [max(0, int(limit)), max(0, int(offset))]
        elif offset:
            sql += " LIMIT -1 OFFSET ?"
            params.append(max(0, int(offset)))
        with self._reading("read") as db:
            return [_payment_from_row(r) for r in db.execute(sql, params)]

    def count_payments(
        self,
        *,
        status: Any = None,
        method: Any = None,
        since: date | datetime | None = None,
        until: date | datetime | None = None,
        text: str | None = None,
        profile: Any = None,
        refunded: bool = False,
    ) -> int:
        """How many payments ``list_payments`` would return with no limit."""
        where, params = self._where(status, method, since, until, text, profile, refunded)
        with self._reading("read") as db:
            return int(db.execute(f"SELECT COUNT(*) FROM payments{where}", params).fetchone()[0])

    def payment_totals(
        self, since: date | datetime, until: date | datetime
    ) -> list[tuple[str, str, str, str, str, int, int, str]]:
        """``(profile, client_id, method, currency, status, count, sum of minor units,
        made_on)`` for payments created in ``[since, until)``: what the end-of-day report
        adds up, per profile (sandbox sales are never added to production ones)."""
        with self._reading("read") as db:
            rows = db.execute(
                "SELECT profile, client_id, method, currency, status, COUNT(*), "
                f"SUM(amount_minor), made_on FROM payments WHERE {_OWN_SALES} "
                "AND created_at >= ? AND created_at < ? "
                "GROUP BY profile, client_id, method, currency, status, made_on "
                "ORDER BY profile, client_id, method, currency, status, made_on",
                (bound_time(since), bound_time(until)),
            )
            return [(r[0], r[1], r[2], r[3], r[4], int(r[5]), int(r[6]), r[7]) for r in rows]

    def operator_totals(
        self, since: date | datetime, until: date | datetime
    ) -> list[tuple[str, str, str | None, str, str, int, int, str]]:
        """``(profile, client_id, operator, currency, status, count, sum of minor units,
        made_on)`` for payments created in ``[since, until)``: the end of day per operator
        (shift; operator None: nobody was signed in)."""
        with self._reading("read") as db:
            rows = db.execute(
                "SELECT profile, client_id, operator, currency, status, COUNT(*), "
                f"SUM(amount_minor), made_on FROM payments WHERE {_OWN_SALES} "
                "AND created_at >= ? AND created_at < ? "
                "GROUP BY profile, client_id, operator, currency, status, made_on "
                "ORDER BY profile, client_id, operator, currency, status, made_on",
                (bound_time(since), bound_time(until)),
            )
            return [(r[0], r[1], r[2], r[3], r[4], int(r[5]), int(r[6]), r[7]) for r in rows]

    # -- events -----------------------------------------------------------------------
    def add_event(
        self,
        payment_request_id: str,
        kind: str,
        detail: dict[str, Any] | None = None,
        elapsed_ms: float | None = None,
        *,
        at: datetime | None = None,
        operator: str | None = None,
    ) -> PaymentEvent:
        """Append one event to the payment's timeline; ``operator``: who is signed in.

        Key material never gets in: PEM private keys and long base64 values under
        key-like names are replaced, and the event notes which fields were redacted.
        """
        if not kind:
            raise JournalError.of("cannot_add_event_without_kind")
        found: list[str] = []
        clean = redact(dict(detail or {}), found=found)
        if found:
            clean["redacted"] = found
        try:
            text = json.dumps(clean, default=_json_default, ensure_ascii=False, sort_keys=True)
        except (TypeError, ValueError) as exc:
            raise JournalError.of(
                "event_detail_not_json", payment_request_id=payment_request_id, exc=exc
            ) from None
        when = at or datetime.now(UTC)
        with self._writing("write_event", payment_request_id=payment_request_id) as db:
            try:
                db.execute(
                    "INSERT INTO events (payment_request_id, at, kind, detail, elapsed_ms,"
                    " operator) VALUES (?, ?, ?, ?, ?, ?)",
                    (payment_request_id, to_db_time(when), kind, text, elapsed_ms, operator),
                )
            except sqlite3.IntegrityError:
                raise UnknownPaymentError.of(
                    "no_payment_journal", payment_request_id=payment_request_id
                ) from None
        return PaymentEvent(
            payment_request_id,
            from_db_time(to_db_time(when)),  # type: ignore[arg-type]
            kind,
            json.loads(text),
            elapsed_ms,
            operator,
        )

    def events(self, payment_request_id: str) -> list[PaymentEvent]:
        """The payment's timeline, oldest first."""
        with self._reading("read") as db:
            rows = db.execute(
                "SELECT * FROM events WHERE payment_request_id = ? ORDER BY id",
                (payment_request_id,),
            ).fetchall()
        return [
            PaymentEvent(
                r["payment_request_id"],
                from_db_time(r["at"]),  # type: ignore[arg-type]
                r["kind"],
                json.loads(r["detail"]),
                r["elapsed_ms"],
                _optional(r, "operator"),
            )
            for r in rows
        ]

    # -- refunds ----------------------------------------------------------------------
    def create_refund(self, rec: RefundRecord) -> None:
        """Insert a new refund of a journaled payment; committed before this returns."""
        cols = _refund_columns(rec)
        names = ", ".join(cols)
        marks = ", ".join(f":{k}" for k in cols)
        with self._writing("write_refund", refund_request_id=rec.refund_request_id) as db:
            if (
                db.execute(
                    "SELECT 1 FROM payments WHERE payment_request_id = ?", (rec.payment_request_id,)
                ).fetchone()
                is None
            ):
                raise UnknownPaymentError.of(
                    "no_payment_journal", payment_request_id=rec.payment_request_id
                )
            try:
                db.execute(f"INSERT INTO refunds ({names}) VALUES ({marks})", cols)
            except sqlite3.IntegrityError:
                raise DuplicateRecordError.of(
                    "refund_already_journal", refund_request_id=rec.refund_request_id
                ) from None

    def update_refund(self, refund_request_id: str, **changes: Any) -> RefundRecord:
        """Apply ``changes`` (RefundRecord field names); ``updated_at`` defaults to now."""
        bad = sorted(set(changes) - set(_REFUND_FIELDS))
        if bad:
            raise JournalError.of("cannot_update_refund_unknown_field_s", bad=", ".join(bad))
        if {"refund_request_id", "payment_request_id"} & set(changes):
            raise JournalError.of("cannot_update_refund_request_ids_never")
        changes.setdefault("updated_at", datetime.now(UTC))
        with self._writing("update_refund", refund_request_id=refund_request_id) as db:
            row = db.execute(
                "SELECT * FROM refunds WHERE refund_request_id = ?", (refund_request_id,)
            ).fetchone()
            if row is None:
                raise UnknownRefundError.of(
                    "no_refund_journal", refund_request_id=refund_request_id
                )
            rec = replace(_refund_from_row(row), **changes)
            cols = _refund_columns(rec)
            sets = ", ".join(f"{k} = :{k}" for k in cols if k != "refund_request_id")
            db.execute(
                f"UPDATE refunds SET {sets} WHERE refund_request_id = :refund_request_id", cols
            )
        return rec

    def get_refund(self, refund_request_id: str) -> RefundRecord | None:
        with self._reading("read") as db:
            row = db.execute(
                "SELECT * FROM refunds WHERE refund_request_id = ?", (refund_request_id,)
            ).fetchone()
        return _refund_from_row(row) if row else None

    def refunds_for(self, payment_request_id: str) -> list[RefundRecord]:
        """The payment's refunds, oldest first."""
        with self._reading("read") as db:
            rows = db.execute(
                "SELECT * FROM refunds WHERE payment_request_id = ? ORDER BY created_at, rowid",
                (payment_request_id,),
            ).fetchall()
        return [_refund_from_row(r) for r in rows]

    def non_final_refunds(self) -> list[RefundRecord]:
        """Refunds still PENDING/UNKNOWN/CREATED, oldest first (for recovery)."""
        final = tuple(s.value for s in FINAL_STATUSES)
        with self._reading("read") as db:
            rows = db.execute(
                f"SELECT * FROM refunds WHERE status NOT IN "
                f"({', '.join('?' * len(final))}) ORDER BY created_at, rowid",
                final,
            ).fetchall()
        return [_refund_from_row(r) for r in rows]

    def refunds_between(
        self, since: date | datetime, until: date | datetime
    ) -> list[tuple[RefundRecord, PaymentRecord]]:
        """Refunds created in ``[since, until)``, each with its payment."""
        with self._reading("read") as db:
            rows = db.execute(
                "SELECT r.refund_request_id AS rrid, p.* FROM refunds r JOIN payments p "
                "USING (payment_request_id) WHERE r.created_at >= ? AND r.created_at < ? "
                "ORDER BY r.created_at, r.rowid",
                (bound_time(since), bound_time(until)),
            ).fetchall()
            payments = {r["rrid"]: _payment_from_row(r) for r in rows}
            refunds = db.execute(
                "SELECT * FROM refunds WHERE created_at >= ? AND created_at < ? "
                "ORDER BY created_at, rowid",
                (bound_time(since), bound_time(until)),
            ).fetchall()
        return [(_refund_from_row(r), payments[r["refund_request_id"]]) for r in refunds]

    def refunded_totals(self, payment_request_ids: Iterable[str]) -> dict[str, int]:
        """``refunded_total`` of many payments at once (those with none are left out)."""
        ids = list(dict.fromkeys(payment_request_ids))
        out: dict[str, int] = {}
        with self._reading("read") as db:
            for start in range(0, len(ids), 500):  # SQLite's bound-parameter limit
                chunk = ids[start : start + 500]
                rows = db.execute(
                    f"SELECT payment_request_id, SUM(amount_minor) FROM refunds WHERE "
                    f"payment_request_id IN ({', '.join('?' * len(chunk))}) AND status NOT IN "
                    f"({', '.join('?' * len(_REFUND_RELEASED))}) GROUP BY payment_request_id",
                    (*chunk, *_REFUND_RELEASED),
                )
                out.update((r[0], int(r[1])) for r in rows)
        return out

    def refunded_total(self, payment_request_id: str) -> int:
        """Minor units refunded or possibly refunded: SUCCESS and PENDING refunds, and also
        UNKNOWN/CREATED ones, which may yet succeed; so a new refund never exceeds what is
        surely left."""
        with self._reading("read") as db:
            row = db.execute(
                f"SELECT COALESCE(SUM(amount_minor), 0) FROM refunds WHERE payment_request_id = ?"
                f" AND status NOT IN ({', '.join('?' * len(_REFUND_RELEASED))})",
                (payment_request_id, *_REFUND_RELEASED),
            ).fetchone()
        return int(row[0])
