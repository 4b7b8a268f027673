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
from PySide6.QtWidgets import QWidget

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
        #: the widget that counted the key being pressed, and the key (key code, text)
        self._counted: tuple[QObject, tuple[int, str]] | None = None

    def watch(self, widget: QObject) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyRelease:
            self._counted = None  # the press is over: the next one is a new key
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        # A key a watched widget ignores (a button ignores digits and Enter) goes on to its
        # parent: if that is watched too, it is the same key, not a second one (a scan of
        # 18 digits on the focused Scan again button read as 36).
        key = (int(event.key()), event.text())
        counted = self._counted
        if (
            counted is not None
            and counted[1] == key
            and isinstance(watched, QWidget)
            and isinstance(counted[0], QWidget)
            and watched.isAncestorOf(counted[0])
        ):
            return False
        self._counted = (watched, key)
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
