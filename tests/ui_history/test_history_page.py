"""HistoryPage: list, filters, details, and the actions against the real embedded sandbox."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QTableView
from sale_steps import pdf_printer

from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.payment_kit import PaymentInfo
from cashier_app.ui.dialogs.refund_dialog import RefundDialog
from cashier_app.ui.pages.history_page import HistoryPage


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _open(qtbot, services, tasks, **kwargs) -> HistoryPage:
    page = HistoryPage(services, tasks, **kwargs)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()  # showing the page loads it
    qtbot.waitUntil(lambda: page.model.total is not None and not page.model.is_loading)
    return page


def _select(qtbot, page: HistoryPage, payment_request_id: str) -> None:
    row = page.model.row_of(payment_request_id)
    assert row >= 0, f"{payment_request_id} is not loaded"
    page.table.selectRow(row)
    qtbot.waitUntil(
        lambda: (
            page._details is not None
            and page._details.payment.payment_request_id == payment_request_id
        )
    )


# -- list, filters, details (journal only) -----------------------------------------------
def test_opens_newest_first_with_count(qtbot, make_journal, tasks, local_services):
    page = _open(qtbot, local_services(make_journal(1000)), tasks)
    table = page.findChild(QTableView, "historyTable")
    assert table.model().rowCount() == 200  # one page, not the whole journal
    assert page.model.record(0).payment_request_id == "HIST-000999"
    assert page.count_label.text() == "Showing 200 of 1,000"
    table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() == 400)
    assert page.count_label.text() == "Showing 400 of 1,000"


def test_status_and_method_filters(qtbot, make_journal, tasks, local_services):
    journal = make_journal(400)
    page = _open(qtbot, local_services(journal), tasks)
    status = page.findChild(QComboBox, "historyFilterStatus")
    status.setCurrentIndex(status.findData("FAILED"))
    expected = journal.count_payments(status="FAILED")
    qtbot.waitUntil(lambda: page.model.total == expected and not page.model.is_loading)
    assert {page.model.record(r).status for r in range(page.model.rowCount())} == {Status.FAILED}
    method = page.findChild(QComboBox, "historyFilterMethod")
    method.setCurrentIndex(method.findData("TNG"))
    expected = journal.count_payments(status="FAILED", method="TNG")
    qtbot.waitUntil(lambda: page.model.total == expected and not page.model.is_loading)
    assert all(page.model.record(r).method == "TNG" for r in range(page.model.rowCount()))


def test_search_is_debounced(qtbot, make_journal, tasks, local_services):
    journal = make_journal(300)
    page = _open(qtbot, local_services(journal), tasks)
    calls = []
    real = journal.count_payments
    journal.count_payments = lambda **kw: (calls.append(kw), real(**kw))[1]
    search = page.findChild(QLineEdit, "historySearch")
    for ch in "latte":
        search.insert(ch)  # five edits in a row ...
    qtbot.waitUntil(lambda: page.model.total == 30 and not page.model.is_loading)
    assert [c["text"] for c in calls] == ["latte"]  # ... one query
    search.setText("HIST-000123")
    qtbot.waitUntil(lambda: page.model.total == 1 and page.model.rowCount() == 1)


def test_tabbing_from_the_search_into_the_list_selects_the_row_it_lands_on(
    qtbot, make_journal, tasks, local_services
):
    """Under Xvfb: the operator searched an order id, pressed Tab into the list of one row
    and saw its cell framed but "No payment selected"; Down and Up could not move off the
    only row, so Refund… stayed greyed out for a keyboard that had reached the sale."""
    from PySide6.QtCore import Qt

    page = _open(qtbot, local_services(make_journal(300)), tasks)
    page.activateWindow()
    search = page.findChild(QLineEdit, "historySearch")
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    qtbot.keyClicks(search, "HIST-000123")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.total == 1 and not page.model.is_loading)
    for _ in range(3):  # past the clear button and Refresh, whichever take the focus
        if page.table.hasFocus():
            break
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Tab)
    assert page.table.hasFocus()
    qtbot.waitUntil(lambda: page._details is not None)
    assert page.selected_payment().payment_request_id == "HIST-000123"


def test_date_range_filter(qtbot, make_journal, tasks, local_services):
    from datetime import timedelta

    journal = make_journal(300, spacing=timedelta(hours=2))  # 25 days of payments
    page = _open(qtbot, local_services(journal), tasks)
    period = page.findChild(QComboBox, "historyFilterPeriod")
    period.setCurrentIndex(period.findData("today"))
    since, _ = page.filters.period_bounds()
    expected = journal.count_payments(since=since)
    qtbot.waitUntil(lambda: page.model.total == expected and not page.model.is_loading)
    assert 0 < expected < 300
    assert all(page.model.record(r).created_at >= since for r in range(page.model.rowCount()))
    period.setCurrentIndex(period.findData("custom"))
    assert page.filters.date_from.isVisible()


def test_details_show_events_and_refunds(qtbot, make_journal, tasks, local_services):
    journal = make_journal(20)
    pay = next(p for p in journal.list_payments(status="SUCCESS"))
    journal.add_event(pay.payment_request_id, "request", {"api": "pay"})
    journal.add_event(pay.payment_request_id, "state", {"to": "SUCCESS"}, elapsed_ms=12.5)
    page = _open(qtbot, local_services(journal), tasks)
    _select(qtbot, page, pay.payment_request_id)
    events = page.details.events_tree
    assert events.topLevelItemCount() == 2
    assert events.topLevelItem(0).text(1) == "request"
    assert "to: SUCCESS" in events.topLevelItem(1).text(2)
    assert page.details._fields["refundable"].text() == pay.amount.display()
    assert page.refund_button.isEnabled()
    assert not page.cancel_button.isEnabled()


def test_refund_above_refundable_is_refused(qtbot, make_journal, tasks, local_services):
    journal = make_journal(20)
    pay = next(p for p in journal.list_payments(status="SUCCESS"))
    page = _open(qtbot, local_services(journal), tasks)  # checkout is None: nothing sent
    _select(qtbot, page, pay.payment_request_id)
    too_much = Money(pay.amount.value + 1, pay.amount.currency)
    page.ask_refund = lambda details: (too_much, "")
    page.refund_button.click()
    assert "more than what is left" in page.message.text()
    assert journal.refunds_for(pay.payment_request_id) == []

    dialog = RefundDialog(pay, pay.amount.value - 100)
    qtbot.addWidget(dialog)
    dialog.partial_radio.setChecked(True)
    dialog.amount_input.setText(too_much.decimal_str())
    assert not dialog.confirm_button.isEnabled()
    assert "more than" in dialog.error_label.text()
    dialog.amount_input.setText("1.00")
    assert dialog.confirm_button.isEnabled()
    assert dialog.amount() == Money(100, pay.amount.currency)


# -- actions against the embedded sandbox --------------------------------------------------
@pytest.fixture
def sandbox_services(tmp_path):
    from cashier_app.app import build_services

    services = build_services(journal_path=tmp_path / "live.sqlite3", timeout=5.0)
    yield services
    services.close()


def _sale(services, value=1230, currency="HKD", method="ALIPAY_HK", pay=True):
    rec = services.checkout.create_payment(PaymentInfo(value, currency, "Flat white", ""), method)
    if pay:
        services.sandbox.approve(rec.payment_id)
        rec = services.checkout.refresh(rec.payment_request_id)
        assert rec.status is Status.SUCCESS
    return rec


def test_partial_then_full_refund(qtbot, sandbox_services, tasks):
    rec = _sale(sandbox_services)
    page = _open(qtbot, sandbox_services, tasks)
    _select(qtbot, page, rec.payment_request_id)
    assert page.details.events_tree.topLevelItemCount() >= 3  # journaled, request, response

    page.ask_refund = lambda details: (Money(230, "HKD"), "one cup short")
    with qtbot.waitSignal(page.refund_made, timeout=10_000) as blocker:
        page.findChild(QPushButton, "historyRefundButton").click()
    assert blocker.args[0].status is Status.SUCCESS
    qtbot.waitUntil(lambda: page._details.refunded == 230)
    assert page.details._fields["refundable"].text() == "HK$10.00"
    assert page.details.refunds_tree.topLevelItemCount() == 1

    seen = []

    def ask(details):
        seen.append(details.refundable)
        return Money(details.refundable, "HKD"), ""

    page.ask_refund = ask
    with qtbot.waitSignal(page.refund_made, timeout=10_000):
        page.refund_button.click()
    assert seen == [1000]
    qtbot.waitUntil(lambda: page._details.refundable == 0)
    assert not page.refund_button.isEnabled()
    assert sandbox_services.journal.refunded_total(rec.payment_request_id) == 1230


def test_the_refunded_filter_lists_sales_with_a_refund(qtbot, sandbox_services, tasks):
    """Exploratory test: History had no "Refunded" status choice, so a manager could not
    list the day's refunds. Fully, partly and still-pending refunded sales are listed (each
    under its own status), a sale with no refund and an unpaid one are not."""
    services = sandbox_services
    full, part, pending, kept = (_sale(services) for _ in range(4))
    unpaid = _sale(services, pay=False)
    for rec, minor in ((full, 1230), (part, 230)):
        assert services.checkout.refund(rec.payment_request_id, Money(minor, "HKD")).status is (
            Status.SUCCESS
        )
    services.sandbox.faults.add("async_refund", seconds=0)  # in process until settled
    refund = services.checkout.refund(pending.payment_request_id, Money(1000, "HKD"))
    assert refund.status is Status.PENDING
    page = _open(qtbot, services, tasks)
    assert page.model.total == 5
    status = page.findChild(QComboBox, "historyFilterStatus")
    choice = status.findData("refunded")
    assert choice > 0 and status.itemText(choice) == "Refunded"
    status.setCurrentIndex(choice)
    qtbot.waitUntil(lambda: page.model.total == 3 and not page.model.is_loading)
    model = page.model
    shown = {
        model.record(r).payment_request_id: model.index(r, model.COL_STATUS).data()
        for r in range(model.rowCount())
    }
    assert shown == {
        full.payment_request_id: "Refunded",
        part.payment_request_id: "Partly refunded",
        pending.payment_request_id: "Refund pending",
    }
    assert kept.payment_request_id not in shown and unpaid.payment_request_id not in shown
    status.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.model.total == 5 and not page.model.is_loading)


def test_reinquire_and_cancel_pending(qtbot, sandbox_services, tasks):
    paid_later = _sale(sandbox_services, pay=False)
    to_cancel = _sale(sandbox_services, value=500, pay=False)
    page = _open(qtbot, sandbox_services, tasks)

    _select(qtbot, page, paid_later.payment_request_id)
    assert (
        page.model.record(page.model.row_of(paid_later.payment_request_id)).status is Status.PENDING
    )
    sandbox_services.sandbox.approve(paid_later.payment_id)
    with qtbot.waitSignal(page.payment_changed, timeout=10_000):
        page.findChild(QPushButton, "reinquireButton").click()
    row = page.model.row_of(paid_later.payment_request_id)
    assert page.model.record(row).status is Status.SUCCESS
    assert page.model.index(row, page.model.COL_STATUS).data() == "Success"

    _select(qtbot, page, to_cancel.payment_request_id)
    cancel = page.findChild(QPushButton, "historyCancelButton")
    assert cancel.isEnabled()
    page.confirm = lambda title, text: False
    cancel.click()
    assert not page._busy  # declined: nothing sent
    page.confirm = lambda title, text: True
    with qtbot.waitSignal(page.payment_changed, timeout=10_000) as blocker:
        cancel.click()
    assert blocker.args[0].status is Status.CANCELLED
    qtbot.waitUntil(lambda: not page.cancel_button.isEnabled())


def test_save_and_print_receipt(qtbot, sandbox_services, tasks, tmp_path):
    rec = _sale(sandbox_services, value=4560)
    page = _open(qtbot, sandbox_services, tasks)
    _select(qtbot, page, rec.payment_request_id)

    target = tmp_path / "receipt.pdf"
    page.receipts.ask_save_path = lambda default: str(target)
    with qtbot.waitSignal(page.receipts.finished, timeout=10_000):
        page.findChild(QPushButton, "saveReceiptButton").click()
    text = _pdf_text(target)
    assert rec.payment_id in text and "45.60" in text and "Alipay+" in text
    assert str(target) in page.message.text()

    printed = tmp_path / "printed.pdf"
    page.receipts.ask_printer = lambda: pdf_printer(printed)
    with qtbot.waitSignal(page.receipts.finished, timeout=10_000):
        page.findChild(QPushButton, "printReceiptButton").click()
    text = _pdf_text(printed)
    assert rec.payment_id in text and "PAID" in text


def test_a_chinese_till_prints_its_receipt_in_chinese(qtbot, sandbox_services, tasks, tmp_path):
    """In zh_CN the receipt the history page prints (ESC/POS roll, 58 mm) and saves (PDF)
    has Chinese labels; the amount and the ids as they are, the request id whole."""
    from cashier_app.till.printer_config import PrinterConfig, save_printer_config
    from cashier_app.ui import ensure_application

    device = tmp_path / "lp0"
    device.write_bytes(b"")
    save_printer_config(PrinterConfig(connection="file", device_file=str(device), paper_mm=58))
    rec = _sale(sandbox_services, value=4560)
    ensure_application(lang="zh_CN")
    try:
        page = _open(qtbot, sandbox_services, tasks)
        _select(qtbot, page, rec.payment_request_id)
        with qtbot.waitSignal(page.receipts.finished, timeout=10_000):
            page.findChild(QPushButton, "printReceiptButton").click()
        raw = device.read_bytes()
        assert "已付款".encode("gb18030") in raw and b"PAID" not in raw
        assert rec.payment_request_id.encode() + b"\n" in raw  # whole, on a line of its own
        target = tmp_path / "receipt.pdf"
        page.receipts.ask_save_path = lambda default: str(target)
        with qtbot.waitSignal(page.receipts.finished, timeout=10_000):
            page.findChild(QPushButton, "saveReceiptButton").click()
        text = _pdf_text(target)
        assert "已付款" in text and "支付单号" in text and "45.60" in text
        assert "Payment ID" not in text
    finally:
        ensure_application(lang="en")


def test_print_goes_to_the_tills_escpos_printer_when_one_is_set(
    qtbot, sandbox_services, tasks, tmp_path
):
    from cashier_app.till.printer_config import PrinterConfig, save_printer_config

    device = tmp_path / "lp0"
    device.write_bytes(b"")
    save_printer_config(PrinterConfig(connection="file", device_file=str(device), paper_mm=58))
    rec = _sale(sandbox_services, value=4560)
    page = _open(qtbot, sandbox_services, tasks)
    _select(qtbot, page, rec.payment_request_id)
    page.receipts.ask_printer = lambda: pytest.fail("the system dialog must not open")
    with qtbot.waitSignal(page.receipts.finished, timeout=10_000):
        page.findChild(QPushButton, "printReceiptButton").click()
    raw = device.read_bytes()
    assert rec.payment_id.encode() in raw and b"HK$45.60" in raw and raw.endswith(b"\x1dV\x00")
