"""Headless ``cashier pay --simulate approve`` on the embedded sandbox: median wall time of
fresh processes (bytecode cache warm, as on a user's machine; this workplace sets
PYTHONDONTWRITEBYTECODE, which is unset here), against a bare ``python -c pass`` measured
in the same run, interleaved. The phases of the median run come from ``--timings``.

``run(rounds, history=N)`` first fills the embedded sandbox's state file with N settled
payments (a month of ``cashier pay`` within the 30-day retention), so the figure says
whether the sandbox's start-up grows with its history. ``make bench`` takes that figure
and the empty state file's side by side (``run_side_by_side``): a pay of each in every
round, so the difference between them is not the machine's speed moving between two runs.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BUDGET_S = 0.25
#: The state file's history for the second figure, and how much slower than an empty file
#: its pay may be (start-up must not grow with the history).
HISTORY = 5_000
HISTORY_BUDGET_S = 0.02
PAY = [
    "-m",
    "cashier_app",
    "pay",
    "--amount",
    "12.30",
    "--currency",
    "HKD",
    "--method",
    "ALIPAY_HK",
    "--simulate",
    "approve",
    "--timeout",
    "10",
    "--json",
    "--timings",
]


def _env(home: Path) -> dict[str, str]:
    env = dict(
        os.environ, CASHIER_DATA_DIR=str(home / "data"), CASHIER_CONFIG_DIR=str(home / "config")
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _wall(cmd: list[str], env: dict[str, str]) -> tuple[float, str, float]:
    """Wall time, standard output and CPU time (user + system) of one run."""
    start, cpu = time.perf_counter(), _cpu()
    proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[1:4])} failed: {proc.stderr[-500:]}")
    return wall, proc.stdout, _cpu() - cpu


def seed_history(state_path: Path, count: int) -> None:
    """``count`` paid payments (every fifth partly refunded) in the sandbox state file at
    ``state_path``, spread over the last 29 days: what that many earlier sales left."""
    from datetime import UTC, datetime, timedelta

    from cashier_app.domain.money import Money
    from cashier_app.sandbox import persist
    from cashier_app.sandbox import store as st

    now = datetime.now(UTC)
    state = persist.StateFile(state_path)
    batch: list[st.Payment] = []
    for n in range(count):
        created = now - timedelta(days=29) + timedelta(seconds=n * 29 * 86400 / max(count, 1))
        pid = f"20260101118900{n:06d}HIST{n:04X}"
        p = st.Payment(
            client_id="SANDBOX_CASHIER_DEMO",
            payment_request_id=f"PHIST{n:08d}",
            payment_id=pid,
            amount=Money(1230, "HKD"),
            method_type="ALIPAY_HK",
            reference_order_id=f"ORD-HIST-{n:08d}",
            order_description="Coffee",
            terminal_type="WEB",
            notify_url=None,
            redirect_url=None,
            created=created,
            expires=created + timedelta(minutes=14),
            fingerprint=persist.normalise_fingerprint(f"history {n}"),
            status=st.SUCCESS,
            result_code="SUCCESS",
            result_message="success",
            paid_at=created + timedelta(seconds=20),
            closed_at=None,
        )
        if n % 5 == 0:
            p.refunds.append(
                st.Refund(
                    p.client_id,
                    f"RHIST{n:08d}",
                    f"20260101118000{n:06d}RFND{n:04X}",
                    pid,
                    Money(230, "HKD"),
                    "",
                    created + timedelta(hours=1),
                    persist.normalise_fingerprint(f"refund {n}"),
                    finished_at=created + timedelta(hours=1),
                )
            )
        batch.append(p)
        if len(batch) == 500:
            state.save(batch)
            batch = []
    if batch:
        state.save(batch)
    state.close()


def run(rounds: int, history: int = 0) -> dict[str, Any]:
    """Median of ``rounds`` pays on a sandbox state file with ``history`` payments."""
    return run_side_by_side(rounds, (history,))[0]


def run_side_by_side(rounds: int, histories: tuple[int, ...]) -> list[dict[str, Any]]:
    """One result per state file of ``histories`` payments, their pays taken in turn within
    each round (then ``python -c pass``), so that the machine's speed, which moves within a
    minute on a shared machine, falls on all of them alike; the order of the turns is
    reversed every other round (the one after another runs with the caches it left). Each
    result's ``extra_s`` is the median over the rounds of its pay's wall time less the
    first state file's in the same round: what that state file adds."""
    with tempfile.TemporaryDirectory(prefix="cashier-bench-pay-") as tmp:
        envs = []
        for n, history in enumerate(histories):
            home = Path(tmp) / str(n)
            envs.append(_env(home))
            if history:
                seed_history(home / "data" / "embedded-sandbox.sqlite3", history)
        for env in envs:
            for _ in range(2):  # warm: bytecode cache written, journal created
                _wall([sys.executable, *PAY], env)
        pays: list[list[tuple[float, dict[str, Any]]]] = [[] for _ in envs]
        cpu: list[list[float]] = [[] for _ in envs]
        bare: list[float] = []
        bare_cpu: list[float] = []
        for round_ in range(rounds):
            turns = list(enumerate(envs))
            for n, env in turns if round_ % 2 == 0 else reversed(turns):
                wall, out, used = _wall([sys.executable, *PAY], env)
                answer = json.loads(out)
                if answer["status"] != "SUCCESS":
                    raise RuntimeError(f"pay ended {answer['status']}")
                pays[n].append((wall, answer["timings_ms"]))
                cpu[n].append(used)
            wall, _, used = _wall([sys.executable, "-c", "pass"], envs[0])
            bare.append(wall)
            bare_cpu.append(used)
    results = []
    first = [wall for wall, _ in pays[0]]  # round by round
    for history, runs, used_cpu in zip(histories, pays, cpu, strict=True):
        median_wall, phases = sorted(runs, key=lambda p: p[0])[len(runs) // 2]
        results.append(
            {
                "rounds": rounds,
                "history": history,
                "pay_s": statistics.median(p[0] for p in runs),
                "extra_s": statistics.median(
                    wall - wall0 for (wall, _), wall0 in zip(runs, first, strict=True)
                ),
                "python_s": statistics.median(bare),
                "median_phases_ms": phases,
                "median_run_wall_s": median_wall,
                # CPU (user + system): what other load on a shared machine moves least
                "pay_cpu_s": statistics.median(used_cpu),
                "python_cpu_s": statistics.median(bare_cpu),
            }
        )
    return results


def phases_text(result: dict[str, Any]) -> str:
    phases = dict(result["median_phases_ms"])
    total = phases.pop("total")
    detail = phases.pop("services_detail", {})
    interp = result["median_run_wall_s"] * 1000 - total
    parts = [
        f"CPU {result['pay_cpu_s'] * 1000:.0f} ms (python -c pass "
        f"{result['python_cpu_s'] * 1000:.0f} ms); interpreter start-up and exit {interp:.0f} ms"
    ]
    for name, ms in phases.items():
        if isinstance(ms, dict):
            continue
        text = f"{name} {ms:.0f}"
        if name == "services" and detail:
            text += " (" + ", ".join(f"{k} {v:.0f}" for k, v in detail.items()) + ")"
        parts.append(text)
    return ", ".join(parts) + " ms"
