"""Fixtures for the sandbox tests: keys made once, a running sandbox, a raw signed client."""

from __future__ import annotations

import pytest
from sandbox_support import CLIENT_ID, Clock, RawClient

from cashier_app.gateway.signing import Signer, Verifier, generate_private_key, public_key_base64
from cashier_app.sandbox import SandboxGateway


@pytest.fixture(scope="session")
def merchant_key():
    return generate_private_key()


@pytest.fixture(scope="session")
def gateway_key():
    return generate_private_key()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def sandbox(gateway_key, merchant_key, clock):
    gw = SandboxGateway(
        gateway_private_key=gateway_key,
        default_expiry_seconds=600,
        notify_delays=(0, 0.05, 0.1, 0.2, 0.4),
        notify_timeout=2,
        clock=clock,
    )
    gw.register_merchant(CLIENT_ID, public_key_base64(merchant_key.public_key()))
    with gw:
        yield gw


@pytest.fixture
def client(sandbox, merchant_key, gateway_key) -> RawClient:
    return RawClient(
        sandbox.url, CLIENT_ID, Signer(merchant_key), Verifier(gateway_key.public_key())
    )
