"""Store mode at scale, on a real PostgreSQL started for the run (tests/pg_server.py, fsync on).

* End of day: ``StoreReader.end_of_day`` (what ``cashier store report`` and the store
  views call, a fresh connection included) over a store of 10,000, 100,000 and 1,000,000
  payments, all of them on the reported day (the worst case), beside the same totals
  added up from the rows (the query without the per-day summary).
* Replication lag: 10 tills, each its own process with its own SQLite journal and
  replicator, each taking 10 sales a second (a sale journals 5 changes, as the checkout
  does); lag of a change = the store's commit of it minus its journaling. The budgeted
  figure is the steady state: every till's link is connected before the tills start
  selling together (p50/p95/max), on an empty store, at 100,000 and at 1,000,000
  payments (growth with the data). The warm-up is measured apart, not hidden: a run of
  cold tills that sell from their first instant while their links start (import psycopg,
  first connection, the new server backend's first statements), with the p95 of its
  first seconds and of the rest, and each till's time to a connected link.

``python -m benchmarks.bench_store [--quick]`` prints the raw JSON.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

EOD_BUDGET_MS = 300.0
LAG_P95_BUDGET_S = 1.0
DAY = date(2026, 11, 21)
TILLS = 10
RATE = 10.0  #: sales a second per till

_LOAD = """
INSERT INTO payments (till_id, payment_request_id, profile, amount_minor, currency, method,
    status, created_at, updated_at, operator, journal_seq, business_day, client_id)
SELECT 'till-' || (g %% 10), 'B' || g, 'shop', 100 + g %% 5000,
       CASE WHEN g %% 7 = 0 THEN 'CNY' ELSE 'HKD' END,
       (ARRAY['ALIPAY_HK', 'ALIPAY_CN', 'GCASH'])[1 + g %% 3],
       (ARRAY['SUCCESS', 'SUCCESS', 'SUCCESS', 'FAILED', 'PENDING'])[1 + g %% 5],
       %(start)s::timestamptz + (g %% 86000) * interval '1 second',
       %(start)s::timestamptz + (g %% 86000) * interval '1 second',
       'op-' || (g %% 8), 1, %(day)s, 'PROD_CLIENT'
FROM generate_series(%(first)s::bigint, %(last)s::bigint) g
"""
_LOAD_REFUNDS = """
INSERT INTO refunds (till_id, refund_request_id, payment_request_id, amount_minor, currency,
    status, created_at, updated_at, operator, profile, client_id, method, journal_seq,
    business_day)
SELECT p.till_id, 'R' || p.payment_request_id, p.payment_request_id, p.amount_minor / 2,
       p.currency, 'SUCCESS', p.created_at, p.created_at, p.operator, p.profile, p.client_id,
       p.method, 1, p.business_day
FROM payments p
WHERE p.payment_request_id IN (
    SELECT 'B' || g FROM generate_series(%(first)s::bigint, %(last)s::bigint, 20) g)
  AND p.status = 'SUCCESS'
