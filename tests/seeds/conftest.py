"""Fixtures for the seed-protocol tests: one merchant key per session, a real sandbox."""

from __future__ import annotations

import threading
import time

import pytest

from cashier_app.gateway.signing import Signer, Verifier, generate_private_key


@pytest.fixture(scope="session")
def merchant_key():
    return generate_private_key()


@pytest.fixture(scope="session")
def gateway_key():
    return generate_private_key()


@pytest.fixture(scope="session")
def merchant_signer(merchant_key) -> Signer:
    return Signer(merchant_key)


@pytest.fixture
def sandbox(merchant_key, gateway_key):
    from cashier_app.sandbox.gateway import SandboxGateway

    gw = SandboxGateway(gateway_private_key=gateway_key)
    gw.register_merchant("SANDBOX_SEEDS", merchant_key.public_key())
    with gw:
        yield gw


@pytest.fixture
def antom(sandbox, merchant_signer, gateway_key):
    from cashier_app.gateway.antom import AntomClient

    client = AntomClient(
        sandbox.url,
        "SANDBOX_SEEDS",
        merchant_signer,
        Verifier(gateway_key.public_key()),
        retry_base_delay=0.01,
        retry_max_delay=0.02,
    )
    yield client
    client.close()


@pytest.fixture
def fast_policy():
    from cashier_app.checkout.policy import PollPolicy

    return PollPolicy(first_delays=(0.02, 0.02, 0.05), max_delay=0.05, grace=1.0)


@pytest.fixture
def checkout(antom, tmp_path):
    from cashier_app.checkout.service import CheckoutService
    from cashier_app.journal import Journal

    journal = Journal(tmp_path / "journal.db")
    yield CheckoutService(antom, journal, profile="seeds", merchant_name="Seed Shop")
    journal.close()


@pytest.fixture
def kit(checkout, fast_policy):
    from cashier_app.checkout.paykit import PaymentKit

    return PaymentKit(
        checkout, merchant_name="Seed Shop", poll_policy=fast_policy, pay_timeout=10.0
    )


def wait_for(predicate, timeout: float = 5.0):
    """Wait (on a condition, not a fixed sleep) until ``predicate()`` is truthy."""
    pause = threading.Event()
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        pause.wait(0.01)


@pytest.fixture
def wait():
    return wait_for
