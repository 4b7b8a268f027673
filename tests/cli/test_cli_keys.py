"""``cashier keys``: every action, every classic key mistake, no private key in any output,
and the end-to-end "new user" path against a standalone ``cashier sandbox``."""

from __future__ import annotations

import base64
import io
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.errors
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from keyring_fakes import DictKeyring

from cashier_app.cli import main
from cashier_app.gateway.signing import (
    fingerprint,
    generate_private_key,
    load_private_key,
    private_key_pkcs8_base64,
    public_key_base64,
)
from cashier_app.keystore.profiles import ProfileStore

CLIENT_ID = "2188000000000042"


@pytest.fixture
def kr(monkeypatch: pytest.MonkeyPatch) -> Iterator[DictKeyring]:
    monkeypatch.delenv("CASHIER_KEYSTORE", raising=False)
    monkeypatch.delenv("CASHIER_KEYSTORE_PASSPHRASE_FILE", raising=False)
    previous = keyring.get_keyring()
    backend = DictKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(scope="module")
def key() -> rsa.RSAPrivateKey:
    return generate_private_key()


def leaked(text: str, key: rsa.RSAPrivateKey) -> bool:
    """True if private material of ``key`` appears (the first ~448 base64 characters carry
    the public modulus and may be printed; everything after is private)."""
    compact = "".join(text.split())
    for fmt in (serialization.PrivateFormat.PKCS8, serialization.PrivateFormat.TraditionalOpenSSL):
        der = key.private_bytes(serialization.Encoding.DER, fmt, serialization.NoEncryption())
        b64 = base64.b64encode(der).decode()
        if any(b64[i : i + 64] in compact for i in range(448, len(b64) - 64, 64)):
            return True
    d = key.private_numbers().d
    return str(d)[:40] in compact or format(d, "x")[:40] in compact.lower()


class Cli:
    def __init__(
        self,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture,
    ) -> None:
        self.capsys, self.monkeypatch, self.caplog = capsys, monkeypatch, caplog
        self.transcript: list[str] = []

    def __call__(self, *argv: str, stdin: bytes = b"") -> tuple[int, str, str]:
        self.monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        rc = main(list(argv))
        out, err = self.capsys.readouterr()
        self.transcript += [out, err]
        return rc, out, err

    def all_output(self) -> str:
        return "\n".join([*self.transcript, self.caplog.text])


@pytest.fixture
def cli(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> Cli:
    caplog.set_level(logging.DEBUG)
    return Cli(capsys, monkeypatch, caplog)


@pytest.fixture
def prod(cli: Cli, kr: DictKeyring) -> str:
    rc, _, err = cli(
        "profile",
        "create",
        "prod",
        "--environment",
        "production",
        "--gateway",
        "asia",
        "--client-id",
        CLIENT_ID,
        "--currency",
        "HKD",
        "--use",
    )
    assert rc == 0, err
    return "prod"


def stored_key(kr: DictKeyring, version: str = "1") -> rsa.RSAPrivateKey:
    return load_private_key(kr.values[("cashier", f"prod/merchant/{version}")])


# -- import ---------------------------------------------------------------------------


def test_import_bare_base64_pkcs8_from_stdin(
    cli: Cli, kr: DictKeyring, prod: str, key: rsa.RSAPrivateKey
) -> None:
    rc, out, err = cli(
        "keys", "import", "--from-file", "-", stdin=(private_key_pkcs8_base64(key) + "\n").encode()
    )
    assert rc == 0, err
    assert fingerprint(key) in out
    assert public_key_base64(key.public_key()) in out  # to paste into the Dashboard
    assert fingerprint(stored_key(kr)) == fingerprint(key)
    assert not leaked(cli.all_output(), key)


@pytest.mark.parametrize("fmt", ["pkcs1", "pkcs8"])
def test_import_pem_from_file(
    cli: Cli, kr: DictKeyring, prod: str, key: rsa.RSAPrivateKey, tmp_path: Path, fmt: str
) -> None:
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL
        if fmt == "pkcs1"
        else serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    (tmp_path / "k.pem").write_bytes(pem.replace(b"\n", b"\r\n"))
    rc, out, err = cli("keys", "import", "--from-file", str(tmp_path / "k.pem"), "--json")
    assert rc == 0, err
    assert json.loads(out)["fingerprint"] == fingerprint(key)
    assert not leaked(cli.all_output(), key)


def test_import_encrypted_pem_with_passphrase_file(
    cli: Cli, kr: DictKeyring, prod: str, key: rsa.RSAPrivateKey, tmp_path: Path
) -> None:
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"s3cret"),
    )
    (tmp_path / "pass").write_text("s3cret\n")
    (tmp_path / "wrong").write_text("nope\n")
    rc, _, err = cli("keys", "import", "--from-file", "-", stdin=pem)
    assert rc == 2 and "encrypted" in err and "--passphrase-file" in err
    rc, _, err = cli(
        "keys",
        "import",
        "--from-file",
        "-",
        "--passphrase-file",
        str(tmp_path / "wrong"),
        stdin=pem,
    )
    assert rc == 2 and "passphrase does not open" in err
    assert ("cashier", "prod/merchant/1") not in kr.values
    rc, _, err = cli(
        "keys", "import", "--from-file", "-", "--passphrase-file", str(tmp_path / "pass"), stdin=pem
    )
    assert rc == 0, err
    assert fingerprint(stored_key(kr)) == fingerprint(key)
    assert "s3cret" not in cli.all_output()
    assert not leaked(cli.all_output(), key)


