"""A status-bar text that stays readable on a narrow screen: it shows the longest of its
forms (full, shorter, shortest) that fits the room the status bar gives it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:  # (PySide sets up each Qt class's Python type on first use)
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QPaintEvent


class StatusText(QLabel):
    """``set_forms(full, shorter, ..., detail=...)``: the label's text (and accessible name)
    is the full form; it asks for the room of the full form and can do with the shortest
    one, and paints the longest form that fits the width it is given (the shortest elided
    only when even that does not fit, which a window at its minimum width never sees). The
    tooltip holds the full text, with ``detail`` on a line of its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.forms: tuple[str, ...] = ("",)

    def set_forms(self, *forms: str, detail: str = "") -> None:
        self.forms = tuple(dict.fromkeys(form for form in forms if form)) or ("",)
        full = self.forms[0]
        self.setText(full)
        self.setAccessibleName(full)
        self.setAccessibleDescription(detail)
        self.setToolTip(f"{full}\n{detail}" if detail and detail != full else full)
        self.updateGeometry()
        self.update()

    def shown_text(self) -> str:
        """The form painted now: the longest that fits the contents' width."""
        width = self.contentsRect().width()
        metrics = self.fontMetrics()
        for form in self.forms:
            if metrics.horizontalAdvance(form) <= width:
                return form
        from PySide6.QtCore import Qt  # not at import: no Qt enums before the first paint

        return metrics.elidedText(self.forms[-1], Qt.TextElideMode.ElideRight, width)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()  # the full form's, padding included
        metrics = self.fontMetrics()
        shortest = min(metrics.horizontalAdvance(form) for form in self.forms)
        hint.setWidth(hint.width() - metrics.horizontalAdvance(self.forms[0]) + shortest)
        return hint

    def paintEvent(self, event: QPaintEvent) -> None:
        shown = self.shown_text()
        if shown == self.text():
            super().paintEvent(event)
            return
        from PySide6.QtGui import QPainter  # only for a shorter form: after the first paint

        painter = QPainter(self)
        self.drawFrame(painter)  # the stylesheet's background and border, as QLabel's own
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            shown,
            self.foregroundRole(),
        )
        painter.end()  # not left to the garbage collector: an active painter outliving
        # its paint event is what Qt's backing store must never see