"""


def _median_ms(fn: Any, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000.0)
    return statistics.median(times)


def load(conn: Any, first: int, last: int) -> float:
    """Bulk-load payments ``first..last`` (and a refund of every 20th paid one) the way a
    migration would: summary triggers off, then the summaries rebuilt. Seconds taken."""
    from cashier_app.store.schema import rebuild_day_totals

    start = datetime.combine(DAY, datetime.min.time(), tzinfo=UTC)
    t = time.perf_counter()
    with conn.transaction():
        conn.execute("ALTER TABLE payments DISABLE TRIGGER payments_day_totals")
        conn.execute("ALTER TABLE refunds DISABLE TRIGGER refunds_day_totals")
        params = {"start": start, "day": DAY, "first": first, "last": last}
        conn.execute(_LOAD, params)
        conn.execute(_LOAD_REFUNDS, params)
        conn.execute("ALTER TABLE payments ENABLE TRIGGER payments_day_totals")
        conn.execute("ALTER TABLE refunds ENABLE TRIGGER refunds_day_totals")
    rebuild_day_totals(conn)
    conn.execute("VACUUM ANALYZE payments")
    conn.execute("VACUUM ANALYZE refunds")
    conn.execute("VACUUM ANALYZE day_totals")
    return time.perf_counter() - t


def eod_figures(reader: Any, rounds: int) -> dict[str, float]:
    other = ZoneInfo("Etc/UTC")  # another zone's name: totals added up from the rows
    summary = _median_ms(lambda: reader.end_of_day(DAY), rounds)
    raw = _median_ms(lambda: reader.end_of_day(DAY, tz=other), max(3, rounds // 3))
    a, b = reader.end_of_day(DAY), reader.end_of_day(DAY, tz=other)
    assert a.totals == b.totals, "the summary disagrees with the rows"
    return {"summary_ms": summary, "rows_ms": raw}


def _quantile(values: list[float], q: float) -> float:
    return values[min(len(values) - 1, int(len(values) * q))] if values else float("nan")


def lag_run(dsn: str, seconds: float, base: Path, *, cold: bool = False) -> dict[str, Any]:
    """10 till processes x 10 sales/s for ``seconds``; the lag of every change.

    Steady (the budgeted figure): each till starts its store link and waits until it is
    connected (psycopg imported, first connection made), then all start selling at once.
    ``cold``: each till sells from its first instant while its link is still warming up
    (the changes wait in its outbox meanwhile): the warm-up's lag, reported apart.
    Every till reports how long its warm-up took and how its first push compares with
    the later ones (a new server backend's first statements)."""
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "benchmarks.bench_store",
                "till",
                str(base / f"till{i}"),
                dsn,
                f"{base.name}-till-{i}",
                str(seconds),
                str(RATE),
                "cold" if cold else "steady",
                repr(time.time()),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        for i in range(TILLS)
    ]
    ready = []
    for p in procs:  # each says when its link is up (at once when cold)
        assert p.stdout is not None and p.stdin is not None
        ready.append(json.loads(p.stdout.readline()))
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    samples: list[tuple[float, float]] = []  #: (seconds since the till began selling, lag)
    firsts: list[float] = []
    later: list[float] = []
    first_commits: list[float] = []
    sales = 0
    for p in procs:
        out, _ = p.communicate(timeout=seconds + 180)
        doc = json.loads(out.strip().splitlines()[-1])
        samples += [tuple(x) for x in doc["lags"]]  # type: ignore[misc]
        if doc["push_s"]:
            firsts.append(doc["push_s"][0])
            later += doc["push_s"][1:]
        sales += doc["sales"]
        if doc["first_commit_s"] is not None:
            first_commits.append(doc["first_commit_s"])
    lags = sorted(lag for _t, lag in samples)
    after = sorted(lag for t, lag in samples if t >= WARM_WINDOW_S)
    first = sorted(lag for t, lag in samples if t < WARM_WINDOW_S)
    link_up = sorted(r["link_up_s"] for r in ready if r["link_up_s"] is not None)
    return {
        "mode": "cold" if cold else "steady",
        "changes": len(lags),
        "sales": sales,
        "sales_per_s": sales / seconds,
        "p50_s": _quantile(lags, 0.5),
        "p95_s": _quantile(lags, 0.95),
        "max_s": lags[-1],
        #: the changes of the first WARM_WINDOW_S seconds of selling, and the rest
        "first_window_p95_s": _quantile(first, 0.95),
        "after_window_p95_s": _quantile(after, 0.95),
        #: warm-up of the tills' links: from the process's spawn to a connected link
        "link_up_median_s": statistics.median(link_up) if link_up else None,
        "link_up_max_s": link_up[-1] if link_up else None,
        "import_psycopg_median_s": statistics.median(
            [r["import_s"] for r in ready if r["import_s"] is not None] or [float("nan")]
        ),
        #: from the process's spawn to its first change committed at the store
        "first_commit_median_s": statistics.median(first_commits) if first_commits else None,
        "first_push_median_s": statistics.median(firsts) if firsts else None,
        "later_push_median_s": statistics.median(later) if later else None,
        "later_push_p95_s": _quantile(sorted(later), 0.95),
    }


#: Seconds at the start of selling reported apart from the rest (a cold till's warm-up).
WARM_WINDOW_S = 3.0


class _TimedReplicator:
    """Times each push of a Replicator (outbox read + PostgreSQL transaction + ack)."""

    def __init__(self, rep: Any) -> None:
        self.rep = rep
        self.push_s: list[float] = []
        real = rep.push_once

        def timed() -> int:
            t = time.perf_counter()
            n = int(real())
            if n:
                self.push_s.append(time.perf_counter() - t)
            return n

        rep.push_once = timed


