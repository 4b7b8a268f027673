"""`cashier refund` and `cashier recover` against a standalone sandbox gateway on loopback."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from cashier_app.cli import main
from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import PaymentRecord
from cashier_app.journal import Journal
from cashier_app.support import paths


def _pay(gateway, capsys, simulate="approve", amount="12.30") -> dict:
    code = main(
        [
            "pay",
            "--amount",
            amount,
            "--currency",
            "HKD",
            "--method",
            "ALIPAY_HK",
            "--simulate",
            simulate,
            "--json",
            *gateway.options,
        ]
    )
    out = json.loads(capsys.readouterr().out)
    assert code == (0 if simulate == "approve" else 1)
    return out


def test_partial_then_full_refund(gateway, capsys):
    paid = _pay(gateway, capsys)
    prid = paid["payment_request_id"]
    assert (
        main(
            ["refund", prid, "--amount", "5", "--reason", "broken cup", "--json", *gateway.options]
        )
        == 0
    )
    first = json.loads(capsys.readouterr().out)
    assert (first["status"], first["amount"], first["currency"]) == ("SUCCESS", "5.00", "HKD")
    assert [r.amount.value for r in gateway.refunds()] == [500]

    # More than the 7.30 left: refused locally, nothing sent.
    assert main(["refund", prid, "--amount", "7.31", *gateway.options]) == 1
    err = capsys.readouterr().err
    assert "more than the 7.30 HKD left" in err and len(err.strip().splitlines()) == 1
    assert len(gateway.refunds()) == 1

    assert main(["refund", paid["payment_id"], *gateway.options]) == 0  # by paymentId; rest
    assert "refund SUCCESS" in capsys.readouterr().out
    assert sorted(r.amount.value for r in gateway.refunds()) == [500, 730]
    assert main(["refund", prid, *gateway.options]) == 1
    assert "already fully refunded" in capsys.readouterr().err
    with Journal(paths.journal_path()) as j:
        assert j.refunded_total(prid) == 1230
        assert [r.reason for r in j.refunds_for(prid)] == ["broken cup", ""]


def test_refund_refusals_send_nothing(gateway, capsys):
    failed = _pay(gateway, capsys, simulate="decline")
    assert failed["status"] == "FAILED"
    cases = [
        (["refund", failed["payment_request_id"]], "is FAILED; only a successful payment"),
        (["refund", "NO-SUCH-ID"], "no payment 'NO-SUCH-ID' in the journal"),
    ]
    paid = _pay(gateway, capsys)
    cases += [
        (["refund", paid["payment_request_id"], "--amount", "1.234"], "at most 2 decimal"),
        (["refund", paid["payment_request_id"], "--amount", "-1"], "must not be negative"),
    ]
    for argv, message in cases:
        assert main([*argv, *gateway.options]) != 0
        err = capsys.readouterr().err
        assert message in err and len(err.strip().splitlines()) == 1, err
    assert gateway.refunds() == []
    # A different merchant's credentials are refused before anything is sent.
    other = list(gateway.options)
    other[other.index("--client-id") + 1] = "SANDBOX_SOMEONE_ELSE"
    assert main(["refund", paid["payment_request_id"], *other]) == 1
    assert "was taken by client id" in capsys.readouterr().err
    assert gateway.refunds() == []


def _stranded(prid: str, profile: str, status: Status = Status.PENDING) -> None:
    now = datetime.now(UTC)
    with Journal(paths.journal_path()) as j:
        j.create_payment(
            PaymentRecord(prid, profile, Money(100, "HKD"), "ALIPAY_HK", status, now, now)
        )


def test_recover_with_nothing_to_do(gateway, capsys):
    _pay(gateway, capsys)
    assert main(["recover", *gateway.options]) == 0
    assert "nothing to recover" in capsys.readouterr().out


def test_recover_without_options_names_the_missing_profile(capsys):
    _stranded("STRANDED-1", "SANDBOX_GONE_MERCHANT")
    assert main(["recover"]) == 1
    err = capsys.readouterr().err
    assert "SANDBOX_GONE_MERCHANT" in err and "--gateway" in err
    with Journal(paths.journal_path()) as j:
        assert j.get_payment("STRANDED-1").status is Status.PENDING  # untouched


@pytest.mark.parametrize("status", [Status.CREATED, Status.UNKNOWN])
def test_recover_makes_sure_of_a_payment_the_gateway_has_not_seen_yet(gateway, capsys, status):
    """Not at the gateway *yet* (its pay may be in flight): recovery resends the identical
    pay, then cancels it, so a late pay cannot create a payable payment (issue 10 item 2)."""
    client_id = gateway.options[gateway.options.index("--client-id") + 1]
    _stranded("NEVER-SENT", client_id, status)
    _stranded("OTHER-MERCHANT", "SANDBOX_OTHER")
    assert main(["recover", *gateway.options]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == (
        f"NEVER-SENT: {status.value} -> CANCELLED (CANCELLED) 1.00 HKD ALIPAY_HK"
    )
    assert "skipped 1 payment(s) of profile 'SANDBOX_OTHER'" in captured.err
    [resent] = gateway.payments()
    assert (resent.payment_request_id, resent.status) == ("NEVER-SENT", "CANCELLED")
    with Journal(paths.journal_path()) as j:
        assert j.get_payment("NEVER-SENT").status is Status.CANCELLED
        assert j.get_payment("OTHER-MERCHANT").status is Status.PENDING
