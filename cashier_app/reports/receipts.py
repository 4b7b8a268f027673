"""Receipts for a sale or a refund: one set of lines, painted (PDF, printer) or as plain text.

``receipt_data`` gathers what a receipt says; ``receipt_lines`` decides the wording and
order once; ``paint_receipt`` (QPainter: QPdfWriter or the GUI's QPrinter) and
``receipt_text`` (plain text) both render those lines, so paper and PDF never disagree.

A receipt is printed in the operator's language (``lang``: the GUI's or the CLI's): its
words come from the compiled catalog (context ``Receipt``, read without Qt, as the CLI
reads it); amounts, ids and times are printed as they are. On a roll of characters
(``text_rows``: plain text and ESC/POS) a Chinese character takes two columns, and an id
is never cut across lines unless it is longer than a whole line.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from cashier_app.domain import methods
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import (
    ANTOM_SANDBOX,
    EMBEDDED_SANDBOX,
    PRODUCTION,
    PaymentRecord,
    RefundRecord,
)
from cashier_app.domain.values import dataclass
from cashier_app.reports.amounts import minor_display
from cashier_app.reports.eod import PdfError, ReceiptError
from cashier_app.reports.wrap import cut_id, display_width, wrap
from cashier_app.support.catalog import Catalog

#: The Alipay+ mark, as text, on receipts of Alipay+ partner wallets (docs/cashier-ux.md).
ALIPAY_PLUS_MARK = "Alipay+™ PARTNER"
#: The two receipt layouts: an 80 mm thermal roll and an A4 page.
THERMAL, A4 = "80mm", "a4"
PAPERS = (THERMAL, A4)
#: Logical width of a receipt in painter units, per layout; scaled to whatever rect it is
#: painted in (the roll's 72 mm printable width, a 150 mm column on A4).
LOGICAL_WIDTHS = {THERMAL: 300.0, A4: 520.0}
LOGICAL_WIDTH = LOGICAL_WIDTHS[THERMAL]
#: Width of the label column ("Payment ID") in logical units, per layout.
_LABEL_WIDTHS = {THERMAL: 92.0, A4: 150.0}
#: Paper width for the roll PDF: a common 80 mm thermal roll.
PAPER_WIDTH_MM = 80.0
#: Width of the receipt column on an A4 page, centred.
A4_COLUMN_MM = 150.0

#: The translation context of the receipt's words (resources/i18n).
RECEIPT_CONTEXT = "Receipt"

_STATUS_WORDS = {
    Status.SUCCESS: "PAID",
    Status.FAILED: "FAILED",
    Status.CANCELLED: "CANCELLED",
    Status.EXPIRED: "EXPIRED",
    Status.PENDING: "PENDING",
    Status.CREATED: "NOT SENT",
    Status.UNKNOWN: "UNKNOWN",
}


#: What a receipt of a sandbox sale says under its status (at most 40 characters).
_TEST_MARKS = {
    EMBEDDED_SANDBOX: "DEMO SANDBOX - NOT REAL MONEY",
    ANTOM_SANDBOX: "ANTOM SANDBOX - NOT REAL MONEY",
}


#: Words of a receipt that are not a status or a label of ``receipt_lines``.
_OTHER_WORDS = (
    "Receipt",
    "SALE",
    "REFUND",
    "REFUNDED",
    "PARTLY REFUNDED",
    "Thank you",
    "Unknown wallet",
    "Scanned code %1",
    "Order code",
    "%1: %2",
    "%1 (%2 lines)",
    # the order-code slip (till/escpos_printer.py)
    "Scan with %1",
    "Valid until %1",
)
_LABELS = (
    "Wallet",
    "Paid with",
    "Payment ID",
    "Request ID",
    "Refund request",
    "Refund ID",
    "Order",
    "Item",
    "Time",
    "Served by",
    "Result",
    "Refund",
    "Refundable",
)
#: Labels whose value is an id: kept whole on a line of its own rather than cut.
ID_LABELS = frozenset({"Payment ID", "Request ID", "Refund request", "Refund ID", "Order"})


def receipt_texts() -> set[str]:
    """Every English word a receipt may print (scripts/update_translations.py keeps the
    ``Receipt`` context equal to these)."""
    return {
        *_STATUS_WORDS.values(),
        *_TEST_MARKS.values(),
        *_OTHER_WORDS,
        *_LABELS,
    }


def translator(lang: str) -> Callable[[str], str]:
    """``text -> text in lang`` for the receipt's words (English when untranslated)."""
    catalog = Catalog.load(lang)
    return lambda text: catalog.translate(RECEIPT_CONTEXT, text) or text


