"""Operators of a till: accounts with a PIN (salted scrypt hash), roles, lock-out."""

from cashier_app.operators.errors import OperatorError
from cashier_app.operators.pins import PinEntry, check_pin
from cashier_app.operators.store import CASHIER, MANAGER, ROLES, Operator, OperatorStore

__all__ = [
    "CASHIER",
    "MANAGER",
    "ROLES",
    "Operator",
    "OperatorError",
    "OperatorStore",
    "PinEntry",
    "check_pin",
]
