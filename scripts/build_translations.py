"""Compile the GUI translations: every ``cashier_app/resources/i18n/*.ts`` into the ``.qm``
beside it, with Qt's ``lrelease`` (shipped in PySide6). The ``.ts`` is the source and the
``.qm`` is committed, so a checkout, a wheel and the bundle all load the same file.

    .venv/bin/python scripts/build_translations.py           # what `make translations` runs
    .venv/bin/python scripts/build_translations.py --check   # exit 1 naming every stale .qm
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "cashier_app" / "resources" / "i18n"


def lrelease() -> Path:
    import PySide6

    tool = Path(PySide6.__file__).parent / (
        "lrelease.exe" if sys.platform == "win32" else "lrelease"
    )
    if not tool.is_file():
        raise SystemExit(f"build_translations: {tool} is missing (is PySide6 installed?)")
    return tool


def compile_ts(ts: Path, qm: Path) -> None:
    proc = subprocess.run(
        [str(lrelease()), "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True
    )
    if proc.returncode != 0 or not qm.is_file():
        raise SystemExit(
            f"build_translations: lrelease failed on {ts.name}:\n{proc.stdout}{proc.stderr}"
        )


def stale(sources: list[Path]) -> list[str]:
    """Names of the ``.qm`` files that differ from what their ``.ts`` compiles to."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for ts in sources:
            fresh = Path(tmp) / ts.with_suffix(".qm").name
            compile_ts(ts, fresh)
            committed = ts.with_suffix(".qm")
            if not committed.is_file():
                problems.append(f"{committed.name} is missing")
            elif committed.read_bytes() != fresh.read_bytes():
                problems.append(f"{committed.name} does not match {ts.name}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="only check that every .qm matches its .ts"
    )
    args = parser.parse_args(argv)
    sources = sorted(I18N.glob("*.ts"))
    if not sources:
        raise SystemExit(f"build_translations: no .ts files in {I18N}")
    if args.check:
        problems = stale(sources)
        for problem in problems:
            print(f"{problem}: run `make translations` and commit the .qm", file=sys.stderr)
        return 1 if problems else 0
    for ts in sources:
        compile_ts(ts, ts.with_suffix(".qm"))
        print(f"{ts.with_suffix('.qm').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
