"""End-of-day report: totals by wallet and currency for one local day, plus what needs attention.

``compute_report`` is pure (journal in, values out) so the CLI and the GUI's Report page
share it; ``write_csv`` and ``write_pdf`` turn the values into files.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from cashier_app.domain import methods
from cashier_app.domain.errors import CashierError
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import (
    ENVIRONMENT_LABELS,
    ENVIRONMENTS,
    PRODUCTION,
    PaymentRecord,
    RefundRecord,
    environment_of,
)
from cashier_app.domain.values import dataclass, field
from cashier_app.reports.amounts import minor_str

if TYPE_CHECKING:
    from cashier_app.journal import Journal

#: Payment states that still need someone to look: not final yet.
OPEN_STATUSES = (Status.CREATED, Status.PENDING, Status.UNKNOWN)
#: Final states that are not a sale.
UNSUCCESSFUL = frozenset({Status.FAILED.value, Status.CANCELLED.value, Status.EXPIRED.value})


class ReportError(CashierError):
    """A report that cannot be made or written; the message names the problem."""

    layer = "reports"
    MESSAGES: ClassVar[dict[str, str]] = {
        "cannot_write_folder": "cannot write {target}: it is a folder",
        "cannot_write_folder_does_not_exist": "cannot write {target}: folder {parent} does not "
        "exist",
        "cannot_write": "cannot write {target}: {problem}",
    }


def method_name(method_type: str) -> str:
    try:
        return methods.get(method_type).name_en
    except methods.UnknownMethodError:
        return method_type


class ReceiptError(ReportError, LookupError, ValueError):
    """A receipt that cannot be made: no such payment or refund, or a paper we lay out none for."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "no_payment_journal": "no payment {payment_request_id!r} in the journal",
        "payment_has_no_refund": "payment {payment_request_id} has no refund {refund_request_id!r}",
        "refund_not_payment": "refund {refund_request_id} is not of payment {payment_request_id}",
        "paper_must_one_not": "paper must be one of {papers}, not {paper!r}",
    }


