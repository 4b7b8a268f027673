"""Setup → Wallet page for phones: the embedded sandbox's LAN listener from the GUI, and a
"phone" (plain HTTP on 127.0.0.2, the test LAN) paying the sale from the QR on screen."""

from __future__ import annotations

import http.client
from urllib.parse import urlsplit

from PySide6.QtCore import Qt

from cashier_app.domain.outcome import Status

LAN = "127.0.0.2"


def _phone(url: str, method: str = "GET") -> tuple[int, dict[str, str], str]:
    """What a phone's browser does with a URL (no redirect following)."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        conn.request(method, parts.path + (f"?{parts.query}" if parts.query else ""))
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read().decode()
    finally:
        conn.close()


def _finish(qtbot, window, signal: str = "task_finished"):
    return qtbot.waitSignal(
        getattr(window.tasks, signal),
        timeout=10_000,
        check_params_cb=lambda name, _r: name == "sandbox:lan",
    )


def test_a_phone_pays_the_sale_from_the_qr_on_screen(make_window, drive, qtbot, qr_decoder):
    window = make_window()
    sandbox = window.services.sandbox
    assert window.phone_action.isEnabled() and not window.phone_action.isChecked()
    dialog = window.open_phone_dialog()
    assert dialog.objectName() == "phoneDialog"
    dialog.address_box.setEditText(LAN)
    with _finish(qtbot, window):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert sandbox.lan_url.startswith(f"http://{LAN}:")
    assert window.phone_action.isChecked()
    shown = dialog.status.toPlainText()
    assert sandbox.lan_url in shown and "firewall" in shown and "loopback address" in shown
    assert sandbox.lan_token not in shown
    assert not dialog.start_button.isEnabled() and dialog.stop_button.isEnabled()
    dialog.close()

    sale = drive(window)
    sale.charge("12.30")
    sale.confirm()
    record = window.redirect_page.record
    (scanned,) = qr_decoder(window.redirect_page.qr)
    assert scanned == record.code_value
    assert scanned.startswith(f"{sandbox.lan_url}/sandbox/code/")
    assert scanned.endswith(f"?t={sandbox.lan_token}")
    # The phone without the token is refused; with the QR's URL it reaches the page.
    assert _phone(scanned.split("?")[0])[0] == 403
    status, headers, _ = _phone(scanned)
    assert status == 302
    page_url = f"{sandbox.lan_url}{headers['Location']}"
    status, _, page = _phone(page_url)
    assert status == 200 and 'data-status="PROCESSING"' in page
    assert f"Pay {record.amount.display()}" in page
    form = page.split('action="', 1)[1].split('"', 1)[0]  # the Pay form's target
    assert form.endswith(f"/pay?t={sandbox.lan_token}")
    with qtbot.waitSignal(window.flow.sale_settled, timeout=20_000) as settled:
        status, headers, _ = _phone(f"{sandbox.lan_url}{form}", "POST")
        assert status == 303
    assert settled.args[0].status is Status.SUCCESS
    _, _, page = _phone(f"{sandbox.lan_url}{headers['Location']}")
    assert 'data-status="SUCCESS"' in page

    # Stopped from the dialog: the next sale's QR points to this computer only.
    dialog = window.open_phone_dialog()
    assert dialog.stop_button.isEnabled()
    with _finish(qtbot, window):
        qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    assert sandbox.lan_url == "" and not window.phone_action.isChecked()
    dialog.close()
    qtbot.mouseClick(window.result_page.new_sale_button, Qt.MouseButton.LeftButton)
    sale.charge("3.00")
    sale.confirm()
    assert window.redirect_page.record.code_value.startswith(f"{sandbox.url}/sandbox/code/")


def test_a_bad_address_is_explained_and_nothing_starts(make_window, qtbot):
    window = make_window()
    dialog = window.open_phone_dialog()
    dialog.address_box.setEditText("0.0.0.0")
    with _finish(qtbot, window, "task_failed"):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert "Could not start" in dialog.status.toPlainText()
    assert "cannot be put in a QR code" in dialog.status.toPlainText()
    assert window.services.sandbox.lan_url == "" and not window.phone_action.isChecked()
    assert dialog.start_button.isEnabled() and not dialog.stop_button.isEnabled()
    dialog.close()
