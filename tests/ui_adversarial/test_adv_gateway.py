"""The gateway down at start and dying mid-poll: the screen says so, then recovers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sale_steps import past_enter_guard, to_picker, to_redirect

from cashier_app.domain.outcome import Status
from cashier_app.gateway.signing import Signer, Verifier, generate_private_key
from cashier_app.sandbox.gateway import SandboxGateway

CLIENT_ID = "SANDBOX_ADV_TILL"


@pytest.fixture
def dead_gateway():
    """A standalone sandbox that knows the merchant, then stopped: its port is dead."""
    key = generate_private_key()
    gateway = SandboxGateway().start()
    gateway.register_merchant(CLIENT_ID, key.public_key())
    gateway.stop()
    yield gateway, Signer(key, "1")
    gateway.stop()


def test_gateway_down_at_start_then_back(make_window, qtbot, dead_gateway):
    gateway, signer = dead_gateway
    url, public_key = gateway.url, gateway.gateway_public_key

    def factory(_profile):
        from cashier_app.app import build_services

        return build_services(
            gateway_url=url,
            client_id=CLIENT_ID,
            signer=signer,
            verifier=Verifier(public_key),
            timeout=2.0,
        )

    window = make_window(factory=factory)
    to_picker(qtbot, window, "3")
    window.picker_page.select("ALIPAY_HK")
    past_enter_guard(window)
    with qtbot.waitSignal(
        window.flow.stage_changed, timeout=20_000, check_params_cb=lambda s: s == "redirect"
    ):
        qtbot.keyClick(window.picker_page, Qt.Key.Key_Return)
    redirect = window.redirect_page
    assert redirect.record.status is Status.UNKNOWN
    # Straight away, not after the first poll: no code, and the screen says why.
    assert redirect.status_label.text() == "Connection lost — retrying…"
    assert redirect.status_label.property("tone") == "warning"
    assert redirect.qr.data() == ""

    gateway.start()  # same port
    assert gateway.url == url
    with qtbot.waitSignal(
        window.flow.poller.connection_changed,
        timeout=20_000,
        check_params_cb=lambda ok, _detail: ok,
    ):
        window.flow.poller.poll_now()
    qtbot.waitUntil(lambda: bool(redirect.record.payment_id), timeout=20_000)
    record = redirect.record
    assert record.status is Status.PENDING
    assert redirect.qr.data() == record.qr_payload() != ""  # the customer can scan now
    assert redirect.link_text.text() == record.deep_link()
    assert redirect.status_label.text() == "Waiting for the customer…"
    gateway.approve(record.payment_id)
    with qtbot.waitSignal(window.flow.sale_settled, timeout=20_000) as settled:
        window.flow.poller.poll_now()
    assert settled.args[0].status is Status.SUCCESS


def test_gateway_dies_mid_poll_and_comes_back(make_window, qtbot):
    window = make_window()
    to_redirect(qtbot, window, "7")
    sandbox, redirect = window.services.sandbox, window.redirect_page
    sandbox.stop()
    with qtbot.waitSignal(
        window.flow.poller.connection_changed,
        timeout=20_000,
        check_params_cb=lambda ok, _detail: not ok,
    ):
        window.flow.poller.poll_now()
    assert redirect.status_label.text() == "Connection lost — retrying…"
    assert redirect.cancel_button.isEnabled()  # the window is not frozen
    sandbox.start()
    with qtbot.waitSignal(
        window.flow.poller.connection_changed,
        timeout=20_000,
        check_params_cb=lambda ok, _detail: ok,
    ):
        window.flow.poller.poll_now()
    assert redirect.status_label.text() == "Waiting for the customer…"
    sandbox.approve(redirect.record.payment_id)
    with qtbot.waitSignal(window.flow.sale_settled, timeout=20_000) as settled:
        window.flow.poller.poll_now()
    assert settled.args[0].status is Status.SUCCESS
