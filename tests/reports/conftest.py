"""Fixtures for report and receipt tests: a journal holding one known day of sales."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import PaymentRecord, RefundRecord
from cashier_app.journal import Journal
from cashier_app.support import paths

#: 2026-11-21 in Hong Kong runs from 2026-11-20T16:00Z to 2026-11-21T16:00Z.
DAY_START = datetime(2026, 11, 20, 16, 0, tzinfo=UTC)


def _pay(
    prid: str, minutes: float, value: int, currency: str, method: str, status: Status, **over: Any
) -> PaymentRecord:
    at = DAY_START + timedelta(minutes=minutes)
    return PaymentRecord(
        payment_request_id=prid,
        profile="sandbox",
        amount=Money(value, currency),
        method=method,
        status=status,
        created_at=at,
        updated_at=at,
        trade_summary=f"summary of {prid}",
        reference_order_id=f"ORD-{prid}",
        payment_id=f"2026PID{prid}" if status is not Status.CREATED else "",
        paid_at=at if status is Status.SUCCESS else None,
        result_code=status.value,
        **over,
    )


@pytest.fixture
def day_journal() -> Iterator[Journal]:
    """The app's journal (``paths.journal_path()``, per test) holding sales on 2026-11-21
    (Hong Kong time), one the day before and one the day after."""
    j = Journal(paths.journal_path())
    j.create_payments(
        [
            _pay("HK1", 1, 1230, "HKD", "ALIPAY_HK", Status.SUCCESS),
            _pay("HK2", 60, 10000, "HKD", "ALIPAY_HK", Status.SUCCESS),
            _pay("HK3", 90, 500, "HKD", "ALIPAY_HK", Status.FAILED),
            _pay("HK4", 120, 700, "HKD", "ALIPAY_HK", Status.PENDING),
            _pay("CN1", 200, 8800, "CNY", "ALIPAY_CN", Status.SUCCESS),
            _pay("CN2", 300, 100, "CNY", "ALIPAY_CN", Status.EXPIRED),
            _pay("GC1", 400, 25000, "PHP", "GCASH", Status.SUCCESS),
            _pay("GC2", 1439, 999, "PHP", "GCASH", Status.UNKNOWN),
            _pay("KR1", 500, 15000, "KRW", "KAKAOPAY", Status.SUCCESS),
            _pay("OLD", -1, 777700, "HKD", "ALIPAY_HK", Status.SUCCESS),  # the day before
            _pay("NEXT", 1440, 888800, "HKD", "ALIPAY_HK", Status.SUCCESS),  # the day after
        ]
    )
    t = DAY_START + timedelta(hours=10)
    j.create_refund(
        RefundRecord(
            "RF1", "HK2", Money(2550, "HKD"), Status.SUCCESS, t, t, refund_id="RID1", refunded_at=t
        )
    )
    j.create_refund(RefundRecord("RF2", "HK2", Money(100, "HKD"), Status.FAILED, t, t))
    j.create_refund(
        RefundRecord(
            "RF3", "OLD", Money(700, "HKD"), Status.SUCCESS, t, t, refund_id="RID3", refunded_at=t
        )
    )  # yesterday's sale
    j.create_refund(RefundRecord("RF4", "GC1", Money(5000, "PHP"), Status.PENDING, t, t))
    yield j
    j.close()
