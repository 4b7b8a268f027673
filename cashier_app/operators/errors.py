"""Errors of operator accounts: never carry a PIN, only names, counts and times."""

from __future__ import annotations

from typing import ClassVar

from cashier_app.domain.errors import CashierError


class OperatorError(CashierError):
    """An operator cannot sign in or approve, or an account cannot be changed."""

    layer = "operators"
    MESSAGES: ClassVar[dict[str, str]] = {
        "pin_length": "a PIN has {low} to {high} digits",
        "pin_digits": "a PIN takes only the digits 0-9",
        "pin_trivial": "that PIN is too easy to guess (one digit repeated, or a run such as "
        "1234); choose another",
        "name_bad": "an operator name has 1 to {high} letters, digits, spaces, '.', '_' or '-'",
        "role_bad": "the role must be cashier or manager",
        "unknown": "there is no operator {name}",
        "exists": "there is already an operator {name}",
        "wrong_pin": "wrong PIN for {name}: {left} more tries before the account is locked",
        "locked": "{name} is locked after {count} wrong PINs until {until} (in {minutes} min); "
        "a manager can unlock it sooner",
        "locked_now": "wrong PIN for {name}: the account is now locked until {until} "
        "(in {minutes} min)",
        "not_manager": "{name} is a cashier: only a manager's PIN can approve this",
        "first_is_manager": "the first operator must be a manager (who can approve refunds "
        "and add the others)",
        "last_manager": "{name} is the last manager: add another manager first",
        "damaged": "cannot use the operators file {path}: {problem}",
        "newer": "cannot use the operators file {path}: it was written by a newer cashier",
        "no_operators": "this till keeps no operators",
        "store_down": "the store server cannot be reached, so operators cannot be changed "
        "now (every till must agree on them): {problem}",
    }
