"""``python -m benchmarks.soak --sales 1000 [--seed N] [--lanes K] [--time-limit S] [--json]``:
a soak of the whole checkout against the embedded sandbox, scenarios drawn at random.

Each of ``--lanes`` tills runs its own embedded sandbox, journal and notification listener
(``build_services``, as the app does) in this one process and takes sales one after the
other; before each sale it plays a scenario of the sandbox's catalog, drawn with ``--seed``
among every scenario's quick parameter sets (``Scenario.quick``). The customer pays on the
"phone" (the simulator's control route) once a verified code is shown, unless the scenario
plays the customer itself; an ``async_refund`` sale is then refunded in full.

At the end every lane's journal is compared with its sandbox:

- **stuck**: a sale whose payment (or refund) is not final once its sale has ended;
- **lost**: a sale the journal and the gateway disagree on (missing on one side, or a
  different final state: money taken that the till does not know of, or the reverse);
- **doubled**: more than one payment at the gateway or in the journal for one sale;
- **memory growth**: the process's resident set at the end against the one after the
  warm-up (the first 10% of the sales), in percent.

A lane's sandbox keeps a settled payment for ``--sale-timeout`` + 10 s (``RETENTION_SLACK``)
instead of its 30 days: past every sale that could still ask about it. What it forgets is
noted (its final state, a few dozen bytes) and audited with the rest, so the audit sees the
gateway's whole truth while the process holds only the payments of the last half minute,
as a gateway in another process would.

The run is bounded (``--time-limit``, each sale ``--sale-timeout``); the exit status is 1
when a bound fails: any stuck, lost or doubled payment, growth of ``--max-growth`` % or
more, or the time limit.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

#: Client timeout in the soak: the quick ``timeout`` scenario holds an answer for longer.
CLIENT_TIMEOUT = 1.0
MAX_GROWTH_PERCENT = 10.0
#: A lane's sandbox forgets a settled payment this long after the longest a sale may take.
RETENTION_SLACK = 10.0
WARM_UP_FRACTION = 0.1
_DIRS = {"CASHIER_DATA_DIR": "data", "CASHIER_CONFIG_DIR": "config", "CASHIER_LOG_DIR": "logs"}


@dataclass(slots=True)
class Sale:
    lane: int
    number: int
    scenario: str
    params: dict[str, Any]
    prid: str = ""
    status: str = ""
    refund: str = ""
    seconds: float = 0.0
    error: str = ""
    started: bool = False


@dataclass
class Findings:
    sales: list[Sale] = field(default_factory=list)
    stuck: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    doubled: list[str] = field(default_factory=list)
    rss_warm_kib: int = 0
    rss_end_kib: int = 0
    rss_samples_kib: list[int] = field(default_factory=list)  #: every tenth of the sales
    blocks_warm: int = 0  #: Python's allocated memory blocks after the warm-up
    blocks_end: int = 0
    seconds: float = 0.0
    timed_out: bool = False

    @property
    def growth_percent(self) -> float:
        if not self.rss_warm_kib:
            return 0.0
        return 100.0 * (self.rss_end_kib - self.rss_warm_kib) / self.rss_warm_kib

    def failures(self, max_growth: float) -> list[str]:
        out = []
        for what in ("stuck", "lost", "doubled"):
            if getattr(self, what):
                out.append(f"{len(getattr(self, what))} {what} payment(s)")
        if self.growth_percent >= max_growth:
            out.append(f"memory grew {self.growth_percent:.1f}% (bound {max_growth:g}%)")
        if self.timed_out:
            out.append("the time limit ran out before every sale was done")
        return out

    def to_json(self, max_growth: float) -> dict[str, Any]:
        by_scenario: dict[str, int] = {}
        for sale in self.sales:
            by_scenario[sale.scenario] = by_scenario.get(sale.scenario, 0) + 1
        outcomes: dict[str, int] = {}
        for sale in self.sales:
            outcomes[sale.status or "none"] = outcomes.get(sale.status or "none", 0) + 1
        return {
            "sales": len(self.sales),
            "seconds": round(self.seconds, 1),
            "stuck": self.stuck,
            "lost": self.lost,
            "doubled": self.doubled,
            "rss_after_warm_up_kib": self.rss_warm_kib,
            "rss_end_kib": self.rss_end_kib,
            "memory_growth_percent": round(self.growth_percent, 2),
            "rss_samples_kib": self.rss_samples_kib,
            "python_blocks_growth_percent": round(
                100.0 * (self.blocks_end - self.blocks_warm) / max(1, self.blocks_warm), 2
            ),
            "scenarios": dict(sorted(by_scenario.items())),
            "outcomes": dict(sorted(outcomes.items())),
            "failures": self.failures(max_growth),
        }


def rss_kib() -> int:
    """The process's resident set now (Linux /proc; else the peak, from resource)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def draw(rng: random.Random) -> tuple[str, dict[str, Any]]:
    """One scenario and one of its quick parameter sets."""
    from cashier_app.sandbox import scenarios

    scenario = rng.choice(list(scenarios.CATALOG.values()))
    return scenario.name, dict(rng.choice(scenario.quick))


