"""Windows and dialogs that open inside the screen they are on (1366x768 and 1024x600
tills included): never larger than its available geometry, frame and panels allowed for."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: What a window manager's frame (title bar, borders) takes before the window has one.
FRAME_ESTIMATE = QMargins(4, 32, 4, 4)


def available_geometry(widget: QWidget) -> QRect:
    """The part of the widget's screen that windows may use (panels and docks left out)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def _frame(widget: QWidget) -> QMargins:
    if widget.isVisible():
        outer, inner = widget.frameGeometry(), widget.geometry()
        known = QMargins(
            inner.left() - outer.left(),
            inner.top() - outer.top(),
            outer.right() - inner.right(),
            outer.bottom() - inner.bottom(),
        )
        if not known.isNull():
            return known
    return (
        FRAME_ESTIMATE
        if QGuiApplication.platformName() not in ("offscreen", "minimal")
        else QMargins()
    )


def fitted_size(widget: QWidget, wanted: QSize) -> QSize:
    """``wanted``, or less where the screen (less the window frame) is smaller."""
    room = available_geometry(widget).marginsRemoved(_frame(widget))
    return QSize(min(wanted.width(), room.width()), min(wanted.height(), room.height()))


def fits(widget: QWidget, wanted: QSize) -> bool:
    return fitted_size(widget, wanted) == wanted


def place(widget: QWidget, wanted: QSize) -> None:
    """Give ``widget`` (a window) ``wanted`` size or what the screen has room for, and
    centre it there (on its parent window when it has one). Its minimum size is lowered
    to fit too, so that scroll areas inside take over instead of the screen's edge."""
    size = fitted_size(widget, wanted)
    minimum = widget.minimumSize()
    widget.setMinimumSize(min(minimum.width(), size.width()), min(minimum.height(), size.height()))
    widget.resize(size)
    room = available_geometry(widget)
    frame = _frame(widget)
    outer = QSize(
        size.width() + frame.left() + frame.right(), size.height() + frame.top() + frame.bottom()
    )
    parent = widget.parentWidget()
    anchor = parent.window().frameGeometry() if parent is not None else room
    x = anchor.center().x() - outer.width() // 2
    y = anchor.center().y() - outer.height() // 2
    x = max(room.left(), min(x, room.right() + 1 - outer.width()))
    y = max(room.top(), min(y, room.bottom() + 1 - outer.height()))
    widget.move(x, y)  # the position of a window's frame
