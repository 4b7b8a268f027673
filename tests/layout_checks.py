"""Layout checks for GUI tests (a helper module, not a test): is every text shown whole?"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget


def clipped(root: QWidget, widgets) -> list[str]:
    """Every visible label or button under ``root`` that is not shown whole: narrower or
    lower than its text needs, or (partly) outside what its scroll area or ``root`` shows.
    A scroll area may hold more than it shows only when it can scroll there."""
    out = []
    for w in widgets:
        if not w.isVisibleTo(root) or not (w.text() if hasattr(w, "text") else ""):
            continue
        need = w.sizeHint()
        if isinstance(w, QLabel) and w.wordWrap():
            need.setWidth(min(need.width(), w.width()))
            need.setHeight(w.heightForWidth(w.width()))
        name = w.objectName() or w.text()[:20]
        if w.width() < need.width() or w.height() < need.height():
            out.append(f"{name!r}: {w.width()}x{w.height()} < {need.width()}x{need.height()}")
            continue
        # what is visible of it: clipped by every ancestor up to root (a scroll area's
        # viewport included, unless that area can scroll to it)
        box = QRect(w.mapTo(root, QPoint(0, 0)), w.size())
        parent = w.parentWidget()
        while parent is not None and parent is not root:
            view = QRect(parent.mapTo(root, QPoint(0, 0)), parent.size())
            area = parent.parentWidget()
            if isinstance(area, QScrollArea) and parent is area.viewport():
                parent = area
                # a direction the area scrolls in (its bar shown) brings the rest into view
                if area.verticalScrollBar().isVisible():
                    view.setTop(min(view.top(), box.top()))
                    view.setBottom(max(view.bottom(), box.bottom()))
                if area.horizontalScrollBar().isVisible():
                    view.setLeft(min(view.left(), box.left()))
                    view.setRight(max(view.right(), box.right()))
            box = box.intersected(view)
            parent = parent.parentWidget()
        box = box.intersected(QRect(QPoint(0, 0), root.size()))
        if box.size() != w.size():
            out.append(
                f"{name!r}: only {box.width()}x{box.height()} of {w.width()}x{w.height()} shown"
            )
    return out
