"""The Keys page of one profile: fingerprints, import by paste or file, export, check, rotate.

Every key-store call runs on a worker through ``TaskRunner`` (RSA generation and scrypt are
slow, keyrings may block). Only public views come back: fingerprints, public keys, problems.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cashier_app.keystore.profiles import Profile, ProfileStore
from cashier_app.keystore.store import KeyStatus, KeyStore
from cashier_app.ui.dialogs import profile_ops as ops
from cashier_app.ui.tasks import DoneCallback, TaskRunner
from cashier_app.ui.text import error_text, fill
from cashier_app.ui.widgets.key_paste_box import KeyPasteBox

KEY_FILES = "Keys (*.pem *.key *.txt *.pub);;All files (*)"


class KeyPanel(QWidget):
    """Signals:
    profile_changed(): the profile's key version changed (the list should reload).
    status_shown(object status): a fresh KeyStatus is on screen (tests wait on it).
    message_shown(str text, bool ok): an outcome line was shown.
    passphrase_rejected(object error): the key file did not open with the passphrase
        given (it is read only when the keys are): ask for it again.
    """

    profile_changed = Signal()
    status_shown = Signal(object)
    message_shown = Signal(str, bool)
    passphrase_rejected = Signal(object)

    def __init__(
        self,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        embedded_gateway_key: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("keyPanel")
        self.tasks = tasks
        #: the running embedded sandbox's gateway key, shown for the sandbox profile
        self.embedded_gateway_key = embedded_gateway_key
        self.keys: KeyStore | None = None
        self.store: ProfileStore | None = None
        self.profile: Profile | None = None
        self.status: KeyStatus | None = None
        self._busy = False

        self.backend_label = self._label("keyBackendLabel", "muted")
        self.notice_label = self._label("keyNoticeLabel", "banner")
        self.merchant_fp = self._label("merchantFingerprint")
        self.gateway_fp = self._label("gatewayFingerprint")
        for label in (self.merchant_fp, self.gateway_fp):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        grid = QGridLayout()
        grid.addWidget(self._label("", "caption", self.tr("MERCHANT KEY (SHA-256)")), 0, 0)
        grid.addWidget(self.merchant_fp, 0, 1)
        grid.addWidget(self._label("", "caption", self.tr("GATEWAY KEY (SHA-256)")), 1, 0)
        grid.addWidget(self.gateway_fp, 1, 1)
        grid.setColumnStretch(1, 1)

        self.version_combo = QComboBox(self)
        self.version_combo.setObjectName("keyVersionCombo")
        self.activate_button = self._button("activateVersionButton", self.tr("Make active"))
        self.delete_version_button = self._button(
            "deleteVersionButton", self.tr("Delete version…"), "danger"
        )
        self.generate_button = self._button("generateButton", self.tr("Generate key pair"))
        self.rotate_button = self._button("rotateButton", self.tr("Rotate…"))
        self.check_button = self._button("checkPairButton", self.tr("Check key pair…"))
        self.copy_button = self._button(
            "copyPublicButton", self.tr("Copy public key for the Antom Dashboard")
        )
        self.save_pem_button = self._button("savePemButton", self.tr("Save public key as PEM…"))
        self.delete_gateway_button = self._button(
            "deleteGatewayButton", self.tr("Delete gateway key…"), "danger"
        )
        versions = QHBoxLayout()
        versions.addWidget(self._label("", "", self.tr("Key versions")))
        versions.addWidget(self.version_combo)
        for button in (self.activate_button, self.delete_version_button):
            versions.addWidget(button)
        versions.addStretch(1)
        actions = QGridLayout()
        actions.addWidget(self.generate_button, 0, 0)
        actions.addWidget(self.rotate_button, 0, 1)
        actions.addWidget(self.check_button, 0, 2)
        actions.addWidget(self.copy_button, 1, 0, 1, 2)
        actions.addWidget(self.save_pem_button, 1, 2)
        actions.setColumnStretch(3, 1)

        self.private_box = KeyPasteBox(
            "privateKey",
            self.tr("Merchant private key"),
            self.tr(
                "Paste your private key: the base64 text the Antom Dashboard gave you, or "
                "PEM (BEGIN PRIVATE KEY / BEGIN RSA PRIVATE KEY / encrypted)"
            ),
            passphrase=True,
            parent=self,
        )
        self.gateway_box = KeyPasteBox(
            "gatewayKey",
            self.tr("Antom (gateway) public key"),
            self.tr(
                "Paste the Antom public key from the Dashboard (base64 or PEM) — not your "
                "own public key"
            ),
            parent=self,
        )
        gateway_row = QHBoxLayout()
        gateway_row.addStretch(1)
        gateway_row.addWidget(self.delete_gateway_button)
        self.message = self._label("keyMessage")

        box = QVBoxLayout(self)
        box.setSpacing(8)
        box.addWidget(self.backend_label)
        box.addWidget(self.notice_label)
        box.addLayout(grid)
        box.addLayout(versions)
        box.addLayout(actions)
        box.addWidget(self.private_box)
        box.addWidget(self.gateway_box)
        box.addLayout(gateway_row)
        box.addWidget(self.message)
        box.addStretch(1)

        self.generate_button.clicked.connect(self._on_generate_clicked)
        self.rotate_button.clicked.connect(self._on_rotate_clicked)
        self.check_button.clicked.connect(self._on_check_clicked)
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.save_pem_button.clicked.connect(self._on_save_pem_clicked)
        self.activate_button.clicked.connect(self._on_activate_clicked)
        self.delete_version_button.clicked.connect(self._on_delete_version_clicked)
        self.delete_gateway_button.clicked.connect(self._on_delete_gateway_clicked)
        self.private_box.diagnose_requested.connect(self._diagnose_private)
        self.private_box.import_requested.connect(self._on_private_import)
        self.private_box.file_requested.connect(self._on_private_file)
        self.gateway_box.diagnose_requested.connect(self._diagnose_gateway)
        self.gateway_box.import_requested.connect(self._on_gateway_import)
        self.gateway_box.file_requested.connect(self._on_gateway_file)
        self.set_context(None, None, None)

    def _label(self, name: str, role: str = "", text: str = "") -> QLabel:
        label = QLabel(text, self)
        if name:
            label.setObjectName(name)
        label.setProperty("role", role)
        label.setWordWrap(True)
        return label

    def _button(self, name: str, text: str, role: str = "secondary") -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setProperty("role", role)
        return button

    # -- context and status ---------------------------------------------------------------
    def set_context(
        self, keys: KeyStore | None, store: ProfileStore | None, profile: Profile | None
    ) -> None:
        """Show ``profile``'s keys (None: nothing selected or no key store yet)."""
        if profile is None or self.profile is None or profile.name != self.profile.name:
            self.clear_secrets()
            self.message.clear()
        self.keys, self.store, self.profile, self.status = keys, store, profile, None
        self.tasks.cancel("keys")
        self._show(None)
        if keys is not None and profile is not None:
            self._run("keys:status", ops.status, keys, profile, self.embedded_gateway_key)

    def clear_secrets(self) -> None:
        self.private_box.clear()
        self.gateway_box.clear()

    def _run(
        self, name: str, fn: Callable[..., Any], *args: Any, on_done: DoneCallback | None = None
    ) -> None:
        self._set_busy(True)
        self.tasks.run(
            name, fn, *args, on_done=on_done or self._show, on_error=self._on_failed, owner=self
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_enabled()

    def _update_enabled(self) -> None:
        ready = self.keys is not None and self.profile is not None and not self._busy
        editable = ready and not self.profile.is_embedded_sandbox  # type: ignore[union-attr]
        has_merchant = self.status is not None and self.status.merchant is not None
        for widget in (
            self.generate_button,
            self.rotate_button,
            self.private_box,
            self.gateway_box,
        ):
            widget.setEnabled(editable)
        for widget in (self.copy_button, self.save_pem_button, self.check_button):
            widget.setEnabled(ready and has_merchant)
        versions = self.version_combo.count() > 0
        self.version_combo.setEnabled(editable and versions)
        self.activate_button.setEnabled(editable and versions)
        self.delete_version_button.setEnabled(editable and versions)
        self.delete_gateway_button.setEnabled(
            editable and self.status is not None and self.status.gateway is not None
        )

    def _where(self, status: KeyStatus) -> str:
        """The key store's kind in the operator's language, with the keyring or file."""
        kinds = {
            "memory": self.tr("memory (until the app quits)"),
            "os-keyring": fill(
                self.tr("the system keyring (%1)"), keyring_name(status.backend_where)
            ),
            "keyring": fill(self.tr("a keyring (%1)"), status.backend_where),
            "encrypted-file": fill(self.tr("the encrypted key file (%1)"), status.backend_where),
        }
        return kinds.get(status.backend_kind, status.backend)

    def _notice(self, status: KeyStatus) -> str:
        notices = {
            "memory-only": self.tr(
                "Sandbox keys are kept in memory only: they are generated at start and lost "
                "when the app quits."
            ),
            "key-file-ignored": fill(
                self.tr(
                    "An encrypted key file exists at %1 but the system keyring is in use; "
                    "choose it with --keystore file."
                ),
                status.notice_where,
            ),
        }
        return notices.get(status.notice_code, status.notice or "")

    def _show(self, status: KeyStatus | None) -> None:
        self._busy = False
        self.status = status
        none = self.tr("not imported yet")
        if status is None:
            self.backend_label.setText("")
            self.notice_label.hide()
            self.merchant_fp.setText("—")
            self.gateway_fp.setText("—")
            self.version_combo.clear()
        else:
            self.backend_label.setText(fill(self.tr("Keys are kept in: %1"), self._where(status)))
            notice = self._notice(status)
            self.notice_label.setText(notice)
            self.notice_label.setVisible(bool(notice))
            merchant = status.merchant
            self.merchant_fp.setText(
                fill(
                    self.tr("version %1\n%2"),
                    merchant.key_version or "",
                    two_lines(merchant.fingerprint),
                )
                if merchant
                else none
            )
            self.gateway_fp.setText(
                two_lines(status.gateway.fingerprint) if status.gateway else none
            )
            self.version_combo.clear()
            for version in status.versions:
                label = (
                    fill(self.tr("%1 (active)"), version)
                    if version == status.active_version
                    else version
                )
                self.version_combo.addItem(label, version)
        self._update_enabled()
        if status is not None:
            self.status_shown.emit(status)

    def say(self, text: str, ok: bool = True) -> None:
        self.message.setProperty("role", "" if ok else "error")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message_shown.emit(text, ok)

    def _on_failed(self, exc: BaseException) -> None:
        from cashier_app.keystore.backends import WrongPassphraseError

        self._set_busy(False)
        code = getattr(exc, "code", "")
        self.say(self.problem_text(code, error_text(exc)), ok=False)
        if isinstance(exc, WrongPassphraseError):
            self.passphrase_rejected.emit(exc)

    # -- diagnosis on paste ---------------------------------------------------------------
    @Slot()
    def _diagnose_private(self) -> None:
        text, phrase = self.private_box.peek()
        self.tasks.run(
            "keys:diagnose-private",
            ops.diagnose_private,
            text,
            phrase,
            on_done=lambda d: self._show_diagnosis(self.private_box, d),
            owner=self,
        )

    @Slot()
    def _diagnose_gateway(self) -> None:
        if self.keys is None or self.profile is None:
            return
        text, _ = self.gateway_box.peek()
        self.tasks.run(
            "keys:diagnose-gateway",
            ops.diagnose_gateway,
            self.keys,
            self.profile,
            text,
            on_done=lambda d: self._show_diagnosis(self.gateway_box, d),
            owner=self,
        )

    def _show_diagnosis(self, box: KeyPasteBox, result: ops.Diagnosis) -> None:
        if not box.has_text():
            return  # imported or cleared meanwhile
        if result.ok:
            box.show_diagnosis(
                fill(self.tr("Looks right: RSA key, SHA-256 %1"), result.fingerprint), ok=True
            )
        else:
            box.show_diagnosis(self.problem_text(result.code, result.message), code=result.code)

    # -- imports --------------------------------------------------------------------------
    def _replace_ok(self) -> bool | None:
        """Whether importing over the active version is confirmed (None: cancelled)."""
        if self.status is None or self.status.merchant is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Replace key"),
            fill(
                self.tr(
                    "Key version %1 of this profile already has a private key. Replace it? "
                    "The old key is lost; use Rotate to keep it."
                ),
                self.status.active_version,
            ),
        )
        return True if answer == QMessageBox.StandardButton.Yes else None

    @Slot()
    def _on_private_import(self) -> None:
        replace = self._replace_ok()
        text, phrase = self.private_box.take_text()  # cleared now, whatever happens next
        if replace is None or self.keys is None or self.profile is None:
            return
        self._run(
            "keys:import-private",
            ops.import_private,
            self.keys,
            self.profile,
            text,
            phrase,
            replace,
            on_done=self._after(self.tr("Private key imported.")),
        )
        del text, phrase

    def ask_key_file(self, title: str) -> str:
        """The key file the operator picks ("" when cancelled; tests replace this)."""
        path, _ = QFileDialog.getOpenFileName(self, title, "", KEY_FILES)
        return path

    def ask_public_key(self) -> str | None:
        """The public key text to check the pair against (None when cancelled; tests
        replace this)."""
        text, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Check key pair"),
            self.tr(
                "Paste the public key registered in the Antom Dashboard (or leave empty "
                "to check the stored keys only):"
            ),
        )
        return text if ok else None

    @Slot()
    def _on_private_file(self) -> None:
        path = self.ask_key_file(self.tr("Private key file"))
        replace = self._replace_ok() if path else None
        _, phrase = self.private_box.take_text()
        if replace is None or self.keys is None or self.profile is None:
            return
        self._run(
            "keys:import-private",
            ops.import_private_file,
            self.keys,
            self.profile,
            path,
            phrase,
            replace,
            on_done=self._after(self.tr("Private key imported.")),
        )

    @Slot()
    def _on_gateway_import(self) -> None:
        text, _ = self.gateway_box.take_text()
        if self.keys is not None and self.profile is not None:
            self._run(
                "keys:import-gateway",
                ops.import_gateway,
                self.keys,
                self.profile,
                text,
                on_done=self._after(self.tr("Gateway public key imported.")),
            )

    @Slot()
    def _on_gateway_file(self) -> None:
        path = self.ask_key_file(self.tr("Gateway public key file"))
        if path and self.keys is not None and self.profile is not None:
            self.gateway_box.clear()
            self._run(
                "keys:import-gateway",
                ops.import_gateway_file,
                self.keys,
                self.profile,
                path,
                on_done=self._after(self.tr("Gateway public key imported.")),
            )

    def _saved_pem(self, path: str) -> None:
        self._set_busy(False)
        self.say(fill(self.tr("Saved %1"), path))

    def _activated(self, _result: object) -> None:
        self._set_busy(False)
        self.profile_changed.emit()

    def _after(self, text: str) -> Callable[[KeyStatus], None]:
        def done(status: KeyStatus) -> None:
            self._show(status)
            self.say(text)

        return done

    # -- key pair actions -----------------------------------------------------------------
    def _confirm(self, title: str, text: str) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    @Slot()
    def _on_generate_clicked(self) -> None:
        replace = self._replace_ok()
        if replace is not None and self.keys is not None and self.profile is not None:
            self._run(
                "keys:generate",
                ops.generate,
                self.keys,
                self.profile,
                replace,
                on_done=self._after(
                    self.tr(
                        "New RSA-2048 key pair generated. Copy its "
                        "public key to the Antom Dashboard."
                    )
                ),
            )

    @Slot()
    def _on_rotate_clicked(self) -> None:
        if (
            self.keys is None
            or self.profile is None
            or not self._confirm(
                self.tr("Rotate key"),
                self.tr(
                    "Generate a new key version? The current one "
                    "keeps working until you make the new one "
                    "active."
                ),
            )
        ):
            return
        self._run("keys:rotate", ops.rotate, self.keys, self.profile, on_done=self._on_rotated)

    def _on_rotated(self, version: str) -> None:
        self._set_busy(False)
        self.say(
            fill(
                self.tr(
                    "Key version %1 generated. Upload its public key to the Antom "
                    "Dashboard, then make it active."
                ),
                version,
            )
        )
        if self.keys is not None and self.profile is not None:
            self.tasks.run(
                "keys:status",
                ops.status,
                self.keys,
                self.profile,
                on_done=self._show,
                on_error=self._on_failed,
                owner=self,
            )

    @Slot()
    def _on_check_clicked(self) -> None:
        if self.keys is None or self.profile is None:
            return
        text = self.ask_public_key()
        if text is not None:
            self._run(
                "keys:check",
                ops.check_pair,
                self.keys,
                self.profile,
                text,
                on_done=self._on_checked,
            )

    def _on_checked(self, result: tuple[bool | None, list[str]]) -> None:
        self._set_busy(False)
        matches, problems = result  # None: no public key given; the problems' codes
        if matches is None:
            head = "" if problems else self.tr("The stored keys look right.")
        elif matches:
            head = self.tr("The key pair matches.")
        else:
            head = self.tr("The stored private key does NOT match that public key.")
        said = [self.problem_text(code, code) for code in problems]
        self.say(" ".join(t for t in (head, *said) if t), ok=matches is not False and not problems)

    @Slot()
    def _on_copy_clicked(self) -> None:
        if self.status is not None and self.status.merchant is not None:
            QGuiApplication.clipboard().setText(self.status.merchant.public_key_base64)
            self.say(self.tr("Public key copied (base64, as the Antom Dashboard asks)."))

    @Slot()
    def _on_save_pem_clicked(self) -> None:
        if self.keys is None or self.profile is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save public key"), f"{self.profile.name}_public.pem", "PEM (*.pem)"
        )
        if path:
            self._run(
                "keys:save-pem",
                ops.save_public_pem,
                self.keys,
                self.profile,
                path,
                on_done=self._saved_pem,
            )

    @Slot()
    def _on_activate_clicked(self) -> None:
        version = self.version_combo.currentData()
        if version and self.store is not None and self.profile is not None:
            self._run(
                "keys:activate",
                ops.set_key_version,
                self.store,
                self.profile.name,
                version,
                on_done=self._activated,
            )

    @Slot()
    def _on_delete_version_clicked(self) -> None:
        version = self.version_combo.currentData()
        if (
            version
            and self.keys is not None
            and self.profile is not None
            and self._confirm(
                self.tr("Delete key"),
                fill(
                    self.tr(
                        "Delete the private key version %1 of profile %2? This cannot be undone."
                    ),
                    version,
                    self.profile.name,
                ),
            )
        ):
            self._run(
                "keys:delete",
                ops.delete_version,
                self.keys,
                self.profile,
                version,
                on_done=self._after(self.tr("Key version deleted.")),
            )

    @Slot()
    def _on_delete_gateway_clicked(self) -> None:
        if (
            self.keys is not None
            and self.profile is not None
            and self._confirm(
                self.tr("Delete key"),
                fill(self.tr("Delete the gateway public key of profile %1?"), self.profile.name),
            )
        ):
            self._run(
                "keys:delete",
                ops.delete_gateway,
                self.keys,
                self.profile,
                on_done=self._after(self.tr("Gateway key deleted.")),
            )

    def problem_text(self, code: str, fallback: str) -> str:
        """The GUI wording of a diagnosed key mistake (no command lines), else ``fallback``."""
        texts = {
            "merchant-key-as-gateway": self.tr(
                "This is your own merchant public key, not Antom's. "
                "Paste the Antom public key shown next to yours in the "
                "Dashboard."
            ),
            "pkcs1-public": self.tr(
                "This is a PKCS#1 'RSA PUBLIC KEY'. Antom uses the X.509 form "
                "(BEGIN PUBLIC KEY, base64 starting 'MIIBIj')."
            ),
            "key-too-small": self.tr(
                "The key is shorter than 2048 bits. Generate a new "
                "RSA-2048 pair and upload its public key."
            ),
            "truncated": self.tr(
                "The paste was cut short. Copy the whole key again (a "
                "private key is about 1,620 characters, a public key "
                "about 392)."
            ),
            "private-as-public": self.tr(
                "This is a PRIVATE key where a public key belongs. Never paste a private key here."
            ),
            "public-as-private": self.tr(
                "This is a public key; the merchant private key is needed here."
            ),
            "passphrase-needed": self.tr("The private key is encrypted: type its passphrase."),
            "wrong-passphrase": self.tr("The passphrase does not open this encrypted key."),
            "passphrase-not-needed": self.tr(
                "The key is not encrypted: leave the passphrase empty."
            ),
            "certificate": self.tr("This is a certificate, not a key."),
            "empty": self.tr("No key text was given."),
            "binary": self.tr(
                "This is a binary (DER) file, not PEM or base64 text: convert it to PEM first."
            ),
            "too-large": self.tr("This is far larger than a key: give the key file itself."),
            "damaged": self.tr("This is not a readable RSA key: copy the whole key again."),
            "unusable": self.tr("This key cannot be used here: it is not an RSA key for Antom."),
            # the stored pair's problems (Check key pair)
            "no-merchant-key": self.tr(
                "No merchant private key is stored: generate or import one."
            ),
            "no-gateway-key": self.tr(
                "No gateway public key is stored: import the Antom public key."
            ),
        }
        return texts.get(code, fallback)


#: The operating systems' own key stores by the keyring backend's module, as their makers
#: name them (the class path stays in the log and in `cashier profile show`).
_KEYRINGS = {
    "keyring.backends.SecretService": "Secret Service",
    "keyring.backends.libsecret": "Secret Service",
    "keyring.backends.kwallet": "KWallet",
    "keyring.backends.macOS": "macOS Keychain",
    "keyring.backends.Windows": "Windows Credential Locker",
}


def keyring_name(where: str) -> str:
    """``keyring.backends.SecretService.Keyring`` -> ``Secret Service``; others as they are."""
    module = where.rpartition(".")[0]
    return _KEYRINGS.get(module, where)


def two_lines(fingerprint: str) -> str:
    """A colon-separated SHA-256 fingerprint as two lines of 16 bytes (fits narrow panes)."""
    parts = fingerprint.split(":")
    return fingerprint if len(parts) < 32 else ":".join(parts[:16]) + ":\n" + ":".join(parts[16:])
