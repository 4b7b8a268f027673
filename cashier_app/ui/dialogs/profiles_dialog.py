"""Profiles & keys: set up a real Antom account without a terminal.

A list of profiles (New / Edit / Delete / Use) beside two tabs: the profile's settings and
its keys. Every profile-file and key-store call runs on a worker (``TaskRunner``); the dialog
shows fingerprints and public keys only, and forgets pasted key text when it closes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cashier_app.keystore.backends import PassphraseRequiredError, WrongPassphraseError
from cashier_app.keystore.profiles import SANDBOX_PROFILE, Profile
from cashier_app.keystore.store import KeyStore
from cashier_app.ui import screen_fit
from cashier_app.ui.dialogs import profile_ops as ops
from cashier_app.ui.ports import Backend
from cashier_app.ui.tasks import TaskRunner
from cashier_app.ui.text import error_text, fill
from cashier_app.ui.widgets.key_panel import KeyPanel
from cashier_app.ui.widgets.profile_form import ProfileForm

#: A settings dialog is used with a mouse: denser buttons than the touch-sized sale pages.
DIALOG_STYLE = """
QPushButton { font-size: 14px; padding: 6px 14px; min-height: 22px; border-radius: 8px; }
QPushButton[role="primary"] { font-size: 15px; min-height: 24px; border-radius: 8px; }
QGroupBox { font-weight: 600; margin-top: 14px; padding-top: 6px; }
QGroupBox::title { subcontrol-origin: margin; left: 4px; }
"""

PassphrasePrompt = Callable[[QWidget, str], "str | None"]


class ProfilesDialog(QDialog):
    """Signals:
    active_profile_changed(str name): the active profile (or its settings) changed;
        the window rebuilds its services.
    profiles_loaded(object overview): the list was (re)loaded.
    keystore_ready(object keys): the key store is open.
    """

    active_profile_changed = Signal(str)
    profiles_loaded = Signal(object)
    keystore_ready = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        backend: Backend,
        tasks: TaskRunner | None = None,
        passphrase_prompt: PassphrasePrompt | None = None,
        embedded_gateway_key: str | None = None,
        sale_in_progress: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("profilesDialog")
        #: True while the window's sale is between Charge and its result: the till cannot
        #: change profile then, so Use changes nothing and says so
        self._sale_in_progress = sale_in_progress or (lambda: False)
        self.setWindowTitle(self.tr("Profiles & keys"))
        self._placed = False  # sized to the screen on its first show (ui/screen_fit.py)
        self.setStyleSheet(DIALOG_STYLE)
        self.tasks = tasks or TaskRunner(self)
        self.backend = backend
        self.store = backend.profile_store()
        self.keys: KeyStore | None = None
        self.overview: ops.Overview | None = None
        self._prompt = passphrase_prompt or self.ask_passphrase
        #: the running embedded sandbox's gateway public key (bare base64), when there is one
        self.embedded_gateway_key = embedded_gateway_key
        #: the key file is locked; asked for only when a profile that keeps keys there is
        #: chosen (the embedded sandbox's keys live in memory and need no passphrase)
        self._locked: BaseException | None = None
        self._select_after_load = ""

        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("profileTable")
        self.table.setHorizontalHeaderLabels(
            ["", self.tr("Name"), self.tr("Environment"), self.tr("Client ID")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.new_button = self._button("newProfileButton", self.tr("New"))
        self.edit_button = self._button("editProfileButton", self.tr("Edit"))
        self.delete_button = self._button("deleteProfileButton", self.tr("Delete…"), "danger")
        self.use_button = self._button("useProfileButton", self.tr("Use"), "primary")
        list_buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            list_buttons.addWidget(button)
        list_buttons.addStretch(1)
        list_buttons.addWidget(self.use_button)
        left = QWidget(self)
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.table, 1)
        left_box.addLayout(list_buttons)
        # At most 540 px, fewer on a small screen: the list's last column shrinks first.
        left.setMinimumWidth(320)
        left.setMaximumWidth(540)

        self.form = ProfileForm(self)
        self.save_button = self._button("saveProfileButton", self.tr("Save profile"), "primary")
        form_page = QWidget(self)
        form_box = QVBoxLayout(form_page)
        form_box.addWidget(self.form)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        form_box.addLayout(save_row)
        form_box.addStretch(1)
        self.key_panel = KeyPanel(self.tasks, self, embedded_gateway_key=embedded_gateway_key)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("profileTabs")
        self.tabs.addTab(self._scrolled(form_page), self.tr("Profile"))
        self.tabs.addTab(self._scrolled(self.key_panel), self.tr("Keys"))

        self.message = QLabel(self)
        self.message.setObjectName("profilesMessage")
        self.message.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        self.close_buttons = close
        body = QHBoxLayout()
        body.addWidget(left, 2)
        body.addWidget(self.tabs, 3)
        box = QVBoxLayout(self)
        box.addLayout(body, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(close)
        box.addLayout(bottom)

        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self._on_edit_clicked())
        self.new_button.clicked.connect(self._on_new_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.use_button.clicked.connect(self._on_use_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.key_panel.profile_changed.connect(self._on_key_version_changed)
        self.key_panel.passphrase_rejected.connect(self._on_key_panel_passphrase_rejected)
        self._update_buttons()
        self.reload()
        self._open_keystore(None)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._placed:  # 1220x820 where the screen has room, else all it has
            self._placed = True
            screen_fit.place(self, QSize(1220, 820))
        super().showEvent(event)

    @staticmethod
    def ask_passphrase(parent: QWidget, reason: str) -> str | None:
        """Ask for the encrypted key file's passphrase, saying ``reason`` (why it is asked,
        and why again after a wrong one); None: the operator cancelled."""
        text, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("ProfilesDialog", "Key file passphrase"),
            reason,
            QLineEdit.EchoMode.Password,
        )
        return text if ok and text else None

    def _button(self, name: str, text: str, role: str = "secondary") -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setProperty("role", role)
        return button

    def _scrolled(self, widget: QWidget) -> QScrollArea:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        # Sideways only when the screen is too narrow for the form (a 1024x600 till).
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(widget)
        return area

    # -- loading --------------------------------------------------------------------------
    def reload(self, select: str = "") -> None:
        self._select_after_load = select or self.selected_name()
        self.tasks.run(
            "profiles:load",
            ops.overview,
            self.store,
            on_done=self._show_overview,
            on_error=self._on_failed,
            owner=self,
        )

    def _open_keystore(self, passphrase: bytes | None) -> None:
        self.tasks.run(
            "profiles:keystore",
            self.backend.open_keystore,
            passphrase,
            on_done=self._on_keystore_opened,
            on_error=self._on_keystore_failed,
            owner=self,
        )

    def _on_keystore_opened(self, keys: KeyStore) -> None:
        self._locked = None
        self.keys = keys
        self.keystore_ready.emit(keys)
        self._on_table_selection_changed()

    def _on_keystore_failed(self, exc: BaseException) -> None:
        # Without a persistent store the embedded sandbox still works; the Keys tab of a
        # real profile explains what is missing (and asks for the passphrase when chosen).
        self._locked = exc if isinstance(exc, PassphraseRequiredError) else None
        self.keys = KeyStore(None, unavailable_reason=error_text(exc))
        self.keystore_ready.emit(self.keys)
        self._on_table_selection_changed()

    def _show_overview(self, overview: ops.Overview) -> None:
        self.overview = overview
        names = self.tr("Embedded sandbox"), self.tr("Antom sandbox"), self.tr("Production")
        env_names = dict(
            zip(("embedded-sandbox", "antom-sandbox", "production"), names, strict=True)
        )
        self.table.blockSignals(True)
        self.table.setRowCount(len(overview.profiles))
        select_row = 0
        for row, profile in enumerate(overview.profiles):
            active = profile.name == overview.active
            cells = (
                "●" if active else "",
                profile.name,
                env_names.get(profile.environment.value, profile.environment.value),
                profile.client_id,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, profile.name)
                if active:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                    item.setToolTip(self.tr("The active profile"))
                self.table.setItem(row, column, item)
            if profile.name == self._select_after_load:
                select_row = row
        self.table.blockSignals(False)
        self.table.selectRow(select_row)
        self._on_table_selection_changed()
        self.profiles_loaded.emit(overview)

    def selected_profile(self) -> Profile | None:
        name = self.selected_name()
        if self.overview is None or not name:
            return None
        return next((p for p in self.overview.profiles if p.name == name), None)

    def selected_name(self) -> str:
        items = self.table.selectedItems()
        return str(items[0].data(Qt.ItemDataRole.UserRole)) if items else ""

    def _unlock_for(self, profile: Profile | None) -> bool:
        """Ask for the key file's passphrase once a profile that keeps its keys there is
        chosen; True when the key store is being opened again with it."""
        locked, self._locked = self._locked, None
        if locked is None or profile is None or profile.is_embedded_sandbox:
            self._locked = locked
            return False
        reason = self.tr(
            "No OS keyring is available, so keys are kept in an encrypted file. Enter its "
            "passphrase to see and change this profile's keys."
        )
        if isinstance(locked, WrongPassphraseError):  # asked again: say why
            reason = error_text(locked) + "\n\n" + reason
        phrase = self._prompt(self, reason)
        if not phrase:
            return False
        self._open_keystore(phrase.encode("utf-8"))
        return True

    @Slot(object)
    def _on_key_panel_passphrase_rejected(self, exc: BaseException) -> None:
        self._locked = exc
        self._unlock_for(self.selected_profile())

    @Slot()
    def _on_table_selection_changed(self) -> None:
        profile = self.selected_profile()
        if self._unlock_for(profile):
            return
        if profile is not None:
            self.form.load(profile)
        self.key_panel.set_context(self.keys, self.store, profile)
        self._update_buttons()

    def _update_buttons(self) -> None:
        profile = self.selected_profile()
        self.edit_button.setEnabled(profile is not None)
        self.delete_button.setEnabled(profile is not None and profile.name != SANDBOX_PROFILE)
        # Use on the active profile restarts the cashier with it (e.g. after adding keys).
        self.use_button.setEnabled(profile is not None)

    def say(self, text: str, ok: bool = True) -> None:
        self.message.setProperty("role", "" if ok else "error")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)

    def _on_failed(self, exc: BaseException) -> None:
        self.say(error_text(exc), ok=False)

    # -- actions --------------------------------------------------------------------------
    @Slot()
    def _on_new_clicked(self) -> None:
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.blockSignals(False)
        self.form.load(None)
        self.key_panel.set_context(None, None, None)
        self._update_buttons()
        self.tabs.setCurrentIndex(0)
        self.form.name_edit.setFocus()

    @Slot()
    def _on_edit_clicked(self) -> None:
        self.tabs.setCurrentIndex(0)

    @Slot()
    def _on_save_clicked(self) -> None:
        profile = self.form.profile()
        if profile is None:
            self.say(self.tr("Fix the fields marked in red."), ok=False)
            return
        replace = not self.form.is_new
        active = self.overview.active if self.overview else ""
        if replace and profile.name == active and self._sale_in_progress():
            self.say(self.tr("Finish the current sale first, then save the profile again."), False)
            return

        def saved(overview: ops.Overview) -> None:
            self._select_after_load = profile.name
            self._show_overview(overview)
            self.say(fill(self.tr("Profile %1 saved."), profile.name))
            if not replace:
                self.tabs.setCurrentIndex(1)  # next step: its keys
            elif profile.name == active:
                self.active_profile_changed.emit(profile.name)

        self.tasks.run(
            "profiles:save",
            ops.save_profile,
            self.store,
            profile,
            replace,
            on_done=saved,
            on_error=self._on_failed,
            owner=self,
        )

    @Slot()
    def _on_delete_clicked(self) -> None:
        profile = self.selected_profile()
        if profile is None or profile.name == SANDBOX_PROFILE:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete profile"),
            fill(
                self.tr(
                    "Delete profile %1 and all its keys from the key store? This cannot be undone."
                ),
                profile.name,
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        was_active = self.overview is not None and self.overview.active == profile.name

        def deleted(overview: ops.Overview) -> None:
            self._select_after_load = overview.active
            self._show_overview(overview)
            self.say(fill(self.tr("Profile %1 deleted."), profile.name))
            if was_active:
                self.active_profile_changed.emit(overview.active)

        self.tasks.run(
            "profiles:delete",
            ops.delete_profile,
            self.store,
            self.keys,
            profile.name,
            on_done=deleted,
            on_error=self._on_failed,
            owner=self,
        )

    @Slot()
    def _on_use_clicked(self) -> None:
        name = self.selected_name()
        if not name:
            return
        if self._sale_in_progress():
            self.say(
                self.tr("Finish the current sale first, then choose the profile again."), False
            )
            return

        def used(overview: ops.Overview) -> None:
            self._select_after_load = name  # the row just used stays selected
            self._show_overview(overview)
            self.say(fill(self.tr("Profile %1 is now active; the cashier restarts with it."), name))
            self.active_profile_changed.emit(name)

        self.tasks.run(
            "profiles:use",
            ops.use_profile,
            self.store,
            name,
            on_done=used,
            on_error=self._on_failed,
            owner=self,
        )

    @Slot()
    def _on_key_version_changed(self) -> None:
        name = self.selected_name()
        self.reload(name)
        if self.overview is not None and name == self.overview.active:
            self.active_profile_changed.emit(name)

    # -- closing --------------------------------------------------------------------------
    def done(self, result: int) -> None:
        """Pasted key text and passphrases never outlive the dialog."""
        self.key_panel.clear_secrets()
        self.tasks.cancel("keys")
        super().done(result)
