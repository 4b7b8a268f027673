"""Issue 9 item 1: History, End of day and the customer display show the journal as it is
now: when they are shown again, and while they are open when a payment or refund settles
(one change signal from the service layer)."""

from __future__ import annotations

from sale_steps import past_enter_guard

from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.payment_kit import PaymentInfo


def _sell(sale, amount: str) -> None:
    window = sale.window
    if window.stack.currentWidget() is not window.order_page:
        window.new_sale_action.trigger()
    sale.charge(amount)
    sale.confirm("ALIPAY_HK")
    record, _ms = sale.settle(window.redirect_page.simulate_pay)
    assert record.status is Status.SUCCESS


def _net(report_page) -> str:
    return report_page.summary.text()


def test_end_of_day_and_history_show_the_second_sale_when_shown_again(sale, qtbot):
    window = sale.window
    _sell(sale, "10")
    report = window.open_extra_page("report")
    qtbot.waitUntil(lambda: _net(report) == "Net: HK$10.00", timeout=10_000)
    history = window.open_extra_page("history")
    qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=10_000)

    _sell(sale, "5")
    report = window.open_extra_page("report")  # no Refresh pressed
    qtbot.waitUntil(lambda: _net(report) == "Net: HK$15.00", timeout=10_000)
    history = window.open_extra_page("history")
    qtbot.waitUntil(lambda: history.model.rowCount() == 2, timeout=10_000)
    assert history.model.record(0).amount == Money(500, "HKD")
    # the total is counted by a second task: on a loaded machine it lands after the rows
    qtbot.waitUntil(lambda: history.count_label.text() == "Showing 2 of 2", timeout=10_000)


def _paid_elsewhere(services, amount_minor: int):
    """A sale settled by the service layer without this window's sale pages (a second
    till on the same journal, a late notification, recovery...)."""
    checkout = services.checkout
    record = checkout.create_payment(PaymentInfo(amount_minor, "HKD", "elsewhere"), "ALIPAY_HK")
    services.simulator.approve(record.payment_id)
    return checkout.refresh(record.payment_request_id)


def test_open_history_and_end_of_day_update_when_a_payment_or_refund_settles(sale, qtbot):
    window = sale.window
    _sell(sale, "10")
    history = window.open_extra_page("history")
    qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=10_000)
    history.table.selectRow(0)
    selected = history.selected_payment().payment_request_id

    window.tasks.run("test:elsewhere", _paid_elsewhere, window.services, 700)
    qtbot.waitUntil(
        lambda: history.model.rowCount() == 2 and history.model.record(0).status is Status.SUCCESS,
        timeout=15_000,
    )
    assert window.stack.currentWidget() is history
    newest = history.model.record(0)
    assert newest.amount == Money(700, "HKD")
    # the operator's selection survives the update
    qtbot.waitUntil(
        lambda: (
            history.selected_payment() is not None
            and history.selected_payment().payment_request_id == selected
        ),
        timeout=10_000,
    )

    report = window.open_extra_page("report")
    qtbot.waitUntil(lambda: _net(report) == "Net: HK$17.00", timeout=10_000)
    window.tasks.run(
        "test:refund",
        window.services.checkout.refund,
        newest.payment_request_id,
        Money(200, "HKD"),
        "returned",
    )
    qtbot.waitUntil(lambda: _net(report) == "Net: HK$15.00", timeout=15_000)
    assert window.stack.currentWidget() is report


def test_a_notification_settles_the_sale_on_screen_and_the_customer_display_at_once(sale, qtbot):
    """The customer pays and the gateway pushes notifyPayment between two inquiries: the
    redirect page and the customer display follow the journal at once instead of waiting
    for the next poll."""
    window = sale.window
    window.display_action.setChecked(True)
    display = window.display
    sale.charge("9")
    sale.confirm("ALIPAY_HK")
    record = window.redirect_page.record
    poller = window.flow.poller
    # Between two polls, the next one about two seconds away (the poll policy backs off).
    qtbot.waitUntil(
        lambda: poller.next_poll_in_ms() > 1800 and not window.tasks.is_running("sale:poll"),
        timeout=15_000,
    )
    with qtbot.waitSignal(window.flow.sale_settled, timeout=1_500) as settled:
        window.services.simulator.approve(record.payment_id)  # the sandbox pushes a notify
    assert settled.args[0].status is Status.SUCCESS
    assert window.stack.currentWidget() is window.result_page
    assert display.stack.currentWidget() is display.result_view
    assert display.result_amount.text() == "HK$9.00"


def test_opening_the_customer_display_leaves_the_keyboard_with_the_operator(sale, qtbot):
    """On a one-screen till the display opens over the main window; Enter on the picker
    must still confirm the sale (it went to the display window before)."""
    from PySide6.QtCore import Qt

    window = sale.window
    window.display_action.setChecked(True)
    assert window.display.isVisible()
    sale.charge("4")
    past_enter_guard(window)
    with qtbot.waitSignal(window.flow.qr_shown, timeout=20_000):
        qtbot.keyClick(window.picker_page, Qt.Key.Key_Return)
    assert window.display.stack.currentWidget() is window.display.qr_view


def test_end_of_day_opens_on_today_and_a_stray_key_keeps_it_there(sale, qtbot):
    """Under Xvfb: End of day opened with the keyboard on its "previous day" button, so
    a Space (or the next key a hurried operator hit) showed yesterday's empty day in
    place of today's totals."""
    from datetime import date

    from PySide6.QtCore import Qt

    window = sale.window
    _sell(sale, "10")
    report = window.open_extra_page("report")
    qtbot.waitUntil(lambda: _net(report) == "Net: HK$10.00", timeout=10_000)
    focus = window.focusWidget()
    assert focus is not None and focus not in (report.prev_button, report.next_button)
    qtbot.keyClick(focus, Qt.Key.Key_Space)
    assert report.day() == date.today() and _net(report) == "Net: HK$10.00"
