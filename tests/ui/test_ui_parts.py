"""The GUI's building blocks on their own: task runner, QR widget, translations, start-up."""

from __future__ import annotations

import threading
import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from cashier_app.domain.outcome import Status
from cashier_app.ui.i18n import TranslationError, normalise_language
from cashier_app.ui.tasks import TaskRunner
from cashier_app.ui.widgets.qr_code import QRCodeDataError, QRCodeWidget

# -- tasks ------------------------------------------------------------------------------


def test_task_result_arrives_on_the_gui_thread(qtbot, cashier_app):
    runner = TaskRunner()
    seen: list[tuple[object, bool]] = []
    gui = threading.current_thread()

    def work(x):
        assert threading.current_thread() is not gui
        return x * 2

    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        runner.run(
            "double",
            work,
            21,
            on_done=lambda r: seen.append((r, threading.current_thread() is gui)),
        )
    assert seen == [(42, True)]
    assert not runner.is_busy()
    runner.shutdown()


def test_a_superseded_task_result_is_dropped(qtbot, cashier_app):
    runner = TaskRunner()
    release = threading.Event()
    results: list[str] = []
    runner.run("load", lambda: release.wait(5) and "old", on_done=results.append)
    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        runner.run("load", lambda: "new", on_done=results.append)
    with qtbot.waitSignal(runner.task_dropped, timeout=5000) as dropped:
        release.set()
    assert dropped.args == ["load"] and results == ["new"]
    runner.shutdown()


def test_cancelling_a_group_drops_its_tasks_and_errors_are_delivered(qtbot, cashier_app):
    runner = TaskRunner()
    release = threading.Event()
    runner.run("page:poll", lambda: release.wait(5), on_done=lambda _r: pytest.fail("late"))
    runner.cancel("page")
    assert not runner.is_running("page:poll")
    with qtbot.waitSignal(runner.task_dropped, timeout=5000):
        release.set()
    errors: list[BaseException] = []

    def boom():
        raise ValueError("gateway said no")

    with qtbot.waitSignal(runner.task_failed, timeout=5000):
        runner.run("other", boom, on_error=errors.append)
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "gateway said no"
    runner.shutdown()
    with pytest.raises(RuntimeError):
        runner.run("late", lambda: None)


def test_a_task_finishing_after_its_window_is_gone_prints_no_traceback(qtbot, cashier_app, capfd):
    """Issue 9 item 10: quitting while a slow call is in flight printed
    ``RuntimeError: Signal source has been deleted`` from the worker at exit."""
    import shiboken6
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    runner = TaskRunner(window)
    release = threading.Event()
    delivered: list[object] = []
    task_id = runner.run("sale:poll", lambda: release.wait(5) and "late", on_done=delivered.append)
    done = runner.done_event(task_id)
    runner.shutdown(0)  # what closeEvent does when a call outlasts its wait
    shiboken6.delete(window)  # the window (and its runner) are gone
    assert not shiboken6.isValid(runner)
    release.set()
    qtbot.waitUntil(done.is_set, timeout=5000)
    err = capfd.readouterr().err
    assert "Traceback" not in err and "Signal source has been deleted" not in err, err
    assert delivered == []


# -- QR widget ----------------------------------------------------------------------------


@pytest.mark.parametrize("mark", [False, True])
def test_qr_widget_paints_a_decodable_code(qtbot, cashier_app, qr_decoder, mark):
    widget = QRCodeWidget()
    qtbot.addWidget(widget)
    widget.resize(300, 300)
    value = "https://alipay.com/281012040012345678901234567890?biz=cashier&n=42"
    with qtbot.waitSignal(widget.ready, timeout=10_000):
        widget.set_data(value, centre_mark=mark)
        widget.show()
    assert widget.has_centre_mark() is mark and widget.modules() >= 21
    assert qr_decoder(widget) == [value]


def test_qr_widget_encodes_off_the_gui_thread(qtbot, cashier_app, qr_decoder, monkeypatch):
    """The mask trials cost 25 ms idle and over 100 ms under load: never on the GUI thread.
    Until the matrix is back the widget shows no code at all, then the right one."""
    from cashier_app.ui.widgets import qr_code

    threads: list[str] = []
    real = qr_code.encode_matrix

    def spy(data, centre_mark):
        threads.append(threading.current_thread().name)
        return real(data, centre_mark)

    monkeypatch.setattr(qr_code, "encode_matrix", spy)
    widget = QRCodeWidget()
    qtbot.addWidget(widget)
    widget.resize(300, 300)
    widget.show()
    value = f"https://alipay.com/pay?n={uuid.uuid4().hex}"  # never encoded before
    with qtbot.waitSignal(widget.ready, timeout=10_000):
        widget.set_data(value)
        assert widget.is_pending() and widget.modules() == 0
        assert qr_decoder(widget, wait=False) == []  # "Preparing the code…", nothing to scan
    assert threads and threading.main_thread().name not in threads
    assert not widget.is_pending() and qr_decoder(widget) == [value]


def test_a_late_matrix_for_a_code_no_longer_shown_is_dropped(qtbot, cashier_app, qr_decoder):
    widget = QRCodeWidget()
    qtbot.addWidget(widget)
    widget.resize(300, 300)
    widget.show()
    first = f"https://alipay.com/pay?n={uuid.uuid4().hex}"
    second = f"https://alipay.com/pay?n={uuid.uuid4().hex}"
    widget.set_data(first)
    with qtbot.waitSignal(widget.ready, timeout=10_000):
        widget.set_data(second)
    qtbot.wait(50)
    assert widget.data() == second and qr_decoder(widget) == [second]


