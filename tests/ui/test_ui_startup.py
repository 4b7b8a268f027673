"""Start-up order: the first paint shows the order page, before the services and the other
sale pages; the QA console, the history and report pages and the customer display are built
(and their modules imported) only when first opened, and still show everything."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading

from PySide6.QtCore import Qt
from sale_steps import to_redirect


def test_the_services_start_after_the_window_is_on_screen(make_window, monkeypatch):
    """Before the first paint there is only the order page; the services then start on
    a worker, and the other sale pages follow."""
    from cashier_app.app import build_services
    from cashier_app.ui import main_window

    windows: list = []
    seen: list[tuple[bool, bool]] = []
    real_init = main_window.MainWindow.__init__

    def init(self, *args, **kwargs):
        windows.append(self)
        real_init(self, *args, **kwargs)
        seen.append((self._sale_pages is None, self._painted))  # at the end of __init__

    def factory(profile_name):
        seen.append(
            (windows[0]._painted, threading.current_thread() is not threading.main_thread())
        )
        return build_services(profile_name)

    monkeypatch.setattr(main_window.MainWindow, "__init__", init)
    window = make_window(factory=factory)
    assert seen == [(True, False), (True, True)]  # built bare; started painted, on a worker
    assert window.stack.currentWidget() is window.order_page


def test_the_qa_console_is_built_when_first_opened_with_what_came_before(make_window, qtbot):
    window = make_window()
    with qtbot.waitSignal(window.gateway_checked, timeout=30_000):
        pass  # the start-up probe: one signed exchange, before the console exists
    assert not window.qa.built
    qtbot.keyClick(window, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window.qa.built and window.qa_dock.isVisible())
    console = window.qa_dock.console
    assert console.exchanges.rowCount() >= 1  # the probe, recorded before the console
    assert window.findChild(object, "qaConsoleAction").isChecked()
    before = console.exchanges.rowCount()
    to_redirect(qtbot, window, "4.20")
    qtbot.waitUntil(lambda: console.exchanges.rowCount() > before, timeout=15_000)  # live
    window.qa_dock.close()  # its own close button unchecks the action
    qtbot.waitUntil(lambda: not window.findChild(object, "qaConsoleAction").isChecked())


PROBE = textwrap.dedent("""
    import builtins, json, sys
    import PySide6.QtCore
    from PySide6.QtCore import QEvent, QObject, QTimer
    from cashier_app.ui import create_main_window, ensure_application

    LAZY = ("cashier_app.ui.qa.console", "cashier_app.ui.pages.history_page",
            "cashier_app.ui.pages.report_page", "cashier_app.ui.customer_display")
    EARLY = ("cashier_app.domain.records", "cashier_app.domain.operators",
             "cashier_app.ui.dialogs.crash_dialog", "cashier_app.ui.reasons",
             # the first paint is the order page alone: the other pages, the sale flow,
             # the starting page and its type-ahead, what charging needs come after it
             "cashier_app.ui.pages.picker_page", "cashier_app.ui.pages.redirect_page",
             "cashier_app.ui.pages.result_page", "cashier_app.ui.pages.scan_page",
             "cashier_app.ui.pages.starting_page", "cashier_app.ui.typeahead",
             "cashier_app.ui.sale_flow", "cashier_app.domain.payment_kit",
             "cashier_app.ui.dialogs.questions", "PySide6.QtSvg",
             # secrets pulls in hmac and OpenSSL for a 4-digit reference suffix
             "secrets", "hmac")
    app = ensure_application(["cashier"], "en")
    window = create_main_window(None)
    window.resize(1280, 800)
    out = {"at_create": [m for m in ("cryptography", "httpx", "sqlite3") if m in sys.modules]}

    def ready(_services):
        out["at_ready"] = [m for m in LAZY if m in sys.modules]
        window.open_extra_page("history")
        window.qa_dock.show()
        out["after_opening"] = [m for m in LAZY if m in sys.modules]
        out["history_shown"] = window.stack.currentWidget().objectName()
        window.close()
        app.quit()

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if obj is window and event.type() == QEvent.Type.Paint and "painted" not in out:
                # PySide builds the Python types of Qt's enums on first use: a sixth of a
                # bare window's start-up, so not before the window is on screen
                out["painted"] = {"qt_enums_built": "Qt" in PySide6.QtCore.__dict__}
                # nor the Python types of classes the first frame does without: a number
                # given to setProperty sets up QByteArray's, the page's scroll bar
                # QAbstractSlider's (the QA console's room, which waits for the console)
                out["types"] = sorted(
                    name
                    for name, module in (("QByteArray", PySide6.QtCore),
                                         ("QScrollBar", PySide6.QtWidgets),
                                         ("QAbstractSlider", PySide6.QtWidgets))
                    if name in module.__dict__
                )
                page = window.order_page
                out["on_screen"] = [page.objectName(), page.amount_input.isVisible(),
                                    page.charge_button.text(), page.charge_button.isEnabled()]
                # PySide's __feature__ import hook read the source of every module imported
                # after it; the payment records (dataclasses), the crash dialog and the PIN
                # entry come after the paint
                out["hook"] = builtins.__import__ is not getattr(
                    builtins, "__orig_import__", builtins.__import__)
                out["early"] = [m for m in EARLY if m in sys.modules]
            return False

    first_paint = FirstPaint()
    window.installEventFilter(first_paint)
    window.services_ready.connect(ready)
    window.services_failed.connect(lambda message: (out.update(failed=message), app.quit()))
    QTimer.singleShot(60_000, app.quit)
    window.show()
    app.exec()
    print(json.dumps(out))
