"""Odd amounts at the till: IME full-width digits, pasted text, huge numbers, long fields."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication
from sale_steps import past_enter_guard, to_picker

from cashier_app.ui.pages.order_page import OrderPage


def _ime_commit(widget, text: str) -> None:
    """What a CJK input method delivers: a commit string, not key presses."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def order(cashier_app, qtbot) -> OrderPage:
    page = OrderPage()
    qtbot.addWidget(page)
    page.set_currency("HKD")
    page.show()
    return page


def test_full_width_digits_from_an_input_method_are_taken_as_digits(order):
    order.amount_input.setFocus()
    _ime_commit(order.amount_input, "１２。３０")
    assert order.amount_input.text() == "12.30"
    assert order.preview_label.text() == "HK$12.30"
    assert not order.error_label.isVisible()


def test_full_width_key_typed_elsewhere_goes_to_the_amount(order):
    order.charge_button.setFocus()
    QApplication.sendEvent(
        order.charge_button,
        QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, "７"),
    )
    assert order.amount_input.text() == "7"


def test_pasted_amount_with_blanks_around_it_is_read_as_it_stands(order, qtbot):
    QApplication.clipboard().setText(" 12.30\n")
    order.amount_input.setFocus()
    qtbot.keyClick(order.amount_input, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert order.amount_input.text().strip() == "12.30"  # kept; blanks around are harmless
    assert order.preview_label.text() == "HK$12.30" and order.charge_button.isEnabled()


def test_normalise_amount_text():
    from cashier_app.ui.widgets.amount_field import normalise_amount_text

    assert normalise_amount_text("１，２３４．５０") == "1,234.50"
    # blanks and anything that is no digit or mark stay as typed (never dropped)
    assert normalise_amount_text("\t9 9\u3000") == "\t9 9\u3000"
    assert normalise_amount_text("12/50") == "12/50"


def test_invalid_amounts_are_refused_inline_and_nothing_is_journaled(make_window, qtbot):
    window = make_window()
    order = window.order_page
    for text, words in (
        ("9999999999999999", "more than 16 digits"),
        ("", "empty"),
        ("0", "greater than zero"),
    ):
        order.amount_input.setText(text)
        with qtbot.assertNotEmitted(order.order_submitted):
            qtbot.keyClick(order.amount_input, Qt.Key.Key_Return)
        assert words in order.error_label.text()
        assert not order.charge_button.isEnabled()  # until the amount is fixed
    assert window.services.journal.count_payments() == 0


def test_long_summary_and_reference_with_spaces_reach_the_gateway(make_window, qtbot):
    window = make_window()
    order = window.order_page
    order.summary_input.setText("x" * 300)  # capped at the field's maximum
    order.reference_input.setText("  table 7 / bill 12  ")
    to_picker(qtbot, window, "5")
    past_enter_guard(window)
    with qtbot.waitSignal(window.flow.qr_shown, timeout=20_000):
        qtbot.keyClick(window.picker_page, Qt.Key.Key_Return)
    record = window.redirect_page.record
    assert record.reference_order_id == "table 7 / bill 12"
    assert len(record.trade_summary) == 256
    assert (
        window.services.sandbox.payment(record.payment_id)["paymentRequestId"]
        == record.payment_request_id
    )