class Lane:
    """One till: its own embedded sandbox, journal and listener; sales one at a time."""

    def __init__(self, number: int, home: Path, sale_timeout: float) -> None:
        from cashier_app.app import build_services
        from cashier_app.checkout.policy import PollPolicy

        self.number = number
        self.sale_timeout = sale_timeout
        self.services = build_services(
            journal_path=home / f"lane-{number}" / "journal.sqlite3", timeout=CLIENT_TIMEOUT
        )
        if self.services.sandbox is None or self.services.simulator is None:
            self.services.close()
            raise RuntimeError("the soak runs on the embedded sandbox only")
        self.policy = PollPolicy(first_delays=(0.1, 0.2, 0.2, 0.3), max_delay=0.3, grace=5.0)
        #: What the sandbox forgot: paymentRequestId -> "STATUS RESULT_CODE" (interned: a
        #: few distinct ones), a tuple of them when the gateway had more than one payment.
        self.forgotten: dict[str, str | tuple[str, ...]] = {}
        store = self.services.sandbox.store
        store.retention = timedelta(seconds=sale_timeout + RETENTION_SLACK)
        store.on_evicted = self._on_evicted

    def _on_evicted(self, payments: list[Any]) -> None:
        for p in payments:  # under the store's lock
            state = sys.intern(f"{p.status} {p.result_code}")
            seen = self.forgotten.get(p.payment_request_id)
            self.forgotten[p.payment_request_id] = state if seen is None else (*_all(seen), state)

    def close(self) -> None:
        self.services.close()

    def sell(self, sale: Sale) -> None:
        from cashier_app.domain.payment_kit import PaymentInfo

        services = self.services
        sandbox, checkout = services.sandbox, services.checkout
        assert sandbox is not None and services.simulator is not None
        started = time.monotonic()
        sale.started = True
        try:
            state = sandbox.set_scenario(sale.scenario, sale.params)
            plays_customer = state["autopay"]["action"] != "off"
            paid: list[str] = []

            def customer(rec: Any) -> None:
                if plays_customer or paid or not (rec.payment_id and rec.qr_payload()):
                    return
                paid.append(rec.payment_id)
                services.simulator.approve(rec.payment_id)  # type: ignore[union-attr]

            info = PaymentInfo(100 + sale.number % 5000, "HKD", f"soak {sale.number}")
            rec = checkout.create_payment(info, "ALIPAY_HK")
            sale.prid = rec.payment_request_id
            customer(rec)
            done = checkout.run_to_completion(
                sale.prid, policy=self.policy, timeout=self.sale_timeout, on_update=customer
            )
            sale.status = done.status.value
            if sale.scenario == "async_refund" and done.status.value == "SUCCESS":
                refund = checkout.refund(sale.prid)
                deadline = time.monotonic() + self.sale_timeout
                while refund.status.value not in ("SUCCESS", "FAILED"):
                    if time.monotonic() > deadline:
                        break
                    time.sleep(0.1)
                    refund = checkout.refresh_refund(refund.refund_request_id)
                sale.refund = refund.status.value
        except Exception as exc:  # a sale that blew up is reported, and the soak goes on
            sale.error = f"{type(exc).__name__}: {exc}"[:200]
        finally:
            sandbox.clear_scenario()
            sale.seconds = time.monotonic() - started

    def audit(self, sales: list[Sale], findings: Findings) -> None:
        """Compare this lane's journal with its sandbox, sale by sale."""
        from cashier_app.domain.outcome import Status

        services = self.services
        assert services.sandbox is not None
        services.sandbox.notifier.wait_idle(10)
        journal, store = services.journal, services.sandbox.store
        with store.lock:
            at_gateway = {prid: list(_all(seen)) for prid, seen in self.forgotten.items()}
            for p in store.payments():
                at_gateway.setdefault(p.payment_request_id, []).append(
                    f"{p.status} {p.result_code}"
                )
        in_journal = {r.payment_request_id: r for r in journal.list_payments(limit=None)}
        mine = [s for s in sales if s.lane == self.number]
        known = {s.prid for s in mine if s.prid}
        name = f"lane {self.number}"
        for prid in set(at_gateway) | set(in_journal):
            if prid not in known:
                findings.lost.append(f"{name}: {prid} belongs to no sale")
        for sale in mine:
            if not sale.started:
                continue  # the time limit came first (reported as such)
            label = f"{name} sale {sale.number} ({sale.scenario}) {sale.prid or '-'}"
            if sale.error or not sale.prid:
                findings.stuck.append(f"{label}: {sale.error or 'no payment made'}")
                continue
            rec = in_journal.get(sale.prid)
            gateway = at_gateway.get(sale.prid, [])
            if len(gateway) > 1:
                findings.doubled.append(f"{label}: {len(gateway)} payments at the gateway")
            if rec is None:
                findings.lost.append(f"{label}: not in the journal")
                continue
            if not rec.is_final:
                findings.stuck.append(f"{label}: still {rec.status.value}")
                continue
            truth = _gateway_status(gateway[0]) if gateway else None
            if truth is None:
                if rec.status not in (Status.FAILED, Status.CANCELLED, Status.EXPIRED):
                    findings.lost.append(f"{label}: {rec.status.value}, unknown at the gateway")
            elif truth is not rec.status:
                findings.lost.append(f"{label}: journal {rec.status.value}, gateway {truth.value}")
            for refund in journal.refunds_for(sale.prid):
                if refund.status not in (Status.SUCCESS, Status.FAILED):
                    findings.stuck.append(f"{label}: refund still {refund.status.value}")
        if journal.count_payments() != len(in_journal):
            findings.doubled.append(f"{name}: journal counts disagree")


