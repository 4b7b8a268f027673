"""Journal rows more than one test area writes the same way."""

from __future__ import annotations

from datetime import datetime

from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import EMBEDDED_SANDBOX, PaymentRecord, RefundRecord
from cashier_app.journal import Journal


def sales_in_two_environments(journal: Journal, at: datetime) -> None:
    """Two paid sales under one profile named as no environment is ("Demo shop"): 5.00 on
    the embedded sandbox (the journal records it: ``made_on``), refunded 2.00, and 3.00
    on a real client id. End of day must keep them apart (sandbox money is never real)."""
    for prid, value, client_id, made_on in (
        ("P-env-demo", 500, "DEMO_1", EMBEDDED_SANDBOX),
        ("P-env-real", 300, "2188120001234567", ""),
    ):
        journal.create_payment(
            PaymentRecord(
                prid, "Demo shop", Money(value, "HKD"), "ALIPAY_HK", Status.SUCCESS, at, at,
                client_id=client_id, made_on=made_on, paid_at=at,
            )
        )  # fmt: skip
    journal.create_refund(
        RefundRecord("R-env-demo", "P-env-demo", Money(200, "HKD"), Status.SUCCESS, at, at)
    )
