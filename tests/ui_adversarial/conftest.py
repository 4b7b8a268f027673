"""Fixtures for the adversarial GUI tests: a started cashier window on the embedded sandbox."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication

from cashier_app.ui import ensure_application
from cashier_app.ui.main_window import MainWindow

START_TIMEOUT = 30_000


@pytest.fixture
def adv_app(qapp: QApplication) -> QApplication:
    return ensure_application(lang="en")


@pytest.fixture
def adv_window(adv_app, qtbot) -> Iterator[Callable[..., MainWindow]]:
    """``adv_window(factory=None, wait=True)``: a shown MainWindow, closed at teardown."""
    windows: list[MainWindow] = []

    def make(*, factory=None, wait: bool = True, expiry_seconds: int = 600) -> MainWindow:
        from cashier_app.app import build_services

        def default_factory(profile_name):
            return build_services(profile_name, expiry_seconds=expiry_seconds)

        window = MainWindow(None, services_factory=factory or default_factory)
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(1280, 800)
        window.show()
        if wait:
            with qtbot.waitSignal(window.services_ready, timeout=START_TIMEOUT):
                pass
        return window

    yield make
    for window in windows:
        window.close()
