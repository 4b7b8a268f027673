"""Print a receipt through the system print dialog, or save it as PDF (reports.receipts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from cashier_app.reports.receipts import (
    A4,
    THERMAL,
    ReceiptData,
    lookup_receipt,
    paint_on_page,
    receipt_data,
    write_receipt_pdf,
)
from cashier_app.ui.i18n import receipt_language
from cashier_app.ui.text import error_text, fill


def _merchant_name(services: Any) -> str:
    return (
        getattr(services.profile, "merchant_name", "")
        or getattr(services.checkout, "merchant_name", "")
        or ""
    )


def load_receipt(
    journal: Any,
    payment_request_id: str,
    merchant_name: str,
    refund_request_id: str = "",
    lang: str = "en",
) -> ReceiptData:
    """The receipt of a sale (or of one of its refunds), in ``lang``; blocking, run it on
    a worker."""
    payment, refunds, refund = lookup_receipt(journal, payment_request_id, refund_request_id)
    return receipt_data(payment, refunds, merchant_name, refund=refund, lang=lang)


def save_receipt(
    journal: Any,
    payment_request_id: str,
    merchant_name: str,
    path: str,
    refund_request_id: str = "",
    paper: str = THERMAL,
    lang: str = "en",
) -> Path:
    """Write the receipt PDF at ``path`` in ``lang`` (blocking: a worker's job)."""
    payment, refunds, refund = lookup_receipt(journal, payment_request_id, refund_request_id)
    return write_receipt_pdf(
        payment, refunds, merchant_name, path, refund=refund, paper=paper, lang=lang
    )


def _load_for_print(
    journal: Any, payment_request_id: str, merchant_name: str, refund_request_id: str, lang: str
) -> tuple[ReceiptData, Any]:
    """The receipt and this installation's printer setting (both read on a worker)."""
    from cashier_app.till.printer_config import load_printer_config

    data = load_receipt(journal, payment_request_id, merchant_name, refund_request_id, lang)
    return data, load_printer_config()


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
        """On the till's ESC/POS printer when one is set for this installation
        (``cashier printer set``), else through the system print dialog."""
        self._tasks.run(
            self.TASK,
            _load_for_print,
            self._services.journal,
            payment_request_id,
            _merchant_name(self._services),
            refund_request_id,
            receipt_language(),
            on_done=self._on_receipt_loaded,
            on_error=self._on_error,
            owner=self,
        )

    def _on_receipt_loaded(self, loaded: tuple[ReceiptData, Any]) -> None:
        data, config = loaded
        if config.enabled:
            from cashier_app.till.escpos_printer import print_receipt

            self._tasks.run(
                self.TASK,
                print_receipt,
                config,
                data,
                on_done=lambda _none: self.finished.emit(
                    self.tr("Receipt sent to the receipt printer")
                ),
                on_error=self._on_error,
                owner=self,
            )
            return
        self.print_data(data)

    def print_data(self, data: ReceiptData) -> None:
        """Ask for a printer and print ``data`` laid out for its paper: the roll layout on
        a roll up to 90 mm wide, the A4 layout on wider paper."""
        printer = self.ask_printer()
        if printer is None:
            return
        painter = QPainter()
        if not painter.begin(printer):
            self.failed.emit(self.tr("The printer could not be started."))
            return
        try:
            page = printer.pageLayout().paintRectPixels(printer.resolution())
            paint_on_page(painter, page, printer.resolution(), data)
        finally:
            painter.end()
        self.finished.emit(
            fill(
                self.tr("Receipt sent to %1"),
                printer.outputFileName() or printer.printerName() or self.tr("the printer"),
            )
        )

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
        target = self.ask_save_path(default)
        path, paper = target if isinstance(target, tuple) else (target, THERMAL)
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self._tasks.run(
            self.TASK,
            save_receipt,
            self._services.journal,
            payment_request_id,
            _merchant_name(self._services),
            path,
            refund_request_id,
            paper,
            receipt_language(),
            on_done=self._on_saved,
            on_error=self._on_error,
            owner=self,
        )

    def ask_save_path(self, default_name: str) -> str | tuple[str, str]:
        """Where to save and on which paper: ``(path, "80mm" | "a4")``, or a bare path for
        the roll (empty when cancelled; tests replace this)."""
        roll, page = (self.tr("Receipt, 80 mm roll (*.pdf)"), self.tr("Receipt, A4 page (*.pdf)"))
        path, chosen = QFileDialog.getSaveFileName(
            self._widget,
            self.tr("Save receipt"),
            str(Path.home() / default_name),
            f"{roll};;{page}",
        )
        return path, A4 if chosen == page else THERMAL

    def _on_saved(self, path: Any) -> None:
        self.finished.emit(fill(self.tr("Receipt saved to %1"), str(path)))

    def _on_error(self, exc: BaseException) -> None:
        self.failed.emit(error_text(exc))
