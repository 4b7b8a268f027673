"""Crash reports: an exception raised in a slot (GUI thread), in a task nobody handles, or
in another thread opens one dialog with a copyable, redacted report and writes it to the
log; the sale in flight stays consistent in the journal and still completes. And About."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from cryptography.hazmat.primitives import serialization
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from sale_steps import to_redirect

from cashier_app import version
from cashier_app.domain.outcome import Status
from cashier_app.gateway.signing import generate_private_key
from cashier_app.support import logs, paths
from cashier_app.ui.crash import install_crash_handler

pytestmark = pytest.mark.qt_no_exception_capture  # the crash handler is what catches them


@pytest.fixture
def crash(tmp_path):
    """The app's crash handler and its log file; both removed afterwards."""
    path = logs.setup(path=tmp_path / "logs" / "cashier.log")
    handler = install_crash_handler(QApplication.instance())
    yield handler, path
    handler.uninstall()
    if handler.dialog is not None:
        handler.dialog.close()
    logs.reset()


def _pem() -> str:
    return (
        generate_private_key()
        .private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        .decode()
    )


def test_raising_in_a_slot_mid_sale_reports_and_the_sale_still_completes(crash, make_window, qtbot):
    handler, log_path = crash
    window = make_window()
    to_redirect(qtbot, window)
    record = window.redirect_page.record
    assert record is not None and record.status is Status.PENDING
    pem = _pem()

    def buggy_slot() -> None:
        raise RuntimeError(f"bug while rendering; key was {pem}")

    window.display_action.toggled.connect(buggy_slot)  # a real action's signal, a bad slot
    with qtbot.waitSignal(handler.crash_reported, timeout=5000):
        window.display_action.toggle()
    dialog = handler.dialog
    qtbot.waitUntil(lambda: dialog.isVisible())
    report = dialog.report_text()
    assert "RuntimeError: bug while rendering" in report and "buggy_slot" in report
    assert f"Version: cashier {version()}" in report and "Platform: " in report
    assert "Qt: 6." in report and "PySide6: 6." in report and "Where: GUI thread" in report
    assert "Profile: sandbox (embedded-sandbox)" in report
    assert "BEGIN PRIVATE KEY" not in report and pem.splitlines()[2] not in report
    assert "[redacted: private key material]" in report
    qtbot.mouseClick(dialog.copy_button, qtbot_left())
    assert QGuiApplication.clipboard().text() == report
    text = log_path.read_text(encoding="utf-8")
    assert "CRITICAL" in text and "uncaught exception (GUI thread)" in text
    assert "RuntimeError: bug while rendering" in text and pem.splitlines()[2] not in text

    # the sale in flight is intact: the customer pays, the till shows it, the journal agrees
    qtbot.mouseClick(dialog.continue_button, qtbot_left())
    window.display_action.toggled.disconnect(buggy_slot)
    with qtbot.waitSignal(window.flow.sale_settled, timeout=20_000) as settled:
        window.services.simulator.approve(record.payment_id)
    assert settled.args[0].status is Status.SUCCESS
    assert window.services.journal.get_payment(record.payment_request_id).status is Status.SUCCESS


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_an_unhandled_task_error_and_a_thread_error_share_one_dialog(crash, make_window, qtbot):
    handler, log_path = crash
    window = make_window()

    def failing_job() -> None:
        raise KeyError("no such column")

    with qtbot.waitSignal(handler.crash_reported, timeout=5000):
        window.tasks.run("report:bug", failing_job)  # no on_error: nobody handles it
    assert "KeyError: 'no such column'" in handler.dialog.report_text()
    assert "in task 'report:bug'" in handler.dialog.report_text()

    def thread_body() -> None:
        raise OSError("printer port vanished")

    with qtbot.waitSignal(handler.crash_reported, timeout=5000):
        thread = threading.Thread(target=thread_body, name="printer")
        thread.start()
        thread.join()
    report = handler.dialog.report_text()
    assert "OSError: printer port vanished" in report and "Where: thread printer" in report
    assert len(handler.dialog.reports) == 2  # one dialog, both reports

    # the same error in a loop is counted, not stacked
    with qtbot.waitSignal(handler.crash_reported, timeout=5000):
        window.tasks.run("report:bug", failing_job)
    assert len(handler.dialog.reports) == 2 and handler.dialog.repeats == 1
    assert log_path.read_text().count("KeyError: 'no such column'") == 2  # report + repeat


def test_quit_from_the_crash_dialog_leaves_a_consistent_journal(crash, make_window, qtbot):
    handler, _ = crash
    window = make_window()
    to_redirect(qtbot, window)
    prid = window.redirect_page.record.payment_request_id

    def buggy_slot() -> None:
        raise ZeroDivisionError("division by zero in the receipt layout")

    window.display_action.toggled.connect(buggy_slot)
    with qtbot.waitSignal(handler.crash_reported, timeout=5000):
        window.display_action.toggle()
    window.close_guard.answer = "later"  # the closing question: quit, resume later
    qtbot.mouseClick(handler.dialog.quit_button, qtbot_left())
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.services is None  # closed the normal way: services and journal closed
    db = sqlite3.connect(paths.journal_path())
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute(
            "SELECT count(*) FROM payments WHERE payment_request_id = ?", (prid,)
        ).fetchone() == (1,)
    finally:
        db.close()


def test_about_shows_versions_profile_and_paths(make_window, qtbot):
    from cashier_app.support import about

    window = make_window()
    dialog = window.open_about_dialog()
    qtbot.waitUntil(dialog.isVisible)
    values = {k: v.text() for k, v in dialog.values.items()}
    qt, pyside = about.qt_versions()
    assert values["Version"] == f"cashier {version()}" and version() != "0+unknown"
    assert values["Qt"] == qt and values["PySide6"] == pyside and qt.startswith("6.")
    assert values["Profile"] == "sandbox (Embedded sandbox)"  # named as the status bar does
    assert "Profile: sandbox (embedded-sandbox)" in dialog.text()  # the report keeps the code
    assert values["Gateway"] == window.services.sandbox.url
    assert values["Data"] == str(paths.data_dir())
    assert values["Log"] == str(paths.log_path())
    qtbot.mouseClick(dialog.copy_button, qtbot_left())
    assert QGuiApplication.clipboard().text() == dialog.text()
    assert str(paths.log_path()) in dialog.text()
    dialog.close()


def test_the_version_comes_from_the_installed_metadata():
    from importlib.metadata import version as dist_version

    import cashier_app

    assert cashier_app.__version__ == version() == dist_version("cashier")
