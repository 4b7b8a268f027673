"""Issue 10 item 10, the small ones: what exposure --allow-remote means is said out loud; an
empty --key-version is an argument error; --amount refuses underscores as it does odd
commas; refund reports a bad amount before an unknown id."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cashier_app.cli import main
from cashier_app.domain.money import Money, MoneyError


@pytest.mark.parametrize("text", ["1_000", "1_0.00", "12.3_0", "_5"])
def test_amount_refuses_underscores(text, capsys):
    with pytest.raises(MoneyError, match="'_' is not part of an amount"):
        Money.parse(text, "HKD")
    assert (
        main(
            [
                "pay",
                "--amount",
                text,
                "--currency",
                "HKD",
                "--method",
                "ALIPAY_HK",
                "--timeout",
                "1",
            ]
        )
        == 2
    )
    assert "'_' is not part of an amount" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["pay", "--amount", "1", "--currency", "HKD", "--method", "ALIPAY_HK", "--key-version", ""],
        ["recover", "--key-version", ""],
        ["keys", "generate", "--key-version", ""],
        [
            "profile",
            "create",
            "p",
            "--environment",
            "production",
            "--client-id",
            "C",
            "--currency",
            "HKD",
            "--gateway",
            "asia",
            "--key-version",
            " ",
        ],
    ],
)
def test_an_empty_key_version_is_an_argument_error(argv, capsys):
    try:
        code = main(argv)
    except SystemExit as exit_:  # argparse's own exit
        code = exit_.code
    assert code == 2
    err = capsys.readouterr().err
    assert "key version" in err and len(err.splitlines()) == 1


def test_allow_remote_says_what_it_exposes():
    # 192.0.2.1 (TEST-NET-1) is on no interface here: the port never opens, nothing leaves
    # this machine, and the warning has been said before the attempt.
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "cashier_app",
            "sandbox",
            "--host",
            "192.0.2.1",
            "--port",
            "0",
            "--allow-remote",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 1 and proc.stdout == ""
    warning, error = proc.stderr.strip().splitlines()
    for needle in (
        "192.0.2.1",
        "no authentication",
        "approve, decline or expire payments",
        "/sandbox/faults",
        "register merchant keys",
    ):
        assert needle in warning, needle
    assert "cannot listen on 192.0.2.1" in error


def test_refund_names_a_bad_amount_before_an_unknown_id(capsys):
    assert main(["refund", "NO-SUCH-ID", "--amount", "abc"]) == 2
    err = capsys.readouterr().err
    assert "--amount" in err and "NO-SUCH-ID" not in err
    assert main(["refund", "NO-SUCH-ID", "--amount", "1.00"]) == 2
    assert "no payment 'NO-SUCH-ID' in the journal" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["history"],
        ["report"],
        ["receipt", "X", "--text"],
        ["refund", "X"],
        ["pay", "--amount", "1", "--currency", "HKD", "--method", "ALIPAY_HK", "--timeout", "1"],
    ],
)
def test_a_damaged_journal_is_exit_2_everywhere(argv, capsys):
    from cashier_app.support import paths

    journal = paths.journal_path()
    journal.parent.mkdir(parents=True, exist_ok=True)
    journal.write_bytes(b"not a journal at all\0" * 300)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert str(journal) in err and len(err.strip().splitlines()) == 1, err
    assert journal.read_bytes().startswith(b"not a journal")  # left as it was


def test_an_unknown_receipt_is_a_bad_argument(capsys):
    assert main(["receipt", "NO-SUCH", "--text"]) == 2
    assert "NO-SUCH" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["scenario", "list"], ["history"], ["completion", "bash"]])
def test_a_reader_that_leaves_early_is_no_traceback(argv):
    """`cashier history | head -1` printed a BrokenPipeError traceback (and logged an
    "unexpected error") once head had gone: a pipe whose reader leaves ends the command
    quietly, as a shell's own tools end, with 141 (128 + SIGPIPE)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "cashier_app", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader has gone before the first line
    err = proc.stderr.read().decode()
    assert proc.wait(30) == 141, err
    assert "Traceback" not in err and "BrokenPipe" not in err, err
