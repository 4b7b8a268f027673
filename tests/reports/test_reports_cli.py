"""`cashier history`, `cashier report` and `cashier receipt` against a known journal."""

from __future__ import annotations

import csv
import json

import pytest

from cashier_app.cli import main


def test_history_json_newest_first(day_journal, capsys):
    assert main(["history", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["payment_request_id"] for r in rows][:3] == ["NEXT", "GC2", "KR1"]
    assert rows[-1]["payment_request_id"] == "OLD"
    assert set(rows[0]) >= {
        "status",
        "result_code",
        "payment_request_id",
        "payment_id",
        "amount",
        "currency",
    }
    assert rows[0]["amount"] == "8888.00"


def test_history_filters_and_table(day_journal, capsys):
    assert (
        main(
            [
                "history",
                "--status",
                "success,failed",
                "--since",
                "2026-11-21",
                "--until",
                "2026-11-21",
                "--limit",
                "2",
                "--json",
            ]
        )
        == 0
    )
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 2 and {r["status"] for r in rows} <= {"SUCCESS", "FAILED"}
    assert main(["history", "--method", "gcash"]) == 0
    out = capsys.readouterr().out
    assert "GC1" in out and "GC2" in out and "HK1" not in out
    assert "(1-2 of 2 payments)" in out
    assert main(["history", "--search", "summary of KR"]) == 0
    assert "KR1" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["history", "--status", "DONE"], "unknown status"),
        (["history", "--since", "21/11/2026"], "is not a date"),
        (["history", "--limit", "0"], "at least 1"),
        (["report", "--date", "yesterday"], "is not a date"),
        (["report", "--tz", "Mars/Olympus"], "not a known time zone"),
        (["receipt", "NOPE", "--pdf", "x.pdf"], "no payment 'NOPE'"),
        (["receipt", "HK1"], "--pdf FILE"),
        (["receipt", "HK1", "--text", "--refund", "RF9"], "has no refund 'RF9'"),
    ],
)
def test_bad_input_is_one_line(day_journal, capsys, argv, message):
    assert main(argv) != 0
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_report_cli_writes_csv_and_pdf(day_journal, tmp_path, capsys, pdftotext):
    csv_path, pdf_path = tmp_path / "eod.csv", tmp_path / "eod.pdf"
    assert (
        main(
            [
                "report",
                "--date",
                "2026-11-21",
                "--tz",
                "Asia/Hong_Kong",
                "--csv",
                str(csv_path),
                "--pdf",
                str(pdf_path),
                "--merchant",
                "Shop",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "AlipayHK" in out and "79.80" in out and "needs attention: 3" in out
    with csv_path.open(encoding="utf-8-sig") as fh:
        assert any(r[:3] == ["GCASH", "GCash", "PHP"] for r in csv.reader(fh))
    assert "Shop" in pdftotext(pdf_path)
    assert main(["report", "--date", "2026-11-21", "--tz", "Asia/Hong_Kong", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {(t["currency"], t["net"]) for t in data["totals"]} >= {("HKD", "79.80")}


def test_report_of_an_empty_day(day_journal, capsys):
    assert main(["report", "--date", "2001-01-01"]) == 0
    assert "no payments on this day" in capsys.readouterr().out


def test_receipt_cli(day_journal, tmp_path, capsys, pdftotext):
    pdf = tmp_path / "r.pdf"
    assert main(["receipt", "2026PIDHK1", "--pdf", str(pdf), "--merchant", "Demo"]) == 0
    text = pdftotext(pdf)
    assert "HK$12.30" in text and "2026PIDHK1" in text and "PAID" in text
    assert main(["receipt", "HK2", "--refund", "RF1", "--text"]) == 0
    assert "-HK$25.50" in capsys.readouterr().out


def test_a_refund_still_in_process_counts_as_not_final(capsys):
    """Exploratory test: a refund answered U / REFUND_IN_PROCESS (still pending) was left out
    of End of day's "Not final" column, so the operator closed the day believing everything
    settled. Our stack against the sandbox: a paid sale, its refund left in process."""

    from cashier_app.app import build_services
    from cashier_app.domain import PaymentInfo
    from cashier_app.domain.money import Money
    from cashier_app.domain.outcome import Status
    from cashier_app.reports.eod import compute_report

    with build_services() as services:
        services.sandbox.faults.add("async_refund", seconds=0)  # in process until settled
        rec = services.checkout.create_payment(PaymentInfo(4200, "HKD", "eod"), "ALIPAY_HK")
        services.simulator.approve(rec.payment_id)
        assert services.checkout.refresh(rec.payment_request_id).status is Status.SUCCESS
        refund = services.checkout.refund(rec.payment_request_id, Money(1000, "HKD"))
        assert (refund.status, refund.result_code) == (Status.PENDING, "REFUND_IN_PROCESS")
        day = rec.created_at.astimezone().date()
        report = compute_report(services.journal, day)
        (line,) = report.lines
        assert (line.sales_count, line.refunds_count, line.open_count) == (1, 0, 1)
        (total,) = report.currency_totals
        assert total.open_count == 1
    assert main(["report", "--date", day.isoformat(), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [t["not_final_count"] for t in data["totals"]] == [1]
    assert data["flagged_refunds"] == [refund.refund_request_id]
