"""Fixtures for the journal tests: a fresh journal and a payment-record factory."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import PaymentRecord
from cashier_app.journal import Journal

T0 = datetime(2026, 11, 21, 9, 30, 0, 123456, tzinfo=UTC)
_seq = itertools.count(1)


def payment(n: int | None = None, **over: Any) -> PaymentRecord:
    n = next(_seq) if n is None else n
    base: dict[str, Any] = dict(
        payment_request_id=f"PRQ-{n:06d}",
        profile="sandbox",
        amount=Money(1230, "HKD"),
        method="ALIPAY_HK",
        status=Status.CREATED,
        created_at=T0 + timedelta(seconds=n),
        updated_at=T0 + timedelta(seconds=n),
        trade_summary=f"Order {n} coffee",
        reference_order_id=f"ORD-{n}",
    )
    base.update(over)
    return PaymentRecord(**base)


@pytest.fixture
def make_payment() -> Callable[..., PaymentRecord]:
    return payment


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal(tmp_path / "journal.sqlite3")
    yield j
    j.close()
