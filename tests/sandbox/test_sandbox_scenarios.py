"""The named scenario catalog (sandbox/scenarios.py) and what each new fault kind does on
the wire: set / clear over the control endpoint, all-or-nothing validation, timeouts,
malformed JSON, rate limiting, PAYMENT_PENDING then the result."""

from __future__ import annotations

import http.client
import json
import time

import pytest
from sandbox_support import RawClient, pay_body, wait_for

from cashier_app.sandbox import SimulatorClient, SimulatorError
from cashier_app.sandbox import scenarios as sc

#: What issue 16 item 1 asks the catalog to hold, by the name it has there.
ASKED = {
    "wallet_pays",
    "wallet_declines",
    "wallet_expires",
    "late_notification",
    "duplicate_notification",
    "pending_then_result",
    "latency",
    "http_error",
    "connection_reset",
    "timeout",
    "malformed_json",
    "bad_signature",
    "wrong_key",
    "unknown_exception",
    "rate_limited",
    "clock_skew",
    "async_refund",
}


def test_the_catalog_holds_every_scenario_asked_for_each_described():
    assert set(sc.CATALOG) == ASKED
    for scenario in sc.CATALOG.values():
        assert scenario.description and "\n" not in scenario.description
        for param in scenario.params:
            assert param.help
            assert param.parse(param.default) == param.default  # defaults are valid
        assert scenario.usage().startswith(scenario.name)
        assert scenario.quick  # the fault matrix and the soak play every one of them
        for quick in scenario.quick:
            scenario.plan(quick)


@pytest.mark.parametrize("name", sorted(ASKED))
def test_every_scenario_with_its_defaults_is_taken_by_the_sandbox(sandbox, name):
    state = sandbox.set_scenario(name)
    assert state["scenario"] == name
    assert state["params"] == sc.get(name).defaults()
    assert state["faults"] or state["autopay"]["action"] != "off"
    cleared = sandbox.clear_scenario()
    assert cleared["scenario"] is None and cleared["faults"] == []
    assert cleared["autopay"]["action"] == "off"


def test_set_replaces_the_active_scenario_and_clear_drops_it_over_http(sandbox):
    sim = SimulatorClient(sandbox.url)
    assert {s["name"] for s in sim.scenarios()} == ASKED
    sim.set_scenario("http_error", {"status": 502, "count": 3, "api": "pay"})
    state = sim.set_scenario("latency", {"ms": "250"})  # text values as from a CLI
    assert state["scenario"] == "latency" and state["params"] == {"ms": 250, "api": None}
    assert [(f["kind"], f["seconds"], f["count"]) for f in state["faults"]] == [
        ("latency", 0.25, None)
    ]
    assert sim.scenario()["scenario"] == "latency"
    assert sim.clear_scenario()["faults"] == []
    assert sim.scenario() == {
        "scenario": None,
        "params": {},
        "faults": [],
        "autopay": {"action": "off", "after_seconds": 0.0},
    }


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"name": "meteor"}, "no scenario 'meteor'"),
        ({"name": "http_error", "params": {"status": 404}}, "parameter status"),
        ({"name": "http_error", "params": {"count": 0}}, "parameter count"),
        ({"name": "latency", "params": {"ms": "soon"}}, "parameter ms"),
        ({"name": "latency", "params": {"colour": "red"}}, "no parameter 'colour'"),
        ({"name": "bad_signature", "params": {"mode": "cosmic"}}, "parameter mode"),
        ({"name": "timeout", "params": {"api": "teleport"}}, "parameter api"),
        ({"name": "latency", "extra": 1}, "extra"),
        ({"params": {}}, "name"),
    ],
)
def test_a_bad_name_or_parameter_is_refused_naming_it_and_nothing_changes(sandbox, body, words):
    sim = SimulatorClient(sandbox.url)
    sim.set_scenario("wallet_pays", {"seconds": 4})
    before = sim.scenario()
    with pytest.raises(SimulatorError, match=words) as info:
        sim._call("POST", "/sandbox/scenario", body)
    assert info.value.status == 400
    assert sim.scenario() == before


def test_a_wallet_scenario_plays_the_customer_and_a_fault_scenario_leaves_it(
    sandbox, client, clock
):
    sandbox.set_scenario("wallet_declines", {"seconds": 3, "code": "USER_BALANCE_NOT_ENOUGH"})
    pid = client.post("pay", pay_body("w-1")).json["paymentId"]
    sandbox.set_scenario("latency", {"ms": 1})  # the customer set by the last one leaves
    assert sandbox.autopay.action == "off"
    clock.advance(5)
    time.sleep(0.5)
    assert sandbox.payment(pid)["paymentStatus"] == "PROCESSING"
    sandbox.set_scenario("wallet_declines", {"seconds": 3, "code": "USER_BALANCE_NOT_ENOUGH"})
    pid = client.post("pay", pay_body("w-2")).json["paymentId"]
    clock.advance(3.5)
    assert wait_for(lambda: sandbox.payment(pid)["paymentStatus"] == "FAIL")
    assert sandbox.payment(pid)["paymentResultCode"] == "USER_BALANCE_NOT_ENOUGH"


