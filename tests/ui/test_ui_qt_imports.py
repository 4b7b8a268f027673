"""PySide's ``__feature__`` import hook is dropped (the cashier selects no feature), and
only PySide's: another hook in its place is left alone."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import cashier_app

SCRIPT = textwrap.dedent("""
    import builtins
    import PySide6.QtCore
    installed = builtins.__import__.__name__
    from cashier_app.ui import qt_imports
    dropped = builtins.__import__ is builtins.__orig_import__
    import json  # imports work as before
    from PySide6.QtWidgets import QApplication  # and Qt's too
    app = QApplication(["t"])

    def other(*args, **kwargs):
        return builtins.__orig_import__(*args, **kwargs)

    builtins.__import__ = other
    left = qt_imports.drop_feature_import_hook() is False and builtins.__import__ is other
    print(installed, dropped, left, type(app).__name__)
""")


def test_pysides_import_hook_is_dropped_and_no_other():
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert proc.stdout.split() == ["__feature_import__", "True", "True", "QApplication"], (
        proc.stderr
    )


def test_no_module_of_ours_selects_a_pyside_feature():
    """What makes dropping the hook safe: no ``from __feature__ import ...`` anywhere."""
    root = Path(cashier_app.__file__).parent
    users = [
        str(p.relative_to(root))
        for p in root.rglob("*.py")
        if "__feature__" in p.read_text(encoding="utf-8") and p.name != "qt_imports.py"
    ]
    assert users == []
