"""QA console against the embedded sandbox over loopback: exchanges, faults, notifications,
redaction and export."""

from __future__ import annotations

import json

import httpx
from PySide6.QtCore import Qt

from cashier_app.gateway.signing import private_key_pkcs8_base64
from cashier_app.ui.qa.models import BAD_MARK, OK_MARK

VERIFIED_COL, API_COL, HTTP_COL = 4, 1, 2


def _rows(console) -> list[tuple[str, str, str]]:
    model = console.exchanges
    return [
        (
            model.index(r, API_COL).data(),
            model.index(r, HTTP_COL).data(),
            model.index(r, VERIFIED_COL).data(),
        )
        for r in range(model.rowCount())
    ]


def _row_of(console, api: str, mark: str) -> int:
    for r, (row_api, _http, verified) in enumerate(_rows(console)):
        if row_api == api and verified == mark:
            return r
    return -1


def test_sale_shows_verified_pay_and_inquiry_with_details(qa_window, qtbot, start_sale):
    console = qa_window.qa_dock.console
    assert qa_window.findChild(object, "qaConsoleAction").shortcut().toString() == "F12"
    start_sale(qa_window, "12.30", "ALIPAY_HK")
    qtbot.waitUntil(lambda: _row_of(console, "inquiryPayment", OK_MARK) >= 0, timeout=15_000)
    pay = _row_of(console, "pay", OK_MARK)
    assert pay >= 0 and _rows(console)[pay][1] == "200"
    assert BAD_MARK not in [v for _a, _h, v in _rows(console)]

    console.select_row(pay)
    assert console.verdict.text().startswith("✓")
    request = console.request_text.toPlainText()
    record = qa_window.redirect_page.record
    assert "Signature: algorithm=RSA256,keyVersion=1,signature=" in request
    assert (
        "POST /ams/sandbox/api/v1/payments/pay\nSANDBOX_CASHIER_DEMO." in request
    )  # the string to sign, reconstructed
    assert f'"paymentRequestId": "{record.payment_request_id}"' in request  # pretty JSON
    response = console.response_text.toPlainText()
    assert response.startswith("HTTP 200") and "response-time: " in response.lower()
    assert '"resultCode": "PAYMENT_IN_PROCESS"' in response
    curl = console.copy_curl()
    assert curl.startswith("curl -sS -X POST http://127.0.0.1:")
    assert "--data-raw" in curl and record.payment_request_id in curl
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == curl


def test_bad_signature_fault_shows_cross_and_status_line_then_clears(qa_window, qtbot, start_sale):
    console = qa_window.qa_dock.console
    panel = console.fault_panel
    assert panel.client is not None and not panel.unavailable.isVisible()
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("bad_signature"))
    panel.api_combo.setCurrentIndex(panel.api_combo.findData("inquiryPayment"))
    panel.persistent_check.setChecked(True)
    assert not panel.ms_spin.isEnabled() and panel.mode_combo.isEnabled()
    assert panel.fault_from_form() == {
        "kind": "bad_signature",
        "persistent": True,
        "api": "inquiryPayment",
        "mode": "flip",
    }
    with qtbot.waitSignal(panel.faults_changed, timeout=5000):
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert [f["kind"] for f in panel.faults] == ["bad_signature"]
    assert panel.faults[0]["count"] is None
    assert "until cleared" in panel.active_list.item(0).text()

    start_sale(qa_window, "5.00", "ALIPAY_CN")
    qtbot.waitUntil(lambda: _row_of(console, "inquiryPayment", BAD_MARK) >= 0, timeout=15_000)
    assert _row_of(console, "pay", OK_MARK) >= 0  # only inquiries are spoiled
    bad = _row_of(console, "inquiryPayment", BAD_MARK)
    console.select_row(bad)
    assert console.verdict.text().startswith("✗ Not verified:")
    assert "signature" in console.verdict.text().lower()
    status = qa_window.redirect_page.status_label
    qtbot.waitUntil(lambda: status.text() == "Connection lost — retrying…", timeout=15_000)
    assert "signature" in status.toolTip().lower()

    with qtbot.waitSignal(panel.faults_changed, timeout=5000):
        qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert panel.faults == [] and panel.active_list.item(0).text() == "No active faults"
    assert qa_window.services.sandbox.faults.active() == []
    qa_window.flow.poller.poll_now()
    qtbot.waitUntil(lambda: status.text() == "Waiting for the customer…", timeout=15_000)
    last = _rows(console)[-1]
    assert last[0] == "inquiryPayment" and last[2] == OK_MARK


def test_http_error_fault_is_logged_as_retried_attempts(qa_window, qtbot, start_sale):
    console = qa_window.qa_dock.console
    panel = console.fault_panel
    with qtbot.waitSignal(panel.faults_changed, timeout=5000):
        panel.add_fault({"kind": "http_error", "status": 503, "count": 1, "api": "pay"})
    start_sale(qa_window, "2.00", "ALIPAY_HK")
    qtbot.waitUntil(lambda: _row_of(console, "pay", OK_MARK) >= 0, timeout=15_000)
    pays = [
        r for r in range(console.exchanges.rowCount()) if console.exchanges.exchange(r).api == "pay"
    ]
    first, second = (console.exchanges.exchange(r) for r in pays[:2])
    assert (first.status_code, first.verified, first.attempt) == (503, False, 1)
    assert (second.status_code, second.verified, second.attempt) == (200, True, 2)
    assert first.request_body == second.request_body  # the identical bytes resent


