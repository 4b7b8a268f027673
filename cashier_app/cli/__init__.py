"""The ``cashier`` command: GUI by default, plus headless sub-commands.

Each sub-command lives in its own module under ``cashier_app/cli/`` and exposes
``register(subparsers)``; modules import their heavy dependencies inside their run
functions so that ``cashier pay`` never imports Qt.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import logging
import os
import sys
import time
from collections.abc import Iterator, Sequence

from cashier_app.cli.errors import CliError as CliError

#: When the ``cashier`` command's own code began (``cashier pay --timings`` counts from it).
STARTED = time.perf_counter()

#: Sub-command modules, in the order ``cashier --help`` lists them.
COMMAND_MODULES = (
    "gui", "sandbox", "pay", "profile", "keys", "operator", "history", "refund", "recover",
    "report", "receipt", "printer", "paykit", "scenario", "demo", "store", "doctor",
    "completion",
)  # fmt: skip


#: The one exit-status rule of every sub-command: 0 done (a payment: it succeeded);
#: 2 bad arguments or a damaged local file (the journal, the profiles file, a key file);
#: 1 anything else that stopped it (the payment did not succeed, the gateway, a full disk).
EXIT_BAD_INPUT = 2
EXIT_FAILED = 1


def exit_code_for(exc: BaseException) -> int:
    """EXIT_BAD_INPUT for a damaged local file or a bad value, else EXIT_FAILED."""
    from cashier_app.journal.errors import JournalError
    from cashier_app.keystore.profiles import ProfileError

    if isinstance(exc, JournalError):
        return EXIT_BAD_INPUT if exc.damaged else EXIT_FAILED
    if isinstance(exc, ProfileError):
        return EXIT_BAD_INPUT
    return EXIT_FAILED


def key_version_arg(text: str) -> str:
    """argparse ``type`` of every ``--key-version``: a positive whole number, so an empty
    or odd value is an argument error (exit 2), not a key that cannot be found later."""
    from cashier_app.keystore.profiles import ProfileError, check_key_version

    try:
        return check_key_version(text)
    except ProfileError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


class _Parser(argparse.ArgumentParser):
    """argparse, but a bad argument gives one line naming it, then exit 2; help and usage
    in the operator's language (cli/help_format.py, loaded only when one is printed)."""

    def format_help(self) -> str:
        with self._speaking():
            return super().format_help()

    def format_usage(self) -> str:
        with self._speaking():
            return super().format_usage()

    @contextlib.contextmanager
    def _speaking(self) -> Iterator[None]:
        """Format with the local formatter (argparse also makes a formatter for every
        ``add_argument``: those keep the plain one, so a run never loads the other)."""
        from cashier_app.cli.help_format import localised

        plain = self.formatter_class
        assert isinstance(plain, type) and issubclass(plain, argparse.HelpFormatter)
        self.formatter_class = localised(plain)
        try:
            yield
        finally:
            self.formatter_class = plain

    def error(self, message: str) -> None:  # type: ignore[override]
        from cashier_app.cli.text import t

        self.exit(2, t("%1: error: %2", self.prog, message) + "\n")


class _VersionAction(argparse.Action):
    """``--version``: the version is looked up only when asked for."""

    def __init__(
        self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: object
    ) -> None:
        super().__init__(
            option_strings,
            dest,
            nargs=0,
            default=argparse.SUPPRESS,
            help="print the version and exit",
        )

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from cashier_app import version

        parser.exit(0, f"cashier {version()}\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or with ``only`` just that sub-command: each one costs its
    imports and argparse's look-ups of translations, a good part of a headless run."""
    parser = _Parser(
        prog="cashier",
        description="Desktop cashier for Alipay and Alipay+ "
        "wallets (Antom gateway), with an embedded sandbox.",
    )
    parser.add_argument("--version", action=_VersionAction)
    # prog given: argparse would otherwise format a usage line to make it, on every run
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_Parser, prog="cashier"
    )
    for name in (only,) if only in COMMAND_MODULES else COMMAND_MODULES:
        # No skipping: a sub-command missing from an install or a bundle fails loudly.
        module = importlib.import_module(f"cashier_app.cli.{name}")
        module.register(sub)
    for command in sub.choices.values():
        command.add_argument(
            "-v",
            "--verbose",
            action="store_true",
            help="log everything (DEBUG) to the console as well as the log file",
        )
        _add_language_option(command)
    return parser


def _add_language_option(parser: argparse.ArgumentParser) -> None:
    """``--lang`` on ``parser`` and on its sub-commands' parsers (``scenario set``); main
    reads it before parsing, so that even argparse's own errors come in that language."""
    if "--lang" not in parser._option_string_actions:  # the GUI has its own
        parser.add_argument(
            "--lang",
            metavar="LANG",
            help="language of messages: en or zh_CN (default: Setup → Language, "
            "else LANG / LC_ALL)",
        )
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for nested in action.choices.values():
                _add_language_option(nested)


def _language_option(args: list[str]) -> tuple[list[str], str | None]:
    """``--lang X`` (or ``--lang=X``) wherever it is, and the arguments with a leading one
    moved after the sub-command (``cashier --lang zh_CN pay ...``)."""
    explicit = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            explicit = args[i + 1]
            break
        if arg.startswith("--lang="):
            explicit = arg.split("=", 1)[1]
            break
    lead = 2 if args[:1] == ["--lang"] else 1 if args[:1] and args[0].startswith("--lang=") else 0
    if lead and len(args) > lead:
        after = args[lead]
        if after in COMMAND_MODULES:
            args = [after, *args[:lead], *args[lead + 1 :]]
        elif after in ("-h", "--help", "--version"):  # `cashier --lang zh_CN --help`
            args = args[lead:]
    return args, explicit


#: The sub-command ``main`` ran (``entry`` lets the GUI leave the ordinary way).
_ran: str | None = None
#: True while ``main`` holds the cyclic garbage collector back for a command's start-up.
_held = False


def started() -> None:
    """The command has started (its imports done, its services up): the cyclic garbage
    collector runs again, over what is made from now on. ``main`` holds it back until then:
    a start-up makes a few hundred thousand objects, nearly none of them garbage, and the
    collector went through them some fifty times (a twentieth of a headless ``cashier
    pay``). A command whose sub-parser sets ``starts_up=True`` calls this itself; for every
    other one ``main`` does, before ``run``."""
    global _held
    if _held:
        _held = False
        # What the start-up made (modules, classes, functions: alive until the exit) is
        # moved out of the collector's sight; else the first collection after this one
        # would go through all of it once more.
        gc.freeze()
        gc.enable()


def entry(*, collector_held: bool = False) -> None:
    """The ``cashier`` command (console script, ``python -m cashier_app``, the bundle).

    ``main``, then, after a headless command, flush and leave without tearing the
    interpreter down: that teardown took 0.1-0.2 s of every ``cashier pay`` with nothing
    left to do (the command has closed its journal, sandbox and files; stdout, stderr and
    the log are flushed here). The GUI exits the ordinary way."""
    code = main(collector_held=collector_held)
    if _ran in ("gui", "demo"):  # a window may have run: leave the ordinary way
        raise SystemExit(code)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing to tell
            stream.flush()
    logging.shutdown()
    os._exit(code)


def main(argv: Sequence[str] | None = None, *, collector_held: bool = False) -> int:
    """Run one ``cashier`` command; ``collector_held``: the caller disabled the garbage
    collector for the start-up (``python -m cashier_app`` does, before any import)."""
    global _held
    _held = collector_held or gc.isenabled()
    gc.disable()
    try:
        return _main(argv)
    finally:
        started()


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    verbose = False
    while args_list and args_list[0] in ("-v", "--verbose"):  # `cashier -v pay ...`
        args_list.pop(0)
        verbose = True
    from cashier_app.cli import text

    args_list, explicit_lang = _language_option(args_list)
    text.set_language(text.choose_language(explicit_lang))
    if not args_list or (
        args_list[0].startswith("-") and args_list[0] not in ("-h", "--help", "--version")
    ):
        args_list = ["gui", *args_list]  # `cashier --lang zh_CN`, `cashier --self-test`
    parser = build_parser(args_list[0])
    args = parser.parse_args(args_list)
    global _ran
    _ran = args.command
    run = getattr(args, "run", None)
    if run is None:
        parser.print_help()
        return 2
    from cashier_app.support import logs

    logs.setup(verbose or bool(getattr(args, "verbose", False)))
    if not getattr(args, "starts_up", False):
        started()
    log = logging.getLogger("cashier_app.cli")
    log.debug("cashier %s (pid %d)", args.command, os.getpid())
    try:
        return int(run(args) or 0)
    except CliError as exc:
        log.warning("cashier %s: %s", args.command, exc)
        print(text.t("cashier %1: error: %2", args.command, text.error_text(exc)), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        log.info("cashier %s interrupted", args.command)
        return 130
    except BrokenPipeError:
        # the reader (`| head`, a pager) has gone: end quietly as a shell's tools do
        log.info("cashier %s: its output's reader has gone", args.command)
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the last flush
        return 141  # 128 + SIGPIPE, what a shell reports for a tool the pipe ended
    except Exception:
        log.exception("cashier %s failed with an unexpected error", args.command)
        raise
