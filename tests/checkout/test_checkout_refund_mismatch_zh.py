"""A verified refund answer about another refund is not believed, and the operator reads
why in their language (it named the mismatch in English only)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from zh_errors import english_left, zh

from cashier_app.checkout.refunds import _mismatch
from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import RefundRecord

AT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
OURS = RefundRecord("R-OURS-1", "P-1", Money(500, "HKD"), Status.PENDING, AT, AT)


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("R-OTHER-9", None), "R-OTHER-9"),
        (("R-OURS-1", Money(900, "HKD")), "9.00"),
        (("R-OURS-1", None, ("PID-GOT", "PID-OURS")), "PID-GOT"),
    ],
)
def test_a_refund_answer_about_another_refund_is_named_in_chinese(args, named):
    problem = _mismatch("refund", OURS, *args)
    assert problem is not None and named in str(problem)
    shown = zh(problem)
    assert named in shown and english_left(shown, "refund", "refundRequestId", "paymentId") == []
    assert _mismatch("refund", OURS, "R-OURS-1", Money(500, "HKD")) is None
