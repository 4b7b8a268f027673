"""What the window shows while the services start on a worker (or why they did not)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cashier_app.ui.resources import icon_pixmap


def _centred(widget: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(widget)
    row.addStretch(1)
    return row


class StartingPage(QWidget):
    """ "Starting…" with a busy bar; on failure the reason and a Retry button. Built before
    the first paint, so it touches none of ``Qt``'s enums (PySide building the ``Qt``
    namespace took about a sixth of a bare window's start-up): its own stylesheet centres its
    labels (``qproperty-alignment``), stretches centre its bar and button.

    Signals:
        retry_requested(): the operator wants another start attempt.
        restore_requested(): the operator wants the damaged profiles file replaced by
            its backup (offered only when a good one exists).
    """

    retry_requested = Signal()
    restore_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startingPage")
        self.setStyleSheet("QLabel { qproperty-alignment: AlignCenter; }")  # see the docstring
        self.logo = QLabel(self)
        self.logo.setPixmap(icon_pixmap("app", 88))
        self.logo.setObjectName("startingLogo")
        self.title = QLabel(self)
        self.title.setObjectName("startingTitle")
        self.detail = QLabel(self)
        self.detail.setObjectName("startingDetail")
        self.detail.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(320)
        self.retry_button = QPushButton(self)
        self.retry_button.setObjectName("retryStartButton")
        self.retry_button.setProperty("role", "primary")
        self.retry_button.setFixedWidth(320)
        self.retry_button.clicked.connect(self.retry_requested)
        self.restore_button = QPushButton(self)
        self.restore_button.setObjectName("restoreBackupButton")
        self.restore_button.setFixedWidth(320)
        self.restore_button.setAutoDefault(True)
        self.restore_button.clicked.connect(self.restore_requested)
        self.restore_button.hide()

        box = QVBoxLayout(self)
        box.setContentsMargins(48, 48, 48, 48)
        box.setSpacing(14)
        box.addStretch(2)
        box.addWidget(self.logo)
        box.addWidget(self.title)
        box.addWidget(self.detail)
        box.addSpacing(8)
        for widget in (self.progress, self.retry_button, self.restore_button):
            box.addLayout(_centred(widget))
        box.addStretch(3)
        self.show_starting()

    def show_starting(self) -> None:
        self.title.setText(self.tr("Starting the cashier…"))
        self.detail.setText(
            self.tr("Opening the journal, loading the merchant keys and connecting to the gateway.")
        )
        self.detail.setProperty("role", "")
        self.progress.show()
        self.retry_button.hide()
        self.restore_button.hide()

    def show_failure(self, message: str, *, can_restore: bool = False) -> None:
        """Why the start failed; ``can_restore``: the profiles file is damaged and its
        backup is good, so Restore backup is offered (and focused) beside Try again."""
        self.title.setText(self.tr("The cashier could not start"))
        self.detail.setText(message)
        self.progress.hide()
        self.retry_button.setText(self.tr("Try again"))
        self.retry_button.show()
        self.restore_button.setText(self.tr("Restore backup"))
        self.restore_button.setVisible(can_restore)
        self.restore_button.setEnabled(True)
        (self.restore_button if can_restore else self.retry_button).setFocus()