def till_main(
    folder: str, dsn: str, till_id: str, seconds: float, rate: float, mode: str, spawned: float
) -> None:
    """One till process of ``lag_run``: sells at ``rate`` and prints its changes' lags."""
    import_s: float | None = None
    if mode != "cold":  # cold: the link's thread imports it while the till sells
        t = time.perf_counter()
        import psycopg  # noqa: F401

        import_s = time.perf_counter() - t
    from cashier_app.domain.money import Money
    from cashier_app.domain.outcome import Status
    from cashier_app.domain.records import PaymentRecord
    from cashier_app.journal import Journal
    from cashier_app.journal.outbox import Batch, Outbox
    from cashier_app.store.connect import connect
    from cashier_app.store.replicator import Replicator

    journal = Journal(Path(folder) / "journal.sqlite3")
    Outbox(journal).link(till_id)
    lags: list[tuple[float, float]] = []
    selling_since = [0.0]

    first_commit: list[float] = []

    def pushed(batch: Batch, committed: float) -> None:
        lags.extend((at - selling_since[0], committed - at) for at in batch.journaled_at)
        if not first_commit:
            first_commit.append(committed - spawned)

    rep = Replicator(journal, lambda: connect(dsn), till_id, on_push=pushed)
    timer = _TimedReplicator(rep)
    rep.start()
    link_up: float | None = None
    if mode != "cold":
        deadline = time.monotonic() + 120
        while not rep.state.connected and time.monotonic() < deadline:
            time.sleep(0.01)
        link_up = time.time() - spawned
    print(json.dumps({"link_up_s": link_up, "import_s": import_s}), flush=True)
    sys.stdin.readline()  # "go": every till sells from the same instant
    started = time.monotonic()
    selling_since[0] = time.time()
    n = 0
    while time.monotonic() - started < seconds:
        due = started + n / rate
        if (wait := due - time.monotonic()) > 0:
            time.sleep(wait)
        now = datetime.now(UTC)
        prid = f"{till_id}-{n:06d}"
        journal.create_payment(
            PaymentRecord(
                prid, "shop", Money(100 + n, "HKD"), "ALIPAY_HK", Status.CREATED, now, now
            )
        )
        journal.add_event(prid, "journaled", {"amount": "1.00"})
        journal.update_payment(prid, status=Status.PENDING, payment_id=f"G{prid}")
        journal.add_event(prid, "state", {"to": "SUCCESS"})
        journal.update_payment(prid, status=Status.SUCCESS, paid_at=now)
        n += 1
    deadline = time.monotonic() + 120
    outbox = Outbox(journal)
    while outbox.backlog() and time.monotonic() < deadline:
        time.sleep(0.05)
    rep.stop()
    journal.close()
    print(
        json.dumps(
            {
                "sales": n,
                "lags": lags,
                "push_s": timer.push_s,
                "first_commit_s": first_commit[0] if first_commit else None,
            }
        )
    )


def run(quick: bool = False) -> dict[str, Any]:
    from pg_server import PgServer

    from cashier_app.store.connect import connect
    from cashier_app.store.reader import StoreReader
    from cashier_app.store.schema import migrate

    server = PgServer(fsync=True).start()
    out: dict[str, Any] = {"eod": [], "lag": []}
    try:
        owner, till = server.create_store("bench")
        with connect(owner) as conn:
            migrate(conn, timezone="UTC")
        server.grant_till("bench")
        with tempfile.TemporaryDirectory(prefix="cashier-bench-store-") as tmp:
            seconds = 6.0 if quick else 15.0
            # the first run meets a fresh server: cold tills first, then the steady one
            out["cold"] = lag_run(till, seconds, Path(tmp) / "cold", cold=True)
            n = server_payments(owner)
            out["lag"].append({"store_payments": n, **lag_run(till, seconds, Path(tmp) / "s0")})
            reader = StoreReader(lambda: connect(till))
            sizes = (10_000, 100_000) if quick else (10_000, 100_000, 1_000_000)
            done = 0
            with connect(owner) as conn:
                for size in sizes:
                    load_s = load(conn, done + 1, size)
                    done = size
                    figures = eod_figures(reader, 9 if quick else 21)
                    out["eod"].append({"payments": size, "load_s": load_s, **figures})
                    if size >= 100_000:  # the lag as the store grows
                        n = server_payments(owner)
                        lag = lag_run(till, seconds, Path(tmp) / f"s{size}")
                        out["lag"].append({"store_payments": n, **lag})
        out["connect_ms"] = _median_ms(lambda: connect(till).close(), 9)
    finally:
        server.destroy()
    return out


def server_payments(dsn: str) -> int:
    from cashier_app.store.connect import connect

    with connect(dsn) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM payments").fetchone()[0])


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "till":
        a = sys.argv[2:]
        till_main(a[0], a[1], a[2], float(a[3]), float(a[4]), a[5], float(a[6]))
    else:
        print(json.dumps(run("--quick" in sys.argv), indent=2))
