"""History page at scale: time to open it on a 100,000-payment journal, in the real widget.

Run: ``python -m benchmarks.bench_history_gui [--rows N] [--repeat R] [--json]`` (offscreen
Qt unless a display is set). Measures, from constructing ``HistoryPage`` to the moment the
first page of rows is in the table and the total is counted, plus scrolling, searching and
filtering; and the longest stall of the GUI thread meanwhile (SQLite runs on workers, so
that stall should stay at a few milliseconds whatever the journal's size).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import PaymentRecord
from cashier_app.journal import Journal

_METHODS = (
    ("ALIPAY_HK", "HKD"),
    ("ALIPAY_CN", "CNY"),
    ("GCASH", "PHP"),
    ("TNG", "MYR"),
    ("KAKAOPAY", "KRW"),
    ("TRUEMONEY", "THB"),
)
_STATUSES = (Status.SUCCESS,) * 14 + (
    Status.FAILED,
    Status.CANCELLED,
    Status.EXPIRED,
    Status.PENDING,
)


def fill(journal: Journal, rows: int, seed: int = 11) -> None:
    """``rows`` payments over the last ~70 days, one every minute; every 50th a "latte"."""
    rnd = random.Random(seed)
    newest = datetime.now(UTC).replace(microsecond=0)
    batch: list[PaymentRecord] = []
    for i in range(rows):
        method, currency = _METHODS[rnd.randrange(len(_METHODS))]
        status = _STATUSES[rnd.randrange(len(_STATUSES))]
        created = newest - timedelta(minutes=rows - i)
        value = rnd.randrange(100, 100_000)
        if currency == "KRW":
            value *= 10
        batch.append(
            PaymentRecord(
                payment_request_id=f"P{i:08d}{rnd.getrandbits(40):010x}",
                profile="sandbox",
                amount=Money(value, currency),
                method=method,
                status=status,
                created_at=created,
                updated_at=created,
                trade_summary="Oat latte" if i % 50 == 0 else f"Order {i}",
                reference_order_id=f"ORD-{i:08d}",
                payment_id=f"2026{i:016d}",
                result_code="SUCCESS" if status is Status.SUCCESS else "",
            )
        )
        if len(batch) == 10_000:
            journal.create_payments(batch)
            batch = []
    journal.create_payments(batch)


class StallMeter:
    """Largest gap between ticks of a 2 ms GUI-thread timer: how long the GUI froze."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.worst = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(2)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self._last)
        self._last = now

    def start(self) -> None:
        self.worst, self._last = 0.0, time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        self._timer.stop()
        return self.worst


def wait_for(app: Any, condition: Callable[[], bool], timeout: float = 30.0) -> None:
    from PySide6.QtCore import QEventLoop

    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the history page did not finish loading in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)


def run(rows: int, repeat: int) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from cashier_app.ui.pages.history_page import HistoryPage
    from cashier_app.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication(sys.argv[:1])
    result: dict[str, Any] = {"rows": rows, "platform": app.platformName()}
    with tempfile.TemporaryDirectory() as tmp:
        journal = Journal(Path(tmp) / "bench.sqlite3")
        t0 = time.perf_counter()
        fill(journal, rows)
        result["fill_s"] = round(time.perf_counter() - t0, 2)
        services = SimpleNamespace(journal=journal, checkout=None, profile=None)
        tasks = TaskRunner()
        meter = StallMeter()

        opens, firsts, stalls = [], [], []
        page = None
        for _ in range(repeat):
            if page is not None:
                page.deleteLater()
            meter.start()
            t0 = time.perf_counter()
            page = HistoryPage(services, tasks)
            page.resize(1280, 720)
            page.show()  # loads the first page and the count
            wait_for(app, lambda p=page: p.model.rowCount() > 0)
            firsts.append(time.perf_counter() - t0)
            wait_for(app, lambda p=page: p.model.total is not None and not p.model.is_loading)
            page.table.viewport().repaint()
            opens.append(time.perf_counter() - t0)
            stalls.append(meter.stop())
        assert page is not None
        result["open_first_rows_ms"] = _ms(firsts)
        result["open_with_count_ms"] = _ms(opens)
        result["open_gui_stall_ms"] = round(max(stalls) * 1000, 1)

        pages = []
        meter.start()
        for _ in range(10):
            before = page.model.rowCount()
            t0 = time.perf_counter()
            page.table.scrollToBottom()
            wait_for(
                app, lambda b=before, p=page: p.model.rowCount() > b and not p.model.is_loading
            )
            pages.append(time.perf_counter() - t0)
        result["scroll_next_page_ms"] = _ms(pages)
        result["scroll_gui_stall_ms"] = round(meter.stop() * 1000, 1)

        bar = page.filters
        for name, action in (
            ("search_text_ms", lambda: bar.search.setText("latte")),
            (
                "filter_status_ms",
                lambda: (
                    bar.search.clear(),
                    bar.status_filter.setCurrentIndex(bar.status_filter.findData("PENDING")),
                ),
            ),
        ):
            meter.start()
            t0 = time.perf_counter()
            action()
            bar.apply_now()  # skip the 300 ms typing pause: time the query only
            wait_for(app, lambda: page.model.total is not None and not page.model.is_loading)
            result[name] = round((time.perf_counter() - t0) * 1000, 1)
            result[name.replace("_ms", "_gui_stall_ms")] = round(meter.stop() * 1000, 1)
            result[name.replace("_ms", "_matches")] = page.model.total

        page.deleteLater()
        tasks.shutdown()
        journal.close()
    return result


def _ms(samples: list[float]) -> dict[str, float]:
    return {
        "first": round(samples[0] * 1000, 1),
        "median": round(statistics.median(samples) * 1000, 1),
        "max": round(max(samples) * 1000, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if args.rows < 1 or args.repeat < 1:
        parser.error("--rows and --repeat must be at least 1")
    result = run(args.rows, args.repeat)
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"History page, {result['rows']:,} payments ({result['platform']}; "
            f"journal filled in {result['fill_s']} s)"
        )
        for key, value in result.items():
            if key not in ("rows", "platform", "fill_s"):
                print(f"  {key:28} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
