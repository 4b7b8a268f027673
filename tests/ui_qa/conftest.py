"""QA console fixtures: a started cashier window on the embedded sandbox, console open."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cashier_app.ui import ensure_application
from cashier_app.ui.main_window import MainWindow

START_TIMEOUT = 30_000


@pytest.fixture
def qa_app(qapp: QApplication) -> QApplication:
    return ensure_application(lang="en")


@pytest.fixture
def qa_window(qa_app, qtbot) -> Iterator[MainWindow]:
    """A started window (embedded sandbox over loopback) with the QA console opened by F12."""
    from cashier_app.app import build_services

    window = MainWindow(None, services_factory=lambda name: build_services(name))
    qtbot.addWidget(window)
    window.resize(1280, 860)
    window.show()
    with qtbot.waitSignal(window.services_ready, timeout=START_TIMEOUT):
        pass
    assert not window.qa_dock.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F12)
    qtbot.waitUntil(window.qa_dock.isVisible)
    yield window
    window.close()


@pytest.fixture
def start_sale(qtbot) -> Callable[[MainWindow, str, str], None]:
    """``start_sale(window, amount, method)``: order -> picker -> confirmed, QR shown."""

    def run(window: MainWindow, amount: str = "12.30", method: str = "ALIPAY_HK") -> None:
        flow = window.flow
        window.order_page.amount_input.setText(amount)
        with qtbot.waitSignal(flow.stage_changed, timeout=10_000,
                              check_params_cb=lambda stage: stage == "picker"):
            window.order_page.submit()
        window.picker_page.select(method)
        with qtbot.waitSignal(flow.qr_shown, timeout=20_000):
            qtbot.mouseClick(window.picker_page.confirm_button, Qt.MouseButton.LeftButton)

    return run
