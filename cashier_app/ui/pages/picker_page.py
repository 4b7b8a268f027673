"""The cashier picker (Payment Kit ``cashierPicker``, pure external mode): pick a wallet.

The page renders a :class:`~cashier_app.checkout.paykit.PickerSession` opened through the
Payment Kit facade and resolves it with ``session.confirm(type)`` or ``session.cancel()``;
it never creates payments itself.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QHideEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cashier_app.checkout.paykit import PickerSession
from cashier_app.domain.methods import PaymentMethod
from cashier_app.domain.payment_kit import PaymentKitError
from cashier_app.ui.resources import icon_pixmap
from cashier_app.ui.text import error_text
from cashier_app.ui.widgets.layouts import clear_layout
from cashier_app.ui.widgets.method_tile import MethodTile

#: The picker's first row for an in-store profile: not a wallet, the till's scanner.
SCAN_CODE = "SCAN_CODE"
_SCAN_METHOD = PaymentMethod(
    SCAN_CODE, "Scan the customer's code", "扫描顾客付款码", "multi", (), "#2F3B52", False, "⌗"
)

#: Enter, Return or Space this soon after the picker opened is not the customer's choice:
#: it is the operator's Charge Enter pressed twice in a hurry, or its key bouncing. 400 ms is
#: Qt's default double-click interval (two presses closer than that are one gesture) and
#: below the time anyone needs to read a freshly shown list and decide (well over half a
#: second), so a doubled Enter never confirms and a deliberate one is never lost.
ENTER_GUARD_S = 0.4
#: A key's release and next press this close (window-system milliseconds) are one
#: auto-repeat of a key held down: X11 repeats a held key as a release and a press of one
#: time stamp, and Qt marks the pair as a repeat only when both are already queued when it
#: reads the release (under Xvfb one repeat in a few came as a fresh press).
KEY_REPEAT_MS = 20
_ACTIVATION_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Select)
_KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)


class PickerPage(QWidget):
    """Lists the session's wallets (Alipay first, Alipay+ partners under their heading).

    Signals:
        method_confirmed(object session, object picker_result): Confirm with a wallet.
        picker_cancelled(object session, object error): closed with Back or Escape;
            ``error.code`` is 1001930000 (the sale goes back to the order page).
        selection_changed(str method_type): the highlighted wallet changed.
        scan_requested(object session): in-store, Confirm on "Scan the customer's code"
            (the session stays open: the payment is made from the scanned code).

    For an in-store profile (``set_in_store(True)``) the list starts with "Scan the
    customer's code" (``methodTile_SCAN_CODE``), then the wallets that show an order code.

    Enter, Return and Space within ``ENTER_GUARD_S`` of the page's opening are ignored,
    measured on ``clock`` (monotonic seconds, read when the key is processed: key events
    from tests carry no timestamp); so is a click on Back (it lies under Charge: a double
    click there); a tap on a wallet or on Confirm always counts. Their auto-repeats (the
    key held down from Charge) are ignored at any time.
    """

    method_confirmed = Signal(object, object)
    picker_cancelled = Signal(object, object)
    selection_changed = Signal(str)
    scan_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pickerPage")
        self.session: PickerSession | None = None
        self._tiles: list[MethodTile] = []
        self._selected = ""
        self.in_store = False
        self.clock: Callable[[], float] = time.monotonic
        self._opened_at = -math.inf
        self._released_at: dict[int, int] = {}  #: an activation key's last release time
        self._repeating = False  #: the activation key now pressed is a repeat

        self.merchant_label = QLabel(self)
        self.merchant_label.setProperty("role", "merchant")
        self.summary_label = QLabel(self)
        self.summary_label.setProperty("role", "muted")
        self.summary_label.setWordWrap(True)
        self.amount_caption = QLabel(self)
        self.amount_caption.setProperty("role", "caption")
        self.amount_label = QLabel(self)
        self.amount_label.setObjectName("pickerAmount")
        self.amount_label.setProperty("role", "amount")
        self.accept_label = QLabel(self)
        self.accept_label.setProperty("role", "small")
        self.accept_label.setWordWrap(True)
        self.choose_label = QLabel(self)
        self.choose_label.setProperty("role", "caption")

        self.method_list = QWidget(self)
        self.method_list.setObjectName("methodList")
        self._list_layout = QVBoxLayout(self.method_list)
        self._list_layout.setContentsMargins(0, 0, 6, 0)
        self._list_layout.setSpacing(6)
        scroll = QScrollArea(self)
        scroll.setObjectName("methodScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.method_list)
        self._scroll = scroll

        self.error_label = QLabel(self)
        self.error_label.setObjectName("pickerError")
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.confirm_button = QPushButton(self)
        self.confirm_button.setObjectName("confirmButton")
        self.confirm_button.setProperty("role", "primary")
        self.confirm_button.setMinimumHeight(56)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("pickerCancelButton")

        self._build_layout()
        self.retranslate()
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        for keys, slot in (
            (Qt.Key.Key_Down, lambda: self._move(1)),
            (Qt.Key.Key_Up, lambda: self._move(-1)),
            (Qt.Key.Key_Return, self._on_enter_activated),
            (Qt.Key.Key_Enter, self._on_enter_activated),
            (Qt.Key.Key_Escape, self.cancel),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            # a key held down from Charge repeats past the guard: only a press chooses
            # (what Qt does not see as a repeat is caught in eventFilter)
            shortcut.setAutoRepeat(keys in (Qt.Key.Key_Down, Qt.Key.Key_Up))
            shortcut.activated.connect(slot)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _build_layout(self) -> None:
        card = QFrame(self)
        card.setProperty("role", "card")
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(self.merchant_label)
        left.addWidget(self.summary_label)
        left.addSpacing(18)
        left.addWidget(self.amount_caption)
        left.addWidget(self.amount_label)
        left.addStretch(1)
        left.addWidget(self.accept_label)
        right = QVBoxLayout()
        right.setSpacing(10)
        right.addWidget(self.choose_label)
        right.addWidget(self._scroll, 1)
        right.addWidget(self.error_label)
        right.addWidget(self.confirm_button)
        right.addWidget(self.cancel_button)
        row = QHBoxLayout(card)
        row.setContentsMargins(28, 24, 28, 24)
        row.setSpacing(32)
        row.addLayout(left, 4)
        row.addLayout(right, 5)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        outer.addWidget(card)
        card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def retranslate(self) -> None:
        self.amount_caption.setText(self.tr("TOTAL TO PAY"))
        self.choose_label.setText(self.tr("CHOOSE A WALLET"))
        self.accept_label.setText(self.tr("Alipay and Alipay+ partner wallets accepted"))
        self.cancel_button.setText(self.tr("Back"))
        self.cancel_button.setToolTip(self.tr("Back to the amount (Esc)"))
        self.set_busy(False)

    # -- API ----------------------------------------------------------------------------
    def open_session(self, session: PickerSession) -> None:
        """Show an open PickerSession: its amount, summary and wallets; select the first."""
        self.session = session
        self.merchant_label.setText(session.merchant_name or self.tr("Merchant"))
        self.summary_label.setText(session.info.trade_summary)
        self.summary_label.setVisible(bool(session.info.trade_summary))
        self.amount_label.setText(session.money.display())
        self._populate(session.methods)
        self.show_error("")
        self.set_busy(False)
        self._opened_at = self.clock()
        first = SCAN_CODE if self.in_store else (session.methods[0].type if session.methods else "")
        self.select(first)
        self.setFocus()

    def set_in_store(self, in_store: bool) -> None:
        """Offer "Scan the customer's code" first (an In-store profile)."""
        self.in_store = in_store

    def selected_type(self) -> str:
        return self._selected

    def tile(self, method_type: str) -> MethodTile | None:
        return next((t for t in self._tiles if t.method.type == method_type), None)

    def select(self, method_type: str) -> None:
        self._selected = method_type
        for tile in self._tiles:
            tile.set_selected(tile.method.type == method_type)
            if tile.method.type == method_type:
                self._scroll.ensureWidgetVisible(tile)
        self.selection_changed.emit(method_type)

    def set_busy(self, busy: bool) -> None:
        self.confirm_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.confirm_button.setText(self.tr("Creating payment…") if busy else self.tr("Confirm"))

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    @Slot()
    def confirm(self) -> None:
        """Resolve the picker with the selected wallet (``session.confirm``)."""
        if self.session is None or not self.confirm_button.isEnabled() or not self._selected:
            return
        if self._selected == SCAN_CODE:
            self.scan_requested.emit(self.session)
            return
        try:
            result = self.session.confirm(self._selected)
        except PaymentKitError as exc:
            self.show_error(error_text(exc))
            return
        self.set_busy(True)
        self.method_confirmed.emit(self.session, result)

    @Slot()
    def cancel(self) -> None:
        """Close the sheet: the user-cancelled outcome (1001930000)."""
        if self.session is None or not self.cancel_button.isEnabled():
            return
        session, self.session = self.session, None
        self.picker_cancelled.emit(session, session.cancel())

    # -- helpers ------------------------------------------------------------------------
    def _in_enter_guard(self) -> bool:
        """Too soon after opening for a key to be the customer's choice."""
        return self.clock() - self._opened_at < ENTER_GUARD_S

    @Slot()
    def _on_enter_activated(self) -> None:
        if not self._in_enter_guard() and not self._repeating:
            self.confirm()

    @Slot()
    def _on_cancel_button_clicked(self) -> None:
        # Back sits where Charge was (1366x768): a double click on Charge is not a Back
        if not self._in_enter_guard():
            self.cancel()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # every activation key the window gets while the picker shows (eventFilter): its
        # releases too, which the focused widget may take, and Space or Enter on a focused
        # Confirm, eaten before the button within the guard
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def hideEvent(self, event: QHideEvent) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        super().hideEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _KEY_EVENTS and isinstance(event, QKeyEvent) and event.key() in _ACTIVATION_KEYS:
            self._note_key(event)  # (seen at each widget it goes to: the same answer)
            if (
                watched is self.confirm_button
                and kind != QEvent.Type.ShortcutOverride
                and (self._repeating or self._in_enter_guard())
            ):
                return True  # Space or Enter on a focused Confirm: only a fresh press
        return super().eventFilter(watched, event)

    def _note_key(self, event: QKeyEvent) -> None:
        """Whether the activation key now pressed is a repeat of one held down (or its
        release, when it is one); an event without a time stamp (a synthetic one) is taken
        as it says."""
        at = event.timestamp()
        if event.type() == QEvent.Type.KeyRelease:
            if not event.isAutoRepeat() and at:
                self._released_at[event.key()] = at
            return
        released = self._released_at.get(event.key())
        self._repeating = event.isAutoRepeat() or bool(
            at and released is not None and 0 <= at - released <= KEY_REPEAT_MS
        )

    def _populate(self, methods: list[PaymentMethod]) -> None:
        clear_layout(self._list_layout)
        self._tiles = []
        if self.in_store:
            tile = MethodTile(_SCAN_METHOD, self.method_list)
            tile.detail_label.setText(self.tr("Scan the barcode or QR in the customer's wallet"))
            tile.clicked.connect(self._on_tile_clicked)
            self._tiles.append(tile)
            self._list_layout.addWidget(tile)
        own = [m for m in methods if not m.alipay_plus]
        partners = [m for m in methods if m.alipay_plus]
        for method in own:
            self._add_tile(method)
        if partners:
            self._list_layout.addWidget(self._group_heading())
            for method in partners:
                self._add_tile(method)
        self._list_layout.addStretch(1)

    def _add_tile(self, method: PaymentMethod) -> None:
        tile = MethodTile(method, self.method_list)
        tile.clicked.connect(self._on_tile_clicked)
        self._tiles.append(tile)
        self._list_layout.addWidget(tile)

    def _group_heading(self) -> QWidget:
        """The Alipay+ sub-section heading: our "+" mark and the Alipay+ name."""
        heading = QWidget(self.method_list)
        heading.setObjectName("alipayPlusHeading")
        row = QHBoxLayout(heading)
        row.setContentsMargins(2, 2, 0, 0)
        row.setSpacing(8)
        mark = QLabel(heading)
        mark.setPixmap(icon_pixmap("alipay_plus", 22))
        text = QLabel(self.tr("Alipay+ partner wallets"), heading)
        text.setProperty("role", "groupHeading")
        row.addWidget(mark)
        row.addWidget(text, 1)
        return heading

    @Slot(str)
    def _on_tile_clicked(self, method_type: str) -> None:
        if self.confirm_button.isEnabled():
            self.select(method_type)

    def _move(self, step: int) -> None:
        if not self._tiles or not self.confirm_button.isEnabled():
            return
        types = [t.method.type for t in self._tiles]
        index = types.index(self._selected) if self._selected in types else -1
        self.select(types[max(0, min(len(types) - 1, index + step))])
