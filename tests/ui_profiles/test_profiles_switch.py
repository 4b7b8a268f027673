"""Switching the active profile from the Profiles & keys dialog rebuilds the window's
services on a worker; a sale still works on the sandbox profile afterwards."""

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
from cashier_app.ui.dialogs.profiles_dialog import ProfilesDialog
from cashier_app.ui.main_window import MainWindow

WAIT = 30_000


@pytest.fixture
def standalone_gateway():
    gateway = SandboxGateway("127.0.0.1", 0, gateway_private_key=generate_private_key()).start()
    yield gateway
    gateway.stop()


@pytest.fixture
def window(cashier_app, memory_keyring, qtbot):
    win = MainWindow(None, backend=AppBackend())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    with qtbot.waitSignal(win.services_ready, timeout=WAIT):
        pass
    yield win
    win.close()


def use_in_dialog(window: MainWindow, qtbot, name: str):
    dialog = window.open_profiles_dialog()
    assert isinstance(dialog, ProfilesDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.overview is not None and dialog.keys is not None, timeout=WAIT)
    row = [p.name for p in dialog.overview.profiles].index(name)
    dialog.table.selectRow(row)
    assert dialog.use_button.isEnabled()
    with qtbot.waitSignal(window.services_ready, timeout=WAIT) as ready:
        qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    dialog.reject()
    return ready.args[0]


def sell(window: MainWindow, qtbot) -> object:
    to_picker(qtbot, window, "8.80")
    with qtbot.waitSignal(window.flow.qr_shown, timeout=20_000):
        qtbot.mouseClick(window.picker_page.confirm_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.flow.sale_settled, timeout=20_000) as settled:
        qtbot.mouseClick(window.redirect_page.simulate_pay, Qt.MouseButton.LeftButton)
    return settled.args[0]


def test_use_rebuilds_services_and_sandbox_sale_still_works(window, qtbot, standalone_gateway):
    first = window.services
    assert first.profile.name == "sandbox" and window.flow is not None
    old_flow = window.flow

    # A production-style profile on a standalone gateway, keys in the (fake) OS keyring.
    profile = ProfileStore().save(
        Profile(
            "shop-live",
            Environment.PRODUCTION,
            "2188000000000001",
            "HKD",
            standalone_gateway.url,
            wallets=("ALIPAY_HK",),
            merchant_name="Harbour Café",
        )
    )
    keys = KeyStore.open()
    info = keys.generate(profile)
    keys.import_gateway_key(profile, standalone_gateway.gateway_public_key_base64)
    standalone_gateway.register_merchant(profile.client_id, info.public_key_base64)

    live = use_in_dialog(window, qtbot, "shop-live")
    assert live is window.services and live.profile.name == "shop-live"
    assert live.sandbox is None and first._closed  # the old services were closed
    assert ProfileStore().active_name() == "shop-live"
    assert window.flow is not old_flow
    assert "shop-live" in window.profile_label.text()
    assert not window.sandbox_notice.isVisibleTo(window)

    back = use_in_dialog(window, qtbot, "sandbox")
    assert back.profile.name == "sandbox" and live._closed
    record = sell(window, qtbot)
    assert record.status is Status.SUCCESS
    assert window.stack.currentWidget() is window.result_page


def test_switch_is_refused_during_a_sale(window, qtbot):
    to_picker(qtbot, window, "3.00")
    services = window.services
    assert window.switch_profile("sandbox") is False
    assert window.services is services
    assert "Finish the current sale" in window.statusBar().currentMessage()


def test_failed_switch_shows_why_and_can_switch_back(window, qtbot):
    ProfileStore().save(
        Profile(
            "no-keys",
            Environment.PRODUCTION,
            "2188000000000002",
            "HKD",
            "https://open-sea-global.alipay.com",
            wallets=("ALIPAY_HK",),
        )
    )
    with qtbot.waitSignal(window.services_failed, timeout=WAIT) as failed:
        window.switch_profile("no-keys")
    assert "no-keys" in failed.args[0] and "private key" in failed.args[0]
    assert window.stack.currentWidget() is window.starting_page
    assert window.profiles_action.isEnabled()
    back = use_in_dialog(window, qtbot, "sandbox")
    assert back.profile.name == "sandbox"


def _save_till() -> None:
    """A second embedded-sandbox profile, "till", beside "sandbox"."""
    ProfileStore().save(
        Profile(
            "till",
            Environment.EMBEDDED_SANDBOX,
            "SANDBOX_CASHIER_DEMO",
            "HKD",
            wallets=("ALIPAY_HK",),
            merchant_name="Cafe",
        )
    )


def test_use_keeps_the_profile_just_used_selected(window, qtbot):
    """Under Xvfb: selecting "till" and pressing Use marked till active but put the
    selection (and the form beside it) back on "sandbox", the row selected when the list
    was last loaded: the next Edit or Delete… would have acted on the wrong profile."""
    _save_till()
    dialog = window.open_profiles_dialog()
    qtbot.waitUntil(lambda: dialog.overview is not None and dialog.keys is not None, timeout=WAIT)
    dialog.reload()  # the list as it is now, the new profile in it
    qtbot.waitUntil(lambda: "till" in [p.name for p in dialog.overview.profiles], timeout=WAIT)
    assert dialog.selected_name() == "sandbox"
    dialog.table.selectRow([p.name for p in dialog.overview.profiles].index("till"))
    with qtbot.waitSignal(window.services_ready, timeout=WAIT):
        qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert dialog.overview.active == "till"
    assert dialog.selected_name() == "till"
    dialog.reject()


def test_use_during_a_sale_changes_nothing_and_says_why(window, qtbot):
    """Under Xvfb: Use on another profile while a customer's code was on screen said
    "Profile sandbox is now active; the cashier restarts with it", marked it active for
    the next start, and the till went on selling on the old profile (the window refused
    the switch in a status-bar line hidden behind the dialog): the next sale was taken on
    a profile the dialog said was gone."""
    from sale_steps import to_redirect

    _save_till()
    to_redirect(qtbot, window, "5")
    dialog = window.open_profiles_dialog()
    qtbot.waitUntil(lambda: dialog.overview is not None and dialog.keys is not None, timeout=WAIT)
    dialog.reload()
    qtbot.waitUntil(lambda: "till" in [p.name for p in dialog.overview.profiles], timeout=WAIT)
    dialog.table.selectRow([p.name for p in dialog.overview.profiles].index("till"))
    with qtbot.assertNotEmitted(dialog.active_profile_changed, wait=200):
        qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert "Finish the current sale" in dialog.message.text()
    assert dialog.message.property("role") == "error"
    assert ProfileStore().active_name() == "sandbox"
    assert window.services.profile.name == "sandbox" and window.flow.stage == "redirect"
    # Saving the active profile would not reach the till either (its services are the
    # sale's): refused the same way, the file untouched.
    dialog.table.selectRow([p.name for p in dialog.overview.profiles].index("sandbox"))
    dialog.form.merchant_edit.setText("Renamed Store")
    dialog.say("")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Finish the current sale" in dialog.message.text()
    assert ProfileStore().active().merchant_name != "Renamed Store"
    dialog.reject()
