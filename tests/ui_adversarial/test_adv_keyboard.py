"""A sale with the keyboard only: digits, Enter, arrows in the picker, Tab/Enter after."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from sale_steps import SaleDriver, past_enter_guard

from cashier_app.domain.outcome import Status


def test_keyboard_only_sale_then_enter_starts_the_next(make_window, qtbot):
    window = make_window()
    order = window.order_page
    assert QApplication.focusWidget() is order.amount_input
    qtbot.keyClicks(order.amount_input, "42")
    with qtbot.waitSignal(
        window.flow.stage_changed, timeout=10_000, check_params_cb=lambda s: s == "picker"
    ):
        qtbot.keyClick(order.amount_input, Qt.Key.Key_Return)
    picker = window.picker_page
    assert picker.isAncestorOf(QApplication.focusWidget()) or QApplication.focusWidget() is picker
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert picker.selected_type() == "ALIPAY_HK"
    past_enter_guard(window)
    with qtbot.waitSignal(window.flow.qr_shown, timeout=20_000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    redirect = window.redirect_page
    record = redirect.record
    window.services.sandbox.approve(record.payment_id)
    with qtbot.waitSignal(window.flow.sale_settled, timeout=20_000) as settled:
        window.flow.poller.poll_now()
    assert settled.args[0].status is Status.SUCCESS
    assert QApplication.focusWidget() is window.result_page.new_sale_button
    with qtbot.waitSignal(
        window.flow.stage_changed, timeout=2_000, check_params_cb=lambda s: s == "order"
    ):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert QApplication.focusWidget() is order.amount_input


def test_keyboard_only_cancel_on_the_redirect_page(make_window, qtbot):
    window = make_window()
    qtbot.keyClicks(window.order_page.amount_input, "3")
    with qtbot.waitSignal(
        window.flow.stage_changed, timeout=10_000, check_params_cb=lambda s: s == "picker"
    ):
        qtbot.keyClick(window.order_page.amount_input, Qt.Key.Key_Return)
    past_enter_guard(window)
    with qtbot.waitSignal(window.flow.qr_shown, timeout=20_000):
        qtbot.keyClick(window.picker_page, Qt.Key.Key_Return)
    redirect = window.redirect_page
    assert redirect.isAncestorOf(QApplication.focusWidget())
    for _ in range(10):  # Tab along until Cancel payment has the focus
        if QApplication.focusWidget() is redirect.cancel_button:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is redirect.cancel_button
    qtbot.keyClick(redirect.cancel_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    question = QApplication.activeModalWidget()
    assert question.objectName() == "cancelPaymentQuestion"
    keep = question.findChild(QPushButton, "keepAnswer")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is keep)  # Enter alone keeps the sale
    qtbot.keyClick(keep, Qt.Key.Key_Tab)
    assert QApplication.focusWidget().objectName() == "cancelAnswer"
    with qtbot.waitSignal(window.flow.sale_settled, timeout=20_000) as settled:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert settled.args[0].status is Status.CANCELLED
    assert window.result_page.title.text() == "Payment cancelled"


def test_tab_on_the_result_page_stops_only_on_its_buttons(make_window, qtbot):
    """Under Xvfb: after a paid sale, Tab from Save PDF… went to a stop that showed no
    focus at all (the window's page scroll area) before New sale; Space there did nothing,
    and the operator walking the buttons lost track of where the keyboard was."""
    sale = SaleDriver(qtbot, make_window())
    sale.charge("20")
    sale.confirm()
    record, _ = sale.settle(sale.window.redirect_page.simulate_pay)
    assert record.status is Status.SUCCESS
    page = sale.window.result_page
    buttons = [page.new_sale_button, page.refund_button, page.print_button, page.save_button]
    assert QApplication.focusWidget() is page.new_sale_button
    stops = []
    for _ in range(len(buttons)):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    names = [w.objectName() for w in stops]
    assert set(stops) == set(buttons), names


def test_escape_from_the_refund_dialog_gives_the_focus_back_to_refund(make_window, qtbot):
    """Under Xvfb: Refund… pressed with the keyboard, then Escape in its dialog: the focus
    came back on Print receipt… (Refund… was greyed out while the dialog was open), so the
    operator's next Enter opened the printer dialog."""
    sale = SaleDriver(qtbot, make_window())
    sale.charge("20")
    sale.confirm()
    sale.settle(sale.window.redirect_page.simulate_pay)
    page, flow = sale.window.result_page, sale.window.flow
    page.refund_button.setFocus()
    qtbot.waitUntil(page.refund_button.hasFocus)
    qtbot.keyClick(page.refund_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: flow.refund_dialog is not None and flow.refund_dialog.isVisible())
    qtbot.keyClick(flow.refund_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.refund_button.isEnabled())
    back = sale.window.focusWidget()  # what the window gives the focus to when active again
    assert back is page.refund_button, back.objectName()


def test_a_menu_shortcut_wins_over_a_text_field_that_binds_the_same_keys(make_window, qtbot):
    """Under Xvfb: Ctrl+E (End of day) on the order page did nothing: on X11 every line
    edit binds Ctrl+E to "end of line" and claimed the key before the menu (Ctrl+H, which
    line edits leave alone, opened History). Offscreen line edits bind Ctrl+E to nothing,
    so the same clash is made here with Ctrl+A, which every platform's line edit claims
    (select all): the menu's key must still reach the menu."""
    from PySide6.QtGui import QKeySequence

    window = make_window()
    field = window.order_page.amount_input
    assert QApplication.focusWidget() is field
    window.report_action.setShortcuts([QKeySequence("Ctrl+A")])
    with qtbot.waitSignal(window.report_action.triggered, timeout=2_000):
        qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
