"""Journal errors, and the translation of SQLite failures into messages an operator can act on."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import ClassVar

from cashier_app.domain.errors import CashierError

log = logging.getLogger(__name__)


class JournalError(CashierError):
    """The journal cannot be used; the message names the problem and the file.

    The app refuses to take payments while the journal raises this: a sale it cannot
    record is a sale it could lose.
    """

    layer = "journal"
    #: the file itself is unusable (not a journal, corrupt, a folder, from a newer cashier):
    #: a damaged local file, not a passing condition such as a full disk or a lock
    damaged: bool = False
    #: why a journal cannot be written (JournalStore.why_read_only)
    TERMS: ClassVar[tuple[str, ...]] = (
        "its file system is mounted read-only",
        "the file is read-only",
        "its folder is read-only",
    )
    MESSAGES: ClassVar[dict[str, str]] = {
        "why": "{why}",
        "folder_not_file": "cannot open journal {path}: it is a folder, not a file",
        "newer_schema": "journal {path} was written by a newer cashier (schema {version} > "
        "{supported})",
        "newer_schema_refused": "journal {path} was written by a newer cashier "
        "(schema {version} > {supported}); refusing to open",
        "foreign_database": "cannot open journal {path}: it is a SQLite database but not a "
        "cashier journal (tables: {tables})",
        "corrupt": "cannot open journal {path}: the file is corrupt",
        "journal_already_belongs_till_store_cannot": "this journal already belongs to till "
        "{linked!r} at its store; it cannot become till {till_id!r}",
        "expected_datetime_got": "expected a datetime, got {name}",
        "cannot_create_folder_journal": "cannot create the folder for journal {path}: {problem}",
        "cannot_write_journal_nothing_can_recorded": "cannot write journal {path}: {why}; nothing "
        "can be recorded there (history can still read it)",
        "cannot_open_journal_wal_mode_not": "cannot open journal {path}: WAL mode is not "
        "available on this file system (got {mode})",
        "journal_closed": "journal {path} is closed",
        "cannot_update_payment_unknown_field_s": "cannot update payment: unknown field(s) {bad}",
        "cannot_update_payment_payment_request_id": "cannot update payment: payment_request_id "
        "never changes",
        "cannot_add_event_without_kind": "cannot add an event without a kind",
        "event_detail_not_json": "event detail for {payment_request_id} is not JSON: {exc}",
        "cannot_update_refund_unknown_field_s": "cannot update refund: unknown field(s) {bad}",
        "cannot_update_refund_request_ids_never": "cannot update refund: its request ids never "
        "change",
        "cannot_take_till_lock": "cannot take the till lock {path}: {problem}",
    }


def damaged_file(code: str, /, **params: object) -> JournalError:
    """The JournalError ``code`` for a journal file that is unusable as it stands."""
    error = JournalError.of(code, **params)
    error.damaged = True
    return error


class TillIdError(JournalError, ValueError):
    """A till id that cannot be one."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "till_id_must_1_64_letters": "till id {text!r} must be 1-64 letters, digits, '_', '-' or "
        "'.', starting with a letter or digit",
    }


class UnknownPaymentError(JournalError):
    """No payment with that ``paymentRequestId`` is in the journal."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "no_payment_journal": "no payment {payment_request_id!r} in the journal",
        "payment_not_journal": "payment {payment_request_id} is not in the journal",
    }


class UnknownRefundError(JournalError):
    """No refund with that ``refundRequestId`` is in the journal."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "no_refund_journal": "no refund {refund_request_id!r} in the journal",
    }


class DuplicateRecordError(JournalError):
    """A payment or refund with that request id is already journaled."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "payment_already_journal": "payment {payment_request_id} is already in the journal",
        "payment_already_journal_2": "a payment is already in the journal ({exc})",
        "refund_already_journal": "refund {refund_request_id} is already in the journal",
    }


class JournalAction(CashierError):
    """What the journal was doing when SQLite failed, as a phrase of the message
    ("cannot write payment X to journal …"), translated with it."""

    layer = "journal"
    MESSAGES: ClassVar[dict[str, str]] = {
        "open": "open",
        "read": "read",
        "write_payment": "write payment {payment_request_id} to",
        "write_payments": "write payments to",
        "update_payment": "update payment {payment_request_id} in",
        "write_event": "write an event of {payment_request_id} to",
        "write_refund": "write refund {refund_request_id} to",
        "update_refund": "update refund {refund_request_id} in",
        "link_store": "link the journal to a store in",
        "read_outbox": "read from the outbox of",
        "acknowledge": "acknowledge replicated changes in",
        "write": "write to",
    }


#: SQLite error kinds, as (code, SQLite error names, words of its message), first match wins.
_SQLITE_KINDS = (
    ("locked", ("SQLITE_BUSY", "SQLITE_LOCKED"), ("locked",)),
    ("disk_full", ("SQLITE_FULL",), ("disk is full",)),
    ("read_only", ("SQLITE_READONLY",), ("readonly", "read-only")),
    ("not_a_journal", ("SQLITE_NOTADB",), ("not a database",)),
    ("corrupt", ("SQLITE_CORRUPT",), ("malformed", "corrupt")),
    ("cannot_open", ("SQLITE_CANTOPEN",), ("unable to open",)),
    ("io_error", ("SQLITE_IOERR",), ("disk i/o error",)),
    ("permission", ("SQLITE_PERM",), ("permission",)),
)


class SqliteProblem(JournalError):
    """A SQLite failure of the journal, by kind: ``action`` (a :class:`JournalAction`),
    ``path``, and SQLite's own text as ``detail`` (for support; logged, and shown only
    where no kind matched)."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "locked": "cannot {action} journal {path}: it is locked by another process "
        "(is another cashier running?)",
        "disk_full": "cannot {action} journal {path}: the disk is full",
        "read_only": "cannot {action} journal {path}: the file or its folder is read-only",
        "not_a_journal": "cannot {action} journal {path}: the file is not a cashier journal "
        "(not a SQLite database)",
        "corrupt": "cannot {action} journal {path}: the file is corrupt",
        "cannot_open": "cannot {action} journal {path}: the file cannot be opened "
        "(missing folder or no permission)",
        "io_error": "cannot {action} journal {path}: disk I/O error",
        "permission": "cannot {action} journal {path}: permission denied",
        "other": "cannot {action} journal {path} ({detail})",
    }


def describe_sqlite_error(
    exc: sqlite3.Error, path: Path | str, action: str, **action_params: object
) -> JournalError:
    """A JournalError for ``exc`` that says what went wrong with the journal at ``path``.

    ``action`` is the :class:`JournalAction` code of what we were doing ("open",
    "write_payment" with its ``payment_request_id``...). The SQLite error name decides
    the kind; SQLite's raw text is kept as the ``detail`` parameter and logged.
    """
    name = getattr(exc, "sqlite_errorname", "") or ""
    raw = str(exc)
    low = raw.lower()
    kind = next(
        (
            code
            for code, names, words in _SQLITE_KINDS
            if name.startswith(names) or any(w in low for w in words)
        ),
        "other",
    )
    log.info("journal %s: SQLite %s: %s", path, name or "error", raw)
    error = SqliteProblem.of(
        kind, action=JournalAction.of(action, **action_params), path=path, detail=raw
    )
    error.damaged = kind in ("not_a_journal", "corrupt")
    return error
