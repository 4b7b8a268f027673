"""Journal schema as a list of forward migrations; ``PRAGMA user_version`` is the version.

``MIGRATIONS[i]`` takes a journal from version ``i`` to ``i + 1``. Migrations only ever
add: a journal written by this version can be read by every later one. Never edit a
migration that has shipped; append a new one.

Money is stored as integer minor units plus the currency code. Times are UTC text of one
fixed width (``2026-11-21T23:48:15.123456Z``) so that text order is time order and the
file stays readable with the ``sqlite3`` shell.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]

#: Tables a cashier journal has; a database with other tables and no version is not ours.
TABLES = ("payments", "events", "refunds")


def _v1_tables(db: sqlite3.Connection) -> None:
    db.execute("""
        CREATE TABLE payments (
            payment_request_id TEXT PRIMARY KEY NOT NULL,
            profile            TEXT NOT NULL,
            amount_minor       INTEGER NOT NULL CHECK (amount_minor > 0),
            currency           TEXT NOT NULL,
            method             TEXT NOT NULL,
            status             TEXT NOT NULL,
            created_at         TEXT NOT NULL,
            updated_at         TEXT NOT NULL,
            trade_summary      TEXT NOT NULL DEFAULT '',
            reference_order_id TEXT NOT NULL DEFAULT '',
            result_code        TEXT NOT NULL DEFAULT '',
            result_message     TEXT NOT NULL DEFAULT '',
            payment_id         TEXT NOT NULL DEFAULT '',
            paid_at            TEXT,
            expires_at         TEXT,
            normal_url         TEXT NOT NULL DEFAULT '',
            scheme_url         TEXT NOT NULL DEFAULT '',
            applink_url        TEXT NOT NULL DEFAULT '',
            code_value         TEXT NOT NULL DEFAULT '',
            gateway_url        TEXT NOT NULL DEFAULT '',
            client_id          TEXT NOT NULL DEFAULT ''
        )""")
    db.execute("""
        CREATE TABLE events (
            id                 INTEGER PRIMARY KEY AUTOINCREMENT,
            payment_request_id TEXT NOT NULL
                               REFERENCES payments (payment_request_id) ON DELETE RESTRICT,
            at                 TEXT NOT NULL,
            kind               TEXT NOT NULL,
            detail             TEXT NOT NULL DEFAULT '{}',
            elapsed_ms         REAL
        )""")
    db.execute("""
        CREATE TABLE refunds (
            refund_request_id  TEXT PRIMARY KEY NOT NULL,
            payment_request_id TEXT NOT NULL
                               REFERENCES payments (payment_request_id) ON DELETE RESTRICT,
            amount_minor       INTEGER NOT NULL CHECK (amount_minor > 0),
            currency           TEXT NOT NULL,
            status             TEXT NOT NULL,
            created_at         TEXT NOT NULL,
            updated_at         TEXT NOT NULL,
            refund_id          TEXT NOT NULL DEFAULT '',
            result_code        TEXT NOT NULL DEFAULT '',
            result_message     TEXT NOT NULL DEFAULT '',
            reason             TEXT NOT NULL DEFAULT '',
            refunded_at        TEXT
        )""")


def _v2_indexes_and_guards(db: sqlite3.Connection) -> None:
    # History lists newest first, usually with one filter: one index per filter, each
    # ending in created_at so the filtered list is read in order without sorting.
    db.execute("CREATE INDEX payments_created ON payments (created_at)")
    db.execute("CREATE INDEX payments_status ON payments (status, created_at)")
    db.execute("CREATE INDEX payments_method ON payments (method, created_at)")
    db.execute("CREATE INDEX payments_profile ON payments (profile, created_at)")
    db.execute("CREATE INDEX payments_payment_id ON payments (payment_id)")
    db.execute("CREATE INDEX events_payment ON events (payment_request_id, id)")
    db.execute("CREATE INDEX refunds_payment ON refunds (payment_request_id)")
    db.execute("CREATE INDEX refunds_created ON refunds (created_at)")
    # The event log is append-only: the database itself refuses edits and deletions.
    db.execute("""
        CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END""")
    db.execute("""
        CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END""")


def _v3_in_store(db: sqlite3.Connection) -> None:
    """In-store payments: the scenario (PaymentCode / OrderCode; '' online) and the
    customer's payment code, masked only."""
    db.execute("ALTER TABLE payments ADD COLUMN scenario TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE payments ADD COLUMN masked_code TEXT NOT NULL DEFAULT ''")


