"""``cashier pay`` end to end: real subprocesses on the embedded and a standalone sandbox."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from cashier_app.cli import main
from cashier_app.gateway.signing import (
    generate_private_key,
    private_key_pkcs8_base64,
    public_key_pem,
)
from cashier_app.journal import Journal
from cashier_app.support import paths

PAY = ["pay", "--amount", "12.30", "--currency", "HKD", "--method", "ALIPAY_HK"]


def cashier(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cashier_app", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=os.environ.copy(),
    )


@pytest.mark.parametrize(
    ("simulate", "code", "statuses"),
    [
        ("approve", 0, {"SUCCESS"}),
        ("decline", 1, {"FAILED"}),
        ("expire", 1, {"EXPIRED", "CANCELLED"}),
    ],
)
def test_pay_on_the_embedded_sandbox(simulate, code, statuses):
    proc = cashier(*PAY, "--simulate", simulate, "--timeout", "5", "--json")
    assert proc.returncode == code, proc.stderr
    out = json.loads(proc.stdout)
    assert out["status"] in statuses
    assert out["amount"] == "12.30" and out["currency"] == "HKD"
    assert out["payment_request_id"] and out["payment_id"] and out["result_code"]
    with Journal(paths.journal_path()) as journal:  # the run was journaled
        rec = journal.get_payment(out["payment_request_id"])
        assert rec is not None and rec.status.value == out["status"]


def test_pay_does_not_import_qt():
    script = (
        "import sys, contextlib, io\n"
        "from cashier_app.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    rc = main(['pay', '--amount', '1.00', '--currency', 'HKD', '--method',"
        " 'ALIPAY_HK', '--simulate', 'approve', '--timeout', '5', '--json'])\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken')))\n"
        "print(rc, qt)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ.copy(),
    )
    assert proc.stdout.strip() == "0 []", proc.stderr


def test_pay_against_a_standalone_gateway(tmp_path):
    from cashier_app.sandbox import SandboxGateway

    merchant = generate_private_key()
    key_file = tmp_path / "merchant.key"
    key_file.write_text(private_key_pkcs8_base64(merchant))
    with SandboxGateway() as gw:
        gw.register_merchant("SANDBOX_CLI_TEST", merchant.public_key())
        pub_file = tmp_path / "gateway.pem"
        pub_file.write_text(public_key_pem(gw.gateway_public_key))
        proc = cashier(
            *PAY,
            "--gateway",
            gw.url,
            "--client-id",
            "SANDBOX_CLI_TEST",
            "--private-key",
            str(key_file),
            "--gateway-public-key",
            str(pub_file),
            "--simulate",
            "approve",
            "--timeout",
            "5",
            "--summary",
            "espresso",
            "--json",
        )
        assert proc.returncode == 0, proc.stderr
        out = json.loads(proc.stdout)
        assert out["status"] == "SUCCESS" and out["client_id"] == "SANDBOX_CLI_TEST"
        assert out["gateway_url"] == gw.url and out["trade_summary"] == "espresso"
        assert gw.payment(out["payment_id"])["paymentStatus"] == "SUCCESS"
        assert private_key_pkcs8_base64(merchant)[50:90] not in proc.stdout + proc.stderr

        # the gateway key of someone else: answers are not believed, never a success
        other = tmp_path / "other.pem"
        other.write_text(public_key_pem(generate_private_key().public_key()))
        proc = cashier(
            *PAY,
            "--gateway",
            gw.url,
            "--client-id",
            "SANDBOX_CLI_TEST",
            "--private-key",
            str(key_file),
            "--gateway-public-key",
            str(other),
            "--timeout",
            "0.5",
            "--json",
        )
        assert proc.returncode == 1
        assert json.loads(proc.stdout)["status"] == "UNKNOWN"


@pytest.fixture
def key_files(tmp_path):
    good = tmp_path / "good.key"
    good.write_text(private_key_pkcs8_base64(generate_private_key()))
    pub = tmp_path / "gw.pem"
    pub.write_text(public_key_pem(generate_private_key().public_key()))
    bad = tmp_path / "bad.key"
    bad.write_text("-----BEGIN PRIVATE KEY-----\nnot a key\n")
    return {
        "good": str(good),
        "pub": str(pub),
        "bad": str(bad),
        "missing": str(tmp_path / "missing.key"),
    }


def _gateway(key_files, url="http://127.0.0.1:9", private="good", public="pub"):
    return [
        "--gateway",
        url,
        "--client-id",
        "C1",
        "--private-key",
        key_files[private],
        "--gateway-public-key",
        key_files[public],
    ]


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["--amount", "12.345", "--currency", "HKD", "--method", "ALIPAY_HK"], "--amount"),
        (["--amount", "-1", "--currency", "HKD", "--method", "ALIPAY_HK"], "--amount"),
        (["--amount", "ten", "--currency", "HKD", "--method", "ALIPAY_HK"], "--amount"),
        (["--amount", "1", "--currency", "XYZ", "--method", "ALIPAY_HK"], "--currency"),
        (["--amount", "1", "--currency", "USD", "--method", "ALIPAY_HK"], "--method"),
        (["--amount", "1", "--currency", "HKD", "--method", "NOPE"], "--method"),
        (
            ["--amount", "1", "--currency", "HKD", "--method", "ALIPAY_HK", "--timeout", "0"],
            "--timeout",
        ),
    ],
)
def test_bad_arguments_exit_2_naming_the_argument(capsys, args, names):
    assert main(["pay", *args, "--json"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and names in err


@pytest.mark.parametrize(
    ("kind", "names", "text"),
    [
        ({"private": "missing"}, "--private-key", "cannot read"),
        ({"private": "bad"}, "--private-key", "PEM"),
        ({"public": "good"}, "--gateway-public-key", "private key"),
        ({"url": "http://pay.example.com"}, "--gateway", "plain http"),
    ],
)
def test_bad_gateway_options_exit_2(capsys, key_files, kind, names, text):
    args = _gateway(key_files, **kind)
    assert main([*PAY, *args, "--json"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and names in err and text in err, err
    assert "BEGIN" not in err


def test_gateway_options_come_together(capsys, key_files):
    assert main([*PAY, "--gateway", "https://gw.example", "--json"]) == 2
    assert "--client-id is required" in capsys.readouterr().err


def _stale_pending_payment(profile: str = "sandbox") -> str:
    """A payment an earlier, crashed run left PENDING in the journal."""
    from datetime import UTC, datetime, timedelta

    from cashier_app.domain.money import Money
    from cashier_app.domain.outcome import Status
    from cashier_app.domain.records import PaymentRecord

    now = datetime.now(UTC)
    rec = PaymentRecord(
        "stale-0001",
        profile,
        Money(500, "HKD"),
        "ALIPAY_HK",
        Status.PENDING,
        now - timedelta(minutes=3),
        now - timedelta(minutes=3),
        payment_id="2026STALE",
        expires_at=now + timedelta(minutes=7),
    )
    journal = Journal(paths.journal_path())
    try:
        journal.create_payment(rec)
    finally:
        journal.close()
    return rec.payment_request_id


def _status(prid: str) -> str:
    journal = Journal(paths.journal_path())
    try:
        rec = journal.get_payment(prid)
        assert rec is not None
        return rec.status.value
    finally:
        journal.close()


def test_pay_first_finishes_what_a_crashed_run_left_open():
    prid = _stale_pending_payment()
    proc = cashier(
        "pay",
        "--amount",
        "1",
        "--currency",
        "HKD",
        "--method",
        "ALIPAY_HK",
        "--simulate",
        "approve",
        "--json",
    )
    assert proc.returncode == 0, proc.stderr
    assert f"recovered {prid}:" in proc.stderr
    # the embedded sandbox of the crashed run died with it: nothing can have been charged
    assert _status(prid) in ("FAILED", "CANCELLED", "EXPIRED")
    assert json.loads(proc.stdout)["status"] == "SUCCESS"


def test_pay_leaves_open_sales_of_a_live_till_alone():
    from cashier_app.journal.tilllock import TillLock

    prid = _stale_pending_payment()
    live_till = TillLock(paths.journal_path().parent / "locks", "sandbox")
    assert live_till.acquire()
    try:
        proc = cashier(
            "pay",
            "--amount",
            "1",
            "--currency",
            "HKD",
            "--method",
            "ALIPAY_HK",
            "--simulate",
            "approve",
            "--json",
        )
        # One owner per sale: the live till's profile takes no sale from a second process.
        assert proc.returncode == 1, proc.stderr
        assert "another cashier process" in proc.stderr and f"(pid {os.getpid()})" in proc.stderr
        assert "no payment was taken" in proc.stderr and proc.stdout == ""
        assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
        assert _status(prid) == "PENDING"
        with Journal(paths.journal_path()) as journal:
            assert [r.payment_request_id for r in journal.list_payments(limit=None)] == [prid]
        rec = cashier("recover")
        assert rec.returncode != 0 and "another cashier process" in rec.stderr
        assert _status(prid) == "PENDING"
    finally:
        live_till.release()


def test_pay_reports_the_time_of_each_phase():
    proc = cashier(*PAY, "--simulate", "approve", "--timeout", "5", "--json", "--timings")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    timings = out["timings_ms"]
    for phase in ("start", "services", "pay", "simulate", "complete", "shutdown", "total"):
        assert isinstance(timings[phase], float) and timings[phase] >= 0, phase
    assert timings["total"] >= timings["services"] + timings["pay"]
    assert "keys" in timings["services_detail"] and "sandbox" in timings["services_detail"]
    assert "timings:" in proc.stderr and "services" in proc.stderr and "ms" in proc.stderr
    # without --timings the JSON is as before
    plain = json.loads(cashier(*PAY, "--simulate", "approve", "--timeout", "5", "--json").stdout)
    assert "timings_ms" not in plain and plain["status"] == "SUCCESS"


def test_pay_on_the_embedded_sandbox_imports_only_what_it_needs():
    script = (
        "import sys, contextlib, io\n"
        "from cashier_app.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    rc = main(['pay', '--amount', '1.00', '--currency', 'HKD', '--method',"
        " 'ALIPAY_HK', '--simulate', 'approve', '--timeout', '5', '--json'])\n"
        "print(rc, sorted(m for m in sys.modules if m.startswith(("
        "'keyring', 'cashier_app.gateway.alipayhk', 'cashier_app.ui',"
        " 'cashier_app.cli.keys', 'cashier_app.reports', 'cashier_app.cli.report',"
        # httpx's own command line (rich, click, pygments), importlib.metadata (the
        # version in the User-Agent) and logging.handlers (the log's rotation) were a
        # fifth of the run
        " 'httpx._main', 'rich', 'click', 'pygments', 'importlib.metadata',"
        " 'logging.handlers',"
        # httpx, httpcore and h11: the embedded sandbox is plain http on loopback, which
        # the standard library's http.client speaks (gateway/loopback.py)
        " 'httpx', 'httpcore', 'h11', 'anyio',"
        # cryptography's serialization package (its SSH key format: the ciphers, bcrypt,
        # DSA, EC, Ed25519) for keys that are always RSA: a tenth of the run; the key
        # file's AES-GCM and scrypt, which the sandbox's memory key store never uses
        " 'cryptography.hazmat.primitives.serialization',"
        " 'cryptography.hazmat.primitives.ciphers', 'cryptography.hazmat.primitives.kdf',"
        " 'bcrypt',"
        # what only other runs need: a store link, key diagnosis, a scanned code's policy,
        # the GUI's Payment Kit,
        # a file write; and the idna codec (stringprep, unicodedata) for ASCII loopback
        # host names: every connection now looks them up as bytes
        " 'cashier_app.store', 'cashier_app.keystore.diagnostics',"
        " 'cashier_app.checkout.instore', 'cashier_app.checkout.paykit', 'tempfile',"
        " 'encodings.idna'))))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ.copy(),
    )
    assert proc.stdout.strip() == "0 []", proc.stderr


def test_pay_starts_without_the_garbage_collector_and_gives_it_back():
    # python -m cashier_app holds the cyclic collector back from its first import; the
    # collector then went through the start-up's objects some fifty times before the
    # services were up. It runs again from there (over what is made from then on: the
    # start-up's objects are frozen), and main always gives it back.
    script = (
        "import gc, sys, contextlib, io\n"
        "gc.disable()\n"
        "from cashier_app.cli import main, timings\n"
        "runs = []\n"
        "gc.callbacks.append(lambda phase, info: phase == 'start' and runs.append(1))\n"
        "laps, lap = {}, timings.Phases.lap\n"
        "def counted(self, name):\n"
        "    laps[name] = len(runs)\n"
        "    lap(self, name)\n"
        "timings.Phases.lap = counted\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    rc = main(['pay', '--amount', '1.00', '--currency', 'HKD', '--method',"
        " 'ALIPAY_HK', '--simulate', 'approve', '--timeout', '5', '--json', '--timings'],"
        " collector_held=True)\n"
        "print(rc, laps['services'], gc.isenabled(), gc.get_freeze_count() > 0)\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['pay', '--amount', 'x', '--currency', 'HKD'])  # refused at the start\n"
        "print(gc.isenabled())\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ.copy(),
    )
    assert proc.stdout.split() == ["0", "0", "True", "True", "True"], proc.stderr


def test_the_command_leaves_fast_with_its_output_and_log_complete(tmp_path):
    """``cashier`` ends a headless command with os._exit (no interpreter teardown): what
    it printed and logged last is there all the same, and the journal is committed."""
    proc = cashier(
        *PAY, "--simulate", "approve", "--timeout", "5", "--json", "--summary", "x" * 200
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)  # the whole line, flushed before the exit
    assert out["status"] == "SUCCESS" and out["trade_summary"] == "x" * 200
    log = (paths.log_dir() / "cashier.log").read_text(encoding="utf-8")
    assert f"payment {out['payment_request_id']} state from=PENDING to=SUCCESS" in log
    with Journal(paths.journal_path()) as journal:
        assert journal.get_payment(out["payment_request_id"]).status.value == "SUCCESS"
    # a failing command too: its one-line error and exit status
    bad = cashier("pay", "--amount", "1.00", "--currency", "XXX", "--method", "ALIPAY_HK")
    assert bad.returncode == 2 and "--currency" in bad.stderr and bad.stdout == ""


def test_a_profile_without_keys_is_one_line_not_a_traceback(memory_keyring, capsys):
    from cashier_app.keystore.profiles import Environment, Profile, ProfileStore

    ProfileStore().save(
        Profile(
            "shop",
            Environment.PRODUCTION,
            "2188000000000001",
            "HKD",
            "https://open-sea-global.alipay.com",
            wallets=("ALIPAY_HK",),
        )
    )
    code = main(
        [
            "pay",
            "--profile",
            "shop",
            "--amount",
            "1",
            "--currency",
            "HKD",
            "--method",
            "ALIPAY_HK",
            "--json",
        ]
    )
    err = capsys.readouterr().err
    assert code == 2 and "error:" in err and "shop" in err and "Traceback" not in err
