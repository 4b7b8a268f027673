"""History page: find a payment, see its timeline, re-inquire, cancel, refund, print a receipt."""

from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QFocusEvent, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cashier_app.domain.money import Money
from cashier_app.domain.operators import PinEntry
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import ENVIRONMENTS, PaymentRecord, RefundRecord
from cashier_app.reports.amounts import minor_display
from cashier_app.ui.dialogs.receipt_actions import ReceiptActions
from cashier_app.ui.models.payments_model import (
    PaymentFilter,
    PaymentsModel,
    environment_text,
    read_row,
    status_text,
)
from cashier_app.ui.operator_gate import with_manager
from cashier_app.ui.text import error_text, fill
from cashier_app.ui.widgets.history_filters import HistoryFilterBar
from cashier_app.ui.widgets.payment_details import (
    PaymentDetails,
    PaymentDetailsPane,
    load_details,
)


def _status_samples() -> list[str]:
    """Every text the status column shows (the widest one sizes it)."""
    return [
        *(status_text(s) for s in Status),
        QCoreApplication.translate("PaymentsModel", "Partly refunded"),
        QCoreApplication.translate("PaymentsModel", "Refunded"),
        QCoreApplication.translate("PaymentsModel", "Refund pending"),
    ]


#: Room beside a column's widest sample text: the style's text margins (8 px) and a little
#: air. 28 made the columns up to Status too wide for the list beside the details at 1024.
CELL_PADDING = 16

#: Statuses an operator may still cancel: nobody has paid yet, as far as we know.
CANCELLABLE = frozenset({Status.PENDING, Status.UNKNOWN, Status.CREATED})


def _reinquire(checkout: Any, payment_request_id: str, refund_ids: list[str]) -> PaymentRecord:
    """Ask the gateway about the payment and about each of its refunds not final yet (a
    refund whose answer was lost stays unknown otherwise); blocking: a worker's job."""
    record: PaymentRecord = checkout.refresh(payment_request_id)
    for refund_request_id in refund_ids:
        if checkout.journal.get_refund(refund_request_id) is not None:  # not another till's
            checkout.refresh_refund(refund_request_id)
    return record


