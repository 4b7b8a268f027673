"""ReportPage: a day's totals by wallet and currency, flagged payments, chart, CSV/PDF export."""

from __future__ import annotations

import csv
import subprocess
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

import pytest
from history_data import generate_payments
from PySide6.QtWidgets import QPushButton, QTableWidget

from cashier_app.domain.outcome import Status
from cashier_app.domain.records import RefundRecord
from cashier_app.reports.amounts import minor_display
from cashier_app.ui.pages.report_page import ReportPage
from cashier_app.ui.widgets.bar_chart import BarChart

DAY = date(2026, 3, 14)


@pytest.fixture
def day_journal(make_journal):
    """60 payments on DAY (local), 5 the day before, and two refunds on DAY."""
    journal = make_journal()
    noon = datetime(DAY.year, DAY.month, DAY.day, 12).astimezone()
    today = generate_payments(60, newest=noon, spacing=timedelta(minutes=5))
    yesterday = [
        p.with_changes(payment_request_id=f"OLD-{i}", created_at=p.created_at - timedelta(days=1))
        for i, p in enumerate(generate_payments(5, seed=3, newest=noon))
    ]
    journal.create_payments(today + yesterday)
    paid = [p for p in today if p.status is Status.SUCCESS]
    refunds = []
    for i, pay in enumerate(paid[:2]):
        at = noon.astimezone(UTC) + timedelta(minutes=i)
        refund = RefundRecord(
            f"RF-{i}",
            pay.payment_request_id,
            pay.amount,
            Status.SUCCESS,
            at,
            at,
            refund_id=f"RID{i}",
        )
        journal.create_refund(refund)
        refunds.append(refund)
    return journal, today, refunds


@pytest.fixture
def page(qtbot, day_journal, tasks, local_services):
    journal, _, _ = day_journal
    page = ReportPage(local_services(journal), tasks)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    with qtbot.waitSignal(page.report_loaded):
        page.set_day(DAY)
    return page


def _cells(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_totals_match_the_journal(page, day_journal):
    _, today, refunds = day_journal
    sales: dict[tuple[str, str], list[int]] = defaultdict(list)
    open_count: dict[tuple[str, str], int] = defaultdict(int)
    for p in today:
        key = (p.method, p.amount.currency)
        if p.status is Status.SUCCESS:
            sales[key].append(p.amount.value)
        elif p.status is Status.PENDING:
            open_count[key] += 1
    refunded: dict[str, int] = defaultdict(int)
    for r in refunds:
        refunded[r.amount.currency] += r.amount.value

    rows = _cells(page.findChild(QTableWidget, "reportTable"))
    totals = {row[1]: row for row in rows if row[0] == "Total"}
    for currency in {c for _, c in sales}:
        gross = sum(sum(v) for (m, c), v in sales.items() if c == currency)
        count = sum(len(v) for (m, c), v in sales.items() if c == currency)
        row = totals[currency]
        assert row[2] == str(count)
        assert row[3] == minor_display(gross, currency)
        assert row[5] == minor_display(refunded[currency], currency)
        assert row[6] == minor_display(gross - refunded[currency], currency)
    by_wallet = {(row[0], row[1]): row for row in rows if row[0] != "Total"}
    assert by_wallet[("GCash", "PHP")][2] == str(len(sales[("GCASH", "PHP")]))
    assert sum(open_count.values()) > 0
    assert page.report.flagged and len(page.report.flagged) == sum(open_count.values())
    assert page.flagged_list.topLevelItemCount() == sum(open_count.values())
    assert "not final" in page.flag_label.text()


def test_chart_has_a_bar_per_wallet_and_currency(page, qtbot):
    chart = page.findChild(BarChart, "reportChart")
    assert chart is not None
    bars = chart.bars()
    assert len(bars) == len([t for t in page.report.lines if t.sales_minor])
    assert {b.group for b in bars} == {t.currency for t in page.report.lines}
    page.show()
    qtbot.waitExposed(page)
    image = chart.grab().toImage()
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
    }
    assert "#1677ff" in colours  # an Alipay bar was painted, not only text


