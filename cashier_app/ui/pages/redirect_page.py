"""The jump to the third-party cashier: QR code, deep link, countdown, live status."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cashier_app.checkout.codes import CODE_NETWORK, CODE_TIMEOUT
from cashier_app.domain import methods
from cashier_app.domain.records import PaymentRecord
from cashier_app.ui.dialogs.questions import ask
from cashier_app.ui.i18n import current_language
from cashier_app.ui.reasons import code_reason
from cashier_app.ui.resources import wallet_pixmap
from cashier_app.ui.text import fill
from cashier_app.ui.widgets.countdown import CountdownLabel
from cashier_app.ui.widgets.delay_chooser import DelayChooser
from cashier_app.ui.widgets.qr_code import QRCodeWidget

#: Status line tones (the stylesheet colours them).
TONE_INFO, TONE_WARNING, TONE_ERROR, TONE_DONE = "info", "warning", "error", "done"

UrlOpener = Callable[[QUrl], bool]


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _wallet(record: PaymentRecord) -> tuple[str, bool]:
    """The wallet's name in the UI language and whether its code carries the + mark."""
    try:
        method = methods.get(record.method)
    except methods.UnknownMethodError:
        return record.method, False
    return method.name(current_language()), method.alipay_plus


class RedirectPage(QWidget):
    """Shows one live payment; the sale flow feeds it records and status changes.

    Signals:
        cancel_requested(object record): the operator pressed Cancel payment.
        new_code_requested(object record): after expiry, a fresh payment is wanted.
        closed(object record): after expiry, the operator closed the page.
        retry_requested(object record): no verified code arrived; the operator asks the
            gateway again (the flow resends pay with the same id and body).
        simulate_requested(str action, object record): "approve", "decline" or "expire".
        link_opened(str url, bool fallback): Open launched ``url``; ``fallback`` when the
            wallet link had no handler and the H5 ``normalUrl`` was opened instead.
        autopay_changed(bool on, float seconds): the sandbox row's "Customer pays
            automatically" toggle or its delay changed (demo mode; the flow applies it).
    """

    cancel_requested = Signal(object)
    new_code_requested = Signal(object)
    closed = Signal(object)
    retry_requested = Signal(object)
    simulate_requested = Signal(str, object)
    link_opened = Signal(str, bool)
    autopay_changed = Signal(bool, float)

    # Default delay of the demo auto-payer, in seconds.
    AUTOPAY_DEFAULT_SECONDS = 5
    #: Answers without a verified code after which the operator is asked (Retry / Cancel).
    CODE_ATTEMPTS_BEFORE_ASKING = 2

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        opener: UrlOpener | None = None,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("redirectPage")
        self.opener: UrlOpener = opener or QDesktopServices.openUrl
        self.record: PaymentRecord | None = None
        self._expired = False
        self._asking = False  # the Cancel payment question is open
        self._code_misses = 0  #: answers in a row without a verified code (0: code shown)

        # Not as tall as it is wide: at a 1366x768 till with the QA console open the page
        # scrolled to make the code square by the column's width. 260 px is 66-73 mm on a
        # 1366x768 screen of 13-15.6", far above the 25.4-30.5 mm Alipay+ asks for.
        self.qr = QRCodeWidget(self, square_by_width=False)
        self.qr.setMinimumSize(260, 260)
        self.scan_label = QLabel(self)
        self.scan_label.setProperty("role", "muted")
        self.scan_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo = QLabel(self)
        self.wallet_label = QLabel(self)
        self.wallet_label.setProperty("role", "heading")
        self.amount_label = QLabel(self)
        self.amount_label.setObjectName("redirectAmount")
        self.amount_label.setProperty("role", "amountSmall")
        self.countdown_label = CountdownLabel(self, clock=clock)
        self.countdown_label.setObjectName("countdownLabel")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        self.link_caption = QLabel(self)
        self.link_caption.setProperty("role", "caption")
        self.link_text = QLineEdit(self)
        self.link_text.setObjectName("deepLinkText")
        self.link_text.setReadOnly(True)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copyLinkButton")
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("openLinkButton")
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelPaymentButton")
        self.cancel_button.setProperty("role", "danger")
        self.new_code_button = QPushButton(self)
        self.new_code_button.setObjectName("newCodeButton")
        self.new_code_button.setProperty("role", "primary")
        self.new_code_button.hide()
        self.retry_button = QPushButton(self)
        self.retry_button.setObjectName("retryCodeButton")
        self.retry_button.setProperty("role", "primary")
        self.retry_button.hide()
        self.code_problem = QLabel(self)
        self.code_problem.setObjectName("codeProblemReason")
        self.code_problem.setProperty("role", "small")
        self.code_problem.setWordWrap(True)
        self.code_problem.hide()
        #: In-store: print the order code on the till's ESC/POS printer (shown when one is set)
        self.print_code_button = QPushButton(self)
        self.print_code_button.setObjectName("printCodeButton")
        self.print_code_button.hide()
        self.simulator_box = QFrame(self)
        self.simulator_box.setObjectName("simulatorBox")
        self.simulator_caption = QLabel(self.simulator_box)
        self.simulator_caption.setProperty("role", "small")
        self.simulate_pay = QPushButton(self.simulator_box)
        self.simulate_pay.setObjectName("simulatePayButton")
        self.simulate_decline = QPushButton(self.simulator_box)
        self.simulate_decline.setObjectName("simulateDeclineButton")
        self.simulate_expire = QPushButton(self.simulator_box)
        self.simulate_expire.setObjectName("simulateExpireButton")
        for button in (self.simulate_pay, self.simulate_decline, self.simulate_expire):
            button.setProperty("role", "simulate")
        self.autopay_check = QCheckBox(self.simulator_box)
        self.autopay_check.setObjectName("autopayCheck")
        self.autopay_delay = DelayChooser(self.AUTOPAY_DEFAULT_SECONDS, self.simulator_box)
        self.autopay_delay.setObjectName("autopayDelay")
        self.autopay_hint = QLabel(self)
        self.autopay_hint.setObjectName("autopayHint")
        self.autopay_hint.hide()
        self._autopay_seconds: float | None = None  # what the sandbox confirmed

        self._build_layout()
        self.retranslate()
        for button in (
            self.copy_button,
            self.open_button,
            self.cancel_button,
            self.new_code_button,
            self.retry_button,
            self.simulate_pay,
            self.simulate_decline,
            self.simulate_expire,
        ):
            button.setAutoDefault(True)  # Tab to a button, Enter presses it (keyboard tills)
        self.copy_button.clicked.connect(self.copy_link)
        self.open_button.clicked.connect(self.open_link)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.new_code_button.clicked.connect(
            lambda: self.record and self.new_code_requested.emit(self.record)
        )
        self.retry_button.clicked.connect(self._on_retry_button_clicked)
        for button, action in (
            (self.simulate_pay, "approve"),
            (self.simulate_decline, "decline"),
            (self.simulate_expire, "expire"),
        ):
            button.clicked.connect(lambda _=False, a=action: self._simulate(a))
        self.autopay_check.toggled.connect(self._on_autopay_control_changed)
        self.autopay_delay.value_changed.connect(self._on_autopay_delay_edited)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)  # back one step: cancel
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self._on_cancel_button_clicked)

    def _build_layout(self) -> None:
        qr_card = QFrame(self)
        qr_card.setProperty("role", "card")
        qr_box = QVBoxLayout(qr_card)
        qr_box.setContentsMargins(18, 18, 18, 14)
        qr_box.addWidget(self.qr, 1)
        qr_box.addWidget(self.scan_label)

        head = QHBoxLayout()
        head.setSpacing(12)
        head.addWidget(self.logo)
        head.addWidget(self.wallet_label, 1)
        links = QHBoxLayout()
        links.addWidget(self.link_text, 1)
        links.addWidget(self.copy_button)
        links.addWidget(self.open_button)
        # Beside each other where the card is wide enough (a 1366-wide till: the page fits
        # beside the QA console without scrolling), one above the other where it is not.
        sim_rows = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.simulator_box)
        sim_rows.setContentsMargins(0, 0, 0, 0)
        sim_rows.setSpacing(6)
        self._sim_rows, self._sim_parts = sim_rows, []
        sim = QHBoxLayout()
        sim.addWidget(self.simulator_caption)
        sim.addWidget(self.simulate_pay)
        sim.addWidget(self.simulate_decline)
        sim.addWidget(self.simulate_expire)
        auto = QHBoxLayout()
        auto.addStretch(1)
        auto.addWidget(self.autopay_check)
        auto.addWidget(self.autopay_delay)
        sim_rows.addLayout(sim)
        sim_rows.addLayout(auto)
        self._sim_parts = [sim, auto]
        money = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        money.setSpacing(6)
        money.addWidget(self.amount_label)
        money.addWidget(self.countdown_label)
        self._money_rows = money
        actions = QHBoxLayout()
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.print_code_button)
        actions.addWidget(self.new_code_button, 1)
        actions.addWidget(self.retry_button, 1)
        # Alone, Cancel keeps its own width: when Retry (or New code) goes away under the
        # pointer, the click does not land on Cancel payment instead.
        actions.addStretch(0)

        info_card = QFrame(self)
        info_card.setProperty("role", "card")
        info = QVBoxLayout(info_card)
        info.setContentsMargins(24, 10, 24, 10)
        info.setSpacing(6)
        info.addLayout(head)
        info.addLayout(money)
        info.addWidget(self.status_label)
        info.addWidget(self.code_problem)
        info.addWidget(self.autopay_hint)
        info.addStretch(1)
        info.addWidget(self.link_caption)
        info.addLayout(links)
        info.addSpacing(4)
        info.addLayout(actions)
        info.addWidget(self.simulator_box)

        grid = QGridLayout(self)
        grid.setContentsMargins(24, 8, 24, 8)
        grid.setHorizontalSpacing(20)
        grid.addWidget(qr_card, 0, 0)
        grid.addWidget(info_card, 0, 1)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 6)

    def _fit_rows(self) -> None:
        """Amount and countdown, and the sandbox wallet's two rows, side by side where
        the info card has the width for them."""
        for box, parts, room in (
            (self._money_rows, [self.amount_label, self.countdown_label], self.status_label),
            (self._sim_rows, self._sim_parts, self.simulator_box),
        ):
            need = sum(p.sizeHint().width() for p in parts) + 24
            wide = room.width() >= need
            direction = (
                QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
            )
            if box.direction() != direction:
                box.setDirection(direction)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_rows()

    def retranslate(self) -> None:
        self.link_caption.setText(self.tr("PAYMENT LINK"))
        self.copy_button.setText(self.tr("Copy"))
        self.open_button.setText(self.tr("Open"))
        self.new_code_button.setText(self.tr("New code"))
        self.retry_button.setText(self.tr("Retry"))
        self.print_code_button.setText(self.tr("Print code"))
        self.simulator_caption.setText(self.tr("Sandbox wallet:"))
        self.simulate_pay.setText(self.tr("Pay"))
        self.simulate_decline.setText(self.tr("Decline"))
        self.simulate_expire.setText(self.tr("Let expire"))
        self.autopay_check.setText(self.tr("Customer pays automatically after"))
        self.autopay_check.setToolTip(
            self.tr("Demo mode: the sandbox wallet pays each new code by itself after the delay")
        )
        self.autopay_delay.retranslate()
        self._update_cancel_text()
        self._update_autopay_hint()

    # -- API ----------------------------------------------------------------------------
    def show_payment(self, record: PaymentRecord, *, simulator: bool = False) -> None:
        """Render a freshly created payment and start the countdown."""
        self.record = record
        self._expired = False
        name, _plus = _wallet(record)
        self.logo.setPixmap(wallet_pixmap(record.method, 40))
        self.wallet_label.setText(name)
        self.amount_label.setText(record.amount.display())
        self._fit_rows()
        self.new_code_button.hide()
        self.cancel_button.setEnabled(True)
        self.simulator_box.setVisible(simulator)
        self._code_misses = 0
        self.qr.set_data("")
        if record.qr_payload() or record.deep_link():
            self._show_code(record)
        else:
            self._show_code_missing(record)
        self._update_cancel_text()
        self._update_autopay_hint()
        self.countdown_label.start(record.expires_at)

    def holds_notice(self) -> bool:
        """Open failed and Copy is offered: the routine poll texts ("Checking…",
        "Waiting for the customer…") must not wipe that message before it is acted on."""
        return bool(self.copy_button.property("role") == "primary")

    def has_code(self) -> bool:
        """Whether a verified code (or wallet link) is on screen for the customer."""
        return (
            self._code_misses == 0
            and self.record is not None
            and bool(self.record.qr_payload() or self.record.deep_link())
        )

    def _show_code(self, record: PaymentRecord) -> None:
        """The verified code and link, and "Scan with …" (only ever with a code)."""
        self._code_misses = 0
        name, plus = _wallet(record)
        self.scan_label.setText(fill(self.tr("Scan with %1 to pay"), name))
        self.qr.set_data(record.qr_payload(), centre_mark=plus)
        self.qr.set_greyed(False)
        self.link_text.setText(record.deep_link())
        self.link_text.setCursorPosition(0)
        self._offer_copy(False)
        has_link = bool(record.deep_link())
        self.copy_button.setEnabled(has_link)
        self.open_button.setEnabled(has_link)
        # An order code has no wallet link (the customer scans it): no empty link row.
        for widget in (self.link_caption, self.link_text, self.copy_button, self.open_button):
            widget.setVisible(has_link)
        self.retry_button.hide()
        self.code_problem.hide()
        self._set_simulate_enabled(bool(record.payment_id) and not record.is_final)
        self.set_status(self.tr("Waiting for the customer…"))

    def _show_code_missing(self, record: PaymentRecord) -> None:
        """No verified answer carried a code: never ask the customer to scan. The first
        miss is retried by itself; after that the operator is told, with Retry / Cancel."""
        self._code_misses += 1
        self.qr.set_data("")
        self.qr.set_greyed(True, self.tr("No code yet"))
        self.scan_label.setText(self.tr("Nothing to scan yet"))
        self.link_text.clear()
        self.copy_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self._set_simulate_enabled(False)
        reason = " · ".join(
            p for p in (record.result_code, code_reason(record.result_code, record.status)) if p
        )
        self.code_problem.setText(fill(self.tr("Gateway answer: %1"), reason) if reason else "")
        self.code_problem.setVisible(bool(reason))
        unreachable = record.result_code in (CODE_NETWORK, CODE_TIMEOUT)
        if self._code_misses < self.CODE_ATTEMPTS_BEFORE_ASKING:
            self.retry_button.hide()
            self.set_status(
                self.tr("Connection lost — retrying…")
                if unreachable
                else self.tr(
                    "The payment code has not arrived in a verified answer "
                    "yet. Asking the gateway again…"
                ),
                TONE_WARNING,
            )
            return
        was_shown = self.retry_button.isVisible()
        self.retry_button.show()
        self.retry_button.setEnabled(True)
        if not was_shown:
            self.retry_button.setFocus()  # keyboard first: Enter retries, Tab reaches Cancel
        self.set_status(
            self.tr(
                "The gateway cannot be reached, so there is no code to show "
                "the customer. Retry, or cancel the payment."
            )
            if unreachable
            else self.tr(
                "The payment code could not be verified, so none is "
                "shown to the customer. Retry, or cancel the payment."
            ),
            TONE_ERROR,
        )

    def update_record(self, record: PaymentRecord) -> None:
        if self.record is not None and record.payment_request_id == self.record.payment_request_id:
            self.record = record
            has = bool(record.qr_payload() or record.deep_link())
            if not self._expired and not record.is_final:
                if has and (self._code_misses or record.qr_payload() != self.qr.data()):
                    self._show_code(record)  # the code arrived late, verified
                elif not has:
                    self._show_code_missing(record)
            if self.has_code():
                self._set_simulate_enabled(bool(record.payment_id) and not record.is_final)
            self._update_autopay_hint()

    def set_status(self, text: str, tone: str = TONE_INFO, detail: str = "") -> None:
        self.status_label.setText(text)
        self.status_label.setToolTip(detail)
        self.status_label.setProperty("tone", tone)
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)

    def set_busy(self, busy: bool, text: str = "") -> None:
        """While a cancel or a new code is on its way: buttons off, status says so."""
        self.cancel_button.setEnabled(not busy)
        self.new_code_button.setEnabled(not busy)
        self.retry_button.setEnabled(not busy)
        self._set_simulate_enabled(
            not busy
            and self.record is not None
            and bool(self.record.payment_id)
            and not self._expired
            and self.has_code()
        )
        if text:
            self.set_status(text)

    def show_expired(self, record: PaymentRecord) -> None:
        """Grey the code out and offer a new one."""
        self.record = record
        self._expired = True
        self.countdown_label.stop(self.tr("Expired"))
        self.qr.set_greyed(True, self.tr("Expired"))
        self.scan_label.setText(self.tr("This code can no longer be paid"))
        self.open_button.setEnabled(False)
        self.new_code_button.show()
        self.new_code_button.setEnabled(True)
        self.retry_button.hide()
        self.code_problem.hide()
        self.cancel_button.setEnabled(True)
        self._set_simulate_enabled(False)
        self._update_cancel_text()
        self._update_autopay_hint()
        self.set_status(self.tr("This code has expired. Make a new one to try again."), TONE_ERROR)

    def autopay_setting(self) -> tuple[bool, float]:
        """The demo toggle as the operator left it: (on, delay in seconds)."""
        return self.autopay_check.isChecked(), float(self.autopay_delay.value())

    @property
    def autopay_seconds(self) -> float | None:
        """The delay the sandbox's auto-payer confirmed, or None when it is off."""
        return self._autopay_seconds

    def set_autopay_active(self, seconds: float | None) -> None:
        """The sandbox confirmed the auto-payer (``seconds``) or turned it off (None).
        When it is off the toggle is unchecked without asking the flow again."""
        self._autopay_seconds = seconds
        if seconds is None and self.autopay_check.isChecked():
            blocked = self.autopay_check.blockSignals(True)
            self.autopay_check.setChecked(False)
            self.autopay_check.blockSignals(blocked)
        self._update_autopay_hint()

    def is_expired(self) -> bool:
        return self._expired

    def leave(self) -> None:
        """The page is no longer shown: stop its clock."""
        self.countdown_label.stop()

    @Slot()
    def copy_link(self) -> None:
        QGuiApplication.clipboard().setText(self.link_text.text())
        self._offer_copy(False)
        self.set_status(self.tr("Link copied"), TONE_INFO)

    @Slot()
    def open_link(self) -> None:
        """Open the wallet link; when nothing handles its scheme, open the H5 page instead,
        as the Alipay client falls back to the web cashier."""
        if self.record is None:
            return
        link, h5 = self.record.deep_link(), self.record.normal_url
        if link and self.opener(QUrl(link)):
            self.link_opened.emit(link, False)
            return
        if h5 and h5 != link and self.opener(QUrl(h5)):
            self.link_text.setText(h5)
            self.set_status(
                self.tr("No app handles this link; opened the web (H5) page"), TONE_WARNING
            )
            self.link_opened.emit(h5, True)
            return
        # QDesktopServices.openUrl said no: no browser, no wallet app, no desktop handler.
        # Say so, and offer the one thing that still works: Copy (focused, Enter copies).
        self.set_status(
            self.tr(
                "No web browser or wallet app on this computer can open the link. "
                "Press Copy to copy it, or let the customer scan the code."
            ),
            TONE_ERROR,
        )
        if self.copy_button.isEnabled():
            self._offer_copy(True)
            self.copy_button.setFocus()

    def _offer_copy(self, on: bool) -> None:
        """Make Copy the primary button (after Open failed) or an ordinary one again."""
        if (self.copy_button.property("role") == "primary") == on:
            return
        self.copy_button.setProperty("role", "primary" if on else None)
        self.copy_button.style().unpolish(self.copy_button)
        self.copy_button.style().polish(self.copy_button)

    # -- helpers ------------------------------------------------------------------------
    def _simulate(self, action: str) -> None:
        if self.record is not None:
            self._set_simulate_enabled(False)
            self.simulate_requested.emit(action, self.record)

    def _set_simulate_enabled(self, enabled: bool) -> None:
        for button in (self.simulate_pay, self.simulate_decline, self.simulate_expire):
            button.setEnabled(enabled)

    @Slot(bool)
    def _on_autopay_control_changed(self, on: bool) -> None:
        self.autopay_changed.emit(on, float(self.autopay_delay.value()))

    @Slot(int)
    def _on_autopay_delay_edited(self, _seconds: int = 0) -> None:
        if self.autopay_check.isChecked() and self._autopay_seconds != float(
            self.autopay_delay.value()
        ):
            self.autopay_changed.emit(True, float(self.autopay_delay.value()))

    def _update_autopay_hint(self) -> None:
        seconds = self._autopay_seconds
        live = (
            seconds is not None
            and self.record is not None
            and not self._expired
            and not self.record.is_final
            and not self.simulator_box.isHidden()
        )
        if seconds is not None:
            self.autopay_hint.setText(
                fill(self.tr("Customer will pay in %1 s (demo)"), f"{seconds:g}")
            )
        self.autopay_hint.setVisible(bool(live))

    def _update_cancel_text(self) -> None:
        self.cancel_button.setText(self.tr("Close") if self._expired else self.tr("Cancel payment"))

    @Slot()
    def _on_retry_button_clicked(self) -> None:
        if self.record is None:
            return
        self.retry_button.setEnabled(False)
        self.set_status(self.tr("Asking the gateway again…"), TONE_WARNING)
        self.retry_requested.emit(self.record)

    @Slot()
    def _on_cancel_button_clicked(self) -> None:
        if self.record is None:
            return
        if self._expired:
            self.closed.emit(self.record)
        elif self.cancel_button.isEnabled() and not self._asking:
            self._asking = True
            record = self.record
            ask(
                self,
                "cancelPaymentQuestion",
                self.tr("Cancel payment"),
                fill(
                    self.tr(
                        "Cancel the payment of %1? The customer's code stops working; "
                        "if they pay now, the money goes back."
                    ),
                    record.amount.display(),
                ),
                [("keep", self.tr("Keep waiting")), ("cancel", self.tr("Cancel payment"))],
                default="keep",
                escape="keep",
                on_answer=lambda key: self._on_cancel_question_answered(record, key),
            )

    def _on_cancel_question_answered(self, record: PaymentRecord, key: str) -> None:
        self._asking = False
        current = self.record
        if (
            key == "cancel"
            and current is not None
            and not self._expired
            and current.payment_request_id == record.payment_request_id
            and not current.is_final
        ):
            self.cancel_requested.emit(current)
