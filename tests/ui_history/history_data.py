"""Generated payments for the history/report GUI tests (a helper module, not a test)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import PaymentRecord

#: (method, currency) pairs the generator draws from.
METHODS = (
    ("ALIPAY_CN", "CNY"),
    ("ALIPAY_HK", "HKD"),
    ("GCASH", "PHP"),
    ("TNG", "MYR"),
    ("ALIPAY_CN", "HKD"),
)
STATUSES = (Status.SUCCESS,) * 6 + (Status.FAILED, Status.CANCELLED, Status.EXPIRED, Status.PENDING)


def generate_payments(
    count: int,
    *,
    seed: int = 7,
    newest: datetime | None = None,
    spacing: timedelta = timedelta(minutes=3),
) -> list[PaymentRecord]:
    """``count`` payments, newest first at ``newest`` and one every ``spacing`` before it;
    ``HIST-000000`` is the oldest. Summaries contain ``latte`` on every 10th payment."""
    rng = random.Random(seed)
    newest = newest or datetime.now(UTC).replace(microsecond=0)
    out = []
    for i in range(count):
        created = newest - spacing * (count - 1 - i)
        method, currency = METHODS[i % len(METHODS)]
        status = STATUSES[rng.randrange(len(STATUSES))]
        out.append(
            PaymentRecord(
                payment_request_id=f"HIST-{i:06d}",
                profile="sandbox",
                amount=Money(rng.randrange(100, 50_000), currency),
                method=method,
                status=status,
                created_at=created,
                updated_at=created,
                trade_summary="Oat latte x2" if i % 10 == 0 else f"Order {i}",
                reference_order_id=f"REF-{i:06d}",
                result_code="SUCCESS" if status is Status.SUCCESS else "",
                payment_id=f"PAY{i:09d}" if status is not Status.CREATED else "",
                paid_at=created + timedelta(seconds=20) if status is Status.SUCCESS else None,
            )
        )
    return out
