"""One outcome type for every seed system's result codes, keeping the original code."""

from __future__ import annotations

from enum import StrEnum

from cashier_app.domain.values import dataclass


class Status(StrEnum):
    """Where a payment stands. CREATED is local only (journaled, not yet answered)."""

    CREATED = "CREATED"
    PENDING = "PENDING"
    SUCCESS = "SUCCESS"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"
    EXPIRED = "EXPIRED"
    UNKNOWN = "UNKNOWN"  #: not reachable / not verifiable yet; never final

    @property
    def is_final(self) -> bool:
        return self in FINAL_STATUSES


FINAL_STATUSES = frozenset({Status.SUCCESS, Status.FAILED, Status.CANCELLED, Status.EXPIRED})


@dataclass(frozen=True, slots=True)
class Outcome:
    """A status plus the code it came from, e.g. ``Outcome(FAILED, "USER_BALANCE_NOT_ENOUGH",
    source="antom")`` or ``Outcome(PENDING, "8000", source="alipay-client")``."""

    status: Status
    code: str = ""
    message: str = ""
    source: str = "antom"

    @property
    def is_final(self) -> bool:
        return self.status.is_final


# -- Antom (AMS v1) -------------------------------------------------------------------

#: inquiryPayment ``paymentStatus`` -> status (the inquiry's own ``result`` only says the
#: inquiry worked).
ANTOM_PAYMENT_STATUS: dict[str, Status] = {
    "SUCCESS": Status.SUCCESS,
    "FAIL": Status.FAILED,
    "PROCESSING": Status.PENDING,
    "PENDING": Status.PENDING,  # user completed, final result to follow
    "CANCELLED": Status.CANCELLED,
}

#: Final failure codes that mean "the order timed out" rather than "the payer failed".
EXPIRY_CODES = frozenset({"ORDER_IS_CLOSED", "PAYMENT_EXPIRED", "ORDER_CLOSED"})


def from_antom_result(result_status: str, result_code: str, message: str = "") -> Outcome:
    """Map a ``result`` block of a pay/notify answer: S/F/U (+ code) to an outcome."""
    if result_status == "S":
        return Outcome(Status.SUCCESS, result_code, message)
    if result_status == "F":
        status = Status.EXPIRED if result_code in EXPIRY_CODES else Status.FAILED
        return Outcome(status, result_code, message)
    if result_status == "U":
        return Outcome(Status.PENDING, result_code, message)
    return Outcome(Status.UNKNOWN, result_code, message)


def from_antom_payment_status(
    payment_status: str, result_code: str = "", message: str = ""
) -> Outcome:
    """Map an inquiryPayment ``paymentStatus`` (+ ``paymentResultCode``) to an outcome."""
    status = ANTOM_PAYMENT_STATUS.get(payment_status, Status.UNKNOWN)
    if status is Status.FAILED and result_code in EXPIRY_CODES:
        status = Status.EXPIRED
    return Outcome(status, result_code or payment_status, message)
