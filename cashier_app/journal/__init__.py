"""SQLite (WAL) journal of payments, refunds and their events; recovery queries."""

from cashier_app.journal.errors import (
    DuplicateRecordError,
    JournalError,
    UnknownPaymentError,
    UnknownRefundError,
)
from cashier_app.journal.schema import SCHEMA_VERSION
from cashier_app.journal.store import Journal

__all__ = [
    "SCHEMA_VERSION",
    "DuplicateRecordError",
    "Journal",
    "JournalError",
    "UnknownPaymentError",
    "UnknownRefundError",
]
