"""The status bar follows the store server whatever page is shown (the [store] closing
note's left-over: "store offline" cleared only at the next return to the order page). The
store link (the service layer) says when the server goes away and when it is back; the
window follows that one signal, no timer of its own. Real PostgreSQL, stopped and started
while History is on screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_store_operators import BOSS_PIN, CLERK_PIN
from test_store_views import join_here

from cashier_app.operators import CASHIER, MANAGER, OperatorStore
from cashier_app.store.connect import connect
from cashier_app.store.operators import StoreOperators


def _sign_in(qtbot, window, name: str, pin: str) -> None:
    qtbot.waitUntil(lambda: window.operators.dialog is not None, timeout=20_000)
    dialog = window.operators.dialog
    qtbot.keyClicks(dialog.name_edit, name)
    qtbot.keyClicks(dialog.pin_edit, pin)
    qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.operators.dialog is None, timeout=20_000)


def test_store_offline_comes_and_goes_while_history_is_shown(
    store_db, pg_server, tmp_path, memory_keyring, make_window, qtbot
):
    accounts = StoreOperators(
        lambda: connect(store_db.till_dsn, timeout=2), OperatorStore(tmp_path / "ops.sqlite3")
    )
    accounts.add("Mei", MANAGER, BOSS_PIN)
    accounts.add("Ana", CASHIER, CLERK_PIN)
    accounts.close()
    join_here(store_db, "till-a")
    window = make_window()
    _sign_in(qtbot, window, "Ana", CLERK_PIN)
    label = window.operators.label
    assert label.text() == "Operator: Ana (cashier)"
    history = window.open_extra_page("history")
    qtbot.waitUntil(lambda: window.services.store_link.state.connected, timeout=20_000)
    pg_server.stop()
    try:
        qtbot.waitUntil(lambda: "store offline" in label.text(), timeout=20_000)
        assert "this till's copy" in label.toolTip()
        assert window.stack.currentWidget() is history  # no return to the order page
    finally:
        pg_server.start()
    qtbot.waitUntil(lambda: label.text() == "Operator: Ana (cashier)", timeout=20_000)
    assert window.stack.currentWidget() is history
    assert "this till's copy" not in label.toolTip()
