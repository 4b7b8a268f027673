"""End-of-day report: the numbers, the CSV and the PDF (read back with pdftotext)."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import PaymentRecord
from cashier_app.reports.amounts import minor_display, minor_str
from cashier_app.reports.eod import ReportError, compute_report, write_csv, write_pdf

HK = ZoneInfo("Asia/Hong_Kong")
DAY = date(2026, 11, 21)


def test_totals_by_method_and_currency(day_journal):
    report = compute_report(day_journal, DAY, HK)
    lines = {(t.method, t.currency): t for t in report.lines}
    assert set(lines) == {
        ("ALIPAY_HK", "HKD"),
        ("ALIPAY_CN", "CNY"),
        ("GCASH", "PHP"),
        ("KAKAOPAY", "KRW"),
    }
    hk = lines[("ALIPAY_HK", "HKD")]
    # HK1 + HK2 sold; RF1 and yesterday's RF3 refunded today; RF2 failed (not counted).
    assert (hk.sales_count, hk.sales_minor) == (2, 11230)
    assert (hk.refunds_count, hk.refunds_minor) == (2, 3250)
    assert hk.net_minor == 7980
    assert (hk.unsuccessful_count, hk.open_count) == (1, 1)
    gc = lines[("GCASH", "PHP")]
    # GC2 UNKNOWN and RF4 pending: both not final
    assert (gc.sales_minor, gc.refunds_minor, gc.open_count) == (25000, 0, 2)
    assert lines[("KAKAOPAY", "KRW")].sales_minor == 15000
    totals = {t.currency: t for t in report.currency_totals}
    assert totals["HKD"].net_minor == 7980 and totals["CNY"].unsuccessful_count == 1
    assert [p.payment_request_id for p in report.flagged] == ["HK4", "GC2"]
    assert [r.refund_request_id for r in report.flagged_refunds] == ["RF4"]
    assert report.tz_name == "Asia/Hong_Kong"
    assert ("AlipayHK", "HKD", 7980) in report.chart_series()


def test_other_time_zone_moves_the_day_boundary(day_journal):
    # In UTC, 2026-11-21 starts 8 hours later: OLD and HK1..HK4 (before 00:00Z) are out.
    report = compute_report(day_journal, DAY, ZoneInfo("UTC"))
    ids = {(t.method, t.currency): t.sales_count for t in report.lines}
    assert ids.get(("ALIPAY_HK", "HKD")) == 1  # NEXT, at 16:00Z
    assert compute_report(day_journal, date(2020, 1, 1), HK).is_empty


def test_csv(day_journal, tmp_path):
    path = write_csv(compute_report(day_journal, DAY, HK), tmp_path / "eod.csv")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["End-of-day report", "2026-11-21"]
    header = rows.index(
        [
            "Method",
            "Wallet",
            "Currency",
            "Sales",
            "Sales amount",
            "Refunds",
            "Refunds amount",
            "Net",
            "Unsuccessful",
            "Not final",
            "Profile",
            "Environment",
        ]
    )
    table = {(r[0], r[2]): r for r in rows[header + 1 :] if len(r) == 12}
    assert table[("ALIPAY_HK", "HKD")][3:10] == ["2", "112.30", "2", "32.50", "79.80", "1", "1"]
    assert table[("ALIPAY_HK", "HKD")][10:] == ["sandbox", "embedded-sandbox"]
    assert rows[4] == ["Environment", "embedded demo sandbox - not real money"]
    assert table[("KAKAOPAY", "KRW")][4] == "15000"
    assert table[("TOTAL", "HKD")][7] == "79.80"
    flagged = [r[0] for r in rows if r and r[0] in ("HK4", "GC2", "RF4")]
    assert flagged == ["HK4", "GC2", "RF4"]


def test_pdf_text(day_journal, tmp_path, pdftotext):
    path = write_pdf(compute_report(day_journal, DAY, HK), tmp_path / "eod.pdf", "Demo Store")
    text = pdftotext(path)
    assert path.read_bytes().startswith(b"%PDF")
    for needle in (
        "End-of-day report",
        "2026-11-21",
        "Demo Store",
        "AlipayHK",
        "HK$112.30",
        "HK$79.80",
        "₱250.00",
        "Needs attention",
        "HK4",
        "GC2",
        "RF4",
    ):
        assert needle in text, needle


def test_pdf_paginates_long_flag_lists(day_journal, tmp_path, pdftotext):
    t0 = datetime(2026, 11, 21, 1, 0, tzinfo=UTC)
    day_journal.create_payments(
        PaymentRecord(
            f"OPEN{i:03d}",
            "sandbox",
            Money(100 + i, "HKD"),
            "ALIPAY_HK",
            Status.PENDING,
            t0 + timedelta(seconds=i),
            t0,
        )
        for i in range(120)
    )
    path = write_pdf(compute_report(day_journal, DAY, HK), tmp_path / "long.pdf")
    text = pdftotext(path)
    assert text.count("\f") >= 2  # more than one page
    assert "OPEN000" in text and "OPEN119" in text


def test_write_errors_are_named(day_journal, tmp_path):
    report = compute_report(day_journal, DAY, HK)
    with pytest.raises(ReportError, match="does not exist"):
        write_csv(report, tmp_path / "missing" / "x.csv")
    with pytest.raises(ReportError, match="is a folder"):
        write_csv(report, tmp_path)


def test_failed_export_keeps_the_previous_file(day_journal, tmp_path, monkeypatch):
    path = tmp_path / "eod.csv"
    path.write_text("previous")
    import cashier_app.reports.eod as eod

    def boom(report):
        yield ["partial"]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(eod, "csv_rows", boom)
    with pytest.raises(ReportError, match="the disk is full"):
        write_csv(compute_report(day_journal, DAY, HK), path)
    assert path.read_text() == "previous"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".eod.csv.")]


def test_amount_formatting():
    assert minor_str(-530, "HKD") == "-5.30"
    assert minor_str(0, "JPY") == "0"
    assert minor_str(123456789, "USD", grouped=True) == "1,234,567.89"
    assert minor_display(-530, "HKD") == "-HK$5.30"
    assert minor_display(1500, "KRW") == "₩1,500"


def test_in_store_sales_of_the_day_are_shown_by_scenario(day_journal, capsys):
    from cashier_app.cli import main
    from cashier_app.reports.eod import compute_report

    day_journal.update_payment("HK1", scenario="PaymentCode", masked_code="2812••••••••••3456")
    day_journal.update_payment("HK3", scenario="PaymentCode", masked_code="2812••••••••••3457")
    day_journal.update_payment("HK2", scenario="OrderCode")
    report = compute_report(day_journal, date(2026, 11, 21), ZoneInfo("Asia/Hong_Kong"))
    # HK3 failed: only paid sales count; they stay in their wallet's line too
    assert report.in_store == (("OrderCode", "HKD", 1, 10000), ("PaymentCode", "HKD", 1, 1230))
    assert main(["report", "--date", "2026-11-21", "--tz", "Asia/Hong_Kong"]) == 0
    out = capsys.readouterr().out
    assert "in-store (scanned code): 1 sale(s), 12.30 HKD" in out
    assert "in-store (order code): 1 sale(s), 100.00 HKD" in out


def test_the_csv_names_each_sales_scenario(day_journal, tmp_path):
    """Issue 15: End of day's CSV says how each sale was taken (online, in-store scan of
    the customer's code, in-store order code), and so does each flagged payment."""
    day_journal.update_payment("HK1", scenario="PaymentCode", masked_code="2812••••••••••3456")
    day_journal.update_payment("HK2", scenario="OrderCode")
    day_journal.update_payment("HK4", scenario="PaymentCode", masked_code="2812••••••••••3457")
    path = write_csv(compute_report(day_journal, DAY, HK), tmp_path / "eod.csv")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    header = rows.index(["Scenario", "Currency", "Sales", "Sales amount", "Environment"])
    block = []
    for row in rows[header + 1 :]:
        if not row:
            break
        block.append(row)
    assert ["in-store scan", "HKD", "1", "12.30", "embedded-sandbox"] in block
    assert ["order code", "HKD", "1", "100.00", "embedded-sandbox"] in block
    assert ["online", "CNY", "1", "88.00", "embedded-sandbox"] in block
    assert not [r for r in block if r[0] == "online" and r[1] == "HKD"]  # all HKD in-store
    flagged_header = next(r for r in rows if r and r[0] == "Payment request id")
    assert flagged_header[-1] == "Scenario"
    flagged = {r[0]: r for r in rows if r and r[0] in ("HK4", "GC2")}
    assert flagged["HK4"][-1] == "in-store scan" and flagged["GC2"][-1] == "online"