class HistoryPage(QWidget):
    """Payments newest first, filters, a details pane and the actions on one payment.

    Signals:
        payment_changed(object PaymentRecord): an action here changed a payment.
        refund_made(object RefundRecord): a refund was sent (any outcome).
    """

    payment_changed = Signal(object)
    refund_made = Signal(object)

    DETAILS_TASK = "history:details"
    ACTION_TASK = "history:action"
    ROW_TASK = "history:row"

    def __init__(
        self, services: Any, tasks: Any, parent: QWidget | None = None, *, page_size: int = 200
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyPage")
        self._services = services
        self._tasks = tasks
        self._details: PaymentDetails | None = None
        self._busy = False
        self._stale = False  #: the journal changed while the page was hidden
        self._reselect = ""  #: the payment to select again once the list has reloaded
        self.model = PaymentsModel(services.journal, tasks, page_size=page_size, parent=self)
        self.receipts = ReceiptActions(services, tasks, self)

        layout = QVBoxLayout(self)
        self.filters = HistoryFilterBar()
        self.filters.filter_changed.connect(self._on_filters_filter_changed)
        self.filters.refresh_requested.connect(self.reload)
        # store mode: this till's journal, or every till's sales from the store server
        self.store: Any = getattr(services, "store", None)
        self.scope = QComboBox()
        self.scope.setObjectName("historyScope")
        self.scope.addItem(self.tr("This till"), "till")
        self.scope.addItem(self.tr("Whole store"), "store")
        self.scope.setVisible(self.store is not None)
        self.scope.currentIndexChanged.connect(self._on_scope_changed)
        bar = self.filters.layout()
        if isinstance(bar, QHBoxLayout):
            bar.insertWidget(0, self.scope)
        layout.addWidget(self.filters)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self._build_table())
        self.splitter.addWidget(self._build_details())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)
        self._sized = False

        self.model.total_changed.connect(self._update_count)
        self.model.page_loaded.connect(self._update_count)
        self.model.page_loaded.connect(self._on_model_page_loaded)
        self.model.load_failed.connect(self._on_model_load_failed)
        self.receipts.finished.connect(self._show_info)
        self.receipts.failed.connect(self._show_error)
        self._update_actions()

    # -- construction -------------------------------------------------------------------
    def _build_table(self) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        # the whole store shows the till of each sale, right after its time
        header.moveSection(PaymentsModel.COL_TILL, PaymentsModel.COL_TIME + 1)
        self.table.setColumnHidden(PaymentsModel.COL_TILL, True)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.installEventFilter(self)
        self.count_label = QLabel()
        self.count_label.setObjectName("historyCount")
        # the whole store could not be read (its server is down): said above the list
        self.store_note = QLabel()
        self.store_note.setObjectName("historyStoreNote")
        self.store_note.setWordWrap(True)
        self.store_note.setStyleSheet("color: #C62828; font-weight: bold")
        self.store_note.hide()
        col.addWidget(self.store_note)
        col.addWidget(self.table, 1)
        col.addWidget(self.count_label)
        return box

    def _build_details(self) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        self.details = PaymentDetailsPane()
        col.addWidget(self.details, 1)
        buttons = QGridLayout()
        self.reinquire_button = QPushButton(self.tr("Re-inquire"))
        self.reinquire_button.setObjectName("reinquireButton")
        self.reinquire_button.clicked.connect(self._on_reinquire_clicked)
        self.cancel_button = QPushButton(self.tr("Cancel payment"))
        self.cancel_button.setObjectName("historyCancelButton")
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.refund_button = QPushButton(self.tr("Refund…"))
        self.refund_button.setObjectName("historyRefundButton")
        self.refund_button.clicked.connect(self._on_refund_clicked)
        self.print_button = QPushButton(self.tr("Print receipt…"))
        self.print_button.setObjectName("printReceiptButton")
        self.print_button.clicked.connect(self._on_print_clicked)
        self.save_button = QPushButton(self.tr("Save PDF…"))
        self.save_button.setObjectName("saveReceiptButton")
        self.save_button.clicked.connect(self._on_save_clicked)
        # Two rows, so that the buttons never hold the details pane wider than the list.
        for index, button in enumerate(
            (
                self.reinquire_button,
                self.cancel_button,
                self.refund_button,
                self.print_button,
                self.save_button,
            )
        ):
            buttons.addWidget(button, index // 3, index % 3)
        col.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("historyMessage")
        self.message.setWordWrap(True)
        col.addWidget(self.message)
        return box

    @Slot()
    def _split_evenly(self) -> None:
        width = self.splitter.width()
        if width > 0:
            # the list gets 58%, or more where the columns up to Status need it beside a
            # scroll bar (a 1024-wide till: 退款处理中 was cut at the list's edge), but the
            # details at least what their longest id needs, up to half of the page
            share = min(width - width * 58 // 100, width - self._key_columns_width())
            right = max(share, min(self.details.wanted_width(), width // 2))
            self.splitter.setSizes([width - right, right])

    def _key_columns_width(self) -> int:
        """What the list needs to show Time, Amount, Wallet and Status whole, with its
        frame and a vertical scroll bar."""
        table = self.table
        header = table.horizontalHeader()
        last = (
            max(
                header.sectionViewportPosition(c) + header.sectionSize(c)
                for c in (
                    PaymentsModel.COL_TIME,
                    PaymentsModel.COL_AMOUNT,
                    PaymentsModel.COL_METHOD,
                    PaymentsModel.COL_STATUS,
                )
            )
            + header.offset()
        )
        bar = table.verticalScrollBar().sizeHint().width()
        return last + bar + 2 * table.frameWidth()

    def _size_columns(self) -> None:
        """Column widths from sample texts in the table's final (styled) font; never
        ResizeToContents, which would read every row of the model."""
        metrics = self.table.fontMetrics()
        bold = QFont(self.table.font())
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        for column, sample, fm in (
            (PaymentsModel.COL_TIME, "2026-12-31 23:59:59", metrics),
            (PaymentsModel.COL_AMOUNT, "HK$88,888.88", bold_metrics),
            (PaymentsModel.COL_METHOD, "AlipayHK (xx)", metrics),
            (
                PaymentsModel.COL_STATUS,
                max(_status_samples(), key=bold_metrics.horizontalAdvance),
                bold_metrics,
            ),
            (
                PaymentsModel.COL_ENVIRONMENT,
                max(
                    (environment_text(e) for e in ENVIRONMENTS),
                    key=metrics.horizontalAdvance,
                ),
                metrics,
            ),
            (PaymentsModel.COL_PAYMENT_ID, "2026112211890000", metrics),
            (PaymentsModel.COL_REQUEST_ID, "P20261122001837738", metrics),
            (PaymentsModel.COL_REFERENCE, "REF-000000", metrics),
        ):
            self.table.setColumnWidth(column, fm.horizontalAdvance(sample) + CELL_PADDING)
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 12)

    # -- loading ------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._sized:
            # The details' long ids would otherwise claim half the width from the list.
            self._sized = True
            self._size_columns()
            # After the layout has settled: only then is the splitter's width final.
            QTimer.singleShot(0, self, self._split_evenly)
        # Shown again: the journal may have moved on while hidden (ui/journal_watch.py).
        if self._stale or not self.model.is_loading:
            self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Tabbed into the list, the keyboard lands on a row: framed but not selected, and
        # the arrows cannot move off a list of one row, so its actions stayed out of reach.
        if (
            watched is self.table
            and isinstance(event, QFocusEvent)
            and event.type() == QEvent.Type.FocusIn
            and event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
            and self.model.rowCount() > 0
            and not self.table.selectionModel().hasSelection()
        ):
            current = self.table.currentIndex()
            self.table.selectRow(current.row() if current.isValid() else 0)
        return super().eventFilter(watched, event)

    @Slot()
    def reload(self) -> None:
        """Reload the list with the current filters; the selected payment stays selected
        (and its pane shown) when it is still in the list."""
        self._stale = False
        selected = self.selected_payment()
        if selected is not None:
            self._reselect = selected.payment_request_id
        self.model.set_filter(self.filters.current_filter())

    @Slot(object)
    def on_journal_changed(self, change: Any) -> None:
        """A payment or refund changed: a loaded row is read again in place (its pane too
        when it is selected); a payment not in the list yet reloads the list. While hidden,
        the page reloads when it is shown next."""
        if not self.isVisible():
            self._stale = True
            return
        prid = change.payment_request_id
        if self.model.row_of(prid) < 0:
            self.reload()
            return
        self._tasks.run(
            f"{self.ROW_TASK}:{prid}",
            read_row,
            self._source(),
            prid,
            on_done=self._on_row_read,
            on_error=self._show_error,
            owner=self,
        )

    def _on_row_read(self, row: tuple[PaymentRecord | None, int, int]) -> None:
        record, refunded, in_process = row
        if record is None:
            return
        self.model.update_record(record, refunded, in_process)  # shows as Partly refunded
        selected = self.selected_payment()
        if selected is not None and selected.payment_request_id == record.payment_request_id:
            self._load_details(record.payment_request_id)

    @Slot(str)
    def _on_model_load_failed(self, text: str) -> None:
        if self.whole_store():  # nothing of the store is known now: no stale pane either
            self._tasks.cancel(self.DETAILS_TASK)
            self._details = None
            self.details.show_details(None)
            self.count_label.clear()
            self.store_note.setText(
                self.tr(
                    "The whole store cannot be shown now. “This till” still shows this "
                    "till's own sales."
                )
            )
            self.store_note.show()
        self._show_error(text)

    def _fit_till_column(self) -> None:
        """The Till column as wide as the tills listed (short ids: a 1024 px screen keeps
        the wallet and status in view)."""
        metrics = self.table.fontMetrics()
        col = PaymentsModel.COL_TILL
        tills = {self.model.index(r, col).data() for r in range(self.model.rowCount())}
        header = str(self.model.headerData(col, Qt.Orientation.Horizontal) or "")
        widest = max((metrics.horizontalAdvance(str(t)) for t in tills | {header}), default=0)
        self.table.setColumnWidth(col, min(widest, metrics.horizontalAdvance("M" * 16)) + 24)

    @Slot()
    def _on_model_page_loaded(self, *_args: Any) -> None:
        self.store_note.hide()
        if self.whole_store():
            self._fit_till_column()
        prid, self._reselect = self._reselect, ""
        row = self.model.row_of(prid) if prid else -1
        if row >= 0 and self.selected_payment() is None:
            self.table.selectRow(row)

    @Slot(object)
    def _on_filters_filter_changed(self, new: PaymentFilter) -> None:
        if new != self.model.filter or self.model.rowCount() == 0:
            self.model.set_filter(new)

    @Slot()
    def _update_count(self, *_args: Any) -> None:
        total = self.model.total
        shown = self.model.rowCount()
        if total is None:
            self.count_label.setText(self.tr("%n payment(s) loaded", "", shown))
        else:
            self.count_label.setText(fill(self.tr("Showing %1 of %2"), f"{shown:,}", f"{total:,}"))

    # -- details ------------------------------------------------------------------------
    def selected_payment(self) -> PaymentRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    @Slot(QItemSelection, QItemSelection)
    def _on_table_selection_changed(self, *_args: Any) -> None:
        self.message.clear()
        record = self.selected_payment()
        if record is None:
            self._tasks.cancel(self.DETAILS_TASK)
            self._details = None
            self.details.show_details(None)
            self._update_actions()
            return
        self._load_details(record.payment_request_id)

    def _load_details(self, payment_request_id: str) -> None:
        self._tasks.run(
            self.DETAILS_TASK,
            load_details,
            self._source(),
            payment_request_id,
            on_done=self._on_details_loaded,
            on_error=self._show_error,
            owner=self,
        )

    def _on_details_loaded(self, details: PaymentDetails) -> None:
        selected = self.selected_payment()
        if selected is None or selected.payment_request_id != details.payment.payment_request_id:
            return  # the operator moved on
        self._details = details
        self.details.show_details(details)
        self.model.update_record(details.payment, details.refunded, details.refund_in_process)
        self._update_actions()
        elsewhere = self._elsewhere()
        if elsewhere:
            self._show_info(fill(self.tr("Taken at till %1."), elsewhere))
        QTimer.singleShot(0, self, self._fit_details)  # once the pane has its new size hints

    @Slot()
    def _fit_details(self) -> None:
        """Widen the details (up to half the page) when their longest id does not fit."""
        width = self.splitter.width()
        right = self.splitter.sizes()[1]
        wanted = min(self.details.wanted_width(), width // 2)
        if width > 0 and right < wanted:
            self.splitter.setSizes([width - wanted, wanted])

    # -- this till or the whole store (store mode) ----------------------------------------
    def whole_store(self) -> bool:
        return self.store is not None and self.scope.currentData() == "store"

    def _source(self) -> Any:
        """Where the list and the details are read: the journal or the whole store."""
        return self.store if self.whole_store() else self._services.journal

    @Slot(int)
    def _on_scope_changed(self, _index: int) -> None:
        self.table.setColumnHidden(PaymentsModel.COL_TILL, not self.whole_store())
        self.store_note.hide()
        self._tasks.cancel(self.DETAILS_TASK)
        self._details = None
        self.details.show_details(None)
        self.message.clear()
        self.model.set_source(self._source())
        self._update_actions()

    def _elsewhere(self) -> str:
        """The other till the selected sale was taken at ("" when here or this till's view)."""
        if not self.whole_store() or self._details is None:
            return ""
        return str(self.store.elsewhere(self._details.payment.payment_request_id))

    def _update_actions(self) -> None:
        details = self._details
        pay = details.payment if details else None
        idle = not self._busy and pay is not None
        if self._elsewhere():  # that till's journal owns the sale: it re-inquires, cancels
            for button in (
                self.reinquire_button,
                self.cancel_button,
                self.print_button,
                self.save_button,
            ):
                button.setEnabled(False)
            # a refund of it is claimed at the store (same merchant profile only)
            self.refund_button.setEnabled(idle and details is not None and details.refundable > 0)
            return
        self.reinquire_button.setEnabled(idle)
        self.cancel_button.setEnabled(idle and pay is not None and pay.status in CANCELLABLE)
        self.refund_button.setEnabled(idle and details is not None and details.refundable > 0)
        self.print_button.setEnabled(pay is not None)
        self.save_button.setEnabled(pay is not None)

    # -- actions ------------------------------------------------------------------------
    def _run_action(self, fn: Any, *args: Any, done_text: str) -> None:
        self._busy = True
        self._update_actions()
        self.message.setText(self.tr("Working…"))
        self.message.setStyleSheet("")
        self._tasks.run(
            self.ACTION_TASK,
            fn,
            *args,
            on_done=functools.partial(self._on_action_done, done_text),
            on_error=self._on_action_failed,
            owner=self,
        )

    def _on_action_done(self, done_text: str, result: Any) -> None:
        self._busy = False
        if isinstance(result, RefundRecord):
            self.refund_made.emit(result)
            prid = result.payment_request_id
            done_text = fill(done_text, status_text(result.status))
        else:
            self.payment_changed.emit(result)
            self.model.update_record(result)
            prid = result.payment_request_id
            done_text = fill(done_text, status_text(result.status))
        self._show_info(done_text)
        self._load_details(prid)

    def _on_action_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._show_error(error_text(exc))
        if self._details is not None:
            self._load_details(self._details.payment.payment_request_id)
        else:
            self._update_actions()

    @Slot()
    def _on_reinquire_clicked(self) -> None:
        if self._details is None:
            return
        unfinished = [r.refund_request_id for r in self._details.refunds if not r.status.is_final]
        self._run_action(
            _reinquire,
            self._services.checkout,
            self._details.payment.payment_request_id,
            unfinished,
            done_text=self.tr("Re-inquired: %1"),
        )

    @Slot()
    def _on_cancel_clicked(self) -> None:
        if self._details is None:
            return
        pay = self._details.payment
        question = fill(
            self.tr("Cancel the payment of %1? The customer will not be able to pay it any more."),
            pay.amount.display(),
        )
        if not self.confirm(self.tr("Cancel payment"), question):
            return

        def cancel(approval: PinEntry | None) -> None:
            self._run_action(
                self._services.checkout.cancel,
                pay.payment_request_id,
                approval,
                done_text=self.tr("Cancel answered: %1"),
            )

        if pay.status is not Status.SUCCESS:
            cancel(None)  # an unpaid sale: any operator may cancel it
            return
        with_manager(
            self,
            fill(self.tr("A manager's PIN is needed to cancel the paid payment of %1."),
                 pay.amount.display()),
            cancel,
        )  # fmt: skip

    @Slot()
    def _on_refund_clicked(self) -> None:
        details = self._details
        if details is None or details.refundable <= 0:
            return
        request = self.ask_refund(details)
        if request is None:
            return
        amount, reason = request
        error = refund_problem(details, amount)
        if error:
            self._show_error(error)
            return
        prid = details.payment.payment_request_id
        refund = self._services.checkout.refund
        if self._elsewhere():  # another till's sale: claimed at the store, then sent here
            refund = functools.partial(refund, sale_till=self._elsewhere())
        with_manager(
            self,
            fill(
                self.tr("A manager's PIN is needed to refund %1."),
                (amount or Money(details.refundable, details.payment.amount.currency)).display(),
            ),
            lambda approval: self._run_action(
                refund,
                prid,
                amount,
                reason,
                approval,
                done_text=self.tr("Refund: %1"),
            ),
        )

    @Slot()
    def _on_print_clicked(self) -> None:
        if self._details is not None:
            self.receipts.print_receipt(
                self._details.payment.payment_request_id, self.details.selected_refund_id()
            )

    @Slot()
    def _on_save_clicked(self) -> None:
        if self._details is not None:
            self.receipts.save_pdf(
                self._details.payment.payment_request_id, self.details.selected_refund_id()
            )

    # -- dialogs (overridable in tests and automation) ----------------------------------
    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def ask_refund(self, details: PaymentDetails) -> tuple[Money | None, str] | None:
        """Ask for the refund amount (``None`` = the whole refundable amount) and reason."""
        from cashier_app.ui.dialogs.refund_dialog import RefundDialog

        dialog = RefundDialog(details.payment, details.refundable, self)
        if dialog.exec() != RefundDialog.DialogCode.Accepted:
            return None
        return dialog.amount(), dialog.reason()

    # -- messages -----------------------------------------------------------------------
    @Slot(str)
    def _show_error(self, text: Any) -> None:
        self.message.setStyleSheet("color: #C62828")
        self.message.setText(str(text))
        self._update_actions()

    @Slot(str)
    def _show_info(self, text: str) -> None:
        self.message.setStyleSheet("color: #1B873F")
        self.message.setText(text)


def refund_problem(details: PaymentDetails, amount: Money | None) -> str:
    """Why a refund of ``amount`` cannot be sent, or ``""`` when it can."""
    pay = details.payment
    if pay.status is not Status.SUCCESS:
        return QCoreApplication.translate(
            "HistoryPage", "Only a successful payment can be refunded."
        )
    left = details.refundable
    if left <= 0:
        return QCoreApplication.translate("HistoryPage", "This payment has been refunded in full.")
    if amount is None:
        return ""
    if amount.currency != pay.amount.currency:
        return fill(
            QCoreApplication.translate("HistoryPage", "The refund must be in %1."),
            pay.amount.currency,
        )
    if amount.value > left:
        return fill(
            QCoreApplication.translate(
                "HistoryPage", "The refund is more than what is left to refund (%1)."
            ),
            minor_display(left, pay.amount.currency),
        )
    return ""
