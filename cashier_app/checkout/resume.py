"""Resuming an interrupted sale on start: the newest payment the customer can still pay is
kept waiting (the till shows the same code again, or, for a scanned in-store code, waits
for the customer's confirmation in the wallet); the rest are recovered."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from cashier_app.domain.outcome import Status
from cashier_app.domain.records import PaymentRecord
from cashier_app.domain.values import dataclass

#: A code with less time left than this is not worth showing again: it is cancelled.
MIN_TIME_LEFT = timedelta(seconds=15)


def has_time_to_resume(record: PaymentRecord, now: datetime) -> bool:
    """Something to show again and time left for the customer to finish.

    A QR or link needs ``MIN_TIME_LEFT`` for the customer to scan it. A scanned in-store
    code (User-presented Mode) needs nothing shown: the customer is confirming it in the
    wallet, and Antom's best practice (docs/instore.md) is to inquire until it is final or
    its window ends, then cancel; so any time left is used."""
    if record.expires_at is None:
        return False
    left = record.expires_at - now
    if record.scenario == "PaymentCode":
        return left > timedelta(0)
    return bool(record.qr_payload()) and left >= MIN_TIME_LEFT


def can_resume(record: PaymentRecord, now: datetime) -> bool:
    """Still waiting for the customer, with time left to pay (see has_time_to_resume)."""
    return record.status is Status.PENDING and has_time_to_resume(record, now)


@dataclass(frozen=True, slots=True)
class Recovery:
    """What start-up recovery did: every payment it looked at (as it left them) and the
    one left waiting to be shown again, if any."""

    records: list[PaymentRecord]
    resumed: PaymentRecord | None


def recover_resuming(checkout: Any, clock: Callable[[], datetime] | None = None) -> Recovery:
    """``checkout.recover()`` that keeps the newest resumable sale waiting (blocking)."""
    now = (clock or (lambda: datetime.now(UTC)))()
    candidates = [
        r
        for r in checkout.journal.non_final_payments(checkout.profile)
        if not checkout.created_here(r.payment_request_id) and has_time_to_resume(r, now)
    ]
    newest = candidates[-1].payment_request_id if candidates else None
    records = checkout.recover(
        resume=lambda rec: rec.payment_request_id == newest and can_resume(rec, now),
        leave_live=True,
    )
    resumed = next(
        (r for r in records if r.payment_request_id == newest and can_resume(r, now)), None
    )
    return Recovery(records, resumed)
