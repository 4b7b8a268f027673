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
    in_process_minor,
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
    def refund_in_process(self) -> int:
        """Minor units of its refunds the wallet has not confirmed (or refused) yet."""
        return in_process_minor(self.refunds)

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

        # One fact a row (caption, value): a long id or a wrapped reason never pushes a
        # neighbour out of sight. The facts and the timeline scroll together, so on a small
        # screen nothing is squeezed below the size its text needs (zh_CN included).
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        self._fields: dict[str, QLabel] = {}
        places = (
            ("method", self.tr("Wallet")),
            ("refundable", self.tr("Refundable")),
            ("created", self.tr("Created")),
            ("paid", self.tr("Paid")),
            ("payment_id", self.tr("Payment ID")),
            ("request_id", self.tr("Request ID")),
            ("reference", self.tr("Reference")),
            ("summary", self.tr("Summary")),
            ("result", self.tr("Result code")),
            ("operator", self.tr("Taken by")),
        )
        for row, (key, title) in enumerate(places):
            caption = QLabel(title)
            caption.setProperty("role", "caption")
            caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(key in ("summary", "result"))
            self._fields[key] = value
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(1, 1)
        grid.setContentsMargins(0, 0, 0, 0)
        self._fields["refundable"].setObjectName("historyRefundable")

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
        self.tabs.setMinimumHeight(120)
        # the lists take the height that is left (at least 120 px): their own size hints
        # would make the pane scroll on a screen that has room for every fact
        for tree in (self.events_tree, self.refunds_tree):
            tree.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(grid)
        column.addWidget(self.tabs, 1)
        self.facts_scroll = QScrollArea()
        self.facts_scroll.setObjectName("historyDetailsScroll")
        self.facts_scroll.setWidgetResizable(True)
        self.facts_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.facts_scroll.setWidget(body)
        self._body, self._layout = body, layout
        layout.addWidget(self.facts_scroll, 1)
        self.show_details(None)

    def wanted_width(self) -> int:
        """The width at which every fact shows whole without scrolling sideways."""
        margins = self._layout.contentsMargins()
        bar = self.facts_scroll.verticalScrollBar().sizeHint().width()
        return self._body.minimumSizeHint().width() + bar + margins.left() + margins.right() + 4

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
        self.status_label.setText(
            refund_state_text(pay, details.refunded, details.refund_in_process)
        )
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
