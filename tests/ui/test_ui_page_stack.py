"""The window's page stack is as large as its current page, however pages come and go."""

from __future__ import annotations

from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from cashier_app.ui.widgets.layouts import PageStack


def _page(height: int) -> QWidget:
    """A page whose least height comes from its layout, as the window's pages' does."""
    page = QWidget()
    content = QWidget(page)
    content.setMinimumHeight(height)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(content)
    return page


def test_the_stack_asks_for_its_current_pages_height_after_a_page_is_removed(qtbot):
    """A profile switch removes History from the stack: the pages' own size policies were
    then forgotten and relearnt from the pages hidden at that moment (``Ignored``), so the
    order page, shown again, no longer counted and its stack could be squashed."""
    stack = PageStack()
    qtbot.addWidget(stack)
    order, redirect, history = _page(300), _page(460), _page(200)
    for page in (order, redirect, history):
        stack.addWidget(page)
    assert stack.minimumSizeHint().height() == 300  # the order page's, not the redirect's
    stack.setCurrentWidget(history)
    stack.removeWidget(history)  # as a profile switch does
    stack.setCurrentWidget(order)
    assert order.sizePolicy().verticalPolicy() == QSizePolicy.Policy.Preferred
    assert stack.minimumSizeHint().height() == 300
    stack.setCurrentWidget(redirect)
    assert stack.minimumSizeHint().height() == 460
