"""Demo mode: with "Customer pays automatically" on, a sale settles with nobody clicking Pay."""

from __future__ import annotations

from PySide6.QtCore import Qt

from cashier_app.domain.outcome import Status


def _toggle(qtbot, window, on: bool) -> None:
    page = window.redirect_page
    with qtbot.waitSignal(
        window.tasks.task_finished,
        timeout=10_000,
        check_params_cb=lambda name, _r: name == "sandbox:autopay",
    ):
        page.autopay_check.setChecked(on)


def test_customer_pays_by_itself(make_window, drive, qtbot):
    window = make_window()
    sale = drive(window)
    page = window.redirect_page
    page.autopay_delay.setValue(1)
    sale.charge("8.80")
    sale.confirm()
    assert page.autopay_check.isVisible() and not page.autopay_hint.isVisible()
    # Turned on while the code shows: it applies to this code too.
    with qtbot.waitSignal(window.flow.sale_settled, timeout=15_000) as blocker:
        _toggle(qtbot, window, True)
        assert page.autopay_hint.isVisible()
        assert page.autopay_hint.text() == "Customer will pay in 1 s (demo)"
    record = blocker.args[0]
    assert record.status is Status.SUCCESS
    assert window.services.sandbox.autopay.action == "approve"

    # The setting stays for the session: the next sale pays by itself as well.
    qtbot.mouseClick(window.result_page.new_sale_button, Qt.MouseButton.LeftButton)
    sale.charge("3.00")
    with qtbot.waitSignal(window.flow.sale_settled, timeout=15_000) as blocker:
        sale.confirm()
        assert page.autopay_hint.isVisible()
    assert blocker.args[0].status is Status.SUCCESS
    assert page.autopay_check.isChecked()


def test_toggle_off_leaves_the_customer_to_the_operator(make_window, drive, qtbot):
    window = make_window()
    sale = drive(window)
    page = window.redirect_page
    page.autopay_delay.setValue(0)
    sale.charge("4.00")
    sale.confirm()
    _toggle(qtbot, window, True)
    qtbot.waitUntil(lambda: window.flow.stage == "result", timeout=15_000)
    qtbot.mouseClick(window.result_page.new_sale_button, Qt.MouseButton.LeftButton)
    _toggle(qtbot, window, False)
    assert window.services.sandbox.autopay.action == "off"
    sale.charge("5.00")
    sale.confirm()
    assert not page.autopay_hint.isVisible()
    payment_id = page.record.payment_id
    # Nothing pays it: the sandbox keeps it waiting until the operator acts.
    qtbot.wait(800)  # several sandbox ticks; a wrong auto-payer would have paid by now
    assert window.services.sandbox.payment(payment_id)["paymentStatus"] == "PROCESSING"
    record, _ms = sale.settle(page.simulate_decline)
    assert record.status is Status.FAILED