@pytest.mark.parametrize(
    ("make_input", "expected"),
    [
        (lambda k: public_key_base64(k.public_key()), "this is a public key"),
        (lambda k: private_key_pkcs8_base64(k)[:900], "truncated"),
        (
            lambda k: "-----BEGIN PRIVATE KEY-----\n" + private_key_pkcs8_base64(k)[:64],
            "END line is missing",
        ),
        (lambda k: private_key_pkcs8_base64(k)[:10] + "%%%", "neither PEM nor base64"),
        (
            lambda k: (
                '"'
                + k.private_bytes(
                    serialization.Encoding.PEM,
                    serialization.PrivateFormat.PKCS8,
                    serialization.NoEncryption(),
                )
                .decode()
                .replace("\n", "\\n")
                + '"'
            ),
            None,
        ),  # pasted out of a JSON file: accepted
    ],
)
def test_import_mistakes(
    cli: Cli,
    kr: DictKeyring,
    prod: str,
    key: rsa.RSAPrivateKey,
    make_input: object,
    expected: str | None,
) -> None:
    rc, _, err = cli("keys", "import", "--from-file", "-", stdin=make_input(key).encode())  # type: ignore[operator]
    if expected is None:
        assert rc == 0, err
    else:
        assert rc == 2 and expected in err and "Fix:" in err, err
        assert ("cashier", "prod/merchant/1") not in kr.values
    assert not leaked(cli.all_output(), key)


def test_small_key_refused(cli: Cli, kr: DictKeyring, prod: str) -> None:
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    der = small.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    rc, _, err = cli("keys", "import", "--from-file", "-", stdin=base64.b64encode(der))
    assert rc == 2 and "1024 bits" in err and "cashier keys generate" in err


def test_key_text_is_never_an_argument(
    cli: Cli, kr: DictKeyring, prod: str, key: rsa.RSAPrivateKey
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli("keys", "import", private_key_pkcs8_base64(key))
    assert exit_info.value.code == 2
    rc, _, err = cli("keys", "import", "--from-file", "/nonexistent/key")
    assert rc == 2 and "cannot read private key from /nonexistent/key" in err
    rc, _, err = cli("keys", "import", "--from-file", "-", stdin=b"  \n")
    assert rc == 2 and "standard input is empty" in err


def test_existing_version_is_not_overwritten_without_replace(
    cli: Cli, kr: DictKeyring, prod: str, key: rsa.RSAPrivateKey
) -> None:
    assert cli("keys", "generate")[0] == 0
    before = kr.values[("cashier", "prod/merchant/1")]
    rc, _, err = cli(
        "keys", "import", "--from-file", "-", stdin=private_key_pkcs8_base64(key).encode()
    )
    assert rc == 1 and "already has a key version 1" in err
    assert kr.values[("cashier", "prod/merchant/1")] == before
    assert (
        cli(
            "keys",
            "import",
            "--from-file",
            "-",
            "--replace",
            stdin=private_key_pkcs8_base64(key).encode(),
        )[0]
        == 0
    )
    assert fingerprint(stored_key(kr)) == fingerprint(key)


# -- gateway key ----------------------------------------------------------------------


def test_gateway_key_mistakes_are_diagnosed(
    cli: Cli, kr: DictKeyring, prod: str, key: rsa.RSAPrivateKey
) -> None:
    assert (
        cli("keys", "import", "--from-file", "-", stdin=private_key_pkcs8_base64(key).encode())[0]
        == 0
    )
    own = public_key_base64(key.public_key())
    rc, _, err = cli("keys", "import-gateway-key", "--from-file", "-", stdin=own.encode())
    assert rc == 2 and "your own merchant public key" in err
    pkcs1 = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.PKCS1
    )
    rc, _, err = cli("keys", "import-gateway-key", "--from-file", "-", stdin=pkcs1)
    assert rc == 2 and "PKCS#1" in err and "openssl rsa -RSAPublicKey_in" in err
    rc, _, err = cli(
        "keys",
        "import-gateway-key",
        "--from-file",
        "-",
        stdin=private_key_pkcs8_base64(key).encode(),
    )
    assert rc == 2 and "PRIVATE key where a public key belongs" in err
    gateway = generate_private_key().public_key()
    rc, _, err = cli(
        "keys",
        "import-gateway-key",
        "--from-file",
        "-",
        stdin=public_key_base64(gateway)[:200].encode(),
    )
    assert rc == 2 and "truncated" in err
    assert ("cashier", "prod/gateway") not in kr.values
    rc, out, err = cli(
        "keys", "import-gateway-key", "--from-file", "-", stdin=public_key_base64(gateway).encode()
    )
    assert rc == 0 and fingerprint(gateway) in out
    assert not leaked(cli.all_output(), key)