def test_an_autopay_set_by_hand_survives_a_fault_scenario(sandbox):
    sandbox.set_autopay("approve", 5)
    sandbox.set_scenario("http_error")
    sandbox.clear_scenario()
    assert sandbox.autopay.action == "approve"


def test_an_autopay_set_by_hand_after_a_wallet_scenario_survives_the_next_one(sandbox):
    sandbox.set_scenario("wallet_pays", {"seconds": 1})
    sandbox.set_autopay("approve", 1)  # the presenter sets it by hand (the same, even)
    sandbox.set_scenario("http_error")
    assert (sandbox.autopay.action, sandbox.autopay.after_seconds) == ("approve", 1)


@pytest.mark.parametrize("result", ["paid", "declined"])
def test_pending_then_result(sandbox, client, clock, result):
    sandbox.set_scenario("pending_then_result", {"pay_after": 1, "pending": 4, "result": result})
    pid = client.post("pay", pay_body("p-1")).json["paymentId"]
    clock.advance(1.5)
    assert wait_for(lambda: sandbox.payment(pid)["paymentStatus"] == "PENDING")
    clock.advance(3)
    time.sleep(0.5)
    assert sandbox.payment(pid)["paymentStatus"] == "PENDING"
    clock.advance(1.5)
    final = "SUCCESS" if result == "paid" else "FAIL"
    assert wait_for(lambda: sandbox.payment(pid)["paymentStatus"] == final)


def test_timeout_takes_the_request_and_never_answers(sandbox, client):
    sandbox.set_scenario("timeout", {"hold": 5, "api": "pay"})
    conn = http.client.HTTPConnection(client.host, client.port, timeout=0.5)
    raw = json.dumps(pay_body("t-1")).encode()
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        _signed_post(client, conn, "pay", raw)
    assert time.monotonic() - started < 3
    conn.close()
    # processed before it hung: the retry with the same id answers the same payment
    reply = client.post("pay", pay_body("t-1"))
    assert reply.verified and reply.result["resultCode"] == "PAYMENT_IN_PROCESS"


def test_timeout_closes_the_held_connection_without_a_byte(sandbox, client):
    sandbox.set_scenario("timeout", {"hold": 1, "api": "pay"})
    conn = http.client.HTTPConnection(client.host, client.port, timeout=5)
    with pytest.raises((http.client.RemoteDisconnected, ConnectionError)):
        _signed_post(client, conn, "pay", json.dumps(pay_body("t-2")).encode())
    conn.close()


def test_malformed_json_is_signed_but_not_json(sandbox, client):
    sandbox.set_scenario("malformed_json", {"api": "pay"})
    reply = client.post("pay", pay_body("m-1"))
    assert reply.status == 200 and reply.verified
    with pytest.raises(ValueError):
        json.loads(reply.body)
    assert client.post("pay", pay_body("m-1")).json["result"]["resultCode"] == "PAYMENT_IN_PROCESS"


def test_rate_limited_refuses_without_processing(sandbox, client):
    sandbox.set_scenario("rate_limited", {"count": 2, "api": "pay"})
    for _ in range(2):
        reply = client.post("pay", pay_body("r-1"))
        assert reply.verified
        assert reply.result["resultCode"] == "REQUEST_TRAFFIC_EXCEED_LIMIT"
        assert reply.result["resultStatus"] == "U"
    assert sandbox.store.find_payment(client.client_id, payment_request_id="r-1") is None
    assert client.post("pay", pay_body("r-1")).result["resultCode"] == "PAYMENT_IN_PROCESS"


def test_wrong_key_scenario_signs_with_another_key(sandbox, client):
    sandbox.set_scenario("wrong_key", {"count": 1})
    assert not client.post("pay", pay_body("k-1")).verified
    assert client.post("pay", pay_body("k-1")).verified


def test_parse_assignments_names_the_problem():
    assert sc.parse_assignments(["a=1", "b = x"]) == {"a": "1", "b": "x"}
    with pytest.raises(sc.ScenarioError, match="name=value"):
        sc.parse_assignments(["seconds"])
    with pytest.raises(sc.ScenarioError, match="twice"):
        sc.parse_assignments(["a=1", "a=2"])


def _signed_post(client: RawClient, conn: http.client.HTTPConnection, api: str, raw: bytes):
    from cashier_app.gateway.signing import request_time

    path = f"/ams/sandbox/api/v1/payments/{api}"
    sent_at = request_time()
    conn.request(
        "POST",
        path,
        body=raw,
        headers={
            "Content-Type": "application/json; charset=UTF-8",
            "client-id": client.client_id,
            "Request-Time": sent_at,
            "Signature": client.signer.header("POST", path, client.client_id, sent_at, raw),
        },
    )
    return conn.getresponse().read()
