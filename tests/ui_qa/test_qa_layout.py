"""Issue 9 item 7: the QA console's fault form keeps every button on screen in the dock of a
1024x600 till (Add fault, Clear all and Refresh were cut off below the form)."""

from __future__ import annotations

import pytest
from layout_checks import clipped
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_fault_forms_buttons_stay_on_screen_at_1024x600(make_window, cashier_app, qtbot, lang):
    from cashier_app.ui import ensure_application

    ensure_application(lang=lang)
    try:
        window = make_window()
        window.resize(1024, 600)
        qtbot.keyClick(window, Qt.Key.Key_F12)
        qtbot.waitUntil(window.qa_dock.isVisible)
        console = window.qa_dock.console
        panel = console.fault_panel
        console.tabs.setCurrentWidget(panel)
        qtbot.waitUntil(panel.add_button.isVisible)
        buttons = panel.findChildren(QAbstractButton)
        assert {panel.add_button, panel.clear_button, panel.refresh_button} <= set(buttons)
        widgets = buttons + panel.findChildren(QLabel)
        qtbot.waitUntil(lambda: window.qa_dock.height() > 0)
        assert clipped(window, widgets) == []
    finally:
        ensure_application(lang="en")