class PdfError(ReportError, OSError):
    """A PDF that cannot be started at the path asked for."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "cannot_start_pdf": "cannot start a PDF at {path}",
    }


@dataclass(frozen=True, slots=True)
class Totals:
    """One line of the report: a wallet in one currency of one profile (or, with
    ``method=""``, a currency of one environment). Lines of different environments are
    never added together: sandbox money is not money."""

    method: str
    currency: str
    sales_count: int = 0
    sales_minor: int = 0
    refunds_count: int = 0
    refunds_minor: int = 0
    unsuccessful_count: int = 0  #: FAILED, CANCELLED or EXPIRED that day
    #: payments CREATED, PENDING or UNKNOWN and refunds not final yet that day: flagged
    open_count: int = 0
    environment: str = PRODUCTION  #: PRODUCTION, ANTOM_SANDBOX or EMBEDDED_SANDBOX
    profile: str = ""  #: the merchant profile (empty on currency totals)

    @property
    def net_minor(self) -> int:
        return self.sales_minor - self.refunds_minor

    qualifier: str = ""  #: "profile, environment" when the day mixes several of them

    @property
    def label(self) -> str:
        """The wallet (or "Total HKD"), and whose and where when the day mixes profiles or
        environments (the report's heading names the one environment otherwise)."""
        base = method_name(self.method) if self.method else f"Total {self.currency}"
        return f"{base} ({self.qualifier})" if self.qualifier else base


@dataclass(frozen=True, slots=True)
class ShiftTotals:
    """One operator's shift in one currency of one environment: the sales they took and
    the refunds they made that day (whoever took the sale). ``operator == ""``: sales
    taken with no operator signed in (before operators were set up)."""

    operator: str
    currency: str
    environment: str = PRODUCTION
    sales_count: int = 0
    sales_minor: int = 0
    refunds_count: int = 0
    refunds_minor: int = 0

    @property
    def net_minor(self) -> int:
        return self.sales_minor - self.refunds_minor

    @property
    def label(self) -> str:
        name = self.operator or "(no operator)"
        return name if self.environment == PRODUCTION else f"{name} ({self.environment})"


@dataclass(frozen=True, slots=True)
class Report:
    """The numbers for one day; amounts in minor units of each line's currency."""

    day: date
    tz_name: str
    start: datetime  #: local midnight, aware
    end: datetime  #: next local midnight, aware
    generated_at: datetime
    lines: tuple[Totals, ...]  #: by wallet then currency
    currency_totals: tuple[Totals, ...]  #: one per currency, ``method == ""``
    flagged: tuple[PaymentRecord, ...]  #: payments of the day not final yet, oldest first
    flagged_refunds: tuple[RefundRecord, ...] = field(default=())  #: refunds not final yet
    #: paid in-store sales of the day: ``(scenario, currency, count, minor)``, a part of
    #: ``lines`` (which count them under their wallet)
    in_store: tuple[tuple[str, str, int, int], ...] = field(default=())
    #: per operator (shift), beside the per-wallet ``lines``: production first
    shifts: tuple[ShiftTotals, ...] = field(default=())
    #: paid sales of the day by how they were taken: ``(environment, scenario, currency,
    #: count, minor)``, scenario "" for online (Checkout Payment); production first
    by_scenario: tuple[tuple[str, str, str, int, int], ...] = field(default=())

    @property
    def environments_label(self) -> str:
        """Where the day's money was taken, e.g. "production" or "embedded demo sandbox -
        not real money" (several, production first, when the day mixes them)."""
        envs = sorted({t.environment for t in self.lines}, key=ENVIRONMENTS.index)
        return "; ".join(ENVIRONMENT_LABELS[e] for e in envs) or "-"

    @property
    def is_empty(self) -> bool:
        return not self.lines and not self.flagged and not self.flagged_refunds

    def chart_series(self) -> list[tuple[str, str, int]]:
        """``(wallet name, currency, net minor units)`` per line, for a bar chart."""
        return [(t.label, t.currency, t.net_minor) for t in self.lines]


def day_bounds(day: date, tz: tzinfo | None = None) -> tuple[datetime, datetime]:
    """Local midnight of ``day`` and of the next day in ``tz`` (None: this machine's zone)."""
    if tz is None:
        start = datetime.combine(day, time.min).astimezone()
        end = datetime.combine(day + timedelta(days=1), time.min).astimezone()
    else:
        start = datetime.combine(day, time.min, tzinfo=tz)
        end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=tz)
    return start, end


