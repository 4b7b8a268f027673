"""QA console parts without a window: redaction, model cap, fault form, sandbox detection."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from cashier_app.gateway.antom import Exchange
from cashier_app.gateway.signing import generate_private_key, private_key_pkcs8_base64
from cashier_app.sandbox.faults import parse_fault
from cashier_app.ui.qa.fault_panel import FaultPanel, describe_fault, sandbox_control_url
from cashier_app.ui.qa.models import ExchangeLogModel
from cashier_app.ui.qa.records import (
    curl_command,
    redact_body,
    redact_headers,
    redact_text,
    request_string_to_sign,
)
from cashier_app.ui.tasks import TaskRunner


def _exchange(i: int = 0, **kw) -> Exchange:
    base = dict(
        api="pay",
        method="POST",
        url="http://127.0.0.1:9/ams/api/v1/payments/pay",
        request_headers={
            "client-id": "CID",
            "Request-Time": "2024-05-01T10:00:00Z",
            "Signature": "algorithm=RSA256,keyVersion=1,signature=x",
        },
        request_body=f'{{"n":{i}}}',
        status_code=200,
        response_headers={},
        response_body='{"result":{"resultStatus":"S","resultCode":"SUCCESS"}}',
        verified=True,
        error="",
        elapsed_ms=3.0,
    )
    base.update(kw)
    return Exchange(**base)


def test_string_to_sign_and_curl():
    ex = _exchange(7)
    assert request_string_to_sign(ex) == (
        'POST /ams/api/v1/payments/pay\nCID.2024-05-01T10:00:00Z.{"n":7}'
    )
    curl = curl_command(ex)
    assert "-H 'Signature: algorithm=RSA256,keyVersion=1,signature=x'" in curl
    assert "--data-raw '{\"n\":7}'" in curl


def test_redaction_of_headers_and_key_material():
    key_b64 = private_key_pkcs8_base64(generate_private_key())
    headers = redact_headers(
        {
            "authorization": "Bearer x",
            "AGENT-TOKEN": "t",
            "Cookie": "c",
            "Signature": "sig",
            "X-Note": key_b64,
        }
    )
    assert headers["authorization"] == headers["AGENT-TOKEN"] == headers["Cookie"] == ("[redacted]")
    assert headers["Signature"] == "sig" and key_b64[:40] not in headers["X-Note"]
    pem = f"a -----BEGIN RSA PRIVATE KEY-----\n{key_b64}\n-----END RSA PRIVATE KEY----- b"
    assert redact_text(pem) == "a [redacted: private key material] b"
    body = redact_body(f'{{"merchantPrivateKey": "{key_b64}", "amount": 1}}')
    assert key_b64[:40] not in body and '"amount":1' in body
    assert redact_body('{"a": 1}') == '{"a": 1}'  # untouched bodies keep their bytes


def test_model_is_capped_and_shows_marks(qtbot):
    model = ExchangeLogModel(capacity=3)
    for i in range(5):
        model.add(_exchange(i, verified=i % 2 == 0))
    assert model.rowCount() == 3
    assert [e.request_body for e in model.exchanges()] == ['{"n":2}', '{"n":3}', '{"n":4}']
    assert [model.index(r, 4).data() for r in range(3)] == ["✓", "✗", "✓"]
    assert model.index(0, 3).data() == "S / SUCCESS"
    model.add(
        _exchange(
            9,
            status_code=None,
            response_body="",
            verified=False,
            error="pay: ConnectError: refused",
        )
    )
    assert model.index(2, 2).data() == "—" and model.index(2, 3).data() == "ConnectError: refused"
    with pytest.raises(ValueError):
        ExchangeLogModel(capacity=0)


def test_sandbox_detection_never_targets_a_real_gateway():
    def services(url, sandbox=None):
        return SimpleNamespace(sandbox=sandbox, profile=SimpleNamespace(gateway_url=url))

    assert sandbox_control_url(services("", SimpleNamespace(url="http://127.0.0.1:5"))) == (
        "http://127.0.0.1:5"
    )
    assert sandbox_control_url(services("http://localhost:8765/")) == "http://localhost:8765"
    assert sandbox_control_url(services("https://open-sea-global.alipay.com")) is None
    assert sandbox_control_url(services("http://10.0.0.5:8765")) is None
    assert sandbox_control_url(None) is None


def test_every_form_combination_is_valid_sandbox_json(qtbot):
    tasks = TaskRunner()
    panel = FaultPanel(tasks)
    qtbot.addWidget(panel)
    assert panel.unavailable.isVisibleTo(panel) and not panel.editor.isEnabled()
    for i in range(panel.kind_combo.count()):
        panel.kind_combo.setCurrentIndex(i)
        for persistent in (False, True):
            panel.persistent_check.setChecked(persistent)
            data = panel.fault_from_form()
            fault = parse_fault(data)
            assert fault.kind == panel.kind_combo.currentData()
            assert (fault.count is None) == persistent
            assert describe_fault({**fault.to_json(), "id": 1}).startswith("#1 ")
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("late_notification"))
    panel.ms_spin.setValue(1500)
    assert panel.fault_from_form()["seconds"] == 1.5 and "api" not in panel.fault_from_form()
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("clock_skew"))
    assert panel.skew_spin.isEnabledTo(panel.editor)
    assert not panel.ms_spin.isEnabledTo(panel.editor)
    panel.skew_spin.setValue(-900)
    skew = parse_fault(panel.fault_from_form())
    assert skew.seconds == -900
    assert "clock_skew (-900 s) · all APIs" in describe_fault({**skew.to_json(), "id": 2})
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("async_refund"))
    refund = parse_fault(panel.fault_from_form())
    assert "async_refund (1500 ms) · refund" in describe_fault({**refund.to_json(), "id": 3})
    tasks.shutdown(1000)


def test_console_is_translated_to_chinese(qapp, qtbot):
    from cashier_app.ui import ensure_application
    from cashier_app.ui.qa.console import QaConsole

    ensure_application(lang="zh_CN")
    try:
        tasks = TaskRunner()
        console = QaConsole(tasks)
        qtbot.addWidget(console)
        assert console.tabs.tabText(0) == "请求记录"
        assert console.curl_button.text() == "复制为 curl"
        assert console.exchanges.headerData(4, Qt.Orientation.Horizontal) == "已验签"
        assert console.fault_panel.add_button.text() == "添加故障"
        assert console.fault_panel.unavailable.text().startswith("故障注入")
        tasks.shutdown(1000)
    finally:
        ensure_application(lang="en")