def test_a_refund_is_counted_in_its_sales_environment(tmp_path):
    """An embedded-sandbox sale under a profile of another name (the journal records where
    it was made): its refund comes off the sandbox line, never off real money."""
    from journal_rows import sales_in_two_environments

    from cashier_app.domain.records import EMBEDDED_SANDBOX, PRODUCTION
    from cashier_app.journal import Journal

    journal = Journal(tmp_path / "journal.sqlite3")
    sales_in_two_environments(journal, datetime(2026, 11, 21, 3, 0, tzinfo=UTC))
    report = compute_report(journal, DAY, HK)
    lines = {(t.environment, t.sales_minor, t.refunds_minor) for t in report.currency_totals}
    assert lines == {(EMBEDDED_SANDBOX, 500, 200), (PRODUCTION, 300, 0)}
    journal.close()


def test_every_pdf_table_cell_fits_its_column(qapp, day_journal, tmp_path):
    """A zh_CN till's End-of-day PDF, exported under Xvfb: the "Refunds" heading ran into
    "Amount" with its first letter cut (fixed column shares: 0.08 of the width for a
    word wider than that); a sale of a million dollars cut its amounts the same way."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFontMetricsF, QPainter

    from cashier_app.domain.records import RefundRecord
    from cashier_app.reports.report_pdf import paint_report, report_pdf_writer

    at = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)
    big = PaymentRecord(
        "BIG", "sandbox", Money(123456700, "HKD"), "ALIPAY_HK", Status.SUCCESS, at, at,
        payment_id="PBIG", paid_at=at, result_code="SUCCESS",
    )  # fmt: skip
    day_journal.create_payments([big])
    day_journal.create_refund(
        RefundRecord("RFB", "BIG", Money(99999999, "HKD"), Status.SUCCESS, at, at, refunded_at=at)
    )
    report = compute_report(day_journal, DAY, HK)
    drawn: list[tuple[QRectF, str, float]] = []

    class Recording(QPainter):
        def drawText(self, rect, flags, text):  # Qt's name
            drawn.append((QRectF(rect), text, QFontMetricsF(self.font()).horizontalAdvance(text)))
            super().drawText(rect, flags, text)

    writer = report_pdf_writer(report, tmp_path / "eod.pdf")
    painter = Recording()
    assert painter.begin(writer)
    try:
        scale = writer.resolution() / 72.0  # as render_report_pdf paints: in points
        painter.scale(scale, scale)
        paint_report(painter, writer.width() / scale, writer.height() / scale, report, "Store")
    finally:
        painter.end()
    texts = [text for _, text, _ in drawn]
    assert "Refunds" in texts
    assert any(text.startswith("HK$1,234,") for text in texts), texts
    assert any(text.startswith("HK$1,000,") for text in texts), texts  # refunded
    cut = [(text, round(advance), round(rect.width())) for rect, text, advance in drawn
           if advance > rect.width()]  # fmt: skip
    assert not cut
