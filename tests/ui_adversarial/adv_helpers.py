"""Keyboard steps of a sale shared by the adversarial GUI tests."""

from __future__ import annotations

from PySide6.QtCore import Qt

from cashier_app.ui.main_window import MainWindow


def to_picker(qtbot, window: MainWindow, amount: str = "12.30") -> None:
    """Type ``amount`` and press Enter; wait for the picker."""
    field = window.order_page.amount_input
    field.setFocus()
    qtbot.keyClicks(field, amount)
    with qtbot.waitSignal(window.flow.stage_changed, timeout=10_000,
                          check_params_cb=lambda stage: stage == "picker"):
        qtbot.keyClick(field, Qt.Key.Key_Return)


def to_redirect(qtbot, window: MainWindow, amount: str = "12.30") -> None:
    to_picker(qtbot, window, amount)
    with qtbot.waitSignal(window.flow.qr_shown, timeout=20_000):
        qtbot.keyClick(window.picker_page, Qt.Key.Key_Return)
