"""Setup → Operators: add operators, set a PIN, change a role, unlock, remove.

Opened after a manager's PIN (``checkout.operators.TillSession.accounts``; none is asked
while no operator exists, and the first one must be a manager). Every change runs on a
worker (scrypt, SQLite); a refused one (a short or easy PIN, the last manager, two PINs
that differ) is said under the form and nothing is changed. PIN fields are cleared after
each change and show only dots.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QRegularExpression, Qt, Signal, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cashier_app.ui.tasks import TaskRunner
from cashier_app.ui.text import error_text, fill


class OperatorsDialog(QDialog):
    """Signals: accounts_changed(): an operator was added, changed or removed."""

    accounts_changed = Signal()
    TASK = "operators:change"

    def __init__(self, accounts: Any, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts = accounts
        self.tasks = tasks
        self.setObjectName("operatorsDialog")
        self.setWindowTitle(self.tr("Operators"))
        layout = QVBoxLayout(self)
        self.hint = QLabel(self)
        self.hint.setObjectName("operatorsHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.list = QListWidget(self)
        self.list.setObjectName("operatorsList")
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        layout.addWidget(self.list, 1)
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("operatorsName")
        self.name_edit.setMaxLength(32)
        self.role_combo = QComboBox(self)
        self.role_combo.setObjectName("operatorsRole")
        self.role_combo.addItem(self.tr("cashier"), "cashier")
        self.role_combo.addItem(self.tr("manager"), "manager")
        digits = QRegularExpression("[0-9]{0,12}")
        self.pin_edit, self.pin_again = QLineEdit(self), QLineEdit(self)
        for edit, name in ((self.pin_edit, "operatorsPin"), (self.pin_again, "operatorsPinAgain")):
            edit.setObjectName(name)
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(12)
            edit.setValidator(QRegularExpressionValidator(digits, edit))
            edit.setPlaceholderText(self.tr("4-12 digits"))
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Role"), self.role_combo)
        form.addRow(self.tr("New PIN"), self.pin_edit)
        form.addRow(self.tr("PIN again"), self.pin_again)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setObjectName("operatorsMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for i, (key, text) in enumerate(
            (
                ("add", self.tr("Add")),
                ("set_pin", self.tr("Set PIN")),
                ("set_role", self.tr("Change role")),
                ("unlock", self.tr("Unlock")),
                ("remove", self.tr("Remove")),
                ("close", self.tr("Close")),
            )
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"operators_{key}")
            button.setAutoDefault(False)
            grid.addWidget(button, i // 3, i % 3)
            self.buttons[key] = button
        self.buttons["add"].clicked.connect(lambda: self._change("add"))
        self.buttons["set_pin"].clicked.connect(lambda: self._change("set_pin"))
        self.buttons["set_role"].clicked.connect(lambda: self._change("set_role"))
        self.buttons["unlock"].clicked.connect(lambda: self._change("unlock"))
        self.buttons["remove"].clicked.connect(lambda: self._change("remove"))
        self.buttons["close"].clicked.connect(self.accept)
        layout.addLayout(grid)
        self.name_edit.setFocus()
        self.reload()

    # -- the list ------------------------------------------------------------------------
    def reload(self) -> None:
        self.tasks.run(self.TASK, self.accounts.list, on_done=self._on_listed, owner=self)

    def _on_listed(self, operators: list[Any]) -> None:
        self.list.clear()
        now = datetime.now(UTC)
        for op in operators:
            role = self.tr("manager") if op.is_manager else self.tr("cashier")
            text = f"{op.name} · {role}"
            if op.locked_at(now):
                text += "  " + fill(
                    self.tr("locked until %1"), op.locked_until.astimezone().strftime("%H:%M")
                )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (op.name, op.role))
            self.list.addItem(item)
        self.hint.setText(
            self.tr(
                "No operators yet: add the first one, a manager. From then on everyone "
                "signs in, and refunds need a manager's PIN."
            )
            if not operators
            else self.tr("Select an operator to change or remove; type a new name to add one.")
        )
        if not operators:  # the first account must be a manager: offer that role
            self.role_combo.setCurrentIndex(self.role_combo.findData("manager"))
        self._busy(False)

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_list_current_item_changed(self, item: QListWidgetItem | None, _old: Any) -> None:
        if item is None:
            return
        name, role = item.data(Qt.ItemDataRole.UserRole)
        self.name_edit.setText(name)
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(role)))

    # -- changes -------------------------------------------------------------------------
    def _change(self, what: str) -> None:
        name, role = self.name_edit.text().strip(), str(self.role_combo.currentData())
        pin, again = self.pin_edit.text(), self.pin_again.text()
        if what in ("add", "set_pin") and pin != again:
            self.pin_edit.clear()
            self.pin_again.clear()
            self.pin_edit.setFocus()
            self._say(self.tr("The two PINs differ; nothing was changed."), error=True)
            return
        args: tuple[Any, ...] = {
            "add": (name, role, pin),
            "set_pin": (name, pin),
            "set_role": (name, role),
            "unlock": (name,),
            "remove": (name,),
        }[what]
        self.pin_edit.clear()
        self.pin_again.clear()
        self._busy(True)
        self.tasks.run(
            self.TASK,
            getattr(self.accounts, what),
            *args,
            on_done=lambda _r: self._on_changed(what, name),
            on_error=self._on_refused,
            owner=self,
        )

    def _on_changed(self, what: str, name: str) -> None:
        done = {
            "add": self.tr("%1 added."),
            "set_pin": self.tr("PIN of %1 changed."),
            "set_role": self.tr("Role of %1 changed."),
            "unlock": self.tr("%1 unlocked."),
            "remove": self.tr("%1 removed."),
        }[what]
        self._say(fill(done, name))
        self.accounts_changed.emit()
        self.reload()

    def _on_refused(self, exc: BaseException) -> None:
        self._busy(False)
        text = error_text(exc)
        self._say(text[:1].upper() + text[1:], error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #C62828" if error else "color: #1B873F")
        self.message.setText(text)

    def _busy(self, busy: bool) -> None:
        for key, button in self.buttons.items():
            button.setEnabled(not busy or key == "close")
