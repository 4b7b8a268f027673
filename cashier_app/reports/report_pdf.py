"""Paints the end-of-day report on A4 pages with QPainter (QPdfWriter here, QPrinter in the GUI)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from cashier_app.reports.amounts import minor_display
from cashier_app.reports.eod import PdfError, Report, Totals, figures
from cashier_app.reports.qtapp import ensure_gui_app

ROW = 16.0  #: points per table row
GAP = 8.0  #: points between two columns' texts
_COLUMNS = (  # title, alignment
    ("Wallet", Qt.AlignmentFlag.AlignLeft),
    ("Cur.", Qt.AlignmentFlag.AlignLeft),
    ("Sales", Qt.AlignmentFlag.AlignRight),
    ("Amount", Qt.AlignmentFlag.AlignRight),
    ("Refunds", Qt.AlignmentFlag.AlignRight),
    ("Refunded", Qt.AlignmentFlag.AlignRight),
    ("Net", Qt.AlignmentFlag.AlignRight),
    ("Not final", Qt.AlignmentFlag.AlignRight),
)


def _font(size: float, bold: bool = False) -> QFont:
    from cashier_app.reports.receipts import text_font

    font: QFont = text_font(size, bold)
    return font


class _Pager:
    """Keeps a y position in points and starts a new page when a block does not fit."""

    def __init__(self, painter: QPainter, width: float, height: float, new_page: Any) -> None:
        self.p, self.w, self.h, self._new_page = painter, width, height, new_page
        self.y = 0.0
        self.page = 1

    def need(self, height: float) -> None:
        if self.y + height > self.h and self._new_page is not None:
            self._new_page()
            self.page += 1
            self.y = 0.0

    def text(
        self,
        text: str,
        size: float = 10,
        bold: bool = False,
        *,
        x: float = 0,
        width: float | None = None,
        align: Any = Qt.AlignmentFlag.AlignLeft,
        advance: bool = True,
        color: str = "#000000",
    ) -> None:
        self.need(size * 1.6)
        self.p.setFont(_font(size, bold))
        self.p.setPen(QColor(color))
        rect = QRectF(x, self.y, width if width is not None else self.w - x, size * 1.6)
        self.p.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), text)
        if advance:
            self.y += size * 1.6


def _row(pg: _Pager, widths: list[float], cells: list[str], bold: bool = False) -> None:
    pg.need(ROW)
    x = 0.0
    for (_, align), width, text in zip(_COLUMNS, widths, cells, strict=True):
        fitted = QFontMetricsF(_font(9, bold)).elidedText(
            text, Qt.TextElideMode.ElideRight, width - GAP / 2
        )  # only the first column, which takes what the figures leave, is ever elided
        pg.text(fitted, 9, bold, x=x, width=width - GAP / 2, align=align, advance=False)
        x += width
    pg.y += ROW


def _widths(width: float, rows: list[list[str]]) -> list[float]:
    """Each figure's column as wide as its widest text (bold: the headings and totals),
    the first column the rest: fixed shares cut "Refunds" and a million dollars."""
    metrics = QFontMetricsF(_font(9, True))
    figures_w = [
        max(metrics.horizontalAdvance(row[i]) for row in rows) + GAP
        for i in range(1, len(_COLUMNS))
    ]
    return [width - sum(figures_w), *figures_w]


def _cells(t: Totals) -> list[str]:
    return [
        t.label,
        t.currency,
        *figures(t, minor_display),
        str(t.open_count),
    ]


def _shift_cells(sh: Any) -> list[str]:
    return [
        sh.label,
        sh.currency,
        str(sh.sales_count),
        minor_display(sh.sales_minor, sh.currency),
        str(sh.refunds_count),
        minor_display(sh.refunds_minor, sh.currency),
        minor_display(sh.net_minor, sh.currency),
        "",
    ]


def paint_report(
    painter: QPainter,
    width: float,
    height: float,
    report: Report,
    merchant_name: str = "",
    new_page: Any = None,
) -> int:
    """Paint ``report`` in a ``width`` x ``height`` area of points (the painter is already
    scaled to points); ``new_page()`` starts another page. Returns the number of pages."""
    pg = _Pager(painter, width, height, new_page)
    pg.text(f"End-of-day report — {report.day.isoformat()}", 18, True)
    if merchant_name:
        pg.text(merchant_name, 12)
    pg.text(
        f"{report.start:%Y-%m-%d %H:%M} to {report.end:%Y-%m-%d %H:%M} "
        f"({report.tz_name}); generated {report.generated_at:%Y-%m-%d %H:%M} UTC",
        8,
        color="#555555",
    )
    pg.text(f"Environment: {report.environments_label}", 9, True)
    pg.y += 8
    heading = [c[0] for c in _COLUMNS]
    shift_heading = ["Operator", *heading[1:7], ""]
    shifts = report.shifts if any(sh.operator for sh in report.shifts) else ()
    widths = _widths(
        width,
        [
            heading,
            *(_cells(t) for t in (*report.lines, *report.currency_totals)),
            *(_shift_cells(sh) for sh in shifts),
        ],
    )
    _row(pg, widths, heading, bold=True)
    painter.setPen(QColor("#888888"))
    painter.drawLine(0, int(pg.y - 2), int(width), int(pg.y - 2))
    if not report.lines:
        pg.text("No payments on this day.", 10, color="#555555")
    for t in report.lines:
        _row(pg, widths, _cells(t))
    if report.currency_totals:
        pg.need(ROW + 4)
        painter.setPen(QColor("#000000"))
        painter.drawLine(0, int(pg.y + 1), int(width), int(pg.y + 1))
        pg.y += 3
        for t in report.currency_totals:
            _row(pg, widths, _cells(t), bold=True)
    if shifts:  # by shift, once operators are set up
        pg.y += 8
        pg.text("By operator (shift)", 12, True)
        _row(pg, widths, shift_heading, bold=True)
        for sh in shifts:
            _row(pg, widths, _shift_cells(sh))
    _paint_chart(pg, report)
    pg.y += 10
    n_open = len(report.flagged) + len(report.flagged_refunds)
    pg.text(
        f"Needs attention: {n_open} not final" if n_open else "Needs attention: none",
        12,
        True,
        color="#B00020" if n_open else "#000000",
    )
    for p in report.flagged:
        pg.text(
            f"{p.created_at.astimezone(report.start.tzinfo):%H:%M:%S}  {p.status.value:<8}  "
            f"{p.payment_request_id}  {p.amount.display()}  {p.method}",
            9,
        )
    for r in report.flagged_refunds:
        pg.text(
            f"{r.created_at.astimezone(report.start.tzinfo):%H:%M:%S}  REFUND "
            f"{r.status.value}  {r.refund_request_id}  {r.amount.display()}  "
            f"of {r.payment_request_id}",
            9,
        )
    return pg.page


def _paint_chart(pg: _Pager, report: Report) -> None:
    """Net per wallet as horizontal bars, one scale per currency."""
    series = [t for t in report.lines if t.net_minor]
    if not series:
        return
    pg.y += 12
    pg.text("Net by wallet", 11, True)
    peak: dict[str, int] = {}
    for t in series:
        peak[t.currency] = max(peak.get(t.currency, 0), abs(t.net_minor))
    label_w, bar_w = pg.w * 0.30, pg.w * 0.45
    for t in series:
        pg.need(ROW)
        pg.text(f"{t.label} ({t.currency})", 9, x=0, width=label_w - 6, advance=False)
        length = bar_w * abs(t.net_minor) / peak[t.currency]
        colour = QColor("#1677FF" if t.net_minor > 0 else "#B00020")
        pg.p.fillRect(QRectF(label_w, pg.y + 3, max(length, 1.0), ROW - 6), colour)
        pg.text(
            minor_display(t.net_minor, t.currency),
            9,
            x=label_w + length + 6,
            width=pg.w - label_w - length - 6,
            advance=False,
        )
        pg.y += ROW


def report_pdf_writer(report: Report, path: Path | str) -> QPdfWriter:
    """The A4 PDF the report is painted on (300 dpi, 15 mm margins)."""
    ensure_gui_app()
    writer = QPdfWriter(str(path))
    writer.setTitle(f"End-of-day report {report.day.isoformat()}")
    writer.setCreator("cashier")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    return writer


def render_report_pdf(report: Report, path: Path | str, merchant_name: str = "") -> None:
    """Write ``report`` to ``path`` as an A4 PDF."""
    writer = report_pdf_writer(report, path)
    painter = QPainter()
    if not painter.begin(writer):
        raise PdfError.of("cannot_start_pdf", path=path)
    try:
        scale = writer.resolution() / 72.0
        painter.scale(scale, scale)
        paint_report(
            painter,
            writer.width() / scale,
            writer.height() / scale,
            report,
            merchant_name,
            new_page=writer.newPage,
        )
    finally:
        painter.end()
