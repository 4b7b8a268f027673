"""End-of-day report page: one day's totals by wallet and currency, a chart, CSV/PDF export."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QDate, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cashier_app.domain import methods
from cashier_app.domain.outcome import Status
from cashier_app.reports.amounts import minor_display
from cashier_app.reports.eod import Report, compute_report, write_csv, write_pdf
from cashier_app.ui.models.payments_model import (
    STATUS_COLORS,
    environment_text,
    method_name,
    status_text,
)
from cashier_app.ui.pages.report_store import clear_totals, render_store_day
from cashier_app.ui.text import error_text, fill
from cashier_app.ui.widgets.bar_chart import Bar, BarChart

FLAG_COLOR = "#D35400"


def _item(text: str, *, align_right: bool = False, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if bold:
        font = QFont()
        font.setBold(True)
        item.setFont(font)
    return item


def _whose(text: str, totals: Any) -> str:
    """``text`` and, when the day mixes profiles or environments (the report then gives
    the line a qualifier), whose and where in the UI language: "AlipayHK (shop, Live)"."""
    if not getattr(totals, "qualifier", ""):
        return text
    parts = [getattr(totals, "profile", ""), environment_text(totals.environment)]
    return f"{text} ({', '.join(p for p in parts if p)})"


class ReportPage(QWidget):
    """Totals for a chosen day, flagged payments, a bar chart and CSV/PDF export.

    Signals:
        report_loaded(object Report): the totals for the chosen day arrived.
        store_day_loaded(object StoreDay): the whole store's totals arrived (store mode).
        export_finished(str path): a CSV or PDF file was written.
    """

    report_loaded = Signal(object)
    store_day_loaded = Signal(object)
    export_finished = Signal(str)

    LOAD_TASK = "report:load"
    EXPORT_TASK = "report:export"

    def __init__(self, services: Any, tasks: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportPage")
        self._services = services
        self._tasks = tasks
        self.report: Report | None = None
        self.store_day: Any = None  #: the whole store's day (store mode), when shown
        self._stale = False  #: the journal changed while the page was hidden

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_toolbar())
        self.summary = QLabel()
        self.summary.setObjectName("reportSummary")
        self.summary.setProperty("role", "heading")
        self.summary.setWordWrap(True)
        # store mode: this till or the whole store, beside the heading it chooses (the
        # toolbar has no room left at 1024 px)
        head = QHBoxLayout()
        head.addWidget(self.scope, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self.summary, 1)
        layout.addLayout(head)

        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableWidget(0, 8)
        self.table.setObjectName("reportTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Wallet"),
                self.tr("Currency"),
                self.tr("Sales"),
                self.tr("Sales amount"),
                self.tr("Refunds"),
                self.tr("Refunded"),
                self.tr("Net"),
                self.tr("Not final"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # A handful of rows: sizing to contents is cheap and never truncates an amount.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        splitter.addWidget(self.table)

        bottom = QWidget()
        row = QHBoxLayout(bottom)
        row.setContentsMargins(0, 0, 0, 0)
        chart_box = QWidget()
        chart_col = QVBoxLayout(chart_box)
        chart_col.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(
            self.tr("Sales by wallet; the hatched end is refunded, the figure is the net")
        )
        caption.setObjectName("reportChartCaption")
        caption.setWordWrap(True)
        self.chart = BarChart()
        self.chart.setObjectName("reportChart")
        self.chart.set_empty_text(self.tr("No sales on this day"))
        chart_scroll = QScrollArea()
        chart_scroll.setObjectName("reportChartScroll")
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setFrameShape(QFrame.Shape.NoFrame)
        chart_scroll.setWidget(self.chart)
        chart_scroll.viewport().setAutoFillBackground(False)
        self.chart.setAutoFillBackground(False)
        chart_col.addWidget(caption)
        chart_col.addWidget(chart_scroll, 1)
        row.addWidget(chart_box, 3)
        flag_box = QWidget()
        flag_col = QVBoxLayout(flag_box)
        flag_col.setContentsMargins(0, 0, 0, 0)
        self.flag_label = QLabel()
        self.flag_label.setObjectName("reportFlagged")
        self.flag_label.setWordWrap(True)
        self.flagged_list = QTreeWidget()
        self.flagged_list.setObjectName("reportFlaggedList")
        self.flagged_list.setRootIsDecorated(False)
        self.flagged_list.setHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Amount"),
                self.tr("Wallet"),
                self.tr("Status"),
                self.tr("Request ID"),
            ]
        )
        flag_col.addWidget(self.flag_label, 0, Qt.AlignmentFlag.AlignTop)
        flag_col.addWidget(self.flagged_list, 1)
        row.addWidget(flag_box, 2)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        self.message = QLabel()
        self.message.setObjectName("reportMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self._update_buttons()

    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Day")))
        self.prev_button = QPushButton("◀")
        self.prev_button.setObjectName("reportPrevDay")
        self.prev_button.setToolTip(self.tr("Previous day"))
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setObjectName("reportDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate.currentDate().addDays(1))
        self.next_button = QPushButton("▶")
        self.next_button.setObjectName("reportNextDay")
        self.next_button.setToolTip(self.tr("Next day"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("reportRefreshButton")
        # per wallet, or per operator (their shift): the same day, added up two ways
        self.grouping = QComboBox()
        self.grouping.setObjectName("reportGrouping")
        self.grouping.addItem(self.tr("By wallet"), "wallet")
        self.grouping.addItem(self.tr("By operator (shift)"), "operator")
        self.grouping.currentIndexChanged.connect(self._on_grouping_changed)
        # this till's journal, or every till's totals from the store server (store mode)
        self.scope = QComboBox()
        self.scope.setObjectName("reportScope")
        self.scope.addItem(self.tr("This till"), "till")
        self.scope.addItem(self.tr("Whole store"), "store")
        self.scope.setVisible(getattr(self._services, "store", None) is not None)
        self.scope.currentIndexChanged.connect(self._on_scope_changed)
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.csv_button.setObjectName("exportCsvButton")
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.setObjectName("exportPdfButton")
        for button in (self.prev_button, self.next_button):
            button.setFixedWidth(44)
        self.prev_button.clicked.connect(lambda: self._shift_day(-1))
        self.next_button.clicked.connect(lambda: self._shift_day(1))
        self.date_edit.dateChanged.connect(self.reload)
        self.refresh_button.clicked.connect(self.reload)
        self.csv_button.clicked.connect(self._on_csv_clicked)
        self.pdf_button.clicked.connect(self._on_pdf_clicked)
        for widget in (
            self.prev_button,
            self.date_edit,
            self.next_button,
            self.refresh_button,
            self.grouping,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.csv_button)
        bar.addWidget(self.pdf_button)
        return bar

    # -- loading ------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        # The keys start on the day's totals: on the first button (the previous day) a
        # stray Space showed yesterday in place of today.
        self.table.setFocus()
        # Shown again: the journal may have moved on (a sale, a refund) while hidden.
        if self._stale or not self._tasks.is_running(self.LOAD_TASK):
            self.reload()

    @Slot(object)
    def on_journal_changed(self, _change: Any) -> None:
        """A payment or refund changed (ui/journal_watch.py): add up again while shown,
        else on the next show."""
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def day(self) -> date:
        # QDate.toPython() gives a datetime.date; PySide6's stubs say object
        return cast(date, self.date_edit.date().toPython())

    def set_day(self, day: date) -> None:
        """Show the report of ``day`` (loads it)."""
        if day == self.day():
            self.reload()
        else:
            self.date_edit.setDate(QDate(day.year, day.month, day.day))  # reloads

    def _shift_day(self, days: int) -> None:
        self.date_edit.setDate(self.date_edit.date().addDays(days))

    def whole_store(self) -> bool:
        return bool(self.scope.currentData() == "store")

    @Slot(int)
    def _on_scope_changed(self, _index: int) -> None:
        by_till = self.grouping.findData("till")
        if self.whole_store() and by_till < 0:
            self.grouping.addItem(self.tr("By till"), "till")
        elif not self.whole_store() and by_till >= 0:
            if self.grouping.currentIndex() == by_till:
                self.grouping.setCurrentIndex(0)
            self.grouping.removeItem(by_till)
        self.report = self.store_day = None
        clear_totals(self)
        self._update_buttons()
        self.reload()

    @Slot()
    def reload(self) -> None:
        self._stale = False
        self.message.setText(self.tr("Adding up…"))
        self.message.setStyleSheet("")
        if self.whole_store():
            self._tasks.run(  # PostgreSQL: on a worker, like the journal
                self.LOAD_TASK,
                self._services.store.end_of_day,
                self.day(),
                on_done=self._on_store_day_loaded,
                on_error=self._on_failed,
                owner=self,
            )
            return
        self._tasks.run(
            self.LOAD_TASK,
            compute_report,
            self._services.journal,
            self.day(),
            on_done=self._on_report_loaded,
            on_error=self._on_failed,
            owner=self,
        )

    def _on_store_day_loaded(self, store_day: Any) -> None:
        if store_day.day != self.day() or not self.whole_store():
            return  # an older answer; the newer one is on its way
        self.store_day = store_day
        self.summary.setStyleSheet("")
        self.chart.set_empty_text(self.tr("No sales on this day"))
        self.message.clear()
        render_store_day(self, store_day)
        self.store_day_loaded.emit(store_day)

    def _on_report_loaded(self, report: Report) -> None:
        if report.day != self.day() or self.whole_store():
            return  # an older day's answer; the newer one is on its way
        self.report = report
        self.message.clear()
        self.summary.setStyleSheet("")
        self.chart.set_empty_text(self.tr("No sales on this day"))
        self._render(report)
        self._update_buttons()
        self.report_loaded.emit(report)

    # -- rendering ----------------------------------------------------------------------
    @Slot(int)
    def _on_grouping_changed(self, _index: int) -> None:
        if self.whole_store():
            if self.store_day is not None:
                render_store_day(self, self.store_day)
        elif self.report is not None:
            self._render(self.report)

    def _name_column(self, text: str) -> None:
        head = self.table.horizontalHeaderItem(0)
        if head is not None:
            head.setText(text)

    def _render_shifts(self, report: Report) -> None:
        """The totals table by operator: what each one's shift took and refunded."""
        self._name_column(self.tr("Operator"))
        self.table.setRowCount(len(report.shifts))
        for r, sh in enumerate(report.shifts):
            name = sh.operator or self.tr("(no operator)")
            cells = [
                _item(name),
                _item(sh.currency),
                _item(str(sh.sales_count), align_right=True),
                _item(minor_display(sh.sales_minor, sh.currency), align_right=True),
                _item(str(sh.refunds_count), align_right=True),
                _item(minor_display(sh.refunds_minor, sh.currency), align_right=True),
                _item(minor_display(sh.net_minor, sh.currency), align_right=True, bold=True),
                _item(""),
            ]
            for c, cell in enumerate(cells):
                self.table.setItem(r, c, cell)
        QTimer.singleShot(0, self, self._fit_table)

    def _render(self, report: Report) -> None:
        if self.grouping.currentData() == "operator":
            self._render_shifts(report)
        else:
            self._name_column(self.tr("Wallet"))
            self._render_wallets(report)
        self._render_rest(report)

    def _render_wallets(self, report: Report) -> None:
        rows = [*report.lines, *report.currency_totals]
        self.table.setRowCount(len(rows))
        for r, t in enumerate(rows):
            total_row = not t.method
            name = _whose(method_name(t.method) if t.method else self.tr("Total"), t)
            cells = [
                _item(name, bold=total_row),
                _item(t.currency, bold=total_row),
                _item(str(t.sales_count), align_right=True, bold=total_row),
                _item(minor_display(t.sales_minor, t.currency), align_right=True, bold=total_row),
                _item(str(t.refunds_count), align_right=True, bold=total_row),
                _item(minor_display(t.refunds_minor, t.currency), align_right=True, bold=total_row),
                _item(minor_display(t.net_minor, t.currency), align_right=True, bold=True),
                _item(str(t.open_count) if t.open_count else "", align_right=True, bold=total_row),
            ]
            if t.open_count:
                cells[7].setForeground(QColor(FLAG_COLOR))
                cells[7].setToolTip(
                    self.tr("Payments and refunds not final yet: re-inquire them in History")
                )
            for c, cell in enumerate(cells):
                self.table.setItem(r, c, cell)
        # Once the new rows are laid out (the header's height is final only then).
        QTimer.singleShot(0, self, self._fit_table)

    def _render_rest(self, report: Report) -> None:

        if report.currency_totals:
            nets = "   ".join(
                _whose(minor_display(t.net_minor, t.currency), t) for t in report.currency_totals
            )
            text = fill(self.tr("Net: %1"), nets)
            for scenario, currency, count, minor in report.in_store:
                how = (
                    self.tr("in-store, scanned code")
                    if scenario == "PaymentCode"
                    else self.tr("in-store, order code")
                )
                text += "   ·   " + fill(
                    self.tr("%1: %2 sale(s), %3"), how, count, minor_display(minor, currency)
                )
            self.summary.setText(text)
        else:
            self.summary.setText(fill(self.tr("No payments on %1"), report.day.isoformat()))

        self.set_wallet_bars(report.lines, lambda t: t.method)

        self.flagged_list.clear()
        for pay in report.flagged:
            item = QTreeWidgetItem(
                [
                    pay.created_at.astimezone().strftime("%H:%M:%S"),
                    pay.amount.display(),
                    method_name(pay.method),
                    status_text(pay.status),
                    pay.payment_request_id,
                ]
            )
            item.setForeground(3, QColor(STATUS_COLORS.get(pay.status, FLAG_COLOR)))
            self.flagged_list.addTopLevelItem(item)
        for refund in report.flagged_refunds:
            item = QTreeWidgetItem(
                [
                    refund.created_at.astimezone().strftime("%H:%M:%S"),
                    "-" + refund.amount.display(),
                    self.tr("Refund"),
                    status_text(refund.status),
                    refund.payment_request_id,
                ]
            )
            item.setForeground(3, QColor(FLAG_COLOR))
            self.flagged_list.addTopLevelItem(item)
        for col in range(self.flagged_list.columnCount() - 1):
            self.flagged_list.resizeColumnToContents(col)
        flagged = len(report.flagged) + len(report.flagged_refunds)
        if flagged:
            self.flag_label.setText(
                self.tr(
                    "⚠ %n payment(s) or refund(s) of this day are not final: the totals may "
                    "still change. Re-inquire them in History.",
                    "",
                    flagged,
                )
            )
            self.flag_label.setStyleSheet(f"color: {FLAG_COLOR}; font-weight: bold")
        else:
            self.flag_label.setText(self.tr("✓ Every payment of this day is final."))
            self.flag_label.setStyleSheet(f"color: {STATUS_COLORS[Status.SUCCESS]}")
        self.flagged_list.setVisible(bool(flagged))

    def _fit_table(self) -> None:
        """Give the totals table the height its rows need (up to 60% of the page)."""
        total = self.splitter.height()
        if total <= 0:
            return
        bar = self.table.horizontalScrollBar()
        need = (
            self.table.horizontalHeader().height()
            + 2 * self.table.frameWidth()
            + self.table.verticalHeader().length()
            + (bar.sizeHint().height() if bar.isVisible() else 0)
            + 2
        )
        top = min(need, total * 65 // 100)
        self.splitter.setSizes([top, total - top])

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_table()

    def set_wallet_bars(self, lines: Iterable[Any], method_of: Callable[[Any], str]) -> None:
        """One bar per wallet and currency with sales or refunds: this till's report lines
        or the store's by-wallet lines (``method_of`` reads the wallet of either)."""
        self.chart.set_bars(
            [
                Bar(
                    label=_whose(f"{method_name(method_of(t))} · {t.currency}", t),
                    value=t.sales_minor,
                    minus=t.refunds_minor,
                    text=minor_display(t.net_minor, t.currency),
                    color=self._method_color(method_of(t)),
                    group=t.currency,
                )
                for t in lines
                if t.sales_minor or t.refunds_minor
            ]
        )

    @staticmethod
    def _method_color(method_type: str) -> str:
        try:
            return methods.get(method_type).brand_color
        except methods.UnknownMethodError:
            return "#607D8B"

    # -- export -------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        has = self.report is not None and not self._tasks.is_running(self.EXPORT_TASK)
        self.csv_button.setEnabled(has)
        self.pdf_button.setEnabled(has)

    @Slot()
    def _on_csv_clicked(self) -> None:
        self._export("csv", self.tr("CSV files (*.csv)"))

    @Slot()
    def _on_pdf_clicked(self) -> None:
        self._export("pdf", self.tr("PDF files (*.pdf)"))

    def _export(self, kind: str, file_filter: str) -> None:
        report = self.report
        if report is None:
            return
        default = f"end-of-day-{report.day.isoformat()}.{kind}"
        path = self.ask_save_path(self.tr("Export the report"), default, file_filter)
        if not path:
            return
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        if kind == "csv":
            self._tasks.run(
                self.EXPORT_TASK,
                write_csv,
                report,
                path,
                on_done=self._on_exported,
                on_error=self._on_failed,
                owner=self,
            )
        else:
            merchant = (
                getattr(self._services.profile, "merchant_name", "")
                or getattr(self._services.checkout, "merchant_name", "")
                or ""
            )
            self._tasks.run(
                self.EXPORT_TASK,
                write_pdf,
                report,
                path,
                merchant,
                on_done=self._on_exported,
                on_error=self._on_failed,
                owner=self,
            )
        self.message.setStyleSheet("")
        self.message.setText(fill(self.tr("Writing %1…"), path))
        self._update_buttons()

    def ask_save_path(self, title: str, default_name: str, file_filter: str) -> str:
        """The file to write (empty when the operator cancels); tests replace this."""
        start = str(Path.home() / default_name)
        path, _ = QFileDialog.getSaveFileName(self, title, start, file_filter)
        return path

    def _on_exported(self, path: Any) -> None:
        self.message.setStyleSheet(f"color: {STATUS_COLORS[Status.SUCCESS]}")
        self.message.setText(fill(self.tr("Saved %1"), str(path)))
        self._update_buttons()
        self.export_finished.emit(str(path))

    def _on_failed(self, exc: BaseException) -> None:
        if self.whole_store():  # the store's figures are not known: none shown
            self.store_day = None
            clear_totals(self)
            self.summary.setText(
                self.tr(
                    "The whole store cannot be shown now. “This till” still shows this "
                    "till's own End of day."
                )
            )
            self.summary.setStyleSheet("color: #C62828")
        self.message.setStyleSheet("color: #C62828")
        self.message.setText(error_text(exc))
        self._update_buttons()
