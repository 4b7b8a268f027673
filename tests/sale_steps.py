"""Steps of a sale, taken the way an operator takes them, shared by the GUI tests."""

from __future__ import annotations

from PySide6.QtCore import Qt

from cashier_app.ui.main_window import MainWindow


class StillClock:
    """A monotonic clock (seconds) that moves only when told: the picker's Enter guard."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def to_picker(qtbot, window: MainWindow, amount: str = "12.30") -> None:
    """Type ``amount`` and press Enter; wait for the picker."""
    field = window.order_page.amount_input
    field.setFocus()
    qtbot.keyClicks(field, amount)
    with qtbot.waitSignal(
        window.flow.stage_changed, timeout=10_000, check_params_cb=lambda stage: stage == "picker"
    ):
        qtbot.keyClick(field, Qt.Key.Key_Return)


def past_enter_guard(window: MainWindow) -> None:
    """The operator reads the picker before pressing Enter: its clock moves past the guard
    that ignores an Enter doubled from Charge (no sleeping in tests)."""
    from cashier_app.ui.pages.picker_page import ENTER_GUARD_S

    picker = window.picker_page
    clock = picker.clock
    picker.clock = lambda: clock() + ENTER_GUARD_S


def to_redirect(qtbot, window: MainWindow, amount: str = "12.30") -> None:
    to_picker(qtbot, window, amount)
    past_enter_guard(window)
    with qtbot.waitSignal(window.flow.qr_shown, timeout=20_000):
        qtbot.keyClick(window.picker_page, Qt.Key.Key_Return)


class SaleDriver:
    """Drives one window through a sale the way an operator would (keyboard and mouse)."""

    def __init__(self, qtbot, window: MainWindow) -> None:
        self.qtbot, self.window = qtbot, window

    def charge(self, amount: str = "12.30") -> None:
        """Type ``amount`` with the keyboard, press Enter, wait for the picker."""
        to_picker(self.qtbot, self.window, amount)

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


def answer(qtbot, parent, name: str, key: str, timeout: int = 10_000) -> None:
    """Wait for the window-modal question ``name`` under ``parent`` and press its ``key``
    answer (the button named ``<key>Answer``), as the operator would."""
    from PySide6.QtWidgets import QMessageBox, QPushButton

    def shown():
        return next(
            (box for box in parent.findChildren(QMessageBox, name) if box.isVisible()), None
        )

    qtbot.waitUntil(lambda: shown() is not None, timeout=timeout)
    button = shown().findChild(QPushButton, f"{key}Answer")
    assert button is not None, f"question {name} has no answer {key!r}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def pdf_printer(path):
    """A QPrinter that "prints" to the PDF file ``path`` (what a print dialog returns)."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer
