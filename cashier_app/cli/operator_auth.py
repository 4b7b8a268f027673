"""Who runs a CLI command, once operators are set up: ``--operator NAME`` and a PIN.

The PIN is never an argument (it would sit in the shell history and in ``ps``): it is typed
at a prompt that does not echo, or, for scripts, read from the environment variable
``CASHIER_PIN`` (and ``CASHIER_MANAGER_PIN`` for ``--approved-by``). With no operators set
up nothing is asked, as before.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Callable
from typing import Any

from cashier_app.cli import CliError
from cashier_app.cli.text import t

PIN_ENV = "CASHIER_PIN"
MANAGER_PIN_ENV = "CASHIER_MANAGER_PIN"


def add_operator_options(p: argparse.ArgumentParser, *, approval: bool = False) -> None:
    p.add_argument(
        "--operator",
        metavar="NAME",
        help=f"who runs this, once operators are set up (PIN: prompt, or ${PIN_ENV})",
    )
    if approval:
        p.add_argument(
            "--approved-by",
            metavar="MANAGER",
            help="the manager who approves, when --operator is a cashier "
            f"(PIN: prompt, or ${MANAGER_PIN_ENV})",
        )


def read_pin(name: str, env: str = PIN_ENV) -> str:
    """The PIN of ``name``: ``$env`` when set, else typed at a terminal without echo."""
    pin = os.environ.get(env)
    if pin is not None:
        return pin
    if not sys.stdin.isatty():
        raise CliError.of("no_pin_type_terminal_set", name=name, env=env)
    import getpass

    try:
        return getpass.getpass(t("PIN for %1: ", name))
    except (EOFError, KeyboardInterrupt):
        raise CliError.of("no_pin", name=name, exit_code=1) from None


def _entry(name: str | None, env: str) -> Any:
    from cashier_app.operators import PinEntry

    assert name
    return PinEntry(name, read_pin(name, env))


def sign_in(args: argparse.Namespace, session: Any) -> None:
    """Sign ``--operator`` in on ``session`` when operators are set up (CliError if not
    given, or a wrong PIN, or locked)."""
    from cashier_app.operators import OperatorError

    if session is None or not session.required():
        return
    if not getattr(args, "operator", None):
        raise CliError.of("operators_are_set_up_here_name")
    try:
        session.sign_in(_entry(args.operator, PIN_ENV))
    except OperatorError as exc:
        raise CliError.of("error", error=exc, exit_code=1) from None


def approval(args: argparse.Namespace, session: Any) -> Any:
    """The manager's PinEntry for an act that needs one (None with no operators set up):
    ``--approved-by`` with its PIN, else the signed-in ``--operator`` again."""
    if session is None or not session.required():
        return None
    manager = getattr(args, "approved_by", None)
    if manager:
        return _entry(manager, MANAGER_PIN_ENV)
    current = session.current
    if current is None or not current.is_manager:
        raise CliError.of("manager_s_pin_needed_run_manager", exit_code=1)
    return _entry(current.name, PIN_ENV)


def manager_only(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """``run`` after a manager's PIN, once operators are set up (changes of profiles, keys
    and operators)."""

    @functools.wraps(run)
    def guarded(args: argparse.Namespace) -> int:
        require_manager(args)
        return run(args)

    return guarded


def require_manager(args: argparse.Namespace) -> str:
    """The manager's name after their PIN ("" with no operators set up)."""
    from cashier_app.app import open_session
    from cashier_app.checkout.errors import ApprovalRequired
    from cashier_app.checkout.operators import SETUP
    from cashier_app.operators import OperatorError

    session = open_session()
    try:
        if not session.required():
            return ""
        if not getattr(args, "operator", None):
            raise CliError.of("operators_are_set_up_here_manager", exit_code=1)
        try:
            return session.approve(_entry(args.operator, PIN_ENV), SETUP)
        except (OperatorError, ApprovalRequired) as exc:
            raise CliError.of("error", error=exc, exit_code=1) from None
    finally:
        assert session.store is not None
        session.store.close()
