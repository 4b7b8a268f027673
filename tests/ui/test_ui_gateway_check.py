"""At start-up the window checks the gateway once (reachable, our key accepted, theirs
verified) and says so in the status bar; a failure is shown before the first customer."""

from __future__ import annotations

from cashier_app.app import AppBackend
from cashier_app.gateway.signing import generate_private_key
from cashier_app.keystore.profiles import Environment, Profile, ProfileStore
from cashier_app.keystore.store import KeyStore
from cashier_app.sandbox.gateway import SandboxGateway
from cashier_app.ui import ensure_application
from cashier_app.ui.main_window import MainWindow

WAIT = 30_000


def test_embedded_sandbox_checks_out(qapp, qtbot):
    ensure_application(lang="en")
    win = MainWindow(None, backend=AppBackend())
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.gateway_checked, timeout=WAIT) as checked:
        pass
    assert checked.args[0].ok
    assert win.gateway_label.text().startswith("Gateway ✓")
    win.close()


def test_gateway_with_the_wrong_merchant_key_is_flagged_at_start(
    qapp, qtbot, memory_keyring, monkeypatch
):
    monkeypatch.delenv("CASHIER_KEYSTORE", raising=False)
    ensure_application(lang="en")
    gateway = SandboxGateway(gateway_private_key=generate_private_key()).start()
    try:
        profile = ProfileStore().save(
            Profile(
                "shop",
                Environment.PRODUCTION,
                "2188000000000003",
                "HKD",
                gateway.url,
                wallets=("ALIPAY_HK",),
            )
        )
        keys = KeyStore.open()
        keys.generate(profile)
        keys.import_gateway_key(profile, gateway.gateway_public_key_base64)
        # the Dashboard holds some other key: every request would be refused
        gateway.register_merchant(profile.client_id, generate_private_key().public_key())
        win = MainWindow("shop", backend=AppBackend())
        qtbot.addWidget(win)
        with qtbot.waitSignal(win.gateway_checked, timeout=WAIT) as checked:
            pass
        assert not checked.args[0].ok and checked.args[0].code == "INVALID_SIGNATURE"
        assert win.gateway_label.text() == "Gateway ✗"
        assert "Gateway check failed" in win.banner.text()
        assert "Antom Dashboard" in win.banner.text()
        win.close()
    finally:
        gateway.stop()