# -- export, fingerprint, check -------------------------------------------------------


def test_export_fingerprint_check(
    cli: Cli, kr: DictKeyring, prod: str, tmp_path: Path, key: rsa.RSAPrivateKey
) -> None:
    rc, out, _ = cli("keys", "generate", "--json")
    info = json.loads(out)
    generated = stored_key(kr)
    rc, out, _ = cli("keys", "export-public")
    assert rc == 0 and out.strip() == info["public_key_base64"]
    assert "\n" not in out.strip() and not out.startswith("-----")
    rc, pem, _ = cli("keys", "export-public", "--format", "pem")
    assert pem.startswith("-----BEGIN PUBLIC KEY-----")
    rc, out, _ = cli("keys", "fingerprint", "--json")
    status = json.loads(out)
    assert status["merchant"]["fingerprint"] == fingerprint(generated)
    assert status["gateway"] is None and "keyring" in status["backend"].lower()
    (tmp_path / "pub.pem").write_text(pem)
    assert cli("keys", "check", "--from-file", str(tmp_path / "pub.pem"))[0] == 0
    rc, _, err = cli(
        "keys", "check", "--from-file", "-", stdin=public_key_base64(key.public_key()).encode()
    )
    assert rc == 1 and "MISMATCH" in err
    rc, _, err = cli("keys", "check")  # no gateway key yet
    assert rc == 1 and "no gateway public key" in err
    assert (
        cli(
            "keys",
            "import-gateway-key",
            "--from-file",
            "-",
            stdin=public_key_base64(key.public_key()).encode(),
        )[0]
        == 0
    )
    rc, out, _ = cli("keys", "check")
    assert rc == 0 and out.startswith("ok")
    rc, out, _ = cli("keys", "fingerprint")
    assert f"merchant:   SHA256 {fingerprint(generated)}" in out
    assert f"gateway:    SHA256 {fingerprint(key)}" in out
    assert not leaked(cli.all_output(), generated)


# -- rotate, activate, delete ---------------------------------------------------------


def test_rotate_keeps_the_old_version_until_deleted(cli: Cli, kr: DictKeyring, prod: str) -> None:
    assert cli("keys", "generate")[0] == 0
    first = stored_key(kr, "1")
    rc, out, _ = cli("keys", "rotate", "--json")
    assert rc == 0 and json.loads(out)["key_version"] == "2"
    assert ProfileStore().get("prod").key_version == "2"
    assert fingerprint(stored_key(kr, "1")) == fingerprint(first)
    rc, out, _ = cli("keys", "rotate", "--no-activate", "--json")
    assert json.loads(out)["key_version"] == "3" and not json.loads(out)["active"]
    assert ProfileStore().get("prod").key_version == "2"
    rc, _, err = cli("keys", "delete", "--key-version", "2", "--yes")
    assert rc == 2 and "is the active one" in err
    rc, _, err = cli("keys", "delete", "--key-version", "1")
    assert rc == 2 and "--yes" in err
    assert cli("keys", "delete", "--key-version", "1", "--yes")[0] == 0
    assert ("cashier", "prod/merchant/1") not in kr.values
    assert cli("keys", "activate", "--key-version", "3")[0] == 0
    assert ProfileStore().get("prod").key_version == "3"
    rc, _, err = cli("keys", "activate", "--key-version", "1")
    assert rc == 1 and "no merchant private key version 1" in err
    rc, out, _ = cli("keys", "fingerprint", "--json")
    assert json.loads(out)["versions"] == ["2", "3"]
    assert cli("keys", "delete", "--all", "--yes")[0] == 0
    assert not [k for k in kr.values if k[1].startswith("prod/")]


