"""The application log: rotating file, no secret in it (real key material), --verbose,
and what one sale leaves there."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from cashier_app.gateway.signing import (
    Signer,
    generate_private_key,
    private_key_pkcs8_base64,
    request_time,
)
from cashier_app.keystore.backends import EncryptedFileBackend
from cashier_app.support import logs

log = logging.getLogger("cashier_app.tests.logs")


@pytest.fixture
def log_path(tmp_path) -> Path:
    path = tmp_path / "logs" / "cashier.log"
    assert logs.setup(path=path) == path
    yield path
    logs.reset()


def _read(path: Path) -> str:
    logs.flush()
    return path.read_text(encoding="utf-8")


def _chunks(secret: str, size: int = 24) -> list[str]:
    """Pieces of a secret: none of them may reach the file."""
    secret = "".join(secret.split())
    return [secret[i : i + size] for i in range(0, max(len(secret) - size, 1), size)]


def test_no_secret_reaches_the_file(log_path, tmp_path):
    key = generate_private_key()
    pkcs8_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    pkcs1_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    ).decode()
    bare = private_key_pkcs8_base64(key)
    pkcs1_bare = "".join(pkcs1_pem.splitlines()[1:-1])
    signer = Signer(key)
    body = b'{"paymentRequestId":"P1","paymentAmount":{"currency":"HKD","value":"1230"}}'
    header = signer.header("POST", "/ams/api/v1/payments/pay", "SANDBOX_X", request_time(), body)
    full_signature = header.split("signature=", 1)[1]
    envelope_sig = signer.sign_bytes(body)
    passphrase = "correct horse battery staple 42"
    EncryptedFileBackend(tmp_path / "keys.enc", passphrase.encode())  # the key store saw it
    code = "281234567890123456"  # a customer's Alipay payment code (18 digits, 28...)

    log.info("imported %s", pkcs8_pem)
    log.info("pasted: %s", pkcs1_pem.replace("\n", " "))
    log.warning("bare key %s and %s", bare, pkcs1_bare)
    log.info("sent headers {'Signature': %r}", header)
    log.info('envelope {"request":{"body":{}},"signature":"%s"}', envelope_sig)
    log.info("unlock failed for the passphrase %r", passphrase)
    log.info("keys import --passphrase=%s", "hunter2-more")
    log.info('in-store pay {"paymentCode": "%s"}, scanned %s', code, code)
    try:
        raise ValueError(f"cannot load key {bare[:200]} (passphrase {passphrase})")
    except ValueError:
        log.exception("key import crashed")

    text = _read(log_path)
    for secret in (pkcs8_pem, pkcs1_pem, bare, pkcs1_bare, full_signature, envelope_sig):
        for chunk in _chunks(secret):
            assert chunk not in text, f"{chunk!r} of a secret reached the log"
    assert passphrase not in text and "hunter2-more" not in text
    assert code not in text
    assert text.count("[redacted: private key material]") >= 4
    assert "[redacted: signature]" in text and "[redacted: passphrase]" in text
    assert "[redacted: payment code]" in text
    assert "ValueError" in text and "key import crashed" in text  # the traceback stays
    # what is not secret stays readable
    assert "keyVersion=1" in text and "in-store pay" in text


def test_harmless_values_are_kept(log_path):
    log.info(
        "payment P2026120109020291183647bbc0d354fe1 paymentId=202612011189000001524A6D08 "
        "12.30 HKD public key MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA "
        "state from=PENDING to=SUCCESS source=inquiryPayment code=SUCCESS "
        "algorithm=RSA256,keyVersion=1"
    )
    text = _read(log_path)
    assert "P2026120109020291183647bbc0d354fe1" in text
    assert "202612011189000001524A6D08" in text and "MIIBIjANBgkqhkiG9w0" in text
    assert "inquiryPayment code=SUCCESS" in text and "algorithm=RSA256" in text
    assert "redacted" not in text


def test_the_file_rotates(tmp_path):
    path = tmp_path / "cashier.log"
    logs.setup(path=path, max_bytes=2000, backup_count=2)
    try:
        for i in range(200):
            log.info("line %d %s", i, "x" * 40)
        logs.flush()
    finally:
        logs.reset()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["cashier.log", "cashier.log.1", "cashier.log.2"]
    assert all(p.stat().st_size <= 2100 for p in tmp_path.iterdir())
    assert "line 199" in path.read_text()


def test_the_default_place_is_the_platform_log_dir(monkeypatch):
    import platformdirs

    from cashier_app.support import paths

    monkeypatch.delenv("CASHIER_LOG_DIR")
    assert paths.log_path() == Path(platformdirs.user_log_dir("cashier")) / "cashier.log"


def _cashier(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, CASHIER_LOG_DIR=str(tmp_path / "logs"))
    return subprocess.run(
        [sys.executable, "-m", "cashier_app", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_one_sale_is_in_the_log_and_verbose_shows_it_on_the_console(tmp_path):
    quiet = _cashier(
        tmp_path,
        "pay",
        "--amount",
        "12.30",
        "--currency",
        "HKD",
        "--method",
        "ALIPAY_HK",
        "--simulate",
        "approve",
        "--json",
    )
    assert quiet.returncode == 0, quiet.stderr
    assert " INFO " not in quiet.stderr and " DEBUG " not in quiet.stderr
    prid = json.loads(quiet.stdout)["payment_request_id"]
    text = (tmp_path / "logs" / "cashier.log").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if prid in line]
    # the sale: journaled, one signed exchange per call (summarised), each transition
    assert any(f"payment {prid} journaled amount=12.30 currency=HKD" in ln for ln in lines)
    assert any(
        "pay attempt 1: HTTP 200, signature verified, result S" in ln
        or "pay attempt 1: HTTP 200, signature verified, result U" in ln
        for ln in lines
    ), lines
    assert any("state from=CREATED to=PENDING" in ln for ln in lines), lines
    # The wallet's SUCCESS reaches the till by whichever comes first, the till's inquiry or
    # the sandbox's notification (then no inquiry need follow): each way leaves its line.
    (settled,) = [ln for ln in lines if "to=SUCCESS" in ln]
    if "source=inquiryPayment code=SUCCESS" in settled:
        assert any(
            "inquiryPayment attempt 1: HTTP 200, signature verified" in ln
            and "paymentStatus=SUCCESS" in ln
            for ln in lines
        ), lines
    else:
        assert "source=notification code=SUCCESS" in settled, settled
        assert any("notify notifyType=PAYMENT_RESULT status=S code=SUCCESS" in ln for ln in lines)
    assert "Signature" not in text and "signature=" not in text
    assert "PRIVATE KEY" not in text

    loud = _cashier(
        tmp_path,
        "--verbose",
        "pay",
        "--amount",
        "1",
        "--currency",
        "HKD",
        "--method",
        "ALIPAY_HK",
        "--simulate",
        "approve",
    )
    assert loud.returncode == 0, loud.stderr
    assert " DEBUG " in loud.stderr and "pay attempt 1: HTTP 200" in loud.stderr
    also = _cashier(tmp_path, "history", "-v", "--json")
    assert also.returncode == 0 and " DEBUG " in also.stderr


def test_doctor_names_the_log_file(tmp_path):
    proc = _cashier(tmp_path, "doctor", "--json")
    checks = {c["name"]: c for c in json.loads(proc.stdout)}
    assert checks["log"]["ok"], checks
    assert str(tmp_path / "logs" / "cashier.log") in checks["log"]["detail"]
