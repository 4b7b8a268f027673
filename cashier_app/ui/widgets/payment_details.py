"""The history page's details pane: one payment's facts, event timeline and refunds."""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cashier_app.domain.records import PaymentEvent, PaymentRecord, RefundRecord
from cashier_app.journal import Journal
from cashier_app.journal.errors import UnknownPaymentError
from cashier_app.reports.amounts import minor_display
from cashier_app.ui.instore_text import scenario_text
from cashier_app.ui.models.payments_model import (
    STATUS_COLORS,
    refund_state_text,
    status_text,
    wallet_text,
)
from cashier_app.ui.reasons import reason_text
from cashier_app.ui.text import fill
from cashier_app.ui.widgets.event_text import event_text, kind_text


@dataclass(frozen=True, slots=True)
class PaymentDetails:
    """Everything the pane shows about one payment, read together on a worker thread."""

    payment: PaymentRecord
    events: list[PaymentEvent]
    refunds: list[RefundRecord]
    refunded: int  #: minor units refunded or possibly refunded (journal.refunded_total)

    @property
    def refundable(self) -> int:
        """Minor units that may still be refunded (0 unless the sale succeeded)."""
        if self.payment.status.value != "SUCCESS":
            return 0
        return max(self.payment.amount.value - self.refunded, 0)


def load_details(journal: Journal, payment_request_id: str) -> PaymentDetails:
    """Read a payment with its timeline and refunds (blocking: run it on a worker)."""
    payment = journal.get_payment(payment_request_id)
    if payment is None:
        raise UnknownPaymentError.of("payment_not_journal", payment_request_id=payment_request_id)
    return PaymentDetails(
        payment,
        journal.events(payment_request_id),
        journal.refunds_for(payment_request_id),
        journal.refunded_total(payment_request_id),
    )