def test_empty_day(qtbot, make_journal, tasks, local_services):
    page = ReportPage(local_services(make_journal()), tasks)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.report_loaded):
        page.set_day(DAY)
    assert page.table.rowCount() == 0
    assert page.chart.bars() == []
    assert "No payments" in page.summary.text()


def test_export_csv(page, qtbot, tmp_path):
    target = tmp_path / "eod.csv"
    page.ask_save_path = lambda *a: str(target)
    with qtbot.waitSignal(page.export_finished, timeout=10_000) as blocker:
        page.findChild(QPushButton, "exportCsvButton").click()
    assert blocker.args == [str(target)]
    rows = list(csv.reader(target.open(encoding="utf-8-sig")))
    assert rows[0] == ["End-of-day report", DAY.isoformat()]
    total_rows = [r for r in rows if r and r[0] == "TOTAL"]
    assert {r[2] for r in total_rows} == {t.currency for t in page.report.currency_totals}
    assert "Saved" in page.message.text()


def test_export_pdf(page, qtbot, tmp_path):
    target = tmp_path / "eod"  # the page adds the extension
    page.ask_save_path = lambda *a: str(target)
    with qtbot.waitSignal(page.export_finished, timeout=20_000):
        page.findChild(QPushButton, "exportPdfButton").click()
    pdf = tmp_path / "eod.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert DAY.isoformat() in text
    hkd = next(t for t in page.report.currency_totals if t.currency == "HKD")
    assert minor_display(hkd.net_minor, "HKD").replace("HK$", "") in text


def test_export_error_is_shown(page, qtbot, tmp_path):
    page.ask_save_path = lambda *a: str(tmp_path / "missing-folder" / "x.csv")
    page.findChild(QPushButton, "exportCsvButton").click()
    qtbot.waitUntil(lambda: "does not exist" in page.message.text())
    assert page.csv_button.isEnabled()


def test_a_day_of_two_profiles_labels_every_line_and_net(
    qtbot, make_journal, tasks, local_services
):
    """Under Xvfb: a day with sales on two profiles (an in-store till and the demo
    sandbox) showed two "AlipayHK" lines, two "Total" lines and "Net: HK$54.00 HK$100.80"
    with nothing saying which is which (the report had the labels; the page dropped
    them). With live and demo sales on one day, the operator could not tell real money
    from demo money."""
    from cashier_app.domain.money import Money
    from cashier_app.domain.records import PaymentRecord

    journal = make_journal()
    noon = datetime(DAY.year, DAY.month, DAY.day, 12).astimezone().astimezone(UTC)
    live = PaymentRecord(
        "PR-LIVE",
        "shop",
        Money(5400, "HKD"),
        "ALIPAY_HK",
        Status.SUCCESS,
        noon,
        noon,
        client_id="2188000000000001",
    )
    demo = PaymentRecord(
        "PR-DEMO",
        "sandbox",
        Money(10080, "HKD"),
        "ALIPAY_HK",
        Status.SUCCESS,
        noon,
        noon,
        client_id="SANDBOX_CASHIER_DEMO",
    )
    journal.create_payments([live, demo])
    page = ReportPage(local_services(journal), tasks)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.report_loaded):
        page.set_day(DAY)
    names = [row[0] for row in _cells(page.table)]
    assert names == [
        "AlipayHK (shop, Live)",
        "AlipayHK (sandbox, Embedded sandbox)",
        "Total (Live)",
        "Total (Embedded sandbox)",
    ]
    summary = page.summary.text()
    assert "HK$54.00 (Live)" in summary and "HK$100.80 (Embedded sandbox)" in summary, summary
    bars = [bar.label for bar in page.chart.bars()]
    assert len(bars) == len(set(bars)) == 2, bars
