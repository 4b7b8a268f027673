"""Operators under pressure: double presses, cancel races, closing the window mid-payment."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sale_steps import StillClock, answer, past_enter_guard, to_picker, to_redirect

from cashier_app.domain.outcome import Status


def _payments(window) -> tuple[int, int]:
    """(journal rows, sandbox payments)."""
    services = window.services
    return services.journal.count_payments(), len(services.sandbox.store._payments)


def test_double_enter_and_double_confirm_make_one_payment(make_window, qtbot):
    window = make_window()
    window.services.sandbox.faults.add("latency", seconds=0.8, api="pay")
    field = window.order_page.amount_input
    qtbot.keyClicks(field, "5")
    with qtbot.waitSignal(
        window.flow.stage_changed, timeout=10_000, check_params_cb=lambda s: s == "picker"
    ):
        qtbot.keyClick(field, Qt.Key.Key_Return)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    picker = window.picker_page
    past_enter_guard(window)
    with qtbot.waitSignal(window.flow.qr_shown, timeout=20_000):
        qtbot.keyClick(picker, Qt.Key.Key_Return)
        qtbot.keyClick(picker, Qt.Key.Key_Return)
        qtbot.mouseDClick(picker.confirm_button, Qt.MouseButton.LeftButton)
        qtbot.keyClick(picker, Qt.Key.Key_Escape)  # Esc while the pay request is out: ignored
    assert window.flow.stage == "redirect"
    assert _payments(window) == (1, 1)


def test_cancel_twice_while_the_customer_pays_stays_consistent(make_window, qtbot):
    window = make_window()
    to_redirect(qtbot, window, "7")
    redirect = window.redirect_page
    record = redirect.record
    sandbox = window.services.sandbox
    sandbox.faults.add("latency", seconds=0.8, api="cancel")
    with qtbot.waitSignal(window.flow.sale_settled, timeout=20_000) as settled:
        qtbot.mouseClick(redirect.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(redirect.cancel_button, Qt.MouseButton.LeftButton)  # one question
        answer(qtbot, redirect, "cancelPaymentQuestion", "cancel")
        sandbox.approve(record.payment_id)  # the customer pays as the operator cancels
    final = settled.args[0]
    journal = window.services.journal.get_payment(record.payment_request_id)
    gateway = sandbox.payment(record.payment_id)["paymentStatus"]
    assert final.status is journal.status
    assert (journal.status, gateway) in (
        (Status.CANCELLED, "CANCELLED"),
        (Status.SUCCESS, "SUCCESS"),
    )
    shown = window.result_page.titles()[journal.status]
    assert window.result_page.title.text() == shown
    assert _payments(window) == (1, 1)


def test_enter_hammered_on_the_result_page_starts_one_new_sale(make_window, qtbot):
    window = make_window()
    to_redirect(qtbot, window, "2")
    with qtbot.waitSignal(window.flow.sale_settled, timeout=20_000):
        qtbot.mouseClick(window.redirect_page.cancel_button, Qt.MouseButton.LeftButton)
        answer(qtbot, window.redirect_page, "cancelPaymentQuestion", "cancel")
    button = window.result_page.new_sale_button
    qtbot.keyClick(button, Qt.Key.Key_Return)
    qtbot.keyClick(window.order_page.amount_input, Qt.Key.Key_Return)  # nothing typed yet
    assert window.flow.stage == "order"
    assert window.order_page.error_label.text().endswith("amount is empty")
    to_picker(qtbot, window, "4")
    assert _payments(window) == (1, 1)


def test_closing_mid_payment_leaves_it_for_recovery(make_window, qtbot):
    window = make_window()
    to_redirect(qtbot, window, "7")
    prid = window.redirect_page.record.payment_request_id
    payment_id = window.redirect_page.record.payment_id
    window.close()  # the customer has not paid: asked, the row stays open for the next start
    answer(qtbot, window, "closeQuestion", "later")
    qtbot.waitUntil(lambda: not window.isVisible())
    again = make_window(wait=False)
    with qtbot.waitSignal(again.payments_recovered, timeout=20_000) as recovered:
        pass
    assert [r.payment_request_id for r in recovered.args[0]] == [prid]
    assert again.services.journal.get_payment(prid).status is Status.PENDING
    assert again.services.sandbox.payment(payment_id)["paymentStatus"] == "PROCESSING"
    assert again.flow.live_payment().payment_request_id == prid
    assert again.banner.isVisible() and "HK$7.00" in again.banner.text()


def test_closing_while_the_pay_request_is_in_flight(make_window, qtbot):
    window = make_window()
    window.services.sandbox.faults.add("latency", seconds=1.0, api="pay")
    to_picker(qtbot, window, "7")
    past_enter_guard(window)
    qtbot.keyClick(window.picker_page, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.services.journal.count_payments() == 1)
    window.close()  # late results of the worker are dropped (qt_default_raising is on)
    assert not window.tasks.is_busy()
    again = make_window(wait=False)
    with qtbot.waitSignal(again.payments_recovered, timeout=20_000) as recovered:
        pass
    (record,) = recovered.args[0]
    live = again.flow.live_payment()
    # Final, or (pay answered after all) its code shown again for the customer.
    assert record.is_final or (
        live is not None
        and live.payment_request_id == record.payment_request_id
        and record.qr_payload()
    )
    if record.payment_id:  # the gateway saw it: both sides agree
        gateway = again.services.sandbox.payment(record.payment_id)["paymentStatus"]
        assert gateway == record.status.value


def test_a_doubled_enter_on_charge_leaves_the_picker_open(make_window, qtbot):
    """The first Enter opens the picker, the second (hurried, or the key bounced) must not
    confirm the first wallet for the customer; Space on Confirm neither. A tap on a wallet
    still chooses, and an Enter after the guard confirms the chosen wallet."""
    window = make_window()
    picker = window.picker_page
    clock = picker.clock = StillClock()  # QTest key events carry no timestamp: time stands still
    field = window.order_page.amount_input
    qtbot.keyClicks(field, "5")
    with qtbot.waitSignal(
        window.flow.stage_changed, timeout=10_000, check_params_cb=lambda s: s == "picker"
    ):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    with qtbot.assertNotEmitted(picker.method_confirmed, wait=0):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Enter)
        picker.confirm_button.setFocus()
        qtbot.keyClick(picker.confirm_button, Qt.Key.Key_Space)
        qtbot.mouseClick(picker.tile("ALIPAY_HK"), Qt.MouseButton.LeftButton)
    assert window.flow.stage == "picker" and picker.session is not None
    assert picker.selected_type() == "ALIPAY_HK"
    assert picker.confirm_button.isEnabled() and _payments(window) == (0, 0)
    clock.advance(0.41)
    with qtbot.waitSignal(window.flow.qr_shown, timeout=20_000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.redirect_page.record.method == "ALIPAY_HK"
    assert _payments(window) == (1, 1)


def test_a_double_click_on_charge_does_not_go_back_from_the_picker(make_window, qtbot):
    """Under Xvfb at 1366x768 the picker's Back sits where Charge was: a double click on
    Charge opened the picker and its second click went Back to the amount at once."""
    window = make_window()
    picker = window.picker_page
    clock = picker.clock = StillClock()
    order = window.order_page
    qtbot.keyClicks(order.amount_input, "5")
    with qtbot.waitSignal(
        window.flow.stage_changed, timeout=10_000, check_params_cb=lambda s: s == "picker"
    ):
        qtbot.mouseClick(order.charge_button, Qt.MouseButton.LeftButton)
    with qtbot.assertNotEmitted(picker.picker_cancelled, wait=0):
        qtbot.mouseClick(picker.cancel_button, Qt.MouseButton.LeftButton)  # the 2nd click
    assert window.flow.stage == "picker" and picker.session is not None
    clock.advance(0.41)
    with qtbot.waitSignal(picker.picker_cancelled, timeout=5000):
        qtbot.mouseClick(picker.cancel_button, Qt.MouseButton.LeftButton)  # a deliberate Back
    assert window.flow.stage == "order" and order.amount_input.text() == "5"


def _key(widget, kind, key: Qt.Key, text: str, *, repeat: bool, at: int) -> None:
    from PySide6.QtGui import QKeyEvent

    event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text, repeat)
    event.setTimestamp(at)  # the window system's time (ms); QTest's events carry none
    QApplication.sendEvent(widget, event)


def _held(widget, key: Qt.Key, text: str, *, at: int) -> None:
    """What a key held down sends on X11 at each auto-repeat: a release and a press of
    one time stamp; Qt marks them as a repeat only when both are already in its queue
    (seen under Xvfb: one repeat in a few came as a fresh press)."""
    from PySide6.QtCore import QEvent

    for repeat in (True, False):
        for kind in (QEvent.Type.KeyRelease, QEvent.Type.KeyPress):
            _key(widget, kind, key, text, repeat=repeat, at=at)


def test_an_enter_held_down_from_charge_never_confirms_a_wallet(make_window, qtbot):
    """An operator who keeps Enter down after Charge: past the picker's guard the key
    still repeats, and none of its repeats chooses for the customer; Space held on a
    focused Confirm neither. A fresh press of Enter does."""
    window = make_window()
    picker = window.picker_page
    clock = picker.clock = StillClock()
    field = window.order_page.amount_input
    qtbot.keyClicks(field, "5")
    with qtbot.waitSignal(
        window.flow.stage_changed, timeout=10_000, check_params_cb=lambda s: s == "picker"
    ):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    clock.advance(0.41)
    at = 50_000
    with qtbot.assertNotEmitted(picker.method_confirmed, wait=0):
        for _ in range(3):
            at += 40  # 25 a second
            _held(QApplication.focusWidget(), Qt.Key.Key_Return, "\r", at=at)
            _held(QApplication.focusWidget(), Qt.Key.Key_Enter, "\r", at=at)
        picker.confirm_button.setFocus()
        for key, text in ((Qt.Key.Key_Space, " "), (Qt.Key.Key_Return, "\r")):
            at += 40
            _held(picker.confirm_button, key, text, at=at)
    assert window.flow.stage == "picker" and _payments(window) == (0, 0)
    # let go, and press again: the operator's own Enter (a tenth of a second is quick)
    from PySide6.QtCore import QEvent

    focus = QApplication.focusWidget()
    _key(focus, QEvent.Type.KeyRelease, Qt.Key.Key_Return, "\r", repeat=False, at=at + 40)
    with qtbot.waitSignal(window.flow.qr_shown, timeout=20_000):
        _key(focus, QEvent.Type.KeyPress, Qt.Key.Key_Return, "\r", repeat=False, at=at + 140)
        _key(focus, QEvent.Type.KeyRelease, Qt.Key.Key_Return, "\r", repeat=False, at=at + 200)
    assert _payments(window) == (1, 1)
