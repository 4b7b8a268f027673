"""Table model of journaled payments, newest first, loaded page by page off the GUI thread."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from cashier_app.domain import methods
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import (
    ANTOM_SANDBOX,
    EMBEDDED_SANDBOX,
    PRODUCTION,
    PaymentRecord,
    RefundRecord,
)
from cashier_app.ui.instore_text import scenario_short
from cashier_app.ui.text import error_text

_Index = QModelIndex | QPersistentModelIndex

#: Text colour of each status in the table (readable on a light background).
STATUS_COLORS: dict[Status, str] = {
    Status.SUCCESS: "#1B873F",
    Status.FAILED: "#C62828",
    Status.CANCELLED: "#6B7280",
    Status.EXPIRED: "#8D6E00",
    Status.PENDING: "#1565C0",
    Status.CREATED: "#6B7280",
    Status.UNKNOWN: "#D35400",
}

#: Text colour of a paid sale that is (partly) refunded.
REFUNDED_COLOR = "#8D6E00"


@dataclass(frozen=True, slots=True)
class PaymentFilter:
    """What the history list is narrowed to; ``None`` / empty means "any"."""

    status: Status | None = None
    method: str | None = None
    since: datetime | None = None  #: inclusive, timezone-aware
    until: datetime | None = None  #: exclusive, timezone-aware
    text: str = ""
    # only sales with a refund (fully, partly or still pending: any refund not FAILED,
    # CANCELLED or EXPIRED)
    refunded: bool = False

    def query(self) -> dict[str, Any]:
        """The keyword arguments of ``Journal.list_payments`` / ``count_payments``."""
        query: dict[str, Any] = {
            "status": self.status.value if self.status else None,
            "method": self.method or None,
            "since": self.since,
            "until": self.until,
            "text": self.text.strip() or None,
        }
        if self.refunded:
            query["refunded"] = True
        return query

    def with_changes(self, **changes: Any) -> PaymentFilter:
        return replace(self, **changes)


def method_name(method_type: str) -> str:
    """The wallet's name in the UI language, or the raw type when it is not in the catalog."""
    try:
        method = methods.get(method_type)
    except methods.UnknownMethodError:
        return method_type
    return method.name(QLocale().name())


def wallet_text(record: PaymentRecord) -> str:
    """The payment's wallet in the UI language; "Unknown wallet" for a refused scan whose
    wallet the gateway did not name (never the CONNECT_WALLET placeholder)."""
    if record.wallet_unknown:
        return QCoreApplication.translate("PaymentsModel", "Unknown wallet")
    return method_name(record.method)


def refund_state_text(record: PaymentRecord, refunded: int, in_process: int = 0) -> str:
    """ "Refunded" / "Partly refunded" for a paid sale with refunds, "Refund pending" while
    one of them is not final (the wallet has not confirmed it), else its status."""
    if record.status is Status.SUCCESS and in_process > 0:
        return QCoreApplication.translate("PaymentsModel", "Refund pending")
    if record.status is Status.SUCCESS and refunded > 0:
        if refunded >= record.amount.value:
            return QCoreApplication.translate("PaymentsModel", "Refunded")
        return QCoreApplication.translate("PaymentsModel", "Partly refunded")
    return status_text(record.status)


def in_process_minor(refunds: Iterable[RefundRecord]) -> int:
    """Minor units of ``refunds`` that are not final yet: asked for, but not (yet)
    confirmed or refused by the wallet."""
    return sum(r.amount.value for r in refunds if not r.status.is_final)


def refund_in_process(journal: Any, payment_request_id: str) -> int:
    """:func:`in_process_minor` of the payment's refunds (blocking)."""
    return in_process_minor(journal.refunds_for(payment_request_id))


def _page_with_refunds(
    journal: Any, query: dict[str, Any], offset: int, limit: int
) -> tuple[list[PaymentRecord], dict[str, int], dict[str, int]]:
    """One page of payments, what is refunded of each, and how much of that is still in
    process (blocking: a worker's job)."""
    records = journal.list_payments(**query, offset=offset, limit=limit)
    paid = [r.payment_request_id for r in records if r.status is Status.SUCCESS]
    refunded = journal.refunded_totals(paid) if paid else {}
    in_process = {prid: refund_in_process(journal, prid) for prid in refunded}
    return records, refunded, {prid: minor for prid, minor in in_process.items() if minor}


def read_row(journal: Any, payment_request_id: str) -> tuple[PaymentRecord | None, int, int]:
    """One payment as a row shows it: the record, what is refunded of it and how much of
    that is still in process (blocking)."""
    return (
        journal.get_payment(payment_request_id),
        journal.refunded_total(payment_request_id),
        refund_in_process(journal, payment_request_id),
    )


