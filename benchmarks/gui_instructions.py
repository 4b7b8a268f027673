"""``python -m benchmarks.gui_instructions``: the GUI cold start counted in instructions, which
other load on the machine does not move (the wall figure of ``python -m benchmarks --only
gui`` does): valgrind runs benchmarks/gui_probe.py once for a bare PySide6 window and once
for ``cashier gui``, each to its first counted frame, as bench_startup.py does (offscreen,
bytecode cache warm, fresh data and config folders), and prints both counts and their
ratio. Needs valgrind (``apt-get install valgrind``); about a minute. Not part of ``make
bench``: a figure to find where start-up time goes, and to check a change with."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
#: cachegrind's summary line: "==123== I   refs:      583,976,777"
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def instructions(kind: str, env: dict[str, str]) -> int:
    """Instructions a fresh ``gui_probe KIND`` process runs until its first counted frame."""
    probe = [sys.executable, "-m", "benchmarks.gui_probe", kind]
    for _ in range(2):  # warm, as bench_startup.py: bytecode written, folders made
        subprocess.run(probe, cwd=REPO, env=env, capture_output=True, check=True, timeout=120)
    valgrind = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
    ]
    proc = subprocess.run(
        [*valgrind, *probe],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    found = _REFS.search(proc.stderr)
    if proc.returncode != 0 or found is None or not proc.stdout.startswith("painted"):
        raise RuntimeError(f"valgrind {kind}: {proc.stderr[-800:]}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    if shutil.which("valgrind") is None:
        print("needs valgrind (apt-get install valgrind)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="cashier-bench-gui-") as tmp:
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            CASHIER_DATA_DIR=str(Path(tmp) / "data"),
            CASHIER_CONFIG_DIR=str(Path(tmp) / "config"),
        )
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        bare = instructions("bare", env)
        app = instructions("app", env)
    print(f"bare PySide6 window {bare / 1e6:,.1f}M instructions to its first frame")
    print(f"cashier gui         {app / 1e6:,.1f}M instructions to the order page's first frame")
    print(f"ratio               {app / bare:.3f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