def _all(seen: str | tuple[str, ...]) -> tuple[str, ...]:
    return (seen,) if isinstance(seen, str) else seen


def _gateway_status(payment: str) -> Any:
    """A sandbox payment's ``"STATUS RESULT_CODE"`` as the till's status."""
    from cashier_app.domain.outcome import Status

    status, _, code = payment.partition(" ")
    if status == "SUCCESS":
        return Status.SUCCESS
    if status == "CANCELLED":
        return Status.CANCELLED
    if status == "FAIL":
        return Status.EXPIRED if code == "ORDER_IS_CLOSED" else Status.FAILED
    return Status.PENDING


def soak(
    sales: int,
    *,
    seed: int = 16,
    lanes: int = 8,
    time_limit: float = 900.0,
    sale_timeout: float = 20.0,
    home: Path | None = None,
) -> Findings:
    """Run the soak; ``home`` holds the lanes' journals (default: a temporary folder)."""
    import logging

    quiet = logging.getLogger("cashier_app")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # the faults make thousands of (expected) warnings
    with tempfile.TemporaryDirectory(prefix="cashier-soak-") as tmp:
        base = home or Path(tmp)
        # Fresh config and data folders: the default profile is then the embedded sandbox,
        # whatever profile this machine's user has made active (never a real gateway).
        saved = {var: os.environ.get(var) for var in _DIRS}
        for var, sub in _DIRS.items():
            os.environ[var] = str(base / sub)
        rng = random.Random(seed)
        plan = [Sale(i % lanes, i, *draw(rng)) for i in range(sales)]
        findings = Findings(sales=plan)
        tills: list[Lane] = []
        warm_at = max(1, int(sales * WARM_UP_FRACTION))
        done = 0
        lock = threading.Lock()
        deadline = time.monotonic() + time_limit
        started = time.monotonic()

        def run(till: Lane) -> None:
            nonlocal done
            for sale in plan:
                if sale.lane != till.number:
                    continue
                if time.monotonic() > deadline:
                    findings.timed_out = True
                    return
                till.sell(sale)
                with lock:
                    done += 1
                    if done % warm_at == 0:
                        findings.rss_samples_kib.append(rss_kib())
                    if done == warm_at:
                        findings.rss_warm_kib = findings.rss_samples_kib[-1]
                        findings.blocks_warm = sys.getallocatedblocks()

        try:
            tills.extend(Lane(n, base, sale_timeout) for n in range(lanes))
            threads = [
                threading.Thread(target=run, args=(t,), name=f"soak-{t.number}") for t in tills
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            findings.seconds = time.monotonic() - started
            findings.rss_end_kib = rss_kib()
            findings.blocks_end = sys.getallocatedblocks()
            for till in tills:
                till.audit(plan, findings)
        finally:
            for till in tills:
                till.close()
            quiet.setLevel(level)
            for var, value in saved.items():
                if value is None:
                    os.environ.pop(var, None)
                else:
                    os.environ[var] = value
    return findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.soak", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--sales", type=int, default=1000, help="how many sales (default 1000)")
    parser.add_argument("--seed", type=int, default=16, help="the scenarios' random seed")
    parser.add_argument("--lanes", type=int, default=8, help="tills selling at once (default 8)")
    parser.add_argument(
        "--time-limit", type=float, default=900.0, help="seconds for the whole run (default 900)"
    )
    parser.add_argument(
        "--sale-timeout", type=float, default=20.0, help="seconds one sale may take (default 20)"
    )
    parser.add_argument(
        "--max-growth",
        type=float,
        default=MAX_GROWTH_PERCENT,
        help=f"memory growth bound in percent (default {MAX_GROWTH_PERCENT:g})",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if args.sales < 10 or not 1 <= args.lanes <= 32:
        parser.error("--sales must be at least 10 and --lanes from 1 to 32")
    findings = soak(
        args.sales,
        seed=args.seed,
        lanes=args.lanes,
        time_limit=args.time_limit,
        sale_timeout=args.sale_timeout,
    )
    report = findings.to_json(args.max_growth)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(render(report, args))
    return 1 if report["failures"] else 0


def render(report: dict[str, Any], args: argparse.Namespace) -> str:
    lines = [
        f"soak: {report['sales']} sales, seed {args.seed}, {args.lanes} lanes, "
        f"{report['seconds']} s",
        f"  stuck payments:   {len(report['stuck'])}",
        f"  lost payments:    {len(report['lost'])}",
        f"  doubled payments: {len(report['doubled'])}",
        f"  memory: {report['rss_after_warm_up_kib'] / 1024:.1f} MiB after warm-up, "
        f"{report['rss_end_kib'] / 1024:.1f} MiB at the end "
        f"({report['memory_growth_percent']:+.1f}%, bound {args.max_growth:g}%); "
        f"Python's allocated blocks {report['python_blocks_growth_percent']:+.1f}%",
        "  outcomes: " + ", ".join(f"{k} {v}" for k, v in report["outcomes"].items()),
        "  scenarios: " + ", ".join(f"{k} {v}" for k, v in report["scenarios"].items()),
    ]
    for what in ("stuck", "lost", "doubled"):
        lines.extend(f"  {what}: {item}" for item in report[what][:20])
    lines.append("PASS" if not report["failures"] else "FAIL: " + "; ".join(report["failures"]))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
