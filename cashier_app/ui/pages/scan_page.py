"""The in-store scan page: take the customer's payment code from the barcode scanner (a
keyboard-wedge burst), from the keyboard, or pasted; then show the payment's progress
(paid, waiting for the customer to confirm, refused with the reason and Scan again).

The code is a bearer credential: the field echoes bullets, the page shows only its mask,
and the field is cleared as soon as the code is handed to the checkout.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cashier_app.domain.money import Money
from cashier_app.domain.payment_code import MAX_LENGTH, mask
from cashier_app.domain.records import PaymentRecord
from cashier_app.till.wedge_filter import WedgeScannerFilter
from cashier_app.ui.dialogs.questions import ask
from cashier_app.ui.instore_text import reason_text
from cashier_app.ui.resources import icon_pixmap
from cashier_app.ui.text import fill
from cashier_app.ui.widgets.countdown import CountdownLabel

TONE_INFO, TONE_WARNING, TONE_ERROR, TONE_DONE = "info", "warning", "error", "done"
#: Named so that pyside6-lupdate finds the texts (context "ScanPage", as self.tr would).
translate = QCoreApplication.translate


class ScanPage(QWidget):
    """objectName ``scanPage``.

    Signals:
        code_submitted(str code, bool scanned): a code to charge (scanned: by the wedge
            scanner, else typed or pasted). The page has already cleared its field.
        back_requested(): back to the picker (nothing was sent).
        cancel_requested(object record): cancel the payment waiting for the customer.
        new_sale_requested(): give up on this sale after a refused code.
    """

    code_submitted = Signal(str, bool)
    back_requested = Signal()
    cancel_requested = Signal(object)
    new_sale_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanPage")
        self.record: PaymentRecord | None = None
        self._busy = False
        self._asking = False  # the "Cancel the payment?" question is open

        self.icon = QLabel(self)
        self.icon.setPixmap(icon_pixmap("scan_code", 72))
        self.title = QLabel(self)
        self.title.setProperty("role", "heading")
        self.amount_label = QLabel(self)
        self.amount_label.setObjectName("scanAmount")
        self.amount_label.setProperty("role", "amount")
        self.hint = QLabel(self)
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)
        self.code_edit = QLineEdit(self)
        self.code_edit.setObjectName("paymentCodeEdit")
        self.code_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.code_edit.setMaxLength(MAX_LENGTH + 8)  # room for spaces between groups
        self.code_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData
        )
        self.preview = QLabel(self)
        self.preview.setObjectName("paymentCodePreview")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("scanStatus")
        self.status_label.setWordWrap(True)
        #: U: the time left of the in-store window (UpmPolicy) before the till cancels
        self.countdown_label = CountdownLabel(self)
        self.countdown_label.setObjectName("scanCountdown")
        self.countdown_label.setProperty("role", "heading")
        self.countdown_label.hide()
        self.submit_button = QPushButton(self)
        self.submit_button.setObjectName("scanSubmitButton")
        self.submit_button.setProperty("role", "primary")
        self.submit_button.setMinimumHeight(52)
        self.again_button = QPushButton(self)
        self.again_button.setObjectName("scanAgainButton")
        self.again_button.setProperty("role", "primary")
        self.again_button.setMinimumHeight(52)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("scanCancelButton")
        self.cancel_button.setProperty("role", "danger")
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("scanBackButton")
        self.new_sale_button = QPushButton(self)
        self.new_sale_button.setObjectName("scanNewSaleButton")

        # The page itself takes the keys while no field of it does (Escape, a new scan).
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.scanner = WedgeScannerFilter(self)
        for widget in (
            self.code_edit,
            self.submit_button,
            self.again_button,
            self.back_button,
            self,
        ):
            self.scanner.watch(widget)
        self.scanner.code_scanned.connect(self._on_scanner_code_scanned)
        self.code_edit.textChanged.connect(self._on_code_edit_text_changed)
        self.code_edit.returnPressed.connect(self.submit)
        self.submit_button.clicked.connect(self.submit)
        self.again_button.clicked.connect(self.scan_again)
        self.back_button.clicked.connect(self._on_back_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.new_sale_button.clicked.connect(self.new_sale_requested)
        self._build_layout()
        self.retranslate()
        self.scan_again()

    def _build_layout(self) -> None:
        card = QFrame(self)
        card.setProperty("role", "card")
        top = QHBoxLayout()
        top.setSpacing(18)
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        heading = QVBoxLayout()
        heading.setSpacing(4)
        heading.addWidget(self.title)
        heading.addWidget(self.amount_label)
        heading.addWidget(self.hint)
        top.addLayout(heading, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.new_sale_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.submit_button)
        box = QVBoxLayout(card)
        box.setContentsMargins(28, 24, 28, 24)
        box.setSpacing(14)
        box.addLayout(top)
        box.addSpacing(8)
        box.addWidget(self.code_edit)
        box.addWidget(self.preview)
        box.addWidget(self.status_label)
        box.addWidget(self.countdown_label)
        box.addStretch(1)
        box.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        outer.addWidget(card)
        card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def retranslate(self) -> None:
        self._retitle()
        self.hint.setText(
            translate(
                "ScanPage",
                "Point the scanner at the barcode or QR in the customer's wallet. "
                "You can also type or paste the code and press Enter.",
            )
        )
        self.code_edit.setPlaceholderText(translate("ScanPage", "Payment code"))
        self.submit_button.setText(translate("ScanPage", "Charge"))
        self.again_button.setText(translate("ScanPage", "Scan again"))
        self.cancel_button.setText(translate("ScanPage", "Cancel payment"))
        self.back_button.setText(translate("ScanPage", "Back"))
        self.new_sale_button.setText(translate("ScanPage", "New sale"))

    def _retitle(self) -> None:
        """The title of the state shown: scanning, or the customer confirming (a code sent
        and answered U) with the scanner's hint hidden."""
        confirming = self.record is not None and self.cancel_button.isVisibleTo(self)
        self.title.setText(
            translate("ScanPage", "The customer confirms in the wallet")
            if confirming
            else translate("ScanPage", "Scan the customer's payment code")
        )
        self.hint.setVisible(not confirming)

    # -- API ----------------------------------------------------------------------------
    def start(self, amount: Money) -> None:
        """A new sale waiting for the customer's code."""
        self.amount_label.setText(amount.display())
        self.scan_again()

    @Slot()
    def scan_again(self) -> None:
        """Ready for a (new) code: empty field, focus on it."""
        self.record = None
        self._busy = False
        self.code_edit.clear()
        self.code_edit.setEnabled(True)
        self.code_edit.show()
        self.preview.show()
        self.submit_button.show()
        self.submit_button.setEnabled(True)
        self.back_button.show()
        for widget in (self.again_button, self.cancel_button, self.new_sale_button):
            widget.hide()
        self._stop_countdown()
        self._retitle()
        self.set_status(translate("ScanPage", "Waiting for the code…"), TONE_INFO)
        self.code_edit.setFocus()

    def set_busy(self) -> None:
        """The code is on its way to the gateway."""
        self._busy = True
        self.setFocus()  # before the field is disabled: its keys would go off the page
        self.code_edit.setEnabled(False)
        self.submit_button.setEnabled(False)
        self.back_button.hide()
        self.set_status(translate("ScanPage", "Charging the customer's wallet…"), TONE_INFO)

    def show_waiting(self, record: PaymentRecord) -> None:
        """U: the customer confirms in the wallet; the checkout inquires meanwhile."""
        self.record = record
        self._busy = True
        self.code_edit.hide()
        self.submit_button.hide()
        self.back_button.hide()
        self.preview.setText(record.masked_code)
        if not self.cancel_button.isVisible():
            self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self._retitle()
        self.set_status(
            translate("ScanPage", "Waiting for the customer to confirm in the wallet…"), TONE_INFO
        )
        if record.expires_at is not None and not self.countdown_label.isVisible():
            self.countdown_label.template = translate("ScanPage", "%1 left")
            self.countdown_label.start(record.expires_at)
            self.countdown_label.show()

    def show_failure(self, record: PaymentRecord) -> None:
        """F (or no answer in time): the reason, and Scan again."""
        self.record = record
        self._show_refused(reason_text(record), record.masked_code)

    def show_error(self, message: str) -> None:
        """The code was refused before anything was sent (bad form, already used)."""
        self._show_refused(message, "")

    def set_status(self, text: str, tone: str = TONE_INFO) -> None:
        self.status_label.setText(text)
        self.status_label.setProperty("tone", tone)
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)

    @Slot()
    def submit(self) -> None:
        """Charge the code in the field (typed or pasted)."""
        self._hand_over(self.code_edit.text(), scanned=False)

    # -- helpers ------------------------------------------------------------------------
    def leave(self) -> None:
        """The sale moved on (paid, cancelled, a new sale): stop the clock."""
        self._stop_countdown()

    def _stop_countdown(self) -> None:
        self.countdown_label.stop()
        self.countdown_label.hide()

    def _show_refused(self, message: str, masked: str) -> None:
        self._busy = False
        self._stop_countdown()
        self.code_edit.clear()
        self.code_edit.hide()
        self.submit_button.hide()
        self.cancel_button.hide()
        self._retitle()
        self.back_button.show()
        self.preview.setText(masked)
        self.again_button.show()
        self.new_sale_button.show()
        self.set_status(message, TONE_ERROR)
        self.again_button.setFocus()

    def _hand_over(self, text: str, *, scanned: bool) -> None:
        if self._busy or not text.strip():
            return
        self.code_edit.clear()  # the page keeps no copy of the code
        self.preview.setText("")
        self.set_busy()
        self.code_submitted.emit(text, scanned)

    @Slot(str)
    def _on_scanner_code_scanned(self, code: str) -> None:
        if not self._busy and not self.code_edit.isVisible():
            self.scan_again()  # a new scan after a refusal is the Scan again
        self._hand_over(code, scanned=True)

    @Slot(str)
    def _on_code_edit_text_changed(self, text: str) -> None:
        digits = "".join(c for c in text if c.isdigit() or "０" <= c <= "９")
        self.preview.setText(
            fill(translate("ScanPage", "%1  (%2 digits)"), mask(digits), len(digits))
            if digits
            else ""
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A button ignores Enter outside a dialog: on a refused code, Enter is the Scan
        # again the page shows as its primary, focused button.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.again_button.isVisible():
            event.accept()
            self.scan_again()
            return
        # Escape goes back one step, as on the picker; while the customer confirms, that
        # step back is cancelling the payment, asked first as on the QR page.
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            if self.cancel_button.isVisible():
                self._on_cancel_clicked()
            elif self.back_button.isVisible():
                self._on_back_clicked()
            return
        super().keyPressEvent(event)

    @Slot()
    def _on_back_clicked(self) -> None:
        if not self._busy:
            self.back_requested.emit()

    @Slot()
    def _on_cancel_clicked(self) -> None:
        record = self.record
        if record is None or self._asking or not self.cancel_button.isEnabled():
            return
        self._asking = True
        ask(
            self,
            "cancelPaymentQuestion",
            translate("ScanPage", "Cancel payment"),
            fill(
                translate(
                    "ScanPage",
                    "Cancel the payment of %1? If the customer confirms it in the wallet "
                    "now, the money goes back.",
                ),
                record.amount.display(),
            ),
            [
                ("keep", translate("ScanPage", "Keep waiting")),
                ("cancel", translate("ScanPage", "Cancel payment")),
            ],
            default="keep",
            escape="keep",
            on_answer=lambda key: self._on_cancel_question_answered(record, key),
        )

    def _on_cancel_question_answered(self, record: PaymentRecord, key: str) -> None:
        self._asking = False
        # Only the payment asked about, and only while it still waits for the customer.
        if (
            key == "cancel"
            and self.record is not None
            and self.record.payment_request_id == record.payment_request_id
            and self.cancel_button.isVisible()
            and self.cancel_button.isEnabled()
        ):
            self.cancel_button.setEnabled(False)
            self.set_status(translate("ScanPage", "Cancelling…"), TONE_INFO)
            self.cancel_requested.emit(record)
