"""Clock and replay at the gateway: an optional Request-Time tolerance (off by default, as a
loopback sandbox needs none) and the clock_skew fault that skews the answers' Response-Time."""

from __future__ import annotations

import json
import time

import pytest
from sandbox_support import pay_body
from test_sandbox_header_times import sdk_post

from cashier_app.gateway.signing import parse_header_time


def _ms(offset_seconds: float) -> str:
    return str(int((time.time() + offset_seconds) * 1000))


def test_request_time_tolerance_is_off_by_default(sandbox, merchant_key):
    old = sdk_post(sandbox, merchant_key, "pay", json.dumps(pay_body("old")), _ms(-86400))
    assert old["result"]["resultCode"] == "PAYMENT_IN_PROCESS"


@pytest.mark.parametrize("offset", [-301, 301])
def test_request_time_outside_the_tolerance_is_refused(sandbox, merchant_key, clock, offset):
    sandbox.request_time_tolerance = 300
    skewed = (clock().timestamp() - time.time()) + offset  # relative to the sandbox's clock
    answer = sdk_post(sandbox, merchant_key, "pay", json.dumps(pay_body("skewed")), _ms(skewed))
    assert answer["result"]["resultCode"] == "PARAM_ILLEGAL"
    assert "Request-Time" in answer["result"]["resultMessage"]
    assert "300" in answer["result"]["resultMessage"]
    inside = sdk_post(
        sandbox,
        merchant_key,
        "pay",
        json.dumps(pay_body("fine")),
        _ms((clock().timestamp() - time.time()) + offset / 2),
    )
    assert inside["result"]["resultCode"] == "PAYMENT_IN_PROCESS"


def test_clock_skew_fault_skews_the_signed_response_time(sandbox, client, clock):
    sandbox.faults.add("clock_skew", seconds=-900)
    reply = client.post("inquiryPayment", {"paymentRequestId": "nope"})
    assert reply.verified  # still properly signed, over the skewed time
    at = parse_header_time(reply.headers["response-time"])
    assert abs((clock() - at).total_seconds() - 900) <= 1
    normal = client.post("inquiryPayment", {"paymentRequestId": "nope"})  # one-shot
    assert abs((clock() - parse_header_time(normal.headers["response-time"])).total_seconds()) <= 1


def test_clock_skew_needs_seconds(sandbox):
    from cashier_app.sandbox.faults import FaultError

    with pytest.raises(FaultError, match="clock_skew"):
        sandbox.faults.add("clock_skew")