def _fill(template: str, *args: str) -> str:
    for i, arg in enumerate(args, 1):
        template = template.replace(f"%{i}", arg)
    return template


@dataclass(frozen=True, slots=True)
class ReceiptData:
    """Everything a receipt shows, already formatted."""

    merchant_name: str
    kind: str  #: "SALE" or "REFUND"
    amount: str  #: "HK$12.30"
    status: str  #: "PAID", "REFUNDED", "FAILED", ...
    wallet: str
    alipay_plus: bool
    payment_request_id: str
    payment_id: str
    time: str
    trade_summary: str = ""
    reference_order_id: str = ""
    result_code: str = ""
    refund_request_id: str = ""
    refund_id: str = ""
    refunds: tuple[str, ...] = ()  #: one line per refund of a sale
    remaining: str = ""  #: what can still be refunded, on sale receipts with refunds
    paid_with: str = ""  #: in-store: "Scanned code 2812••••••••••3456" or "Order code"
    environment: str = PRODUCTION  #: a sandbox receipt says so, in large letters
    served_by: str = ""  #: the operator who took the sale (or made the refund); "" none
    lang: str = "en"  #: the language its words are printed in ("en", "zh_CN")


@dataclass(frozen=True, slots=True)
class Line:
    """One receipt line: ``label``/``value`` pair, or a centred ``value`` when no label."""

    value: str
    label: str = ""
    size: float = 11.0
    bold: bool = False
    rule_before: bool = False
    whole: bool = False  #: an id: never cut across lines unless longer than one


def _when(value: datetime | None, tz: tzinfo | None) -> str:
    if value is None:
        return ""
    local = value.astimezone(tz) if tz else value.astimezone()
    return f"{local:%Y-%m-%d %H:%M:%S} {local.tzname() or ''}".strip()


def lookup_receipt(
    journal: Any, payment_request_id: str, refund_request_id: str = ""
) -> tuple[PaymentRecord, list[RefundRecord], RefundRecord | None]:
    """The sale (found by paymentRequestId or paymentId), its refunds and, when asked, the
    one refund a receipt is for. Raises LookupError naming what is missing. Blocking."""
    payment = journal.find_payment(payment_request_id.strip())
    if payment is None:
        raise ReceiptError.of("no_payment_journal", payment_request_id=payment_request_id)
    refunds = list(journal.refunds_for(payment.payment_request_id))
    refund = None
    if refund_request_id:
        refund = next(
            (r for r in refunds if r.refund_request_id == refund_request_id.strip()), None
        )
        if refund is None:
            raise ReceiptError.of(
                "payment_has_no_refund",
                payment_request_id=payment.payment_request_id,
                refund_request_id=refund_request_id,
            )
    return payment, refunds, refund


def receipt_data(
    payment: PaymentRecord,
    refunds: list[RefundRecord] | tuple[RefundRecord, ...],
    merchant_name: str,
    *,
    refund: RefundRecord | None = None,
    tz: tzinfo | None = None,
    lang: str = "en",
) -> ReceiptData:
    """A sale receipt for ``payment`` (listing its refunds), or with ``refund`` a receipt
    for that refund, in ``lang``. Times are shown in ``tz`` (None: this machine's zone)."""
    tr = translator(lang)
    try:
        method = methods.get(payment.method)
        wallet, plus = method.name(lang), method.alipay_plus
    except methods.UnknownMethodError:
        wallet, plus = payment.method, False
    if payment.wallet_unknown:  # a refused scan: never claim the CONNECT_WALLET placeholder
        wallet, plus = tr("Unknown wallet"), False
    cur = payment.amount.currency
    if refund is not None:
        if refund.payment_request_id != payment.payment_request_id:
            raise ReceiptError.of(
                "refund_not_payment",
                refund_request_id=refund.refund_request_id,
                payment_request_id=payment.payment_request_id,
            )
        word = (
            "REFUNDED"
            if refund.status is Status.SUCCESS
            else _STATUS_WORDS.get(refund.status, refund.status.value)
        )
        return ReceiptData(
            merchant_name=merchant_name,
            kind="REFUND",
            amount=refund.amount.display(),
            status=word,
            wallet=wallet,
            alipay_plus=plus,
            payment_request_id=payment.payment_request_id,
            payment_id=payment.payment_id,
            time=_when(refund.refunded_at or refund.created_at, tz),
            trade_summary=payment.trade_summary,
            reference_order_id=payment.reference_order_id,
            result_code=refund.result_code,
            refund_request_id=refund.refund_request_id,
            refund_id=refund.refund_id,
            paid_with=_paid_with(payment, tr),
            environment=payment.environment,
            served_by=refund.operator or "",
            lang=lang,
        )
    lines = []
    refunded = 0
    for r in refunds:
        if r.status is Status.SUCCESS:
            refunded += r.amount.value
        word = tr("REFUNDED") if r.status is Status.SUCCESS else r.status.value
        lines.append(f"{_when(r.refunded_at or r.created_at, tz)}  {r.amount.display()}  {word}")
    status = _STATUS_WORDS.get(payment.status, payment.status.value)
    if payment.status is Status.SUCCESS and refunded:
        status = "REFUNDED" if refunded >= payment.amount.value else "PARTLY REFUNDED"
    remaining = minor_display(payment.amount.value - refunded, cur) if refunded else ""
    return ReceiptData(
        merchant_name=merchant_name,
        kind="SALE",
        amount=payment.amount.display(),
        status=status,
        wallet=wallet,
        alipay_plus=plus,
        payment_request_id=payment.payment_request_id,
        payment_id=payment.payment_id,
        time=_when(payment.paid_at or payment.created_at, tz),
        trade_summary=payment.trade_summary,
        reference_order_id=payment.reference_order_id,
        result_code=payment.result_code,
        refunds=tuple(lines),
        remaining=remaining,
        paid_with=_paid_with(payment, tr),
        environment=payment.environment,
        served_by=payment.operator or "",
        lang=lang,
    )


