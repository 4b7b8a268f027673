"""The PyInstaller bundle, as built by `make package`: `.ci/run` builds it and runs this file
with ``CASHIER_BUNDLE=dist/cashier/cashier`` (skipped otherwise: building takes a minute or
two). It self-tests in Chinese, takes a headless payment, logs it, and has every sub-command.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from cashier_app.cli import COMMAND_MODULES

BUNDLE = os.environ.get("CASHIER_BUNDLE", "")

pytestmark = pytest.mark.skipif(
    not BUNDLE, reason="set CASHIER_BUNDLE to a built bundle (`make package`; .ci/run does)"
)


def run_bundle(tmp_path: Path, *args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        CASHIER_CONFIG_DIR=str(tmp_path / "config"),
        CASHIER_DATA_DIR=str(tmp_path / "data"),
        CASHIER_LOG_DIR=str(tmp_path / "logs"),
    )
    return subprocess.run(
        [str(Path(BUNDLE).resolve()), *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_the_bundle_self_tests_in_chinese(tmp_path):
    proc = run_bundle(tmp_path, "--lang", "zh_CN", "--self-test")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    bundle_dir = str(Path(BUNDLE).resolve().parent)
    assert f"✓ resources {bundle_dir}" in proc.stdout, proc.stdout
    for check in ("language", "window", "sandbox", "pages", "keys", "pay", "qr"):
        assert f"✓ {check}" in proc.stdout, proc.stdout
    assert "收款" in proc.stdout and "✗" not in proc.stdout


def test_the_bundle_takes_a_headless_payment_and_logs_it(tmp_path):
    proc = run_bundle(
        tmp_path,
        "pay",
        "--amount",
        "12.30",
        "--currency",
        "HKD",
        "--method",
        "ALIPAY_HK",
        "--simulate",
        "approve",
        "--json",
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["status"] == "SUCCESS" and out["amount"] == "12.30"
    log = (tmp_path / "logs" / "cashier.log").read_text(encoding="utf-8")
    assert f"payment {out['payment_request_id']} state from=PENDING to=SUCCESS" in log


def test_the_bundle_has_every_sub_command(tmp_path):
    proc = run_bundle(tmp_path, "--help")
    assert proc.returncode == 0, proc.stderr
    for name in COMMAND_MODULES:
        assert re.search(rf"^    {name}\b", proc.stdout, re.M), (name, proc.stdout)
    comp = run_bundle(tmp_path, "completion", "bash")
    assert comp.returncode == 0 and "complete -o default -F _cashier cashier" in comp.stdout
