"""Order entry: a big keyboard-driven amount, trade summary, reference order id, Charge."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QKeyEvent
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

from cashier_app.ui.qt_imports import ALIGN_RIGHT, ALIGN_RIGHT_VCENTER
from cashier_app.ui.text import fill
from cashier_app.ui.widgets.amount_field import AmountField, amount_problem, normalise_amount_text
from cashier_app.ui.widgets.keypad import BACKSPACE, CLEAR, Keypad

if TYPE_CHECKING:
    from datetime import datetime

    from cashier_app.domain.limits import SaleLimits
    from cashier_app.domain.money import Money
    from cashier_app.domain.payment_kit import PaymentInfo

MAX_REFERENCE = 64
MAX_SUMMARY = 256


def new_reference_order_id(now: datetime | None = None) -> str:
    """``ORD-20261121-143005-7F3A``: sortable by time, unique enough for one till."""
    # (time.strftime: the local time, as datetime.now() gives, without importing datetime
    # before the first paint)
    stamp = now.strftime("%Y%m%d-%H%M%S") if now is not None else time.strftime("%Y%m%d-%H%M%S")
    # os.urandom is what secrets.token_hex reads; secrets itself pulls in hmac and OpenSSL
    return f"ORD-{stamp}-{os.urandom(2).hex().upper()}"


class OrderPage(QWidget):
    """The first page of a sale, and what the first paint shows: it is built before the
    window is on screen, so it touches none of ``Qt``'s enums then (``ui/qt_imports.py``)
    and imports the Payment Kit values and the large-sale question only when charging.
    Until :meth:`set_starting` ``(False)`` (the services are up) the amount can be typed
    but nothing is charged: Charge waits, and an Enter is only remembered
    (:meth:`take_enter_while_starting`).

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
        self._limits: SaleLimits | None = None  # the currency's defaults: limits()
        self._busy = False
        self._starting = False  # the services are not up yet: nothing can be charged
        self._entered_while_starting = False
        self._currency_known = True
        self._asking = False  # the large-sale question is open

        # each widget is made in the parent it stays in (one polish each: see MainWindow)
        card = self._card = QFrame(self)
        slot = self._note_slot = QWidget(card)
        self.amount_caption = QLabel(card)
        self.amount_caption.setProperty("role", "caption")
        self.currency_label = QLabel(card)
        self.currency_label.setProperty("role", "currency")
        self.amount_input = AmountField(card)
        self.amount_input.setObjectName("amountInput")
        self.amount_input.setProperty("alignment", ALIGN_RIGHT_VCENTER)  # see the docstring
        self.amount_input.setPlaceholderText("0.00")
        self.amount_input.setMinimumHeight(84)
        self.preview_label = QLabel(slot)
        self.preview_label.setProperty("role", "muted")
        self.preview_label.setProperty("alignment", ALIGN_RIGHT)
        self.error_label = QLabel(slot)
        self.error_label.setObjectName("amountError")
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.summary_caption = QLabel(card)
        self.summary_caption.setProperty("role", "caption")
        self.summary_input = QLineEdit(card)
        self.summary_input.setObjectName("tradeSummaryInput")
        self.summary_input.setMaxLength(MAX_SUMMARY)
        self.reference_caption = QLabel(card)
        self.reference_caption.setProperty("role", "caption")
        self.reference_input = QLineEdit(card)
        self.reference_input.setObjectName("referenceOrderIdInput")
        self.reference_input.setMaxLength(MAX_REFERENCE)
        self.new_reference_button = QPushButton(card)
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
        self.amount_input.textChanged.connect(self._on_amount_input_text_changed)
        self.charge_button.clicked.connect(self.submit)
        self.new_reference_button.clicked.connect(self._on_new_reference_clicked)
        self.keypad.key_pressed.connect(self._on_keypad_key_pressed)
        self.reset()

    def _build_layout(self) -> None:
        card = self._card
        card.setProperty("role", "card")
        form = QVBoxLayout(card)
        form.setContentsMargins(24, 16, 24, 16)
        form.setSpacing(6)  # tight enough for the reserved error lines at 1024x600
        form.addWidget(self.amount_caption)
        row = QHBoxLayout()
        row.addWidget(self.currency_label)
        row.addWidget(self.amount_input, 1)
        form.addLayout(row)
        form.addWidget(self._amount_note_slot())
        form.addWidget(self.summary_caption)
        form.addWidget(self.summary_input)
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

    def _amount_note_slot(self) -> QWidget:
        """The preview and the error share one slot, as high as two lines of error:
        the page keeps its height when a reason shows (at 1024x600 it scrolled and the
        keypad moved sideways for the scroll bar). Only one of them has text at a time."""
        slot = self._note_slot
        slot.setObjectName("amountNoteSlot")
        box = QVBoxLayout(slot)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.preview_label)
        box.addWidget(self.error_label)
        box.addStretch(1)
        self.error_label.ensurePolished()
        self.error_label.setText("X\nX")  # two lines as the stylesheet draws them
        two_lines = self.error_label.sizeHint().height()
        self.error_label.clear()
        # fixed: a wrapped label's height-for-width would still grow the page
        slot.setFixedHeight(max(two_lines, self.preview_label.sizeHint().height()))
        return slot

    def retranslate(self) -> None:
        self.amount_caption.setText(
            fill(self.tr("AMOUNT (%1)"), self._currency)
            if self._currency_known
            else self.tr("AMOUNT")  # starting: the profile's currency is not known yet
        )
        self.summary_caption.setText(self.tr("WHAT IS IT FOR"))
        self.summary_input.setPlaceholderText(self.tr("Trade summary shown to the customer"))
        self.reference_caption.setText(self.tr("REFERENCE ORDER ID"))
        self.new_reference_button.setText(self.tr("New id"))
        self._set_charge_text()
        self._update_preview()

    # -- API ----------------------------------------------------------------------------
    def set_currency(self, currency: str) -> None:
        """The profile's currency; its default sale limits apply until ``set_limits``."""
        self._currency = currency.upper()
        from cashier_app.domain.money import CURRENCY_SYMBOLS, Money

        self._currency_known = True
        self._limits = None  # this currency's defaults until set_limits
        self.currency_label.setText(CURRENCY_SYMBOLS.get(self._currency, self._currency))
        self.amount_input.setPlaceholderText(
            "0" if Money(1, self._currency).exponent == 0 else "0.00"
        )
        self.retranslate()

    def currency(self) -> str:
        return self._currency

    def set_limits(self, limits: SaleLimits) -> None:
        """The profile's largest sale (refused) and large-sale threshold (asks first)."""
        self._limits = limits
        self._on_amount_input_text_changed(self.amount_input.text())

    def limits(self) -> SaleLimits:
        """The sale limits in force (the currency's defaults until ``set_limits``; made
        when first needed, so domain.limits and domain.money wait for the first key)."""
        if self._limits is None:
            from cashier_app.domain.limits import SaleLimits

            self._limits = SaleLimits.for_profile(self._currency)
        return self._limits

    def _problem(self, text: str) -> tuple[Money | None, str]:
        """``amount_problem`` of ``text`` in this page's currency and limits."""
        return amount_problem(text, self._currency, self.limits() if text.strip() else None)

    def set_starting(self, starting: bool) -> None:
        """While the services start (the first paint shows this page) the amount can be
        typed, but Charge waits and reads "Starting…"; the currency is shown once
        :meth:`set_currency` names it."""
        self._starting = starting
        if starting:
            self._currency_known = False
            self._entered_while_starting = False
        self.retranslate()

    def is_starting(self) -> bool:
        return self._starting

    def take_enter_while_starting(self) -> bool:
        """Whether Enter was pressed (nothing charged) while starting; asked once."""
        entered, self._entered_while_starting = self._entered_while_starting, False
        return entered

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
        from cashier_app.domain.money import Money

        self.amount_input.setText(Money(info.amount, info.currency).decimal_str())
        self.summary_input.setText(info.trade_summary)
        self.reference_input.setText(reference)
        self._show_error("")
        self._update_preview()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._set_charge_text()
        self._update_charge()

    def _set_charge_text(self) -> None:
        if self._busy:
            self.charge_button.setText(self.tr("Opening cashier…"))
        elif self._starting:
            self.charge_button.setText(self.tr("Starting…"))
        else:
            self.charge_button.setText(self.tr("Charge"))

    def show_error(self, message: str) -> None:
        """Refuse the order inline (e.g. the Payment Kit said 401 for this amount)."""
        self.set_busy(False)
        self._show_error(message)

    @Slot()
    def submit(self) -> None:
        """Validate and emit ``order_submitted``; invalid input is refused inline, and a
        large sale is confirmed first."""
        if self._busy:
            return
        if self._starting:  # typed before the services were up: the operator checks first
            self._entered_while_starting = True
            return
        money, reason = self._problem(self.amount_input.text())
        if money is None:
            self._show_error(
                fill(self.tr("Invalid amount: %1"), reason or self.tr("amount is empty"))
            )
            self.amount_input.setFocus()
            return
        from cashier_app.domain.limits import Verdict

        if self.limits().verdict(money) is Verdict.CONFIRM:
            if not self._asking:
                self._asking = True
                self.confirm_large_sale(money, lambda yes: self._on_large_sale_answered(money, yes))
            return
        self._charge(money)

    def _charge(self, money: Money) -> None:
        reference = self.reference_input.text().strip()
        if any(ord(c) < 32 for c in reference):
            self._show_error(self.tr("The reference order id contains control characters"))
            return
        self._show_error("")
        from cashier_app.domain.payment_kit import PaymentInfo  # here: not before the paint

        info = PaymentInfo(
            amount=money.value,
            currency=money.currency,
            trade_summary=self.summary_input.text().strip(),
        )
        self.set_busy(True)
        self.amount_input.mark_stale()  # kept if the sale comes back here; typing replaces it
        self.order_submitted.emit(info, reference)

    def confirm_large_sale(self, money: Money, on_answer: Callable[[bool], None]) -> None:
        """Ask before charging a large amount (an extra zero is easy to type); the safe
        answer, No, is the default. Window-modal and opened with ``open()``: the event
        loop (payment polls, notifications) runs on while the operator reads it, and the
        answer arrives through ``on_answer``."""
        from cashier_app.ui.dialogs.questions import ask

        ask(
            self,
            "largeSaleQuestion",
            self.tr("Large sale"),
            fill(
                self.tr("Charge %1? From %2 on, the till asks before charging."),
                money.display(),
                self.limits().confirm_money.display(),
            ),
            [("charge", fill(self.tr("Charge %1"), money.display())), ("no", self.tr("No"))],
            default="no",
            escape="no",
            on_answer=lambda key: on_answer(key == "charge"),
        )

    def _on_large_sale_answered(self, money: Money, yes: bool) -> None:
        self._asking = False
        # Charged only if the field still holds the amount the operator confirmed.
        current, _reason = self._problem(self.amount_input.text())
        if yes and current == money and not self._busy:
            self._charge(money)
        else:
            self.amount_input.setFocus()

    # -- slots --------------------------------------------------------------------------
    @Slot(str)
    def _on_amount_input_text_changed(self, text: str) -> None:
        """Every change, typed or not: the reason stays in view while the amount is wrong."""
        money, reason = self._problem(text)
        self._show_error(fill(self.tr("Invalid amount: %1"), reason) if reason else "")
        display = money.display() if money is not None else ""
        self.preview_label.setText(display or " ")
        self._update_charge()
        self.amount_edited.emit(display)

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

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Digits typed while another widget has focus still go to the amount."""
        from PySide6.QtCore import Qt  # here: no Qt enums before the first paint

        text = normalise_amount_text(event.text())
        if text and (text.isdigit() or text == "."):
            self.amount_input.setFocus()
            self.amount_input.select_if_stale()
            self.amount_input.insert(text)
        elif event.key() == Qt.Key.Key_Backspace:
            self.amount_input.setFocus()
            self.amount_input.backspace()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()  # from any field of the page (line edits pass Enter up)
        else:
            super().keyPressEvent(event)

    # -- helpers ------------------------------------------------------------------------
    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        self.preview_label.setVisible(not message)  # they share a slot: _amount_note_slot
        if bool(self.amount_input.property("invalid")) != bool(message):
            # only on a change: style() is the first call of QStyle (its many enums are set up)
            self.amount_input.setProperty("invalid", bool(message))
            self.amount_input.style().unpolish(self.amount_input)
            self.amount_input.style().polish(self.amount_input)

    def _update_preview(self) -> None:
        self._on_amount_input_text_changed(self.amount_input.text())

    def _update_charge(self) -> None:
        money, _reason = self._problem(self.amount_input.text())
        self.charge_button.setEnabled(not self._busy and not self._starting and money is not None)
