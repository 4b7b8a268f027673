"""One measured figure: its value, the baseline measured in the same run, the ratio between
them, the budget and whether it holds; and the table ``python -m benchmarks`` prints."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Figure:
    name: str
    value: float
    unit: str  #: "s", "ms", "/s"
    baseline_name: str
    baseline: float
    budget: str  #: how the budget reads, e.g. "<= 1.3x" or ">= 2,500/s"
    holds: bool
    #: value / baseline unless the figure defines it otherwise (e.g. SDK time / ours)
    ratio: float | None = None
    note: str = ""

    @property
    def shown_ratio(self) -> float:
        if self.ratio is not None:
            return self.ratio
        return self.value / self.baseline if self.baseline else float("nan")

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["ratio"] = self.shown_ratio
        return out


def amount(value: float, unit: str) -> str:
    if unit == "/s":
        return f"{value:,.0f}/s"
    if unit == "s":
        return f"{value:.3f} s"
    return f"{value:,.2f} {unit}"


def table(figures: list[Figure]) -> str:
    rows = [("figure", "value", "baseline (same run)", "ratio", "budget", "holds")]
    for f in figures:
        rows.append(
            (
                f.name,
                amount(f.value, f.unit),
                f"{f.baseline_name} {amount(f.baseline, f.unit)}",
                f"{f.shown_ratio:,.2f}x",
                f.budget,
                "yes" if f.holds else "NO",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, r in enumerate(rows):
        lines.append(
            "  ".join(
                c.ljust(w) if i in (0, 2, 4) else c.rjust(w)
                for i, (c, w) in enumerate(zip(r, widths, strict=True))
            ).rstrip()
        )
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    notes = [f"  {f.name}: {f.note}" for f in figures if f.note]
    return "\n".join(lines + (["", "where the time went:", *notes] if notes else []))
