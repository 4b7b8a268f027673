"""Errors the checkout service raises to its callers (GUI and CLI map them to messages)."""

from __future__ import annotations

from cashier_app.domain.errors import CashierError


class CheckoutError(CashierError):
    """A checkout operation that cannot be done; the message says why."""

    layer = "checkout"


class UnknownPayment(CheckoutError):
    """No payment with that id in the journal."""


class RefundRefused(CheckoutError):
    """A refund that was refused before anything was sent (``reason`` says why)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class NotificationRejected(CheckoutError):
    """A notification that was not believed or does not match the journaled payment."""


class TillBusy(CheckoutError):
    """Another live cashier process owns the profile (its till lock): this one may not
    create a sale of it (one owner per sale). Nothing was journaled or sent."""

    def __init__(self, profile: str, holder: str = "") -> None:
        self.profile = profile
        self.holder = holder
        who = f" (pid {holder})" if holder else ""
        super().__init__(f"another cashier process{who} is using profile {profile!r}; one "
                         "till at a time takes its sales: no payment was taken")
