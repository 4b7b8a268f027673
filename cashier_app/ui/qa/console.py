"""The QA console dock: exchange log with details, fault panel, scenarios, notifications."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, Signal, Slot
from PySide6.QtGui import QAction, QFontDatabase, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cashier_app.gateway.antom import Exchange
from cashier_app.gateway.notify import Delivery
from cashier_app.ui.qa.fault_panel import FaultPanel, sandbox_control_url
from cashier_app.ui.qa.models import (
    DEFAULT_CAPACITY,
    ExchangeLogModel,
    NotificationLogModel,
    QaBridge,
    exchange_error,
    notification_error,
)
from cashier_app.ui.qa.records import (
    curl_command,
    exchange_to_json,
    pretty_json,
    redact_body,
    redact_headers,
    redact_text,
    request_string_to_sign,
    response_string_to_sign,
)
from cashier_app.ui.qa.scenario_panel import ScenarioPanel
from cashier_app.ui.tasks import TaskRunner
from cashier_app.ui.text import error_text, fill


def write_export(path: str | Path, records: list[dict[str, Any]]) -> str:
    """Write the (already redacted) records as JSON, atomically; return the path."""
    target = Path(path)
    document = {"format": "cashier-qa-exchanges/1", "count": len(records), "exchanges": records}
    text = json.dumps(document, indent=2, ensure_ascii=False)
    fd, tmp = tempfile.mkstemp(prefix=".qa-export-", dir=str(target.parent or "."))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return str(target)


def _headers_text(headers: dict[str, str]) -> str:
    return "\n".join(f"{k}: {v}" for k, v in redact_headers(headers).items()) or "—"


def _mono(parent: QWidget, name: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setObjectName(name)
    edit.setReadOnly(True)
    edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    return edit


class QaConsole(QWidget):
    """Tabs: Exchanges (table + request/response/verification), Faults, Scenarios,
    Notifications.

    Signals:
        export_finished(str path), export_failed(str message)
    """

    export_finished = Signal(str)
    export_failed = Signal(str)

    def __init__(
        self, tasks: TaskRunner, parent: QWidget | None = None, *, capacity: int = DEFAULT_CAPACITY
    ) -> None:
        super().__init__(parent)
        self.setObjectName("qaConsole")
        self.tasks = tasks
        self.services: Any = None
        self.bridge = QaBridge(self)
        self.exchanges = ExchangeLogModel(capacity, self)
        self.notifications = NotificationLogModel(capacity, self)
        self.bridge.exchange_observed.connect(
            self._on_exchange_observed, Qt.ConnectionType.QueuedConnection
        )
        self.bridge.notification_observed.connect(
            self._on_notification_observed, Qt.ConnectionType.QueuedConnection
        )

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("qaTabs")
        # The pages scroll (the fault form scrolls inside its panel, its buttons below it):
        # the dock can then be a third of a 1366x768 or 1024x600 till and leave the sale
        # (its code, its countdown) in view while faults are injected.
        self.tabs.addTab(_scrolling(self._build_exchanges_tab(), self.tabs), self.tr("Exchanges"))
        self.fault_panel = FaultPanel(tasks, self)
        self.tabs.addTab(self.fault_panel, self.tr("Faults"))
        self.scenario_panel = ScenarioPanel(tasks, self)
        self.tabs.addTab(_scrolling(self.scenario_panel, self.tabs), self.tr("Scenarios"))
        self.tabs.addTab(
            _scrolling(self._build_notifications_tab(), self.tabs), self.tr("Notifications")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        self._update_buttons()

    # -- construction -------------------------------------------------------------------
    def _build_exchanges_tab(self) -> QWidget:
        tab = QWidget(self)
        self.table = QTableView(tab)
        self.table.setObjectName("qaExchangeTable")
        self.table.setModel(self.exchanges)
        self._setup_table(self.table, 3)  # Result
        self.exchanges.rowsInserted.connect(self._on_rows_inserted)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

        self.verdict = QLabel(self.tr("Select an exchange to see it in full."), tab)
        self.verdict.setObjectName("qaVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.request_text = _mono(tab, "qaRequestText")
        self.response_text = _mono(tab, "qaResponseText")
        self.detail_tabs = QTabWidget(tab)
        self.detail_tabs.setObjectName("qaDetailTabs")
        self.detail_tabs.addTab(self.request_text, self.tr("Request"))
        self.detail_tabs.addTab(self.response_text, self.tr("Response"))
        details = QWidget(tab)
        dbox = QVBoxLayout(details)
        dbox.setContentsMargins(0, 0, 0, 0)
        dbox.addWidget(self.verdict)
        dbox.addWidget(self.detail_tabs, 1)

        split = QSplitter(Qt.Orientation.Horizontal, tab)
        split.setObjectName("qaExchangeSplit")
        split.addWidget(self.table)
        split.addWidget(details)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([720, 480])

        self.curl_button = QPushButton(self.tr("Copy as curl"), tab)
        self.curl_button.setObjectName("qaCopyCurl")
        self.export_button = QPushButton(self.tr("Export log (JSON)…"), tab)
        self.export_button.setObjectName("qaExport")
        self.clear_button = QPushButton(self.tr("Clear"), tab)
        self.clear_button.setObjectName("qaClearLog")
        self.count_label = QLabel(tab)
        self.count_label.setObjectName("qaCount")
        self.curl_button.clicked.connect(self.copy_curl)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.clear_button.clicked.connect(self.clear_log)
        bar = QHBoxLayout()
        for w in (self.curl_button, self.export_button, self.clear_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        box = QVBoxLayout(tab)
        box.setContentsMargins(0, 4, 0, 0)
        box.addLayout(bar)
        box.addWidget(split, 1)
        return tab

    def _build_notifications_tab(self) -> QWidget:
        tab = QWidget(self)
        self.notify_note = QLabel(tab)
        self.notify_note.setObjectName("qaNotifyNote")
        self.notify_note.setWordWrap(True)
        self.notify_table = QTableView(tab)
        self.notify_table.setObjectName("qaNotificationTable")
        self.notify_table.setModel(self.notifications)
        self._setup_table(self.notify_table, 5)  # Error
        self.notifications.rowsInserted.connect(
            lambda *_: self._follow(self.notify_table, self.notifications)
        )
        self.notify_text = _mono(tab, "qaNotificationText")
        self.notify_table.selectionModel().selectionChanged.connect(self._on_notification_selected)
        split = QSplitter(Qt.Orientation.Horizontal, tab)
        split.addWidget(self.notify_table)
        split.addWidget(self.notify_text)
        box = QVBoxLayout(tab)
        box.setContentsMargins(0, 4, 0, 0)
        box.addWidget(self.notify_note)
        box.addWidget(split, 1)
        return tab

    @staticmethod
    def _setup_table(table: QTableView, stretch: int) -> None:
        """Rows select whole; ``stretch`` takes the spare width, the others fit a sample."""
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = table.fontMetrics()
        samples = ["00:00:00.000", "inquiryPayment", "HTTP", "", "Verified", "Attempt", "99999"]
        for col in range(table.model().columnCount()):
            text = samples[col] if col < len(samples) else ""
            label = str(table.model().headerData(col, Qt.Orientation.Horizontal) or "")
            width = max(metrics.horizontalAdvance(text), metrics.horizontalAdvance(label))
            header.resizeSection(col, width + 44)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)

    # -- services -----------------------------------------------------------------------
    @Slot(object)
    def attach_services(self, services: Any) -> None:
        """Observe ``services``' gateway client and notification listener; point the fault
        panel at its sandbox (if it is one)."""
        self.services = services
        client = getattr(services, "client", None)
        if client is not None:
            client.observer = self.bridge.observe_exchange
        listener = getattr(services, "listener", None)
        if listener is not None and hasattr(listener, "observer"):
            listener.observer = self.bridge.observe_notification
            self.notify_note.setText(
                fill(self.tr("Notifications the cashier's listener received at %1"), listener.url)
            )
        else:
            self.notify_note.setText(
                self.tr(
                    "This profile has no local notification "
                    "listener; payments are followed by polling."
                )
            )
        self.fault_panel.set_sandbox(sandbox_control_url(services))
        self.scenario_panel.set_sandbox(sandbox_control_url(services))

    def detach(self) -> None:
        """Stop observing (observers already queued are dropped)."""
        self.bridge.detach()
        services, self.services = self.services, None
        if services is not None:
            client = getattr(services, "client", None)
            if client is not None and client.observer == self.bridge.observe_exchange:
                client.observer = None
            listener = getattr(services, "listener", None)
            if listener is not None and getattr(listener, "observer", None) == (
                self.bridge.observe_notification
            ):
                listener.observer = None

    # -- exchanges ----------------------------------------------------------------------
    @Slot(object)
    def _on_exchange_observed(self, exchange: Exchange) -> None:
        self.exchanges.add(exchange)

    @Slot(object)
    def _on_notification_observed(self, delivery: Delivery) -> None:
        self.notifications.add(delivery)

    def _on_rows_inserted(self, *_args: Any) -> None:
        self._follow(self.table, self.exchanges)
        self._update_buttons()

    @staticmethod
    def _follow(table: QTableView, model: Any) -> None:
        """Keep the newest row in view unless the tester has scrolled up."""
        bar = table.verticalScrollBar()
        if bar.value() >= bar.maximum() - 2:
            table.scrollToBottom()

    def selected_exchange(self) -> Exchange | None:
        rows = self.table.selectionModel().selectedRows()
        return self.exchanges.exchange(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    @Slot(QItemSelection, QItemSelection)
    def _on_selection_changed(self, *_args: Any) -> None:
        self.show_exchange(self.selected_exchange())
        self._update_buttons()

    def show_exchange(self, ex: Exchange | None) -> None:
        """Fill the Request / Response tabs and the verdict line for ``ex``."""
        if ex is None:
            self.verdict.setText(self.tr("Select an exchange to see it in full."))
            self.verdict.setProperty("tone", "")
            self.request_text.clear()
            self.response_text.clear()
            return
        if ex.verified:
            verdict = self.tr("✓ Response signature verified (RSA-SHA256, gateway public key)")
            tone = "ok"
        elif ex.status_code is None:
            verdict = fill(self.tr("✗ No answer: %1"), redact_text(exchange_error(ex)))
            tone = "warning"
        else:
            verdict = fill(
                self.tr("✗ Not verified: %1"),
                redact_text(exchange_error(ex)) or self.tr("no reason given"),
            )
            tone = "warning"
        self.verdict.setText(
            f"{verdict}  ·  {ex.api} · "
            + fill(self.tr("attempt %1 · %2 ms"), ex.attempt, f"{ex.elapsed_ms:.0f}")
        )
        self.verdict.setProperty("tone", tone)
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        self.request_text.setPlainText(
            "\n".join(
                [
                    f"{ex.method} {ex.url}",
                    "",
                    self.tr("— Headers —"),
                    _headers_text(ex.request_headers),
                    "",
                    self.tr("— String to sign —"),
                    redact_text(request_string_to_sign(ex)),
                    "",
                    self.tr("— Body —"),
                    pretty_json(redact_body(ex.request_body)),
                ]
            )
        )
        if ex.status_code is None:
            response = self.tr("No HTTP answer.") + "\n\n" + redact_text(exchange_error(ex))
        else:
            response = "\n".join(
                [
                    f"HTTP {ex.status_code}",
                    "",
                    self.tr("— Response headers —"),
                    _headers_text(ex.response_headers),
                    "",
                    self.tr("— Signed content checked —"),
                    redact_text(response_string_to_sign(ex)),
                    "",
                    self.tr("— Body —"),
                    pretty_json(redact_body(ex.response_body)) or "—",
                    "",
                    self.tr("— Verification —"),
                    self.tr("verified") if ex.verified else redact_text(exchange_error(ex)),
                ]
            )
        self.response_text.setPlainText(response)

    @Slot()
    def copy_curl(self) -> str:
        """Put the selected request on the clipboard as a curl command; return it."""
        ex = self.selected_exchange()
        if ex is None:
            return ""
        text = curl_command(ex)
        QGuiApplication.clipboard().setText(text)
        return text

    @Slot()
    def clear_log(self) -> None:
        self.exchanges.clear()
        self.show_exchange(None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        n = self.exchanges.rowCount()
        self.count_label.setText(fill(self.tr("%1 exchange(s), newest last"), str(n)))
        self.curl_button.setEnabled(self.selected_exchange() is not None)
        self.export_button.setEnabled(n > 0 and not self.tasks.is_running("qa:export"))

    # -- export -------------------------------------------------------------------------
    @Slot()
    def _on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the exchange log"),
            "cashier-exchanges.json",
            self.tr("JSON (*.json)"),
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str | Path) -> None:
        """Write every logged exchange (redacted) to ``path`` on a worker."""
        records = [exchange_to_json(ex) for ex in self.exchanges.exchanges()]
        self.export_button.setEnabled(False)
        self.tasks.run(
            "qa:export",
            write_export,
            str(path),
            records,
            owner=self,
            on_done=self._on_exported,
            on_error=self._on_export_error,
        )

    def _on_exported(self, path: str) -> None:
        self._update_buttons()
        self.count_label.setText(fill(self.tr("Exported to %1"), path))
        self.export_finished.emit(path)

    def _on_export_error(self, exc: BaseException) -> None:
        self._update_buttons()
        message = fill(self.tr("Export failed: %1"), error_text(exc))
        self.count_label.setText(message)
        self.export_failed.emit(message)

    # -- notifications ------------------------------------------------------------------
    def _on_notification_selected(self, *_args: Any) -> None:
        rows = self.notify_table.selectionModel().selectedRows()
        if not rows:
            self.notify_text.clear()
            return
        d: Delivery = self.notifications.row(rows[0].row())
        verdict = (
            self.tr("Accepted (signature verified, acknowledged)")
            if d.accepted
            else fill(
                self.tr("Rejected with HTTP %1: %2"), d.status, redact_text(notification_error(d))
            )
        )
        self.notify_text.setPlainText(
            "\n".join(
                [
                    f"POST {d.path}",
                    verdict,
                    "",
                    self.tr("— Headers —"),
                    _headers_text(d.headers),
                    "",
                    self.tr("— Body —"),
                    pretty_json(redact_body(d.body)),
                ]
            )
        )


def _scrolling(page: QWidget, parent: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setObjectName(f"{page.objectName() or 'qaPage'}Scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area


class QaDock(QDockWidget):
    """The dock that holds the console; hidden until F12 / View ▸ QA console."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("QA console"), parent)
        self.setObjectName("qaConsoleDock")
        self.console = QaConsole(tasks, self)
        self.setWidget(self.console)


def install_qa_console(window: QMainWindow) -> QaDock:
    """Add the QA console to the main window: a bottom dock (hidden), a checkable
    "QA console" action (F12) in a View menu, and observers attached once services start."""
    dock = QaDock(window.tasks, window)  # type: ignore[attr-defined]
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    action: QAction = dock.toggleViewAction()
    action.setText(QCoreApplication.translate("QaDock", "QA console"))
    action.setObjectName("qaConsoleAction")
    action.setShortcut(QKeySequence(Qt.Key.Key_F12))
    menu = window.menuBar().addMenu(QCoreApplication.translate("QaDock", "&View"))
    menu.setObjectName("viewMenu")
    menu.addAction(action)
    window.addAction(action)
    window.services_ready.connect(dock.console.attach_services)  # type: ignore[attr-defined]
    return dock
