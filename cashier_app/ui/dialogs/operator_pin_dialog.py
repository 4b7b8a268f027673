"""Who is at the till: the sign-in dialog, and the same form asking a manager to approve.

Keyboard first: type the name, Enter (or Tab), the PIN, Enter. The PIN is checked on a
worker (scrypt and SQLite never run on the GUI thread); a wrong PIN, a lock-out or a
cashier where a manager is needed is said under the form, the PIN field is cleared and
the name kept. The PIN lives only in the field and, for an approval, in the
:class:`~cashier_app.domain.operators.PinEntry` handed to the act (checked again there).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRegularExpression, Qt, Signal, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cashier_app.domain.operators import PinEntry
from cashier_app.ui.tasks import TaskRunner
from cashier_app.ui.text import error_text

SIGN_IN, APPROVE = "sign_in", "approve"


class OperatorPinDialog(QDialog):
    """Signs an operator in on ``session`` (``mode=SIGN_IN``), or checks a manager's PIN
    for one act (``mode=APPROVE``: read :attr:`entry` after ``accepted``).

    Signals:
        operator_checked(object operator): the PIN was right; the dialog then accepts.
        quit_requested(): Quit on the sign-in form (nobody signs in: the till closes).
    """

    operator_checked = Signal(object)
    quit_requested = Signal()

    def __init__(
        self,
        session: Any,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        mode: str = SIGN_IN,
        act_text: str = "",
        name: str = "",
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.mode = mode
        self.operator: Any = None
        self.entry: PinEntry | None = None
        signing_in = mode == SIGN_IN
        self.setObjectName("signInDialog" if signing_in else "approvalDialog")
        self.setWindowTitle(self.tr("Sign in") if signing_in else self.tr("Manager approval"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        # The form grows with its message (a lock-out says until when) instead of
        # squeezing the fields.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        head = QLabel(
            self.tr("Who is at the till? Sign in with your name and PIN.")
            if signing_in
            else act_text or self.tr("A manager's PIN is needed.")
        )
        head.setObjectName("operatorPinHeading")
        head.setWordWrap(True)
        head.setMinimumWidth(400)  # the form's width: a short heading needs no wrap
        layout.addWidget(head)
        form = QFormLayout()
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setObjectName("operatorNameEdit")
        self.name_edit.setMaxLength(32)
        self.name_edit.setPlaceholderText(
            self.tr("Your name") if signing_in else self.tr("Manager's name")
        )
        self.pin_edit = QLineEdit(self)
        self.pin_edit.setObjectName("operatorPinEdit")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(12)
        self.pin_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression("[0-9]{0,12}"), self.pin_edit)
        )
        self.pin_edit.setPlaceholderText(self.tr("4-12 digits"))
        self.pin_edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        form.addRow(self.tr("Operator"), self.name_edit)
        form.addRow(self.tr("PIN"), self.pin_edit)
        layout.addLayout(form)
        # store mode with the server down: say where the PIN is checked
        self.store_note = QLabel(self)
        self.store_note.setObjectName("operatorPinStoreOffline")
        self.store_note.setProperty("role", "warn")
        self.store_note.setWordWrap(True)
        layout.addWidget(self.store_note)
        self._show_store_state()
        self.message = QLabel(self)
        self.message.setObjectName("operatorPinMessage")
        self.message.setProperty("role", "error")
        self.message.setStyleSheet("color: #C62828")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(self)
        self.ok_button = QPushButton(self.tr("Sign in") if signing_in else self.tr("Approve"))
        self.ok_button.setObjectName("operatorPinOk")
        # Enter is handled by the fields (name: to the PIN; PIN: check it). No button is a
        # default: while the OK button is disabled QDialog would press Quit on Enter.
        self.ok_button.setAutoDefault(False)
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.other_button = QPushButton(self.tr("Quit") if signing_in else self.tr("Cancel"))
        self.other_button.setObjectName("operatorPinQuit" if signing_in else "operatorPinCancel")
        self.other_button.setAutoDefault(False)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self._on_ok_button_clicked)
        self.other_button.clicked.connect(self._on_other_button_clicked)
        layout.addWidget(buttons)
        self.name_edit.returnPressed.connect(self.pin_edit.setFocus)
        self.pin_edit.returnPressed.connect(self._on_ok_button_clicked)
        (self.pin_edit if name else self.name_edit).setFocus()
        self._load_names()

    def _load_names(self) -> None:
        store = getattr(self.session, "store", None)
        if store is None:
            return
        self.tasks.run(
            "operators:names",
            lambda: [o.name for o in store.list()],
            on_done=self._on_names_loaded,
            owner=self,
        )

    def _on_names_loaded(self, names: list[str]) -> None:
        completer = QCompleter(names, self.name_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        self.name_edit.setCompleter(completer)

    @Slot()
    def _on_ok_button_clicked(self) -> None:
        name, pin = self.name_edit.text().strip(), self.pin_edit.text()
        if not name:
            self._show_problem(self.tr("Type the operator's name."))
            self.name_edit.setFocus()
            return
        if not pin:
            self._show_problem(self.tr("Type the PIN."))
            self.pin_edit.setFocus()
            return
        entry = PinEntry(name, pin)
        check = self.session.sign_in if self.mode == SIGN_IN else self.session.check_manager
        self._busy(True)
        self.tasks.run(
            "operators:pin",
            check,
            entry,
            on_done=lambda op: self._on_checked(op, entry),
            on_error=self._on_refused,
            owner=self,
        )

    def _show_store_state(self) -> None:
        from cashier_app.ui.operator_gate import store_offline_text

        offline = bool(getattr(self.session, "store_offline", False))
        self.store_note.setText(store_offline_text() if offline else "")
        self.store_note.setVisible(offline)

    def _on_checked(self, operator: Any, entry: PinEntry) -> None:
        self.pin_edit.clear()
        self.operator = operator
        self.entry = entry if self.mode == APPROVE else None
        self._busy(False)
        self.operator_checked.emit(operator)
        self.accept()

    def _on_refused(self, exc: BaseException) -> None:
        self._busy(False)
        self._show_store_state()
        self.pin_edit.clear()
        self._show_problem(error_text(exc))
        self.pin_edit.setFocus()

    def _show_problem(self, text: str) -> None:
        self.message.setText(text[:1].upper() + text[1:])  # a sentence of its own here
        self.message.show()
        self.adjustSize()

    def _busy(self, busy: bool) -> None:
        for widget in (self.ok_button, self.name_edit, self.pin_edit):
            widget.setEnabled(not busy)

    @Slot()
    def _on_other_button_clicked(self) -> None:
        if self.mode == SIGN_IN:
            self.quit_requested.emit()
        super().reject()

    def reject(self) -> None:
        """Escape: an approval is cancelled; the sign-in form stays (Quit closes the till)."""
        if self.mode == APPROVE:
            super().reject()
