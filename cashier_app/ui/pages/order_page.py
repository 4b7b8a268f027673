"""Order entry: a big keyboard-driven amount, trade summary, reference order id, Charge."""

from __future__ import annotations

import re
import secrets
import unicodedata
from datetime import datetime

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cashier_app.domain.money import CURRENCY_SYMBOLS, Money, MoneyError
from cashier_app.domain.payment_kit import PaymentInfo
from cashier_app.ui.text import error_text, fill
from cashier_app.ui.widgets.keypad import BACKSPACE, CLEAR, Keypad

MAX_REFERENCE = 64
MAX_SUMMARY = 256
MAX_AMOUNT_CHARS = 24

_AMOUNT_CHARS = re.compile(r"[0-9.,]*")
#: Decimal marks a CJK input method types in full-width mode that NFKC leaves alone.
_CJK_MARKS = str.maketrans({"\u3002": ".", "\uff61": ".", "\u3001": ","})


def normalise_amount_text(text: str) -> str:
    """What the operator meant: full-width (IME) digits and marks made ASCII, blanks
    dropped (``"１２。３０"`` and ``" 12.30\n"`` -> ``"12.30"``)."""
    text = unicodedata.normalize("NFKC", text).translate(_CJK_MARKS)
    return "".join(c for c in text if not c.isspace())


class AmountValidator(QValidator):
    """Accepts digits, '.' and ','; normalises what an IME or a paste delivers first.

    Signals:
        refused(str text): input was thrown away (letters...); the page says why.
    """

    refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        clean = normalise_amount_text(text)
        if len(clean) > MAX_AMOUNT_CHARS or not _AMOUNT_CHARS.fullmatch(clean):
            self.refused.emit(text)
            return QValidator.State.Invalid, text, pos
        pos = max(0, min(len(clean), pos - (len(text) - len(clean))))
        return QValidator.State.Acceptable, clean, pos


def new_reference_order_id(now: datetime | None = None) -> str:
    """``ORD-20261121-143005-7F3A``: sortable by time, unique enough for one till."""
    now = now or datetime.now()
    return f"ORD-{now:%Y%m%d-%H%M%S}-{secrets.token_hex(2).upper()}"


