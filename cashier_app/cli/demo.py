"""``cashier demo FILE [--headless] [--json] [--lang L]``: play a scripted demo.

In the GUI (the default) the cashier window plays it at a readable pace with each step's
caption on a banner (``ui/demo_player.py``); Space pauses, Right / Enter goes on.
``--headless`` runs it through the service layer on the embedded sandbox, with a journal of
its own in a temporary folder (nothing lands in the till's journal), and prints a pass/fail
table; exit 0 when every step passed, 1 when one failed, 2 for a bad demo file (the
message names the line and the field). The file format is in ``checkout/demo.py``; the
examples are ``cashier_app/resources/demos/*.toml``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cashier_app.cli import CliError

if TYPE_CHECKING:
    from cashier_app.checkout.demo import Demo, Step


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "demo",
        help="play a scripted demo (GUI, or --headless for a pass/fail table)",
        description="Play a demo file (TOML: sales, refunds, end of day, each with a "
        "caption and optionally a sandbox scenario). In the GUI the captions show on a "
        "banner at a readable pace (Space pauses, Right or Enter goes on); --headless runs "
        "it through the service layer and prints a pass/fail table (exit 1 on a failure).",
    )
    p.add_argument(
        "file",
        metavar="FILE",
        help="the demo file, or the name of an example: stakeholder_tour, qa_regression",
    )
    p.add_argument("--headless", action="store_true", help="no window: print a pass/fail table")
    p.add_argument("--json", action="store_true", help="--headless: print the results as JSON")
    p.add_argument(
        "--lang",
        metavar="LANG",
        default=None,
        help="GUI language: en or zh_CN (default: the system's)",
    )
    p.set_defaults(run=run)


def demo_path(text: str) -> Path:
    """FILE as given, or the name of an example (``stakeholder_tour``)."""
    path = Path(text).expanduser()
    if path.exists() or path.suffix or "/" in text:
        return path
    from cashier_app import resources

    example = resources() / "demos" / f"{text}.toml"
    return example if example.exists() else path


def load(text: str) -> Demo:
    from cashier_app.checkout.demo import DemoError, load_demo
    from cashier_app.sandbox.demo_catalog import CATALOG

    try:
        return load_demo(demo_path(text), CATALOG)
    except DemoError as exc:
        raise CliError.of("error", error=exc) from None


def run(args: argparse.Namespace) -> int:
    demo = load(args.file)
    if args.headless:
        results = run_headless(demo, progress=None if args.json else sys.stderr)
        if args.json:
            print(json.dumps([r.to_json() for r in results], ensure_ascii=False, indent=1))
        else:
            print(format_table(demo, results))
        return 0 if all(r.passed for r in results) else 1
    if args.json:
        raise CliError.of("json_headless")
    from cashier_app.cli.gui import gui_language, open_window

    return open_window(None, gui_language(args.lang), demo=demo)


# -- headless ---------------------------------------------------------------------------


@dataclass
class StepResult:
    step: Step
    got: str  #: the final status (sale/refund), the report's sales count, or ERROR
    detail: str  #: result code / what happened
    seconds: float
    passed: bool
    payment_request_id: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "step": self.step.number,
            "do": self.step.do,
            "label": self.step.label,
            "caption": self.step.caption,
            "scenario": self.step.scenario,
            "params": self.step.params,
            "expected": expected_text(self.step),
            "got": self.got,
            "detail": self.detail,
            "seconds": round(self.seconds, 2),
            "passed": self.passed,
            "payment_request_id": self.payment_request_id,
        }


def expected_text(step: Step) -> str:
    if step.do == "end_of_day":
        return f"{step.expect_sales} sales" if step.expect_sales is not None else "a report"
    return step.expect


def run_headless(demo: Demo, progress: Any = None) -> list[StepResult]:
    """Every step of ``demo`` on the embedded sandbox with a journal of its own."""
    from cashier_app.app import EMBEDDED_PROFILE, build_services

    with tempfile.TemporaryDirectory(prefix="cashier-demo-") as folder:
        try:
            services = build_services(
                EMBEDDED_PROFILE, journal_path=Path(folder) / "journal.sqlite3"
            )
        except (ValueError, OSError) as exc:
            raise CliError.of("embedded_sandbox_did_not_start", exc=exc, exit_code=1) from None
        with services:
            runner = HeadlessRunner(services)
            results = []
            for step in demo.steps:
                if progress is not None:
                    print(f"[{step.number}/{len(demo.steps)}] {step.caption}", file=progress)
                results.append(runner.run(step))
    return results


class HeadlessRunner:
    """Plays steps through the checkout service; the sandbox's scenario only for its step."""

    def __init__(self, services: Any) -> None:
        from cashier_app.sandbox.demo_catalog import CATALOG

        self.services = services
        self.catalog = CATALOG
        self.sales: dict[int, Any] = {}  #: step number -> its final PaymentRecord

    def run(self, step: Step) -> StepResult:
        from cashier_app.checkout import demo

        started = time.monotonic()
        sim = self.services.simulator
        try:
            demo.stage(sim, step, self.catalog)
            try:
                got, detail, prid = self._play(step)
            finally:
                demo.unstage(sim, step, self.catalog)
        except Exception as exc:  # one step's failure is its row, not the end of the demo
            got, detail, prid = "ERROR", f"{type(exc).__name__}: {exc}", ""
        seconds = time.monotonic() - started
        passed = got == expected_text(step) if step.do != "end_of_day" else self._eod_ok(step, got)
        return StepResult(step, got, detail, seconds, passed, prid)

    @staticmethod
    def _eod_ok(step: Step, got: str) -> bool:
        return got != "ERROR" and (step.expect_sales is None or got == expected_text(step))

    def _play(self, step: Step) -> tuple[str, str, str]:
        if step.do == "sale":
            rec = self._sale(step)
            self.sales[step.number] = rec
            return rec.status.value, rec.result_code or "", rec.payment_request_id
        if step.do == "refund":
            return self._refund(step)
        return self._end_of_day()

    def _sale(self, step: Step) -> Any:
        from cashier_app.domain.payment_kit import PaymentInfo

        checkout = self.services.checkout
        assert step.amount is not None
        info = PaymentInfo(step.amount.value, step.amount.currency, step.summary)
        with self.services.client.time_limit(step.timeout):
            if step.product == "in-store":
                from cashier_app.checkout.instore import UpmPolicy

                code = str(
                    self.services.simulator.payment_code(step.wallet, step.code)["paymentCode"]
                )
                policy = UpmPolicy()
                try:
                    rec = checkout.create_in_store_payment(
                        info,
                        "PaymentCode",
                        payment_code=code,
                        method_type=step.wallet,
                        policy=policy,
                    )
                finally:
                    code = ""  # a bearer credential: gone once sent
                return checkout.run_to_completion(
                    rec.payment_request_id, policy=policy.poll_policy(), timeout=step.timeout
                )
            rec = checkout.create_payment(info, step.wallet)
            return checkout.run_to_completion(rec.payment_request_id, timeout=step.timeout)

    def _refund(self, step: Step) -> tuple[str, str, str]:
        from cashier_app.checkout.demo import refund_until_settled

        sale = self.sales.get(step.sale or 0)
        if sale is None or sale.status.value != "SUCCESS":
            return "ERROR", f"sale of step {step.sale} was not paid", ""
        with self.services.client.time_limit(step.timeout):
            refund = refund_until_settled(self.services.checkout, sale.payment_request_id, step)
        return refund.status.value, refund.result_code or "", sale.payment_request_id

    def _end_of_day(self) -> tuple[str, str, str]:
        from datetime import date

        from cashier_app.reports.amounts import minor_str
        from cashier_app.reports.eod import compute_report

        report = compute_report(self.services.journal, date.today())
        totals = [
            f"{t.currency} net {minor_str(t.net_minor, t.currency)}" for t in report.currency_totals
        ]
        sales = sum(t.sales_count for t in report.currency_totals)
        refunds = sum(t.refunds_count for t in report.currency_totals)
        detail = f"{sales} paid, {refunds} refunds; " + ", ".join(totals)
        return f"{sales} sales", detail, ""


def format_table(demo: Demo, results: list[StepResult]) -> str:
    """The pass/fail table ``cashier demo --headless`` prints."""
    header = ("#", "step", "scenario", "expected", "got", "detail", "time", "result")
    rows = [
        (
            str(r.step.number),
            r.step.label,
            scenario_text(r.step),
            expected_text(r.step),
            r.got,
            _clip(r.detail, 46),
            f"{r.seconds:.1f} s",
            "PASS" if r.passed else "FAIL",
        )
        for r in results
    ]
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    lines = [f"{demo.title} ({demo.path})", ""]
    for row in (header, *rows):
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    failed = sum(not r.passed for r in results)
    total = sum(r.seconds for r in results)
    lines.append("")
    lines.append(
        f"{len(results)} steps: {len(results) - failed} passed, {failed} failed ({total:.1f} s)"
    )
    return "\n".join(lines)


def scenario_text(step: Step) -> str:
    """``http_error status=500 count=2``; for an in-store sale, what its code does."""
    if not step.scenario:
        return f"code: {step.code}" if step.product == "in-store" else "-"
    params = " ".join(f"{k}={v}" for k, v in step.params.items())
    return f"{step.scenario} {params}".strip()


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
