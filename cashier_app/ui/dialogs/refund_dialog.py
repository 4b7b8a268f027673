"""Refund dialog: full or partial amount, never above what is left, with a reason; confirms."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from cashier_app.domain.money import Money, MoneyError
from cashier_app.domain.records import PaymentRecord
from cashier_app.reports.amounts import minor_display, minor_str
from cashier_app.ui.dialogs.questions import ask
from cashier_app.ui.text import error_text, fill


class RefundDialog(QDialog):
    """Asks how much of a sale (its record, or just its amount) to refund; ``refundable``
    (minor units) is the ceiling.

    Accepting is only possible with a valid amount; read it with :meth:`amount` and
    :meth:`reason`. Nothing is sent from here: the caller runs the refund.

    Signals: the QDialog ones (accepted, rejected).
    """

    def __init__(
        self, sale: PaymentRecord | Money, refundable: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("refundDialog")
        self.setWindowTitle(self.tr("Refund"))
        self.setModal(True)
        # The sale screen knows only the amount; the history page passes the whole record.
        self._sale_amount = sale.amount if isinstance(sale, PaymentRecord) else sale
        sale_ref = (
            sale.payment_id or sale.payment_request_id if isinstance(sale, PaymentRecord) else ""
        )
        self._refundable = max(int(refundable), 0)
        self._asking = False  # the "Refund HK$…?" question is open
        currency = self._sale_amount.currency

        layout = QVBoxLayout(self)
        head_text = fill(self.tr("Sale of %1"), self._sale_amount.display())
        head = QLabel(f"{head_text} ({sale_ref})" if sale_ref else head_text)
        head.setWordWrap(True)
        layout.addWidget(head)
        self.left_label = QLabel(
            fill(self.tr("Refundable: %1"), minor_display(self._refundable, currency))
        )
        self.left_label.setObjectName("refundableLabel")
        font = self.left_label.font()
        font.setBold(True)
        self.left_label.setFont(font)
        layout.addWidget(self.left_label)

        choice = QHBoxLayout()
        self.full_radio = QRadioButton(self.tr("Everything left"))
        self.full_radio.setObjectName("refundFullRadio")
        self.partial_radio = QRadioButton(self.tr("Part of it"))
        self.partial_radio.setObjectName("refundPartialRadio")
        group = QButtonGroup(self)
        group.addButton(self.full_radio)
        group.addButton(self.partial_radio)
        self.full_radio.setChecked(True)
        choice.addWidget(self.full_radio)
        choice.addWidget(self.partial_radio)
        choice.addStretch(1)
        layout.addLayout(choice)

        form = QFormLayout()
        self.amount_input = QLineEdit(minor_str(self._refundable, currency))
        self.amount_input.setObjectName("refundAmountInput")
        self.amount_input.setEnabled(False)
        form.addRow(fill(self.tr("Amount (%1)"), currency), self.amount_input)
        self.reason_input = QLineEdit()
        self.reason_input.setObjectName("refundReasonInput")
        self.reason_input.setMaxLength(256)
        self.reason_input.setPlaceholderText(self.tr("Optional"))
        form.addRow(self.tr("Reason"), self.reason_input)
        layout.addLayout(form)

        self.error_label = QLabel()
        self.error_label.setObjectName("refundError")
        self.error_label.setStyleSheet("color: #C62828")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = self.buttons.addButton(
            self.tr("Refund"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm_button.setObjectName("refundConfirmButton")
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.partial_radio.toggled.connect(self._on_partial_toggled)
        self.amount_input.textChanged.connect(self._validate)
        self._validate()

    # -- results ------------------------------------------------------------------------
    def amount(self) -> Money:
        """The amount to refund; raises MoneyError when the input is not valid."""
        currency = self._sale_amount.currency
        if self.full_radio.isChecked():
            return Money(self._refundable, currency)
        money = Money.parse(self.amount_input.text(), currency)
        if money.value > self._refundable:
            raise MoneyError.of(
                "more_than_refundable",
                amount=money.display(),
                left=minor_display(self._refundable, currency),
            )
        return money

    def reason(self) -> str:
        return self.reason_input.text().strip()

    # -- slots --------------------------------------------------------------------------
    @Slot(bool)
    def _on_partial_toggled(self, partial: bool) -> None:
        self.amount_input.setEnabled(partial)
        if partial:
            self._focus_amount()
            # Picked with an arrow key, Qt gives the focus back to the radio once this signal
            # has run, and the amount typed next would go nowhere: take it again after that.
            QTimer.singleShot(0, self, self._focus_amount)
        else:
            self.amount_input.setText(minor_str(self._refundable, self._sale_amount.currency))
        self._validate()

    @Slot()
    def _focus_amount(self) -> None:
        if self.partial_radio.isChecked() and self.focusWidget() is not self.amount_input:
            self.amount_input.setFocus()
            self.amount_input.selectAll()

    @Slot()
    def _validate(self) -> bool:
        if self._refundable <= 0:
            problem = self.tr("Nothing is left to refund.")
        else:
            try:
                money = self.amount()
            except MoneyError as exc:
                problem = error_text(exc)
            else:
                problem = ""
        # The button names the amount it will refund, and none while it would refund nothing.
        self.confirm_button.setText(
            self.tr("Refund") if problem else fill(self.tr("Refund %1"), money.display())
        )
        self.error_label.setText(problem)
        self.confirm_button.setEnabled(not problem)
        self._fit_height()
        return not problem

    def _fit_height(self) -> None:
        """Grow for a reason that wraps onto more lines, instead of squashing the fields
        (a dialog keeps the size it opened with)."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        needed = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if needed > self.height():
            self.resize(self.width(), needed)

    @Slot()
    def _on_buttons_accepted(self) -> None:
        if not self._validate() or self._asking:
            return
        money = self.amount()
        self._asking = True
        ask(
            self,
            "refundQuestion",
            self.tr("Refund"),
            fill(
                self.tr("Refund %1 to the customer's wallet? This cannot be undone."),
                money.display(),
            ),
            [
                ("keep", self.tr("Don't refund")),
                ("refund", fill(self.tr("Refund %1"), money.display())),
            ],
            default="keep",
            escape="keep",
            on_answer=lambda key: self._on_question_answered(money, key),
        )

    def _on_question_answered(self, money: Money, key: str) -> None:
        self._asking = False
        # Only the amount the operator was asked about is refunded.
        if key == "refund" and self._validate() and self.amount() == money:
            self.accept()
