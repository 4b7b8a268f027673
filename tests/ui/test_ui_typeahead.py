"""Keys an operator types while the cashier is still starting.

Tried under Xvfb: typing ``23.50`` as the window appeared lost ``23.`` to the starting
page and put ``50`` in the amount field once the order page came up, so the till offered
to charge HK$50.00. Now the first paint is the order page itself (its amount takes keys at
once, Charge waits for the services); the starting page of a retried start holds the keys
typed on it (ui/typeahead.py) for the amount. The keyboard is sent to whatever has focus,
as a real keyboard is.
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
    """The first paint is the order page: the amount shows as it is typed, while the
    services still start; Charge waits for them."""
    gate = threading.Event()
    window = make_window(factory=_slow_start(gate), wait=False)
    qtbot.waitUntil(lambda: window._painted)
    page = window.order_page
    assert window.stack.currentWidget() is page
    _type(window, "23.")
    assert page.amount_input.text() == "23."  # on screen at once, not held back
    assert not page.charge_button.isEnabled()
    assert page.charge_button.text() == "Starting…"
    with qtbot.waitSignal(window.services_ready, timeout=30_000):
        gate.set()
    _type(window, "50")
    field = page.amount_input
    assert window.stack.currentWidget() is page
    assert field.text() == "23.50"
    assert field.hasFocus()
    assert page.charge_button.isEnabled() and page.charge_button.text() == "Charge"


def test_enter_typed_while_starting_does_not_charge(make_window, qtbot):
    """The typed amount stays in the field; the Enter charges nothing: the operator
    checks the amount (now judged in the profile's currency) and confirms it, and is
    told why nothing happened yet."""
    gate = threading.Event()
    window = make_window(factory=_slow_start(gate), wait=False)
    qtbot.waitUntil(lambda: window._painted)
    _type(window, "8.80")
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Return)
    with qtbot.waitSignal(window.services_ready, timeout=30_000):
        gate.set()
    assert window.stack.currentWidget() is window.order_page
    assert window.flow.stage == "order"  # no sale was started
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


def test_keys_typed_on_the_starting_page_of_a_retry_reach_the_amount(make_window, qtbot):
    """Try again after a failed start shows "Starting…": the keys typed there are held
    and given to the amount field once the order page is back."""
    gate = threading.Event()
    calls: list[str] = []

    def factory(name):
        calls.append(name)
        if len(calls) == 1:
            raise OSError("the journal's disk is not mounted yet")
        gate.wait(20)
        return build_services(name)

    window = make_window(factory=factory, wait=False)
    with qtbot.waitSignal(window.services_failed, timeout=30_000):
        pass
    assert window.stack.currentWidget() is window.starting_page
    window.starting_page.retry_button.click()
    assert window.stack.currentWidget() is window.starting_page
    _type(window, "7.2")
    with qtbot.waitSignal(window.services_ready, timeout=30_000):
        gate.set()
    _type(window, "5")
    assert window.stack.currentWidget() is window.order_page
    assert window.order_page.amount_input.text() == "7.25"
