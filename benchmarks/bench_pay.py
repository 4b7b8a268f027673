"""Headless ``cashier pay --simulate approve`` on the embedded sandbox: median wall time of
fresh processes (bytecode cache warm, as on a user's machine; this workplace sets
PYTHONDONTWRITEBYTECODE, which is unset here), against a bare ``python -c pass`` measured
in the same run, interleaved. The phases of the median run come from ``--timings``.
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


def run(rounds: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="cashier-bench-pay-") as tmp:
        env = _env(Path(tmp))
        for _ in range(2):  # warm: bytecode cache written, journal created
            _wall([sys.executable, *PAY], env)
        pays: list[tuple[float, dict[str, Any]]] = []
        bare: list[float] = []
        cpu: list[float] = []
        bare_cpu: list[float] = []
        for _ in range(rounds):
            wall, out, used = _wall([sys.executable, *PAY], env)
            answer = json.loads(out)
            if answer["status"] != "SUCCESS":
                raise RuntimeError(f"pay ended {answer['status']}")
            pays.append((wall, answer["timings_ms"]))
            cpu.append(used)
            wall, _, used = _wall([sys.executable, "-c", "pass"], env)
            bare.append(wall)
            bare_cpu.append(used)
    pays.sort(key=lambda p: p[0])
    median_wall, phases = pays[len(pays) // 2]
    return {
        "rounds": rounds,
        "pay_s": statistics.median(p[0] for p in pays),
        "python_s": statistics.median(bare),
        "median_phases_ms": phases,
        "median_run_wall_s": median_wall,
        # CPU (user + system): what other processes' load on a shared machine moves least
        "pay_cpu_s": statistics.median(cpu),
        "python_cpu_s": statistics.median(bare_cpu),
    }


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
