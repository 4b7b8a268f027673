"""One wallet in the cashier picker: our logo tile, the wallet's name, a radio button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QRadioButton, QVBoxLayout, QWidget

from cashier_app.domain.methods import PaymentMethod
from cashier_app.ui.i18n import current_language
from cashier_app.ui.resources import wallet_pixmap


class MethodTile(QFrame):
    """A clickable row for one wallet; objectName ``methodTile_<PAYMENT_METHOD_TYPE>``.

    Signals:
        clicked(str method_type): the row (or its radio button) was clicked.
    """

    clicked = Signal(str)

    def __init__(
        self, method: PaymentMethod, parent: QWidget | None = None, *, logo_side: int = 40
    ) -> None:
        super().__init__(parent)
        self.method = method
        self.setObjectName(f"methodTile_{method.type}")
        self.setProperty("role", "methodTile")
        self.setProperty("selected", False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        lang = current_language()

        self.logo = QLabel(self)
        self.logo.setPixmap(wallet_pixmap(method.type, logo_side))
        self.logo.setFixedSize(logo_side, logo_side)
        self.name_label = QLabel(method.name(lang), self)
        self.name_label.setObjectName("methodName")
        self.detail_label = QLabel(self._detail(), self)
        self.detail_label.setProperty("role", "small")
        self.radio = QRadioButton(self)
        self.radio.setObjectName(f"methodRadio_{method.type}")
        self.radio.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.radio.setAccessibleName(method.name(lang))
        self.radio.clicked.connect(lambda: self.clicked.emit(self.method.type))

        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(self.name_label)
        text.addWidget(self.detail_label)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 5, 14, 5)
        row.setSpacing(14)
        row.addWidget(self.logo)
        row.addLayout(text, 1)
        row.addWidget(self.radio)

    def _detail(self) -> str:
        if self.method.type == "CONNECT_WALLET":
            return self.tr("Any Alipay+ partner wallet")
        if self.method.alipay_plus:
            return self.tr("Alipay+ partner")
        return self.tr("Alipay app")

    def set_selected(self, selected: bool) -> None:
        self.radio.setChecked(selected)
        if self.property("selected") != selected:
            self.setProperty("selected", selected)
            self.style().unpolish(self)
            self.style().polish(self)

    def is_selected(self) -> bool:
        return self.radio.isChecked()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit(self.method.type)
        super().mouseReleaseEvent(event)
