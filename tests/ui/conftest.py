"""GUI fixtures: a configured QApplication and a cashier window on the embedded sandbox."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sale_steps import SaleDriver

from cashier_app.ui.main_window import MainWindow


@pytest.fixture
def sale(make_window, qtbot) -> SaleDriver:
    """A SaleDriver on a fresh started window (600 s expiry)."""
    return SaleDriver(qtbot, make_window())


@pytest.fixture
def drive(qtbot) -> Callable[[MainWindow], SaleDriver]:
    """``drive(window)``: a SaleDriver for a window made with custom options."""
    return lambda window: SaleDriver(qtbot, window)


def decode_qr(widget, *, wait: bool = True) -> list[str]:
    """Decode what ``widget`` shows on screen with a real decoder (zxing-cpp), once every
    QR code in it has been encoded (their worker hands the matrix back to the GUI thread)."""
    import numpy as np
    import zxingcpp
    from PySide6.QtGui import QImage
    from PySide6.QtTest import QTest

    from cashier_app.ui.widgets.qr_code import QRCodeWidget

    codes = [widget] if isinstance(widget, QRCodeWidget) else []
    codes += widget.findChildren(QRCodeWidget)
    for _ in range(500 if wait else 0):
        if not any(code.is_pending() for code in codes):
            break
        QTest.qWait(10)

    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height)
    array = data.reshape(height, stride)[:, :width].copy()
    return [r.text for r in zxingcpp.read_barcodes(array)]


@pytest.fixture
def qr_decoder():
    return decode_qr
