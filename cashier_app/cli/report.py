"""``cashier report``: the end-of-day totals for one day, printed and exported as CSV/PDF."""

from __future__ import annotations

import argparse
import json
from datetime import date, tzinfo
from typing import Any

from cashier_app.cli import CliError
from cashier_app.cli.history import open_journal, parse_date


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "report",
        help="end-of-day totals by wallet and currency (CSV/PDF export)",
        description="Totals for one local day by wallet and currency: sales, refunds, net "
        "and counts, with payments that are not final flagged. Printed as a "
        "table; --csv and --pdf also write files.",
    )
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default: today)")
    p.add_argument(
        "--tz",
        metavar="ZONE",
        help="IANA time zone of the day, e.g. Asia/Hong_Kong (default: this machine's)",
    )
    p.add_argument("--csv", metavar="FILE", help="write the report as CSV")
    p.add_argument("--pdf", metavar="FILE", help="write the report as PDF")
    p.add_argument(
        "--merchant",
        metavar="NAME",
        help="merchant name on the PDF (default: the active profile's)",
    )
    p.add_argument("--json", action="store_true", help="print the totals as JSON")
    p.set_defaults(run=run)


def parse_tz(text: str | None) -> tzinfo | None:
    if not text:
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(text.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise CliError.of("tz_not_known_time_zone_e", text=text) from None


def merchant_name(given: str | None) -> str:
    """``--merchant``, else the active profile's merchant name, else nothing."""
    if given is not None:
        return given.strip()
    try:
        from cashier_app.keystore.profiles import ProfileStore

        return str(ProfileStore().active().merchant_name or "")
    except Exception:  # an unreadable profile store must not stop a report
        return ""


def report_json(report: Any) -> dict[str, Any]:
    from cashier_app.reports.amounts import minor_str

    def line(t: Any) -> dict[str, Any]:
        return {
            "method": t.method or None,
            "currency": t.currency,
            "sales_count": t.sales_count,
            "sales": minor_str(t.sales_minor, t.currency),
            "refunds_count": t.refunds_count,
            "refunds": minor_str(t.refunds_minor, t.currency),
            "net": minor_str(t.net_minor, t.currency),
            "unsuccessful_count": t.unsuccessful_count,
            "not_final_count": t.open_count,
            "environment": t.environment,
            "profile": t.profile or None,
        }

    return {
        "date": report.day.isoformat(),
        "time_zone": report.tz_name,
        "from": report.start.isoformat(),
        "to": report.end.isoformat(),
        "lines": [line(t) for t in report.lines],
        "totals": [line(t) for t in report.currency_totals],
        "flagged": [p.summary_json() for p in report.flagged],
        "flagged_refunds": [r.refund_request_id for r in report.flagged_refunds],
        "in_store": [
            {"scenario": s, "currency": c, "sales_count": n, "sales": minor_str(v, c)}
            for s, c, n, v in report.in_store
        ],
        "operators": [
            {
                "operator": sh.operator or None,
                "currency": sh.currency,
                "sales_count": sh.sales_count,
                "sales": minor_str(sh.sales_minor, sh.currency),
                "refunds_count": sh.refunds_count,
                "refunds": minor_str(sh.refunds_minor, sh.currency),
                "net": minor_str(sh.net_minor, sh.currency),
                "environment": sh.environment,
            }
            for sh in report.shifts
        ],
    }


def run(args: argparse.Namespace) -> int:
    from cashier_app.journal import JournalError
    from cashier_app.reports.eod import ReportError, compute_report, write_csv, write_pdf

    day = parse_date("--date", args.date) if args.date else date.today()
    tz = parse_tz(args.tz)
    journal = open_journal()
    try:
        report = compute_report(journal, day, tz)
    except JournalError as exc:
        raise CliError.of("error", error=exc, exit_code=1) from None
    finally:
        journal.close()
    try:
        if args.csv:
            write_csv(report, args.csv)
        if args.pdf:
            write_pdf(report, args.pdf, merchant_name(args.merchant))
    except ReportError as exc:
        raise CliError.of("error", error=exc, exit_code=1) from None
    if args.json:
        print(json.dumps(report_json(report), ensure_ascii=False, indent=1))
        return 0
    print(format_report(report))
    for option, path in (("CSV", args.csv), ("PDF", args.pdf)):
        if path:
            print(f"{option} written to {path}")
    return 0


def format_report(report: Any) -> str:
    from cashier_app.reports.amounts import minor_str

    out = [
        f"End-of-day report {report.day.isoformat()} ({report.tz_name})",
        f"Environment: {report.environments_label}",
    ]
    head = (
        "Wallet",
        "Cur",
        "Sales",
        "Amount",
        "Refunds",
        "Refunded",
        "Net",
        "Unsuccessful",
        "Not final",
    )
    rows = [
        (
            t.label,
            t.currency,
            str(t.sales_count),
            minor_str(t.sales_minor, t.currency),
            str(t.refunds_count),
            minor_str(t.refunds_minor, t.currency),
            minor_str(t.net_minor, t.currency),
            str(t.unsuccessful_count),
            str(t.open_count),
        )
        for t in (*report.lines, *report.currency_totals)
    ]
    if not rows:
        out.append("no payments on this day")
    else:
        widths = [max(len(r[i]) for r in (head, *rows)) for i in range(len(head))]
        for row in (head, *rows):
            out.append(
                "  ".join(
                    c.ljust(w) if i < 2 else c.rjust(w)
                    for i, (c, w) in enumerate(zip(row, widths, strict=True))
                )
            )
    if any(sh.operator for sh in report.shifts):  # by shift, once operators are set up
        out.append("By operator:")
        for sh in report.shifts:
            out.append(
                f"  {sh.label}: {sh.sales_count} sale(s) {minor_str(sh.sales_minor, sh.currency)}"
                f", {sh.refunds_count} refund(s) {minor_str(sh.refunds_minor, sh.currency)}, "
                f"net {minor_str(sh.net_minor, sh.currency)} {sh.currency}"
            )
    for scenario, currency, count, minor in report.in_store:
        how = "scanned code" if scenario == "PaymentCode" else "order code"
        out.append(f"in-store ({how}): {count} sale(s), {minor_str(minor, currency)} {currency}")
    flagged = len(report.flagged) + len(report.flagged_refunds)
    if flagged:
        out.append(f"needs attention: {flagged} not final (run `cashier recover`)")
        for p in report.flagged:
            out.append(f"  {p.status.value:<8} {p.payment_request_id}  {p.amount}  {p.method}")
        for r in report.flagged_refunds:
            out.append(f"  REFUND {r.status.value:<8} {r.refund_request_id}  {r.amount}")
    return "\n".join(out)