def test_embedded_sandbox_profile_keys_are_not_managed(cli: Cli, kr: DictKeyring) -> None:
    rc, _, err = cli("keys", "generate")
    assert rc == 2 and "embedded sandbox" in err and "in memory" in err


# -- back-end faults ------------------------------------------------------------------


def test_no_keyring_and_no_passphrase_is_a_clear_error(
    cli: Cli, kr: DictKeyring, prod: str
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    rc, _, err = cli("keys", "generate")
    assert rc == 1
    assert "no usable OS keyring" in err and "--keystore-passphrase-file" in err


def test_locked_keyring_is_a_clear_error_and_changes_nothing(
    cli: Cli, kr: DictKeyring, prod: str
) -> None:
    assert cli("keys", "generate")[0] == 0
    before = dict(kr.values)
    kr.locked = True
    rc, _, err = cli("keys", "rotate")
    assert rc == 1 and "keyring is locked" in err and "unlock it" in err
    kr.locked = False
    assert kr.values == before
    assert ProfileStore().get("prod").key_version == "1"


def test_encrypted_file_backend(
    cli: Cli,
    kr: DictKeyring,
    prod: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    key: rsa.RSAPrivateKey,
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())  # a machine without a keyring
    (tmp_path / "pw").write_text("correct horse\n")
    (tmp_path / "bad").write_text("battery staple\n")
    monkeypatch.setenv("CASHIER_KEYSTORE_PASSPHRASE_FILE", str(tmp_path / "pw"))
    rc, out, err = cli(
        "keys", "import", "--from-file", "-", stdin=private_key_pkcs8_base64(key).encode()
    )
    assert rc == 0 and "encrypted file" in out, err
    key_file = Path(os.environ["CASHIER_DATA_DIR"]) / "keys.enc"
    blob = key_file.read_bytes()
    assert not leaked(blob.decode(), key) and b"prod/merchant" not in blob
    assert (key_file.stat().st_mode & 0o077) == 0
    rc, _, err = cli("keys", "rotate", "--keystore-passphrase-file", str(tmp_path / "bad"))
    assert rc == 1 and "wrong passphrase for key file" in err
    assert key_file.read_bytes() == blob
    rc, out, _ = cli("keys", "fingerprint")
    assert fingerprint(key) in out
    assert not leaked(cli.all_output(), key)


# -- the "new user" story, end to end -------------------------------------------------


def test_new_user_pays_with_a_profile_against_the_standalone_sandbox(
    cli: Cli, kr: DictKeyring, key: rsa.RSAPrivateKey, tmp_path: Path
) -> None:
    # 1. a production-style profile (the standalone sandbox URL is set once it runs)
    assert (
        cli(
            "profile",
            "create",
            "shop",
            "--environment",
            "production",
            "--gateway",
            "asia",
            "--client-id",
            CLIENT_ID,
            "--currency",
            "HKD",
            "--wallets",
            "ALIPAY_HK,ALIPAY_CN",
            "--use",
        )[0]
        == 0
    )
    # 2. the private key pasted as bare base64, the Dashboard's form, on standard input
    rc, out, err = cli(
        "keys", "import", "--from-file", "-", stdin=private_key_pkcs8_base64(key).encode()
    )
    assert rc == 0, err
    # 3. the public key the sandbox (standing in for the Dashboard) is given
    public_file = tmp_path / "merchant.pub"
    rc, out, _ = cli("keys", "export-public")
    public_file.write_text(out)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    sandbox = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "cashier_app",
            "sandbox",
            "--merchant",
            f"{CLIENT_ID}={public_file}",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        line = sandbox.stdout.readline()  # type: ignore[union-attr]
        assert line, sandbox.stderr.read()  # type: ignore[union-attr]
        started = json.loads(line)
        public_file.unlink()
        assert (
            cli(
                "profile",
                "create",
                "shop",
                "--replace",
                "--environment",
                "production",
                "--gateway",
                started["url"],
                "--client-id",
                CLIENT_ID,
                "--currency",
                "HKD",
                "--wallets",
                "ALIPAY_HK,ALIPAY_CN",
            )[0]
            == 0
        )
        # 4. the gateway key, pasted
        rc, out, err = cli(
            "keys",
            "import-gateway-key",
            "--from-file",
            "-",
            stdin=started["gateway_public_key"].encode(),
        )
        assert rc == 0, err
        # 5. both fingerprints
        rc, out, _ = cli("keys", "fingerprint", "--json")
        shown = json.loads(out)
        assert shown["merchant"]["fingerprint"] == fingerprint(key)
        gateway_key = serialization.load_der_public_key(
            base64.b64decode(started["gateway_public_key"])
        )
        assert shown["gateway"]["fingerprint"] == fingerprint(gateway_key)  # type: ignore[arg-type]
        # 6. a payment with that profile, approved by the simulated payer
        rc, out, err = cli(
            "pay",
            "--profile",
            "shop",
            "--amount",
            "12.30",
            "--currency",
            "HKD",
            "--method",
            "ALIPAY_HK",
            "--simulate",
            "approve",
            "--timeout",
            "30",
            "--json",
        )
        assert rc == 0, err
        result = json.loads(out)
        assert result["status"] == "SUCCESS" and result["amount"] in ("12.30", 1230)
        assert result["client_id"] == CLIENT_ID
    finally:
        sandbox.terminate()
        sandbox.communicate(timeout=10)
    # 7. no key material anywhere on disk, nor in any output
    assert not leaked(cli.all_output(), key)
    for root in (os.environ["CASHIER_CONFIG_DIR"], os.environ["CASHIER_DATA_DIR"], str(tmp_path)):
        for path in Path(root).rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                assert not leaked(data.decode("latin-1"), key), f"key material in {path}"
                assert b"PRIVATE KEY" not in data, f"private key file {path}"


def test_alipayhk_dialect_profile_pays_through_the_envelope(
    cli: Cli, kr: DictKeyring, key: rsa.RSAPrivateKey, tmp_path: Path
) -> None:
    """A profile that chooses the AlipayHK legacy dialect (seed 004) creates its payment
    with the signed envelope at /alipayhk/gateway.do, then settles like any other."""
    from cashier_app.journal import Journal
    from cashier_app.support import paths

    assert cli("keys", "generate", "--profile", "sandbox")[0] != 0  # sandbox keys: memory only
    rc, _, err = cli(
        "profile",
        "create",
        "hk",
        "--environment",
        "production",
        "--gateway",
        "asia",
        "--client-id",
        CLIENT_ID,
        "--currency",
        "USD",
        "--dialect",
        "alipayhk",
    )
    assert rc != 0 and "HKD only" in err
    assert (
        cli(
            "profile",
            "create",
            "hk",
            "--environment",
            "production",
            "--gateway",
            "asia",
            "--client-id",
            CLIENT_ID,
            "--currency",
            "HKD",
            "--dialect",
            "alipayhk",
            "--merchant-id",
            "2160400000002012",
            "--use",
        )[0]
        == 0
    )
    rc, out, _ = cli("profile", "show", "hk", "--json")
    shown = json.loads(out)
    assert shown["dialect"] == "alipayhk" and shown["wallets"] == ["ALIPAY_HK"]
    assert (
        cli("keys", "import", "--from-file", "-", stdin=private_key_pkcs8_base64(key).encode())[0]
        == 0
    )
    public_file = tmp_path / "merchant.pub"
    public_file.write_text(cli("keys", "export-public")[1])
    sandbox = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "cashier_app",
            "sandbox",
            "--merchant",
            f"{CLIENT_ID}={public_file}",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        text=True,
    )
    try:
        started = json.loads(sandbox.stdout.readline())  # type: ignore[union-attr]
        assert (
            cli(
                "profile",
                "create",
                "hk",
                "--replace",
                "--environment",
                "production",
                "--gateway",
                started["url"],
                "--client-id",
                CLIENT_ID,
                "--currency",
                "HKD",
                "--dialect",
                "alipayhk",
                "--merchant-id",
                "2160400000002012",
            )[0]
            == 0
        )
        assert (
            cli(
                "keys",
                "import-gateway-key",
                "--from-file",
                "-",
                stdin=started["gateway_public_key"].encode(),
            )[0]
            == 0
        )
        rc, out, err = cli(
            "pay",
            "--profile",
            "hk",
            "--amount",
            "10",
            "--currency",
            "HKD",
            "--method",
            "ALIPAY_HK",
            "--simulate",
            "approve",
            "--timeout",
            "30",
            "--json",
        )
        assert rc == 0, err
        result = json.loads(out)
        assert result["status"] == "SUCCESS"
    finally:
        sandbox.terminate()
        sandbox.communicate(timeout=10)
    journal = Journal(paths.journal_path())
    try:
        urls = [
            e.detail.get("url", "")
            for e in journal.events(result["payment_request_id"])
            if e.kind == "response"
        ]
    finally:
        journal.close()
    assert any(u.endswith("/alipayhk/gateway.do") for u in urls), urls
    assert any("inquiryPayment" in u for u in urls), urls
