"""The crash dialog: one or more crash reports (no secrets: ``crash.build_report`` redacts
them), Copy, Continue, Quit. Built at the first crash (``crash.CrashHandler``)."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

#: Reports kept in one open dialog; a loop of the same error (a paint event, say) is
#: counted, not shown again.
MAX_REPORTS = 5


class CrashDialog(QDialog):
    """Shows one or more crash reports; Copy puts them on the clipboard.

    Signals:
        quit_requested(): the operator chose Quit.
    """

    quit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Unexpected error"))
        from PySide6.QtCore import Qt

        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.reports: list[str] = []
        self.repeats = 0
        box = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The cashier hit an unexpected error. Payments already taken are safe in the "
                "journal; an unfinished one is checked again at the next start. The report "
                "below holds no keys or passphrases: copy it for support. It is also in the "
                "log."
            ),
            self,
        )
        intro.setWordWrap(True)
        box.addWidget(intro)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("crashReport")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        box.addWidget(self.text, 1)
        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self.tr("Copy report"), self)
        self.copy_button.setObjectName("crashCopyButton")
        self.continue_button = QPushButton(self.tr("Continue"), self)
        self.continue_button.setObjectName("crashContinueButton")
        self.quit_button = QPushButton(self.tr("Quit"), self)
        self.quit_button.setObjectName("crashQuitButton")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addWidget(buttons)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.continue_button.clicked.connect(self.accept)
        self.quit_button.clicked.connect(self._on_quit_button_clicked)
        self.resize(760, 480)

    def add_report(self, report: str) -> bool:
        """Show ``report``; False when it repeats one already shown (only counted)."""
        if report.split("\n", 1)[-1] in (r.split("\n", 1)[-1] for r in self.reports) or (
            len(self.reports) >= MAX_REPORTS
        ):
            self.repeats += 1
            return False
        self.reports.append(report)
        self.text.setPlainText("\n\n".join(self.reports))
        return True

    def report_text(self) -> str:
        return self.text.toPlainText()

    @Slot()
    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.report_text())
        self.copy_button.setText(self.tr("Copied"))

    @Slot()
    def _on_quit_button_clicked(self) -> None:
        self.accept()
        self.quit_requested.emit()
