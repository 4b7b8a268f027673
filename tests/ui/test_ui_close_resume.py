"""A live payment survives closing (issue 9, item 4): closing or quitting while the customer
may be paying asks first, and the next start shows the same code again instead of
cancelling it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sale_steps import answer, to_redirect

from cashier_app.domain.outcome import Status


def test_closing_with_a_live_payment_asks_and_keep_waiting_keeps_it(make_window, qtbot):
    window = make_window()
    to_redirect(qtbot, window, "5")
    record = window.redirect_page.record
    window.close()
    answer(qtbot, window, "closeQuestion", "wait")
    assert window.isVisible() and window.flow.stage == "redirect"
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # Quit asks too
    answer(qtbot, window, "closeQuestion", "wait")
    assert window.isVisible() and window.services is not None
    assert window.services.checkout.get(record.payment_request_id).status is Status.PENDING
    assert window.flow.poller.is_active()


def test_quit_and_resume_later_shows_the_same_code_at_the_next_start(
    make_window, drive, qtbot, qr_decoder
):
    first = make_window()
    to_redirect(qtbot, first, "5")
    record = first.redirect_page.record
    sandbox_url = first.services.sandbox.url
    first.close()
    answer(qtbot, first, "closeQuestion", "later")
    qtbot.waitUntil(lambda: not first.isVisible())
    assert first.services is None  # closed: journal, gateway and till lock let go

    second = make_window(wait=False)
    with qtbot.waitSignal(second.payment_resumed, timeout=30_000) as resumed:
        pass
    assert resumed.args[0].payment_request_id == record.payment_request_id
    redirect = second.redirect_page
    assert second.flow.stage == "redirect"
    assert second.stack.currentWidget() is redirect
    assert redirect.record.payment_request_id == record.payment_request_id
    qtbot.waitUntil(redirect.qr.isVisible)
    assert qr_decoder(redirect.qr) == [record.code_value]
    # The embedded sandbox came back on its address: the code and the link still open.
    assert second.services.sandbox.url == sandbox_url
    assert record.code_value.startswith(sandbox_url + "/")
    assert redirect.countdown_label.text().startswith("Expires in 9:")
    banner = second.banner.text()
    started = record.created_at.astimezone().strftime("%H:%M")
    assert second.banner.isVisible()
    assert "HK$5.00" in banner and "Alipay" in banner and started in banner
    assert "cancel" not in banner.lower()
    done, _ = drive(second).settle(redirect.simulate_pay)  # the customer pays the same code
    assert done.status is Status.SUCCESS
    assert done.payment_request_id == record.payment_request_id


def test_cancel_the_payment_and_quit(make_window, qtbot):
    first = make_window()
    to_redirect(qtbot, first, "6")
    record = first.redirect_page.record
    qtbot.keyClick(first, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    answer(qtbot, first, "closeQuestion", "cancel")
    qtbot.waitUntil(lambda: not first.isVisible(), timeout=20_000)

    second = make_window(wait=False)
    with qtbot.waitSignal(second.payments_recovered, timeout=30_000) as recovered:
        pass
    assert recovered.args[0] == []  # nothing was left open
    assert second.services.journal.get_payment(record.payment_request_id).status is Status.CANCELLED
    assert second.services.sandbox.payment(record.payment_id)["paymentStatus"] == "CANCELLED"
    assert second.flow.stage == "order"


def test_a_code_about_to_expire_is_not_offered_back(make_window, qtbot):
    first = make_window(expiry_seconds=3)  # less than the time a customer needs to scan
    to_redirect(qtbot, first, "2")
    prid = first.redirect_page.record.payment_request_id
    first.close()
    answer(qtbot, first, "closeQuestion", "later")
    qtbot.waitUntil(lambda: not first.isVisible())
    second = make_window(wait=False)
    with qtbot.waitSignal(second.payments_recovered, timeout=30_000) as recovered:
        pass
    assert [r.payment_request_id for r in recovered.args[0]] == [prid]
    assert recovered.args[0][0].status in (Status.EXPIRED, Status.CANCELLED)
    assert second.flow.stage == "order"


def test_a_payment_to_resume_waits_until_the_till_is_back_at_the_order(make_window, qtbot):
    first = make_window()
    to_redirect(qtbot, first, "3")
    prid = first.redirect_page.record.payment_request_id
    first.close_guard.answer = "later"
    first.close()
    qtbot.waitUntil(lambda: not first.isVisible())
    second = make_window()  # started; its recovery answers on a later turn of the loop
    assert second.open_extra_page("history") is not None  # the operator went to History
    with qtbot.waitSignal(second.payments_recovered, timeout=30_000):
        pass
    assert second.flow.stage == "history"  # not pulled away from what they are doing
    with qtbot.waitSignal(second.payment_resumed, timeout=10_000) as resumed:
        qtbot.keyClick(second, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert resumed.args[0].payment_request_id == prid
    assert second.flow.live_payment().payment_request_id == prid