def _paid_with(payment: PaymentRecord, tr: Callable[[str], str]) -> str:
    """How an in-store sale was paid (the customer's code only masked); "" online."""
    if payment.scenario == "PaymentCode":
        return _fill(tr("Scanned code %1"), payment.masked_code).rstrip()
    if payment.scenario == "OrderCode":
        return tr("Order code")
    return ""


def receipt_lines(data: ReceiptData) -> list[Line]:
    """The receipt, top to bottom, in ``data.lang``."""
    tr = translator(data.lang)

    def field(value: str, label: str, **style: Any) -> Line:
        return Line(value, tr(label), whole=label in ID_LABELS, **style)

    out = [
        Line(data.merchant_name or tr("Receipt"), size=17, bold=True),
        Line(tr("SALE" if data.kind == "SALE" else "REFUND"), size=11),
        Line(("-" if data.kind == "REFUND" else "") + data.amount, size=26, bold=True),
        Line(tr(data.status), size=14, bold=True),
    ]
    if data.environment != PRODUCTION:
        out.append(Line(tr(_TEST_MARKS[data.environment]), size=10, bold=True))
    out.append(field(data.wallet, "Wallet", rule_before=True))
    if data.paid_with:
        out.append(field(data.paid_with, "Paid with"))
    if data.payment_id:
        out.append(field(data.payment_id, "Payment ID"))
    out.append(field(data.payment_request_id, "Request ID"))
    if data.refund_request_id:
        out.append(field(data.refund_request_id, "Refund request"))
    if data.refund_id:
        out.append(field(data.refund_id, "Refund ID"))
    if data.reference_order_id:
        out.append(field(data.reference_order_id, "Order"))
    if data.trade_summary:
        out.append(field(data.trade_summary, "Item"))
    out.append(field(data.time, "Time"))
    if data.served_by:
        out.append(field(data.served_by, "Served by"))
    if data.result_code:
        out.append(field(data.result_code, "Result"))
    for i, text in enumerate(data.refunds):
        out.append(field(text, "Refund", size=9, rule_before=i == 0))
    if data.remaining:
        out.append(field(data.remaining, "Refundable"))
    if data.alipay_plus:
        out.append(Line(ALIPAY_PLUS_MARK, size=13, bold=True, rule_before=True))
    out.append(Line(tr("Thank you"), size=10, rule_before=not data.alipay_plus))
    return out


