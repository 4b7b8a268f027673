"""Issue 9 item 8, honest feedback: Open with no browser or link handler says so in the
operator's language and offers Copy; the large-sale question never nests an event loop."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sale_steps import answer

from cashier_app.ui import i18n
from cashier_app.ui.pages.order_page import OrderPage


@pytest.fixture
def no_handler(monkeypatch):
    """A computer with no browser and no handler: nothing on PATH, no XDG desktop, so the
    real QDesktopServices.openUrl (what the window uses by default) returns False."""
    monkeypatch.setenv("PATH", "")
    for name in ("BROWSER", "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "XDG_DATA_DIRS"):
        monkeypatch.delenv(name, raising=False)


def window_of(page):
    return page.window()


def _open_without_handler(make_window, drive, qtbot):
    window = make_window()  # no opener override: QDesktopServices.openUrl itself
    sale = drive(window)
    sale.charge("2")
    sale.confirm()
    page = window.redirect_page
    link = page.record.deep_link()
    assert link
    with qtbot.assertNotEmitted(page.link_opened):
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    return page, link


def test_open_with_no_browser_says_so_and_offers_copy(make_window, drive, qtbot, no_handler):
    page, link = _open_without_handler(make_window, drive, qtbot)
    status = page.status_label
    assert status.property("tone") == "error"
    assert "No web browser or wallet app on this computer can open the link" in status.text()
    assert "Copy" in status.text()
    # Copy is offered: it has the focus, so Enter copies the link the customer needs
    assert page.copy_button.isEnabled() and page.copy_button.hasFocus()
    assert page.copy_button.property("role") == "primary"
    said = status.text()
    poller = window_of(page).flow.poller
    with qtbot.waitSignal(poller.record_updated, timeout=20_000):
        poller.poll_now()  # the next poll does not wipe the message before it is read
    assert status.text() == said and status.property("tone") == "error"
    QApplication.clipboard().clear()
    qtbot.keyClick(page.copy_button, Qt.Key.Key_Return)
    assert QApplication.clipboard().text() == link
    assert status.text() == "Link copied"
    assert page.copy_button.property("role") != "primary"  # the offer is over


def test_open_with_no_browser_is_said_in_chinese(
    make_window, drive, qtbot, no_handler, cashier_app
):
    i18n.install(cashier_app, "zh_CN")
    try:
        page, _link = _open_without_handler(make_window, drive, qtbot)
        text = page.status_label.text()
        assert "浏览器" in text and "复制" in text
        assert "browser" not in text.lower() and "Could not" not in text
        assert page.copy_button.hasFocus()
    finally:
        i18n.install(cashier_app, "en")


@pytest.fixture
def order(cashier_app, qtbot) -> OrderPage:
    page = OrderPage()
    qtbot.addWidget(page)
    page.set_currency("HKD")
    page.show()
    page.amount_input.setFocus()
    return page


def _visible_questions(parent: QObject) -> list[QMessageBox]:
    return [b for b in parent.findChildren(QMessageBox, "largeSaleQuestion") if b.isVisible()]


def test_the_large_sale_question_does_not_stall_the_event_loop(order, qtbot):
    """With a nested exec(), pressing Enter would not return until the question is
    answered: timers (the payment poll, notifications) would run inside it, re-entered
    from the key press. The question must open and return at once."""
    ran_inside_the_key_press: list[bool] = []
    pressing = [True]

    def tick() -> None:  # stands for the payment poll's timer
        ran_inside_the_key_press.append(pressing[0])
        modal = QApplication.activeModalWidget()
        if pressing[0] and isinstance(modal, QMessageBox):
            modal.reject()  # so a nested loop (main had one) ends instead of hanging

    qtbot.keyClicks(order.amount_input, "6000")  # from HK$5,000.00 the till asks
    timer = QTimer(order)
    timer.setInterval(20)
    timer.timeout.connect(tick)
    timer.start()
    with qtbot.assertNotEmitted(order.order_submitted):
        qtbot.keyClick(order.amount_input, Qt.Key.Key_Return)
    pressing[0] = False
    assert True not in ran_inside_the_key_press  # nothing ran nested inside the key press
    qtbot.waitUntil(lambda: False in ran_inside_the_key_press)
    timer.stop()


def test_the_large_sale_question_is_answered_by_signal(order, qtbot):
    qtbot.keyClicks(order.amount_input, "6000")
    with qtbot.assertNotEmitted(order.order_submitted):
        qtbot.keyClick(order.amount_input, Qt.Key.Key_Return)
        order.submit()  # pressed again while the question is open: still one question
        assert len(_visible_questions(order)) == 1
        [box] = _visible_questions(order)
        assert "HK$6,000.00" in box.text() and "HK$5,000.00" in box.text()
        answer(qtbot, order, "largeSaleQuestion", "no")  # the safe answer
        qtbot.waitUntil(lambda: not _visible_questions(order))
    assert order.amount_input.text() == "6000" and order.charge_button.isEnabled()
    with qtbot.waitSignal(order.order_submitted) as submitted:
        qtbot.keyClick(order.amount_input, Qt.Key.Key_Return)
        answer(qtbot, order, "largeSaleQuestion", "charge")
    assert submitted.args[0].amount == 600_000


def test_the_large_sale_question_defaults_to_no(order, qtbot):
    qtbot.keyClicks(order.amount_input, "6000")
    qtbot.keyClick(order.amount_input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(_visible_questions(order)) == 1)
    [box] = _visible_questions(order)
    with qtbot.assertNotEmitted(order.order_submitted):
        qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter picks the default: No
        qtbot.waitUntil(lambda: not _visible_questions(order))
    assert order.amount_input.text() == "6000" and order.amount_input.hasFocus()