def _v4_operators(db: sqlite3.Connection) -> None:
    """Operators (issue 17): who took each sale, who asked for and who approved each
    refund, and who was signed in when each event was written (NULL: nobody signed in,
    as in every row written before)."""
    for table in ("payments", "refunds", "events"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN operator TEXT")
    db.execute("ALTER TABLE refunds ADD COLUMN approved_by TEXT")
    db.execute("CREATE INDEX payments_operator ON payments (operator, created_at)")


#: Seconds since the epoch, as SQLite computes "now" inside a trigger.
_NOW_UNIX = "(julianday('now') - 2440587.5) * 86400.0"


def _v5_store_outbox(db: sqlite3.Connection) -> None:
    """Store mode (issue 17): the link to a store server (``store_link``, one row once
    joined) and the ``outbox`` of changes still to replicate.

    The outbox is written by triggers, in the same transaction as the change itself, so a
    change and its outbox row are committed together or not at all (a crash cannot lose a
    change to replicate, and a sale writes nothing but one more local row). The triggers
    fire only once the till has joined a store: a single till pays nothing.
    """
    db.execute("""
        CREATE TABLE store_link (
            one        INTEGER PRIMARY KEY CHECK (one = 1),
            till_id    TEXT NOT NULL,
            joined_at  TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE outbox (
            seq                INTEGER PRIMARY KEY AUTOINCREMENT,
            kind               TEXT NOT NULL CHECK (kind IN ('payment', 'refund', 'event')),
            key                TEXT NOT NULL,
            payment_request_id TEXT NOT NULL,
            at_unix            REAL NOT NULL
        )""")
    linked = "WHEN EXISTS (SELECT 1 FROM store_link)"
    for table, kind, key in (
        ("payments", "payment", "NEW.payment_request_id"),
        ("refunds", "refund", "NEW.refund_request_id"),
        ("events", "event", "NEW.id"),
    ):
        for op in ("INSERT", "UPDATE"):
            if table == "events" and op == "UPDATE":
                continue  # append-only (a trigger refuses updates)
            db.execute(f"""
                CREATE TRIGGER outbox_{table}_{op.lower()} AFTER {op} ON {table} {linked}
                BEGIN
                    INSERT INTO outbox (kind, key, payment_request_id, at_unix)
                    VALUES ('{kind}', {key}, NEW.payment_request_id, {_NOW_UNIX});
                END""")


def _v6_other_tills_sales(db: sqlite3.Connection) -> None:
    """Store mode (issue 17 item 3): a sale of another till refunded here is kept as a
    copy (``payments.origin_till``: that till's id; NULL for this till's own sales), so
    that the refund row has its sale as every refund does. The copy is never replicated
    as this till's sale (the outbox skips it) nor counted as one (History, End of day);
    its refunds are this till's and are.
    """
    db.execute("ALTER TABLE payments ADD COLUMN origin_till TEXT")
    linked = "WHEN EXISTS (SELECT 1 FROM store_link) AND NEW.origin_till IS NULL"
    for op in ("INSERT", "UPDATE"):
        db.execute(f"DROP TRIGGER outbox_payments_{op.lower()}")
        db.execute(f"""
            CREATE TRIGGER outbox_payments_{op.lower()} AFTER {op} ON payments {linked}
            BEGIN
                INSERT INTO outbox (kind, key, payment_request_id, at_unix)
                VALUES ('payment', NEW.payment_request_id, NEW.payment_request_id,
                        {_NOW_UNIX});
            END""")


def _v7_made_on(db: sqlite3.Connection) -> None:
    """The environment a sale was made on, where the profile's name and client id do not
    tell it: 'embedded-sandbox' for the embedded sandbox's sales ('' before: guessed)."""
    db.execute("ALTER TABLE payments ADD COLUMN made_on TEXT NOT NULL DEFAULT ''")


MIGRATIONS: list[Migration] = [
    _v1_tables,
    _v2_indexes_and_guards,
    _v3_in_store,
    _v4_operators,
    _v5_store_outbox,
    _v6_other_tills_sales,
    _v7_made_on,
]

#: The version this code writes.
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: sqlite3.Connection, current: int, target: int = SCHEMA_VERSION) -> None:
    """Run migrations ``current .. target-1`` in one transaction and set ``user_version``.

    The caller holds no open transaction; on any error everything is rolled back and the
    file is left as it was.
    """
    if current >= target:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        for step in MIGRATIONS[current:target]:
            step(db)
        db.execute(f"PRAGMA user_version = {int(target)}")
        db.execute("COMMIT")
    except BaseException:
        # A failed statement (a full disk) may have rolled the transaction back already;
        # the original error is the one worth reporting, not "cannot rollback".
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")
        raise