def text_rows(
    line: Line, width: int, lang: str = "en", small_width: int = 0
) -> list[tuple[str, bool]]:
    """A labelled ``line`` on a roll ``width`` display columns wide: ``(text, small)`` rows,
    ``small`` for a row in the printer's narrow font (``small_width`` columns; 0: none).

    A value wraps at spaces after its label, continuation rows indented. An id stays whole:
    beside its label when both fit, else on a row of its own (in the narrow font when the
    normal one is too narrow); only an id longer than any row is broken, cleanly, and its
    label says over how many rows."""
    tr = translator(lang)
    joined = _fill(tr("%1: %2"), line.label, line.value)
    if not line.whole or display_width(joined) <= width:
        first = wrap(joined, width, display_width)[0]
        rest = joined[len(first) :].strip()  # as it was: a word cut in two is not spaced
        rows = [first]
        if rest:
            rows += ["  " + part for part in wrap(rest, width - 2, display_width)]
        return [(row, False) for row in rows]
    label = _fill(tr("%1: %2"), line.label, "").rstrip()
    size = display_width(line.value)
    if size <= width - 2:
        return [(label, False), ("  " + line.value, False)]
    if size <= width:
        return [(label, False), (line.value, False)]
    if size <= small_width:
        return [(label, False), (line.value, True)]
    room = max(width, small_width)
    parts = cut_id(line.value, room)
    label = _fill(tr("%1: %2"), _fill(tr("%1 (%2 lines)"), line.label, str(len(parts))), "")
    return [(label.rstrip(), False), *((part, room > width) for part in parts)]


def receipt_text(data: ReceiptData, width: int = 40) -> str:
    """The receipt as monospaced plain text, ``width`` display columns wide (words whole,
    ids whole on a line of their own, as on paper)."""
    rows: list[str] = []
    for line in receipt_lines(data):
        if line.rule_before:
            rows.append("-" * width)
        if line.label:
            rows.extend(text for text, _small in text_rows(line, width, data.lang))
        else:
            for part in wrap(line.value, width, display_width):
                margin = max(0, width - display_width(part)) // 2
                rows.append((" " * margin + part).rstrip())
    return "\n".join(rows) + "\n"


def text_font(size: float, bold: bool = False) -> Any:
    """The font of receipts and reports, ``size`` in painter units; ligatures off so that
    text copied (or extracted) from the PDF reads as typed ("coffee", not "co\ufb00ee")."""
    from PySide6.QtGui import QFont

    font = QFont("DejaVu Sans")
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def _layout(data: ReceiptData, paper: str = THERMAL) -> tuple[list[tuple[Any, ...]], float]:
    """Painter operations in logical units and the total height. Every line is broken
    here (reports/wrap.py), never by Qt's wrap-anywhere, so no word is cut in two."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QFontMetricsF

    ops: list[tuple[Any, ...]] = []
    w, label_w = LOGICAL_WIDTHS[paper], _LABEL_WIDTHS[paper]
    scale = w / LOGICAL_WIDTH if paper == A4 else 1.0  # A4: a little larger type
    left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    centre = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
    y = 0.0
    for line in receipt_lines(data):
        size = line.size * (1 + (scale - 1) * 0.45)
        if line.rule_before:
            y += 6
            ops.append(("rule", y))
            y += 6
        font = text_font(size, line.bold)
        fm = QFontMetricsF(font)
        step = fm.lineSpacing()
        if line.label:
            label_font = text_font(size, False)
            lfm = QFontMetricsF(label_font)
            labels = wrap(line.label, label_w - 6, lfm.horizontalAdvance)
            if line.whole and fm.horizontalAdvance(line.value) > w - label_w:
                # an id too long for the value column: on a row of its own, full width
                for i, text in enumerate(labels):
                    ops.append(
                        ("text", QRectF(0, y + i * lfm.lineSpacing(), w, step), label_font,
                         left, text, "#555555")
                    )  # fmt: skip
                y += len(labels) * lfm.lineSpacing()
                labels, label_x = [], 0.0
            else:
                label_x = label_w
            values = wrap(line.value, w - label_x, fm.horizontalAdvance)
            for i, text in enumerate(labels):
                ops.append(
                    (
                        "text",
                        QRectF(0, y + i * lfm.lineSpacing(), label_w - 6, step),
                        label_font,
                        left,
                        text,
                        "#555555",
                    )
                )
            for i, text in enumerate(values):
                ops.append(
                    (
                        "text",
                        QRectF(label_x, y + i * step, w - label_x, step),
                        font,
                        left,
                        text,
                        "#000000",
                    )
                )
            h = max(len(values) * step, len(labels) * lfm.lineSpacing())
        else:
            values = wrap(line.value, w, fm.horizontalAdvance)
            for i, text in enumerate(values):
                ops.append(
                    ("text", QRectF(0, y + i * step, w, step), font, centre, text, "#000000")
                )
            h = len(values) * step
        y += h + 3
    return ops, y


def receipt_height(data: ReceiptData, width: float, paper: str = THERMAL) -> float:
    """Height ``paint_receipt`` needs when painting ``data`` ``width`` units wide."""
    return _layout(data, paper)[1] * width / LOGICAL_WIDTHS[paper]


def paint_receipt(painter: Any, rect: Any, data: ReceiptData, paper: str = THERMAL) -> float:
    """Paint the receipt into ``rect`` (QRectF, any device: PDF, printer, widget), scaled to
    its width, in the ``paper`` layout. Returns the height used, in the painter's units."""
    from PySide6.QtCore import QLineF, Qt
    from PySide6.QtGui import QColor, QPen

    ops, height = _layout(data, paper)
    logical = LOGICAL_WIDTHS[paper]
    scale = rect.width() / logical
    painter.save()
    try:
        painter.translate(rect.topLeft())
        painter.scale(scale, scale)
        for op in ops:
            if op[0] == "rule":
                pen = QPen(QColor("#000000"))
                pen.setStyle(Qt.PenStyle.DashLine)
                pen.setWidthF(0.8)
                painter.setPen(pen)
                painter.drawLine(QLineF(0, op[1], logical, op[1]))
            else:
                _, box, font, flags, text, colour = op
                painter.setFont(font)
                painter.setPen(QColor(colour))
                painter.drawText(box, flags, text)
    finally:
        painter.restore()
    return float(height * scale)