def status_text(status: Status) -> str:
    """A status in words, in the UI language."""
    texts = {
        Status.CREATED: QCoreApplication.translate("PaymentsModel", "Created"),
        Status.PENDING: QCoreApplication.translate("PaymentsModel", "Pending"),
        Status.SUCCESS: QCoreApplication.translate("PaymentsModel", "Success"),
        Status.FAILED: QCoreApplication.translate("PaymentsModel", "Failed"),
        Status.CANCELLED: QCoreApplication.translate("PaymentsModel", "Cancelled"),
        Status.EXPIRED: QCoreApplication.translate("PaymentsModel", "Expired"),
        Status.UNKNOWN: QCoreApplication.translate("PaymentsModel", "Unknown"),
    }
    return texts.get(status, status.value)


def environment_text(environment: str) -> str:
    """Where a payment was made, in the UI language: the embedded demo sandbox, Antom's
    sandbox or live (production): a demo sale is never read as a real one."""
    texts = {
        EMBEDDED_SANDBOX: QCoreApplication.translate("PaymentsModel", "Embedded sandbox"),
        ANTOM_SANDBOX: QCoreApplication.translate("PaymentsModel", "Antom sandbox"),
        PRODUCTION: QCoreApplication.translate("PaymentsModel", "Live"),
    }
    return texts.get(environment, environment)


