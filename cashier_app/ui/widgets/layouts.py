"""Small layout helpers shared by pages and windows."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout, QSizePolicy, QStackedWidget, QWidget


def clear_layout(layout: QLayout) -> None:
    """Take every item out of ``layout``; the widgets among them are deleted later."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


class PageStack(QStackedWidget):
    """A stack as large as its current page, not as its largest page.

    A ``QStackedWidget`` asks for the largest minimum of all its pages, so in a scrolling
    viewport a short page (the order page) scrolled as soon as a tall one (the redirect
    page's QR) could not fit. ``QStackedLayout`` leaves out pages whose size policy is
    ``Ignored``: every page but the current one gets it, and its own (kept from when it was
    added) back when shown. Its height-for-width is the largest of every page's, ``Ignored``
    or not, and a scrolling viewport asks it as soon as a word-wrapped label shows (at
    1024x600 the amount's error made the order page scroll by the redirect page's height):
    :meth:`heightForWidth` is the current page's alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._own: dict[int, QSizePolicy] = {}  #: each page's own policy, by id
        self.currentChanged.connect(self._fit)
        self.widgetRemoved.connect(self._forget_removed)

    def addWidget(self, page: QWidget) -> int:
        self._own[id(page)] = page.sizePolicy()
        index = super().addWidget(page)
        self._fit()  # also when the page on show stays current: no currentChanged
        return index

    def heightForWidth(self, width: int) -> int:
        page = self.currentWidget()
        if page is None or not page.hasHeightForWidth():
            return -1  # no height-for-width: the page's minimum size is the rule
        return page.heightForWidth(width)

    def _fit(self, _index: int = -1) -> None:
        ignored = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        current = self.currentWidget()
        for i in range(self.count()):
            page = self.widget(i)
            if page is not None:
                page.setSizePolicy(self._own[id(page)] if page is current else ignored)
        self.updateGeometry()

    def _forget_removed(self, _index: int) -> None:
        present = {id(self.widget(i)) for i in range(self.count())}
        self._own = {key: policy for key, policy in self._own.items() if key in present}
