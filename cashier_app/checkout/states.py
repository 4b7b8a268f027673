"""The payment state machine: which status may follow which, and why a final one stays put."""

from __future__ import annotations

from typing import ClassVar

from cashier_app.domain.errors import CashierError
from cashier_app.domain.outcome import Status

__all__ = ["ALLOWED", "IllegalTransition", "can_move", "check_transition"]

_ACTIVE = frozenset({Status.PENDING, Status.UNKNOWN})
_FINAL = frozenset({Status.SUCCESS, Status.FAILED, Status.CANCELLED, Status.EXPIRED})

#: status -> statuses it may move to. CREATED is only ever the first state. UNKNOWN (the
#: gateway could not be reached or its answer not verified) may resolve to anything.
ALLOWED: dict[Status, frozenset[Status]] = {
    Status.CREATED: _ACTIVE | _FINAL,
    Status.PENDING: _ACTIVE | _FINAL,
    Status.UNKNOWN: _ACTIVE | _FINAL,
    # A paid payment can still be cancelled through the gateway (money goes back); that is
    # the only way out of a final state and needs the operator's explicit cancel.
    Status.SUCCESS: frozenset(),
    Status.FAILED: frozenset(),
    Status.CANCELLED: frozenset(),
    Status.EXPIRED: frozenset(),
}


class IllegalTransition(CashierError, ValueError):
    """A status change the state machine forbids (e.g. a final status changing)."""

    layer = "checkout"
    MESSAGES: ClassVar[dict[str, str]] = {
        "illegal_transition": "a payment cannot go from {current} to {new}",
    }

    def __init__(self, current: Status, new: Status, reason: str = "") -> None:
        super().__init__(
            reason,
            code="" if reason else "illegal_transition",
            params={"current": current.value, "new": new.value},
        )
        self.current = current
        self.new = new


def can_move(current: Status, new: Status, *, operator_cancel: bool = False) -> bool:
    """True when ``current -> new`` is a real, allowed change (staying put is not one)."""
    if current == new:
        return False
    if operator_cancel and current is Status.SUCCESS and new is Status.CANCELLED:
        return True
    return new in ALLOWED[current]


def check_transition(current: Status, new: Status, *, operator_cancel: bool = False) -> bool:
    """Return True if ``new`` changes anything, False for a repeat of the same status;
    raise IllegalTransition for anything the machine forbids."""
    if current == new:
        return False
    if can_move(current, new, operator_cancel=operator_cancel):
        return True
    if current.is_final:
        raise IllegalTransition(
            current,
            new,
            f"payment is already {current.value}; a late {new.value} does not change it",
        )
    raise IllegalTransition(current, new)
