"""The sandbox benchmark's method (benchmarks/bench_sandbox.py), not its figures: the
floor's signers start together, and load and floor are each counted per core-second
available to them, so that other load on a shared machine does not decide the ratio."""

from __future__ import annotations

from benchmarks import bench_sandbox, load_client


def test_the_load_is_counted_per_cpu_second_available_to_it():
    idle = load_client.machine_idle_s()
    r = bench_sandbox.serve_rate(1, 0.1, threads=2)
    assert load_client.machine_idle_s() >= idle > 0  # Linux: every core's idle time so far
    assert r["per_s"] > 0
    # available: at least what the sandbox and its clients used themselves
    spent_ms = r["server_cpu_ms"] + r["worker_cpu_ms"] + r["client_cpu_ms"]
    assert 0 < r["answers_per_available_s"] <= 1000 / spent_ms * (1 + 1e-9)


def test_the_floors_signers_start_together_and_count_what_they_had():
    f = bench_sandbox.signing_floor(0.05, 2)  # each made its key, then both were let go
    assert f["signatures"] >= 6 and f["per_s"] > 0  # three at least from each
    # both signed over the same window: their CPU and the machine's idle time in it
    assert f["available_s"] >= f["cpu_s"] > 0
