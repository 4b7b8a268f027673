"""The embedded sandbox profile in Profiles & keys: it shows the gateway key the sale
verifies with, and it never asks for a key-file passphrase (its keys live in memory)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cashier_app.app import AppBackend
from cashier_app.gateway.signing import fingerprint
from cashier_app.keystore.profiles import Environment, Profile, ProfileStore
from cashier_app.ui.dialogs.profiles_dialog import ProfilesDialog
from cashier_app.ui.widgets.key_panel import two_lines
from cashier_app.ui.widgets.profile_form import CUSTOM, EMBEDDED

WAIT = 15_000


@pytest.fixture
def no_keyring(monkeypatch):
    """A machine with no Secret Service: real profiles' keys are in the encrypted file."""
    monkeypatch.setenv("CASHIER_KEYSTORE", "file")
    monkeypatch.delenv("CASHIER_KEYSTORE_PASSPHRASE_FILE", raising=False)


def test_sandbox_profile_needs_no_passphrase_and_shows_the_gateway_key(
    make_window, qtbot, no_keyring
):
    window = make_window()
    prompts: list[str] = []
    dialog = window.open_profiles_dialog()
    dialog._prompt = lambda _parent, reason: prompts.append(reason)  # must not be called
    panel = dialog.key_panel
    qtbot.waitUntil(lambda: panel.status is not None and dialog.keys is not None, timeout=WAIT)
    assert dialog.selected_name() == "sandbox" and prompts == []
    expected = fingerprint(window.services.sandbox.gateway_public_key)
    assert panel.gateway_fp.text() == two_lines(expected)
    assert panel.status.gateway is not None and panel.status.gateway.fingerprint == expected
    dialog.reject()


def test_a_real_profile_still_asks_when_it_is_chosen(cashier_app, qtbot, no_keyring):
    ProfileStore().save(
        Profile(
            "kiosk",
            Environment.PRODUCTION,
            "2188000000000009",
            "HKD",
            "https://open-sea-global.alipay.com",
            wallets=("ALIPAY_HK",),
        )
    )
    prompts: list[str] = []
    dialog = ProfilesDialog(
        backend=AppBackend(), passphrase_prompt=lambda _p, reason: prompts.append(reason)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.keys is not None and dialog.overview is not None, timeout=WAIT)
    assert prompts == []  # the sandbox profile is selected first
    row = [p.name for p in dialog.overview.profiles].index("kiosk")
    dialog.table.selectRow(row)
    qtbot.waitUntil(lambda: len(prompts) == 1, timeout=WAIT)
    dialog.done(0)
    dialog.tasks.shutdown(5000)


def test_the_sandbox_form_shows_the_embedded_gateway_and_saves_as_it_is(make_window, qtbot):
    """The embedded sandbox has no URL: the form says 'Embedded sandbox' as its gateway
    (not 'Custom URL…' over an empty https:// field) and saving keeps it embedded."""
    window = make_window()
    dialog = window.open_profiles_dialog()
    qtbot.waitUntil(lambda: dialog.overview is not None, timeout=WAIT)
    assert dialog.selected_name() == "sandbox"
    form = dialog.form
    assert form.gateway_combo.currentData() == EMBEDDED
    assert form.gateway_combo.currentText() == "Embedded sandbox"
    assert not form.gateway_combo.isEnabled()
    assert not form.gateway_edit.isVisibleTo(form)
    assert form.gateway_note.isVisibleTo(form) and "no URL" in form.gateway_note.text()
    # A real environment cannot pick the embedded gateway, and leaves it for a real preset.
    form.env_combo.setCurrentIndex(form.env_combo.findData(Environment.PRODUCTION.value))
    assert form.gateway_combo.currentData() not in (EMBEDDED, CUSTOM)
    assert form.gateway_edit.isVisibleTo(form) and not form.gateway_note.isVisibleTo(form)
    form.env_combo.setCurrentIndex(form.env_combo.findData(Environment.EMBEDDED_SANDBOX.value))
    assert form.gateway_combo.currentData() == EMBEDDED
    form.merchant_edit.setText("Sandbox Café")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "saved" in dialog.message.text(), timeout=WAIT)
    saved = ProfileStore().get("sandbox")
    assert saved.is_embedded_sandbox and saved.gateway_url == ""
    assert saved.merchant_name == "Sandbox Café"
    assert dialog.form.gateway_combo.currentData() == EMBEDDED
    dialog.reject()
