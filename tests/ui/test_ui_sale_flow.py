"""The cashier window against the embedded sandbox over real loopback HTTP: every way a sale
can go, driven with keyboard and mouse like an operator."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtWidgets import QLabel, QWidget
from sale_steps import answer, past_enter_guard

from cashier_app.domain.outcome import Status
from cashier_app.ui.widgets.method_tile import MethodTile


def test_full_sale_qr_decodes_and_pay_reaches_success(sale, qtbot, qr_decoder, capsys):
    window = sale.window
    assert window.order_page.amount_input.objectName() == "amountInput"
    sale.charge("12.30")
    picker = window.picker_page
    assert picker.amount_label.text() == "HK$12.30"
    assert picker.method_list.objectName() == "methodList"
    # Alipay first, the Alipay+ partners grouped under their own heading.
    assert picker.tile("ALIPAY_CN") is not None and picker.tile("ALIPAY_HK") is not None
    assert picker.findChild(QWidget, "alipayPlusHeading") is not None
    order = [t.method.type for t in picker.findChildren(MethodTile)]
    assert order[0] == "ALIPAY_CN" and "ALIPAY_HK" in order
    # Keyboard: Down moves to AlipayHK, Enter confirms.
    qtbot.keyClick(picker, Qt.Key.Key_Down)
    assert picker.selected_type() == "ALIPAY_HK"
    past_enter_guard(window)
    with qtbot.waitSignal(window.flow.qr_shown, timeout=20_000) as shown:
        qtbot.keyClick(picker, Qt.Key.Key_Return)
    confirm_to_qr_ms = shown.args[0]

    redirect = window.redirect_page
    record = redirect.record
    assert record.method == "ALIPAY_HK" and record.code_value
    qr = window.findChild(type(redirect.qr), "qrCode")
    assert qr is redirect.qr and qr.has_centre_mark()
    qtbot.waitUntil(qr.isVisible)
    assert qr_decoder(qr) == [record.code_value]
    assert window.findChild(object, "deepLinkText").text() == record.deep_link()
    assert window.findChild(object, "countdownLabel").text().startswith("Expires in 9:")

    settled, pay_to_success_ms = sale.settle(redirect.simulate_pay)
    assert settled.status is Status.SUCCESS
    assert window.stack.currentWidget() is window.result_page
    title = window.findChild(object, "resultTitle")
    assert title.text() == "Payment received" and title.property("status") == "SUCCESS"
    texts = [label.text() for label in window.result_page.findChildren(QLabel)]
    assert settled.payment_id in texts and "HK$12.30" in texts
    assert window.findChild(object, "refundButton").isVisible()
    with capsys.disabled():
        print(
            f"\n[timing] Confirm -> QR visible: {confirm_to_qr_ms:.0f} ms; "
            f"simulated payment -> success page: {pay_to_success_ms:.0f} ms"
        )

    qtbot.mouseClick(window.findChild(object, "newSaleButton"), Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.order_page
    assert window.order_page.amount_input.text() == ""


def test_decline_shows_failed(sale):
    sale.charge("8")
    sale.confirm("ALIPAY_CN")
    record, _ms = sale.settle(sale.window.redirect_page.simulate_decline)
    assert record.status is Status.FAILED
    title = sale.window.result_page.title
    assert title.text() == "Payment failed" and title.property("status") == "FAILED"
    assert record.result_code in sale.window.result_page.code_label.text()
    assert not sale.window.result_page.refund_button.isVisible()


def test_let_expire_greys_the_code_and_new_code_makes_a_new_payment(sale, qtbot, qr_decoder):
    window = sale.window
    sale.charge("3.50")
    sale.confirm("ALIPAY_HK")
    redirect = window.redirect_page
    first = redirect.record
    with qtbot.waitSignal(window.flow.poller.payment_settled, timeout=20_000):
        qtbot.mouseClick(redirect.simulate_expire, Qt.MouseButton.LeftButton)
    assert redirect.is_expired() and redirect.qr.is_greyed()
    assert redirect.new_code_button.isVisible()
    assert redirect.status_label.property("tone") == "error"
    with qtbot.waitSignal(window.flow.qr_shown, timeout=20_000):
        qtbot.mouseClick(redirect.new_code_button, Qt.MouseButton.LeftButton)
    second = redirect.record
    assert second.payment_request_id != first.payment_request_id
    assert second.amount == first.amount and second.method == first.method
    assert not redirect.qr.is_greyed() and qr_decoder(redirect.qr) == [second.code_value]
    record, _ = sale.settle(redirect.simulate_pay)
    assert record.status is Status.SUCCESS


def test_payment_expires_by_itself(make_window, drive, qtbot):
    window = make_window(expiry_seconds=2)
    sale = drive(window)
    sale.charge("1")
    sale.confirm()
    qtbot.waitUntil(window.redirect_page.is_expired, timeout=20_000)
    assert window.redirect_page.record.status is Status.EXPIRED
    assert window.redirect_page.countdown_label.text() == "Expired"
    record, _ = sale.settle(window.redirect_page.cancel_button)  # "Close"
    assert record.status is Status.EXPIRED
    assert window.result_page.title.property("status") == "EXPIRED"


def test_back_from_picker_returns_to_the_order(sale, qtbot):
    sale.charge("9.99")
    picker = sale.window.picker_page
    session = picker.session
    past_enter_guard(sale.window)
    with qtbot.waitSignal(sale.window.flow.stage_changed, timeout=5000):
        qtbot.mouseClick(picker.cancel_button, Qt.MouseButton.LeftButton)  # "Back"
    assert session.state == "cancelled"  # the sheet was closed: 1001930000 to the kit
    assert sale.window.stack.currentWidget() is sale.window.order_page
    assert sale.window.order_page.amount_input.text() == "9.99"
    assert sale.window.services.journal.count_payments() == 0


def test_cancel_from_redirect(sale, qtbot):
    sale.charge("4.20")
    sale.confirm()
    redirect = sale.window.redirect_page
    with qtbot.waitSignal(sale.window.flow.sale_settled, timeout=20_000) as settled:
        qtbot.mouseClick(
            sale.window.findChild(object, "cancelPaymentButton"), Qt.MouseButton.LeftButton
        )
        answer(qtbot, redirect, "cancelPaymentQuestion", "cancel")
    record = settled.args[0]
    assert record.status is Status.CANCELLED
    assert sale.window.result_page.title.property("status") == "CANCELLED"


def test_partial_refund_is_confirmed_in_a_dialog(sale, qtbot):
    sale.charge("20")
    sale.confirm()
    sale.settle(sale.window.redirect_page.simulate_pay)
    flow = sale.window.flow
    qtbot.mouseClick(sale.window.result_page.refund_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: getattr(flow, "refund_dialog", None) is not None and flow.refund_dialog.isVisible(),
        timeout=10_000,
    )
    dialog = flow.refund_dialog
    qtbot.mouseClick(dialog.partial_radio, Qt.MouseButton.LeftButton)
    dialog.amount_input.clear()
    qtbot.keyClicks(dialog.amount_input, "25")  # more than paid: refused inline
    assert not dialog.confirm_button.isEnabled() and dialog.error_label.text()
    dialog.amount_input.clear()
    qtbot.keyClicks(dialog.amount_input, "5")
    assert dialog.confirm_button.text() == "Refund HK$5.00"
    with qtbot.waitSignal(
        flow.tasks.task_finished,
        timeout=15_000,
        check_params_cb=lambda name, _r: name == "sale:refund",
    ) as done:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
        answer(qtbot, dialog, "refundQuestion", "refund")
    refund = done.args[1]
    assert refund.status is Status.SUCCESS and refund.amount.value == 500
    assert sale.window.result_page.refund_label.text() == "Refunded HK$5.00"


def test_invalid_amounts_are_refused_inline(sale, qtbot):
    page = sale.window.order_page
    for typed, reason in (
        ("0", "amount must be greater than zero"),
        ("1.234", "HKD allows at most 2 decimal places"),
        ("", "amount is empty"),
        ("1.2.3", "is not a number"),
    ):
        page.amount_input.setText(typed)
        assert not page.charge_button.isEnabled()  # until the amount is fixed
        qtbot.keyClick(page.amount_input, Qt.Key.Key_Return)  # Enter says why
        assert page.error_label.isVisible() and reason in page.error_label.text()
        assert page.amount_input.property("invalid") is True
        assert sale.window.stack.currentWidget() is page
    qtbot.keyClicks(page.amount_input, "5")  # "1.2.35": still wrong, still said
    assert page.error_label.isVisible() and not page.charge_button.isEnabled()
    page.amount_input.selectAll()
    qtbot.keyClicks(page.amount_input, "5")
    assert not page.error_label.isVisible() and page.charge_button.isEnabled()


def test_gateway_down_then_back(sale, qtbot):
    window = sale.window
    sale.charge("7")
    sale.confirm()
    gateway = window.services.sandbox
    status = window.redirect_page.status_label
    gateway.faults.add("http_error", count=None, status=503)
    qtbot.waitUntil(lambda: status.property("tone") == "warning", timeout=20_000)
    assert status.text() == "Connection lost — retrying…"
    assert window.stack.currentWidget() is window.redirect_page
    gateway.faults.clear()
    qtbot.waitUntil(
        lambda: (
            status.text() in ("Waiting for the customer…", "Checking…")
            and status.property("tone") == "info"
        ),
        timeout=20_000,
    )
    record, _ = sale.settle(window.redirect_page.simulate_pay)
    assert record.status is Status.SUCCESS


def test_open_link_falls_back_to_h5_when_no_handler(make_window, drive, qtbot):
    opened: list[str] = []

    def opener(url: QUrl) -> bool:
        opened.append(url.toString())
        return len(opened) > 1  # nothing handles the wallet link; the H5 page opens

    window = make_window(opener=opener)
    sale = drive(window)
    sale.charge("2")
    sale.confirm()
    record = window.redirect_page.record
    with qtbot.waitSignal(window.redirect_page.link_opened) as blocker:
        qtbot.mouseClick(window.findChild(object, "openLinkButton"), Qt.MouseButton.LeftButton)
    assert opened == [record.deep_link(), record.normal_url]
    assert blocker.args == [record.normal_url, True]
    assert window.redirect_page.status_label.property("tone") == "warning"


def test_open_link_uses_the_wallet_link_when_handled(make_window, drive, qtbot):
    opened: list[str] = []
    window = make_window(opener=lambda url: opened.append(url.toString()) or True)
    sale = drive(window)
    sale.charge("2")
    sale.confirm()
    record = window.redirect_page.record
    with qtbot.waitSignal(window.redirect_page.link_opened) as blocker:
        qtbot.mouseClick(window.redirect_page.open_button, Qt.MouseButton.LeftButton)
    assert opened == [record.deep_link()] and blocker.args == [record.deep_link(), False]


def test_window_stays_responsive_with_a_slow_gateway(sale, qtbot):
    """A QTimer keeps firing on the GUI thread while a 5 s slow request is in flight."""
    import time

    window = sale.window
    sale.charge("6")
    window.services.sandbox.faults.add("latency", seconds=5, count=1, api="pay")
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    ms = sale.confirm()
    timer.stop()
    assert ms >= 4500
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) > 60 and max(gaps) < 0.5, f"GUI thread stalled {max(gaps):.2f} s"