class PaymentDetailsPane(QWidget):
    """Shows a :class:`PaymentDetails`; purely a view (the page owns the actions).

    Signals: none.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDetails")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)

        head = QHBoxLayout()
        self.amount_label = QLabel()
        self.amount_label.setObjectName("historyDetailsAmount")
        self.amount_label.setProperty("role", "heading")
        self.status_label = QLabel()
        self.status_label.setObjectName("historyDetailsStatus")
        head.addWidget(self.amount_label)
        head.addStretch(1)
        head.addWidget(self.status_label)
        layout.addLayout(head)

        # Two columns of short facts, the long ids across the whole width: the timeline
        # below gets the height.
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        self._fields: dict[str, QLabel] = {}
        places = (
            ("method", self.tr("Wallet"), 0, 0, 1),
            ("refundable", self.tr("Refundable"), 0, 2, 1),
            ("created", self.tr("Created"), 1, 0, 3),
            ("paid", self.tr("Paid"), 2, 0, 3),
            ("payment_id", self.tr("Payment ID"), 3, 0, 3),
            ("request_id", self.tr("Request ID"), 4, 0, 3),
            ("reference", self.tr("Reference"), 5, 0, 3),
            ("summary", self.tr("Summary"), 6, 0, 3),
            ("result", self.tr("Result code"), 7, 0, 3),
            ("operator", self.tr("Taken by"), 8, 0, 3),
        )
        for key, title, row, col, span in places:
            caption = QLabel(title)
            caption.setProperty("role", "caption")
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(key in ("summary", "result"))
            self._fields[key] = value
            grid.addWidget(caption, row, col)
            grid.addWidget(value, row, col + 1, 1, span)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self._fields["refundable"].setObjectName("historyRefundable")
        facts = QWidget()
        facts.setLayout(grid)
        grid.setContentsMargins(0, 0, 0, 0)
        # On a small screen the facts scroll instead of squeezing into each other.
        self.facts_scroll = QScrollArea()
        self.facts_scroll.setWidgetResizable(True)
        self.facts_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.facts_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.facts_scroll.setWidget(facts)
        self.facts_scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(self.facts_scroll)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("historyDetailsTabs")
        self.events_tree = QTreeWidget()
        self.events_tree.setObjectName("historyEvents")
        self.events_tree.setRootIsDecorated(False)
        self.events_tree.setHeaderLabels(
            [self.tr("Time"), self.tr("Event"), self.tr("Detail"), self.tr("ms")]
        )
        self.events_tree.setUniformRowHeights(True)
        self.events_tree.setMinimumWidth(200)
        self.refunds_tree = QTreeWidget()
        self.refunds_tree.setObjectName("historyRefunds")
        self.refunds_tree.setRootIsDecorated(False)
        self.refunds_tree.setToolTip(self.tr("Select a refund to print or save its receipt"))
        self.refunds_tree.setHeaderLabels(
            [self.tr("Time"), self.tr("Amount"), self.tr("Status"), self.tr("Refund ID")]
        )
        self.tabs.addTab(self.events_tree, self.tr("Timeline"))
        self.tabs.addTab(self.refunds_tree, self.tr("Refunds"))
        self.tabs.setMinimumHeight(150)
        layout.addWidget(self.tabs, 1)
        self.show_details(None)

    def selected_refund_id(self) -> str:
        """The refund chosen in the refunds list (its receipt is printed instead), or ""."""
        item = self.refunds_tree.currentItem()
        if item is None or not item.isSelected():
            return ""
        return str(item.data(0, Qt.ItemDataRole.UserRole) or "")

    def show_details(self, details: PaymentDetails | None) -> None:
        """Render ``details`` (``None`` clears the pane)."""
        self.events_tree.clear()
        self.refunds_tree.clear()
        if details is None:
            self.amount_label.setText(self.tr("No payment selected"))
            self.status_label.clear()
            for label in self._fields.values():
                label.clear()
            self.tabs.setTabText(0, self.tr("Timeline"))
            self.tabs.setTabText(1, self.tr("Refunds"))
            return
        pay = details.payment
        self.amount_label.setText(pay.amount.display())
        self.status_label.setText(refund_state_text(pay, details.refunded))
        self.status_label.setStyleSheet(
            f"color: {STATUS_COLORS.get(pay.status, '#000')}; font-size: 20px; font-weight: 700"
        )
        local = "%Y-%m-%d %H:%M:%S"
        values = {
            "method": " · ".join(t for t in (wallet_text(pay), scenario_text(pay)) if t),
            "created": pay.created_at.astimezone().strftime(local),
            "paid": pay.paid_at.astimezone().strftime(local) if pay.paid_at else "—",
            "payment_id": pay.payment_id or "—",
            "request_id": pay.payment_request_id,
            "reference": pay.reference_order_id or "—",
            "summary": pay.trade_summary or "—",
            "result": " · ".join(p for p in (pay.result_code, reason_text(pay)) if p) or "—",
            "refundable": minor_display(details.refundable, pay.amount.currency),
            "operator": pay.operator or "—",
        }
        for key, text in values.items():
            self._fields[key].setText(text)
        for event in details.events:
            item = QTreeWidgetItem(
                [
                    event.at.astimezone().strftime("%H:%M:%S.%f")[:-3],
                    kind_text(event.kind),
                    event_text(event),
                    f"{event.elapsed_ms:.0f}" if event.elapsed_ms is not None else "",
                ]
            )
            item.setToolTip(2, json.dumps(event.detail, ensure_ascii=False, indent=1))
            if event.kind == "error":
                item.setForeground(1, QColor("#C62828"))
            self.events_tree.addTopLevelItem(item)
        for refund in details.refunds:
            item = QTreeWidgetItem(
                [
                    refund.created_at.astimezone().strftime(local),
                    refund.amount.display(),
                    status_text(refund.status),
                    refund.refund_id or refund.refund_request_id,
                ]
            )
            item.setForeground(2, QColor(STATUS_COLORS.get(refund.status, "#000")))
            item.setData(0, Qt.ItemDataRole.UserRole, refund.refund_request_id)
            if refund.approved_by:
                item.setToolTip(
                    0, fill(self.tr("By %1, approved by %2"), refund.operator, refund.approved_by)
                )
            self.refunds_tree.addTopLevelItem(item)
        self.tabs.setTabText(0, fill(self.tr("Timeline (%1)"), str(len(details.events))))
        self.tabs.setTabText(1, fill(self.tr("Refunds (%1)"), str(len(details.refunds))))
        for tree in (self.events_tree, self.refunds_tree):
            for col in range(tree.columnCount() - 1):
                tree.resizeColumnToContents(col)
