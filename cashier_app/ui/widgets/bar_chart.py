"""A small horizontal bar chart painted with QPainter (the end-of-day report's chart)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


@dataclass(frozen=True, slots=True)
class Bar:
    """One row of the chart. ``value`` and ``minus`` are minor units; bars are scaled within
    their ``group`` (a currency), since amounts in different currencies do not compare.
    ``minus`` (refunds) is drawn as a hatched part at the end of the bar."""

    label: str
    value: int
    text: str
    color: str = "#1677FF"
    group: str = ""
    minus: int = 0


class BarChart(QWidget):
    """Horizontal bars, one per (method, currency), with the amount written after each bar.

    Signals: none (display only).
    """

    ROW_HEIGHT = 30
    GAP = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self._empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(80)

    # -- data ---------------------------------------------------------------------------
    def set_bars(self, bars: list[Bar]) -> None:
        self._bars = list(bars)
        # Explicit, so that a scroll area around the chart scrolls rather than clips.
        self.setMinimumHeight(self.minimumSizeHint().height())
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.update()

    # -- geometry -----------------------------------------------------------------------
    def _row_height(self) -> int:
        """At least the text's height, so labels never overlap."""
        return max(self.fontMetrics().height() + 6, 20)

    def sizeHint(self) -> QSize:
        rows = max(len(self._bars), 2)
        return QSize(480, rows * (max(self.ROW_HEIGHT, self._row_height()) + self.GAP) + self.GAP)

    def minimumSizeHint(self) -> QSize:
        # Every row must fit: a scroll area around the chart handles small windows.
        rows = max(len(self._bars), 2)
        return QSize(240, rows * (self._row_height() + self.GAP) + self.GAP)

    # -- painting -----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_color = palette.color(self.foregroundRole())
        if not self._bars:
            painter.setPen(QPen(text_color))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._empty_text)
            painter.end()
            return

        font = QFont(self.font())
        painter.setFont(font)
        metrics = QFontMetrics(font)
        label_w = min(
            max(metrics.horizontalAdvance(b.label) for b in self._bars) + 16,
            int(self.width() * 0.35),
        )
        text_w = max(metrics.horizontalAdvance(b.text) for b in self._bars) + 16
        bar_x = label_w
        bar_max = max(self.width() - label_w - text_w, 20)

        peaks: dict[str, int] = {}
        for bar in self._bars:
            peaks[bar.group] = max(peaks.get(bar.group, 0), bar.value)

        fitted = (self.height() - self.GAP) // len(self._bars) - self.GAP
        row_h = max(self._row_height(), min(self.ROW_HEIGHT, fitted))
        y = float(self.GAP)
        for bar in self._bars:
            label_rect = QRectF(0, y, label_w - 8, row_h)
            painter.setPen(QPen(text_color))
            painter.drawText(
                label_rect,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label_rect.width())),
            )
            peak = peaks.get(bar.group) or 1
            width = bar_max * max(bar.value, 0) / peak
            if bar.value > 0:
                width = max(width, 3.0)
            color = QColor(bar.color)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(QRectF(bar_x, y + 3, width, row_h - 6), 3, 3)
            if bar.minus > 0 and bar.value > 0:
                part = width * min(bar.minus, bar.value) / bar.value
                painter.setBrush(QColor(255, 255, 255, 150))
                painter.drawRect(QRectF(bar_x + width - part, y + 3, part, row_h - 6))
                painter.setBrush(QBrush(color.darker(150), Qt.BrushStyle.BDiagPattern))
                painter.drawRect(QRectF(bar_x + width - part, y + 3, part, row_h - 6))
            painter.setPen(QPen(text_color))
            painter.drawText(
                QRectF(bar_x + width + 8, y, text_w, row_h),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                bar.text,
            )
            y += row_h + self.GAP
        painter.end()
