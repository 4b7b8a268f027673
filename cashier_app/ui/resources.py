"""Load the GUI's files from the package data (``cashier_app/resources``): stylesheet, wallet
tiles, icons.

Before the first paint only the stylesheet is read: the Qt classes that draw icons and
tiles (QIcon, QPainter, QPixmap, whose Python types PySide sets up on first use) are
imported by the functions that use them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from cashier_app import resources

if TYPE_CHECKING:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QIcon, QPixmap


def _transparent() -> QColor:
    """Qt.GlobalColor.transparent without touching ``Qt`` (PySide building the ``Qt``
    namespace's enums took about a sixth of a bare window's start-up)."""
    from PySide6.QtGui import QColor

    return QColor(0, 0, 0, 0)


def resources_dir() -> Path:
    """``cashier_app/resources`` wherever the package is: checkout, wheel or bundle."""
    return resources()


def stylesheet() -> str:
    """The one application stylesheet (``resources/style.qss``); empty if missing."""
    path = resources_dir() / "style.qss"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def wallet_tile_path(method_type: str) -> Path:
    return resources_dir() / "wallets" / f"{method_type.upper()}.svg"


def icon_path(name: str) -> Path:
    return resources_dir() / "icons" / f"{name}.svg"


def render_svg(path: Path, size: QSize) -> QPixmap | None:
    """Render an SVG file to a transparent pixmap of ``size``; None if it cannot be read."""
    from PySide6.QtGui import QPainter, QPixmap
    from PySide6.QtSvg import QSvgRenderer  # when first needed

    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        return None
    pixmap = QPixmap(size)
    pixmap.fill(_transparent())
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    return pixmap


@cache
def _wallet_pixmap(method_type: str, side: int) -> QPixmap:
    from PySide6.QtCore import QSize

    pixmap = render_svg(wallet_tile_path(method_type), QSize(side, side))
    return pixmap if pixmap is not None else _painted_tile(method_type, side)


def wallet_pixmap(method_type: str, side: int = 48) -> QPixmap:
    """The wallet's tile artwork; painted from the catalog when the SVG is missing."""
    return _wallet_pixmap(method_type.upper(), side)


def icon(name: str) -> QIcon:
    """An icon from ``resources/icons/<name>.svg`` (an empty icon if it does not exist)."""
    from PySide6.QtGui import QIcon

    path = icon_path(name)
    return QIcon(str(path)) if path.is_file() else QIcon()


def icon_pixmap(name: str, side: int) -> QPixmap:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QPixmap

    pixmap = render_svg(icon_path(name), QSize(side, side))
    if pixmap is None:
        pixmap = QPixmap(side, side)
        pixmap.fill(_transparent())
    return pixmap


def _painted_tile(method_type: str, side: int) -> QPixmap:
    """Fallback artwork drawn the same way scripts/make_wallet_tiles.py draws the SVGs."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QFont, QPainter, QPixmap

    from cashier_app.domain import methods

    try:
        method = methods.get(method_type)
        colour, text = QColor(method.brand_color), method.initials
    except methods.UnknownMethodError:
        colour, text = QColor("#5F6B7A"), method_type[:2]
    pixmap = QPixmap(side, side)
    pixmap.fill(_transparent())
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(0, 0, side, side, side * 0.22, side * 0.22)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(side * (0.42 if len(text) <= 2 else 0.3)))
    painter.setFont(font)
    painter.setPen(QColor("white") if colour.lightness() < 170 else QColor("#1B1B1B"))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap
