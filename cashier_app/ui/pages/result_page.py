"""The outcome of a sale: success / failed / cancelled / expired, each unmistakable."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cashier_app.domain import codes
from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import PaymentRecord, RefundRecord
from cashier_app.ui.instore_text import scenario_text
from cashier_app.ui.models.payments_model import wallet_text
from cashier_app.ui.reasons import reason_text
from cashier_app.ui.resources import icon_pixmap
from cashier_app.ui.text import fill

_ICONS = {
    Status.SUCCESS: "success",
    Status.FAILED: "failed",
    Status.CANCELLED: "cancelled",
    Status.EXPIRED: "expired",
    Status.PENDING: "pending",
    Status.UNKNOWN: "pending",
    Status.CREATED: "pending",
}


class ResultPage(QWidget):
    """Shows how a sale ended and offers the next step.

    Signals:
        new_sale_requested(): the operator wants the order page again.
        refund_requested(object record): Refund pressed on a successful payment.
        try_again_requested(object record): a declined, failed or expired sale is to be
            charged again: same amount and reference, a wallet chosen again.
        print_requested(object record): Print receipt pressed.
        save_requested(object record): Save PDF pressed.
        amount_typed(int key, str text): a digit or decimal point typed on the page: the
            next sale's amount begins (two quick sales in a row).
    """

    new_sale_requested = Signal()
    amount_typed = Signal(int, str)
    refund_requested = Signal(object)
    try_again_requested = Signal(object)
    print_requested = Signal(object)
    save_requested = Signal(object)

    #: Outcomes that offer Try again: nothing was charged and the customer is still there.
    RETRYABLE = frozenset({Status.FAILED, Status.EXPIRED})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultPage")
        self.record: PaymentRecord | None = None
        self.status: Status | None = None
        self._refund_had_focus = False  #: Refund… had the keyboard when it was pressed
        self._nothing_left = False  #: the last refund state read: nothing left to refund

        self.icon = QLabel(self)
        self.icon.setObjectName("resultIcon")
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(self)
        self.title.setObjectName("resultTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel(self)
        self.message.setObjectName("resultMessage")
        self.message.setProperty("role", "muted")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.amount = QLabel(self)
        self.amount.setObjectName("resultAmount")
        self.amount.setProperty("role", "amountSmall")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.details = QFormLayout()
        self.details.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.details.setHorizontalSpacing(16)
        self.details.setVerticalSpacing(4)
        self.code_label = QLabel(self)
        self.code_label.setObjectName("resultCode")
        self.code_label.setProperty("role", "small")
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refund_state = QLabel(self)
        self.refund_state.setObjectName("refundState")
        self.refund_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.refund_state.hide()
        self.refund_label = QLabel(self)
        self.refund_label.setObjectName("refundStatus")
        self.refund_label.setProperty("role", "banner")
        self.refund_label.setWordWrap(True)
        self.refund_label.hide()
        self.new_sale_button = QPushButton(self)
        self.new_sale_button.setObjectName("newSaleButton")
        self.new_sale_button.setProperty("role", "primary")
        self.refund_button = QPushButton(self)
        self.refund_button.setObjectName("refundButton")
        self.try_again_button = QPushButton(self)
        self.try_again_button.setObjectName("tryAgainButton")
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("resultPrintButton")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("resultSaveButton")

        card = QFrame(self)
        card.setObjectName("resultCard")
        card.setProperty("role", "card")
        self.card = card
        box = QVBoxLayout(card)
        self._box = box
        box.addStretch(1)
        box.addWidget(self.icon)
        box.addWidget(self.title)
        box.addWidget(self.refund_state)
        box.addWidget(self.message)
        box.addWidget(self.amount)
        details = QHBoxLayout()
        details.addStretch(1)
        details.addLayout(self.details)
        details.addStretch(1)
        box.addLayout(details)
        box.addWidget(self.code_label)
        box.addWidget(self.refund_label)
        box.addStretch(1)
        # One row, so that a 1024x600 screen shows every button: receipt first, then what
        # can be done with this sale, then the next sale (the widest).
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.refund_button)
        buttons.addWidget(self.try_again_button, 1)
        buttons.addWidget(self.new_sale_button, 2)
        box.addLayout(buttons)
        outer = QHBoxLayout(self)
        self._outer = outer
        self._fit(short=False)
        outer.addStretch(1)
        outer.addWidget(card, 6)
        outer.addStretch(1)

        for button in (
            self.new_sale_button,
            self.refund_button,
            self.try_again_button,
            self.print_button,
            self.save_button,
        ):
            button.setAutoDefault(True)  # Enter presses the focused button, as in a dialog
        self.new_sale_button.clicked.connect(self.new_sale_requested)
        for button, signal in (
            (self.refund_button, self.refund_requested),
            (self.try_again_button, self.try_again_requested),
            (self.print_button, self.print_requested),
            (self.save_button, self.save_requested),
        ):
            button.clicked.connect(
                lambda _=False, s=signal: self.record is not None and s.emit(self.record)
            )
        self.retranslate()

    def retranslate(self) -> None:
        self.new_sale_button.setText(self.tr("New sale"))
        self.refund_button.setText(self.tr("Refund…"))
        self.try_again_button.setText(self.tr("Try again"))
        self.try_again_button.setToolTip(self.tr("Same amount and order; choose a wallet again"))
        self.print_button.setText(self.tr("Print receipt…"))
        self.save_button.setText(self.tr("Save PDF…"))

    def titles(self) -> dict[Status, str]:
        return {
            Status.SUCCESS: self.tr("Payment received"),
            Status.FAILED: self.tr("Payment failed"),
            Status.CANCELLED: self.tr("Payment cancelled"),
            Status.EXPIRED: self.tr("Payment expired"),
            Status.PENDING: self.tr("Result not known yet"),
            Status.UNKNOWN: self.tr("Result not known yet"),
            Status.CREATED: self.tr("Result not known yet"),
        }

    # -- API ----------------------------------------------------------------------------
    def show_record(self, record: PaymentRecord) -> None:
        """A payment that reached (or stopped before) a final state."""
        self._refund_had_focus = self._nothing_left = False
        wallet = wallet_text(record)
        rows = [
            (self.tr("Wallet"), wallet),
            (self.tr("Payment id"), record.payment_id or "—"),
            (self.tr("Order"), record.reference_order_id or "—"),
            (self.tr("Time"), self._time(record.paid_at or record.updated_at)),
        ]
        if record.in_store:
            rows.insert(1, (self.tr("Paid with"), scenario_text(record)))
        small = fill(self.tr("Result code: %1"), record.result_code or record.status.value)
        small += "  ·  " + fill(
            self.tr("Alipay client: %1"), codes.alipay_client_code(record.status)
        )
        self._render(record.status, record.amount, reason_text(record), rows, small)
        self.record = record
        self.refund_button.setVisible(record.status is Status.SUCCESS)
        self.refund_button.setEnabled(True)
        retry = record.status in self.RETRYABLE
        self.try_again_button.setVisible(retry)
        for button in (self.print_button, self.save_button):
            button.show()
        if retry:
            self.try_again_button.setFocus()

    def show_outcome(self, status: Status, amount: Money | None, code: str, message: str) -> None:
        """An outcome with no payment behind it (the picker was closed: 1001930000)."""
        self._render(
            status,
            amount,
            message,
            [(self.tr("Time"), self._time(None))],
            fill(self.tr("Payment Kit code: %1"), code),
        )
        self.record = None
        for button in (
            self.refund_button,
            self.try_again_button,
            self.print_button,
            self.save_button,
        ):
            button.hide()

    def set_refund_busy(self, busy: bool, sending: bool = False) -> None:
        """Refund off while the dialog is open; ``sending``: the refund is on its way."""
        if busy and self.refund_button.hasFocus():
            self._refund_had_focus = True  # greyed out, it hands the focus to Print receipt…
        self.refund_button.setEnabled(not busy)
        if busy and sending:
            self._banner(self.tr("Refunding…"))
        if not busy:
            self._give_refund_focus_back()
            self._refund_had_focus = False

    def _give_refund_focus_back(self) -> None:
        """Refund… had the keyboard when it was pressed: once it is offered again it has it
        again, or New sale when nothing is left (not the button Qt moved it on to)."""
        if not self._refund_had_focus:
            return
        if self.refund_button.isVisible() and self.refund_button.isEnabled():
            self.refund_button.setFocus()
        else:
            self.new_sale_button.setFocus()

    def show_refund(self, refund: RefundRecord) -> None:
        texts = {
            Status.SUCCESS: self.tr("Refunded %1"),
            Status.PENDING: self.tr("Refund of %1 is being processed"),
            Status.FAILED: self.tr("Refund of %1 failed"),
        }
        text = texts.get(refund.status, self.tr("Refund of %1: result not known yet"))
        text = fill(text, refund.amount.display())
        if refund.result_code and refund.status is not Status.SUCCESS:
            text += f" ({refund.result_code})"
        self._banner(text)
        # The refund state is read again after this; until then, Refund… stays off for a
        # sale last seen with nothing left (a late word on a refund that emptied it).
        self.refund_button.setEnabled(not self._nothing_left)
        self._give_refund_focus_back()

    def show_refund_error(self, message: str) -> None:
        self._banner(fill(self.tr("Refund not done: %1"), message))
        self.refund_button.setEnabled(True)
        self._give_refund_focus_back()
        self._refund_had_focus = False

    def show_refund_state(self, refunded: int, in_process: int = 0) -> None:
        """``refunded`` minor units of the shown sale are refunded (or on their way, of
        which ``in_process`` not confirmed by the wallet yet): say Refund pending, Partly
        refunded or Refunded, and offer Refund only while something is left."""
        record = self.record
        if record is None or record.status is not Status.SUCCESS:
            return
        left = record.amount.value - refunded
        if refunded <= 0:
            self.refund_state.hide()
        else:
            text = (
                self.tr("Refund pending")
                if in_process > 0
                else self.tr("Refunded")
                if left <= 0
                else fill(
                    self.tr("Partly refunded · %1 left"),
                    Money(left, record.amount.currency).display(),
                )
            )
            self.refund_state.setText(text)
            self.refund_state.setProperty("full", left <= 0 and in_process <= 0)
            self.refund_state.style().unpolish(self.refund_state)
            self.refund_state.style().polish(self.refund_state)
            self.refund_state.show()
        self._nothing_left = left <= 0
        self.refund_button.setEnabled(left > 0)
        self._give_refund_focus_back()
        self._refund_had_focus = False  # the refund's last word: what is left is known

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The buttons ignore digits, so they come here: the next amount, typed at once.
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        text = event.text()
        if plain and len(text) == 1 and text in "0123456789.":
            event.accept()
            self.amount_typed.emit(int(event.key()), text)
            return
        super().keyPressEvent(event)

    def show_notice(self, text: str) -> None:
        """A line under the sale (a receipt was saved, printing failed...)."""
        self._banner(text)

    # -- helpers ------------------------------------------------------------------------
    def _render(
        self,
        status: Status,
        amount: Money | None,
        message: str,
        rows: list[tuple[str, str]],
        small: str,
    ) -> None:
        self.status = status
        room = [self.window().height()] if self.window().isVisible() else []
        if self.screen() is not None:
            room.append(self.screen().availableGeometry().height())
        short = bool(room) and min(room) < 700  # a 1024x600 till, or a window made short
        self._fit(short)
        self.icon.setPixmap(icon_pixmap(_ICONS.get(status, "pending"), 56 if short else 88))
        self.title.setText(self.titles()[status])
        for widget in (self.title, self.card):
            widget.setProperty("status", status.value)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.message.setText(message)
        self.message.setVisible(bool(message) and status is not Status.SUCCESS)
        self.amount.setText(amount.display() if amount else "")
        while self.details.rowCount():
            self.details.removeRow(0)
        for label, value in rows:
            key = QLabel(label)
            key.setProperty("role", "muted")
            val = QLabel(value)
            val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.details.addRow(key, val)
        self.code_label.setText(small)
        self.refund_label.hide()
        self.refund_state.hide()
        self.new_sale_button.setFocus()

    def _fit(self, short: bool) -> None:
        """Margins and spacing: tighter on a short screen (a 1024x600 till), where a partly
        refunded sale (its refund state and the refund's banner added) scrolled."""
        self._box.setContentsMargins(*((32, 8, 32, 8) if short else (32, 20, 32, 20)))
        self._box.setSpacing(3 if short else 6)
        self._outer.setContentsMargins(*((24, 6, 24, 6) if short else (24, 16, 24, 16)))

    def _banner(self, text: str) -> None:
        self.refund_label.setText(text)
        self.refund_label.show()

    @staticmethod
    def _time(moment: datetime | None) -> str:
        local = (moment or datetime.now().astimezone()).astimezone()
        return local.strftime("%Y-%m-%d %H:%M:%S")
