"""Crash reports: an uncaught exception on the GUI thread (a slot, an event handler), in a
task nobody handles, or in any other thread is written to the log and shown in a dialog
with a copyable report (version, platform, traceback), redacted like the log.

The app keeps running: the journal commits every step before it is shown, so whatever was
in flight is still there, in a consistent state, for recovery. *Quit* closes the window the
normal way (asking first while a customer may be paying; services and journal closed);
*Continue* goes back to the till.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:  # the dialog (its Qt classes and enums) is built at the first crash
    from cashier_app.ui.dialogs.crash_dialog import CrashDialog

log = logging.getLogger("cashier_app.crash")


def build_report(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, where: str = ""
) -> str:
    """The report as plain text: what is running where, then the traceback; redacted."""
    from cashier_app.support import about, logs

    window = _main_window()
    services = getattr(window, "services", None) if window is not None else None
    profile = getattr(services, "profile", None)
    sandbox = getattr(services, "sandbox", None)
    head = [
        f"Cashier crash report, {time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime())} UTC",
        about.facts_text(profile, getattr(sandbox, "url", "") or ""),
    ]
    if where:
        head.append(f"Where: {where}")
    trace = "".join(traceback.format_exception(exc_type, exc, tb))
    return logs.redact("\n".join(head) + "\n\n" + trace)


def _main_window() -> Any:
    app = QApplication.instance()
    if not isinstance(app, QApplication):  # none yet (or a QCoreApplication: no windows)
        return None
    for widget in app.topLevelWidgets():
        if widget.objectName() == "mainWindow":
            return widget
    return None


class CrashHandler(QObject):
    """Installed as ``sys.excepthook`` and ``threading.excepthook``.

    Signals:
        crash_reported(str report): a report was logged (and shown, on the GUI thread).
    """

    crash_reported = Signal(str)
    _from_thread = Signal(str)  # queued onto the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: CrashDialog | None = None
        self._seen: dict[str, int] = {}
        self._previous = (sys.excepthook, threading.excepthook)
        # emitted only from threads other than the GUI thread, so the automatic connection
        # queues it onto the GUI thread (no Qt.ConnectionType: no Qt enums before the first
        # paint, and the handler is installed before it)
        self._from_thread.connect(self._show)

    def install(self) -> CrashHandler:
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        return self

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous[0](exc_type, exc, tb)
            return
        gui = QApplication.instance()
        on_gui = gui is not None and threading.current_thread() is threading.main_thread()
        where = "GUI thread" if on_gui else f"thread {threading.current_thread().name}"
        report = self._report(exc_type, exc, tb, where)
        if on_gui:
            self._show(report)
        else:
            self._from_thread.emit(report)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "?"
        report = self._report(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")
        self._from_thread.emit(report)

    def _report(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        where: str,
    ) -> str:
        try:
            report = build_report(exc_type, exc, tb, where)
        except Exception:  # the report itself must never be what crashes
            from cashier_app.support import logs

            report = logs.redact("".join(traceback.format_exception(exc_type, exc, tb)))
        trace = report.split("\n\n", 1)[-1]
        seen = self._seen.get(trace, 0) + 1
        self._seen[trace] = seen
        if seen == 1:
            log.critical("uncaught exception (%s)\n%s", where, report)
        elif seen & (seen - 1) == 0:  # a loop (a paint event, say): 2nd, 4th, 8th... time
            from cashier_app.support import logs

            line = traceback.format_exception_only(exc_type, exc)[0].strip()
            log.critical(
                "the same uncaught exception again (%s), %d times so far: %s",
                where,
                seen,
                logs.redact(line),
            )
        return report

    @Slot(str)
    def _show(self, report: str) -> None:
        if self.dialog is None:
            from cashier_app.ui.dialogs.crash_dialog import CrashDialog

            window = _main_window()
            self.dialog = CrashDialog(window)
            self.dialog.finished.connect(self._on_dialog_finished)
            self.dialog.quit_requested.connect(self._on_dialog_quit_requested)
        self.dialog.add_report(report)
        self.dialog.show()
        self.dialog.raise_()
        self.crash_reported.emit(report)

    @Slot()
    def _on_dialog_finished(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    @Slot()
    def _on_dialog_quit_requested(self) -> None:
        window = _main_window()
        if window is not None:
            # the normal way out: asks first while a customer may be paying, then closes the
            # services and the journal; the last window closed ends the app
            window.close()
        elif (app := QApplication.instance()) is not None:
            app.quit()


def install_crash_handler(app: QObject) -> CrashHandler:
    """Route every uncaught exception of this process to the log and the crash dialog."""
    return CrashHandler(app).install()
