"""QA console fixtures: a started cashier window on the embedded sandbox, console open."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from cashier_app.ui.main_window import MainWindow

# the zh_CN scan of what an operator reads (tests/ui/visible_text.py) is shared with ui tests
_UI_TESTS = str(Path(__file__).resolve().parent.parent / "ui")
if _UI_TESTS not in sys.path:
    sys.path.insert(0, _UI_TESTS)


@pytest.fixture
def qa_window(make_window, qtbot) -> MainWindow:
    """A started window (embedded sandbox over loopback) with the QA console opened by F12."""
    window = make_window()
    window.resize(1280, 860)
    assert not window.qa_dock.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F12)
    qtbot.waitUntil(window.qa_dock.isVisible)
    return window


@pytest.fixture
def start_sale(qtbot) -> Callable[[MainWindow, str, str], None]:
    """``start_sale(window, amount, method)``: order -> picker -> confirmed, QR shown."""

    def run(window: MainWindow, amount: str = "12.30", method: str = "ALIPAY_HK") -> None:
        flow = window.flow
        window.order_page.amount_input.setText(amount)
        with qtbot.waitSignal(
            flow.stage_changed, timeout=10_000, check_params_cb=lambda stage: stage == "picker"
        ):
            window.order_page.submit()
        window.picker_page.select(method)
        with qtbot.waitSignal(flow.qr_shown, timeout=20_000):
            qtbot.mouseClick(window.picker_page.confirm_button, Qt.MouseButton.LeftButton)

    return run
