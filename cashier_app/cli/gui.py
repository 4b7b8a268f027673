"""``cashier gui [--profile NAME] [--lang en|zh_CN] [--self-test]``: the cashier window (the
default command), or its offscreen self-test (ui/self_test.py)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # PySide6 is imported only when a window opens
    from PySide6.QtWidgets import QWidget

    from cashier_app.app import AppBackend
    from cashier_app.keystore.profiles import ProfileStore
    from cashier_app.keystore.store import KeyStore
    from cashier_app.ui.ports import Services


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "gui",
        help="open the cashier window (default)",
        description="Open the cashier window. With no profile it uses the active one; on "
        "first start that is the embedded sandbox, which needs no account.",
    )
    parser.add_argument(
        "--profile",
        metavar="NAME",
        default=None,
        help="merchant profile to use (default: the active profile)",
    )
    parser.add_argument(
        "--lang",
        metavar="LANG",
        default=None,
        help="interface language for this run: en or zh_CN (default: the one chosen in "
        "Setup > Language, else the system's)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation offscreen (window, embedded sandbox, "
        "key store, one signed payment, translations) and exit",
    )
    # cli.main holds the garbage collector back until the window's first paint (started)
    parser.set_defaults(run=run, starts_up=True)


def gui_language(text: str | None) -> str | None:
    """``--lang`` checked (None: the system's); CliError when Qt cannot start or the
    language is not one the GUI speaks."""
    from cashier_app.cli import CliError

    try:
        from cashier_app.ui import i18n
    except ImportError as exc:  # Qt missing or its system libraries not installed
        raise CliError.of("gui_cannot_start_run_make_system", exc=exc, exit_code=1) from None
    try:
        return i18n.normalise_language(text) if text else None
    except i18n.TranslationError as exc:
        raise CliError.of("error", error=exc) from None


def run(args: argparse.Namespace) -> int:
    from cashier_app.cli import started

    if args.self_test:
        started()
        from cashier_app.ui import self_test

        return self_test.run(gui_language(args.lang) or "en")

    from cashier_app.support import qt_preload

    qt_preload.start()  # while this thread imports PySide6 (gui_language)
    return open_window(args.profile, gui_language(args.lang))


def open_window(profile: str | None, lang: str | None, *, demo: Any = None) -> int:
    """Run the cashier window until it closes; with ``demo`` (``checkout.demo.Demo``) it
    plays that demo on the embedded sandbox (``cashier demo FILE``)."""
    import sys

    from cashier_app.cli import CliError
    from cashier_app.ui import create_main_window, ensure_application, i18n

    try:
        app = ensure_application(sys.argv[:1], lang or startup_language())
    except i18n.TranslationError as exc:  # e.g. a broken install without its .qm
        raise CliError.of("error", error=exc, exit_code=1) from None
    from cashier_app.ui.crash import install_crash_handler

    install_crash_handler(app)  # uncaught exceptions: logged, and a copyable report shown
    backend = demo_backend() if demo is not None else DeferredBackend()
    try:
        if demo is not None:
            from cashier_app.app import EMBEDDED_PROFILE

            profile = EMBEDDED_PROFILE
        from cashier_app.support import qt_preload

        qt_preload.settle()  # its fontconfig before the window's first text (if started)
        window = create_main_window(profile, backend=backend)
        # The start-up makes a heap of long-lived objects, PySide's types and our modules
        # first, and the cyclic garbage collector went through them again and again as it
        # grew (1.5% of the start-up's instructions) to find almost nothing: cli.main holds
        # it back until the window has painted its first frame.
        from cashier_app.cli import started

        window.first_painted.connect(started)
        if demo is not None:
            from cashier_app.ui.demo_player import DemoPlayer

            DemoPlayer(window, demo)  # a child of the window; starts once the services are up
        show_main_window(window)
        return int(app.exec())
    finally:
        backend.discard()


class DeferredBackend:
    """The composition root's ``app.AppBackend()`` (``ui.ports.Backend``), made on its
    first use: that is the worker building the services after the first paint, so
    ``cashier_app.app`` (its dataclasses and what it imports) does not load before the
    window is on screen."""

    def __init__(self) -> None:
        import threading

        self._lock = threading.Lock()
        self._backend: AppBackend | None = None

    def _real(self) -> AppBackend:
        with self._lock:  # the GUI thread and a worker may both come first
            if self._backend is None:
                from cashier_app.app import AppBackend

                self._backend = AppBackend()
            return self._backend

    def build_services(
        self, profile_name: str | None, *, keystore_passphrase: bytes | None = None
    ) -> Services:
        return self._real().build_services(profile_name, keystore_passphrase=keystore_passphrase)

    def open_keystore(self, passphrase: bytes | None = None) -> KeyStore:
        return self._real().open_keystore(passphrase)

    def profile_store(self) -> ProfileStore:
        return self._real().profile_store()

    def discard(self) -> None:
        if self._backend is not None:
            self._backend.discard()


def demo_backend() -> Any:
    """What a GUI demo runs on: the embedded sandbox with a journal of its own in a
    temporary folder (its sales never reach the operator's journal, History or end of
    day); ``discard()`` removes the folder."""
    import tempfile
    from pathlib import Path

    from cashier_app.app import AppBackend

    folder = Path(tempfile.mkdtemp(prefix="cashier-demo-"))
    return AppBackend(journal_path=folder / "journal.sqlite3")


def startup_language() -> str:
    """The language chosen in Setup → Language, else the system's (``--lang`` wins)."""
    from cashier_app.support import settings
    from cashier_app.ui import i18n

    return settings.saved_language() or i18n.system_language()


def show_main_window(window: QWidget) -> None:
    """Open the cashier window at 1280x800 where the screen has room, else maximised
    within the screen's available geometry (a 1366x768 or 1024x600 till)."""
    from PySide6.QtCore import QSize

    from cashier_app.ui import screen_fit

    wanted = QSize(1280, 800)
    screen_fit.place(window, wanted)
    if screen_fit.fits(window, wanted):
        window.show()
    else:
        window.showMaximized()
