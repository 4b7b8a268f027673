"""A standalone sandbox gateway on loopback (in this test process) and the `cashier` runner.

The process under test (``cashier pay`` / ``recover`` / ``refund``) is a real subprocess;
the sandbox lives here, so the test can look at what the gateway saw.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from recovery_setup import CLIENT_ID, REPO

from cashier_app.gateway.signing import generate_private_key, private_key_pkcs8_base64
from cashier_app.sandbox.gateway import SandboxGateway


@pytest.fixture(scope="session")
def _keys() -> tuple[Any, Any]:
    return generate_private_key(), generate_private_key()


@dataclass
class Gateway:
    sandbox: SandboxGateway
    options: list[str]  #: the `--gateway ... --gateway-public-key FILE` options

    def payments(self) -> list[Any]:
        """Every payment the gateway has seen (one per paymentRequestId it accepted)."""
        with self.sandbox.store.lock:
            return list(self.sandbox.store._payments.values())

    def refunds(self) -> list[Any]:
        return [r for p in self.payments() for r in p.refunds]


@pytest.fixture
def gateway(tmp_path: Path, _keys: tuple[Any, Any]) -> Iterator[Gateway]:
    merchant_key, gateway_key = _keys
    with SandboxGateway("127.0.0.1", 0, gateway_private_key=gateway_key) as sandbox:
        sandbox.start()
        sandbox.register_merchant(CLIENT_ID, merchant_key.public_key())
        key_file = tmp_path / "merchant.key"
        key_file.write_text(private_key_pkcs8_base64(merchant_key))
        key_file.chmod(0o600)
        gw_file = tmp_path / "gateway.pub"
        gw_file.write_text(sandbox.gateway_public_key_base64)
        yield Gateway(
            sandbox,
            [
                "--gateway",
                sandbox.url,
                "--client-id",
                CLIENT_ID,
                "--private-key",
                str(key_file),
                "--gateway-public-key",
                str(gw_file),
            ],
        )


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def cashier(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> Result:
    """Run ``python -m cashier_app ARGS`` with this test's data dirs; wait for it to end."""
    full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    full_env.pop("CASHIER_TEST_CRASH_AT", None)
    full_env.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "cashier_app", *args],
        cwd=REPO,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def run_cashier():
    return cashier
