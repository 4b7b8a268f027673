"""``cashier report``: the end-of-day totals for one day, printed and exported as CSV/PDF."""

from __future__ import annotations

import argparse
import json
from datetime import date, tzinfo
from typing import Any

from cashier_app.cli import CliError
from cashier_app.cli.history import open_journal, parse_date
from cashier_app.cli.text import environment_text, method_text, pad, t, table


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
            print(t("%1 written to %2", option, path))
    return 0


def format_report(report: Any) -> str:
    from cashier_app.domain.records import ENVIRONMENTS
    from cashier_app.reports.amounts import minor_str
    from cashier_app.reports.eod import figures

    environments = sorted({x.environment for x in report.lines}, key=ENVIRONMENTS.index)
    out = [
        t("End-of-day report %1 (%2)", report.day.isoformat(), report.tz_name),
        t("Environment: %1", t("; ").join(environment_text(e) for e in environments) or "-"),
    ]
    head = (
        t("Wallet"),
        t("Cur"),
        t("Sales"),
        t("Amount"),
        t("Refunds"),
        t("Refunded"),
        t("Net"),
        t("Unsuccessful"),
        t("Not final"),
    )
    rows = [
        (
            _line_label(x),
            x.currency,
            *figures(x),
            str(x.unsuccessful_count),
            str(x.open_count),
        )
        for x in (*report.lines, *report.currency_totals)
    ]
    if not rows:
        out.append(t("no payments on this day"))
    else:
        out.append(table([head, *rows], right=range(2, len(head))))
    if any(sh.operator for sh in report.shifts):  # by shift, once operators are set up
        out.append(t("By operator:"))
        for sh in report.shifts:
            name = sh.operator or t("(no operator)")
            if sh.environment != "production":
                name = t("%1 (%2)", name, sh.environment)
            out.append(
                t(
                    "  %1: %2 sale(s) %3, %4 refund(s) %5, net %6 %7",
                    name,
                    sh.sales_count,
                    minor_str(sh.sales_minor, sh.currency),
                    sh.refunds_count,
                    minor_str(sh.refunds_minor, sh.currency),
                    minor_str(sh.net_minor, sh.currency),
                    sh.currency,
                )
            )
    for scenario, currency, count, minor in report.in_store:
        how = t("scanned code") if scenario == "PaymentCode" else t("order code")
        out.append(
            t("in-store (%1): %2 sale(s), %3 %4", how, count, minor_str(minor, currency), currency)
        )
    flagged = len(report.flagged) + len(report.flagged_refunds)
    if flagged:
        out.append(t("needs attention: %1 not final (run `cashier recover`)", flagged))
        for p in report.flagged:
            out.append(
                f"  {pad(t(p.status.value), 8)} {p.payment_request_id}  {p.amount}  {p.method}"
            )
        for r in report.flagged_refunds:
            out.append(
                t("  REFUND %1 %2  %3", pad(t(r.status.value), 8), r.refund_request_id, r.amount)
            )
    return "\n".join(out)


def _line_label(line: Any) -> str:
    """A report line's wallet (or the currency's total) and, when the day mixes profiles or
    environments, whose and where (reports.eod Totals.label, in the operator's language)."""
    base = method_text(line.method) if line.method else t("Total %1", line.currency)
    if not line.qualifier:
        return base
    where = environment_text(line.environment)
    whose = t("%1, %2", line.profile, where) if line.profile else where
    return t("%1 (%2)", base, whose)
