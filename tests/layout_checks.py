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


def status_texts_cut(window) -> list[str]:
    """Every text in ``window``'s status bar that is not shown whole: what a label shows
    (``shown_text()`` where it picks one of its ``forms`` for the room it has, else its
    text) is wider than the label's contents, is not one of its forms (elided), or lies
    (partly) outside the status bar; and wherever a shorter form stands for the full
    text, that full text is its accessible name and is in its tooltip."""
    bar = window.statusBar()
    out = []
    for w in bar.findChildren(QLabel):
        if not w.isVisibleTo(window) or not w.text():
            continue
        full = w.text()
        shown = w.shown_text() if hasattr(w, "shown_text") else full
        forms = tuple(getattr(w, "forms", (full,)))
        name = w.objectName() or full[:20]
        need = w.fontMetrics().horizontalAdvance(shown)
        if shown not in forms:
            out.append(f"{name!r}: shows {shown!r}, none of its forms")
        elif w.contentsRect().width() < need:
            out.append(f"{name!r}: {shown!r} needs {need} px, has {w.contentsRect().width()}")
        box = QRect(w.mapTo(bar, QPoint(0, 0)), w.size())
        if not QRect(QPoint(0, 0), bar.size()).contains(box):
            out.append(f"{name!r}: outside the status bar")
        if shown != full and (w.accessibleName() != full or full not in w.toolTip()):
            out.append(f"{name!r}: shows {shown!r}, its full text is not in reach")
    return out


def cells_cut(table, columns) -> list[str]:
    """Every cell of ``columns`` in ``table`` (a QTableView) whose text is not shown whole:
    wider than its column (the view elides it; the model's font for the cell, the style's
    text margins), or running past the right edge of the view (as it is scrolled now)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont, QFontMetrics
    from PySide6.QtWidgets import QStyle

    model = table.model()
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
    view = table.viewport().width()
    out = []
    for row in range(model.rowCount()):
        for col in columns:
            index = model.index(row, col)
            text = str(index.data() or "")
            font = index.data(Qt.ItemDataRole.FontRole)
            # as the delegate draws it: the model's font over the view's (styled) one
            font = font.resolve(table.font()) if isinstance(font, QFont) else table.font()
            metrics = QFontMetrics(font)
            need = metrics.horizontalAdvance(text) + margin
            left = table.columnViewportPosition(col)
            if table.columnWidth(col) < need:
                out.append(f"row {row} col {col} {text!r}: {table.columnWidth(col)} < {need}")
            elif left + need > view:
                out.append(f"row {row} col {col} {text!r}: {left}+{need} past the view's {view}")
    return out
