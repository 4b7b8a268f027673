"""GUI cold start: a fresh process until the first frame showing the order page (the
amount field on screen) is painted (offscreen), bytecode cache warm
(``PYTHONDONTWRITEBYTECODE`` unset), against a bare PySide6 window's first frame measured in
the same run, interleaved (benchmarks/gui_probe.py). Median of ``rounds`` of each. The same
two first frames counted in instructions, which other load does not move:
``python -m benchmarks.gui_instructions`` (valgrind)."""

from __future__ import annotations

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


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _once(kind: str, env: dict[str, str]) -> tuple[float, float]:
    """Wall time to the first paint, and the process's CPU time (it leaves at the paint)."""
    cpu = _cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.gui_probe", kind],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    wall = time.perf_counter() - start
    _, err = proc.communicate(timeout=60)
    if not line.startswith("painted"):
        raise RuntimeError(f"{kind} window never painted: {err[-800:]}")
    return wall, _cpu() - cpu


def run(rounds: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="cashier-bench-gui-") as tmp:
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            CASHIER_DATA_DIR=str(Path(tmp) / "data"),
            CASHIER_CONFIG_DIR=str(Path(tmp) / "config"),
        )
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for kind in ("bare", "app", "app"):  # warm: bytecode written, journal created
            _once(kind, env)
        app, bare = [], []
        for _ in range(rounds):
            bare.append(_once("bare", env))
            app.append(_once("app", env))
    return {
        "rounds": rounds,
        "app_s": statistics.median(w for w, _ in app),
        "bare_s": statistics.median(w for w, _ in bare),
        # CPU (user + system): what other processes' load on a shared machine moves least
        "app_cpu_s": statistics.median(c for _, c in app),
        "bare_cpu_s": statistics.median(c for _, c in bare),
    }


def note(result: dict[str, Any]) -> str:
    extra = (result["app_s"] - result["bare_s"]) * 1000
    return (
        f"CPU {result['app_cpu_s'] * 1000:.0f} ms against {result['bare_cpu_s'] * 1000:.0f} ms "
        f"({result['app_cpu_s'] / result['bare_cpu_s']:.2f}x); "
        f"{extra:.0f} ms more than a bare window, which draws no text: what a first frame "
        "with text costs any Qt app (fontconfig, FreeType: one QLabel adds 7% to a bare "
        "window's instructions), the application stylesheet (parsed, every widget polished "
        "and painted through it: 7%), the order page's 16 keypad keys (3%), the Python "
        "types of the Qt classes the window uses, the menus, tool bar and status bar, the "
        "cashier's own imports and logging (valgrind instruction counts, which other load "
        "does not move); the other sale pages, the services and the QA console come after "
        "the paint, and so does Python's cyclic garbage collector (paused while the window "
        "starts, PySide's import included: a bare window would save 2% with that too); "
        "Qt's libraries, PySide's modules of them and fontconfig's configuration load on a "
        "worker thread while PySide's own Python start-up runs (support/qt_preload.py: on a "
        "second core, so the wall time drops, the CPU time does not)"
    )
