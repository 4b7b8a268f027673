"""The ``cashier`` command: GUI by default, plus headless sub-commands.

Each sub-command lives in its own module under ``cashier_app/cli/`` and exposes
``register(subparsers)``; modules import their heavy dependencies inside their run
functions so that ``cashier pay`` never imports Qt.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections.abc import Sequence

from cashier_app.domain.errors import CashierError

#: When the ``cashier`` command's own code began (``cashier pay --timings`` counts from it).
STARTED = time.perf_counter()

#: Sub-command modules, in the order ``cashier --help`` lists them.
COMMAND_MODULES = (
    "gui", "sandbox", "pay", "profile", "keys", "history", "refund", "recover", "report",
    "receipt", "paykit", "doctor",
)  # fmt: skip


class CliError(CashierError):
    """A user-facing error: printed as one line, exit status ``exit_code`` (2 = bad
    arguments)."""

    layer = "cli"

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class _Parser(argparse.ArgumentParser):
    """argparse, but a bad argument gives one line naming it, then exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or with ``only`` just that sub-command: each one costs its
    imports and argparse's look-ups of translations, a good part of a headless run."""
    from cashier_app import __version__

    parser = _Parser(prog="cashier", description="Desktop cashier for Alipay and Alipay+ "
                     "wallets (Antom gateway), with an embedded sandbox.")
    parser.add_argument("--version", action="version", version=f"cashier {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in (only,) if only in COMMAND_MODULES else COMMAND_MODULES:
        try:
            module = importlib.import_module(f"cashier_app.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"cashier_app.cli.{name}":
                continue  # not built yet
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0].startswith("--profile") or args_list[0] in ("--lang",):
        args_list = ["gui", *args_list]
    parser = build_parser(args_list[0])
    args = parser.parse_args(args_list)
    run = getattr(args, "run", None)
    if run is None:
        parser.print_help()
        return 2
    try:
        return int(run(args) or 0)
    except CliError as exc:
        print(f"cashier {args.command}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