def test_qr_widget_rejects_data_that_does_not_fit(cashier_app):
    widget = QRCodeWidget()
    with pytest.raises(QRCodeDataError, match="do not fit"):
        widget.set_data("x" * 5000, centre_mark=True)


def test_greyed_qr_shows_an_overlay(qtbot, cashier_app):
    widget = QRCodeWidget()
    qtbot.addWidget(widget)
    widget.set_data("https://example.com/pay/1")
    widget.set_greyed(True, "Expired")
    assert widget.is_greyed()
    assert not widget.grab().isNull()


# -- translations -------------------------------------------------------------------------


def test_a_text_missing_from_the_translations_shows_in_english_not_blank(cashier_app):
    from PySide6.QtCore import QCoreApplication

    from cashier_app.ui import i18n

    i18n.install(cashier_app, "zh_CN")
    try:
        assert QCoreApplication.translate("OrderPage", "Charge") == "收款"
        assert (
            QCoreApplication.translate("OrderPage", "a text nobody translated")
            == "a text nobody translated"
        )
    finally:
        i18n.install(cashier_app, "en")


def test_language_names():
    assert normalise_language("zh-CN") == "zh_CN" and normalise_language(None) == "en"
    with pytest.raises(TranslationError, match="fr"):
        normalise_language("fr")


def test_window_in_chinese(make_window, cashier_app):
    from cashier_app.ui import ensure_application

    ensure_application(lang="zh_CN")
    try:
        window = make_window()
        assert window.order_page.charge_button.text() == "收款"
        assert window.history_action.text() == "交易记录"
    finally:
        ensure_application(lang="en")


# -- start-up -----------------------------------------------------------------------------


def test_start_up_failure_is_shown_and_retry_works(make_window, qtbot):
    from cashier_app.app import build_services

    calls: list[int] = []

    def flaky(profile_name):
        calls.append(1)
        if len(calls) == 1:
            raise ValueError("profile 'shop': the keyring is locked")
        return build_services(profile_name)

    window = make_window(factory=flaky, wait=False)
    with qtbot.waitSignal(window.services_failed, timeout=10_000) as failed:
        pass
    assert "keyring is locked" in failed.args[0]
    assert window.stack.currentWidget() is window.starting_page
    assert window.starting_page.detail.text() == failed.args[0]
    assert not window.history_action.isEnabled()
    with qtbot.waitSignal(window.services_ready, timeout=30_000):
        qtbot.mouseClick(window.starting_page.retry_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.order_page


def test_status_bar_names_the_profile_and_the_in_memory_keys(sale):
    window = sale.window
    assert "sandbox" in window.profile_label.text()
    assert window.sandbox_notice.isVisible() and "memory" in window.sandbox_notice.text()
    texts = " ".join(label.text() for label in window.findChildren(QLabel))
    assert "PRIVATE KEY" not in texts and "MII" not in texts


def test_history_and_end_of_day_open_their_pages(sale):
    window = sale.window
    page = window.open_extra_page("history")
    assert page is not None and window.stack.currentWidget() is page
    report = window.open_extra_page("report")
    assert report is not None and window.stack.currentWidget() is report
    window.new_sale_action.trigger()
    assert window.stack.currentWidget() is window.order_page


def test_missing_extra_page_disables_its_action(sale, monkeypatch):
    import importlib

    real = importlib.import_module

    def fake(name, *args):
        if name.endswith("report_page"):
            raise ImportError("report page not built")
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", fake)
    assert sale.window.open_extra_page("report") is None
    assert not sale.window.report_action.isEnabled()
    assert sale.window.stack.currentWidget() is sale.window.order_page


def test_customer_display_mirrors_the_sale(sale, qtbot, qr_decoder):
    window = sale.window
    window.display_action.setChecked(True)
    display = window.display
    assert display.isVisible()
    qtbot.keyClicks(window.order_page.amount_input, "30")
    assert display.amount_label.text() == "HK$30.00"
    sale.window.order_page.amount_input.clear()
    sale.charge("30")
    sale.confirm("ALIPAY_HK")
    assert display.stack.currentWidget() is display.qr_view
    assert qr_decoder(display.qr) == [window.redirect_page.record.code_value]
    sale.settle(window.redirect_page.simulate_pay)
    assert display.stack.currentWidget() is display.result_view
    window.display_action.setChecked(False)
    assert not display.isVisible()


def test_unfinished_payment_is_recovered_on_the_next_start(make_window, drive, qtbot):
    first = make_window()
    drive(first).charge("5")
    drive(first).confirm()
    prid = first.redirect_page.record.payment_request_id
    first.close_guard.answer = "later"  # the till goes away mid-payment, nobody asked
    first.close()
    second = make_window(wait=False)
    with qtbot.waitSignal(second.payments_recovered, timeout=30_000) as recovered:
        pass
    assert [r.payment_request_id for r in recovered.args[0]] == [prid]
    # Its code can still be paid: shown again, not cancelled under the customer's nose.
    assert recovered.args[0][0].status is Status.PENDING
    assert second.flow.live_payment().payment_request_id == prid
    assert second.banner.isVisible() and "HK$5.00" in second.banner.text()
