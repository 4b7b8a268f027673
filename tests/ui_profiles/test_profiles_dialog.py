"""The Profiles & keys dialog: a production profile set up by pasting, without a terminal."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from keyring_fakes import secret_fragments
from profile_steps import fill_production_form
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QWidget,
)

from cashier_app.app import AppBackend
from cashier_app.gateway.signing import (
    fingerprint,
    generate_private_key,
    private_key_pkcs8_base64,
    public_key_base64,
)
from cashier_app.keystore.profiles import Environment, ProfileStore
from cashier_app.ui.dialogs.profiles_dialog import ProfilesDialog

WAIT = 15_000


@pytest.fixture(scope="module")
def merchant_key() -> rsa.RSAPrivateKey:
    return generate_private_key()


@pytest.fixture(scope="module")
def gateway_key() -> rsa.RSAPrivateKey:
    return generate_private_key()


@pytest.fixture
def dialog(cashier_app, memory_keyring, qtbot) -> ProfilesDialog:
    dlg = ProfilesDialog(backend=AppBackend())
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.keys is not None and dlg.overview is not None, timeout=WAIT)
    yield dlg
    dlg.done(0)
    dlg.tasks.shutdown(5000)


def all_text(root: QWidget) -> str:
    """Every piece of text any widget under ``root`` holds or shows."""
    parts: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        parts.append(w.toolTip())
        if isinstance(w, (QLabel, QLineEdit, QAbstractButton)):
            parts.append(w.text())
        if isinstance(w, QPlainTextEdit):
            parts.append(w.toPlainText())
            parts.append(w.placeholderText())
        if isinstance(w, QComboBox):
            parts += [w.itemText(i) for i in range(w.count())] + [w.currentText()]
        if isinstance(w, QListWidget):
            parts += [w.item(i).text() for i in range(w.count())]
        if isinstance(w, QTableWidget):
            parts += [
                w.item(r, c).text()
                for r in range(w.rowCount())
                for c in range(w.columnCount())
                if w.item(r, c)
            ]
    return "\n".join(parts)


def save_profile(dlg: ProfilesDialog, qtbot, name: str = "shop-live") -> None:
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dlg.overview is not None and name in [p.name for p in dlg.overview.profiles],
        timeout=WAIT,
    )
    qtbot.waitUntil(
        lambda: dlg.key_panel.status is not None and dlg.key_panel.status.profile == name,
        timeout=WAIT,
    )


def paste(qtbot, box, text: str) -> None:
    box.edit.setPlainText(text)
    qtbot.waitUntil(lambda: box.diagnosis.isVisible(), timeout=WAIT)


def test_bad_inputs_show_messages_under_the_named_field(dialog, qtbot):
    fill_production_form(dialog, qtbot, client_id="", gateway="http://example.com/ams/api")
    dialog.form.version_edit.setText("0")
    dialog.form.currency_combo.setCurrentText("XYZ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    errors = dialog.form.errors
    assert errors["client_id"].isVisible() and "client id" in errors["client_id"].text()
    assert errors["gateway"].isVisible() and "gateway URL" in errors["gateway"].text()
    assert "https" in errors["gateway"].text()
    assert errors["key_version"].isVisible() and "key version" in errors["key_version"].text()
    assert errors["currency"].isVisible() and "currency" in errors["currency"].text()
    assert not errors["name"].isVisible()
    assert "red" in dialog.message.text()
    # A production profile may not use an Antom sandbox client id; no wallet is an error too.
    fill_production_form(dialog, qtbot, client_id="SANDBOX_5Y0001")
    for row in range(dialog.form.wallet_list.count()):
        dialog.form.wallet_list.item(row).setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "antom-sandbox" in errors["client_id"].text()
    # Wallets are only checked once the other fields are right.
    dialog.form.client_edit.setText("2188000000000001")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert errors["wallets"].isVisible() and "wallet" in errors["wallets"].text()
    assert ProfileStore().names() == ["sandbox"]  # nothing was saved


def test_wallet_list_follows_the_currency(dialog, qtbot):
    fill_production_form(dialog, qtbot)
    form = dialog.form
    types = {
        form.wallet_list.item(r).data(Qt.ItemDataRole.UserRole)
        for r in range(form.wallet_list.count())
    }
    assert "ALIPAY_HK" in types and "GCASH" not in types
    form.currency_combo.setCurrentText("PHP")
    types = {
        form.wallet_list.item(r).data(Qt.ItemDataRole.UserRole)
        for r in range(form.wallet_list.count())
    }
    assert "GCASH" in types and "ALIPAY_HK" not in types


def test_production_profile_by_pasting_keys(
    dialog, qtbot, merchant_key, gateway_key, memory_keyring
):
    fill_production_form(dialog, qtbot)
    save_profile(dialog, qtbot)
    assert dialog.tabs.currentIndex() == 1  # next step: the keys
    saved = ProfileStore().get("shop-live")
    assert saved.environment is Environment.PRODUCTION and saved.merchant_name == "Harbour Café"
    panel = dialog.key_panel
    assert "keyring" in panel.backend_label.text()
    assert panel.merchant_fp.text() == "not imported yet"

    # The private key as the Antom Dashboard hands it out: bare base64 PKCS#8, one line.
    pasted = private_key_pkcs8_base64(merchant_key)
    paste(qtbot, panel.private_box, pasted)
    assert panel.private_box.diagnosis.text().startswith("Looks right")
    with qtbot.waitSignal(panel.status_shown, timeout=WAIT):
        qtbot.mouseClick(panel.private_box.import_button, Qt.MouseButton.LeftButton)
        assert panel.private_box.edit.toPlainText() == ""  # cleared before the worker ran
    merchant_fp = fingerprint(merchant_key.public_key())
    assert merchant_fp in panel.merchant_fp.text().replace("\n", "")
    assert panel.message.text() == "Private key imported."
    # The pasted key is gone from every widget, from undo history, and never displayed.
    text = all_text(dialog)
    assert pasted[500:560] not in text
    for fragment in secret_fragments(merchant_key):
        assert fragment not in text
    assert not panel.private_box.edit.document().isUndoAvailable()
    assert any(pasted[600:700] in v for v in memory_keyring.values.values())  # stored

    # Classic mistake: the merchant's own public key pasted as the gateway key.
    paste(qtbot, panel.gateway_box, public_key_base64(merchant_key.public_key()))
    assert panel.gateway_box.diagnosis.property("code") == "merchant-key-as-gateway"
    assert "your own merchant public key" in panel.gateway_box.diagnosis.text()
    qtbot.mouseClick(panel.gateway_box.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.message.property("role") == "error", timeout=WAIT)
    assert "your own merchant public key" in panel.message.text()
    assert panel.status.gateway is None and panel.gateway_box.edit.toPlainText() == ""

    # The real gateway key, as PEM.
    pem = (
        gateway_key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    paste(qtbot, panel.gateway_box, pem)
    assert panel.gateway_box.diagnosis.property("code") == ""
    with qtbot.waitSignal(panel.status_shown, timeout=WAIT):
        qtbot.mouseClick(panel.gateway_box.import_button, Qt.MouseButton.LeftButton)
    assert panel.gateway_fp.text().replace("\n", "") == fingerprint(gateway_key.public_key())
    assert merchant_fp in panel.merchant_fp.text().replace("\n", "")

    # Copy for the Dashboard: bare base64 SPKI of the merchant key.
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == public_key_base64(merchant_key.public_key())


@pytest.mark.parametrize(
    "case", ["pkcs1-public", "key-too-small", "truncated", "private-as-public"]
)
def test_gateway_paste_mistakes_are_named_before_saving(dialog, qtbot, merchant_key, case):
    fill_production_form(dialog, qtbot)
    save_profile(dialog, qtbot)
    panel = dialog.key_panel
    if case == "pkcs1-public":
        text = (
            merchant_key.public_key()
            .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.PKCS1)
            .decode()
        )
    elif case == "key-too-small":
        small = rsa.generate_private_key(public_exponent=65537, key_size=1024)
        text = (
            small.public_key()
            .public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
            .decode()
        )
    elif case == "truncated":
        text = public_key_base64(merchant_key.public_key())[:300]
    else:
        text = private_key_pkcs8_base64(merchant_key)
    paste(qtbot, panel.gateway_box, text)
    assert panel.gateway_box.diagnosis.property("code") == case
    assert panel.gateway_box.diagnosis.property("role") == "error"
    if case == "private-as-public":
        panel.gateway_box.clear()
        assert all(f not in all_text(dialog) for f in secret_fragments(merchant_key))


def test_private_paste_mistakes_and_encrypted_pem(dialog, qtbot, merchant_key):
    fill_production_form(dialog, qtbot)
    save_profile(dialog, qtbot)
    box = dialog.key_panel.private_box
    paste(qtbot, box, public_key_base64(merchant_key.public_key()))
    assert box.diagnosis.property("code") == "public-as-private"
    encrypted = merchant_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"open sesame"),
    ).decode()
    paste(qtbot, box, encrypted)
    qtbot.waitUntil(lambda: box.diagnosis.property("code") == "passphrase-needed", timeout=WAIT)
    assert "passphrase" in box.diagnosis.text()
    box.passphrase.setText("open sesame")
    box.passphrase.textEdited.emit("open sesame")
    qtbot.waitUntil(lambda: box.diagnosis.text().startswith("Looks right"), timeout=WAIT)
    with qtbot.waitSignal(dialog.key_panel.status_shown, timeout=WAIT):
        qtbot.mouseClick(box.import_button, Qt.MouseButton.LeftButton)
    assert box.edit.toPlainText() == "" and box.passphrase.text() == ""
    assert fingerprint(merchant_key) in dialog.key_panel.merchant_fp.text().replace("\n", "")


def test_closing_forgets_pasted_text(dialog, qtbot, merchant_key):
    fill_production_form(dialog, qtbot)
    save_profile(dialog, qtbot)
    box = dialog.key_panel.private_box
    paste(qtbot, box, private_key_pkcs8_base64(merchant_key))
    box.passphrase.setText("typed")
    dialog.reject()
    assert box.edit.toPlainText() == "" and box.passphrase.text() == ""
    assert all(f not in all_text(dialog) for f in secret_fragments(merchant_key))


def test_sandbox_profile_shows_memory_notice_and_is_read_only(dialog, qtbot):
    panel = dialog.key_panel
    qtbot.waitUntil(lambda: panel.status is not None, timeout=WAIT)
    assert panel.status.profile == "sandbox"
    assert not panel.notice_label.isHidden() and "memory" in panel.notice_label.text()
    assert len(panel.merchant_fp.text()) > 40
    assert not panel.private_box.isEnabled() and not panel.generate_button.isEnabled()
    assert not dialog.delete_button.isEnabled()


def test_generate_rotate_and_delete_with_confirmation(dialog, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    fill_production_form(dialog, qtbot)
    save_profile(dialog, qtbot)
    panel = dialog.key_panel
    with qtbot.waitSignal(panel.status_shown, timeout=WAIT):
        qtbot.mouseClick(panel.generate_button, Qt.MouseButton.LeftButton)
    assert panel.status.versions == ("1",) and panel.status.merchant is not None
    with qtbot.waitSignal(panel.status_shown, timeout=WAIT):
        qtbot.mouseClick(panel.rotate_button, Qt.MouseButton.LeftButton)
    assert panel.status.versions == ("1", "2") and panel.status.active_version == "1"
    assert "Key version 2 generated" in panel.message.text()
    panel.version_combo.setCurrentIndex(panel.version_combo.findData("2"))
    with qtbot.waitSignal(dialog.profiles_loaded, timeout=WAIT):
        qtbot.mouseClick(panel.activate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: panel.status is not None and panel.status.active_version == "2", timeout=WAIT
    )
    assert ProfileStore().get("shop-live").key_version == "2"
    panel.version_combo.setCurrentIndex(panel.version_combo.findData("1"))
    with qtbot.waitSignal(panel.status_shown, timeout=WAIT):
        qtbot.mouseClick(panel.delete_version_button, Qt.MouseButton.LeftButton)
    assert panel.status.versions == ("2",)
    with qtbot.waitSignal(dialog.profiles_loaded, timeout=WAIT):
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert ProfileStore().names() == ["sandbox"]
