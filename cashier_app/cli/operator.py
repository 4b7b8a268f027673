"""``cashier operator``: the till's operator accounts (PIN sign-in, roles cashier / manager).

With no operators the till works as it always has: nobody signs in. The first account
must be a manager; from then on a sale needs someone signed in, and refunds, the cancel of
a paid payment and changes of profiles, keys or operators need a manager's PIN. Every
change after the first account is approved by a manager (--operator and their PIN).

In store mode (``cashier store join``) these are the store's accounts, one set for every
till, changed only while the store server answers; ``list`` then says when it shows this
till's copy of them because the server cannot be reached.

A PIN is never an argument: it is typed at a prompt without echo, or read from
$CASHIER_NEW_PIN (the new account's PIN) and $CASHIER_PIN (the approving manager's).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from cashier_app.cli import CliError
from cashier_app.cli.operator_auth import add_operator_options, require_manager

NEW_PIN_ENV = "CASHIER_NEW_PIN"


def _store() -> Any:
    """This till's accounts; in store mode the store's (its copy when the server is down)."""
    from cashier_app.app import open_operators

    return open_operators()


def _new_pin(name: str) -> str:
    from cashier_app.operators import check_pin

    pin = os.environ.get(NEW_PIN_ENV)
    if pin is None:
        if not sys.stdin.isatty():
            raise CliError.of("no_new_pin_type_terminal_set", name=name, new_pin_env=NEW_PIN_ENV)
        import getpass

        pin = getpass.getpass(f"New PIN for {name} (4-12 digits): ")
        check_pin(pin)
        if getpass.getpass("Once more: ") != pin:
            raise CliError.of("two_pins_differ_nothing_was_changed")
    return check_pin(pin)


def _run(args: argparse.Namespace) -> int:
    from cashier_app.operators import OperatorError

    store = _store()
    try:
        if args.op_command == "list":
            return _list(store, args)
        if args.op_command != "add" or store.configured():
            require_manager(args)  # the first account bootstraps without one
        if args.op_command == "add":
            op = store.add(args.name, args.role, _new_pin(args.name))
            print(f"operator {op.name} added ({op.role})")
        elif args.op_command == "set-pin":
            store.set_pin(args.name, _new_pin(args.name))
            print(f"PIN of {args.name} changed")
        elif args.op_command == "set-role":
            op = store.set_role(args.name, args.role)
            print(f"{op.name} is now a {op.role}")
        elif args.op_command == "unlock":
            store.unlock(args.name)
            print(f"{args.name} unlocked")
        elif args.op_command == "remove":
            store.remove(args.name)
            print(f"operator {args.name} removed")
        return 0
    except OperatorError as exc:
        raise CliError.of("error", error=exc) from None
    finally:
        store.close()


def _list(store: Any, args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    now = datetime.now(UTC)
    ops = store.list()
    if getattr(store, "offline", False):
        print(
            f"the store server cannot be reached ({store.problem}): these are this till's "
            "copy of the store's operators",
            file=sys.stderr,
        )
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "name": o.name,
                        "role": o.role,
                        "failures": o.failures,
                        "locked_until": o.locked_until.isoformat() if o.locked_at(now) else None,
                    }
                    for o in ops
                ],
                ensure_ascii=False,
            )
        )
        return 0
    if not ops:
        print("no operators: nobody signs in at this till (add a manager to start)")
    for o in ops:
        lock = f"  locked until {o.locked_until.astimezone():%H:%M}" if o.locked_at(now) else ""
        print(f"{o.name:<20} {o.role}{lock}")
    return 0


def register(subparsers: Any) -> None:
    from cashier_app.operators import ROLES

    p = subparsers.add_parser(
        "operator",
        help="operator accounts: PIN sign-in, cashier and manager roles",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = p.add_subparsers(dest="op_command", metavar="ACTION", required=True)
    q = sub.add_parser("list", help="list operators (and who is locked out)")
    q.add_argument("--json", action="store_true", help="print JSON")
    for name, text in (
        ("add", "add an operator (the first one must be a manager)"),
        ("set-pin", "set an operator's new PIN (also unlocks)"),
        ("set-role", "make an operator a cashier or a manager"),
        ("unlock", "lift an operator's lock-out now"),
        ("remove", "remove an operator"),
    ):
        q = sub.add_parser(name, help=text, description=text)
        q.add_argument("name", metavar="NAME")
        if name in ("add", "set-role"):
            q.add_argument("--role", choices=ROLES, required=name == "set-role", default="cashier")
        add_operator_options(q)
    for q in sub.choices.values():
        q.set_defaults(run=_run)
