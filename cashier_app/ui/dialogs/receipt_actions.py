"""Print a receipt through the system print dialog, or save it as PDF (reports.receipts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRectF, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from cashier_app.reports.receipts import (
    ReceiptData,
    lookup_receipt,
    paint_receipt,
    receipt_data,
    write_receipt_pdf,
)
from cashier_app.ui.text import error_text, fill


def _merchant_name(services: Any) -> str:
    return (getattr(services.profile, "merchant_name", "")
            or getattr(services.checkout, "merchant_name", "") or "")


def load_receipt(journal: Any, payment_request_id: str, merchant_name: str,
                 refund_request_id: str = "") -> ReceiptData:
    """The receipt of a sale (or of one of its refunds); blocking, run it on a worker."""
    payment, refunds, refund = lookup_receipt(journal, payment_request_id, refund_request_id)
    return receipt_data(payment, refunds, merchant_name, refund=refund)


def save_receipt(journal: Any, payment_request_id: str, merchant_name: str, path: str,
                 refund_request_id: str = "") -> Path:
    """Write the receipt PDF at ``path`` (blocking: a worker's job)."""
    payment, refunds, refund = lookup_receipt(journal, payment_request_id, refund_request_id)
    return write_receipt_pdf(payment, refunds, merchant_name, path, refund=refund)


class ReceiptActions(QObject):
    """The history page's "Print receipt…" and "Save PDF…" buttons.

    The journal is read on a worker; only the dialogs and the painting on the printer
    (which Qt requires on the GUI thread) happen here.

    Signals:
        finished(str): a receipt was printed or saved; the text says where.
        failed(str): it could not be; the text says why.
    """

    finished = Signal(str)
    failed = Signal(str)

    TASK = "history:receipt"

    def __init__(self, services: Any, tasks: Any, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._widget = parent

    # -- print --------------------------------------------------------------------------
    def print_receipt(self, payment_request_id: str, refund_request_id: str = "") -> None:
        self._tasks.run(self.TASK, load_receipt, self._services.journal, payment_request_id,
                        _merchant_name(self._services), refund_request_id,
                        on_done=self._on_receipt_loaded, on_error=self._on_error, owner=self)

    def _on_receipt_loaded(self, data: ReceiptData) -> None:
        printer = self.ask_printer()
        if printer is None:
            return
        painter = QPainter()
        if not painter.begin(printer):
            self.failed.emit(self.tr("The printer could not be started."))
            return
        try:
            page = printer.pageLayout().paintRectPixels(printer.resolution())
            # A receipt is narrow: at most 80 mm wide, centred on wider paper.
            width = min(float(page.width()), printer.resolution() * 80 / 25.4)
            left = (page.width() - width) / 2
            paint_receipt(painter, QRectF(left, 0, width, page.height()), data)
        finally:
            painter.end()
        self.finished.emit(self.tr("Receipt sent to %1").replace(
            "%1", printer.outputFileName() or printer.printerName() or self.tr("the printer")))

    def ask_printer(self) -> QPrinter | None:
        """The system print dialog; ``None`` when cancelled (tests replace this)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self._widget)
        dialog.setWindowTitle(self.tr("Print receipt"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer

    # -- save ---------------------------------------------------------------------------
    def save_pdf(self, payment_request_id: str, refund_request_id: str = "") -> None:
        default = f"receipt-{refund_request_id or payment_request_id}.pdf"
        path = self.ask_save_path(default)
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self._tasks.run(self.TASK, save_receipt, self._services.journal, payment_request_id,
                        _merchant_name(self._services), path, refund_request_id,
                        on_done=self._on_saved, on_error=self._on_error, owner=self)

    def ask_save_path(self, default_name: str) -> str:
        """Where to save (empty when cancelled; tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(self._widget, self.tr("Save receipt"),
                                              str(Path.home() / default_name),
                                              self.tr("PDF files (*.pdf)"))
        return path

    def _on_saved(self, path: Any) -> None:
        self.finished.emit(fill(self.tr("Receipt saved to %1"), str(path)))

    def _on_error(self, exc: BaseException) -> None:
        self.failed.emit(error_text(exc))
