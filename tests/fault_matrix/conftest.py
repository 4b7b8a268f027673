"""The fault matrix: each row's findings are kept and printed as one table at the end of the
run (``pytest_terminal_summary``), whichever tests of it ran."""

from __future__ import annotations

from typing import Any

import pytest

#: (row, layer) -> what the test found; filled through the ``matrix_row`` fixture.
RESULTS: dict[tuple[str, str], dict[str, Any]] = {}
LAYERS = ("service", "gui")


@pytest.fixture
def matrix_row(request: pytest.FixtureRequest):
    """``matrix_row(row, layer)`` -> a dict the test fills as it goes; the outcome of the
    test is added when it ends."""

    def make(row: str, layer: str) -> dict[str, Any]:
        found: dict[str, Any] = {"outcome": "?"}
        RESULTS[(row, layer)] = found
        request.node.stash[_KEY] = found
        return found

    return make


_KEY = pytest.StashKey[dict]()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report = outcome.get_result()
    found = item.stash.get(_KEY, None)
    if found is None:
        return
    if report.when == "call" or (report.when == "setup" and report.failed):
        found["outcome"] = "pass" if report.passed else "FAIL"
        if report.failed and call.excinfo is not None:
            found.setdefault("why", call.excinfo.exconly().splitlines()[0][:70])


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not RESULTS:
        return
    from matrix_cases import CASES

    rows = [case.row for case in CASES if any((case.row, x) in RESULTS for x in LAYERS)]
    head = (
        f"{'scenario':<30} {'service':<8} {'final':<22} {'s':>5}   "
        f"{'gui':<5} {'final':<22} {'s':>5}  GUI thread stall (own / raw / cpu / gc, ms)"
    )
    write = terminalreporter.write_line
    terminalreporter.section("fault matrix (issue 16 item 4)")
    write(head)
    write("-" * len(head))
    for row in rows:
        cells = []
        for layer in LAYERS:
            found = RESULTS.get((row, layer))
            if found is None:
                cells.append(f"{'-':<8} {'':<22} {'':>5}")
                continue
            final = f"{found.get('status', '?')}/{found.get('code', '?')}"[:22]
            seconds = f"{found['seconds']:.1f}" if "seconds" in found else "?"
            width = 8 if layer == "service" else 5
            cells.append(f"{found['outcome']:<{width}} {final:<22} {seconds:>5}")
        stall = RESULTS.get((row, "gui"), {}).get("stall")
        stall_text = (
            f"{stall.worst_own_ms:>4.0f} / {stall.worst_wall_ms:>4.0f} / "
            f"{stall.worst_cpu_ms:>3.0f} / {stall.worst_gc_ms:>3.0f}"
            + (f"  ({stall.noisy_gaps} gap(s) >100 ms were load)" if stall.noisy_gaps else "")
            if stall is not None
            else "-"
        )
        why = [f.get("why") for f in (RESULTS.get((row, x), {}) for x in LAYERS) if f.get("why")]
        write(f"{row:<30} {cells[0]}   {cells[1]}  {stall_text}" + (f"  {why[0]}" if why else ""))
    stalls = [f["stall"] for f in RESULTS.values() if f.get("stall") is not None]
    if stalls and not stalls[0].schedstat:
        write("(no /proc schedstat here: the stall column is raw wall-clock gaps)")