""")


def test_a_fresh_window_imports_the_console_and_extra_pages_only_when_opened():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, env=env
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert "failed" not in out, out
    assert out["at_create"] == []  # crypto, HTTP and SQLite load on the worker, after paint
    assert out["painted"] == {"qt_enums_built": False}
    assert out["types"] == []
    assert out["on_screen"] == ["orderPage", True, "Starting…", False]  # typing, no Charge
    assert out["hook"] is False and out["early"] == []
    assert out["at_ready"] == []
    assert "cashier_app.ui.qa.console" in out["after_opening"]
    assert "cashier_app.ui.pages.history_page" in out["after_opening"]
    assert "cashier_app.ui.pages.report_page" not in out["after_opening"]  # never opened


def test_the_starting_page_is_centred_without_qt_enums(qtbot):
    """The stylesheet centres its labels (qproperty-alignment) and stretches its bar and
    button: the same page as with setAlignment, built without Qt's enums."""
    from PySide6.QtCore import Qt

    from cashier_app.ui.pages.starting_page import StartingPage

    page = StartingPage()
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show_failure("the journal cannot be opened")
    page.show()
    qtbot.waitExposed(page)
    for label in (page.logo, page.title, page.detail):
        assert label.alignment() == Qt.AlignmentFlag.AlignCenter, label.objectName()
    middle = page.retry_button.geometry().center().x()
    assert abs(middle - page.width() // 2) <= 2
    page.show_starting()
    qtbot.waitUntil(lambda: page.progress.isVisible())
    qtbot.waitUntil(lambda: abs(page.progress.geometry().center().x() - page.width() // 2) <= 2)


def test_the_qt_values_set_before_the_first_paint_are_qts_own(qtbot):
    """ui/qt_imports.py's enum values (set as properties before the first paint) are the
    ``Qt`` enums they stand for, and the order page has what they set."""
    from PySide6.QtCore import Qt

    from cashier_app.ui import qt_imports
    from cashier_app.ui.pages.order_page import OrderPage

    def flags(names: str) -> Qt.AlignmentFlag:
        value = Qt.AlignmentFlag(0)
        for name in names.split("|"):
            value |= Qt.AlignmentFlag[name]  # a KeyError: not one of Qt's names
        return value

    right = Qt.AlignmentFlag.AlignRight
    assert flags(qt_imports.ALIGN_RIGHT) == right
    assert flags(qt_imports.ALIGN_RIGHT_VCENTER) == right | Qt.AlignmentFlag.AlignVCenter
    assert Qt.FocusPolicy[qt_imports.NO_FOCUS] == Qt.FocusPolicy.NoFocus
    page = OrderPage()
    qtbot.addWidget(page)
    assert page.amount_input.alignment() == right | Qt.AlignmentFlag.AlignVCenter
    assert page.preview_label.alignment() == right
    assert page.keypad.button("7").focusPolicy() == Qt.FocusPolicy.NoFocus


def test_the_first_paint_speaks_chinese(qtbot, cashier_app):
    """zh_CN: the order page of the first paint, before the services, is in Chinese."""
    from cashier_app.ui import i18n
    from cashier_app.ui.pages.order_page import OrderPage

    i18n.install(cashier_app, "zh_CN")
    try:
        page = OrderPage()
        qtbot.addWidget(page)
        page.set_starting(True)
        assert page.amount_caption.text() == "金额"  # the currency is not known yet
        assert page.charge_button.text() == "启动中…"
        page.set_starting(False)
        page.set_currency("JPY")
        assert page.amount_caption.text() == "金额（JPY）"
        assert page.charge_button.text() == "收款"
    finally:
        i18n.install(cashier_app, "en")


FIRST_PAINT = textwrap.dedent("""
    import gc, os, sys
    from cashier_app.cli import gui, main

    LATER = ("platformdirs", "cashier_app.app", "dataclasses", "datetime", "secrets",
             "cashier_app.domain.money", "cashier_app.domain.limits",
             "cashier_app.ui.pages.starting_page", "cashier_app.ui.sale_flow",
             "sqlite3", "cryptography", "httpx", "keyring", "PySide6.QtSvg",
             # no settings file yet: nothing for json to read; the UI's typing Protocols
             "json", "cashier_app.ui.ports")
    # Qt classes whose Python types PySide sets up on first use (their enums included)
    FIRST_PAINT_WITHOUT = ("QIcon", "QKeySequence", "QPainter")
    show = gui.show_main_window

    def watch(window):
        from PySide6.QtCore import QEvent, QObject

        class FirstPaint(QObject):
            def eventFilter(self, obj, event):
                if obj is window and event.type() == QEvent.Type.Paint:
                    import PySide6.QtGui
                    types = [n for n in FIRST_PAINT_WITHOUT if n in PySide6.QtGui.__dict__]
                    print(sorted(m for m in LATER if m in sys.modules), types, flush=True)
                    print("collector", gc.isenabled(), flush=True)
                    window.removeEventFilter(self)
                return False

        def painted():
            print("collector", gc.isenabled(), flush=True)
            os._exit(0)

        window._first_paint = FirstPaint()
        window.installEventFilter(window._first_paint)
        window.first_painted.connect(painted)
        show(window)

    gui.show_main_window = watch
    main(["gui", "--lang", "en"])
""")


def test_cashier_gui_imports_only_what_its_first_paint_needs(tmp_path):
    """The real ``cashier gui`` up to its first paint (what benchmarks/gui_probe.py times):
    the composition root, the folders' platformdirs, dataclasses and datetime, money and
    limits (the first key), the sale flow, json (no settings file to read), and the
    Python types of QIcon (a 151-member enum), QKeySequence (the shortcuts are set
    after the paint) and QPainter (Qt paints the first frame; a status text only paints
    with it when its full form does not fit) all wait. Python's cyclic garbage collector
    waits too (start-up makes a heap of long-lived objects, PySide's first: collecting
    them over and over was 1.5% of the start), and runs again once the window is up."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CASHIER_", "XDG_"))}
    env.update(HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT], capture_output=True, text=True, timeout=120, env=env
    )
    assert proc.stdout.strip().splitlines() == [
        "[] []",
        "collector False",  # at the first paint
        "collector True",  # once the window is up (first_painted)
    ], proc.stderr
