"""Sandbox throughput: signed inquiryPayment answers a second with four keep-alive clients
(in another process, as a load test would be), against the machine's signing floor
measured in the same run.

The floor is what the machine could answer if the server cost nothing: every answer needs
one RSA-2048 signature (one raw ``cryptography`` signer per core, all at once, gives its
CPU cost) and the load clients' own work for it (their process's CPU per answer, measured
in the very load run). On two cores the clients take their share from the signing cores,
so signatures alone (the raw floor, also reported) overstate what any server could do.

Load and floor are measured in alternate slices, and on a shared machine they do not get
the same CPU: each is counted per core-second available to it in its window (its own CPU
and the machine's idle time, /proc/stat), which on an idle machine is every core-second.
The budget's ratio is that one; the rates as they came are reported beside it.

Two servers are measured: the sandbox signing in worker processes (``sign_workers`` = the
number of cores, what ``cashier sandbox`` does: one event loop accepts, ``sandbox/
fastlane.py``, and hands each connection to a worker that answers its inquiries itself,
``sandbox/laneworker.py``; the server's CPU is then the loop's, the workers' is counted
apart) and the threaded server signing in-process (the embedded
sandbox's way; ``cryptography`` holds the GIL while it signs, so threads sign on one core
at most).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from cashier_app.domain.money import Money
from cashier_app.gateway.signing import (
    Signer,
    Verifier,
    generate_private_key,
    public_key_base64,
    request_time,
)
from cashier_app.sandbox import SandboxGateway

CLIENT_ID = "SANDBOX_BENCH"
PATH = "/ams/sandbox/api/v1/payments/inquiryPayment"
REPO = Path(__file__).resolve().parent.parent
BUDGET_PER_S = 2500.0
BUDGET_OF_FLOOR = 0.70


def _child(job: dict[str, Any], *, wait_for_go: bool = False) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.load_client"],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None
    proc.stdin.write(json.dumps(job) + "\n")
    proc.stdin.flush()
    if not wait_for_go:
        proc.stdin.close()
    return proc


def _result(proc: subprocess.Popen[str]) -> dict[str, Any]:
    assert proc.stdout is not None
    out = proc.stdout.read()
    if proc.wait(120) != 0:
        raise RuntimeError("benchmark child failed")
    data: dict[str, Any] = json.loads(out)
    return data


def signing_floor(seconds: float, cores: int) -> dict[str, float]:
    """One raw signer per core at once, started together once each has made its key:
    signatures a second (``per_s``), the CPU one takes (``cpu_ms``), and for the
    window's CPU available to them (``available_s``: what they used and what nobody
    did) the ``signatures``."""
    procs = [_child({"job": "floor", "seconds": seconds}, wait_for_go=True) for _ in range(cores)]
    for proc in procs:
        assert proc.stdout is not None and proc.stdin is not None
        if proc.stdout.readline().strip() != "ready":
            raise RuntimeError("benchmark signer did not start")
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.close()
    results = [_result(p) for p in procs]
    return {
        "per_s": sum(r["per_s"] for r in results),
        "cpu_ms": sum(r["cpu_ms"] for r in results) / len(results),
        "signatures": sum(r["signatures"] for r in results),
        "cpu_s": sum(r["cpu_s"] for r in results),
        # the windows start together and last as long: the machine's idle time is theirs
        "available_s": sum(r["cpu_s"] for r in results)
        + sum(r["idle_s"] for r in results) / len(results),
    }


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` so far (Linux /proc; 0 elsewhere)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def serve_rate(
    sign_workers: int, seconds: float, threads: int = 4, *, floor_slices: int = 0
) -> dict[str, float]:
    """Answers a second and the load clients' CPU per answer (ms). With ``floor_slices``
    the run is cut into that many load slices, each beside a raw signing-floor slice of
    the same length (alternately before and after it, the server idle meanwhile), so
    that a burst of other load on the machine falls on both alike; ``raw_floor_per_s``
    is then theirs."""
    merchant = generate_private_key()
    signer = Signer(merchant)
    cores = os.cpu_count() or 1
    with SandboxGateway(sign_workers=sign_workers) as gw:
        if gw.sign_pool is not None:
            gw.sign_pool.wait_ready(60)
        gw.register_merchant(CLIENT_ID, public_key_base64(merchant.public_key()))
        from cashier_app.gateway.antom import AntomClient

        with AntomClient(gw.url, CLIENT_ID, signer, Verifier(gw.gateway_public_key)) as c:
            c.pay(
                "bench-1",
                Money(1230, "HKD"),
                "ALIPAY_HK",
                reference_order_id="bench-1",
                order_description="benchmark",
                expiry=None,
                notify_url=None,
                redirect_url=None,
            )
        body = '{"paymentRequestId":"bench-1"}'
        sent_at = request_time()
        slices = max(1, floor_slices)
        job = {
            "job": "load",
            "url": gw.url,
            "seconds": seconds / slices,
            "threads": threads,
            "path": PATH,
            "body": body,
            "verify_every": 8,
            "gateway_public_key": gw.gateway_public_key_base64,
            "headers": {
                "Content-Type": "application/json; charset=UTF-8",
                "client-id": CLIENT_ID,
                "Request-Time": sent_at,
                "Signature": signer.header("POST", PATH, CLIENT_ID, sent_at, body),
            },
        }
        loads, floors = [], []
        workers = [w.proc.pid for w in gw.sign_pool._all] if gw.sign_pool is not None else []
        server_cpu = worker_cpu = available = 0.0
        for n in range(slices):
            if floor_slices and n % 2 == 0:
                floors.append(signing_floor(seconds / slices, cores))
            child = _child(job)
            mine, theirs = os.times(), sum(_cpu_s(pid) for pid in workers)
            loads.append(_result(child))
            after = os.times()
            server = after.user - mine.user + after.system - mine.system
            signers = sum(_cpu_s(pid) for pid in workers) - theirs
            server_cpu += server
            worker_cpu += signers
            # the window's CPU available to the sandbox and its clients: theirs and
            # what nobody used (the server's CPU is counted over the child's whole life,
            # its start-up too: if anything, more available than there was)
            available += loads[-1]["cpu_s"] + server + signers + loads[-1]["idle_s"]
            if floor_slices and n % 2 == 1:
                floors.append(signing_floor(seconds / slices, cores))
    errors = [e for r in loads for e in r["errors"]]
    if errors:
        raise RuntimeError(f"sandbox answered wrong under load: {errors[:3]}")
    requests = sum(r["requests"] for r in loads)
    out = {
        "per_s": sum(r["per_s"] for r in loads) / slices,
        "client_cpu_ms": sum(r["client_cpu_ms"] * r["requests"] for r in loads) / requests,
    }
    # CPU per answer (ms): this process is the server (its threads; the main one waits),
    # the signing workers are its children. The child's start-up falls in the window, so
    # the server's share is if anything overstated.
    out["server_cpu_ms"] = 1000 * server_cpu / requests
    out["worker_cpu_ms"] = 1000 * worker_cpu / requests
    out["answers_per_available_s"] = requests / available if available else 0.0
    if floors:
        out["raw_floor_per_s"] = sum(f["per_s"] for f in floors) / len(floors)
        out["sign_cpu_ms"] = sum(f["cpu_ms"] for f in floors) / len(floors)
        floor_available = sum(f["available_s"] for f in floors)
        out["signatures_per_available_s"] = (
            sum(f["signatures"] for f in floors) / floor_available if floor_available else 0.0
        )
    return out


def floor_with_clients(raw_floor: float, cores: int, client_cpu_ms: float) -> float:
    """Answers a second on ``cores`` when each costs one signature (``cores / raw_floor``
    core-seconds) plus ``client_cpu_ms`` of the load clients' CPU, the server nothing."""
    return cores / (cores / raw_floor + client_cpu_ms / 1000)


