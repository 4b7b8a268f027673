"""The journal's side of store replication: the till's link to a store and its outbox.

Triggers (schema v4) append one outbox row per change of a payment, refund or event, in the
change's own transaction, once the till is linked. ``Outbox.batch`` reads the oldest
changes together with the rows they name *in one read snapshot*, so what is pushed is a
state the journal really had; ``Outbox.acknowledge`` drops them once the store committed.
A crash between the two re-sends the batch: the store's upserts make that harmless.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime
from typing import Any

from cashier_app.domain.values import dataclass, field
from cashier_app.journal.errors import JournalError, TillIdError
from cashier_app.journal.store import Journal, to_db_time

_TILL_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")


def check_till_id(text: str) -> str:
    """The till id, or ValueError naming what is wrong with it."""
    value = (text or "").strip()
    if not _TILL_ID.fullmatch(value):
        raise TillIdError.of("till_id_must_1_64_letters", text=text)
    return value


@dataclass(frozen=True, slots=True)
class Batch:
    """The oldest changes of the outbox and the rows they name, as of one snapshot.

    ``payments``/``refunds`` map each changed key to ``(seq, row)``: the row as it stood,
    tagged with the last outbox seq of that key in the batch (the store keeps a row only
    if its tag is newer than the one it has, so an old or repeated push never undoes a
    newer one). ``events`` are ``(seq, row)`` in journal order."""

    first_seq: int
    last_seq: int
    oldest_at: float  #: unix time the oldest change in the batch was journaled
    backlog: int  #: outbox rows in the journal when it was read (this batch included)
    payments: dict[str, tuple[int, dict[str, Any]]] = field(default_factory=dict)
    refunds: dict[str, tuple[int, dict[str, Any]]] = field(default_factory=dict)
    events: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    #: unix time each change of the batch was journaled, in outbox order
    journaled_at: tuple[float, ...] = ()

    @property
    def size(self) -> int:
        return self.last_seq - self.first_seq + 1


class Outbox:
    """The outbox of ``journal`` (same connection, same lock)."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    def till_id(self) -> str | None:
        """This installation's till id once it joined a store, else None."""
        with self.journal._reading("read") as db:
            row = db.execute("SELECT till_id FROM store_link").fetchone()
        return str(row[0]) if row else None

    def link(self, till_id: str) -> bool:
        """Join a store as ``till_id``: records the link and queues everything already in the
        journal (payments, then events, then refunds, each in journal order), in one
        transaction. Returns False when already linked under that id; JournalError when
        linked under another (a till's id never changes: its rows at the store carry it)."""
        till_id = check_till_id(till_id)
        with self.journal._writing("link_store") as db:
            row = db.execute("SELECT till_id FROM store_link").fetchone()
            if row is not None:
                if row[0] == till_id:
                    return False
                raise JournalError.of(
                    "journal_already_belongs_till_store_cannot", linked=row[0], till_id=till_id
                )
            now = datetime.now(UTC)
            db.execute(
                "INSERT INTO store_link (one, till_id, joined_at) VALUES (1, ?, ?)",
                (till_id, to_db_time(now)),
            )
            at = now.timestamp()
            db.execute(
                "INSERT INTO outbox (kind, key, payment_request_id, at_unix) SELECT 'payment', "
                "payment_request_id, payment_request_id, ? FROM payments WHERE origin_till IS NULL "
                "ORDER BY created_at, "
                "rowid",
                (at,),
            )
            db.execute(
                "INSERT INTO outbox (kind, key, payment_request_id, at_unix) SELECT 'event', "
                "id, payment_request_id, ? FROM events ORDER BY id",
                (at,),
            )
            db.execute(
                "INSERT INTO outbox (kind, key, payment_request_id, at_unix) SELECT 'refund', "
                "refund_request_id, payment_request_id, ? FROM refunds ORDER BY created_at, "
                "rowid",
                (at,),
            )
        return True

    def backlog(self) -> int:
        with self.journal._reading("read") as db:
            return int(db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0])

    def last_seq(self) -> int:
        """The newest outbox seq (0 when empty): a cheap "anything new?" check."""
        with self.journal._reading("read") as db:
            return int(db.execute("SELECT COALESCE(MAX(seq), 0) FROM outbox").fetchone()[0])

    def batch(self, limit: int = 500) -> Batch | None:
        """The oldest ``limit`` changes (None when there are none), read in one snapshot."""
        with self.journal._reading("read_outbox") as db:
            db.execute("BEGIN")  # one read snapshot for the outbox rows and their rows
            try:
                return self._read(db, max(1, int(limit)))
            finally:
                db.execute("COMMIT")

    def _read(self, db: sqlite3.Connection, limit: int) -> Batch | None:
        rows = db.execute(
            "SELECT seq, kind, key, at_unix FROM outbox ORDER BY seq LIMIT ?", (limit,)
        ).fetchall()
        if not rows:
            return None
        backlog = int(db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0])
        last: dict[tuple[str, str], int] = {}
        for seq, kind, key, _at in rows:
            last[(kind, str(key))] = int(seq)
        batch = Batch(
            first_seq=int(rows[0][0]),
            last_seq=int(rows[-1][0]),
            oldest_at=float(rows[0][3]),
            backlog=backlog,
            journaled_at=tuple(float(r[3]) for r in rows),
        )
        pay_keys = [k for (kind, k) in last if kind == "payment"]
        for chunk in _chunks(pay_keys):
            for r in db.execute(
                f"SELECT * FROM payments WHERE payment_request_id IN ({_marks(chunk)})", chunk
            ):
                batch.payments[r["payment_request_id"]] = (
                    last[("payment", r["payment_request_id"])],
                    dict(r),
                )
        refund_keys = [k for (kind, k) in last if kind == "refund"]
        for chunk in _chunks(refund_keys):
            # The sale's wallet and profile travel with its refund: a store report adds
            # refunds up per wallet without looking for the sale (maybe at another till).
            for r in db.execute(
                "SELECT r.*, p.profile AS profile, p.client_id AS client_id, "
                "p.method AS method, p.made_on AS made_on FROM refunds r LEFT JOIN payments p "
                f"USING (payment_request_id) WHERE r.refund_request_id IN ({_marks(chunk)})",
                chunk,
            ):
                batch.refunds[r["refund_request_id"]] = (
                    last[("refund", r["refund_request_id"])],
                    dict(r),
                )
        event_ids = sorted(int(k) for (kind, k) in last if kind == "event")
        for chunk in _chunks([str(i) for i in event_ids]):
            for r in db.execute(
                f"SELECT * FROM events WHERE id IN ({_marks(chunk)}) ORDER BY id", chunk
            ):
                batch.events.append((last[("event", str(r["id"]))], dict(r)))
        batch.events.sort(key=lambda e: e[1]["id"])
        return batch

    def acknowledge(self, batch: Batch) -> None:
        """The store committed ``batch``: drop its changes (later ones stay)."""
        with self.journal._writing("acknowledge") as db:
            db.execute("DELETE FROM outbox WHERE seq <= ?", (batch.last_seq,))


def _chunks(keys: list[str], size: int = 500) -> list[list[str]]:
    return [keys[i : i + size] for i in range(0, len(keys), size)]


def _marks(chunk: list[str]) -> str:
    return ", ".join("?" * len(chunk))
