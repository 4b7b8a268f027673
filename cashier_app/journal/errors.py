"""Journal errors, and the translation of SQLite failures into messages an operator can act on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cashier_app.domain.errors import CashierError


class JournalError(CashierError):
    """The journal cannot be used; the message names the problem and the file.

    The app refuses to take payments while the journal raises this: a sale it cannot
    record is a sale it could lose.
    """

    layer = "journal"
    #: the file itself is unusable (not a journal, corrupt, a folder, from a newer cashier):
    #: a damaged local file, not a passing condition such as a full disk or a lock
    damaged: bool = False


def damaged_file(message: str) -> JournalError:
    error = JournalError(message)
    error.damaged = True
    return error


class UnknownPaymentError(JournalError):
    """No payment with that ``paymentRequestId`` is in the journal."""


class UnknownRefundError(JournalError):
    """No refund with that ``refundRequestId`` is in the journal."""


class DuplicateRecordError(JournalError):
    """A payment or refund with that request id is already journaled."""


def describe_sqlite_error(exc: sqlite3.Error, path: Path | str, action: str) -> JournalError:
    """A JournalError for ``exc`` that says what went wrong with the journal at ``path``.

    ``action`` is what we were doing ("open", "write a payment to", ...). The SQLite
    error name decides the wording; the raw message is kept at the end for support.
    """
    name = getattr(exc, "sqlite_errorname", "") or ""
    raw = str(exc)
    low = raw.lower()
    where = f"journal {path}"
    if name.startswith("SQLITE_BUSY") or name.startswith("SQLITE_LOCKED") or "locked" in low:
        text = (
            f"cannot {action} {where}: it is locked by another process "
            "(is another cashier running?)"
        )
    elif name.startswith("SQLITE_FULL") or "disk is full" in low:
        text = f"cannot {action} {where}: the disk is full"
    elif name.startswith("SQLITE_READONLY") or "readonly" in low or "read-only" in low:
        text = f"cannot {action} {where}: the file or its folder is read-only"
    elif name.startswith("SQLITE_NOTADB") or "not a database" in low:
        text = f"cannot {action} {where}: the file is not a cashier journal (not a SQLite database)"
    elif name.startswith("SQLITE_CORRUPT") or "malformed" in low or "corrupt" in low:
        text = f"cannot {action} {where}: the file is corrupt"
    elif name.startswith("SQLITE_CANTOPEN") or "unable to open" in low:
        text = (
            f"cannot {action} {where}: the file cannot be opened (missing folder or no permission)"
        )
    elif name.startswith("SQLITE_IOERR") or "disk i/o error" in low:
        text = f"cannot {action} {where}: disk I/O error"
    elif name.startswith("SQLITE_PERM") or "permission" in low:
        text = f"cannot {action} {where}: permission denied"
    else:
        text = f"cannot {action} {where}"
    error = JournalError(f"{text} ({raw})")
    error.damaged = (
        name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT"))
        or "not a database" in low
        or "malformed" in low
        or "corrupt" in low
    )
    return error
