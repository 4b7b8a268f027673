"""The gateway probe names the broken link: network, our key at the gateway, their key here."""

from __future__ import annotations

import pytest

from cashier_app.checkout.probe import probe_gateway
from cashier_app.gateway.antom import AntomClient
from cashier_app.gateway.signing import Signer, Verifier, generate_private_key
from cashier_app.sandbox.gateway import SandboxGateway

CLIENT = "SANDBOX_PROBE_TEST"


@pytest.fixture(scope="module")
def keys():
    return {
        "merchant": generate_private_key(),
        "other": generate_private_key(),
        "gateway": generate_private_key(),
    }


@pytest.fixture
def sandbox(keys):
    gw = SandboxGateway(gateway_private_key=keys["gateway"]).start()
    gw.register_merchant(CLIENT, keys["merchant"].public_key())
    yield gw
    gw.stop()


def _client(url: str, client_id: str, signing_key, verifying_key, **kw) -> AntomClient:
    return AntomClient(
        url, client_id, Signer(signing_key), Verifier(verifying_key), sleep=lambda _s: None, **kw
    )


def test_all_good(sandbox, keys):
    with _client(sandbox.url, CLIENT, keys["merchant"], keys["gateway"].public_key()) as c:
        result = probe_gateway(c)
    assert (
        result.ok and result.code == "ORDER_NOT_EXIST" and "gateway key verified" in result.summary
    )


def test_merchant_key_not_the_registered_one(sandbox, keys):
    with _client(sandbox.url, CLIENT, keys["other"], keys["gateway"].public_key()) as c:
        result = probe_gateway(c)
    assert not result.ok and result.code == "INVALID_SIGNATURE"
    assert "Antom Dashboard" in result.summary


def test_unknown_client_id(sandbox, keys):
    with _client(
        sandbox.url, "SANDBOX_NOBODY", keys["merchant"], keys["gateway"].public_key()
    ) as c:
        result = probe_gateway(c)
    assert not result.ok and result.code == "CLIENT_INVALID" and "client id" in result.summary


def test_own_public_key_imported_as_the_gateway_key(sandbox, keys):
    with _client(sandbox.url, CLIENT, keys["merchant"], keys["merchant"].public_key()) as c:
        result = probe_gateway(c)
    assert not result.ok and result.code == "RESPONSE_SIGNATURE_INVALID"
    assert "merchant's own public key" in result.summary


def test_gateway_down(keys):
    gw = SandboxGateway(gateway_private_key=keys["gateway"]).start()
    url = gw.url
    gw.stop()
    with _client(
        url, CLIENT, keys["merchant"], keys["gateway"].public_key(), timeout=2, max_attempts=1
    ) as c:
        result = probe_gateway(c)
    assert not result.ok and result.code == "NETWORK_ERROR" and "unreachable" in result.summary


@pytest.mark.parametrize("skew", [120, -45])
def test_probe_measures_the_clock_skew_from_response_time(sandbox, keys, skew):
    sandbox.faults.add("clock_skew", seconds=skew, count=None)
    with _client(sandbox.url, CLIENT, keys["merchant"], keys["gateway"].public_key()) as c:
        result = probe_gateway(c)
    assert result.ok and result.skew_seconds is not None
    assert abs(result.skew_seconds - skew) <= 2


def test_probe_without_an_answer_has_no_skew(keys):
    with _client(
        "http://127.0.0.1:9", CLIENT, keys["merchant"], keys["gateway"].public_key(), max_attempts=1
    ) as c:
        result = probe_gateway(c)
    assert not result.ok and result.skew_seconds is None
