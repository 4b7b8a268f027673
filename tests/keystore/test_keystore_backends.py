"""Backends: which keyrings are accepted, the encrypted file's faults, the memory notice."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import keyring.backend
import keyring.backends.fail
import keyring.backends.null
import pytest
from keyring_fakes import DictKeyring

from cashier_app.keystore.backends import (
    MEMORY_NOTICE,
    BackendUnavailableError,
    CorruptKeyFileError,
    EncryptedFileBackend,
    KeyringBackend,
    KeyringLockedError,
    KeyStoreError,
    MemoryBackend,
    WrongPassphraseError,
    keyring_refusal,
    pick_keyring,
    read_passphrase_file,
)

FAST_N = 2**15


def _fake(module: str, priority: float = 5) -> object:
    """An object that looks like a keyring backend of ``module`` (not registered with
    keyring, so its discovery is unaffected)."""
    cls = type("Keyring", (), {"priority": priority, "__module__": module})
    return cls()


@pytest.mark.parametrize(
    ("backend", "reason"),
    [
        (keyring.backends.fail.Keyring(), "not a real keyring"),
        (keyring.backends.null.Keyring(), "not a real keyring"),
        (_fake("keyrings.alt.file"), "keeps secrets in a file it manages itself"),
        (_fake("keyrings.cryptfile.cryptfile"), "keeps secrets in a file"),
        (_fake("some.plugin", priority=0), "priority 0"),
    ],
)
def test_insecure_keyrings_are_refused(backend: object, reason: str) -> None:
    refusal = keyring_refusal(backend)
    assert refusal is not None and reason in refusal
    with pytest.raises(BackendUnavailableError, match="OS keyring not usable"):
        KeyringBackend(backend)


def test_chainer_is_looked_through_for_its_best_acceptable_member() -> None:
    good = _fake("keyring.backends.SecretService", priority=5)
    alt = _fake("keyrings.alt.file", priority=9)
    chainer_cls = type(
        "ChainerBackend",
        (),
        {"__module__": "keyring.backends.chainer", "priority": 10, "backends": [alt, good]},
    )
    picked, why = pick_keyring(chainer_cls())
    assert picked is good and "SecretService" in why
    backend = KeyringBackend(picked)
    assert backend.description.startswith("OS keyring")


def test_pick_reports_why_nothing_was_acceptable() -> None:
    picked, why = pick_keyring(keyring.backends.fail.Keyring())
    assert picked is None and "fail.Keyring" in why


def test_keyring_backend_round_trip_and_locked() -> None:
    kr = DictKeyring()
    backend = KeyringBackend(kr, service="svc")
    backend.set("a", "1")
    assert backend.get("a") == "1" and kr.values == {("svc", "a"): "1"}
    backend.delete("a")
    backend.delete("a")  # absent: no error
    assert backend.get("a") is None
    kr.locked = True
    with pytest.raises(KeyringLockedError, match="locked: unlock it"):
        backend.get("a")
    with pytest.raises(KeyringLockedError):
        backend.set("a", "2")
    with pytest.raises(KeyringLockedError):
        backend.delete("a")


def test_keyring_backend_turns_dbus_errors_into_clear_ones(request: pytest.FixtureRequest) -> None:
    class Broken(DictKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise ConnectionRefusedError("no session bus")

    # keyring registers every backend class it sees defined: unregister this one, or later
    # tests' keyring discovery finds a "keyring" that refuses every call.
    request.addfinalizer(lambda: keyring.backend.KeyringBackend._classes.discard(Broken))

    with pytest.raises(BackendUnavailableError, match=r"not reachable.*no session bus"):
        KeyringBackend(Broken()).get("x")


def test_memory_backend_carries_a_notice() -> None:
    memory = MemoryBackend()
    memory.set("k", "v")
    assert memory.get("k") == "v" and not memory.persistent
    assert memory.notice == MEMORY_NOTICE and "lost when the app quits" in MEMORY_NOTICE


# -- encrypted file -------------------------------------------------------------------


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    return tmp_path / "keys.enc"


def test_encrypted_round_trip_and_format(key_file: Path) -> None:
    backend = EncryptedFileBackend(key_file, b"pass phrase", scrypt_n=FAST_N)
    backend.set("prod/merchant/1", "SECRET-VALUE")
    backend.set("prod/gateway", "PUBLIC")
    raw = key_file.read_bytes()
    assert b"SECRET-VALUE" not in raw and b"prod/merchant" not in raw
    doc = json.loads(raw)
    assert doc["kdf"] == {"name": "scrypt", "n": FAST_N, "r": 8, "p": 1, "salt": doc["kdf"]["salt"]}
    assert len(base64.b64decode(doc["kdf"]["salt"])) == 16
    assert len(base64.b64decode(doc["nonce"])) == 12 and doc["cipher"] == "AES-256-GCM"
    again = EncryptedFileBackend(key_file, b"pass phrase", scrypt_n=FAST_N)
    assert again.get("prod/merchant/1") == "SECRET-VALUE"
    nonce = doc["nonce"]
    again.delete("prod/gateway")
    assert json.loads(key_file.read_bytes())["nonce"] != nonce  # a fresh nonce per save
    assert again.get("prod/gateway") is None
    assert "SECRET" not in repr(again) and "pass phrase" not in repr(again)


def test_wrong_passphrase_changes_nothing(key_file: Path) -> None:
    EncryptedFileBackend(key_file, b"right", scrypt_n=FAST_N).set("a", "1")
    before = key_file.read_bytes()
    wrong = EncryptedFileBackend(key_file, b"wrong", scrypt_n=FAST_N)
    for action in (lambda: wrong.get("a"), lambda: wrong.set("b", "2"), lambda: wrong.delete("a")):
        with pytest.raises(
            WrongPassphraseError,
            match=f"wrong passphrase for key file {key_file}.*nothing was changed",
        ):
            action()
    assert key_file.read_bytes() == before


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        (lambda raw: raw[: len(raw) // 2], "not valid JSON"),
        (lambda raw: b"", "not valid JSON"),
        (lambda raw: b"\x00\x01garbage", "not valid JSON"),
        (lambda raw: json.dumps({"format": "other"}).encode(), "not a cashier-keystore file"),
        (lambda raw: _edit(raw, lambda d: d.update(version=2)), "format version 2"),
        (lambda raw: _edit(raw, lambda d: d["kdf"].update(n=2**30)), "out of range"),
        (lambda raw: _edit(raw, lambda d: d["kdf"].update(n=1000)), "out of range"),
        (lambda raw: _edit(raw, lambda d: d["kdf"].update(r=1)), "key derivation"),
        (lambda raw: _edit(raw, lambda d: d.pop("nonce")), "missing or malformed"),
        (lambda raw: _edit(raw, lambda d: d.update(nonce="!!")), "missing or malformed"),
    ],
)
def test_corrupt_file_is_reported_and_left_untouched(
    key_file: Path, damage: object, problem: str
) -> None:
    EncryptedFileBackend(key_file, b"pw", scrypt_n=FAST_N).set("a", "1")
    broken = damage(key_file.read_bytes())  # type: ignore[operator]
    key_file.write_bytes(broken)
    backend = EncryptedFileBackend(key_file, b"pw", scrypt_n=FAST_N)
    with pytest.raises(CorruptKeyFileError) as err:
        backend.set("b", "2")
    assert problem in str(err.value) and str(key_file) in str(err.value)
    assert "left untouched" in str(err.value)
    assert key_file.read_bytes() == broken


def _edit(raw: bytes, change: object) -> bytes:
    doc = json.loads(raw)
    change(doc)  # type: ignore[operator]
    return json.dumps(doc).encode()


def test_header_is_authenticated(key_file: Path) -> None:
    EncryptedFileBackend(key_file, b"pw", scrypt_n=FAST_N).set("a", "1")
    doc = json.loads(key_file.read_bytes())
    doc["kdf"]["n"] = FAST_N * 2  # a valid-looking but altered parameter
    key_file.write_text(json.dumps(doc))
    with pytest.raises(WrongPassphraseError, match="or the file was altered"):
        EncryptedFileBackend(key_file, b"pw", scrypt_n=FAST_N).get("a")
    doc = json.loads(key_file.read_bytes())
    doc["kdf"]["n"] = FAST_N
    ct = bytearray(base64.b64decode(doc["ciphertext"]))
    ct[0] ^= 1
    doc["ciphertext"] = base64.b64encode(bytes(ct)).decode()
    key_file.write_text(json.dumps(doc))
    with pytest.raises(WrongPassphraseError):
        EncryptedFileBackend(key_file, b"pw", scrypt_n=FAST_N).get("a")


def test_bad_parameters_and_passphrase_files(tmp_path: Path) -> None:
    with pytest.raises(KeyStoreError, match="passphrase is empty"):
        EncryptedFileBackend(tmp_path / "k", b"")
    with pytest.raises(ValueError, match="power of two"):
        EncryptedFileBackend(tmp_path / "k", b"x", scrypt_n=3 * 2**15)
    (tmp_path / "p").write_bytes(b"phrase\r\n")
    assert read_passphrase_file(tmp_path / "p") == b"phrase"
    (tmp_path / "e").write_bytes(b"\n")
    with pytest.raises(KeyStoreError, match="is empty"):
        read_passphrase_file(tmp_path / "e")
    with pytest.raises(KeyStoreError, match="cannot read passphrase file"):
        read_passphrase_file(tmp_path / "missing")
