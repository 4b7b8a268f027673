"""What the result page offers after a sale: refund (asked, then sent on a worker, then the
sale's refund state shown) and its receipt (printed or saved as PDF)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot

from cashier_app.domain.money import Money
from cashier_app.domain.operators import PinEntry
from cashier_app.domain.records import PaymentRecord, RefundRecord
from cashier_app.ui.dialogs.receipt_actions import ReceiptActions
from cashier_app.ui.dialogs.refund_dialog import RefundDialog
from cashier_app.ui.models.payments_model import read_row
from cashier_app.ui.operator_gate import with_manager
from cashier_app.ui.pages.result_page import ResultPage
from cashier_app.ui.ports import Services
from cashier_app.ui.tasks import TaskRunner
from cashier_app.ui.text import error_text, fill


class ResultActions(QObject):
    """Connects the result page's Refund, Print receipt and Save PDF to the services.

    Every journal read and gateway call runs in the task group ``sale``, so a new sale
    abandons them. ``refund_dialog`` is the dialog while it is open (tests drive it).
    """

    def __init__(
        self,
        services: Services,
        tasks: TaskRunner,
        result: ResultPage,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.tasks, self.result = services, tasks, result
        self.refund_dialog: RefundDialog | None = None
        self.receipts = ReceiptActions(services, tasks, result)
        self.receipts.TASK = "sale:receipt"
        self.receipts.finished.connect(result.show_notice)
        self.receipts.failed.connect(result.show_notice)
        self._connections = (
            (result.refund_requested, self._on_result_refund_requested),
            (result.print_requested, self._on_result_print_requested),
            (result.save_requested, self._on_result_save_requested),
        )
        for signal, slot in self._connections:
            signal.connect(slot)

    def detach(self) -> None:
        for signal, slot in self._connections:
            signal.disconnect(slot)

    # -- receipts -------------------------------------------------------------------------
    @Slot(object)
    def _on_result_print_requested(self, record: PaymentRecord) -> None:
        self.receipts.print_receipt(record.payment_request_id)

    @Slot(object)
    def _on_result_save_requested(self, record: PaymentRecord) -> None:
        self.receipts.save_pdf(record.payment_request_id)

    # -- refund ---------------------------------------------------------------------------
    @Slot(object)
    def _on_result_refund_requested(self, record: PaymentRecord) -> None:
        self.result.set_refund_busy(True)
        self.tasks.run(
            "sale:refunded-total",
            self.services.journal.refunded_total,
            record.payment_request_id,
            on_done=lambda total: self._ask_refund(record, total),
            on_error=lambda exc: self.result.show_refund_error(error_text(exc)),
        )

    def _ask_refund(self, record: PaymentRecord, refunded: int) -> None:
        remaining = record.amount.value - refunded
        if remaining <= 0:
            self.result.show_refund_error(self.tr("this payment is already fully refunded"))
            self.result.show_refund_state(refunded)
            return
        dialog = RefundDialog(record, remaining, self.result)
        self.refund_dialog = dialog
        dialog.accepted.connect(
            lambda: self._approve_refund(record, dialog.amount(), dialog.reason())
        )
        dialog.rejected.connect(lambda: self.result.set_refund_busy(False))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _approve_refund(self, record: PaymentRecord, amount: Money | None, reason: str) -> None:
        """Once operators are set up, a manager's PIN first (checkout checks it again)."""
        shown = amount if amount is not None else None
        with_manager(
            self.result,
            fill(
                self.tr("A manager's PIN is needed to refund %1."),
                shown.display() if shown is not None else record.amount.display(),
            ),
            lambda entry: self._refund(record, amount, reason, entry),
            on_cancel=lambda: self.result.set_refund_busy(False),
        )

    def _refund(
        self,
        record: PaymentRecord,
        amount: Money | None,
        reason: str,
        approval: PinEntry | None = None,
    ) -> None:
        self.result.set_refund_busy(True, sending=True)
        self.tasks.run(
            "sale:refund",
            self.services.checkout.refund,
            record.payment_request_id,
            amount,
            reason,
            approval,
            on_done=lambda refund: self._on_refunded(record, refund),
            on_error=lambda exc: self._on_refund_failed(record, exc),
        )

    def _on_refunded(self, record: PaymentRecord, refund: RefundRecord) -> None:
        self.result.show_refund(refund)
        self._show_refund_state(record)

    def refund_settled(self, record: PaymentRecord, refund_request_id: str) -> None:
        """A refund of the sale on screen reached its end elsewhere (an asynchronous
        refund's notifyRefund): read it (a worker) and show how it ended."""
        self.tasks.run(
            "sale:refund-settled",
            self.services.journal.get_refund,
            refund_request_id,
            on_done=lambda refund: self._on_refund_settled_read(record, refund),
        )

    def _on_refund_settled_read(self, record: PaymentRecord, refund: RefundRecord | None) -> None:
        shown = self.result.record
        if refund is None or shown is None or shown.payment_request_id != record.payment_request_id:
            return
        self.result.show_refund(refund)
        self._show_refund_state(record)

    def _on_refund_failed(self, record: PaymentRecord, exc: BaseException) -> None:
        self.result.show_refund_error(error_text(exc))
        self._show_refund_state(record)

    def _show_refund_state(self, record: PaymentRecord) -> None:
        """Read what is refunded now (a worker) and let the page say so."""
        prid = record.payment_request_id
        self.tasks.run(
            "sale:refund-state",
            read_row,
            self.services.journal,
            prid,
            on_done=lambda row: self._on_refund_state_read(prid, row[1], row[2]),
        )

    def _on_refund_state_read(self, prid: str, refunded: int, in_process: int) -> None:
        shown = self.result.record
        if shown is not None and shown.payment_request_id == prid:
            self.result.show_refund_state(refunded, in_process)
