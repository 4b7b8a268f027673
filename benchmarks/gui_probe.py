"""A fresh GUI process that reports when its window is first painted, then exits at once:
``python -m benchmarks.gui_probe app|bare``. ``app`` runs ``cashier --lang en`` itself
(``cli/gui.py``); ``bare`` is the baseline, a bare PySide6 main window at the same size.
Prints ``painted <seconds since the interpreter started>``; the parent times the whole
process from spawn to that line.
"""

from __future__ import annotations

import os
import sys
import time


def _report_first_paint(window: object) -> None:
    from PySide6.QtCore import QEvent, QObject

    class Painted(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if obj is window and event.type() == QEvent.Type.Paint:
                # on screen: report and leave without the teardown (not part of start-up)
                sys.stdout.write(f"painted {time.perf_counter():.4f}\n")
                sys.stdout.flush()
                os._exit(0)
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
        _report_first_paint(window)
        window.show()
        return int(app.exec())
    # the real `cashier --lang en`: its parser, logging, crash handler and window placement;
    # only the call that shows the window is wrapped, to watch for its first paint
    from cashier_app.cli import gui
    from cashier_app.cli import main as cashier

    show = gui.show_main_window

    def show_and_watch(window: object) -> None:
        _report_first_paint(window)
        show(window)

    gui.show_main_window = show_and_watch
    return cashier(["gui", "--lang", "en"])


if __name__ == "__main__":
    raise SystemExit(main())
