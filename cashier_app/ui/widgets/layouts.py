"""Small layout helpers shared by pages and windows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLayout, QSizePolicy, QStackedWidget


def clear_layout(layout: QLayout) -> None:
    """Take every item out of ``layout``; the widgets among them are deleted later."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


class PageStack(QStackedWidget):
    """A stack whose height-for-width is its current page's alone.

    ``QStackedLayout.heightForWidth`` is the largest of *every* page's, ``Ignored`` or not
    (:func:`size_by_current_page` cannot help there), and a scrolling viewport asks it as
    soon as a word-wrapped label shows: at 1024x600 the amount's error made the order page
    scroll by the redirect page's height, and the keypad moved aside for the scroll bar."""

    def heightForWidth(self, width: int) -> int:
        page = self.currentWidget()
        if page is None or not page.hasHeightForWidth():
            return -1  # no height-for-width: the page's minimum size is the rule
        return page.heightForWidth(width)


def size_by_current_page(stack: QStackedWidget) -> Callable[[], None]:
    """Make ``stack`` as large as its current page needs, not as its largest page does.

    A ``QStackedWidget`` asks for the largest minimum of all its pages, so in a scrolling
    viewport a short page (the order page) scrolled as soon as a tall one (the redirect
    page's QR) could not fit. ``QStackedLayout`` leaves out pages whose size policy is
    ``Ignored``: every page but the current one gets it, and its own back when shown.
    Returns what to call after adding pages without changing the current one."""
    own: dict[int, QSizePolicy] = {}
    ignored = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    def show(index: int) -> None:
        for i in range(stack.count()):
            page = stack.widget(i)
            if page is None:
                continue
            key = id(page)
            if key not in own:
                own[key] = page.sizePolicy()
            page.setSizePolicy(own[key] if i == index else ignored)
        stack.updateGeometry()

    stack.currentChanged.connect(show)
    stack.widgetRemoved.connect(lambda _index: own.clear())
    show(stack.currentIndex())
    return lambda: show(stack.currentIndex())
