"""The history page's filter bar: period or date range, status, wallet, debounced text search."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import cast

from PySide6.QtCore import QDate, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLineEdit, QPushButton, QWidget

from cashier_app.domain import methods
from cashier_app.domain.outcome import Status
from cashier_app.ui.models.payments_model import PaymentFilter, method_name, status_text

#: Typing pauses this long before the search runs (one query per pause, not per key).
SEARCH_DEBOUNCE_MS = 300
# The status choice "Refunded": sales with a refund, whatever its state (not a Status)
REFUNDED = "refunded"


def local_day_start(day: date) -> datetime:
    """Midnight at the start of ``day`` in local time, timezone-aware."""
    return datetime(day.year, day.month, day.day).astimezone()


class HistoryFilterBar(QWidget):
    """Widgets that describe a :class:`PaymentFilter`.

    Signals:
        filter_changed(object PaymentFilter): a filter was changed (search: after a pause).
        refresh_requested(): Refresh was clicked.
    """

    filter_changed = Signal(object)
    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyFilters")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.apply_now)

        self.period = QComboBox()
        self.period.setObjectName("historyFilterPeriod")
        for key, text in (
            ("all", self.tr("All dates")),
            ("today", self.tr("Today")),
            ("7d", self.tr("Last 7 days")),
            ("30d", self.tr("Last 30 days")),
            ("custom", self.tr("Date range")),
        ):
            self.period.addItem(text, key)
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-7))
        self.date_from.setObjectName("historyFilterFrom")
        self.date_to = QDateEdit(today)
        self.date_to.setObjectName("historyFilterTo")
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setVisible(False)
            edit.dateChanged.connect(self.apply_now)

        self.status_filter = QComboBox()
        self.status_filter.setObjectName("historyFilterStatus")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in (
            Status.SUCCESS,
            Status.PENDING,
            Status.FAILED,
            Status.CANCELLED,
            Status.EXPIRED,
            Status.UNKNOWN,
            Status.CREATED,
        ):
            self.status_filter.addItem(status_text(status), status.value)
            if status is Status.SUCCESS:
                self.status_filter.addItem(self.tr("Refunded"), REFUNDED)
                self.status_filter.setItemData(
                    self.status_filter.count() - 1,
                    self.tr("Sales with a refund: fully or partly refunded, or a refund pending"),
                    Qt.ItemDataRole.ToolTipRole,
                )

        self.method_filter = QComboBox()
        self.method_filter.setObjectName("historyFilterMethod")
        self.method_filter.addItem(self.tr("All wallets"), None)
        for method_type in methods.CATALOG:
            self.method_filter.addItem(method_name(method_type), method_type)

        self.search = QLineEdit()
        self.search.setObjectName("historySearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search ids, reference, summary"))
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.apply_now)

        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("historyRefreshButton")
        self.refresh_button.clicked.connect(self.refresh_requested)

        self.period.currentIndexChanged.connect(self._on_period_changed)
        self.status_filter.currentIndexChanged.connect(self.apply_now)
        self.method_filter.currentIndexChanged.connect(self.apply_now)

        for widget in (
            self.period,
            self.date_from,
            self.date_to,
            self.status_filter,
            self.method_filter,
        ):
            row.addWidget(widget)
        row.addWidget(self.search, 1)
        row.addWidget(self.refresh_button)

    def current_filter(self) -> PaymentFilter:
        """The filter the widgets describe."""
        since, until = self.period_bounds()
        status = self.status_filter.currentData()
        refunded = status == REFUNDED
        return PaymentFilter(
            status=Status(status) if status and not refunded else None,
            refunded=refunded,
            method=self.method_filter.currentData() or None,
            since=since,
            until=until,
            text=self.search.text(),
        )

    def period_bounds(self) -> tuple[datetime | None, datetime | None]:
        """``since`` (inclusive) and ``until`` (exclusive) of the chosen period, local days."""
        key = self.period.currentData()
        today = date.today()
        if key == "today":
            return local_day_start(today), None
        if key == "7d":
            return local_day_start(today - timedelta(days=6)), None
        if key == "30d":
            return local_day_start(today - timedelta(days=29)), None
        if key == "custom":
            # QDate.toPython() gives a datetime.date; PySide6's stubs say object
            start = cast(date, self.date_from.date().toPython())
            end = cast(date, self.date_to.date().toPython())
            if end < start:
                start, end = end, start
            return local_day_start(start), local_day_start(end + timedelta(days=1))
        return None, None

    @Slot()
    def apply_now(self) -> None:
        """Announce the current filter at once (skipping the search pause)."""
        self._search_timer.stop()
        self.filter_changed.emit(self.current_filter())

    @Slot(int)
    def _on_period_changed(self, _index: int) -> None:
        custom = self.period.currentData() == "custom"
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)
        self.apply_now()
