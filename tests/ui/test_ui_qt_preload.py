"""support/qt_preload.py: Qt's libraries and fontconfig warmed on a worker while the GUI
thread imports PySide6, with nothing else changed: Qt's main thread is still the GUI
thread, Qt is loaded once, from PySide6, and text is laid out in the same fonts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

PROBE = textwrap.dedent("""
    import json, sys, threading
    from cashier_app.support import qt_preload

    worker = qt_preload.start() if sys.argv[1] == "preload" else None
    import PySide6.QtWidgets  # meanwhile, as `cashier gui` does
    from PySide6.QtCore import QThread
    from PySide6.QtGui import QFontInfo
    from PySide6.QtWidgets import QApplication, QLabel
    from cashier_app.ui import ensure_application

    if worker is not None:
        worker.join(30)
    app = ensure_application(["cashier"], "zh_CN")
    labels = [QLabel(text) for text in ("Amount 1,234.50", "金额（HKD）", "启动中…")]
    qt = sorted({line.split()[-1] for line in open("/proc/self/maps")
                 if "libQt6" in line or "abi3.so" in line})
    print(json.dumps({
        "worker": None if worker is None else [worker.daemon, worker.is_alive()],
        "gui_thread_is_qts": QThread.currentThread() is app.thread()
        and threading.current_thread() is threading.main_thread(),
        "qt_libraries": qt,
        "pyside": PySide6.__file__,
        "fonts": [[QFontInfo(label.font()).family(), label.sizeHint().width(),
                   label.sizeHint().height()] for label in labels],
    }))
""")


def _run(mode: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, mode], capture_output=True, text=True, timeout=120, env=env
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


WARM_ONLY = textwrap.dedent("""
    import json, sys
    from cashier_app.support import qt_preload

    worker = qt_preload.start()
    qt_preload.settle()  # what `cashier gui` does before the window's first text
    loaded = {line.split()[-1].rsplit("/", 1)[-1] for line in open("/proc/self/maps")}
    print(json.dumps({"settled": not worker.is_alive(),
                      "imported": sorted(m for m in sys.modules if m.startswith("PySide6")),
                      "loaded": sorted(loaded & {"libQt6Widgets.so.6", "QtWidgets.abi3.so",
                                                 "libfontconfig.so.1.12.0"})}))
""")

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="fontconfig and .so: Linux"
)


@linux_only
def test_the_worker_loads_qt_and_pysides_modules_without_importing_them():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", WARM_ONLY], capture_output=True, text=True, timeout=120, env=env
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["settled"] is True  # settle() waited for it (it was at its first load)
    assert out["imported"] == []  # PySide6's import is the GUI thread's, after
    assert "libQt6Widgets.so.6" in out["loaded"] and "QtWidgets.abi3.so" in out["loaded"]


@linux_only
def test_the_preload_changes_nothing_but_where_the_loading_happens():
    warmed, cold = _run("preload"), _run("cold")
    assert warmed["worker"] == [True, False]  # a daemon, done by the time Qt needs fonts
    assert warmed["gui_thread_is_qts"] is True
    installed = os.path.dirname(os.path.dirname(warmed["pyside"]))  # PySide6's, shiboken's
    assert warmed["qt_libraries"] == cold["qt_libraries"]  # each once, from PySide6
    assert all(path.startswith(installed) for path in warmed["qt_libraries"])
    assert warmed["fonts"] == cold["fonts"]  # the same families and sizes


def test_nothing_is_started_off_linux(monkeypatch):
    from cashier_app.support import qt_preload

    monkeypatch.setattr(sys, "platform", "win32")
    assert qt_preload.start() is None
