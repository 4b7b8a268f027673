"""A widget that paints a QR code from the ``qrcode`` matrix: crisp, with a quiet zone and,
for Alipay+ wallets, our own "+" centre mark (docs/cashier-ux.md §4)."""

from __future__ import annotations

import functools

import qrcode
import qrcode.exceptions
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from cashier_app.domain.errors import CashierError

#: Modules of white border required around a QR code by ISO/IEC 18004.
QUIET_ZONE = 4
#: Side of the centre mark as a fraction of the code's side: 0.3² = 9 % of the area, well
#: within error-correction level H (30 %) and below the 15 % we allow ourselves.
MARK_FRACTION = 0.3

_ALIPAY_PLUS_BLUE = QColor("#1677FF")


class QRCodeDataError(CashierError, ValueError):
    """The text does not fit in any QR code version."""

    layer = "ui"


@functools.lru_cache(maxsize=16)
def _encode(data: str, centre_mark: bool) -> tuple[tuple[bool, ...], ...]:
    """The matrix of ``data``, error correction H when the centre mark covers part of it.

    Cached: the redirect page and the customer display show the same code, and encoding
    (the ``qrcode`` package tries all eight masks in pure Python) takes ~25 ms of the GUI
    thread each time on an idle machine, far more under load: the fault matrix caught the
    two in one turn of the event loop at 130 ms."""
    level = qrcode.constants.ERROR_CORRECT_H if centre_mark else qrcode.constants.ERROR_CORRECT_M
    code = qrcode.QRCode(error_correction=level, border=0)
    try:
        code.add_data(data)
        code.make(fit=True)
    except (qrcode.exceptions.DataOverflowError, ValueError) as exc:
        raise QRCodeDataError(f"{len(data)} characters do not fit in a QR code") from exc
    return tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())


class QRCodeWidget(QWidget):
    """Square widget painting ``data`` as a QR code.

    Each module is a whole number of device pixels, so the code stays sharp at every size;
    the leftover space becomes extra margin. ``set_greyed(True)`` washes the code out (an
    expired payment) and shows ``overlay_text`` across it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qrCode")
        self._data = ""
        self._matrix: tuple[tuple[bool, ...], ...] = ()
        self._centre_mark = False
        self._greyed = False
        self._overlay = ""
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(180, 180)

    # -- API ----------------------------------------------------------------------------
    def set_data(self, data: str, *, centre_mark: bool = False) -> None:
        """Encode ``data``; error correction H when the centre mark covers part of it."""
        self._data = data or ""
        self._centre_mark = bool(centre_mark and data)
        self._matrix = _encode(self._data, self._centre_mark) if data else ()
        self.setAccessibleName(self._data)
        self.update()

    def data(self) -> str:
        return self._data

    def has_centre_mark(self) -> bool:
        return self._centre_mark

    def modules(self) -> int:
        """Modules per side (without the quiet zone); 0 when empty."""
        return len(self._matrix)

    def set_greyed(self, greyed: bool, overlay_text: str = "") -> None:
        self._greyed = greyed
        self._overlay = overlay_text if greyed else ""
        self.update()

    def is_greyed(self) -> bool:
        return self._greyed

    # -- sizing -------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    # -- painting -----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        side = min(self.width(), self.height())
        left = (self.width() - side) // 2
        top = (self.height() - side) // 2
        n = len(self._matrix)
        painter.fillRect(
            left, top, side, side, QColor("#EEF1F4") if self._greyed and not n else QColor("white")
        )
        if not n:  # nothing to scan: at most the overlay says why (never a blank code)
            if self._greyed and self._overlay:
                self._paint_overlay(painter, QRectF(left, top, side, side))
            painter.end()
            return
        module = max(1, side // (n + 2 * QUIET_ZONE))
        code_side = module * n
        x0 = left + (side - code_side) // 2
        y0 = top + (side - code_side) // 2
        dark = QColor("#B8BEC6") if self._greyed else QColor("black")
        for r, row in enumerate(self._matrix):
            y = y0 + r * module
            c = 0
            while c < n:  # paint horizontal runs: fewer calls, no seams between modules
                if not row[c]:
                    c += 1
                    continue
                start = c
                while c < n and row[c]:
                    c += 1
                painter.fillRect(x0 + start * module, y, (c - start) * module, module, dark)
        if self._centre_mark:
            self._paint_mark(painter, QRectF(x0, y0, code_side, code_side))
        if self._greyed and self._overlay:
            self._paint_overlay(painter, QRectF(left, top, side, side))
        painter.end()

    def _paint_mark(self, painter: QPainter, code: QRectF) -> None:
        """Our own Alipay+ style mark: a blue rounded square with a white plus."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        size = code.width() * MARK_FRACTION
        outer = QRectF(code.center().x() - size / 2, code.center().y() - size / 2, size, size)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("white"))
        painter.drawRoundedRect(outer, size * 0.18, size * 0.18)
        inner = outer.adjusted(size * 0.1, size * 0.1, -size * 0.1, -size * 0.1)
        blue = QColor("#B8BEC6") if self._greyed else _ALIPAY_PLUS_BLUE
        painter.setBrush(blue)
        painter.drawRoundedRect(inner, inner.width() * 0.22, inner.width() * 0.22)
        arm = inner.width() * 0.56
        bar = inner.width() * 0.16
        c = inner.center()
        painter.setBrush(QColor("white"))
        painter.drawRoundedRect(
            QRectF(c.x() - arm / 2, c.y() - bar / 2, arm, bar), bar / 2, bar / 2
        )
        painter.drawRoundedRect(
            QRectF(c.x() - bar / 2, c.y() - arm / 2, bar, arm), bar / 2, bar / 2
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_overlay(self, painter: QPainter, area: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        band = QRectF(
            area.left(),
            area.center().y() - area.height() * 0.09,
            area.width(),
            area.height() * 0.18,
        )
        painter.fillRect(band, QColor(255, 255, 255, 235))
        font = painter.font()
        font.setPixelSize(max(14, int(area.height() * 0.08)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QPen(QColor("#5F6B7A")))
        painter.drawText(band, Qt.AlignmentFlag.AlignCenter, self._overlay)
