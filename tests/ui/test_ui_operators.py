"""Operators at the till window (issue 17 item 5): the sign-in form first once operators are
set up, the operator in the status bar, Sign out, and a manager's PIN asked before a refund
(a cashier's own PIN is refused); wrong PINs until the lock-out, said with when it lifts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sale_steps import SaleDriver, answer

from cashier_app.domain.outcome import Status
from cashier_app.operators import CASHIER, MANAGER, OperatorStore
from cashier_app.support import paths

BOSS, BOSS_PIN = "Mei", "284917"
CLERK, CLERK_PIN = "Ana", "5801"


@pytest.fixture
def staffed():
    store = OperatorStore(paths.data_dir() / "operators.sqlite3")
    store.add(BOSS, MANAGER, BOSS_PIN)
    store.add(CLERK, CASHIER, CLERK_PIN)
    store.close()


def _form(qtbot, window, name):
    qtbot.waitUntil(
        lambda: (
            window.operators.dialog is not None
            and window.operators.dialog.objectName() == name
            and window.operators.dialog.isVisible()
        ),
        timeout=10_000,
    )
    return window.operators.dialog


def _type(qtbot, dialog, name, pin):
    if name is not None:
        dialog.name_edit.clear()
        qtbot.keyClicks(dialog.name_edit, name)
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)  # Enter moves on to the PIN
        assert dialog.pin_edit.hasFocus() or not dialog.isActiveWindow()
    qtbot.keyClicks(dialog.pin_edit, pin)
    qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)


def _refused(qtbot, dialog, text):
    qtbot.waitUntil(lambda: text in dialog.message.text(), timeout=10_000)
    assert dialog.pin_edit.text() == ""  # cleared, the name kept
    return dialog.message.text()


def test_no_operators_set_up_asks_nobody(make_window, qtbot):
    window = make_window()
    qtbot.waitUntil(lambda: "No operators set up" in window.operators.label.text())
    assert window.operators.dialog is None
    assert not window.operators.sign_out_action.isEnabled()


def test_sign_in_sale_and_a_refund_approved_by_a_manager(staffed, make_window, qtbot):
    window = make_window()
    dialog = _form(qtbot, window, "signInDialog")
    assert "Nobody signed in" in window.operators.label.text()
    _type(qtbot, dialog, CLERK, "5802")
    _refused(qtbot, dialog, "Wrong PIN for Ana: 4 more tries")
    _type(qtbot, dialog, None, CLERK_PIN)
    qtbot.waitUntil(lambda: window.operators.dialog is None, timeout=10_000)
    assert window.operators.label.text() == "Operator: Ana (cashier)"
    assert window.operators.sign_out_action.isEnabled()

    sale = SaleDriver(qtbot, window)
    sale.charge("20")
    sale.confirm()
    record, _ = sale.settle(window.redirect_page.simulate_pay)
    assert record.status is Status.SUCCESS
    assert window.services.journal.get_payment(record.payment_request_id).operator == CLERK

    window.flow.refund_dialog = None
    qtbot.mouseClick(window.result_page.refund_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.flow.refund_dialog is not None, timeout=10_000)
    refund = window.flow.refund_dialog
    qtbot.mouseClick(refund.confirm_button, Qt.MouseButton.LeftButton)
    answer(qtbot, refund, "refundQuestion", "refund")
    approval = _form(qtbot, window, "approvalDialog")
    assert (
        "refund HK$20.00" in approval.findChild(type(approval.message), "operatorPinHeading").text()
    )
    _type(qtbot, approval, CLERK, CLERK_PIN)  # a cashier cannot approve, even their own sale
    _refused(qtbot, approval, "Ana is a cashier")
    assert window.services.journal.refunds_for(record.payment_request_id) == []
    with qtbot.waitSignal(
        window.flow.tasks.task_finished,
        timeout=15_000,
        check_params_cb=lambda name, _r: name == "sale:refund",
    ):
        _type(qtbot, approval, BOSS, BOSS_PIN)
    (made,) = window.services.journal.refunds_for(record.payment_request_id)
    assert (made.status, made.operator, made.approved_by) == (Status.SUCCESS, CLERK, BOSS)

    # End of day: by operator (shift) beside by wallet
    with qtbot.waitSignal(window.flow.stage_changed, timeout=5000):
        window.flow.new_sale()
    page = window.open_extra_page("report")
    qtbot.waitUntil(lambda: page.report is not None, timeout=15_000)
    assert page.table.horizontalHeaderItem(0).text() == "Wallet"
    page.grouping.setFocus()
    qtbot.keyClick(page.grouping, Qt.Key.Key_Down)
    assert page.table.horizontalHeaderItem(0).text() == "Operator"
    row = [page.table.item(0, c).text() for c in range(7)]
    assert row[0] == CLERK and row[2] == "1" and row[4] == "1" and row[6] == "HK$0.00"
    qtbot.keyClick(page, Qt.Key.Key_Escape)

    window.operators.sign_out_action.trigger()
    _form(qtbot, window, "signInDialog")
    assert window.operators.label.text() == "Nobody signed in"


def test_wrong_pins_until_the_lock_out_and_its_message(staffed, make_window, qtbot):
    window = make_window()
    dialog = _form(qtbot, window, "signInDialog")
    for left in (4, 3, 2, 1):
        _type(qtbot, dialog, CLERK if left == 4 else None, "1111")
        _refused(qtbot, dialog, f"{left} more tries")
    _type(qtbot, dialog, None, "1111")
    text = _refused(qtbot, dialog, "is now locked until")
    assert "(in 5 min)" in text and "1111" not in text
    _type(qtbot, dialog, None, CLERK_PIN)  # the right PIN changes nothing while locked
    _refused(qtbot, dialog, "locked after 5 wrong PINs")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the sign-in form stays
    assert dialog.isVisible()


def test_the_first_manager_is_set_up_from_the_window(make_window, qtbot):
    """Setup → Operators on a till with none: no PIN is asked, the first must be a manager,
    bad PINs are refused by name; once it exists the till asks who is at it."""
    window = make_window()
    qtbot.waitUntil(lambda: "No operators set up" in window.operators.label.text())
    window.operators.accounts_action.trigger()
    qtbot.waitUntil(lambda: window.operators.accounts_dialog is not None, timeout=10_000)
    dialog = window.operators.accounts_dialog
    qtbot.waitUntil(lambda: "No operators yet" in dialog.hint.text())
    # The only role the first account may have is offered (it offered cashier, which
    # was then refused once both PINs were typed)
    assert dialog.role_combo.currentData() == "manager"
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("cashier"))
    qtbot.keyClicks(dialog.name_edit, CLERK)
    qtbot.keyClicks(dialog.pin_edit, CLERK_PIN)
    qtbot.keyClicks(dialog.pin_again, CLERK_PIN)
    qtbot.mouseClick(dialog.buttons["add"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "first operator must be a manager" in dialog.message.text())
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("manager"))
    dialog.name_edit.setText(BOSS)
    qtbot.keyClicks(dialog.pin_edit, "1234")
    qtbot.keyClicks(dialog.pin_again, "1234")
    qtbot.mouseClick(dialog.buttons["add"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "too easy to guess" in dialog.message.text())
    qtbot.keyClicks(dialog.pin_edit, BOSS_PIN)
    qtbot.keyClicks(dialog.pin_again, "284918")
    qtbot.mouseClick(dialog.buttons["add"], Qt.MouseButton.LeftButton)
    assert "differ" in dialog.message.text()
    qtbot.keyClicks(dialog.pin_edit, BOSS_PIN)
    qtbot.keyClicks(dialog.pin_again, BOSS_PIN)
    qtbot.mouseClick(dialog.buttons["add"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=10_000)
    assert "Mei added" in dialog.message.text()
    assert window.operators.label.text() == "Nobody signed in"
    qtbot.mouseClick(dialog.buttons["close"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.operators.accounts_dialog is None)
    window.operators.accounts_action.trigger()  # now a manager's PIN is asked first
    _form(qtbot, window, "approvalDialog")


def test_operators_set_up_from_the_cli_while_the_window_runs(make_window, qtbot):
    """The first manager added by ``cashier operator add`` in another process: back at the
    order page the till asks who is at it (and checkout refused a sale meanwhile)."""
    from sale_steps import to_picker

    window = make_window()
    qtbot.waitUntil(lambda: "No operators set up" in window.operators.label.text())
    store = OperatorStore(paths.data_dir() / "operators.sqlite3")
    store.add(BOSS, MANAGER, BOSS_PIN)
    store.close()
    to_picker(qtbot, window, "3")
    with qtbot.waitSignal(window.flow.stage_changed, timeout=5000):
        qtbot.keyClick(window.picker_page, Qt.Key.Key_Escape)  # back to the order
    dialog = _form(qtbot, window, "signInDialog")
    assert window.operators.label.text() == "Nobody signed in"
    _type(qtbot, dialog, BOSS, BOSS_PIN)
    qtbot.waitUntil(lambda: window.operators.label.text() == "Operator: Mei (manager)")


def test_store_server_down_signs_in_from_the_tills_copy_and_says_so(
    staffed, memory_keyring, make_window, qtbot
):
    """Store mode (the operators file is the copy of the store's accounts) with the store
    server down: the form says the PIN is checked against this till's copy; so does the
    status bar once signed in."""
    from pg_server import free_port

    from cashier_app.store.connect import StoreLink

    StoreLink(f"host=127.0.0.1 port={free_port()} dbname=store user=till", "till-1").save()
    window = make_window()
    dialog = _form(qtbot, window, "signInDialog")
    assert dialog.store_note.isVisibleTo(dialog)
    assert "store server cannot be reached" in dialog.store_note.text()
    _type(qtbot, dialog, CLERK, CLERK_PIN)
    qtbot.waitUntil(lambda: window.operators.dialog is None, timeout=10_000)
    assert window.operators.label.text() == "Operator: Ana (cashier) · store offline"
    assert "this till's copy" in window.operators.label.toolTip()


def test_signing_out_leaves_nothing_of_the_last_sale_on_screen(staffed, make_window, qtbot):
    """Ana signed out at the result page of her sale and Mei, signing in, found Ana's sale
    (its amount, wallet and Refund button) on screen: Sign out goes back to an empty order
    page, as a new sale would, whatever page was shown."""
    window = make_window()
    dialog = _form(qtbot, window, "signInDialog")
    _type(qtbot, dialog, CLERK, CLERK_PIN)
    qtbot.waitUntil(lambda: window.operators.dialog is None, timeout=10_000)
    sale = SaleDriver(qtbot, window)
    sale.charge("20")
    sale.confirm()
    record, _ = sale.settle(window.redirect_page.simulate_pay)
    assert record.status is Status.SUCCESS
    assert window.stack.currentWidget() is window.result_page

    window.operators.sign_out_action.trigger()
    _form(qtbot, window, "signInDialog")
    assert window.stack.currentWidget() is window.order_page
    assert window.order_page.amount_input.text() == ""
    assert window.flow.stage == "order"
