"""``cashier scenario list|set|clear|show`` against a real sandbox on loopback."""

from __future__ import annotations

import json

import pytest

from cashier_app.cli import main
from cashier_app.sandbox import SandboxGateway
from cashier_app.sandbox import scenarios as sc


@pytest.fixture
def sandbox():
    with SandboxGateway() as gw:
        yield gw


def test_list_prints_one_line_per_scenario_with_parameters_and_description(capsys):
    assert main(["scenario", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(sc.CATALOG)
    for line, scenario in zip(lines, sc.CATALOG.values(), strict=True):
        assert line.split()[0] == scenario.name
        assert line.rstrip().endswith(scenario.description)
        for param in scenario.params:
            assert param.describe() in line
    http = next(line for line in lines if line.startswith("http_error "))
    assert "status=503 (500|502|503|504)" in http and "count=2 (1..100)" in http


def test_list_json_is_the_catalog(capsys):
    assert main(["scenario", "list", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["name"] for s in data] == list(sc.CATALOG)


def test_set_show_clear_act_on_the_running_sandbox(sandbox, capsys):
    url = sandbox.url
    assert main(["scenario", "set", "http_error", "status=502", "count=3", "--sandbox", url]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["scenario"] == "http_error" and out["params"]["status"] == 502
    assert [(f.kind, f.status, f.count) for f in sandbox.faults.active()] == [
        ("http_error", 502, 3)
    ]
    assert main(["scenario", "show", "--sandbox", url]) == 0
    assert json.loads(capsys.readouterr().out)["scenario"] == "http_error"
    assert main(["scenario", "clear", "--sandbox", url]) == 0
    assert sandbox.faults.active() == [] and sandbox.scenario_state()["scenario"] is None


def test_the_sandbox_url_may_come_from_the_environment(sandbox, capsys, monkeypatch):
    monkeypatch.setenv("CASHIER_SANDBOX_URL", sandbox.url)
    assert main(["scenario", "set", "wallet_pays", "seconds=4"]) == 0
    assert sandbox.autopay.action == "approve" and sandbox.autopay.after_seconds == 4


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["set", "meteor"], "no scenario 'meteor'; the scenarios are: wallet_pays"),
        (["set", "http_error", "status=404"], "parameter status: '404' is not one of"),
        (["set", "latency", "ms=soon"], "parameter ms: 'soon' must be a whole number"),
        (["set", "latency", "colour=red"], "no parameter 'colour' (its parameters: ms, api)"),
        (["set", "latency", "ms"], "'ms': parameters are given as name=value"),
        (["set", "timeout", "hold=0"], "parameter hold: '0' must be from 1 to 120"),
    ],
)
def test_bad_names_and_parameters_exit_2_naming_the_problem(sandbox, capsys, args, words):
    assert main(["scenario", *args, "--sandbox", sandbox.url]) == 2
    err = capsys.readouterr().err
    assert words in err, err
    assert sandbox.scenario_state()["scenario"] is None  # nothing was sent


def test_no_sandbox_url_and_an_unreachable_one(capsys, monkeypatch):
    monkeypatch.delenv("CASHIER_SANDBOX_URL", raising=False)
    assert main(["scenario", "clear"]) == 2
    assert "--sandbox URL is needed" in capsys.readouterr().err
    assert main(["scenario", "clear", "--sandbox", "ftp://x"]) == 2
    assert main(["scenario", "clear", "--sandbox", "http://127.0.0.1:9"]) == 1
    assert "unreachable" in capsys.readouterr().err
