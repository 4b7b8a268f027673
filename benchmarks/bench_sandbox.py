"""Sandbox throughput: signed inquiryPayment answers a second with four keep-alive clients
(in another process, as a load test would be), against the machine's signing floor
measured in the same run (one raw ``cryptography`` signer per core, all at once).

Two servers are measured: the sandbox signing in worker processes (``sign_workers`` = the
number of cores, what ``cashier sandbox`` does) and signing in-process on its threads
(the embedded sandbox's way; ``cryptography`` holds the GIL while it signs, so threads
sign on one core at most).
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


def _child(job: dict[str, Any]) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.load_client"],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None
    proc.stdin.write(json.dumps(job))
    proc.stdin.close()
    return proc


def _result(proc: subprocess.Popen[str]) -> dict[str, Any]:
    assert proc.stdout is not None
    out = proc.stdout.read()
    if proc.wait(120) != 0:
        raise RuntimeError("benchmark child failed")
    data: dict[str, Any] = json.loads(out)
    return data


def signing_floor(seconds: float, cores: int) -> float:
    """Signatures a second the machine makes with one raw signer per core at once."""
    procs = [_child({"job": "floor", "seconds": seconds}) for _ in range(cores)]
    return sum(_result(p)["per_s"] for p in procs)


def serve_rate(sign_workers: int, seconds: float, threads: int = 4) -> float:
    merchant = generate_private_key()
    signer = Signer(merchant)
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
        result = _result(
            _child(
                {
                    "job": "load",
                    "url": gw.url,
                    "seconds": seconds,
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
            )
        )
    if result["errors"]:
        raise RuntimeError(f"sandbox answered wrong under load: {result['errors'][:3]}")
    return float(result["per_s"])


def run(seconds: float) -> dict[str, Any]:
    cores = os.cpu_count() or 1
    floor = signing_floor(seconds, cores)
    pooled = serve_rate(cores, seconds)
    threads_only = serve_rate(0, seconds)
    return {
        "cores": cores,
        "signing_floor_per_s": floor,
        "pooled_per_s": pooled,
        "threads_only_per_s": threads_only,
        "pooled_of_floor": pooled / floor,
        "holds": pooled >= BUDGET_PER_S or pooled / floor >= BUDGET_OF_FLOOR,
    }
