"""``cashier pay --product in-store`` end to end: real subprocesses against a standalone
``cashier sandbox`` (and the embedded one); exit codes as for ``pay``; the code is never
printed and never reaches the journal file."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from cashier_app.gateway.signing import generate_private_key, private_key_pkcs8_base64
from cashier_app.gateway.signing import public_key_pem as pem
from cashier_app.journal import Journal
from cashier_app.sandbox.control import SimulatorClient
from cashier_app.support import paths

ROOT = Path(__file__).resolve().parents[2]
CLIENT = "SANDBOX_TILL_CLI"
STORE = [
    "--merchant-id",
    "M0001",
    "--merchant-mcc",
    "5812",
    "--merchant-name",
    "Demo Cafe",
    "--store-id",
    "S-01",
    "--store-name",
    "Demo Cafe Central",
    "--store-mcc",
    "5812",
    "--terminal-id",
    "T-07",
]
PAY = ["pay", "--product", "in-store", "--amount", "42.00", "--currency", "HKD", "--json"]


def cashier(*args: str, stdin: str | None = None, timeout: float = 90):
    return subprocess.run(
        [sys.executable, "-m", "cashier_app", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        input=stdin,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.fixture(scope="module")
def standalone(tmp_path_factory):
    """``cashier sandbox`` in its own process, with our merchant registered."""
    tmp = tmp_path_factory.mktemp("standalone")
    merchant = generate_private_key()
    (tmp / "merchant.pem").write_text(pem(merchant.public_key()))
    (tmp / "merchant.key").write_text(private_key_pkcs8_base64(merchant))
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "cashier_app",
            "sandbox",
            "--merchant",
            f"{CLIENT}={tmp / 'merchant.pem'}",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        info = json.loads(proc.stdout.readline())
        (tmp / "gateway.pub").write_text(info["gateway_public_key"])
        yield {
            "url": info["url"],
            "args": [
                "--gateway",
                info["url"],
                "--client-id",
                CLIENT,
                "--private-key",
                str(tmp / "merchant.key"),
                "--gateway-public-key",
                str(tmp / "gateway.pub"),
                *STORE,
            ],
        }
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _code(url: str, scenario: str = "pay", **kw) -> str:
    return SimulatorClient(url).payment_code("ALIPAY_HK", scenario, **kw)["paymentCode"]


def test_a_scanned_code_pays_against_the_standalone_sandbox(standalone):
    code = _code(standalone["url"])
    proc = cashier(*PAY, *standalone["args"], "--payment-code", code)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert (out["status"], out["product"], out["scenario"]) == (
        "SUCCESS",
        "IN_STORE_PAYMENT",
        "PaymentCode",
    )
    assert out["method"] == "ALIPAY_HK" and out["payment_code"].count("•") == 10
    assert code not in proc.stdout + proc.stderr
    journal_files = b"".join(p.read_bytes() for p in paths.data_dir().iterdir() if p.is_file())
    assert journal_files and code.encode() not in journal_files
    assert (
        SimulatorClient(standalone["url"]).payment(out["payment_id"])["paymentStatus"] == "SUCCESS"
    )
    again = cashier(*PAY, *standalone["args"], "--payment-code", code)
    assert again.returncode == 1 and json.loads(again.stdout)["result_code"] == "INVALID_CODE"


def test_code_from_stdin_and_U_then_paid(standalone):
    code = _code(standalone["url"], "confirm_then_pay", confirm_seconds=1)
    proc = cashier(*PAY, *standalone["args"], "--payment-code", "-", stdin=code + "\n")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["status"] == "SUCCESS"
    assert "waiting for the customer" in proc.stderr and code not in proc.stderr


@pytest.mark.parametrize(
    "simulate, status, result",
    [
        ("balance", "FAILED", "USER_BALANCE_NOT_ENOUGH"),
        ("expired", "FAILED", "INVALID_CODE"),
        ("decline", "FAILED", "USER_REJECTED"),
    ],
)
def test_simulate_draws_a_code_from_the_control_endpoint(standalone, simulate, status, result):
    proc = cashier(*PAY, *standalone["args"], "--simulate", simulate)
    assert proc.returncode == 1, proc.stderr
    out = json.loads(proc.stdout)
    assert (out["status"], out["result_code"]) == (status, result)


def test_embedded_sandbox_in_store_and_journal_has_only_the_mask():
    proc = cashier(*PAY, "--simulate", "pay", "--summary", "flat white")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    with Journal(paths.journal_path()) as journal:
        rec = journal.get_payment(out["payment_request_id"])
        assert rec is not None and rec.scenario == "PaymentCode"
        assert rec.masked_code == out["payment_code"]
    digits = out["payment_code"].replace("•", "")
    assert len(digits) == 8  # only the first and last four digits ever leave the sale


@pytest.mark.parametrize(
    "args, words",
    [
        (["--scenario", "PaymentCode"], "--payment-code CODE is required"),
        (["--payment-code", "12ab"], "--payment-code: the payment code may contain digits only"),
        (["--payment-code", "123"], "--payment-code: the payment code has 3 digits"),
        (["--payment-code", "281234567890123456", "--simulate", "pay"], "not both"),
        (
            ["--scenario", "OrderCode", "--payment-code", "281234567890123456"],
            "--payment-code is for --scenario PaymentCode",
        ),
    ],
)
def test_bad_in_store_arguments_exit_2(args, words):
    proc = cashier(*PAY, *args)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert words in proc.stderr


def test_online_pay_refuses_in_store_options():
    proc = cashier(
        "pay",
        "--product",
        "online",
        "--amount",
        "1",
        "--currency",
        "HKD",
        "--method",
        "ALIPAY_HK",
        "--payment-code",
        "281234567890123456",
    )
    assert proc.returncode == 2 and "--product in-store" in proc.stderr


def test_a_standalone_gateway_without_store_details_is_refused(standalone):
    args = standalone["args"][:8]  # gateway and keys, no store details
    proc = cashier(*PAY, *args, "--simulate", "pay")
    assert proc.returncode == 2 and "store details" in proc.stderr
    assert "merchant_id" in proc.stderr


def test_order_code_against_the_standalone_sandbox(standalone):
    proc = cashier(
        *PAY,
        *standalone["args"],
        "--scenario",
        "OrderCode",
        "--method",
        "ALIPAY_HK",
        "--simulate",
        "approve",
        "--timeout",
        "10",
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert (out["status"], out["scenario"]) == ("SUCCESS", "OrderCode")
