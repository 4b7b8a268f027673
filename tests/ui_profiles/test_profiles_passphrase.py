"""Without an OS keyring the keys live in the passphrase-encrypted file: the window asks
for the passphrase at start-up (a wrong one asks again) and then takes payments."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sale_steps import to_picker

from cashier_app.app import AppBackend
from cashier_app.domain.outcome import Status
from cashier_app.gateway.signing import generate_private_key
from cashier_app.keystore.profiles import Environment, Profile, ProfileStore
from cashier_app.keystore.store import KeyStore
from cashier_app.sandbox.gateway import SandboxGateway
from cashier_app.ui.main_window import MainWindow

WAIT = 30_000
PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def file_keystore_profile(monkeypatch):
    monkeypatch.setenv("CASHIER_KEYSTORE", "file")  # as on a machine with no Secret Service
    monkeypatch.delenv("CASHIER_KEYSTORE_PASSPHRASE_FILE", raising=False)
    gateway = SandboxGateway("127.0.0.1", 0, gateway_private_key=generate_private_key()).start()
    profile = ProfileStore().save(
        Profile(
            "kiosk",
            Environment.PRODUCTION,
            "2188000000000009",
            "HKD",
            gateway.url,
            wallets=("ALIPAY_HK",),
            merchant_name="Kiosk",
        )
    )
    keys = KeyStore.open(passphrase=PASSPHRASE.encode())
    info = keys.generate(profile)
    keys.import_gateway_key(profile, gateway.gateway_public_key_base64)
    gateway.register_merchant(profile.client_id, info.public_key_base64)
    yield gateway
    gateway.stop()


def test_window_asks_for_the_key_file_passphrase_and_then_sells(
    cashier_app, qtbot, file_keystore_profile
):
    answers = iter(["wrong passphrase", PASSPHRASE])
    prompts: list[str] = []

    def ask(_parent, prompt: str) -> str | None:
        prompts.append(prompt)
        return next(answers)

    win = MainWindow("kiosk", backend=AppBackend())
    win.ask_passphrase = ask  # the start-up failure arrives later, by signal
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.services_ready, timeout=WAIT) as ready:
        pass
    services = ready.args[0]
    assert services.profile.name == "kiosk" and len(prompts) == 2
    assert "kiosk" in prompts[0]

    to_picker(qtbot, win, "3.30")
    with qtbot.waitSignal(win.flow.qr_shown, timeout=20_000):
        qtbot.mouseClick(win.picker_page.confirm_button, Qt.MouseButton.LeftButton)
    pending = services.journal.non_final_payments("kiosk")
    assert len(pending) == 1 and pending[0].payment_id
    with qtbot.waitSignal(win.flow.sale_settled, timeout=20_000) as settled:
        file_keystore_profile.approve(pending[0].payment_id)  # the customer pays
    assert settled.args[0].status is Status.SUCCESS
    win.close()


def test_declining_to_unlock_shows_why(cashier_app, qtbot, file_keystore_profile):
    win = MainWindow("kiosk", backend=AppBackend())
    win.ask_passphrase = lambda _parent, _prompt: None
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.services_failed, timeout=WAIT) as failed:
        pass
    assert "passphrase" in failed.args[0]
    assert win.services is None
    win.close()


def test_the_profiles_windows_passphrase_prompt_says_the_reason_it_is_given(qtbot):
    """Profiles & keys composes why it asks (a wrong passphrase: say so); its own prompt
    showed a fixed text instead, "a new file is created with it", over an existing file."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog, QWidget

    from cashier_app.ui.dialogs.profiles_dialog import ProfilesDialog

    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[str] = []

    def read_and_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(10, read_and_cancel)
            return
        seen.append(dialog.labelText())
        assert dialog.textEchoMode() == dialog.textEchoMode().Password
        dialog.reject()

    QTimer.singleShot(0, read_and_cancel)
    reason = "wrong passphrase for key file /k/keys.enc\n\nEnter its passphrase."
    assert ProfilesDialog.ask_passphrase(parent, reason) is None
    assert seen == [reason]
