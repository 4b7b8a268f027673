"""A fresh GUI process that reports when its window is first on screen, then exits at once:
``python -m benchmarks.gui_probe app|bare``. ``app`` runs ``cashier --lang en`` itself
(``cli/gui.py``); ``bare`` is the baseline, a bare PySide6 main window at the same size.
Prints ``painted <seconds since the interpreter started>``; the parent times the whole
process from spawn to that line.

What counts as on screen, for both alike: the whole first frame painted (the report is an
event posted from the window's paint, so it runs once that frame, children included, is
done). For the cashier that frame must show the order page, the amount field ready for
keys: a frame of anything else (a "Starting…" page, an empty window) does not count, and
the probe waits for the first frame that does.
"""

from __future__ import annotations

import os
import sys
import time

#: the widget that must be on screen in the cashier's first counted frame
ORDER_FIELD = "amountInput"


def _report_when_painted(window: object, *, needs: str | None = None) -> None:
    """Report once a frame of ``window`` is painted in which its child named ``needs`` (if
    given) is visible; until then, every paint of the window or that child is checked."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject
    from PySide6.QtWidgets import QWidget

    class Painted(QObject):
        watching_app = False

        def event(self, event: QEvent) -> bool:
            if event.type() == QEvent.Type.User:
                # the frame is painted: report and leave without the teardown
                sys.stdout.write(f"painted {time.perf_counter():.4f}\n")
                sys.stdout.flush()
                os._exit(0)
            return super().event(event)

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint:
                return False
            if needs is None:
                ready = obj is window
            else:
                child = window.findChild(QWidget, needs)  # type: ignore[attr-defined]
                ready = child is not None and child.isVisible()
                if not ready and not self.watching_app:
                    # not this frame: watch every paint from now on (the page may come
                    # later without the window itself repainting)
                    self.watching_app = True
                    QCoreApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
            if ready:
                window.removeEventFilter(self)  # type: ignore[attr-defined]
                QCoreApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
                QCoreApplication.postEvent(self, QEvent(QEvent.Type.User))
            return False

    painted = Painted()
    window.installEventFilter(painted)  # type: ignore[attr-defined]
    window._start_probe = painted  # type: ignore[attr-defined]  # kept alive


def main() -> int:
    kind = sys.argv[1]
    if kind == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(["bare"])
        window = QMainWindow()
        window.resize(1280, 800)
        _report_when_painted(window)
        window.show()
        return int(app.exec())
    # the real `cashier --lang en`: its parser, logging, crash handler and window placement;
    # only the call that shows the window is wrapped, to watch for its first paint
    from cashier_app.cli import gui
    from cashier_app.cli import main as cashier

    show = gui.show_main_window

    def show_and_watch(window: object) -> None:
        _report_when_painted(window, needs=ORDER_FIELD)
        show(window)

    gui.show_main_window = show_and_watch
    return cashier(["gui", "--lang", "en"])


if __name__ == "__main__":
    raise SystemExit(main())