def test_bad_fault_input_is_refused_with_a_message(qa_window, qtbot):
    panel = qa_window.qa_dock.console.fault_panel
    with qtbot.waitSignal(panel.fault_failed, timeout=2000) as failed:
        panel.add_fault({"kind": "latency", "seconds": 0})
    assert "seconds" in failed.args[0] and "seconds" in panel.message.text()


def test_notifications_accepted_and_forged_rejected(qa_window, qtbot, start_sale):
    console = qa_window.qa_dock.console
    start_sale(qa_window, "7.00", "ALIPAY_HK")
    record = qa_window.redirect_page.record
    with qtbot.waitSignal(qa_window.flow.sale_settled, timeout=20_000):
        qtbot.mouseClick(qa_window.redirect_page.simulate_pay, Qt.MouseButton.LeftButton)
    model = console.notifications
    qtbot.waitUntil(lambda: model.rowCount() >= 1, timeout=15_000)
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[1:5] == ["200", OK_MARK, "PAYMENT_RESULT", record.payment_request_id]

    listener = qa_window.services.listener
    forged = httpx.post(
        listener.url,
        content=b'{"notifyType":"PAYMENT_RESULT"}',
        headers={
            "client-id": "SANDBOX_CASHIER_DEMO",
            "request-time": "2024-01-01T00:00:00+08:00",
            "signature": "algorithm=RSA256,keyVersion=1,signature=AAAA",
        },
    )
    assert forged.status_code == 400
    qtbot.waitUntil(lambda: model.rowCount() >= 2, timeout=5000)
    last = model.rowCount() - 1
    assert model.index(last, 1).data() == "400" and model.index(last, 2).data() == BAD_MARK
    console.tabs.setCurrentIndex(2)
    console.notify_table.selectRow(last)
    assert "Rejected with HTTP 400" in console.notify_text.toPlainText()
    assert listener.url in console.notify_note.text()


def test_export_has_no_key_material_and_masks_credentials(qa_window, qtbot, start_sale, tmp_path):
    from cashier_app.gateway.antom import Exchange

    console = qa_window.qa_dock.console
    services = qa_window.services
    merchant_key_b64 = private_key_pkcs8_base64(services.client.signer._key)
    start_sale(qa_window, "9.90", "ALIPAY_HK")
    qtbot.waitUntil(lambda: _row_of(console, "inquiryPayment", OK_MARK) >= 0, timeout=15_000)
    # An exchange that carries credentials and key material where it never should.
    pem = "-----BEGIN PRIVATE KEY-----\n" + merchant_key_b64[:64] + "\n-----END PRIVATE KEY-----"
    leaky = Exchange(
        api="pay",
        method="POST",
        url="http://127.0.0.1:1/x",
        request_headers={
            "Authorization": "Bearer s3cr3t",
            "Agent-Token": "tok-1",
            "Cookie": "session=abc",
            "client-id": "C",
        },
        request_body=json.dumps(
            {"note": pem, "privateKey": merchant_key_b64, "bare": merchant_key_b64}
        ),
        status_code=200,
        response_headers={"Set-Cookie": "id=zzz"},
        response_body="{}",
        verified=False,
        error=f"odd {merchant_key_b64}",
        elapsed_ms=1.0,
    )
    console.bridge.observe_exchange(leaky)
    qtbot.waitUntil(
        lambda: console.exchanges.exchange(console.exchanges.rowCount() - 1) is leaky, timeout=2000
    )
    console.select_row(console.exchanges.rowCount() - 1)
    shown = console.request_text.toPlainText() + console.response_text.toPlainText()
    for secret in ("s3cr3t", "tok-1", "session=abc", "id=zzz", merchant_key_b64[:40], "-----BEGIN"):
        assert secret not in shown
    assert "Authorization: [redacted]" in shown
    assert "s3cr3t" not in console.copy_curl()

    target = tmp_path / "exchanges.json"
    with qtbot.waitSignal(console.export_finished, timeout=5000):
        console.export_to(target)
    text = target.read_text(encoding="utf-8")
    document = json.loads(text)
    assert document["count"] == console.exchanges.rowCount() >= 3
    assert {e["api"] for e in document["exchanges"]} >= {"pay", "inquiryPayment"}
    first = document["exchanges"][0]
    assert first["verified"] is True and first["request"]["string_to_sign"].startswith("POST ")
    assert merchant_key_b64[:40] not in text
    assert "-----BEGIN" not in text and "PRIVATE" not in text
    for secret in ("s3cr3t", "tok-1", "session=abc", "id=zzz"):
        assert secret not in text


def test_export_to_unwritable_place_reports_failure(qa_window, qtbot, tmp_path):
    console = qa_window.qa_dock.console
    from cashier_app.gateway.antom import Exchange

    console.exchanges.add(
        Exchange(
            "pay", "POST", "http://127.0.0.1:1/p", {}, "{}", None, {}, "", False, "refused", 1.0
        )
    )
    with qtbot.waitSignal(console.export_failed, timeout=5000) as failed:
        console.export_to(tmp_path / "missing-dir" / "x.json")
    assert "Export failed" in failed.args[0]
