"""Table models of the QA console: HTTP exchanges and received notifications, capped."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from cashier_app.gateway.antom import Exchange
from cashier_app.gateway.notify import Delivery
from cashier_app.ui.qa.records import result_of
from cashier_app.ui.text import error_text, fill

#: Named so that pyside6-lupdate finds the texts (as ``self.tr`` of a widget would).
translate = QCoreApplication.translate

#: Rows kept by default; the oldest go first.
DEFAULT_CAPACITY = 500
OK_MARK, BAD_MARK = "✓", "✗"
_GOOD = QColor("#1b7f3b")
_BAD = QColor("#c62828")

Index = QModelIndex | QPersistentModelIndex


def exchange_error(ex: Exchange) -> str:
    """Why an exchange failed, in the UI language when the error carries a code."""
    return error_text(ex.failure) if ex.failure is not None else ex.error


def notification_error(d: Delivery) -> str:
    """Why the listener refused a notification, in the UI language when the error carries
    a code ("" when accepted)."""
    if d.failure is None:
        return d.error
    text = error_text(d.failure)
    if d.status == 500:  # verified, but the cashier could not take it: the sender resends
        return fill(translate("QaConsole", "not processed: %1"), text)
    return text


class QaBridge(QObject):
    """Carries observer calls from worker threads to the GUI thread (queued signals).

    ``observe_exchange`` / ``observe_notification`` are plain callables for
    ``AntomClient.observer`` and ``NotificationListener.observer``; after :meth:`detach`
    they do nothing, so a late call during shutdown never touches a deleted object.

    Signals:
        exchange_observed(object Exchange)
        notification_observed(object Delivery)
    """

    exchange_observed = Signal(object)
    notification_observed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._live = True
        self.destroyed.connect(self.detach)

    def observe_exchange(self, exchange: Exchange) -> None:
        with self._lock:
            if self._live:
                self.exchange_observed.emit(exchange)

    def observe_notification(self, delivery: Delivery) -> None:
        with self._lock:
            if self._live:
                self.notification_observed.emit(delivery)

    def detach(self, *_args: Any) -> None:
        with self._lock:
            self._live = False


def _clock(ts: float) -> str:
    return datetime.fromtimestamp(ts).strftime("%H:%M:%S.%f")[:-3] if ts else ""


@dataclass(frozen=True, slots=True)
class ExchangeRow:
    exchange: Exchange
    result_status: str
    result_code: str


class _CappedModel(QAbstractTableModel):
    """A table of immutable rows appended at the end, keeping only the newest ``capacity``."""

    def __init__(self, capacity: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self._rows: list[Any] = []
        self._headers: list[str] = []  #: set by each subclass

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def _append(self, row: Any) -> None:
        excess = len(self._rows) + 1 - self.capacity
        if excess > 0:
            self.beginRemoveRows(QModelIndex(), 0, excess - 1)
            del self._rows[:excess]
            self.endRemoveRows()
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append(row)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows.clear()
        self.endResetModel()

    def row(self, r: int) -> Any:
        return self._rows[r]

    def rows(self) -> list[Any]:
        return list(self._rows)


class ExchangeLogModel(_CappedModel):
    """Columns: time, API, HTTP status, result status/code, verified, attempt, elapsed ms."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY, parent: QObject | None = None) -> None:
        super().__init__(capacity, parent)
        self._headers = [
            self.tr("Time"),
            self.tr("API"),
            self.tr("HTTP"),
            self.tr("Result"),
            self.tr("Verified"),
            self.tr("Attempt"),
            self.tr("ms"),
        ]

    def add(self, exchange: Exchange) -> None:
        status, code = result_of(exchange)
        self._append(ExchangeRow(exchange, status, code))

    def exchange(self, r: int) -> Exchange:
        return self._rows[r].exchange  # type: ignore[no-any-return]

    def exchanges(self) -> list[Exchange]:
        return [row.exchange for row in self._rows]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: ExchangeRow = self._rows[index.row()]
        ex, col = row.exchange, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return _clock(ex.started_at)
            if col == 1:
                return ex.api
            if col == 2:
                return str(ex.status_code) if ex.status_code is not None else "—"
            if col == 3:
                error = exchange_error(ex)
                if not ex.verified and error:  # an unverified body proves nothing
                    return error.split(": ", 1)[-1]
                if row.result_status:
                    return f"{row.result_status} / {row.result_code}"
                return error.split(": ", 1)[-1] if error else ""
            if col == 4:
                return OK_MARK if ex.verified else BAD_MARK
            if col == 5:
                return str(ex.attempt)
            if col == 6:
                return f"{ex.elapsed_ms:.0f}"
        elif role == Qt.ItemDataRole.ForegroundRole and col == 4:
            return QBrush(_GOOD if ex.verified else _BAD)
        elif role == Qt.ItemDataRole.ToolTipRole:
            return exchange_error(ex) or None
        elif role == Qt.ItemDataRole.TextAlignmentRole and col in (2, 4, 5, 6):
            return int(Qt.AlignmentFlag.AlignCenter)
        elif role == Qt.ItemDataRole.UserRole:
            return ex
        return None


class NotificationLogModel(_CappedModel):
    """Columns: time, HTTP answer, accepted, notify type, payment request id, error."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY, parent: QObject | None = None) -> None:
        super().__init__(capacity, parent)
        self._headers = [
            self.tr("Time"),
            self.tr("HTTP"),
            self.tr("Accepted"),
            self.tr("Type"),
            self.tr("Payment request"),
            self.tr("Error"),
        ]

    def add(self, delivery: Delivery) -> None:
        self._append(delivery)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d: Delivery = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            payload = _json_object(d.body)
            return [
                _clock(d.received_at),
                str(d.status),
                OK_MARK if d.accepted else BAD_MARK,
                str(payload.get("notifyType") or ""),
                str(payload.get("paymentRequestId") or ""),
                notification_error(d),
            ][col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 2:
            return QBrush(_GOOD if d.accepted else _BAD)
        if role == Qt.ItemDataRole.ToolTipRole:
            return notification_error(d) or None
        if role == Qt.ItemDataRole.UserRole:
            return d
        return None


def _json_object(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
