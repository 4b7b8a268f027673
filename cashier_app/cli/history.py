"""``cashier history``: journaled payments, newest first, as a table or JSON (local; no gateway).

Also home of the small helpers the other journal commands share: opening the journal
with a one-line error, and reading a ``YYYY-MM-DD`` date.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from cashier_app.cli import CliError, exit_code_for
from cashier_app.cli.text import error_text, t, table

if TYPE_CHECKING:
    from cashier_app.domain.records import PaymentRecord
    from cashier_app.journal import Journal

STATUSES = ("CREATED", "PENDING", "SUCCESS", "FAILED", "CANCELLED", "EXPIRED", "UNKNOWN")


def open_journal() -> Journal:
    """The app's journal, or a CliError (exit 1) naming what is wrong with it."""
    from cashier_app.journal import Journal, JournalError
    from cashier_app.support import paths

    path = paths.journal_path()
    try:
        return Journal(path)
    except JournalError as exc:
        if not path.is_file() or exc.damaged:
            raise CliError.of("error", error=exc, exit_code=exit_code_for(exc)) from None
        try:  # read-only media, a copy, a folder we may not write: still readable
            journal = Journal(path, read_only=True)
        except JournalError:
            raise CliError.of("error", error=exc, exit_code=exit_code_for(exc)) from None
        why = journal.why_read_only()
        print(
            t(
                "note: journal %1 cannot be written (%2); it is shown as it is and "
                "nothing is recorded",
                path,
                error_text(JournalError.of("why", why=why)) if why else error_text(exc),
            ),
            file=sys.stderr,
        )
        return journal


def parse_date(option: str, text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CliError.of("not_date_like_2026_11_21", option=option, text=text) from None


def parse_statuses(text: str) -> list[str]:
    wanted = [s.strip().upper() for s in text.split(",") if s.strip()]
    bad = [s for s in wanted if s not in STATUSES]
    if bad or not wanted:
        raise CliError.of(
            "status_unknown_status_choose_from", text=text, statuses=", ".join(STATUSES)
        )
    return wanted


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "history",
        help="list journaled payments, newest first",
        description="List the payments in the local journal, newest first. Needs no "
        "gateway. --json prints the same fields as `cashier pay --json`.",
    )
    p.add_argument(
        "--status",
        metavar="S",
        help=f"only these statuses (comma-separated), of {', '.join(STATUSES)}",
    )
    p.add_argument("--method", metavar="M", help="only this paymentMethodType, e.g. GCASH")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="from this local day on")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="up to and including this local day")
    p.add_argument(
        "--search",
        metavar="TEXT",
        help="part of a paymentRequestId, paymentId, order id or summary",
    )
    p.add_argument("--limit", metavar="N", default="100", help="at most N payments (100)")
    p.add_argument("--offset", metavar="N", default="0", help="skip the N newest first")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(run=run)


def _count(option: str, text: str, minimum: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise CliError.of("not_whole_number", option=option, text=text) from None
    if value < minimum:
        raise CliError.of("must_least", option=option, minimum=minimum)
    return value


def run(args: argparse.Namespace) -> int:
    from cashier_app.journal import JournalError

    filters: dict[str, Any] = {}
    if args.status:
        filters["status"] = parse_statuses(args.status)
    if args.method:
        filters["method"] = args.method.strip().upper()
    if args.since:
        filters["since"] = parse_date("--since", args.since)
    if args.until:
        filters["until"] = parse_date("--until", args.until) + timedelta(days=1)
    if args.search:
        filters["text"] = args.search
    limit = _count("--limit", args.limit, 1)
    offset = _count("--offset", args.offset, 0)
    journal = open_journal()
    try:
        rows = journal.list_payments(offset=offset, limit=limit, **filters)
        total = journal.count_payments(**filters) if not args.json else len(rows)
    except JournalError as exc:
        raise CliError.of("error", error=exc, exit_code=1) from None
    finally:
        journal.close()
    if args.json:
        print(json.dumps([r.summary_json() for r in rows], ensure_ascii=False, indent=1))
    else:
        print(format_table(rows))
        shown = f"{offset + 1}-{offset + len(rows)}" if rows else "0"
        print(
            t("(%1 of 1 payment)", shown) if total == 1 else t("(%1 of %2 payments)", shown, total)
        )
    return 0


def format_table(rows: list[PaymentRecord]) -> str:
    """A fixed-width table of payments (times in this machine's zone)."""
    head = (
        t("Created"), t("Status"), t("Amount"), t("Cur"), t("Method"), "paymentRequestId",
        "paymentId",
    )  # fmt: skip
    body = [
        (
            f"{r.created_at.astimezone():%Y-%m-%d %H:%M:%S}",
            t(r.status.value),
            r.amount.decimal_str(),
            r.amount.currency,
            r.method,
            r.payment_request_id,
            r.payment_id or "-",
        )
        for r in rows
    ]
    return table([head, *body], right={2})