def compute_report(journal: Journal, day: date, tz: tzinfo | None = None) -> Report:
    """Add up ``day`` (local to ``tz``): sales = SUCCESS payments created that day; refunds =
    SUCCESS refunds created that day (whatever day their sale was); net = sales - refunds.
    Payments and refunds of the day that are not final are flagged."""
    start, end = day_bounds(day, tz)
    # keyed by (environment order, environment, profile, method, currency): production first
    acc: dict[tuple[int, str, str, str, str], dict[str, int]] = defaultdict(
        lambda: defaultdict(int)
    )

    def key(
        profile: str, client_id: str, method: str, currency: str, made_on: str = ""
    ) -> tuple[int, str, str, str, str]:
        env = environment_of(profile, client_id, made_on)
        return (ENVIRONMENTS.index(env), env, profile, method, currency)

    for (
        profile,
        client_id,
        method,
        currency,
        status,
        count,
        total,
        made_on,
    ) in journal.payment_totals(start, end):
        line = acc[key(profile, client_id, method, currency, made_on)]
        if status == Status.SUCCESS.value:
            line["sales_count"] += count
            line["sales_minor"] += total
        elif status in UNSUCCESSFUL:
            line["unsuccessful_count"] += count
        else:
            line["open_count"] += count
    shift: dict[tuple[int, str, str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (
        profile,
        client_id,
        operator,
        currency,
        status,
        count,
        total,
        made_on,
    ) in journal.operator_totals(start, end):
        if status == Status.SUCCESS.value:
            env = environment_of(profile, client_id, made_on)
            row = shift[(ENVIRONMENTS.index(env), env, operator or "", currency)]
            row["sales_count"] += count
            row["sales_minor"] += total
    flagged_refunds = []
    for refund, payment in journal.refunds_between(start, end):
        # the sale's line: its wallet and profile, in the environment it was made on
        sale_line = (payment.profile, payment.client_id, payment.method, refund.amount.currency)
        if refund.status is Status.SUCCESS:
            env = payment.environment
            row = shift[
                (ENVIRONMENTS.index(env), env, refund.operator or "", refund.amount.currency)
            ]
            row["refunds_count"] += 1
            row["refunds_minor"] += refund.amount.value
            line = acc[key(*sale_line, payment.made_on)]
            line["refunds_count"] += 1
            line["refunds_minor"] += refund.amount.value
        elif not refund.status.is_final:
            flagged_refunds.append(refund)
            # a refund still in process (U / REFUND_IN_PROCESS) is not final either
            acc[key(*sale_line, payment.made_on)]["open_count"] += 1
    mixed = len({(k[1], k[2]) for k in acc}) > 1

    def qualifier(env: str, profile: str = "") -> str:
        if not mixed:
            return ""
        return ", ".join(x for x in (profile, ENVIRONMENT_LABELS[env]) if x)

    lines = tuple(
        Totals(
            k[3], k[4], environment=k[1], profile=k[2], qualifier=qualifier(k[1], k[2]), **acc[k]
        )
        for k in sorted(acc)
    )
    per_currency: dict[tuple[int, str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for t in lines:
        cur = per_currency[(ENVIRONMENTS.index(t.environment), t.environment, t.currency)]
        for name in (
            "sales_count",
            "sales_minor",
            "refunds_count",
            "refunds_minor",
            "unsuccessful_count",
            "open_count",
        ):
            cur[name] += getattr(t, name)
    totals = tuple(
        Totals("", k[2], environment=k[1], profile="", qualifier=qualifier(k[1]), **per_currency[k])
        for k in sorted(per_currency)
    )
    flagged = journal.list_payments(status=list(OPEN_STATUSES), since=start, until=end, limit=None)
    shop: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    ways: dict[tuple[int, str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for p in journal.list_payments(status=[Status.SUCCESS], since=start, until=end, limit=None):
        way = ways[
            (ENVIRONMENTS.index(p.environment), p.environment, p.scenario, p.amount.currency)
        ]
        way[0] += 1
        way[1] += p.amount.value
        if p.scenario:
            shop[(p.scenario, p.amount.currency)][0] += 1
            shop[(p.scenario, p.amount.currency)][1] += p.amount.value
    in_store = tuple((s, c, n, v) for (s, c), (n, v) in sorted(shop.items()))
    tz_name = (
        (str(getattr(tz, "key", "")) or start.tzname() or "local")
        if tz
        else (start.tzname() or "local")
    )
    return Report(
        day=day,
        tz_name=tz_name,
        start=start,
        end=end,
        generated_at=datetime.now(UTC),
        lines=lines,
        currency_totals=totals,
        flagged=tuple(reversed(flagged)),
        flagged_refunds=tuple(flagged_refunds),
        in_store=in_store,
        shifts=tuple(ShiftTotals(k[2], k[3], environment=k[1], **shift[k]) for k in sorted(shift)),
        by_scenario=tuple((k[1], k[2], k[3], n, v) for k, (n, v) in sorted(ways.items())),
    )


# -- CSV ------------------------------------------------------------------------------
TOTALS_HEADER = (
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
)
SHIFT_HEADER = (
    "Operator",
    "Currency",
    "Sales",
    "Sales amount",
    "Refunds",
    "Refunds amount",
    "Net",
    "Environment",
)
FLAGGED_HEADER = (
    "Payment request id",
    "Status",
    "Method",
    "Currency",
    "Amount",
    "Created",
    "Payment id",
    "Result code",
    "Scenario",
)
SCENARIO_HEADER = ("Scenario", "Currency", "Sales", "Sales amount", "Environment")
#: How a sale was taken, as the CSV names it (journal ``scenario`` -> words)
SCENARIO_NAMES = {"": "online", "PaymentCode": "in-store scan", "OrderCode": "order code"}


def scenario_name(scenario: str) -> str:
    return SCENARIO_NAMES.get(scenario, scenario)


def figures(t: Totals, money: Callable[[int, str], str] = minor_str) -> list[str]:
    """A line's figures as text, in the report's column order: sales (count, amount),
    refunds (count, amount), net; ``money`` writes an amount of minor units."""
    return [
        str(t.sales_count),
        money(t.sales_minor, t.currency),
        str(t.refunds_count),
        money(t.refunds_minor, t.currency),
        money(t.net_minor, t.currency),
    ]


def csv_rows(report: Report) -> Iterator[list[str]]:
    """The CSV file as rows: a heading block, the totals table, then the flagged payments."""
    yield ["End-of-day report", report.day.isoformat()]
    yield ["Time zone", report.tz_name]
    yield ["From", report.start.isoformat(), "to", report.end.isoformat()]
    yield ["Generated", report.generated_at.isoformat(timespec="seconds")]
    yield ["Environment", report.environments_label]
    yield []
    yield list(TOTALS_HEADER)
    for t in (*report.lines, *report.currency_totals):
        yield [
            t.method or "TOTAL",
            t.label,
            t.currency,
            *figures(t),
            str(t.unsuccessful_count),
            str(t.open_count),
            t.profile,
            t.environment,
        ]
    if report.shifts:
        yield []
        yield list(SHIFT_HEADER)
        for sh in report.shifts:
            yield [
                sh.operator,
                sh.currency,
                str(sh.sales_count),
                minor_str(sh.sales_minor, sh.currency),
                str(sh.refunds_count),
                minor_str(sh.refunds_minor, sh.currency),
                minor_str(sh.net_minor, sh.currency),
                sh.environment,
            ]
    if report.by_scenario:
        yield []
        yield list(SCENARIO_HEADER)
        for env, scenario, currency, count, minor in report.by_scenario:
            yield [scenario_name(scenario), currency, str(count), minor_str(minor, currency), env]
    yield []
    yield [
        f"Needs attention: {len(report.flagged)} payment(s) and "
        f"{len(report.flagged_refunds)} refund(s) not final"
    ]
    yield list(FLAGGED_HEADER)
    for p in report.flagged:
        yield [
            p.payment_request_id,
            p.status.value,
            p.method,
            p.amount.currency,
            p.amount.decimal_str(),
            p.created_at.isoformat(timespec="seconds"),
            p.payment_id,
            p.result_code,
            scenario_name(p.scenario),
        ]
    for r in report.flagged_refunds:
        yield [
            r.refund_request_id,
            f"REFUND {r.status.value}",
            "",
            r.amount.currency,
            r.amount.decimal_str(),
            r.created_at.isoformat(timespec="seconds"),
            r.payment_request_id,
            r.result_code,
            "",
        ]


@contextmanager
def atomic_path(path: Path | str, suffix: str) -> Iterator[Path]:
    """A temporary file next to ``path`` that replaces it only when the block succeeds,
    so a failed export never leaves half a file (or destroys the previous one)."""
    target = Path(path)
    if target.is_dir():
        raise ReportError.of("cannot_write_folder", target=target)
    if not target.parent.is_dir():
        raise ReportError.of(
            "cannot_write_folder_does_not_exist", target=target, parent=target.parent
        )
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    except OSError as exc:
        raise ReportError.of("cannot_write", target=target, problem=exc) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.replace(tmp, target)
    except OSError as exc:
        raise ReportError.of("cannot_write", target=target, problem=exc) from None
    finally:
        tmp.unlink(missing_ok=True)


def write_csv(report: Report, path: Path | str) -> Path:
    """Write the report as CSV (UTF-8 with BOM so spreadsheet apps read the symbols)."""
    with atomic_path(path, ".csv") as tmp, tmp.open("w", newline="", encoding="utf-8-sig") as fh:
        csv.writer(fh).writerows(csv_rows(report))
    return Path(path)


def write_pdf(report: Report, path: Path | str, merchant_name: str = "") -> Path:
    """Write the report as an A4 PDF (needs Qt; creates an offscreen app if none runs)."""
    from cashier_app.reports.report_pdf import render_report_pdf

    with atomic_path(path, ".pdf") as tmp:
        render_report_pdf(report, tmp, merchant_name)
    return Path(path)