def run(seconds: float) -> dict[str, Any]:
    cores = os.cpu_count() or 1
    pooled = serve_rate(cores, seconds, floor_slices=4)
    raw_floor = pooled["raw_floor_per_s"]
    threads_only = serve_rate(0, seconds)
    floor = floor_with_clients(raw_floor, cores, pooled["client_cpu_ms"])
    # On a shared machine the load's slices and the floor's do not get the same CPU
    # (measured on two busy cores: from 0.5 to 1.2 cores each, so that one unchanged
    # server came out at 0.4x to 1.3x): both compared per core-second available to them
    # (their own use and what nobody used). On an idle machine that is every core-second
    # of the window, and this ratio is the plain one.
    signatures = pooled["signatures_per_available_s"]
    answers = pooled["answers_per_available_s"]
    fair = answers / floor_with_clients(signatures, 1, pooled["client_cpu_ms"])
    # The same comparison in CPU per answer, which other processes' load on the machine
    # barely moves: the floor's (one signature and the clients' work) against all the
    # CPU an answer took (server, signing workers, clients).
    needed = pooled["sign_cpu_ms"] + pooled["client_cpu_ms"]
    spent = pooled["server_cpu_ms"] + pooled["worker_cpu_ms"] + pooled["client_cpu_ms"]
    return {
        "cores": cores,
        "raw_signing_floor_per_s": raw_floor,
        "client_cpu_ms": pooled["client_cpu_ms"],
        "server_cpu_ms": pooled["server_cpu_ms"],
        "worker_cpu_ms": pooled["worker_cpu_ms"],
        "sign_cpu_ms": pooled["sign_cpu_ms"],
        "cpu_of_floor": needed / spent,
        "idle_machine_per_s": 1000 * cores / spent,
        "signing_floor_per_s": floor,
        "pooled_per_s": pooled["per_s"],
        "threads_only_per_s": threads_only["per_s"],
        "pooled_of_floor": pooled["per_s"] / floor,
        "pooled_of_raw_floor": pooled["per_s"] / raw_floor,
        "pooled_of_floor_available": fair,
        "whole_machine_per_s": answers * cores,
        "whole_machine_floor_per_s": floor_with_clients(
            signatures * cores, cores, pooled["client_cpu_ms"]
        ),
        "holds": pooled["per_s"] >= BUDGET_PER_S or fair >= BUDGET_OF_FLOOR,
    }
