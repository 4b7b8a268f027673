"""GUI fixtures: a configured QApplication and a cashier window on the embedded sandbox."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt

from cashier_app.ui.main_window import MainWindow


class SaleDriver:
    """Drives one window through a sale the way an operator would (keyboard and mouse)."""

    def __init__(self, qtbot, window: MainWindow) -> None:
        self.qtbot, self.window = qtbot, window

    def charge(self, amount: str = "12.30") -> None:
        """Type ``amount`` with the keyboard, press Enter, wait for the picker."""
        field = self.window.order_page.amount_input
        field.setFocus()
        self.qtbot.keyClicks(field, amount)
        with self.qtbot.waitSignal(self.window.flow.stage_changed, timeout=10_000,
                                   check_params_cb=lambda stage: stage == "picker"):
            self.qtbot.keyClick(field, Qt.Key.Key_Return)

    def confirm(self, method: str | None = None) -> float:
        """Pick ``method`` (default: the first), Confirm, wait for the QR; return its ms."""
        picker = self.window.picker_page
        if method is not None:
            self.qtbot.mouseClick(picker.tile(method), Qt.MouseButton.LeftButton)
            assert picker.selected_type() == method
        with self.qtbot.waitSignal(self.window.flow.qr_shown, timeout=20_000) as blocker:
            self.qtbot.mouseClick(picker.confirm_button, Qt.MouseButton.LeftButton)
        self.qtbot.waitUntil(lambda: self.window.redirect_page.qr.isVisible())
        return float(blocker.args[0])

    def settle(self, button, timeout: int = 20_000) -> list:
        """Click a button and wait for the sale's final state: ``[record, ms]``."""
        with self.qtbot.waitSignal(self.window.flow.sale_settled, timeout=timeout) as blocker:
            self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return blocker.args


@pytest.fixture
def sale(make_window, qtbot) -> SaleDriver:
    """A SaleDriver on a fresh started window (600 s expiry)."""
    return SaleDriver(qtbot, make_window())


@pytest.fixture
def drive(qtbot) -> Callable[[MainWindow], SaleDriver]:
    """``drive(window)``: a SaleDriver for a window made with custom options."""
    return lambda window: SaleDriver(qtbot, window)


def decode_qr(widget) -> list[str]:
    """Decode what ``widget`` shows on screen with a real decoder (zxing-cpp)."""
    import numpy as np
    import zxingcpp
    from PySide6.QtGui import QImage

    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height)
    array = data.reshape(height, stride)[:, :width].copy()
    return [r.text for r in zxingcpp.read_barcodes(array)]


@pytest.fixture
def qr_decoder():
    return decode_qr
