"""A label that counts down to a payment's expiry ("Expires in 4:59"), urgent in the last
minute; the redirect page and the customer display show the same clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QLabel, QWidget

from cashier_app.ui.text import fill


def _utcnow() -> datetime:
    return datetime.now(UTC)


class CountdownLabel(QLabel):
    """Shows the time left until ``start(expires_at)``'s deadline; ``stop(text)`` freezes
    it. The ``urgent`` property (last 60 s) lets the stylesheet colour it."""

    def __init__(
        self, parent: QWidget | None = None, *, clock: Callable[[], datetime] = _utcnow
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._deadline: datetime | None = None
        #: "%1" is the time left; None: "Expires in %1" (translated)
        self.template: str | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self, expires_at: datetime | None) -> None:
        self._deadline = expires_at
        self._on_timer_timeout()
        if expires_at is not None:
            self._timer.start()

    def stop(self, text: str | None = None) -> None:
        self._timer.stop()
        if text is not None:
            self.setText(text)

    def seconds_left(self) -> int | None:
        if self._deadline is None:
            return None
        return max(0, int((self._deadline - self._clock()).total_seconds()))

    @Slot()
    def _on_timer_timeout(self) -> None:
        left = self.seconds_left()
        if left is None:
            self._timer.stop()
            self.setText("")
            return
        minutes, seconds = divmod(left, 60)
        template = self.template if self.template is not None else self.tr("Expires in %1")
        self.setText(fill(template, f"{minutes}:{seconds:02d}"))
        urgent = left < 60
        if self.property("urgent") != urgent:
            self.setProperty("urgent", urgent)
            self.style().unpolish(self)
            self.style().polish(self)
