"""A fresh GUI process that reports when its window is first painted, then exits at once:
``python -m benchmarks.gui_probe app|bare``. ``app`` starts the cashier window the way
``cashier`` (``cli/gui.py``) does; ``bare`` is the baseline, a bare PySide6 main window.
Prints ``painted <seconds since the interpreter started>``; the parent times the whole
process from spawn to that line.
"""

from __future__ import annotations

import os
import sys
import time


def main() -> int:
    kind = sys.argv[1]
    if kind == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(["bare"])
        window = QMainWindow()
    else:
        from cashier_app.ui import create_main_window, ensure_application

        app = ensure_application(["cashier"], "en")
        window = create_main_window(None)
    window.resize(1280, 800)
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
    window.installEventFilter(painted)
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())
