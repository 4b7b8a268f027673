"""The counter flow operators know from Square and Odoo (issue 9, item 6): Escape goes back
one step, a failed sale can be tried again, destructive steps ask first, the result page
prints, refunds show on the result page and in History, the customer sees the countdown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sale_steps import answer, pdf_printer

from cashier_app.domain.outcome import Status
from cashier_app.ui.models.payments_model import PaymentsModel


def test_escape_on_the_picker_goes_back_to_the_order_with_the_amount(sale, qtbot):
    window = sale.window
    order = window.order_page
    reference = order.reference_input.text()
    sale.charge("12.30")
    with qtbot.waitSignal(window.flow.stage_changed, timeout=5000) as went:
        qtbot.keyClick(window.picker_page, Qt.Key.Key_Escape)
    assert went.args == ["order"]
    assert window.stack.currentWidget() is order
    assert order.amount_input.text() == "12.30"
    assert order.reference_input.text() == reference
    assert order.charge_button.isEnabled()
    sale.charge("")  # Enter again: the same amount reaches the picker once more
    assert window.picker_page.amount_label.text() == "HK$12.30"


def test_a_declined_sale_offers_try_again_with_the_same_amount_and_reference(sale, qtbot):
    window = sale.window
    sale.charge("8")
    sale.confirm("ALIPAY_CN")
    first, _ = sale.settle(window.redirect_page.simulate_decline)
    result = window.result_page
    assert first.status is Status.FAILED
    assert result.try_again_button.isVisible() and result.new_sale_button.isVisible()
    with qtbot.waitSignal(
        window.flow.stage_changed, timeout=10_000, check_params_cb=lambda stage: stage == "picker"
    ):
        qtbot.mouseClick(result.try_again_button, Qt.MouseButton.LeftButton)
    assert window.picker_page.amount_label.text() == "HK$8.00"
    sale.confirm("ALIPAY_HK")  # a wallet is chosen again
    second = window.redirect_page.record
    assert second.payment_request_id != first.payment_request_id
    assert second.amount == first.amount and second.method == "ALIPAY_HK"
    assert second.reference_order_id == first.reference_order_id
    record, _ = sale.settle(window.redirect_page.simulate_pay)
    assert record.status is Status.SUCCESS
    assert not result.try_again_button.isVisible()


def test_cancel_payment_asks_first(sale, qtbot):
    window = sale.window
    sale.charge("4.20")
    sale.confirm()
    redirect = window.redirect_page
    qtbot.mouseClick(redirect.cancel_button, Qt.MouseButton.LeftButton)
    answer(qtbot, redirect, "cancelPaymentQuestion", "keep")
    assert window.flow.stage == "redirect"
    assert window.services.checkout.get(redirect.record.payment_request_id).status is Status.PENDING
    with qtbot.waitSignal(window.flow.sale_settled, timeout=20_000) as settled:
        qtbot.keyClick(redirect, Qt.Key.Key_Escape)  # Escape: back one step = cancel, asked
        answer(qtbot, redirect, "cancelPaymentQuestion", "cancel")
    assert settled.args[0].status is Status.CANCELLED


def _paid_sale(sale, amount="20"):
    sale.charge(amount)
    sale.confirm()
    record, _ = sale.settle(sale.window.redirect_page.simulate_pay)
    assert record.status is Status.SUCCESS
    return record


def _open_refund(qtbot, window):
    flow = window.flow
    flow.refund_dialog = None
    qtbot.mouseClick(window.result_page.refund_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: getattr(flow, "refund_dialog", None) is not None and flow.refund_dialog.isVisible(),
        timeout=10_000,
    )
    return flow.refund_dialog


def _refund_five(qtbot, window):
    """HK$5.00 of the sale on the result page, as a partial refund, confirmed."""
    dialog = _open_refund(qtbot, window)
    dialog.partial_radio.setChecked(True)
    dialog.amount_input.setText("5")
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    answer(qtbot, dialog, "refundQuestion", "refund")


def test_refund_asks_first_and_its_button_states_the_amount(sale, qtbot):
    window = sale.window
    record = _paid_sale(sale)
    dialog = _open_refund(qtbot, window)
    assert dialog.confirm_button.text() == "Refund HK$20.00"
    qtbot.mouseClick(dialog.partial_radio, Qt.MouseButton.LeftButton)
    dialog.amount_input.clear()
    qtbot.keyClicks(dialog.amount_input, "5")
    assert dialog.confirm_button.text() == "Refund HK$5.00"
    qtbot.keyClicks(dialog.amount_input, "0")  # 50: more than was paid
    assert not dialog.confirm_button.isEnabled()
    assert "HK$5.00" not in dialog.confirm_button.text()  # never a stale amount
    qtbot.keyClick(dialog.amount_input, Qt.Key.Key_Backspace)
    assert dialog.confirm_button.text() == "Refund HK$5.00"
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    answer(qtbot, dialog, "refundQuestion", "keep")  # not this time
    assert dialog.isVisible()
    assert window.services.journal.refunds_for(record.payment_request_id) == []
    with qtbot.waitSignal(
        window.flow.tasks.task_finished,
        timeout=15_000,
        check_params_cb=lambda name, _r: name == "sale:refund",
    ):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
        answer(qtbot, dialog, "refundQuestion", "refund")
    assert window.services.journal.refunded_total(record.payment_request_id) == 500


def test_refunds_show_on_the_result_page_and_in_history(sale, qtbot):
    window = sale.window
    result = window.result_page
    record = _paid_sale(sale)
    # The result page's refund state is read by a "sale:refund-state" task that also runs
    # when the page is shown: waiting for that task's signal could catch the earlier run
    # (seen under load), so wait for what the operator sees instead.
    _refund_five(qtbot, window)
    qtbot.waitUntil(
        lambda: result.refund_state.text().startswith("Partly refunded"), timeout=15_000
    )
    assert "HK$15.00" in result.refund_state.text()
    assert result.refund_button.isEnabled()
    dialog = _open_refund(qtbot, window)
    assert dialog.confirm_button.text() == "Refund HK$15.00"
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    answer(qtbot, dialog, "refundQuestion", "refund")
    qtbot.waitUntil(lambda: result.refund_state.text() == "Refunded", timeout=15_000)
    assert not result.refund_button.isEnabled()

    page = window.open_extra_page("history")
    model = page.model

    def status_of(prid):
        for row in range(model.rowCount()):
            if model.record(row).payment_request_id == prid:
                return model.index(row, PaymentsModel.COL_STATUS).data()
        return None

    qtbot.waitUntil(lambda: status_of(record.payment_request_id) is not None, timeout=10_000)
    assert status_of(record.payment_request_id) == "Refunded"


def test_history_shows_partly_refunded(sale, qtbot):
    window = sale.window
    record = _paid_sale(sale, "9")
    window.services.checkout.refund(record.payment_request_id, type(record.amount)(100, "HKD"), "")
    page = window.open_extra_page("history")
    model = page.model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10_000)
    row = next(
        r
        for r in range(model.rowCount())
        if model.record(r).payment_request_id == record.payment_request_id
    )
    assert model.index(row, PaymentsModel.COL_STATUS).data() == "Partly refunded"


def test_the_result_page_prints_and_saves_the_receipt(sale, qtbot, tmp_path, pdftotext):
    window = sale.window
    record = _paid_sale(sale, "6.50")
    result = window.result_page
    assert result.save_button.isVisible() and result.print_button.isVisible()
    receipts = window.flow.receipts
    target = tmp_path / "sale.pdf"
    receipts.ask_save_path = lambda _default: str(target)
    with qtbot.waitSignal(receipts.finished, timeout=10_000):
        qtbot.mouseClick(result.save_button, Qt.MouseButton.LeftButton)
    assert str(target) in result.refund_label.text()

    printed = tmp_path / "printed.pdf"
    receipts.ask_printer = lambda: pdf_printer(printed)
    with qtbot.waitSignal(receipts.finished, timeout=10_000):
        qtbot.mouseClick(result.print_button, Qt.MouseButton.LeftButton)
    for pdf in (target, printed):
        text = pdftotext(pdf)
        assert "PAID" in text and "6.50" in text and record.payment_id in text


def test_the_customer_display_shows_the_countdown(sale, qtbot):
    window = sale.window
    window.display_action.setChecked(True)
    display = window.display
    sale.charge("3")
    sale.confirm()
    assert display.stack.currentWidget() is display.qr_view
    qtbot.waitUntil(
        lambda: display.countdown_label.text().startswith("Expires in 9:"), timeout=5000
    )
    assert display.countdown_label.isVisible()
    window.display_action.setChecked(False)


def test_escape_on_history_goes_back_to_the_order_being_typed(sale, qtbot):
    window = sale.window
    qtbot.keyClicks(window.order_page.amount_input, "7.5")
    page = window.open_extra_page("history")
    assert window.stack.currentWidget() is page
    with qtbot.waitSignal(window.flow.stage_changed, timeout=5000) as went:
        qtbot.keyClick(page.table, Qt.Key.Key_Escape)
    assert went.args == ["order"]
    assert window.stack.currentWidget() is window.order_page
    assert window.order_page.amount_input.text() == "7.5"


def test_an_open_history_shows_a_refund_made_elsewhere(sale, qtbot):
    window = sale.window
    record = _paid_sale(sale, "10")
    window.flow.new_sale()
    page = window.open_extra_page("history")
    model = page.model
    qtbot.waitUntil(lambda: model.row_of(record.payment_request_id) >= 0, timeout=10_000)
    row = model.row_of(record.payment_request_id)
    assert model.index(row, PaymentsModel.COL_STATUS).data() == "Success"
    window.services.checkout.refund(record.payment_request_id, None, "")  # e.g. the CLI
    qtbot.waitUntil(
        lambda: (
            model.index(model.row_of(record.payment_request_id), PaymentsModel.COL_STATUS).data()
            == "Refunded"
        ),
        timeout=10_000,
    )


def test_a_refund_still_in_process_is_not_called_refunded(sale, qtbot):
    """Under Xvfb: a refund answered U / REFUND_IN_PROCESS (it settles later, or fails)
    made the result page and History say "Refunded" at once, though the receipt printed
    from the same History row said PENDING: the customer was told the money was back
    before the wallet said so."""
    from cashier_app.sandbox.faults import Fault

    window = sale.window
    result = window.result_page
    record = _paid_sale(sale)
    window.services.sandbox.faults.add_fault(Fault("async_refund", api="refund", seconds=600))
    dialog = _open_refund(qtbot, window)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    answer(qtbot, dialog, "refundQuestion", "refund")
    qtbot.waitUntil(lambda: "being processed" in result.refund_label.text(), timeout=15_000)
    qtbot.waitUntil(lambda: result.refund_state.text() == "Refund pending", timeout=15_000)
    assert not result.refund_button.isEnabled()  # it may yet succeed: nothing more to refund

    page = window.open_extra_page("history")
    model = page.model
    qtbot.waitUntil(lambda: model.row_of(record.payment_request_id) >= 0, timeout=10_000)
    row = model.row_of(record.payment_request_id)
    assert model.index(row, PaymentsModel.COL_STATUS).data() == "Refund pending"
    page.table.selectRow(row)
    pane = page.details
    qtbot.waitUntil(lambda: pane.status_label.text() == "Refund pending", timeout=10_000)
    # the row as the details just read it, not "Refunded" once the pane has loaded
    assert model.index(row, PaymentsModel.COL_STATUS).data() == "Refund pending"


def test_re_inquire_in_history_also_asks_how_an_unknown_refund_ended(sale, qtbot):
    """Under Xvfb: a refund whose answer was lost (the connection reset after the gateway
    refunded) stayed "Refund pending" all day: History's Re-inquire asked only about the
    sale ("Re-inquired: Success") and never about its refund."""
    from cashier_app.sandbox.faults import Fault

    window = sale.window
    record = _paid_sale(sale)
    faults = window.services.sandbox.faults
    faults.add_fault(Fault("reset", count=20, api="refund", after=True))
    dialog = _open_refund(qtbot, window)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    answer(qtbot, dialog, "refundQuestion", "refund")
    result = window.result_page
    qtbot.waitUntil(lambda: result.refund_state.text() == "Refund pending", timeout=30_000)
    faults.clear()

    page = window.open_extra_page("history")
    model = page.model
    qtbot.waitUntil(lambda: model.row_of(record.payment_request_id) >= 0, timeout=10_000)
    page.table.selectRow(model.row_of(record.payment_request_id))
    pane = page.details
    qtbot.waitUntil(lambda: pane.status_label.text() == "Refund pending", timeout=10_000)
    qtbot.waitUntil(page.reinquire_button.isEnabled, timeout=10_000)
    qtbot.mouseClick(page.reinquire_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.status_label.text() == "Refunded", timeout=15_000)
    (refund,) = window.services.journal.refunds_for(record.payment_request_id)
    assert refund.status is Status.SUCCESS


def test_typing_the_next_amount_on_the_result_page_starts_the_next_sale(sale, qtbot):
    """Two quick sales in a row, under Xvfb: with the first sale's "Payment received" on
    screen the operator typed the next amount, 15; the digits went nowhere and the next
    order page came up empty."""
    window = sale.window
    _paid_sale(sale)
    assert window.flow.stage == "result"
    for ch in "15":
        qtbot.keyClick(window.focusWidget() or window.result_page, ch)
    assert window.flow.stage == "order"
    assert window.order_page.amount_input.text() == "15"
    assert window.order_page.amount_input.hasFocus() or not window.isActiveWindow()


def test_a_partly_refunded_sale_fits_a_1024x600_till_without_scrolling(sale, qtbot):
    """After a partial refund the result page (its refund state and the refund's banner
    added) needed about 30 px more than a 1024x600 till has, and scrolled."""
    window = sale.window
    window.resize(1024, 576)  # 600 less a window manager's title bar
    qtbot.waitUntil(lambda: window.height() == 576)
    result = window.result_page
    _paid_sale(sale)
    _refund_five(qtbot, window)
    qtbot.waitUntil(
        lambda: (
            result.refund_label.isVisible()
            and result.refund_state.text().startswith("Partly refunded")
        ),
        timeout=15_000,
    )
    bar = window.page_scroll.verticalScrollBar()
    viewport = window.page_scroll.viewport()
    stack = window.stack

    def settled() -> bool:  # the scroll area has given the page what it asks for
        return stack.height() == max(viewport.height(), stack.minimumSizeHint().height())

    qtbot.waitUntil(settled)
    assert bar.maximum() == 0
    for widget in (result.new_sale_button, result.refund_label, result.title):
        top = widget.mapTo(viewport, widget.rect().topLeft()).y()
        assert top >= 0 and top + widget.height() <= viewport.height(), widget.objectName()


def test_a_late_word_on_a_full_refund_does_not_offer_refund_again(sale, qtbot):
    """Seen as a flaky test under load: the result page said "Refunded" with Refund…
    enabled. The journal's word that the refund had settled re-read it and switched
    Refund… on before the refund state was read again, so for a moment (the operator's
    click) the page offered to refund a sale with nothing left."""
    window = sale.window
    result, flow = window.result_page, window.flow
    _paid_sale(sale)
    dialog = _open_refund(qtbot, window)
    with qtbot.waitSignal(
        flow.tasks.task_finished,
        timeout=15_000,
        check_params_cb=lambda name, _r: name == "sale:refund",
    ) as sent:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
        answer(qtbot, dialog, "refundQuestion", "refund")
    qtbot.waitUntil(lambda: result.refund_state.text() == "Refunded", timeout=15_000)
    assert not result.refund_button.isEnabled()
    with qtbot.waitSignal(
        flow.tasks.task_finished,
        timeout=15_000,
        check_params_cb=lambda name, _r: name == "sale:refund-settled",
    ):
        flow.after.refund_settled(result.record, sent.args[1].refund_request_id)
    assert not result.refund_button.isEnabled()
