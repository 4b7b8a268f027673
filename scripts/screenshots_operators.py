"""Screenshots of operators at the till: sign-in, a wrong PIN, a refund asked of a cashier
(a manager's PIN is needed), the lock-out and End of day by operator.

One language and one screen size per run, under a virtual display with a window manager
(the dialogs are shot with the window behind them, as the operator sees them):

    Xvfb :57 -screen 0 1366x768x24 & DISPLAY=:57 openbox &
    DISPLAY=:57 .venv/bin/python scripts/screenshots_operators.py --lang zh_CN
    DISPLAY=:57 .venv/bin/python scripts/screenshots_operators.py --store-offline

``--store-offline``: store mode with the store server down (a store link to a port where
nothing listens): the sign-in form and the status bar say this till's copy is used.

Throw-away config and data folders; the PINs typed are the demo accounts' below, and a
PIN field shows only dots.
"""

from __future__ import annotations

import argparse
import sys

from screenshots import OUT, answer, question, settle_paint, simulate, to_redirect, wait_for

from cashier_app.app import AppBackend
from cashier_app.operators import CASHIER, MANAGER, OperatorStore
from cashier_app.support import paths
from cashier_app.ui import ensure_application
from cashier_app.ui.main_window import MainWindow

BOSS, BOSS_PIN = "Mei", "284917"
CLERK, CLERK_PIN = "Ana", "5801"


def shot(app, name: str) -> None:
    settle_paint(400)
    path = OUT / f"{name}.png"
    if not app.primaryScreen().grabWindow(0).save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"  {path.name}")


def type_pin(dialog, name: str | None, pin: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    if name is not None:
        dialog.name_edit.clear()
        QTest.keyClicks(dialog.name_edit, name)
        QTest.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    QTest.keyClicks(dialog.pin_edit, pin)
    QTest.keyClick(dialog.pin_edit, Qt.Key.Key_Return)


def form(window: MainWindow, name: str):
    wait_for(
        lambda: (
            window.operators.dialog is not None
            and window.operators.dialog.objectName() == name
            and window.operators.dialog.isVisible()
        ),
        what=name,
    )
    return window.operators.dialog


def said(dialog) -> None:
    """Wait for the form's answer to the PIN just typed."""
    wait_for(lambda: dialog.pin_edit.isEnabled() and dialog.message.text() != "")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    parser.add_argument("--store-offline", action="store_true")
    args = parser.parse_args()
    store = OperatorStore(paths.data_dir() / "operators.sqlite3")
    store.add(BOSS, MANAGER, BOSS_PIN)
    store.add(CLERK, CASHIER, CLERK_PIN)
    store.close()
    if args.store_offline:
        import socket

        from cashier_app.store.connect import StoreLink

        with socket.socket() as s:  # a free port: nothing listens there
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        StoreLink(f"host=127.0.0.1 port={port} dbname=store user=till", "till-1").save()
    app = ensure_application(lang=args.lang)
    screen = app.primaryScreen().size()
    size = f"{screen.width()}x{screen.height()}"
    p = f"operators_{args.lang}_{size}"
    OUT.mkdir(parents=True, exist_ok=True)
    window = MainWindow(None, backend=AppBackend())
    window.showMaximized()
    wait_for(lambda: window.services is not None, what="services")
    dialog = form(window, "signInDialog")
    if args.store_offline:
        return store_offline(app, window, dialog, p)
    shot(app, f"{p}-1-sign-in")
    dialog.message.setText("")
    type_pin(dialog, CLERK, "5802")
    said(dialog)
    shot(app, f"{p}-2-wrong-pin")
    type_pin(dialog, None, CLERK_PIN)
    wait_for(lambda: window.operators.dialog is None, what="signed in")

    flow = window.flow
    window.order_page.amount_input.setText("20.00")
    window.order_page.submit()
    wait_for(lambda: flow.stage == "picker", what="the picker")
    to_redirect(window)
    simulate(window, window.redirect_page.simulate_pay)
    window.result_page.refund_button.click()
    wait_for(lambda: flow.refund_dialog is not None and flow.refund_dialog.isVisible())
    refund = flow.refund_dialog
    refund.confirm_button.click()
    answer(question(refund, "refundQuestion"), "refund")
    approval = form(window, "approvalDialog")
    shot(app, f"{p}-3-refund-asks-a-manager")
    approval.message.setText("")
    type_pin(approval, CLERK, CLERK_PIN)
    said(approval)
    shot(app, f"{p}-4-cashier-cannot-approve")
    type_pin(approval, BOSS, BOSS_PIN)
    wait_for(lambda: window.result_page.refund_state.isVisible(), what="the refund")
    shot(app, f"{p}-5-refunded-operator-in-status-bar")

    flow.new_sale()
    page = window.open_extra_page("report")
    wait_for(lambda: page.report is not None, what="the report")
    page.grouping.setCurrentIndex(1)
    shot(app, f"{p}-6-end-of-day-by-operator")
    window.back_from_extra_page()

    window.operators.accounts_action.trigger()  # Setup → Operators…, a manager's PIN first
    type_pin(form(window, "approvalDialog"), BOSS, BOSS_PIN)
    wait_for(lambda: window.operators.accounts_dialog is not None, what="the operators")
    accounts = window.operators.accounts_dialog
    wait_for(lambda: accounts.list.count() == 2, what="the operators listed")
    accounts.list.setCurrentRow(0)
    shot(app, f"{p}-8-operators")
    accounts.accept()
    wait_for(lambda: window.operators.accounts_dialog is None)

    window.operators.sign_out_action.trigger()
    dialog = form(window, "signInDialog")
    for attempt in range(5):
        dialog.message.setText("")
        type_pin(dialog, BOSS if attempt == 0 else None, "111222")
        wait_for(lambda: dialog.pin_edit.isEnabled() and dialog.message.text() != "")
    shot(app, f"{p}-7-locked")
    window.close_guard.answer = "later"
    window.close()
    return 0


def store_offline(app, window: MainWindow, dialog, p: str) -> int:
    wait_for(lambda: dialog.store_note.isVisible(), what="the store-offline note")
    shot(app, f"{p}-9-store-offline-sign-in")
    type_pin(dialog, CLERK, CLERK_PIN)
    wait_for(lambda: window.operators.dialog is None, what="signed in")
    shot(app, f"{p}-10-store-offline-signed-in")
    window.close_guard.answer = "later"
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
