"""Issue 9 item 2, an amount is never silently rewritten: what the operator typed stays in
the field, marked invalid with the reason in view (English and Chinese), and Charge stays
disabled until it is fixed; the profile's largest sale is refused and a large one asks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cashier_app.domain.limits import SaleLimits
from cashier_app.domain.money import Money
from cashier_app.ui.pages.order_page import OrderPage


@pytest.fixture
def order(cashier_app, qtbot) -> OrderPage:
    page = OrderPage()
    qtbot.addWidget(page)
    page.set_currency("HKD")
    page.show()
    page.amount_input.setFocus()
    return page


def _refused(order: OrderPage) -> bool:
    return (
        order.error_label.isVisible()
        and order.amount_input.property("invalid") is True
        and not order.charge_button.isEnabled()
    )


@pytest.mark.parametrize(
    ("typed", "reason", "more"),
    [
        ("12/50", "“/” cannot be part of an amount", "0"),  # charged HK$1,250.00 before
        ("1e5", "“e” cannot be part of an amount", "0"),  # charged HK$15.00
        ("-5", "amount must not be negative", "0"),  # charged HK$5.00
        ("12abc", "“a” cannot be part of an amount", "0"),
        ("12 50", "“ ” cannot be part of an amount", "0"),  # a blank inside: no thousands mark
        ("12,50", "a comma only groups thousands", "."),
        ("1.234", "HKD allows at most 2 decimal places", "0"),
        ("0", "amount must be greater than zero", "0"),
    ],
)
def test_a_bad_amount_stays_as_typed_with_its_reason_and_charge_disabled(
    order, qtbot, typed, reason, more
):
    qtbot.keyClicks(order.amount_input, typed)
    assert order.amount_input.text() == typed
    assert _refused(order) and reason in order.error_label.text()
    assert order.preview_label.text().strip() == ""  # no amount is shown as meant
    with qtbot.assertNotEmitted(order.order_submitted):
        qtbot.keyClick(order.amount_input, Qt.Key.Key_Return)
        qtbot.mouseClick(order.charge_button, Qt.MouseButton.LeftButton)
    # The reason does not vanish at the next keystroke while the amount is still wrong.
    qtbot.keyClicks(order.amount_input, more)
    assert order.amount_input.text() == typed + more
    assert _refused(order)


def test_fixing_the_amount_enables_charge(order, qtbot):
    qtbot.keyClicks(order.amount_input, "12/50")
    assert _refused(order)
    order.amount_input.selectAll()
    qtbot.keyClicks(order.amount_input, "12.50")
    assert not order.error_label.isVisible() and order.charge_button.isEnabled()
    assert order.preview_label.text() == "HK$12.50"
    with qtbot.waitSignal(order.order_submitted) as submitted:
        qtbot.keyClick(order.amount_input, Qt.Key.Key_Return)
    assert submitted.args[0].amount == 1250


def test_an_empty_amount_cannot_be_charged_and_enter_says_why(order, qtbot):
    assert not order.charge_button.isEnabled() and not order.error_label.isVisible()
    with qtbot.assertNotEmitted(order.order_submitted):
        qtbot.keyClick(order.amount_input, Qt.Key.Key_Return)
    assert "amount is empty" in order.error_label.text()


def test_pasted_text_is_kept_as_pasted_and_refused(order, qtbot):
    QApplication.clipboard().setText("12 abc")
    qtbot.keyClick(order.amount_input, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert order.amount_input.text() == "12 abc"
    assert _refused(order)


def test_the_reason_is_shown_in_chinese(order, qtbot, cashier_app):
    from cashier_app.ui import i18n

    i18n.install(cashier_app, "zh_CN")
    try:
        page = OrderPage()
        qtbot.addWidget(page)
        page.set_currency("HKD")
        page.show()
        qtbot.keyClicks(page.amount_input, "12/50")
        text = page.error_label.text()
        assert "“/”" in text and "cannot" not in text and "不能" in text
        page.amount_input.clear()
        qtbot.keyClicks(page.amount_input, "50000.01")
        assert (
            "HK$50,000.00" in page.error_label.text() and "largest" not in page.error_label.text()
        )
    finally:
        i18n.install(cashier_app, "en")


def test_over_the_largest_sale_is_refused(order, qtbot):
    qtbot.keyClicks(order.amount_input, "50000.01")  # HKD default: HK$50,000.00
    assert _refused(order)
    assert "more than the largest sale this till takes (HK$50,000.00)" in order.error_label.text()
    order.set_limits(SaleLimits.for_profile("HKD", 100_000, 20_000))  # HK$1,000 / HK$200
    order.amount_input.clear()
    qtbot.keyClicks(order.amount_input, "1000.01")
    assert _refused(order) and "HK$1,000.00" in order.error_label.text()


def test_a_large_sale_asks_first(order, qtbot):
    asked: list[Money] = []
    answers = [False, True]

    def confirm(money: Money, on_answer) -> None:
        asked.append(money)
        on_answer(answers.pop(0))

    order.confirm_large_sale = confirm
    qtbot.keyClicks(order.amount_input, "6000")  # from HK$5,000.00 the till asks
    assert order.charge_button.isEnabled() and not order.error_label.isVisible()
    with qtbot.assertNotEmitted(order.order_submitted):
        qtbot.keyClick(order.amount_input, Qt.Key.Key_Return)
    assert order.amount_input.text() == "6000" and order.charge_button.isEnabled()
    with qtbot.waitSignal(order.order_submitted) as submitted:
        qtbot.keyClick(order.amount_input, Qt.Key.Key_Return)
    assert submitted.args[0].amount == 600_000
    assert asked == [Money(600_000, "HKD")] * 2
    order.set_busy(False)
    order.amount_input.clear()
    qtbot.keyClicks(order.amount_input, "4999.99")  # under the threshold: no question
    with qtbot.waitSignal(order.order_submitted):
        qtbot.keyClick(order.amount_input, Qt.Key.Key_Return)
    assert len(asked) == 2


def test_focusing_a_stale_amount_selects_it_so_typing_replaces_it(order, qtbot):
    qtbot.keyClicks(order.amount_input, "12.30")
    with qtbot.waitSignal(order.order_submitted):
        qtbot.keyClick(order.amount_input, Qt.Key.Key_Return)
    order.set_busy(False)  # back on the order page with the amount kept (e.g. Escape)
    order.summary_input.setFocus()
    qtbot.mouseClick(order.amount_input, Qt.MouseButton.LeftButton)
    assert order.amount_input.selectedText() == "12.30"
    qtbot.keyClicks(order.amount_input, "7")
    assert order.amount_input.text() == "7"
    # a fresh amount being typed is not selected on focus
    order.summary_input.setFocus()
    qtbot.mouseClick(order.amount_input, Qt.MouseButton.LeftButton)
    assert order.amount_input.selectedText() == ""


def test_the_checkout_refuses_a_sale_over_the_profiles_largest(make_window, qtbot):
    """Not only hidden in the UI: the service refuses it too, and journals nothing."""
    from cashier_app.domain.limits import SaleLimitError
    from cashier_app.domain.payment_kit import PaymentInfo

    window = make_window()
    checkout = window.services.checkout
    with pytest.raises(SaleLimitError, match="largest sale"):
        checkout.create_payment(PaymentInfo(5_000_001, "HKD", "too much"), "ALIPAY_HK")
    assert window.services.journal.count_payments() == 0
    assert window.order_page.limits() == window.services.profile.sale_limits()
