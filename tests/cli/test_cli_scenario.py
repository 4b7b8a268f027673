"""``cashier scenario list|set|clear|show`` against a real sandbox on loopback."""

from __future__ import annotations

import json

import pytest

from cashier_app.cli import main
from cashier_app.cli.text import set_language, width
from cashier_app.sandbox import SandboxGateway
from cashier_app.sandbox import scenarios as sc
from cashier_app.support.catalog import Catalog


@pytest.fixture(autouse=True)
def _english_after():
    yield
    set_language("en")  # main() set the language for the whole process


@pytest.fixture
def sandbox():
    with SandboxGateway() as gw:
        yield gw


def _scenario_rows(lines: list[str]) -> dict[str, list[str]]:
    """The listing's lines by scenario: a scenario's first line starts with its name, the
    lines that wrap its parameters or description start with spaces."""
    rows: dict[str, list[str]] = {}
    for line in lines:
        if not line.startswith(" "):
            rows[line.split()[0]] = []
        rows[list(rows)[-1]].append(line)
    return rows


def _column(lines: list[str], start: int, end: int | None) -> str:
    """The text of display columns ``start`` to ``end`` of every line, joined by spaces."""
    out = []
    for line in lines:
        cols, at = 0, 0
        while at < len(line) and cols < start:
            cols += width(line[at])
            at += 1
        cut, stop = at, cols
        while cut < len(line) and (end is None or stop < end):
            stop += width(line[cut])
            cut += 1
        out.append(line[at:cut].strip())
    return " ".join(o for o in out if o)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("columns", [80, 120])
def test_list_keeps_each_column_in_its_place_by_display_width(capsys, monkeypatch, lang, columns):
    """Long parameters (the declined code's eight choices) wrap inside their own column
    instead of pushing the description out of its own; a Chinese description wraps by
    display width (a Chinese character is two columns) and no line is wider than the
    terminal."""
    monkeypatch.setenv("COLUMNS", str(columns))
    assert main(["--lang", lang, "scenario", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(width(line) for line in lines) <= columns
    rows = _scenario_rows(lines)
    assert list(rows) == list(sc.CATALOG)
    first = lines[0]
    params_at = len(first) - len(first[len("wallet_pays") :].lstrip())
    usage = sc.CATALOG["wallet_pays"].params[0].describe()
    described_at = width(first[: first.index(usage) + len(usage)].rstrip())
    described_at += width(first[first.index(usage) + len(usage) :]) - width(
        first[first.index(usage) + len(usage) :].lstrip()
    )
    catalog = Catalog.load(lang)
    for name, row in rows.items():
        scenario = sc.CATALOG[name]
        usage = " ".join(p.describe() for p in scenario.params) or "-"
        description = catalog.translate(sc.TEXT_CONTEXT, scenario.description) or (
            scenario.description
        )
        shown_params = _column(row, params_at, described_at).replace(" ", "")
        assert shown_params == usage.replace(" ", ""), (name, row)
        shown = _column(row, described_at, None)
        assert shown.replace(" ", "") == description.replace(" ", ""), (name, row)
    declined = rows["wallet_declines"]
    assert len(declined) > 1  # its eight codes wrapped, not pushed into the description


def test_on_a_wide_terminal_each_scenario_is_one_line(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "1000")
    assert main(["scenario", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(sc.CATALOG)
    for line, scenario in zip(lines, sc.CATALOG.values(), strict=True):
        assert line.split()[0] == scenario.name
        assert line.rstrip().endswith(scenario.description)
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
