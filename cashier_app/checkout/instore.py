"""The User-presented Mode policy (the till scans the customer's code), as pure functions.

Antom's best practice for User-presented Mode (docs.antom.com/ac/ams_upm/bp):
- ``pay`` answers S: the money is taken, the sale is paid at once;
- F: act on ``result.resultCode`` (the code expired or is invalid, the balance is short,
  risk refused it...): show why, and let the cashier scan again (a new code);
- U, or no answer and no notification within 5 s: ``inquiryPayment``, 10 to 20 times,
  3 seconds apart;
- still no final answer: ``cancel`` the payment, so it cannot be paid after the till gave
  up on it (the cancel API, docs.antom.com/ac/ams/paymentc).

``UpmPolicy`` turns that into a ``PollPolicy`` (first inquiry after 5 s, then every 3 s)
and a window (the sale's ``expires_at``), at whose end the checkout cancels. The reasons
of an F come from ``failure_reason`` for the GUI/CLI to word in the operator's language.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from cashier_app.checkout.policy import PollPolicy
from cashier_app.domain.values import dataclass

#: Best practice: 10-20 inquiries 3 s apart; we take the middle.
DEFAULT_INQUIRIES = 15
DEFAULT_INTERVAL = 3.0
#: Wait for the answer (or a notification) this long before the first inquiry.
DEFAULT_FIRST_WAIT = 5.0


@dataclass(frozen=True, slots=True)
class UpmPolicy:
    """How long a User-presented Mode sale waits for the customer before cancelling."""

    inquiries: int = DEFAULT_INQUIRIES
    interval: float = DEFAULT_INTERVAL
    first_wait: float = DEFAULT_FIRST_WAIT

    def __post_init__(self) -> None:
        if not 1 <= self.inquiries <= 20:
            raise ValueError("inquiries must be 1 to 20 (Antom: 10 to 20)")
        if self.interval <= 0 or self.first_wait < 0:
            raise ValueError("interval must be positive and first_wait not negative")

    @property
    def window(self) -> timedelta:
        """From ``pay`` to the cancel: the first wait, then every inquiry's interval."""
        return timedelta(seconds=self.first_wait + self.inquiries * self.interval)

    def deadline(self, sent_at: datetime) -> datetime:
        return sent_at + self.window

    def poll_policy(self) -> PollPolicy:
        """Inquire every ``interval`` seconds; no grace after the window (the checkout
        cancels at its end). The first inquiry follows a U at once; ``first_wait`` is
        the time an unanswered ``pay`` is given (the client's timeout) before it."""
        return PollPolicy(first_delays=(), max_delay=self.interval, grace=0.0)


class FailureReason(StrEnum):
    """Why a scanned code did not pay, for the cashier's message."""

    CODE = "code"  #: the code is invalid, expired or was used: ask for a fresh one
    BALANCE = "balance"  #: not enough money in the wallet
    RISK = "risk"  #: refused by the wallet's or Antom's risk control
    LIMIT = "limit"  #: over an amount or count limit
    DECLINED = "declined"  #: the customer declined in the wallet
    WALLET = "wallet"  #: the wallet or currency cannot be used here
    TIMEOUT = "timeout"  #: no final answer in the window: cancelled
    OTHER = "other"


_REASONS = {
    "INVALID_CODE": FailureReason.CODE,
    "INVALID_PAYMENT_CODE": FailureReason.CODE,
    "PAYMENT_CODE_EXPIRED": FailureReason.CODE,
    "ORDER_IS_CLOSED": FailureReason.CODE,
    "USER_BALANCE_NOT_ENOUGH": FailureReason.BALANCE,
    "RISK_REJECT": FailureReason.RISK,
    "USER_STATUS_ABNORMAL": FailureReason.RISK,
    "USER_PAYMENT_VERIFICATION_FAILED": FailureReason.RISK,
    "REGULATION_RESTRICTION": FailureReason.RISK,
    "USER_AMOUNT_EXCEED_LIMIT": FailureReason.LIMIT,
    "PAYMENT_AMOUNT_EXCEED_LIMIT": FailureReason.LIMIT,
    "PAYMENT_COUNT_EXCEED_LIMIT": FailureReason.LIMIT,
    "USER_REJECTED": FailureReason.DECLINED,
    "UNAVAILABLE_PAYMENT_METHOD": FailureReason.WALLET,
    "CURRENCY_NOT_SUPPORT": FailureReason.WALLET,
    "USER_NOT_EXIST": FailureReason.WALLET,
    "CHECKOUT_TIMEOUT": FailureReason.TIMEOUT,
    "PAYMENT_EXPIRED": FailureReason.TIMEOUT,
}


def failure_reason(result_code: str) -> FailureReason:
    return _REASONS.get(result_code, FailureReason.OTHER)
