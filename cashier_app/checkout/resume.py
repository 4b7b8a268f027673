"""Resuming an interrupted sale on start: the newest payment whose code the customer can
still pay is kept waiting (the till shows the same code again); the rest are recovered."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from cashier_app.domain.outcome import Status
from cashier_app.domain.records import PaymentRecord

#: A code with less time left than this is not worth showing again: it is cancelled.
MIN_TIME_LEFT = timedelta(seconds=15)


def can_resume(record: PaymentRecord, now: datetime) -> bool:
    """Still waiting for the customer, with a code to show and time left to pay it."""
    return (
        record.status is Status.PENDING
        and bool(record.qr_payload())
        and record.expires_at is not None
        and record.expires_at - now >= MIN_TIME_LEFT
    )


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
        if not checkout.created_here(r.payment_request_id)
        and r.qr_payload()
        and r.expires_at is not None
        and r.expires_at - now >= MIN_TIME_LEFT
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
