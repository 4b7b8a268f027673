"""History at scale: 100,000 journaled payments; open + first page + count, and filtered queries.

Run: ``python -m benchmarks.bench_history [--rows N] [--json]``. The History page needs
"well under a second" to open with 100,000 payments; the figure that matters is
``open + first page + count``.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import PaymentRecord
from cashier_app.journal import Journal

#: What the History page asks for on open: the first page, newest first, and the total.
PAGE = 100
_STATUSES = [Status.SUCCESS] * 14 + [
    Status.FAILED,
    Status.CANCELLED,
    Status.EXPIRED,
    Status.PENDING,
]
_METHODS = [
    ("ALIPAY_HK", "HKD"),
    ("ALIPAY_CN", "CNY"),
    ("GCASH", "PHP"),
    ("TNG", "MYR"),
    ("KAKAOPAY", "KRW"),
    ("TRUEMONEY", "THB"),
]


def _records(n: int, seed: int = 7) -> list[PaymentRecord]:
    rnd = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    out = []
    for i in range(n):
        method, currency = rnd.choice(_METHODS)
        at = start + timedelta(seconds=i * 300 + rnd.randrange(200))
        status = rnd.choice(_STATUSES)
        out.append(
            PaymentRecord(
                payment_request_id=f"PRQ-{i:08d}-{rnd.getrandbits(32):08x}",
                profile="sandbox",
                amount=Money(rnd.randrange(1, 5000) * 100, currency),
                method=method,
                status=status,
                created_at=at,
                updated_at=at,
                trade_summary=f"Order {i} table {rnd.randrange(40)}",
                reference_order_id=f"ORD-{i}",
                payment_id=f"2026{i:012d}",
                paid_at=at if status is Status.SUCCESS else None,
            )
        )
    return out


def _time(fn: Callable[[], Any], repeat: int = 5) -> tuple[float, Any]:
    """Median wall time in milliseconds over ``repeat`` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def run(rows: int) -> dict[str, Any]:
    figures: dict[str, Any] = {"rows": rows}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "journal.sqlite3"
        recs = _records(rows)
        t0 = time.perf_counter()
        with Journal(path) as j:
            j.create_payments(recs)
        figures["insert_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        figures["file_mb"] = round(path.stat().st_size / 1e6, 1)

        def open_page_count() -> tuple[int, int]:
            with Journal(path) as jj:
                return len(jj.list_payments(limit=PAGE)), jj.count_payments()

        ms, (page_len, total) = _time(open_page_count)
        figures["open_first_page_count_ms"] = round(ms, 2)
        if (page_len, total) != (min(PAGE, rows), rows):
            raise RuntimeError(f"journal returned {page_len} rows of {total}, expected {rows}")

        with Journal(path) as j:
            since = datetime(2026, 3, 1, tzinfo=UTC)
            until = datetime(2026, 4, 1, tzinfo=UTC)
            queries: dict[str, Callable[[], Any]] = {
                "first_page_ms": lambda: j.list_payments(limit=PAGE),
                "count_all_ms": lambda: j.count_payments(),
                "deep_page_ms": lambda: j.list_payments(offset=rows // 2, limit=PAGE),
                "status_pending_page_ms": lambda: j.list_payments(status="PENDING", limit=PAGE),
                "status_pending_count_ms": lambda: j.count_payments(status="PENDING"),
                "method_date_page_ms": lambda: j.list_payments(
                    method="GCASH", since=since, until=until, limit=PAGE
                ),
                "method_date_count_ms": lambda: j.count_payments(
                    method="GCASH", since=since, until=until
                ),
                "text_search_page_ms": lambda: j.list_payments(text="table 17", limit=PAGE),
                "text_search_count_ms": lambda: j.count_payments(text="table 17"),
                "text_id_lookup_ms": lambda: j.list_payments(
                    text=recs[rows // 3].payment_request_id, limit=PAGE
                ),
                "day_totals_ms": lambda: j.payment_totals(
                    datetime(2026, 2, 1, tzinfo=UTC), datetime(2026, 2, 2, tzinfo=UTC)
                ),
            }
            for name, fn in queries.items():
                figures[name] = round(_time(fn)[0], 2)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    figures = run(args.rows)
    if args.json:
        print(json.dumps(figures))
    else:
        print(
            f"history benchmark: {figures['rows']:,} payments "
            f"({figures['file_mb']} MB journal, inserted in {figures['insert_ms']:.0f} ms)"
        )
        for key, value in figures.items():
            if key.endswith("_ms") and key != "insert_ms":
                print(f"  {key[:-3]:<28} {value:>9.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
