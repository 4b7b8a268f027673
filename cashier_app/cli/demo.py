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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cashier_app.cli import CliError
from cashier_app.cli.text import STATUS_WORDS, Said, both, error_text, language, t, table
from cashier_app.domain.values import dataclass

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
    shown_detail: str = ""  #: ``detail`` in the operator's language, when it is words

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
                    caption = (language() == "zh_CN" and step.caption_zh) or step.caption
                    print(f"[{step.number}/{len(demo.steps)}] {caption}", file=progress)
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
        shown = ""
        try:
            demo.stage(sim, step, self.catalog)
            try:
                got, detail, prid = self._play(step)
            finally:
                demo.unstage(sim, step, self.catalog)
        except Exception as exc:  # one step's failure is its row, not the end of the demo
            got, detail, prid = "ERROR", f"{type(exc).__name__}: {exc}", ""
            shown = error_text(exc)
        if isinstance(detail, Said):
            detail, shown = detail
        seconds = time.monotonic() - started
        passed = got == expected_text(step) if step.do != "end_of_day" else self._eod_ok(step, got)
        return StepResult(step, got, detail, seconds, passed, prid, shown)

    @staticmethod
    def _eod_ok(step: Step, got: str) -> bool:
        return got != "ERROR" and (step.expect_sales is None or got == expected_text(step))

    def _play(self, step: Step) -> tuple[str, str | Said, str]:
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

    def _refund(self, step: Step) -> tuple[str, str | Said, str]:
        from cashier_app.checkout.demo import refund_until_settled

        sale = self.sales.get(step.sale or 0)
        if sale is None or sale.status.value != "SUCCESS":
            return "ERROR", both("sale of step %1 was not paid", step.sale), ""
        with self.services.client.time_limit(step.timeout):
            refund = refund_until_settled(self.services.checkout, sale.payment_request_id, step)
        return refund.status.value, refund.result_code or "", sale.payment_request_id

    def _end_of_day(self) -> tuple[str, Said, str]:
        from datetime import date

        from cashier_app.reports.amounts import minor_str
        from cashier_app.reports.eod import compute_report

        report = compute_report(self.services.journal, date.today())
        totals = [
            both("%1 net %2", x.currency, minor_str(x.net_minor, x.currency))
            for x in report.currency_totals
        ]
        sales = sum(x.sales_count for x in report.currency_totals)
        refunds = sum(x.refunds_count for x in report.currency_totals)
        nets = Said(", ".join(n.english for n in totals), t(", ").join(n.shown for n in totals))
        return f"{sales} sales", both("%1 paid, %2 refunds; %3", sales, refunds, nets), ""


def format_table(demo: Demo, results: list[StepResult]) -> str:
    """The pass/fail table ``cashier demo --headless`` prints."""
    header = (
        "#", t("step"), t("scenario"), t("expected"), t("got"), t("detail"), t("time"), t("result")
    )  # fmt: skip
    rows = [
        (
            str(r.step.number),
            label_text(r.step),
            scenario_text(r.step),
            outcome_text(r.step, expected_text(r.step)),
            outcome_text(r.step, r.got),
            _clip(r.shown_detail or r.detail, 46),
            t("%1 s", f"{r.seconds:.1f}"),
            t("PASS") if r.passed else t("FAIL"),
        )
        for r in results
    ]
    title = (language() == "zh_CN" and demo.title_zh) or demo.title
    lines = [f"{title} ({demo.path})", "", table([header, *rows])]
    failed = sum(not r.passed for r in results)
    total = sum(r.seconds for r in results)
    lines.append("")
    lines.append(
        t(
            "%1 steps: %2 passed, %3 failed (%4 s)",
            len(results),
            len(results) - failed,
            failed,
            f"{total:.1f}",
        )
    )
    return "\n".join(lines)


def label_text(step: Step) -> str:
    """The step's short name (``sale 12.30 HKD ALIPAY_HK``) in the operator's language."""
    if step.do == "sale":
        assert step.amount is not None
        money = (step.amount.decimal_str(), step.amount.currency, step.wallet)
        if step.product == "in-store":
            return t("in-store %1 %2 %3", *money)
        return t("sale %1 %2 %3", *money)
    if step.do == "refund":
        what = step.amount.decimal_str() if step.amount else t("all")
        return t("refund %1 of #%2", what, step.sale) if step.sale else t("refund %1", what)
    return t("end of day")


def outcome_text(step: Step, outcome: str) -> str:
    """An expected or got outcome (a status, ``4 sales``, ``a report``, ERROR) in the
    operator's language."""
    if step.do == "end_of_day" and outcome.endswith(" sales"):
        return t("%1 sales", outcome.split()[0])
    if outcome == "a report":
        return t("a report")
    if outcome == "ERROR":
        return t("ERROR")
    return t(outcome) if outcome in STATUS_WORDS else outcome


def scenario_text(step: Step) -> str:
    """``http_error status=500 count=2``; for an in-store sale, what its code does."""
    if not step.scenario:
        return t("code: %1", step.code) if step.product == "in-store" else "-"
    params = " ".join(f"{k}={v}" for k, v in step.params.items())
    return f"{step.scenario} {params}".strip()


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
