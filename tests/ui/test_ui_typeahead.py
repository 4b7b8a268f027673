"""Keys an operator types while the cashier is still starting.

Tried under Xvfb: typing ``23.50`` as the window appeared lost ``23.`` to the starting
page and put ``50`` in the amount field once the order page came up, so the till offered
to charge HK$50.00. The keyboard is sent to whatever has focus, as a real keyboard is.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cashier_app.app import build_services


def _type(window, text: str) -> None:
    for ch in text:
        target = QApplication.focusWidget() or window
        QTest.keyClick(target, ch)


def _slow_start(gate: threading.Event):
    def factory(name):
        gate.wait(20)
        return build_services(name)

    return factory


def test_keys_typed_while_starting_reach_the_amount_whole(make_window, qtbot):
    gate = threading.Event()
    window = make_window(factory=_slow_start(gate), wait=False)
    qtbot.waitUntil(lambda: window._painted)  # the operator sees "Starting the cashier…"
    assert window.stack.currentWidget() is window.starting_page
    _type(window, "23.")
    with qtbot.waitSignal(window.services_ready, timeout=30_000):
        gate.set()
    _type(window, "50")
    field = window.order_page.amount_input
    assert window.stack.currentWidget() is window.order_page
    assert field.text() == "23.50"
    assert field.hasFocus()


def test_enter_typed_while_starting_does_not_charge(make_window, qtbot):
    """The typed amount is put in the field; the Enter is not replayed: the operator sees
    the amount and confirms it, and is told why nothing happened yet."""
    gate = threading.Event()
    window = make_window(factory=_slow_start(gate), wait=False)
    qtbot.waitUntil(lambda: window._painted)  # the operator sees "Starting the cashier…"
    assert window.stack.currentWidget() is window.starting_page
    _type(window, "8.80")
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Return)
    _type(window, "99")
    with qtbot.waitSignal(window.services_ready, timeout=30_000):
        gate.set()
    assert window.stack.currentWidget() is window.order_page
    assert window.order_page.amount_input.text() == "8.80"
    assert window.banner.isVisibleTo(window)
    assert "check the amount" in window.banner.text().lower()


def test_a_bad_character_typed_while_starting_is_kept_and_refused(make_window, qtbot):
    gate = threading.Event()
    window = make_window(factory=_slow_start(gate), wait=False)
    qtbot.waitUntil(lambda: window._painted)
    _type(window, "12/5")
    with qtbot.waitSignal(window.services_ready, timeout=30_000):
        gate.set()
    page = window.order_page
    assert page.amount_input.text() == "12/5"  # never silently 125
    assert not page.charge_button.isEnabled()
