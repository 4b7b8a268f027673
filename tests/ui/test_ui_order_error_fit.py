"""At 1024x600 the order page does not jump when the amount's error shows: no vertical
scroll bar appears and the keypad stays where it was (en and zh_CN, whose text is longer)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from cashier_app.ui import ensure_application


def _settled(window) -> tuple[int, int, int]:
    """Pending layout requests handled: the page scroll's vertical maximum, the keypad's
    x and the trade summary field's y (the fields under the amount do not move either)."""
    for _ in range(3):
        QApplication.processEvents()
    page = window.order_page
    return (
        window.page_scroll.verticalScrollBar().maximum(),
        page.keypad.mapTo(window, QPoint(0, 0)).x(),
        page.summary_input.mapTo(window, QPoint(0, 0)).y(),
    )


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_amount_error_does_not_move_the_page_at_1024x600(make_window, qtbot, lang):
    ensure_application(lang=lang)
    try:
        window = make_window()
        # a 1024x600 screen less a 24 px panel and the window manager's title bar
        window.resize(1024, 552)
        qtbot.waitUntil(lambda: window.size().toTuple() == (1024, 552), timeout=10_000)
        before = _settled(window)
        assert before[0] == 0  # the order page fits without scrolling
        page = window.order_page
        qtbot.keyClicks(page.amount_input, "12/50")
        qtbot.waitUntil(lambda: page.error_label.isVisible(), timeout=10_000)
        assert page.error_label.text()
        assert _settled(window) == before
        page.amount_input.clear()  # and back: still no jump
        assert _settled(window) == before
    finally:
        ensure_application(lang="en")
