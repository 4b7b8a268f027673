"""The customer-facing second window: mirrors the amount, the picker and the QR code."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cashier_app.domain import methods
from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import PaymentRecord
from cashier_app.ui import screen_fit
from cashier_app.ui.i18n import current_language
from cashier_app.ui.resources import icon_pixmap, wallet_pixmap
from cashier_app.ui.text import fill
from cashier_app.ui.widgets.countdown import CountdownLabel
from cashier_app.ui.widgets.layouts import clear_layout
from cashier_app.ui.widgets.qr_code import QRCodeWidget


def _label(
    parent: QWidget, role: str = "", align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter
) -> QLabel:
    label = QLabel(parent)
    if role:
        label.setProperty("role", role)
    label.setAlignment(align)
    label.setWordWrap(True)
    return label


class CustomerDisplay(QWidget):
    """A read-only window for a screen facing the customer. It holds no state of its own:
    the sale flow tells it what to show. Closing it only hides it."""

    def __init__(self, merchant_name: str = "", parent: QWidget | None = None) -> None:
        # Read-only for the customer: it never takes the keyboard from the operator's window
        # (on a one-screen till it opens over it, and Enter must still confirm the sale).
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setObjectName("customerDisplay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(self.tr("Customer display"))
        self._merchant = merchant_name
        self.stack = QStackedWidget(self)

        self.idle = QWidget()
        self.welcome = _label(self.idle, "heading")
        self.merchant_label = _label(self.idle, "merchant")
        box = QVBoxLayout(self.idle)
        box.addStretch(1)
        box.addWidget(self.merchant_label)
        box.addWidget(self.welcome)
        box.addStretch(1)

        self.amount_view = QWidget()
        self.amount_caption = _label(self.amount_view, "caption")
        self.amount_label = _label(self.amount_view, "amount")
        self.amount_label.setObjectName("customerAmount")
        self.picker_hint = _label(self.amount_view, "muted")
        #: in-store, U: the time the customer has left to confirm in the wallet
        self.wait_countdown = CountdownLabel(self.amount_view)
        self.wait_countdown.setObjectName("customerWaitCountdown")
        self.wait_countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.wait_countdown.hide()
        self.wallet_row = QHBoxLayout()
        self.wallet_row.setSpacing(16)
        box = QVBoxLayout(self.amount_view)
        box.addStretch(1)
        box.addWidget(self.amount_caption)
        box.addWidget(self.amount_label)
        box.addSpacing(16)
        box.addLayout(self.wallet_row)
        box.addWidget(self.picker_hint)
        box.addWidget(self.wait_countdown)
        box.addStretch(1)

        self.qr_view = QWidget()
        self.qr = QRCodeWidget(self.qr_view)
        self.qr.setObjectName("customerQrCode")
        self.qr_amount = _label(self.qr_view, "amount")
        self.qr_wallet = _label(self.qr_view, "heading")
        self.qr_hint = _label(self.qr_view, "muted")
        self.countdown_label = CountdownLabel(self.qr_view)
        self.countdown_label.setObjectName("customerCountdown")
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        side = QVBoxLayout()
        side.addStretch(1)
        side.addWidget(self.qr_amount)
        side.addWidget(self.qr_wallet)
        side.addWidget(self.qr_hint)
        side.addWidget(self.countdown_label)
        side.addStretch(1)
        row = QHBoxLayout(self.qr_view)
        row.setContentsMargins(32, 32, 32, 32)
        row.addWidget(self.qr, 3)
        row.addLayout(side, 2)

        self.result_view = QWidget()
        self.result_icon = _label(self.result_view)
        self.result_title = _label(self.result_view, "heading")
        self.result_title.setObjectName("customerResultTitle")
        self.result_amount = _label(self.result_view, "amount")
        box = QVBoxLayout(self.result_view)
        box.addStretch(1)
        box.addWidget(self.result_icon)
        box.addWidget(self.result_title)
        box.addWidget(self.result_amount)
        box.addStretch(1)

        for view in (self.idle, self.amount_view, self.qr_view, self.result_view):
            self.stack.addWidget(view)
        self.stack.currentChanged.connect(self._on_stack_current_changed)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addWidget(self.stack)
        self.resize(900, 600)
        self.show_idle()

    # -- what to show -------------------------------------------------------------------
    def set_merchant(self, name: str) -> None:
        self._merchant = name
        self.merchant_label.setText(name)

    def show_idle(self) -> None:
        self.merchant_label.setText(self._merchant)
        self.welcome.setText(self.tr("Welcome"))
        self.stack.setCurrentWidget(self.idle)

    def show_amount(self, display: str) -> None:
        """The amount the operator is typing ("" goes back to the welcome screen)."""
        if not display:
            self.show_idle()
            return
        self._stop_wait()
        self.amount_caption.setText(self.tr("TOTAL"))
        self.amount_label.setText(display)
        self._set_wallets([])
        self.picker_hint.setText("")
        self.stack.setCurrentWidget(self.amount_view)

    def show_picker(self, money: Money, wallets: list[str], selected: str = "") -> None:
        self._stop_wait()
        self.amount_caption.setText(self.tr("TOTAL"))
        self.amount_label.setText(money.display())
        self._set_wallets(wallets, selected)
        name = self._wallet_name(selected) if selected else ""
        self.picker_hint.setText(
            fill(self.tr("Paying with %1"), name)
            if name
            else self.tr("Choose how you would like to pay")
        )
        self.stack.setCurrentWidget(self.amount_view)

    def show_qr(self, record: PaymentRecord, *, expired: bool = False) -> None:
        if not record.qr_payload() and not expired:
            self.show_waiting(record.amount)  # never a blank code to scan
            return
        try:
            plus = methods.get(record.method).alipay_plus
        except methods.UnknownMethodError:
            plus = False
        if self.qr.data() != record.qr_payload():
            self.qr.set_data(record.qr_payload(), centre_mark=plus)
        self.qr.set_greyed(expired, self.tr("Expired"))
        self.qr_amount.setText(record.amount.display())
        name = self._wallet_name(record.method)
        self.qr_wallet.setText(name)
        self.qr_hint.setText(
            self.tr("This code has expired")
            if expired
            else fill(self.tr("Scan with %1 to pay"), name)
        )
        if expired:
            self.countdown_label.stop("")
        else:
            self.countdown_label.start(record.expires_at)
        self.stack.setCurrentWidget(self.qr_view)

    def show_scan(self, money: Money) -> None:
        """In-store: the till waits for the customer's payment code."""
        self._show_total(money, self.tr("Please present your payment code to the cashier"))

    def show_confirming(self, record: PaymentRecord) -> None:
        """In-store, U: the customer confirms in the wallet; the time left of the window."""
        self._show_total(record.amount, self.tr("Please confirm the payment in your wallet"))
        if record.expires_at is not None:
            self.wait_countdown.template = self.tr("%1 left")
            self.wait_countdown.start(record.expires_at)
            self.wait_countdown.show()

    def _show_total(self, money: Money, hint: str) -> None:
        self.amount_caption.setText(self.tr("TOTAL"))
        self.amount_label.setText(money.display())
        self._set_wallets([])
        self.picker_hint.setText(hint)
        self._stop_wait()
        self.stack.setCurrentWidget(self.amount_view)

    def _stop_wait(self) -> None:
        self.wait_countdown.stop()
        self.wait_countdown.hide()

    def show_waiting(self, money: Money) -> None:
        """The code is not there yet: the total and a request to wait, nothing to scan."""
        self._show_total(money, self.tr("One moment, please…"))

    def show_result(self, status: Status, amount: Money | None, title: str) -> None:
        icon = {
            Status.SUCCESS: "success",
            Status.FAILED: "failed",
            Status.CANCELLED: "cancelled",
            Status.EXPIRED: "expired",
        }.get(status, "pending")
        self.result_icon.setPixmap(icon_pixmap(icon, 120))
        self.result_title.setText(self.tr("Thank you!") if status is Status.SUCCESS else title)
        self.result_amount.setText(amount.display() if amount else "")
        self.stack.setCurrentWidget(self.result_view)

    # -- window placement ---------------------------------------------------------------
    def open_on_best_screen(self) -> None:
        """Fullscreen on a second screen when there is one, else a normal window."""
        screens = QGuiApplication.screens()
        primary = QGuiApplication.primaryScreen()
        others = [s for s in screens if s is not primary]
        if others:
            target = others[0]
            self.setScreen(target)
            self.setGeometry(target.geometry())
            self.showFullScreen()
        else:
            screen_fit.place(self, QSize(900, 600))  # a window on this screen, inside it
            self.showNormal()
        self.raise_()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.hide()

    # -- helpers ------------------------------------------------------------------------
    def _on_stack_current_changed(self, _index: int) -> None:
        if self.stack.currentWidget() is not self.qr_view:
            self.countdown_label.stop()
        if self.stack.currentWidget() is not self.amount_view:
            self._stop_wait()

    def _wallet_name(self, method_type: str) -> str:
        try:
            return methods.get(method_type).name(current_language())
        except methods.UnknownMethodError:
            return method_type

    def _set_wallets(self, wallets: list[str], selected: str = "") -> None:
        clear_layout(self.wallet_row)
        if not wallets:
            return
        self.wallet_row.addStretch(1)
        for method_type in wallets:
            logo = QLabel(self.amount_view)
            side = 88 if method_type == selected else 64
            logo.setPixmap(wallet_pixmap(method_type, side))
            logo.setToolTip(self._wallet_name(method_type))
            logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.wallet_row.addWidget(logo)
        self.wallet_row.addStretch(1)
