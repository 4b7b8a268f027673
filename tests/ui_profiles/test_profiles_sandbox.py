"""The embedded sandbox profile in Profiles & keys: it shows the gateway key the sale
verifies with, and it never asks for a key-file passphrase (its keys live in memory)."""

from __future__ import annotations

import pytest

from cashier_app.app import AppBackend
from cashier_app.gateway.signing import fingerprint
from cashier_app.keystore.profiles import Environment, Profile, ProfileStore
from cashier_app.ui.dialogs.profiles_dialog import ProfilesDialog
from cashier_app.ui.widgets.key_panel import two_lines

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
