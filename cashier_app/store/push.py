"""One outbox batch into PostgreSQL, in one transaction, as idempotent upserts.

Keys are ``(till_id, payment_request_id)``, ``(till_id, refund_request_id)`` and
``(till_id, event id)``. A payment or refund row replaces the stored one only when its
``journal_seq`` is newer, so a repeated push changes nothing and an older push arriving
after a newer one (a retry racing a later batch) cannot undo it; events are inserted once.
The whole batch commits at once: a reader of the store never sees an event without its
payment, nor half a batch.
"""

from __future__ import annotations

import json
import time
from typing import Any

from cashier_app.journal.outbox import Batch
from cashier_app.journal.store import from_db_time

_PAYMENT_COLUMNS = (
    "payment_request_id", "profile", "amount_minor", "currency", "method", "status",
    "created_at", "updated_at", "trade_summary", "reference_order_id", "result_code",
    "result_message", "payment_id", "paid_at", "expires_at", "normal_url", "scheme_url",
    "applink_url", "code_value", "gateway_url", "client_id", "scenario", "masked_code",
    "operator", "made_on",
)  # fmt: skip
_PAYMENT_TIMES = ("created_at", "updated_at", "paid_at", "expires_at")
_REFUND_COLUMNS = (
    "refund_request_id", "payment_request_id", "amount_minor", "currency", "status",
    "created_at", "updated_at", "refund_id", "result_code", "result_message", "reason",
    "refunded_at", "operator", "approved_by", "profile", "client_id", "method", "made_on",
)  # fmt: skip
_REFUND_TIMES = ("created_at", "updated_at", "refunded_at")


def _upsert(table: str, columns: tuple[str, ...], key: str) -> str:
    names = ", ".join(("till_id", *columns, "journal_seq"))
    marks = ", ".join(f"%({c})s" for c in ("till_id", *columns, "journal_seq"))
    sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in (*columns, "journal_seq") if c != key)
    return (
        f"INSERT INTO {table} ({names}) VALUES ({marks}) "
        f"ON CONFLICT (till_id, {key}) DO UPDATE SET {sets}, replicated_at = now() "
        f"WHERE {table}.journal_seq < EXCLUDED.journal_seq"
    )


_UPSERT_PAYMENT = _upsert("payments", _PAYMENT_COLUMNS, "payment_request_id")
_UPSERT_REFUND = _upsert("refunds", _REFUND_COLUMNS, "refund_request_id")
_INSERT_EVENT = (
    "INSERT INTO events (till_id, event_id, payment_request_id, at, kind, detail, elapsed_ms, "
    "operator) VALUES (%(till_id)s, %(id)s, %(payment_request_id)s, %(at)s, %(kind)s, "
    "%(detail)s::jsonb, %(elapsed_ms)s, %(operator)s) ON CONFLICT (till_id, event_id) DO NOTHING"
)
_TILL_CONTACT = (
    "INSERT INTO tills (till_id, hostname, last_contact, last_seq, last_lag_ms, backlog) "
    "VALUES (%(till_id)s, %(hostname)s, now(), %(last_seq)s, %(lag_ms)s, %(backlog)s) "
    "ON CONFLICT (till_id) DO UPDATE SET hostname = EXCLUDED.hostname, last_contact = now(), "
    "last_seq = GREATEST(tills.last_seq, EXCLUDED.last_seq), "
    "last_lag_ms = COALESCE(EXCLUDED.last_lag_ms, tills.last_lag_ms), backlog = EXCLUDED.backlog"
)


def _row(
    till_id: str, seq: int, row: dict[str, Any], columns: tuple[str, ...], times: tuple[str, ...]
) -> dict[str, Any]:
    out = {c: row.get(c) for c in columns}
    for c in times:
        out[c] = from_db_time(out[c])
    for c in ("profile", "client_id", "method", "made_on"):  # a refund of another till's sale
        if c in out and out[c] is None:
            out[c] = ""
    out["till_id"] = till_id
    out["journal_seq"] = seq
    return out


def push_batch(conn: Any, till_id: str, batch: Batch, *, hostname: str = "") -> float:
    """Write ``batch`` for ``till_id`` in one transaction; returns the lag in seconds from
    the oldest change's journaling to just before the commit (this till's clock)."""
    payments = [
        _row(till_id, seq, row, _PAYMENT_COLUMNS, _PAYMENT_TIMES)
        for seq, row in batch.payments.values()
    ]
    refunds = [
        _row(till_id, seq, row, _REFUND_COLUMNS, _REFUND_TIMES)
        for seq, row in batch.refunds.values()
    ]
    events = [
        {
            "till_id": till_id,
            "id": row["id"],
            "payment_request_id": row["payment_request_id"],
            "at": from_db_time(row["at"]),
            "kind": row["kind"],
            "detail": row["detail"]
            if isinstance(row["detail"], str)
            else json.dumps(row["detail"]),
            "elapsed_ms": row["elapsed_ms"],
            "operator": row.get("operator"),
        }
        for _seq, row in batch.events
    ]
    with conn.transaction(), conn.cursor() as cur:
        if payments:
            cur.executemany(_UPSERT_PAYMENT, payments)
        if events:
            cur.executemany(_INSERT_EVENT, events)
        if refunds:
            cur.executemany(_UPSERT_REFUND, refunds)
        lag = max(0.0, time.time() - batch.oldest_at)
        cur.execute(
            _TILL_CONTACT,
            {
                "till_id": till_id,
                "hostname": hostname,
                "last_seq": batch.last_seq,
                "lag_ms": lag * 1000.0,
                "backlog": max(0, batch.backlog - batch.size),
            },
        )
    return lag


def heartbeat(conn: Any, till_id: str, *, hostname: str = "", backlog: int = 0) -> None:
    """Tell the store this till is alive (``cashier store status``'s last contact)."""
    conn.execute(
        _TILL_CONTACT,
        {
            "till_id": till_id,
            "hostname": hostname,
            "last_seq": 0,
            "lag_ms": None,
            "backlog": backlog,
        },
    )