class PaymentsModel(QAbstractTableModel):
    """Journaled payments matching a :class:`PaymentFilter`, newest first.

    Rows arrive in pages of ``page_size`` through the task runner (SQLite never runs on the
    GUI thread): the view asks ``canFetchMore``/``fetchMore`` as the user scrolls, and the
    page is inserted when its task reports back. Changing the filter abandons pages in
    flight (the runner drops their late results).

    Signals:
        loading_changed(bool): a page request started or finished.
        total_changed(int): the number of payments matching the filter is known.
        page_loaded(int): a page arrived; the argument is the number of rows it added.
        load_failed(str): the journal could not be read; the message names the problem.
    """

    loading_changed = Signal(bool)
    total_changed = Signal(int)
    page_loaded = Signal(int)
    load_failed = Signal(str)

    COLUMNS = (
        "time",
        "amount",
        "method",
        "status",
        "environment",
        "payment_id",
        "payment_request_id",
        "reference",
        "summary",
        "till",
    )
    (
        COL_TIME,
        COL_AMOUNT,
        COL_METHOD,
        COL_STATUS,
        COL_ENVIRONMENT,
        COL_PAYMENT_ID,
        COL_REQUEST_ID,
        COL_REFERENCE,
        COL_SUMMARY,
        COL_TILL,  #: store mode, whole store: the till each sale was taken at
    ) = range(10)

    PAGE_TASK = "history:page"
    COUNT_TASK = "history:count"

    def __init__(
        self, journal: Any, tasks: Any, *, page_size: int = 200, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        if page_size < 1:
            raise ValueError("page_size must be at least 1")
        self._journal = journal
        self._tasks = tasks
        self._page_size = page_size
        self._filter = PaymentFilter()
        self._rows: list[PaymentRecord] = []
        self._row_of: dict[str, int] = {}
        self._refunded: dict[str, int] = {}  #: minor units refunded, by paymentRequestId
        self._in_process: dict[str, int] = {}  #: of which not final yet, by paymentRequestId
        self._skipped = 0  #: repeats seen, so the next offset still moves forward
        self._exhausted = True  # nothing to fetch until the first reload()
        self._loading = False
        self._total: int | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    # -- public API ---------------------------------------------------------------------
    @property
    def filter(self) -> PaymentFilter:
        return self._filter

    @property
    def total(self) -> int | None:
        """Payments matching the filter (``None`` until counted)."""
        return self._total

    @property
    def is_loading(self) -> bool:
        return self._loading

    @property
    def exhausted(self) -> bool:
        return self._exhausted

    @property
    def source(self) -> Any:
        """Where the rows are read: the journal, or the whole store's view (store mode)."""
        return self._journal

    def set_source(self, source: Any) -> None:
        """Read from ``source`` from now on (the journal, or the whole store's view with
        the journal's read methods and ``till_of``) and load again."""
        self._journal = source
        self.reload()

    def set_filter(self, payment_filter: PaymentFilter) -> None:
        """Show the payments matching ``payment_filter``, from the first page."""
        self._filter = payment_filter
        self.reload()

    def reload(self) -> None:
        """Drop every row and load the first page (and the count) again."""
        self._tasks.cancel(self.PAGE_TASK)
        self._tasks.cancel(self.COUNT_TASK)
        self.beginResetModel()
        self._rows = []
        self._row_of = {}
        self._refunded = {}
        self._in_process = {}
        self._skipped = 0
        self._exhausted = False
        self._total = None
        self.endResetModel()
        self._set_loading(False)
        query = self._filter.query()
        self._tasks.run(
            self.COUNT_TASK,
            functools.partial(self._journal.count_payments, **query),
            on_done=self._on_count_done,
            on_error=self._on_load_error,
            owner=self,
        )
        self.fetchMore(QModelIndex())

    def record(self, row: int) -> PaymentRecord:
        return self._rows[row]

    def row_of(self, payment_request_id: str) -> int:
        """The row showing that payment, or -1 when it is not loaded."""
        return self._row_of.get(payment_request_id, -1)

    def update_record(
        self, record: PaymentRecord, refunded: int | None = None, in_process: int = 0
    ) -> None:
        """Show a fresher snapshot of a loaded payment (after re-inquire, cancel, refund);
        ``refunded``: minor units now refunded of it, when known, ``in_process`` of which
        are not final yet."""
        row = self._row_of.get(record.payment_request_id)
        if row is None:
            return
        self._rows[row] = record
        if refunded is not None:
            self._refunded[record.payment_request_id] = refunded
            self._in_process[record.payment_request_id] = in_process
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # -- lazy loading -------------------------------------------------------------------
    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._set_loading(True)
        fetch = functools.partial(
            _page_with_refunds,
            self._journal,
            self._filter.query(),
            len(self._rows) + self._skipped,
            self._page_size,
        )
        self._tasks.run(
            self.PAGE_TASK,
            fetch,
            on_done=self._on_page_done,
            on_error=self._on_load_error,
            owner=self,
        )

    def _on_page_done(
        self, page: tuple[list[PaymentRecord], dict[str, int], dict[str, int]]
    ) -> None:
        records, refunded, in_process = page
        self._refunded.update(refunded)
        self._in_process.update(in_process)
        self._set_loading(False)
        self._exhausted = len(records) < self._page_size
        # A sale made while the list is open shifts later pages by one: skip the repeats.
        fresh = [r for r in records if r.payment_request_id not in self._row_of]
        self._skipped += len(records) - len(fresh)
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            for offset, rec in enumerate(fresh):
                self._row_of[rec.payment_request_id] = first + offset
            self._rows.extend(fresh)
            self.endInsertRows()
        self.page_loaded.emit(len(fresh))
        if not fresh and records:
            # A whole page of repeats inserted nothing, so the view will not ask again.
            self.fetchMore(QModelIndex())

    def _on_count_done(self, total: int) -> None:
        self._total = int(total)
        self.total_changed.emit(self._total)

    def _on_load_error(self, exc: BaseException) -> None:
        self._set_loading(False)
        self._exhausted = True  # do not hammer a broken journal on every scroll
        self.load_failed.emit(error_text(exc))

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    # -- QAbstractTableModel ------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Time"),
            self.tr("Amount"),
            self.tr("Wallet"),
            self.tr("Status"),
            self.tr("Environment"),
            self.tr("Payment ID"),
            self.tr("Request ID"),
            self.tr("Reference"),
            self.tr("Summary"),
            self.tr("Till"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        rec = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(rec, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_STATUS and rec.result_code:
                return f"{self._display(rec, col)} ({rec.result_code})"
            return self._display(rec, col)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_STATUS:
            if self._refunded.get(rec.payment_request_id, 0) > 0:
                return QColor(REFUNDED_COLOR)
            return QColor(STATUS_COLORS.get(rec.status, "#000000"))
        if role == Qt.ItemDataRole.FontRole and col in (self.COL_STATUS, self.COL_AMOUNT):
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return rec
        return None

    def _display(self, rec: PaymentRecord, col: int) -> str:
        if col == self.COL_TIME:
            return rec.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if col == self.COL_AMOUNT:
            return rec.amount.display()
        if col == self.COL_METHOD:
            return (
                f"{wallet_text(rec)} · {scenario_short(rec)}" if rec.in_store else wallet_text(rec)
            )
        if col == self.COL_STATUS:
            prid = rec.payment_request_id
            return refund_state_text(
                rec, self._refunded.get(prid, 0), self._in_process.get(prid, 0)
            )
        if col == self.COL_ENVIRONMENT:
            return environment_text(rec.environment)
        if col == self.COL_PAYMENT_ID:
            return rec.payment_id
        if col == self.COL_REQUEST_ID:
            return rec.payment_request_id
        if col == self.COL_REFERENCE:
            return rec.reference_order_id
        if col == self.COL_SUMMARY:
            return rec.trade_summary
        if col == self.COL_TILL:
            till_of = getattr(self._journal, "till_of", None)
            return str(till_of(rec.payment_request_id)) if till_of is not None else ""
        return ""
