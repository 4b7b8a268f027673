"""The till's operator at the window: the sign-in form, the status-bar name, Sign out,
and a manager's approval before a refund, the cancel of a paid payment or a change of
profiles and keys.

The rules themselves are kept below the UI (``checkout/operators.py``): what is here asks
for the PIN in time and says who is at the till. With no operators set up nothing is asked
and the status bar says that anyone at the till may refund.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QWidget

from cashier_app.ui.qt_imports import action as qt_action
from cashier_app.ui.tasks import TaskRunner
from cashier_app.ui.text import error_text, fill
from cashier_app.ui.widgets.status_text import StatusText

if TYPE_CHECKING:  # after the first paint: the form (its Qt enums), PinEntry (a dataclass)
    from cashier_app.domain.operators import PinEntry
    from cashier_app.ui.dialogs.operator_pin_dialog import OperatorPinDialog


class OperatorGate(QObject):
    """Signals:
    signed_in(object operator): someone signed in (the order page takes sales again).
    signed_out(): the operator signed out; the sign-in form is shown.
    """

    signed_in = Signal(object)
    signed_out = Signal()

    def __init__(self, window: QMainWindow, tasks: TaskRunner) -> None:
        super().__init__(window)
        self.window = window
        self.tasks = tasks
        self.session: Any = None
        self.dialog: OperatorPinDialog | None = None  #: the form open now, if any
        self.label = StatusText(window.statusBar())  # made where it is shown
        self.label.setObjectName("operatorLabel")
        self.sign_out_action = qt_action(self.tr("Sign out"), window)
        self.sign_out_action.setObjectName("signOutAction")
        self.sign_out_action.setEnabled(False)
        self.sign_out_action.triggered.connect(self._on_sign_out_action_triggered)
        self._last: Any = None  #: the operator signed in, kept across a change of profile
        self.accounts_action = qt_action(self.tr("Operators…"), window)
        self.accounts_action.setObjectName("operatorsAction")
        self.accounts_action.triggered.connect(self.open_accounts)
        self.accounts_dialog: Any = None  #: Setup → Operators, while open

    def set_shortcuts(self) -> None:
        """Ctrl+L signs out (set after the first paint, with the window's own: see
        MainWindow.set_shortcuts)."""
        from PySide6.QtGui import QKeySequence

        self.sign_out_action.setShortcuts([QKeySequence("Ctrl+L")])

    # -- the services' session ---------------------------------------------------------------
    def attach(self, services: Any) -> None:
        """Follow ``services.session``; ask who is at the till when operators are set up."""
        self.session = getattr(services, "session", None)
        if self.session is None:
            self._show()
            return
        self.session.carry_over(self._last)
        self.tasks.run(
            "operators:required",
            self.session.required,
            on_done=lambda _enforced: self._on_required_read(),
            on_error=lambda _exc: self._show(),
        )

    def recheck(self) -> None:
        """Operators may have been set up meanwhile (``cashier operator add`` while the
        window runs): look again, on a worker; the sign-in form follows when they were."""
        if self.session is not None and self.enforced:
            self._show()
        if self.session is None or self.enforced or self.tasks.is_running("operators:required"):
            return
        self.tasks.run(
            "operators:required",
            self.session.required,
            on_done=lambda enforced: self._on_required_read() if enforced else None,
        )

    @Slot(bool)
    def on_store_contact_changed(self, _online: bool) -> None:
        """The store link says the store server went away or is back: say so now."""
        if self.session is not None:
            self._show()

    @property
    def enforced(self) -> bool:
        return self.session is not None and bool(self.session.enforced)

    def _on_required_read(self) -> None:
        self._show()
        if self.enforced and self.session.current is None:
            self.show_sign_in()

    def _show(self) -> None:
        current = self.session.current if self.session is not None else None
        self._last = current
        # the full form first, then shorter ones for a narrow status bar (StatusText)
        if not self.enforced:
            forms = [
                self.tr("No operators set up: anyone can refund"),
                self.tr("No operators: anyone can refund"),
                self.tr("Anyone can refund"),
            ]
            detail = self.tr(
                "Add a manager to require a sign-in: cashier operator add NAME --role manager"
            )
        elif current is None:
            forms, detail = [self.tr("Nobody signed in")], ""
        else:
            role = self.tr("manager") if current.is_manager else self.tr("cashier")
            forms = [
                fill(self.tr("Operator: %1 (%2)"), current.name, role),
                fill(self.tr("%1 (%2)"), current.name, role),
                current.name,
            ]
            detail = self.tr("Sign out: Ctrl+L")
        offline = self.enforced and self.session.store_offline
        if offline:  # store mode, server down: signed in from this till's copy
            forms = [fill(self.tr("%1 · store offline"), form) for form in forms]
            forms.append(self.tr("Store offline"))
            detail = store_offline_text()
        self.label.set_forms(*forms, detail=detail)
        self.label.setProperty("state", "warn" if not self.enforced or offline else "")
        self.label.style().unpolish(self.label)  # the state's colour (style.qss)
        self.label.style().polish(self.label)
        self.sign_out_action.setEnabled(self.enforced and current is not None)

    # -- sign in and out --------------------------------------------------------------------
    def show_sign_in(self) -> OperatorPinDialog:
        from cashier_app.ui.dialogs.operator_pin_dialog import SIGN_IN, OperatorPinDialog

        if self.dialog is not None and self.dialog.mode == SIGN_IN:
            self.dialog.raise_()
            return self.dialog
        dialog = OperatorPinDialog(self.session, self.tasks, self.window, mode=SIGN_IN)
        from PySide6.QtCore import Qt  # here: no Qt enums before the first paint

        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.operator_checked.connect(self._on_dialog_operator_checked)
        dialog.quit_requested.connect(self.window.close)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    @Slot(object)
    def _on_dialog_operator_checked(self, operator: Any) -> None:
        self._show()
        self.signed_in.emit(operator)

    @Slot()
    def _on_sign_out_action_triggered(self) -> None:
        flow = getattr(self.window, "flow", None)
        if flow is not None and flow.in_progress():
            self.window.statusBar().showMessage(
                self.tr("Finish the current sale first, then sign out."), 8000
            )
            return
        if self.session is None:
            return
        self.session.sign_out()
        self._show()
        self.signed_out.emit()
        self.show_sign_in()

    # -- Setup → Operators -------------------------------------------------------------------
    @Slot()
    def open_accounts(self) -> None:
        """The operators dialog, after a manager's PIN (none while no operator exists)."""
        if self.session is None or self.session.store is None:
            return
        self.approve(self.tr("A manager's PIN is needed to change operators."), self._accounts)

    def _accounts(self, entry: PinEntry | None) -> None:
        self.tasks.run(
            "operators:accounts",
            self.session.accounts,
            entry,
            on_done=self._on_accounts_opened,
            on_error=lambda exc: self.window.statusBar().showMessage(error_text(exc), 8000),
        )

    def _on_accounts_opened(self, accounts: Any) -> None:
        from cashier_app.ui.dialogs.operators_dialog import OperatorsDialog

        dialog = OperatorsDialog(accounts, self.tasks, self.window)
        from PySide6.QtCore import Qt  # here: no Qt enums before the first paint

        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accounts_changed.connect(self._on_accounts_changed)
        dialog.finished.connect(lambda _r: setattr(self, "accounts_dialog", None))
        self.accounts_dialog = dialog
        dialog.open()

    @Slot()
    def _on_accounts_changed(self) -> None:
        self._show()  # Accounts refreshed the session's flag on its worker
        if self.enforced and self.session.current is None and self.accounts_dialog is None:
            self.show_sign_in()

    # -- approvals --------------------------------------------------------------------------
    def approve(
        self,
        act_text: str,
        proceed: Callable[[PinEntry | None], None],
        parent: QWidget | None = None,
        on_cancel: Callable[[], None] | None = None,
    ) -> OperatorPinDialog | None:
        """Call ``proceed(entry)`` with a manager's checked PIN; at once with None when no
        operators are set up. ``on_cancel`` when the manager's form is cancelled."""
        if not self.enforced:
            proceed(None)
            return None
        current = self.session.current
        from cashier_app.ui.dialogs.operator_pin_dialog import APPROVE, OperatorPinDialog

        dialog = OperatorPinDialog(
            self.session,
            self.tasks,
            parent or self.window,
            mode=APPROVE,
            act_text=act_text,
            name=current.name if current is not None and current.is_manager else "",
        )
        from PySide6.QtCore import Qt  # here: no Qt enums before the first paint

        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: proceed(dialog.entry))
        if on_cancel is not None:
            dialog.rejected.connect(on_cancel)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog


def store_offline_text() -> str:
    """What the operator reads while the store server cannot be reached (store mode)."""
    return QCoreApplication.translate(
        "OperatorGate",
        "The store server cannot be reached: operators sign in with this till's copy of "
        "the store's accounts, and operators cannot be changed until it is back.",
    )


def with_manager(
    widget: QWidget,
    act_text: str,
    proceed: Callable[[PinEntry | None], None],
    on_cancel: Callable[[], None] | None = None,
) -> None:
    """``proceed`` after a manager's PIN, asked by the window's OperatorGate (at once with
    None when the window has none or no operators are set up)."""
    gate = getattr(widget.window(), "operators", None)
    if isinstance(gate, OperatorGate):
        gate.approve(act_text, proceed, widget, on_cancel)
    else:
        proceed(None)
