"""Qt event filter for a keyboard-wedge barcode scanner: watches key presses on a widget,
lets them through as typing, and when they turn out to be a scanner's burst ending in
Enter, eats that Enter and emits ``code_scanned``.

Signals: ``code_scanned(str)`` — the text of one scan.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent

from cashier_app.till.wedge import WedgeDetector

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class WedgeScannerFilter(QObject):
    """Install with ``widget.installEventFilter(f)`` (or ``f.watch(widget)``).

    The keys still reach the widget (a person typing the code by hand sees it typed); on a
    scan the page receives ``code_scanned`` and the Enter is consumed so the widget does not
    also act on it. ``clock`` (seconds) is injectable; by default the monotonic clock at
    delivery, since the offscreen platform gives synthetic events no timestamps."""

    code_scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        detector: WedgeDetector | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.detector = detector or WedgeDetector()
        self._clock = clock

    def watch(self, widget: QObject) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        now = self._clock()
        if event.key() in _ENTER_KEYS:
            code = self.detector.enter(now)
            if code is None:
                return False
            self.code_scanned.emit(code)
            return True
        text = event.text()
        if text and text.isprintable():
            self.detector.key(text, now)
        elif event.key() not in (
            Qt.Key.Key_Shift,
            Qt.Key.Key_Control,
            Qt.Key.Key_Alt,
            Qt.Key.Key_Meta,
        ):
            self.detector.reset()  # Backspace, arrows: a person is editing
        return False
