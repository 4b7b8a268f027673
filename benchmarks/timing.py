"""Small timing helpers shared by the benchmarks: time-boxed rate and median latency."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def rate(fn: Callable[[], object], seconds: float, min_ops: int = 3) -> float:
    """Operations per second of ``fn``, called repeatedly for about ``seconds``."""
    fn()  # warm-up (imports, caches, first connection)
    ops = 0
    start = time.perf_counter()
    deadline = start + seconds
    while True:
        fn()
        ops += 1
        now = time.perf_counter()
        if now >= deadline and ops >= min_ops:
            return ops / (now - start)


def median_ms(fn: Callable[[], object], rounds: int, warmup: int = 2) -> float:
    """Median wall time of ``fn`` in milliseconds over ``rounds`` calls."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def interleaved_rates(
    a: Callable[[], object], b: Callable[[], object], seconds: float, slices: int = 10
) -> tuple[float, float]:
    """Operations per second of ``a`` and of ``b``, measured in alternating slices (a, b,
    b, a, ...) of ``seconds / slices / 2`` each, so that a burst of load from elsewhere
    falls on both alike."""
    a()
    b()
    ops, spent = [0, 0], [0.0, 0.0]
    each = seconds / slices / 2
    for n in range(slices):
        for which in (0, 1) if n % 2 == 0 else (1, 0):
            fn = (a, b)[which]
            start = time.perf_counter()
            deadline = start + each
            count = 0
            while True:
                fn()
                count += 1
                now = time.perf_counter()
                if now >= deadline:
                    break
            ops[which] += count
            spent[which] += now - start
    return ops[0] / spent[0], ops[1] / spent[1]
