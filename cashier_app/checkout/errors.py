"""Errors the checkout service raises to its callers (GUI and CLI map them to messages)."""

from __future__ import annotations


class CheckoutError(Exception):
    """A checkout operation that cannot be done; the message says why."""


class UnknownPayment(CheckoutError, KeyError):
    """No payment with that id in the journal."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown payment"


class RefundRefused(CheckoutError):
    """A refund that was refused before anything was sent (``reason`` says why)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class NotificationRejected(CheckoutError):
    """A notification that was not believed or does not match the journaled payment."""
