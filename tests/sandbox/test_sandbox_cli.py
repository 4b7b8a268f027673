"""``cashier sandbox`` as a real subprocess: JSON line, a signed call, clean SIGINT/SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sandbox_support import RawClient, pay_body

from cashier_app.gateway.signing import (
    Signer,
    Verifier,
    private_key_pkcs8_base64,
    public_key_pem,
)

ROOT = Path(__file__).resolve().parents[2]


def _start(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "cashier_app", "sandbox", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )


def _run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "cashier_app", "sandbox", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=30,
    )


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_serves_until_signal(tmp_path, merchant_key, gateway_key, sig):
    key_file = tmp_path / "merchant.pem"
    key_file.write_text(public_key_pem(merchant_key.public_key()))
    gw_file = tmp_path / "gateway.key"
    gw_file.write_text(private_key_pkcs8_base64(gateway_key))
    proc = _start(
        "--merchant",
        f"SANDBOX_CLI={key_file}",
        "--expiry",
        "30",
        "--gateway-private-key",
        str(gw_file),
    )
    try:
        line = proc.stdout.readline()
        info = json.loads(line)
        assert info["url"].startswith("http://127.0.0.1:")
        assert info["merchants"] == ["SANDBOX_CLI"]
        verifier = Verifier.from_text(info["gateway_public_key"])
        assert verifier.fingerprint == Verifier(gateway_key.public_key()).fingerprint
        client = RawClient(info["url"], "SANDBOX_CLI", Signer(merchant_key), verifier)
        reply = client.post("pay", pay_body("cli-1"))
        assert reply.verified and reply.result["resultCode"] == "PAYMENT_IN_PROCESS"
        proc.send_signal(sig)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert "PRIVATE" not in proc.stderr.read()


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_signing_workers_sign_and_end_with_the_sandbox(merchant_key, tmp_path):
    key_file = tmp_path / "merchant.pem"
    key_file.write_text(public_key_pem(merchant_key.public_key()))
    proc = _start("--merchant", f"SANDBOX_CLI={key_file}", "--sign-workers", "2")
    try:
        info = json.loads(proc.stdout.readline())
        assert info["sign_workers"] == 2
        client = RawClient(
            info["url"],
            "SANDBOX_CLI",
            Signer(merchant_key),
            Verifier.from_text(info["gateway_public_key"]),
        )
        for n in range(5):
            reply = client.post("pay", pay_body(f"cli-w{n}"))
            assert reply.verified and reply.result["resultCode"] == "PAYMENT_IN_PROCESS"
        deadline = time.monotonic() + 60  # the workers start in the background
        while len(workers := _children(proc.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(workers) == 2
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    for pid in workers:  # ended (and reaped) with the sandbox
        assert not Path(f"/proc/{pid}").exists()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--merchant", "NOEQUALS"], "--merchant 'NOEQUALS'"),
        (["--merchant", "A=/nonexistent/key.pem"], "--merchant A"),
        (["--host", "192.0.2.1"], "--host"),
        (["--expiry", "0"], "--expiry"),
        (["--port", "70000"], "--port"),
        (["--sign-workers", "-1"], "--sign-workers"),
        (["--async-refunds", "0"], "--async-refunds"),
        (["--request-time-tolerance", "-5"], "--request-time-tolerance"),
        (["--notify-compression", "0"], "--notify-compression"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(args, words):
    done = _run(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], done.stderr


def test_bad_key_file_is_named(tmp_path):
    bad = tmp_path / "bad.pem"
    bad.write_text("-----BEGIN RSA PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----\n")
    done = _run("--merchant", f"M1={bad}")
    assert done.returncode == 2 and "--merchant M1" in done.stderr and "PKCS#1" in done.stderr


def test_standalone_sandbox_speaks_to_a_java_style_client(tmp_path, merchant_key):
    """SDK-signed requests with epoch-ms Request-Time against the real `cashier sandbox`
    process: pay, approve, an asynchronous refund, and the Request-Time tolerance."""
    import time
    from types import SimpleNamespace

    from test_sandbox_header_times import approve, sdk_post

    key_file = tmp_path / "merchant.pem"
    key_file.write_text(public_key_pem(merchant_key.public_key()))
    proc = _start(
        "--merchant",
        f"SANDBOX_TEST_CLIENT={key_file}",
        "--async-refunds",
        "0.2",
        "--request-time-tolerance",
        "300",
        "--notify-compression",
        "3600",
    )
    try:
        info = json.loads(proc.stdout.readline())
        assert info["default_expiry_seconds"] is None  # each method's default: 14 min
        gw = SimpleNamespace(url=info["url"], gateway_public_key_base64=info["gateway_public_key"])

        def ms(offset: float = 0.0) -> str:
            return str(int((time.time() + offset) * 1000))

        paid = sdk_post(gw, merchant_key, "pay", json.dumps(pay_body("java-cli")), ms())
        assert paid["result"]["resultCode"] == "PAYMENT_IN_PROCESS"
        assert approve(gw, paid["paymentId"])["status"] == 200
        refund = sdk_post(
            gw,
            merchant_key,
            "refund",
            json.dumps(
                {
                    "refundRequestId": "java-cli-r1",
                    "paymentId": paid["paymentId"],
                    "refundAmount": {"currency": "HKD", "value": "100"},
                }
            ),
            ms(),
        )
        assert refund["result"]["resultCode"] == "REFUND_IN_PROCESS"
        stale = sdk_post(
            gw,
            merchant_key,
            "inquiryRefund",
            json.dumps({"refundRequestId": "java-cli-r1"}),
            ms(-600),
        )
        assert stale["result"]["resultCode"] == "PARAM_ILLEGAL"
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            status = sdk_post(
                gw,
                merchant_key,
                "inquiryRefund",
                json.dumps({"refundRequestId": "java-cli-r1"}),
                ms(),
            )
            if status["refundStatus"] == "SUCCESS":
                break
            time.sleep(0.1)
        assert status["refundStatus"] == "SUCCESS"
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=10)
