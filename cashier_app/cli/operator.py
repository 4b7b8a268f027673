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
from cashier_app.cli.text import pad, t

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

        pin = getpass.getpass(t("New PIN for %1 (4-12 digits): ", name))
        check_pin(pin)
        if getpass.getpass(t("Once more: ")) != pin:
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
            print(t("operator %1 added (%2)", op.name, role_text(op.role)))
        elif args.op_command == "set-pin":
            store.set_pin(args.name, _new_pin(args.name))
            print(t("PIN of %1 changed", args.name))
        elif args.op_command == "set-role":
            op = store.set_role(args.name, args.role)
            print(t("%1 is now a %2", op.name, role_text(op.role)))
        elif args.op_command == "unlock":
            store.unlock(args.name)
            print(t("%1 unlocked", args.name))
        elif args.op_command == "remove":
            store.remove(args.name)
            print(t("operator %1 removed", args.name))
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
            t(
                "the store server cannot be reached (%1): these are this till's copy of the "
                "store's operators",
                getattr(store, "why_down", None) or store.problem,
            ),
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
        print(t("no operators: nobody signs in at this till (add a manager to start)"))
    for o in ops:
        until = f"{o.locked_until.astimezone():%H:%M}" if o.locked_at(now) else ""
        lock = t("  locked until %1", until) if until else ""
        print(f"{pad(o.name, 20)} {role_text(o.role)}{lock}")
    return 0


def role_text(role: str) -> str:
    """An operator's role in the operator's language (``cashier``, ``manager``)."""
    return {"cashier": t("cashier"), "manager": t("manager")}.get(role, role)


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
