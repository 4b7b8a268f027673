"""A QGuiApplication for painting PDFs from the command line (offscreen when there is no screen).

Only the report/receipt writers use this; ``cashier pay`` never imports Qt.
"""

from __future__ import annotations

import os
import sys
from typing import Any

_app: Any = None  # keeps the application alive for the life of the process


def ensure_gui_app() -> Any:
    """The running QGuiApplication; create an (offscreen, if no screen) QApplication if none."""
    global _app
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    existing = QCoreApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise RuntimeError(
                "painting a PDF needs a QGuiApplication, but a plain "
                "QCoreApplication is already running"
            )
        return existing
    if not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ) and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    argv = [sys.argv[0] if sys.argv else "cashier"]
    try:  # a QApplication serves widgets too, should the same process open a window later
        from PySide6.QtWidgets import QApplication

        _app = QApplication(argv)
    except ImportError:
        _app = QGuiApplication(argv)
    return _app
