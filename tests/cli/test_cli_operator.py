"""``cashier operator`` and ``--operator`` on the commands that need one: PINs from the
environment or a prompt (never an argument), a manager's PIN for refunds and for changes
of keys and profiles, nothing asked while no operator is set up."""

from __future__ import annotations

import json

import pytest

from cashier_app.cli import main

BOSS_PIN, CLERK_PIN = "284917", "5801"


def _op(monkeypatch, *argv, pin=None, new_pin=None):
    for env, value in (("CASHIER_PIN", pin), ("CASHIER_NEW_PIN", new_pin)):
        if value is None:
            monkeypatch.delenv(env, raising=False)
        else:
            monkeypatch.setenv(env, value)
    return main(list(argv))


@pytest.fixture
def staffed(monkeypatch):
    assert _op(monkeypatch, "operator", "add", "Mei", "--role", "manager", new_pin=BOSS_PIN) == 0
    assert (
        _op(monkeypatch, "operator", "add", "Ana", "--operator", "Mei", pin=BOSS_PIN,
            new_pin=CLERK_PIN)
        == 0
    )  # fmt: skip


def test_first_operator_is_a_manager_and_the_rest_need_one(monkeypatch, capsys):
    assert _op(monkeypatch, "operator", "add", "Ana", new_pin=CLERK_PIN) == 2
    assert "first operator must be a manager" in capsys.readouterr().err
    assert _op(monkeypatch, "operator", "add", "Mei", "--role", "manager", new_pin="1111") == 2
    assert "too easy to guess" in capsys.readouterr().err
    assert _op(monkeypatch, "operator", "add", "Mei", "--role", "manager", new_pin=BOSS_PIN) == 0
    # from now on a manager approves: not given, a wrong PIN
    assert _op(monkeypatch, "operator", "add", "Ana", new_pin=CLERK_PIN) == 1
    assert "--operator" in capsys.readouterr().err
    assert (
        _op(monkeypatch, "operator", "add", "Ana", "--operator", "Mei", pin="000111",
            new_pin=CLERK_PIN)
        == 1
    )  # fmt: skip
    err = capsys.readouterr().err
    assert "wrong PIN for Mei: 4 more tries" in err and "000111" not in err
    assert _op(monkeypatch, "operator", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(o["name"], o["role"], o["failures"]) for o in listed] == [("Mei", "manager", 1)]


def test_without_a_terminal_or_the_variable_there_is_no_pin(monkeypatch, staffed, capsys):
    assert _op(monkeypatch, "operator", "unlock", "Ana", "--operator", "Mei") == 2
    assert "set $CASHIER_PIN" in capsys.readouterr().err


def test_a_sale_and_a_refund_from_the_cli(monkeypatch, staffed, capsys):
    pay = ["pay", "--amount", "12.00", "--currency", "HKD", "--method", "ALIPAY_HK"]
    assert _op(monkeypatch, *pay, "--simulate", "approve", "--json") == 2
    assert "--operator NAME" in capsys.readouterr().err
    assert _op(monkeypatch, *pay, "--simulate", "approve", "--json", "--operator", "Ana",
               pin=CLERK_PIN) == 0  # fmt: skip
    prid = json.loads(capsys.readouterr().out)["payment_request_id"]
    refund = ["refund", prid, "--amount", "2.00", "--json", "--operator", "Ana"]
    assert _op(monkeypatch, *refund, pin=CLERK_PIN) == 1
    assert "a manager's PIN is needed" in capsys.readouterr().err
    monkeypatch.setenv("CASHIER_MANAGER_PIN", BOSS_PIN)
    assert _op(monkeypatch, *refund, "--approved-by", "Mei", pin=CLERK_PIN) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "SUCCESS"
    assert _op(monkeypatch, "history", "--json") == 0
    assert json.loads(capsys.readouterr().out)[0]["operator"] == "Ana"
    assert _op(monkeypatch, "report", "--json") == 0
    ops = {o["operator"]: o for o in json.loads(capsys.readouterr().out)["operators"]}
    assert ops["Ana"]["sales"] == "12.00" and ops["Ana"]["refunds"] == "2.00"


def test_changing_keys_or_profiles_needs_a_manager(monkeypatch, staffed, capsys):
    assert _op(monkeypatch, "profile", "use", "sandbox") == 1
    assert "a manager must run this" in capsys.readouterr().err
    assert _op(monkeypatch, "profile", "use", "sandbox", "--operator", "Ana", pin=CLERK_PIN) == 1
    assert "Ana is a cashier" in capsys.readouterr().err
    assert _op(monkeypatch, "profile", "use", "sandbox", "--operator", "Mei", pin=BOSS_PIN) == 0
    assert _op(monkeypatch, "keys", "delete", "--all", "--yes", "--operator", "Ana",
               pin=CLERK_PIN) == 1  # fmt: skip
    assert "Ana is a cashier" in capsys.readouterr().err
    assert _op(monkeypatch, "profile", "list") == 0  # reading needs nobody