def paper_for_width(width_mm: float) -> str:
    """The layout for paper ``width_mm`` wide: a roll up to 90 mm, else the A4 page."""
    return THERMAL if width_mm <= 90 else A4


def paint_on_page(painter: Any, page: Any, resolution: int, data: ReceiptData) -> float:
    """Paint on a printer's page (``page``: its paint rect in device pixels): the roll
    layout across a narrow roll, the A4 layout in a centred column on wider paper."""
    from PySide6.QtCore import QRectF

    width_mm = page.width() * 25.4 / resolution
    paper = paper_for_width(width_mm)
    column = (
        page.width()
        if paper == THERMAL
        else min(float(page.width()), resolution * A4_COLUMN_MM / 25.4)
    )
    left = (page.width() - column) / 2
    return paint_receipt(painter, QRectF(left, 0, column, page.height()), data, paper)


def write_receipt_pdf(
    payment: PaymentRecord,
    refunds: list[RefundRecord] | tuple[RefundRecord, ...],
    merchant_name: str,
    path: Path | str,
    *,
    refund: RefundRecord | None = None,
    tz: tzinfo | None = None,
    paper: str = THERMAL,
    lang: str = "en",
) -> Path:
    """Save the receipt (of the sale, or of ``refund``) as PDF, in ``lang``: an 80 mm wide
    roll as long as the receipt (``paper="80mm"``) or an A4 page (``paper="a4"``)."""
    data = receipt_data(payment, refunds, merchant_name, refund=refund, tz=tz, lang=lang)
    return write_receipt_data_pdf(data, path, paper=paper)


def write_receipt_data_pdf(data: ReceiptData, path: Path | str, *, paper: str = THERMAL) -> Path:
    """``write_receipt_pdf`` for receipt data already gathered."""
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

    from cashier_app.reports.eod import atomic_path
    from cashier_app.reports.qtapp import ensure_gui_app

    if paper not in PAPERS:
        raise ReceiptError.of("paper_must_one_not", papers=", ".join(PAPERS), paper=paper)
    ensure_gui_app()
    if paper == THERMAL:
        margin_mm = 4.0
        content_w_mm = PAPER_WIDTH_MM - 2 * margin_mm
        height_mm = receipt_height(data, content_w_mm) + 2 * margin_mm + 2
        size = QPageSize(
            QSizeF(PAPER_WIDTH_MM, height_mm),
            QPageSize.Unit.Millimeter,
            "Receipt",
            QPageSize.SizeMatchPolicy.ExactMatch,
        )
    else:
        margin_mm = 20.0
        size = QPageSize(QPageSize.PageSizeId.A4)
    with atomic_path(path, ".pdf") as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setTitle(f"Receipt {data.payment_request_id}")
        writer.setCreator("cashier")
        writer.setResolution(300)
        writer.setPageLayout(
            QPageLayout(
                size,
                QPageLayout.Orientation.Portrait,
                QMarginsF(margin_mm, margin_mm, margin_mm, margin_mm),
                QPageLayout.Unit.Millimeter,
            )
        )
        painter = QPainter()
        if not painter.begin(writer):
            raise PdfError.of("cannot_start_pdf", path=path)
        try:
            if paper == THERMAL:
                paint_receipt(painter, QRectF(0, 0, writer.width(), writer.height()), data)
            else:
                column = writer.resolution() * A4_COLUMN_MM / 25.4
                left = (writer.width() - column) / 2
                paint_receipt(painter, QRectF(left, 0, column, writer.height()), data, A4)
        finally:
            painter.end()
    return Path(path)
