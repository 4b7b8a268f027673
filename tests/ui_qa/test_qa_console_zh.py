"""The QA console in zh_CN speaks Chinese in its details too, not only in its labels: the
active faults' lines, the exchanges' verdicts, result cells and tool tips, the request /
response and notification texts, the fault panel's and scenario panel's answers. The wire
(bodies, headers, URLs, strings to sign, result codes, API and fault-kind codes) stays as
it is: it is taken out before the scan (tests/ui/visible_text.py's, which can fail: see
the last test)."""

from __future__ import annotations

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView
from visible_text import IDENTIFIERS, _count, english_left, visible_texts

from cashier_app.sandbox.faults import KINDS
from cashier_app.ui import ensure_application
from cashier_app.ui.qa.console import _headers_text
from cashier_app.ui.qa.models import BAD_MARK
from cashier_app.ui.qa.records import (
    pretty_json,
    redact_body,
    redact_text,
    request_string_to_sign,
    response_string_to_sign,
)

WAIT = 15_000
#: a fault's fields, quoted as the sandbox's refusals name them
FIELDS = tuple(f"'{name}'" for name in ("kind", "count", "api", "seconds", "status", "mode"))
#: one fault of every kind, as the sandbox takes it
EVERY_KIND = [
    {"kind": "latency", "seconds": 0.5},
    {"kind": "http_error", "status": 502, "api": "cancel"},
    {"kind": "reset", "api": "cancel"},
    {"kind": "bad_signature", "mode": "wrong_key", "api": "cancel"},
    {"kind": "unknown_exception", "api": "cancel"},
    {"kind": "rate_limited", "persistent": True, "api": "cancel"},
    {"kind": "timeout", "seconds": 3, "api": "cancel"},
    {"kind": "malformed_json", "api": "cancel"},
    {"kind": "duplicate_notification", "count": 2},
    {"kind": "late_notification", "seconds": 1},
    {"kind": "async_refund", "seconds": 2},
    {"kind": "clock_skew", "seconds": -600, "api": "cancel"},
]


def _wire(ex) -> list[str]:
    """What an exchange carries on the wire, shown as it is."""
    return [
        f"{ex.method} {ex.url}",
        _headers_text(ex.request_headers),
        _headers_text(ex.response_headers),
        redact_text(request_string_to_sign(ex)),
        redact_text(response_string_to_sign(ex)),
        pretty_json(redact_body(ex.request_body)),
        pretty_json(redact_body(ex.response_body)),
        ex.url,
    ]


def _tooltips(view: QAbstractItemView) -> list[tuple[str, str]]:
    model = view.model()
    return [
        (f"{view.objectName()}.tip{r},{c}", str(tip))
        for r in range(_count(model.rowCount))
        for c in range(max(_count(model.columnCount), 1))
        if (tip := model.index(r, c).data(Qt.ItemDataRole.ToolTipRole))
    ]


def console_english(console) -> list[str]:
    """``where: text [words]`` for each text of the console (every tab's labels, items,
    cells and tool tips; every exchange's and notification's details) holding English."""
    texts: list[tuple[str, tuple[str, ...], str]] = []
    for i in range(console.tabs.count()):
        console.tabs.setCurrentIndex(i)
        texts += [
            (where, (), text)
            for where, text in visible_texts(console)
            if not where.startswith("QHeaderView#")  # its model is its table's
            and text.strip() not in IDENTIFIERS  # a scenario's parameter names
        ]
    for view in console.findChildren(QAbstractItemView):
        if isinstance(view, QHeaderView):  # its model is its table's
            continue
        texts += [(where, (), tip) for where, tip in _tooltips(view)]
    console.tabs.setCurrentIndex(0)
    for row in range(console.exchanges.rowCount()):
        ex = console.exchanges.exchange(row)
        console.select_row(row)
        wire = (*_wire(ex), ex.api)
        texts += [
            (f"exchange{row}.verdict", wire, console.verdict.text()),
            (f"exchange{row}.request", wire, console.request_text.toPlainText()),
            (f"exchange{row}.response", wire, console.response_text.toPlainText()),
        ]
    console.tabs.setCurrentIndex(3)
    for row in range(console.notifications.rowCount()):
        d = console.notifications.row(row)
        console.notify_table.selectRow(row)
        wire = (f"POST {d.path}", _headers_text(d.headers), pretty_json(redact_body(d.body)))
        texts.append((f"notification{row}", wire, console.notify_text.toPlainText()))
    codes = (*KINDS, *FIELDS)
    found = {
        f"{where}: {text!r} {words}"
        for where, wire, text in texts
        if (words := english_left(text, *wire, *codes))
    }
    return sorted(found)


@pytest.fixture
def zh_window(make_window, cashier_app, qtbot):
    ensure_application(lang="zh_CN")
    try:
        window = make_window()
        window.resize(1280, 860)
        qtbot.keyClick(window, Qt.Key.Key_F12)
        qtbot.waitUntil(window.qa_dock.isVisible)
        yield window
    finally:
        ensure_application(lang="en")


def test_the_qa_consoles_details_read_chinese(zh_window, qtbot, start_sale):
    window = zh_window
    console = window.qa_dock.console
    panel = console.fault_panel
    for fault in EVERY_KIND:
        with qtbot.waitSignal(panel.faults_changed, timeout=WAIT):
            panel.add_fault(dict(fault))
    assert sorted(f["kind"] for f in panel.faults) == sorted(KINDS)
    with qtbot.waitSignal(panel.fault_failed, timeout=WAIT):
        panel.add_fault({"kind": "latency", "seconds": 0})  # refused, said why
    found = console_english(console)

    with qtbot.waitSignal(panel.faults_changed, timeout=WAIT):
        panel.clear_faults()
    for fault in (
        {"kind": "http_error", "status": 503, "api": "pay"},
        {"kind": "bad_signature", "mode": "tamper_body", "api": "inquiryPayment"},
        {"kind": "malformed_json", "api": "inquiryPayment"},
    ):
        with qtbot.waitSignal(panel.faults_changed, timeout=WAIT):
            panel.add_fault(fault)
    start_sale(window, "3.00", "ALIPAY_HK")
    qtbot.waitUntil(
        lambda: (
            sum(
                console.exchanges.index(r, 4).data() == BAD_MARK
                for r in range(console.exchanges.rowCount())
            )
            >= 2
        ),
        timeout=WAIT,
    )
    forged = httpx.post(
        window.services.listener.url,
        content=b'{"notifyType":"PAYMENT_RESULT"}',
        headers={"client-id": "SANDBOX_CASHIER_DEMO", "signature": "algorithm=RSA256"},
    )
    assert forged.status_code == 400
    qtbot.waitUntil(lambda: console.notifications.rowCount() >= 1, timeout=WAIT)
    found += console_english(console)
    assert found == [], "\n".join(found)


def test_the_scan_finds_english_details():
    """The scan sees what the console showed in English before: an active fault's scope,
    an exchange's error, a rejected notification's reason."""
    assert english_left("#3 async_refund （1500 毫秒） · refund · 剩余 1 次", *KINDS) == []
    assert english_left("#3 latency (500 ms) · notifications · until cleared", *KINDS) == [
        "ms",
        "notifications",
        "until",
        "cleared",
    ]
    assert english_left("✗ 未验签：the response signature does not verify · pay") != []
    # English glued to a number by Chinese punctuation is still seen (it was skipped)
    assert english_left("已拒绝（HTTP 400）：missing header") == ["missing", "header"]
