"""A paste area for one key, with its diagnosis shown inline before anything is saved.

The pasted text is secret when it is a private key: undo history is off, ``take_text()``
hands it over and clears the field (and the passphrase) in the same call, and the text is
never logged or copied anywhere else by this widget.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

DIAGNOSE_DELAY_MS = 250


class KeyPasteBox(QGroupBox):
    """Title, a paste field, (optionally) a passphrase, the diagnosis and two buttons.

    Signals:
        diagnose_requested(): the pasted text changed and has settled; check it.
        import_requested(): "Import pasted key" pressed (call ``take_text()``).
        file_requested(): "Import from file…" pressed.
    """

    diagnose_requested = Signal()
    import_requested = Signal()
    file_requested = Signal()

    def __init__(
        self,
        name: str,
        title: str,
        placeholder: str,
        *,
        passphrase: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.setObjectName(f"{name}Box")
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName(f"{name}Paste")
        self.edit.setPlaceholderText(placeholder)
        self.edit.setUndoRedoEnabled(False)
        self.edit.setTabChangesFocus(True)
        self.edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.edit.setFixedHeight(78)
        self.passphrase: QLineEdit | None = None
        if passphrase:
            self.passphrase = QLineEdit(self)
            self.passphrase.setObjectName(f"{name}Passphrase")
            self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
            self.passphrase.setPlaceholderText(
                self.tr("Passphrase (only for an encrypted PEM key)")
            )
            self.passphrase.textEdited.connect(self._schedule)
        self.diagnosis = QLabel(self)
        self.diagnosis.setObjectName(f"{name}Diagnosis")
        self.diagnosis.setWordWrap(True)
        self.diagnosis.hide()
        self.import_button = QPushButton(self.tr("Import pasted key"), self)
        self.import_button.setObjectName(f"{name}ImportButton")
        self.import_button.setProperty("role", "primary")
        self.import_button.setEnabled(False)
        self.file_button = QPushButton(self.tr("Import from file…"), self)
        self.file_button.setObjectName(f"{name}FileButton")

        buttons = QHBoxLayout()
        if self.passphrase is not None:
            buttons.addWidget(self.passphrase, 1)
        else:
            buttons.addStretch(1)
        buttons.addWidget(self.file_button)
        buttons.addWidget(self.import_button)
        box = QVBoxLayout(self)
        box.setSpacing(6)
        box.addWidget(self.edit)
        box.addWidget(self.diagnosis)
        box.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DIAGNOSE_DELAY_MS)
        self._timer.timeout.connect(self.diagnose_requested)
        self.edit.textChanged.connect(self._schedule)
        self.import_button.clicked.connect(self.import_requested)
        self.file_button.clicked.connect(self.file_requested)

    @Slot()
    def _schedule(self) -> None:
        has_text = bool(self.edit.toPlainText().strip())
        self.import_button.setEnabled(has_text)
        if has_text:
            self._timer.start()
        else:
            self._timer.stop()
            self.show_diagnosis(None)

    def has_text(self) -> bool:
        return bool(self.edit.toPlainText().strip())

    def peek(self) -> tuple[str, bytes | None]:
        """The text and passphrase for a diagnosis (the fields keep them)."""
        phrase = self.passphrase.text().encode("utf-8") if self.passphrase else b""
        return self.edit.toPlainText(), phrase or None

    def take_text(self) -> tuple[str, bytes | None]:
        """The text and passphrase, clearing both fields at once."""
        text, phrase = self.peek()
        self.clear()
        return text, phrase

    def clear(self) -> None:
        """Forget the pasted text and passphrase (and any diagnosis of them)."""
        self._timer.stop()
        self.edit.clear()
        self.edit.document().clearUndoRedoStacks()
        if self.passphrase is not None:
            self.passphrase.clear()
        self.import_button.setEnabled(False)
        self.show_diagnosis(None)

    def show_diagnosis(self, text: str | None, *, ok: bool = False, code: str = "") -> None:
        self.diagnosis.setProperty("code", code)
        if not text:
            self.diagnosis.clear()
            self.diagnosis.hide()
            return
        self.diagnosis.setProperty("role", "" if ok else "error")
        self.diagnosis.setText(text)
        self.diagnosis.style().unpolish(self.diagnosis)
        self.diagnosis.style().polish(self.diagnosis)
        self.diagnosis.show()
