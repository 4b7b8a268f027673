"""A widget that paints a QR code from the ``qrcode`` matrix: crisp, with a quiet zone and,
for Alipay+ wallets, our own "+" centre mark (docs/cashier-ux.md §4)."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from typing import ClassVar

import qrcode
import qrcode.exceptions
from PySide6.QtCore import QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from cashier_app.domain.errors import CashierError

#: Modules of white border required around a QR code by ISO/IEC 18004.
QUIET_ZONE = 4
#: Side of the centre mark as a fraction of the code's side: 0.3² = 9 % of the area, well
#: within error-correction level H (30 %) and below the 15 % we allow ourselves.
MARK_FRACTION = 0.3

_ALIPAY_PLUS_BLUE = QColor("#1677FF")

log = logging.getLogger(__name__)


class QRCodeDataError(CashierError, ValueError):
    """The text does not fit in any QR code version."""

    layer = "ui"
    MESSAGES: ClassVar[dict[str, str]] = {
        "characters_do_not_fit_qr_code": "{data} characters do not fit in a QR code",
    }


def _new_code(data: str, centre_mark: bool) -> qrcode.QRCode:
    level = qrcode.constants.ERROR_CORRECT_H if centre_mark else qrcode.constants.ERROR_CORRECT_M
    code = qrcode.QRCode(error_correction=level, border=0)
    try:
        code.add_data(data)
        code.best_fit()  # the version: under a millisecond, and says at once what cannot fit
    except (qrcode.exceptions.DataOverflowError, ValueError) as exc:
        raise QRCodeDataError.of("characters_do_not_fit_qr_code", data=len(data)) from exc
    return code


def encode_matrix(data: str, centre_mark: bool) -> tuple[tuple[bool, ...], ...]:
    """The matrix of ``data``, error correction H when the centre mark covers part of it.

    Slow: the ``qrcode`` package tries all eight masks in pure Python, ~25 ms on an idle
    machine and well over 100 ms under load (the fault matrix caught it on the GUI thread),
    so the widget runs it on :data:`_ENCODER`'s worker and keeps the latest matrices."""
    key = (data, centre_mark)
    with _CACHE_LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    code = _new_code(data, centre_mark)
    code.make(fit=False)
    matrix = tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())
    with _CACHE_LOCK:
        _CACHE[key] = matrix
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return matrix


def _cached(data: str, centre_mark: bool) -> tuple[tuple[bool, ...], ...] | None:
    with _CACHE_LOCK:
        return _CACHE.get((data, centre_mark))


_CACHE_SIZE = 16
_CACHE: OrderedDict[tuple[str, bool], tuple[tuple[bool, ...], ...]] = OrderedDict()
_CACHE_LOCK = threading.Lock()


class _Encoder(QObject):
    """Encodes on one worker thread and announces each matrix on the GUI thread.

    One shared object (made on the GUI thread): widgets connect to :attr:`encoded` and keep
    only the answer for the data they still show; a widget deleted meanwhile is simply
    disconnected by Qt, so a late answer reaches nobody."""

    encoded = Signal(str, bool, object)

    def __init__(self) -> None:
        super().__init__()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qr-encode")

    def submit(self, data: str, centre_mark: bool) -> None:
        def work() -> None:
            try:
                matrix: tuple[tuple[bool, ...], ...] | None = encode_matrix(data, centre_mark)
            except Exception:  # checked by best_fit already; never leave a widget waiting
                log.exception("QR encoding failed")
                matrix = None
            self.encoded.emit(data, centre_mark, matrix)

        self._pool.submit(work)


_ENCODER: _Encoder | None = None


def _encoder() -> _Encoder:
    global _ENCODER
    if _ENCODER is None:
        _ENCODER = _Encoder()
    return _ENCODER


class QRCodeWidget(QWidget):
    """Square widget painting ``data`` as a QR code.

    Each module is a whole number of device pixels, so the code stays sharp at every size;
    the leftover space becomes extra margin. ``set_greyed(True)`` washes the code out (an
    expired payment) and shows ``overlay_text`` across it.

    The matrix is encoded off the GUI thread (:func:`encode_matrix`): until it arrives the
    widget paints "Preparing the code…", never a blank or a stale code, and
    :attr:`ready` is emitted once the code is on screen.
    """

    ready = Signal()

    def __init__(self, parent: QWidget | None = None, *, square_by_width: bool = True) -> None:
        """``square_by_width``: ask for a height equal to the width given (a column that
        can grow downwards); False where the height is short (the redirect page beside the
        QA console): the code is then the largest square of whatever room it gets."""
        super().__init__(parent)
        self.setObjectName("qrCode")
        self._square_by_width = square_by_width
        self._data = ""
        self._matrix: tuple[tuple[bool, ...], ...] = ()
        self._centre_mark = False
        self._greyed = False
        self._overlay = ""
        self._pending = False
        self._listening = False
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(square_by_width)
        self.setSizePolicy(policy)
        self.setMinimumSize(180, 180)

    # -- API ----------------------------------------------------------------------------
    def set_data(self, data: str, *, centre_mark: bool = False) -> None:
        """Show ``data``; error correction H when the centre mark covers part of it.

        Raises :class:`QRCodeDataError` at once when ``data`` cannot fit in any version;
        otherwise the code appears when its worker has encoded it (at once if it was
        encoded before)."""
        data = data or ""
        mark = bool(centre_mark and data)
        matrix = _cached(data, mark) if data else ()
        if matrix is None:
            _new_code(data, mark)  # QRCodeDataError here, on the caller's stack
        self._data, self._centre_mark = data, mark
        self.setAccessibleName(data)
        if matrix is None:
            self._matrix, self._pending = (), True
            encoder = _encoder()
            if not self._listening:
                encoder.encoded.connect(self._on_encoded)
                self._listening = True
            encoder.submit(data, mark)
        else:
            self._matrix, self._pending = matrix, False
            if matrix:
                self.ready.emit()
        self.update()

    def _on_encoded(self, data: str, centre_mark: bool, matrix: object) -> None:
        if not self._pending or (data, centre_mark) != (self._data, self._centre_mark):
            return  # an answer for a code this widget no longer shows
        self._pending = False
        self._matrix = matrix if isinstance(matrix, tuple) else ()
        self.update()
        if self._matrix:
            self.ready.emit()

    def is_pending(self) -> bool:
        """Whether the code is still being encoded (nothing scannable painted yet)."""
        return self._pending

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
        return self._square_by_width

    def heightForWidth(self, width: int) -> int:
        return width if self._square_by_width else -1

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
            elif self._pending:
                self._paint_overlay(
                    painter, QRectF(left, top, side, side), self.tr("Preparing the code…")
                )
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

    def _paint_overlay(self, painter: QPainter, area: QRectF, text: str = "") -> None:
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
        painter.drawText(band, Qt.AlignmentFlag.AlignCenter, text or self._overlay)
