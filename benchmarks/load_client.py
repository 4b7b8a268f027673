"""Load from another process: ``python -m benchmarks.load_client`` reads one JSON job line
on stdin and prints one JSON result line.

Jobs: ``{"job": "floor", "seconds": S}`` makes a fresh RSA-2048 key, prints ``ready``,
waits for a line on stdin (so that the signers of every core start together, their key
making done), then signs (key loaded once, raw ``cryptography``) for S seconds and
reports signatures/s: run one per core at once and their sum is the machine's signing
floor. ``{"job": "load", "url", "seconds",
"threads", "path", "body", "headers", "gateway_public_key", "verify_every"}`` sends the
same pre-signed request over ``threads`` kept-alive connections for ``seconds`` and
checks every answer's status and result, and the signature of every
``verify_every``-th one (1: every answer); it reports the CPU its clients spent on each
answer (``client_cpu_ms``).

Both report the CPU they used (``cpu_s``) and the machine's idle CPU time over their
measured window (``idle_s``, every core's, from /proc/stat): on a shared machine the
window's CPU available to the benchmark is its own use plus what nobody used.
"""

from __future__ import annotations

import http.client
import json
import os
import sys
import threading
import time
from typing import Any
from urllib.parse import urlsplit


def machine_idle_s() -> float:
    """Idle (and I/O wait) CPU seconds of every core since boot (Linux; 0 elsewhere)."""
    try:
        with open("/proc/stat", encoding="ascii") as f:
            fields = f.readline().split()
        return (int(fields[4]) + int(fields[5])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def floor(seconds: float) -> dict[str, Any]:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    data = b"POST /ams/sandbox/api/v1/payments/inquiryPayment\nX." + b"x" * 400
    pad, sha = padding.PKCS1v15(), hashes.SHA256()
    key.sign(data, pad, sha)
    print("ready", flush=True)
    sys.stdin.readline()  # every core's signer is ready: go
    n, idle = 0, machine_idle_s()
    start, cpu = time.perf_counter(), time.process_time()
    while (now := time.perf_counter()) - start < seconds or n < 3:
        key.sign(data, pad, sha)
        n += 1
    cpu = time.process_time() - cpu
    return {
        "per_s": n / (now - start),
        "signatures": n,
        "cpu_ms": 1000 * cpu / n,
        "cpu_s": cpu,
        "idle_s": machine_idle_s() - idle,
    }


def load(job: dict[str, Any]) -> dict[str, Any]:
    from cashier_app.gateway.signing import Verifier

    verifier = Verifier.from_text(job["gateway_public_key"])
    parts = urlsplit(job["url"])
    body = job["body"].encode("utf-8")
    every = max(1, int(job.get("verify_every", 1)))
    counts = [0] * job["threads"]
    errors: list[str] = []
    go = threading.Event()
    stop_at = [0.0]

    def worker(i: int) -> None:
        conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=10)
        go.wait()
        try:
            while time.perf_counter() < stop_at[0]:
                conn.request("POST", job["path"], body=body, headers=job["headers"])
                response = conn.getresponse()
                raw = response.read()
                if response.status != 200:
                    raise RuntimeError(f"HTTP {response.status}")
                if counts[i] % every == 0:
                    verifier.verify_header(
                        "POST",
                        job["path"],
                        response.getheader("client-id") or "",
                        response.getheader("response-time") or "",
                        raw,
                        response.getheader("signature"),
                    )
                    result = json.loads(raw)["result"]
                    if result["resultStatus"] != "S":
                        raise RuntimeError(f"answer {result}")
                counts[i] += 1
        except Exception as exc:  # reported, and the run counts as failed
            errors.append(f"{type(exc).__name__}: {exc}")
        finally:
            conn.close()

    pool = [threading.Thread(target=worker, args=(i,)) for i in range(job["threads"])]
    for t in pool:
        t.start()
    idle = machine_idle_s()
    start, cpu = time.perf_counter(), time.process_time()
    stop_at[0] = start + job["seconds"]
    go.set()
    for t in pool:
        t.join()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    idle = machine_idle_s() - idle
    requests = sum(counts)
    return {
        "requests": requests,
        "per_s": requests / elapsed,
        "cpu_s": cpu,
        "idle_s": idle,
        "errors": errors,
        # the clients' own CPU for each answer (sending, reading, every n-th check): on a
        # two-core machine it is taken from the cores that sign
        "client_cpu_ms": 1000 * cpu / max(requests, 1),
    }


def main() -> int:
    job = json.loads(sys.stdin.readline())
    out = floor(job["seconds"]) if job["job"] == "floor" else load(job)
    print(json.dumps(out), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