class OrderPage(QWidget):
    """The first page of a sale.

    Signals:
        order_submitted(object info: PaymentInfo, str reference_order_id): Charge accepted.
        amount_edited(str display): the amount as the customer should see it ("" if empty).
    """

    order_submitted = Signal(object, str)
    amount_edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderPage")
        self._currency = "HKD"

        self.amount_caption = QLabel(self)
        self.amount_caption.setProperty("role", "caption")
        self.currency_label = QLabel(self)
        self.currency_label.setProperty("role", "currency")
        self.amount_input = QLineEdit(self)
        self.amount_input.setObjectName("amountInput")
        self.amount_input.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.amount_validator = AmountValidator(self.amount_input)
        self.amount_validator.refused.connect(self._on_amount_refused)
        self.amount_input.setValidator(self.amount_validator)
        self.amount_input.setPlaceholderText("0.00")
        self.amount_input.setMinimumHeight(84)
        self.preview_label = QLabel(self)
        self.preview_label.setProperty("role", "muted")
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("amountError")
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.summary_caption = QLabel(self)
        self.summary_caption.setProperty("role", "caption")
        self.summary_input = QLineEdit(self)
        self.summary_input.setObjectName("tradeSummaryInput")
        self.summary_input.setMaxLength(MAX_SUMMARY)
        self.reference_caption = QLabel(self)
        self.reference_caption.setProperty("role", "caption")
        self.reference_input = QLineEdit(self)
        self.reference_input.setObjectName("referenceOrderIdInput")
        self.reference_input.setMaxLength(MAX_REFERENCE)
        self.new_reference_button = QPushButton(self)
        self.new_reference_button.setObjectName("newReferenceButton")
        self.new_reference_button.setProperty("role", "link")
        self.charge_button = QPushButton(self)
        self.charge_button.setObjectName("chargeButton")
        self.charge_button.setProperty("role", "primary")
        self.charge_button.setMinimumHeight(64)
        self.keypad = Keypad(self)
        self.keypad.setMinimumWidth(300)

        self._build_layout()
        self.retranslate()
        self.amount_input.textEdited.connect(self._on_amount_input_text_edited)
        self.amount_input.returnPressed.connect(self.submit)
        self.summary_input.returnPressed.connect(self.submit)
        self.reference_input.returnPressed.connect(self.submit)
        self.charge_button.clicked.connect(self.submit)
        self.new_reference_button.clicked.connect(self._on_new_reference_clicked)
        self.keypad.key_pressed.connect(self._on_keypad_key_pressed)
        self.reset()

    def _build_layout(self) -> None:
        card = QFrame(self)
        card.setProperty("role", "card")
        form = QVBoxLayout(card)
        form.setContentsMargins(24, 20, 24, 20)
        form.setSpacing(8)
        form.addWidget(self.amount_caption)
        row = QHBoxLayout()
        row.addWidget(self.currency_label)
        row.addWidget(self.amount_input, 1)
        form.addLayout(row)
        form.addWidget(self.preview_label)
        form.addWidget(self.error_label)
        form.addSpacing(6)
        form.addWidget(self.summary_caption)
        form.addWidget(self.summary_input)
        form.addSpacing(6)
        ref_row = QHBoxLayout()
        ref_row.addWidget(self.reference_caption)
        ref_row.addStretch(1)
        ref_row.addWidget(self.new_reference_button)
        form.addLayout(ref_row)
        form.addWidget(self.reference_input)
        form.addStretch(1)

        right = QVBoxLayout()
        right.setSpacing(14)
        right.addWidget(self.keypad, 1)
        right.addWidget(self.charge_button)

        grid = QGridLayout(self)
        grid.setContentsMargins(24, 20, 24, 20)
        grid.setHorizontalSpacing(24)
        grid.addWidget(card, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def retranslate(self) -> None:
        self.amount_caption.setText(fill(self.tr("AMOUNT (%1)"), self._currency))
        self.summary_caption.setText(self.tr("WHAT IS IT FOR"))
        self.summary_input.setPlaceholderText(self.tr("Trade summary shown to the customer"))
        self.reference_caption.setText(self.tr("REFERENCE ORDER ID"))
        self.new_reference_button.setText(self.tr("New id"))
        self.charge_button.setText(self.tr("Charge"))
        self._update_preview()

    # -- API ----------------------------------------------------------------------------
    def set_currency(self, currency: str) -> None:
        self._currency = currency.upper()
        self.currency_label.setText(CURRENCY_SYMBOLS.get(self._currency, self._currency))
        self.amount_input.setPlaceholderText(
            "0" if Money(1, self._currency).exponent == 0 else "0.00")
        self.retranslate()

    def currency(self) -> str:
        return self._currency

    def reset(self) -> None:
        """Ready for the next sale: empty amount, fresh reference id, focus on the amount."""
        self.amount_input.clear()
        self.summary_input.clear()
        self.reference_input.setText(new_reference_order_id())
        self._show_error("")
        self.set_busy(False)
        self.amount_input.setFocus()
        self._update_preview()

    def restore(self, info: PaymentInfo, reference: str) -> None:
        """Fill the page with a sale to charge again (Try again): its amount, summary and
        reference, as if the operator had typed them."""
        self.amount_input.setText(Money(info.amount, info.currency).decimal_str())
        self.summary_input.setText(info.trade_summary)
        self.reference_input.setText(reference)
        self._show_error("")
        self._update_preview()

    def set_busy(self, busy: bool) -> None:
        self.charge_button.setEnabled(not busy)
        self.charge_button.setText(self.tr("Opening cashier…") if busy else self.tr("Charge"))

    def show_error(self, message: str) -> None:
        """Refuse the order inline (e.g. the Payment Kit said 401 for this amount)."""
        self.set_busy(False)
        self._show_error(message)

    @Slot()
    def submit(self) -> None:
        """Validate and emit ``order_submitted``; invalid input is refused inline."""
        if not self.charge_button.isEnabled():
            return
        try:
            money = Money.parse(self.amount_input.text(), self._currency)
        except MoneyError as exc:
            self._show_error(fill(self.tr("Invalid amount: %1"), error_text(exc)))
            self.amount_input.setFocus()
            self.amount_input.selectAll()
            return
        reference = self.reference_input.text().strip()
        if any(ord(c) < 32 for c in reference):
            self._show_error(self.tr("The reference order id contains control characters"))
            return
        self._show_error("")
        info = PaymentInfo(amount=money.value, currency=money.currency,
                           trade_summary=self.summary_input.text().strip())
        self.set_busy(True)
        self.order_submitted.emit(info, reference)

    # -- slots --------------------------------------------------------------------------
    @Slot(str)
    def _on_amount_input_text_edited(self, _text: str) -> None:
        self._show_error("")
        self._update_preview()

    @Slot(str)
    def _on_amount_refused(self, _text: str) -> None:
        self._show_error(fill(self.tr("The amount takes only the digits 0-9 and a decimal point "
                                      "(at most %1 characters)"), str(MAX_AMOUNT_CHARS)))

    @Slot()
    def _on_new_reference_clicked(self) -> None:
        self.reference_input.setText(new_reference_order_id())

    @Slot(str)
    def _on_keypad_key_pressed(self, key: str) -> None:
        field = self.amount_input
        if key == BACKSPACE:
            field.backspace()
        elif key == CLEAR:
            field.clear()
        else:
            field.insert(key)
        field.setFocus()
        self._on_amount_input_text_edited(field.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Digits typed while another widget has focus still go to the amount."""
        text = normalise_amount_text(event.text())
        if text and (text.isdigit() or text == "."):
            self.amount_input.setFocus()
            self.amount_input.insert(text)
            self._on_amount_input_text_edited(self.amount_input.text())
        elif event.key() == Qt.Key.Key_Backspace:
            self.amount_input.setFocus()
            self.amount_input.backspace()
            self._on_amount_input_text_edited(self.amount_input.text())
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        else:
            super().keyPressEvent(event)

    # -- helpers ------------------------------------------------------------------------
    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        self.amount_input.setProperty("invalid", bool(message))
        self.amount_input.style().unpolish(self.amount_input)
        self.amount_input.style().polish(self.amount_input)

    def _update_preview(self) -> None:
        text = self.amount_input.text().strip()
        try:
            display = Money.parse(text, self._currency).display() if text else ""
        except MoneyError:
            display = ""
        self.preview_label.setText(display or " ")
        self.amount_edited.emit(display)
