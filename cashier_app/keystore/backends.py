"""Where secrets are kept: the OS keyring, a passphrase-encrypted file, or (sandbox) memory.

Each backend stores short text values under names; ``KeyStore`` (store.py) decides what the
names and values are. Backends raise ``KeyStoreError`` subclasses with messages that say
what went wrong and what to do, never the secret itself.

Keyring backends are accepted only when they really are a secure store: the ``fail`` and
``null`` keyrings, anything from ``keyrings.alt`` (plain-text and home-made encrypted files)
and zero-priority backends are refused, as vorta's ``is_system`` check does. A chainer
backend is looked through, and its best acceptable member is used on its own.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import os
import secrets
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

from cryptography.exceptions import InvalidTag

from cashier_app.domain.errors import CashierError, Term
from cashier_app.support.logs import register_secret

from .atomic import FileLockTimeout, atomic_write, locked

SERVICE = "cashier"


class KeyStoreError(CashierError):
    """A key store problem the user can act on; the message says what to do."""

    layer = "keystore"
    #: what a keyring call did not do ("nothing was {what}")
    TERMS: ClassVar[tuple[str, ...]] = ("read", "changed", "merchant", "gateway")
    MESSAGES: ClassVar[dict[str, str]] = {
        "os_keyring_refused_request_nothing_was": "the OS keyring refused the request ({name}: "
        "{exc}); nothing was {what}",
        "os_keyring_could_not_delete_entry": "the OS keyring could not delete the entry ({name}: "
        "{exc})",
        "key_file_passphrase_empty": "the key file passphrase is empty",
        "cannot_read_key_file": "cannot read key file {path}: {problem}",
        "cannot_save_key_file_previous_version": "cannot save key file {path}: {problem}; the "
        "previous version is intact",
        "nothing_was_changed": "{exc}; nothing was changed",
        "cannot_read_passphrase_file": "cannot read passphrase file {path}: {problem}",
        "passphrase_file_empty": "passphrase file {path} is empty",
        "key_store_not_one_auto_keyring": "key store {chosen!r} is not one of auto, keyring, file",
        "key_index_profile_damaged_re_import": "the key index of profile {name!r} is damaged; "
        "re-import the keys",
        "profile_already_has_key_version_delete": "profile {name!r} already has a key version "
        "{version}; delete it first, rotate, or replace it explicitly",
        "stored_private_key_profile_version_damaged": "the stored private key of profile {name!r} "
        "(version {version}) is damaged; import it again",
        "stored_gateway_key_profile_damaged_import": "the stored gateway key of profile {name!r} "
        "is damaged; import it again",
        "published_embedded_sandbox_demo_key_cannot": "the published embedded-sandbox demo "
        "{which} key cannot be used for profile {name!r}: its private half is public; generate or "
        "import this profile's own key",
        "bytes_far_larger_than_key_file": "{name} is {size} bytes: far larger than a key file",
        "cannot_read": "cannot read {name}: {problem}",
        "binary_der_not_pem_base64_text": "{name} is binary (DER?), not PEM or base64 text; "
        "convert it with 'openssl pkey -inform DER'",
        "cannot_save": "cannot save {name}: {problem}",
        "format_not_base64_pem": "format {fmt!r} is not base64 or pem",
    }


class BackendUnavailableError(KeyStoreError):
    """No secure place to keep keys on this machine (or it cannot be reached)."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "os_keyring_not_usable": "OS keyring not usable: {refusal}",
        "no_usable_keyring": "no usable OS keyring ({why})",
        "two_reasons": "{first}; {second}",
        "reason": "{reason}",
        "no_store_for_profile": "no secure key store for profile {name!r}: {reason}",
        "no_store_for_store_password": "no secure key store for the store server's password: "
        "{reason}",
        "os_keyring_cannot_opened_nothing_was": "the OS keyring cannot be opened ({exc}); nothing "
        "was {what}",
        "os_keyring_not_reachable_nothing_was": "the OS keyring is not reachable ({name}: {exc}); "
        "nothing was {what}",
    }


class KeyFormatChoiceError(KeyStoreError, ValueError):
    """A key format the store does not export (only base64 and pem)."""


class PassphraseRequiredError(BackendUnavailableError):
    """Keys are in the encrypted key file and its passphrase is missing or wrong: asking
    the operator for it (GUI) or a passphrase file (CLI) unlocks the store."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "needs_passphrase_file": "the encrypted key file needs a passphrase: give "
        "--keystore-passphrase-file FILE or set {env}",
    }


class KeyringLockedError(KeyStoreError):
    """The OS keyring is locked and did not unlock."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "os_keyring_locked_unlock_log_desktop": "the OS keyring is locked: unlock it (log in to "
        "the desktop session or open the keyring manager) and retry; nothing was {what}",
        "os_keyring_locked_unlock_retry_nothing": "the OS keyring is locked: unlock it and retry; "
        "nothing was deleted",
    }


class WrongPassphraseError(PassphraseRequiredError):
    """The encrypted key file does not open with the given passphrase (ask again)."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "wrong_passphrase_key_file_file_was": "wrong passphrase for key file {path} (or the file "
        "was altered); nothing was changed",
    }


class CorruptKeyFileError(KeyStoreError):
    """The encrypted key file is damaged; it is left untouched."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "key_file_damaged_was_left_untouched": "key file {path} is damaged: {problem}. It was "
        "left untouched; restore it from a backup or move it away to start an empty one",
    }


class KeyFileProblem(KeyStoreError):
    """What is wrong inside a damaged key file (the cause a CorruptKeyFileError names)."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "too_large": "it is far larger than a key file can be",
        "not_format": "it is not a {format} file",
        "version": "its format version {version} is not supported",
        "kdf": "its key derivation parameters are not supported",
        "scrypt_n": "its scrypt parameter n={n} is out of range",
        "cipher": "its cipher parameters are not supported",
        "not_json": "it is not valid JSON (half-written or overwritten?)",
        "header": "a header field is missing or malformed",
        "content": "its decrypted content is not valid",
        "not_table": "its decrypted content is not a table of entries",
    }


class SecretBackend(ABC):
    """Text values by name. ``persistent`` is False for memory; ``notice`` is shown to users."""

    name: ClassVar[str] = "backend"
    persistent: ClassVar[bool] = True

    @property
    def description(self) -> str:
        return self.name

    @property
    def notice(self) -> str | None:
        return None

    @property
    def kind(self) -> str:
        """Which kind of store this is, for the UI to name in its language: ``memory``,
        ``os-keyring``, ``keyring`` or ``encrypted-file``; :attr:`where` says which one."""
        return self.name

    @property
    def where(self) -> str:
        """The keyring's class or the key file's path ("" for memory)."""
        return ""

    @abstractmethod
    def get(self, key: str) -> str | None: ...

    @abstractmethod
    def set(self, key: str, value: str) -> None: ...

    @abstractmethod
    def delete(self, key: str) -> None:
        """Remove ``key``; no error when it is absent."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.description}>"


# -- memory ---------------------------------------------------------------------------

MEMORY_NOTICE = (
    "Sandbox keys are kept in memory only: they are generated at start and lost when the app quits."
)


class MemoryBackend(SecretBackend):
    """Process memory; only for the embedded sandbox profile, whose keys are throwaway."""

    name = "memory"
    persistent = False

    def __init__(self) -> None:
        self._values: dict[str, str] = {}
        self._lock = threading.Lock()

    @property
    def description(self) -> str:
        return "memory (until the app quits)"

    @property
    def notice(self) -> str:
        return MEMORY_NOTICE

    def get(self, key: str) -> str | None:
        with self._lock:
            return self._values.get(key)

    def set(self, key: str, value: str) -> None:
        with self._lock:
            self._values[key] = value

    def delete(self, key: str) -> None:
        with self._lock:
            self._values.pop(key, None)


# -- OS keyring -----------------------------------------------------------------------

_REFUSED_MODULES = (
    "keyring.backends.fail",
    "keyring.backends.null",
    "keyrings.alt",
    "keyrings.cryptfile",
)
_SYSTEM_MODULES = (
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
    "keyring.backends.macOS",
    "keyring.backends.Windows",
)


def keyring_refusal(backend: Any) -> str | None:
    """Why ``backend`` (a keyring backend instance) is not acceptable, or None if it is."""
    module = type(backend).__module__
    label = f"{module}.{type(backend).__name__}"
    if any(module == m or module.startswith(m + ".") for m in _REFUSED_MODULES):
        if module.startswith(("keyrings.alt", "keyrings.cryptfile")):
            return f"{label} keeps secrets in a file it manages itself; refused"
        return f"{label} is not a real keyring (none available)"
    try:
        priority = float(backend.priority)
    except Exception as exc:
        return f"{label} is not usable: {exc}"
    if priority <= 0:
        return f"{label} has priority {priority:g} (not viable)"
    return None


def is_system_keyring(backend: Any) -> bool:
    """True for the operating system's own stores (Secret Service, KWallet, macOS, Windows)."""
    return type(backend).__module__ in _SYSTEM_MODULES


def pick_keyring(backend: Any | None = None) -> tuple[Any | None, str]:
    """The keyring backend to use and a note on why, given the configured one.

    ``backend`` defaults to ``keyring.get_keyring()``. Returns ``(None, reasons)`` when no
    acceptable backend exists.
    """
    if backend is None:
        import keyring

        backend = keyring.get_keyring()
    members = getattr(backend, "backends", None)
    candidates = (
        list(members)
        if members is not None and type(backend).__module__ == "keyring.backends.chainer"
        else [backend]
    )
    reasons: list[str] = []
    for candidate in sorted(candidates, key=_priority, reverse=True):
        refusal = keyring_refusal(candidate)
        if refusal is None:
            return candidate, f"{type(candidate).__module__}.{type(candidate).__name__}"
        reasons.append(refusal)
    return None, "; ".join(reasons) or "no keyring backend installed"


def _priority(backend: Any) -> float:
    try:
        return float(backend.priority)
    except Exception:
        return -1.0


class KeyringBackend(SecretBackend):
    """The OS keyring through the ``keyring`` package (Secret Service, KWallet, macOS
    Keychain, Windows Credential Locker)."""

    name = "keyring"

    def __init__(self, backend: Any, service: str = SERVICE) -> None:
        refusal = keyring_refusal(backend)
        if refusal is not None:
            raise BackendUnavailableError.of("os_keyring_not_usable", refusal=refusal)
        self._kr = backend
        self.service = service

    @property
    def keyring(self) -> Any:
        return self._kr

    @property
    def description(self) -> str:
        kind = "OS keyring" if is_system_keyring(self._kr) else "keyring"
        return f"{kind} ({self.where})"

    @property
    def kind(self) -> str:
        return "os-keyring" if is_system_keyring(self._kr) else "keyring"

    @property
    def where(self) -> str:
        return f"{type(self._kr).__module__}.{type(self._kr).__name__}"

    def _call(self, what: str, fn: Any, *args: str) -> Any:
        from keyring import errors

        try:
            return fn(self.service, *args)
        except errors.KeyringLocked:
            raise KeyringLockedError.of("os_keyring_locked_unlock_log_desktop", what=what) from None
        except errors.InitError as exc:
            raise BackendUnavailableError.of(
                "os_keyring_cannot_opened_nothing_was", exc=exc, what=what
            ) from None
        except errors.KeyringError as exc:
            raise KeyStoreError.of(
                "os_keyring_refused_request_nothing_was",
                name=type(exc).__name__,
                exc=_safe(exc),
                what=what,
            ) from None
        except Exception as exc:
            raise BackendUnavailableError.of(
                "os_keyring_not_reachable_nothing_was",
                name=type(exc).__name__,
                exc=_safe(exc),
                what=what,
            ) from None

    def get(self, key: str) -> str | None:
        value = self._call(Term("read"), self._kr.get_password, key)
        return value if isinstance(value, str) else None

    def set(self, key: str, value: str) -> None:
        self._call(Term("changed"), self._kr.set_password, key, value)

    def delete(self, key: str) -> None:
        from keyring import errors

        try:
            self._kr.delete_password(self.service, key)
        except errors.PasswordDeleteError:
            return  # already absent
        except errors.KeyringLocked:
            raise KeyringLockedError.of("os_keyring_locked_unlock_retry_nothing") from None
        except Exception as exc:
            raise KeyStoreError.of(
                "os_keyring_could_not_delete_entry", name=type(exc).__name__, exc=_safe(exc)
            ) from None


def _safe(exc: BaseException) -> str:
    # Backend errors never contain our values, but keep messages one short line anyway.
    text = " ".join(str(exc).split())
    return text[:200] or "no details"


# -- encrypted file -------------------------------------------------------------------

FILE_FORMAT = "cashier-keystore"
FILE_VERSION = 1
DEFAULT_SCRYPT_N = 2**17
MIN_SCRYPT_N = 2**15
MAX_SCRYPT_N = 2**20
_MAX_FILE_BYTES = 4 * 1024 * 1024


class EncryptedFileBackend(SecretBackend):
    """All values in one file, encrypted with AES-256-GCM under a key derived from a
    passphrase with scrypt (r=8, p=1). The header (format, version, KDF parameters, salt,
    nonce) is authenticated as associated data, so no byte of the file can change unnoticed.

    A wrong passphrase or a damaged file raises before anything is written, so existing
    keys are never lost; every save writes a fresh nonce and replaces the file atomically.
    """

    name = "encrypted-file"

    def __init__(self, path: Path, passphrase: bytes, *, scrypt_n: int = DEFAULT_SCRYPT_N) -> None:
        if not passphrase:
            raise KeyStoreError.of("key_file_passphrase_empty")
        if not MIN_SCRYPT_N <= scrypt_n <= MAX_SCRYPT_N or scrypt_n & (scrypt_n - 1):
            raise ValueError("scrypt n must be a power of two between 2**15 and 2**20")
        self.path = path
        self._passphrase = passphrase
        register_secret(passphrase)  # whatever else goes wrong, the log will not show it
        self._scrypt_n = scrypt_n
        self._keys: dict[tuple[bytes, int], bytes] = {}  # (salt, n) -> key: derive once
        self._lock = threading.Lock()

    @property
    def description(self) -> str:
        return f"encrypted file ({self.path})"

    @property
    def where(self) -> str:
        return str(self.path)

    def __repr__(self) -> str:
        return f"<EncryptedFileBackend {self.path}>"

    def _derive(self, salt: bytes, n: int) -> bytes:
        cached = self._keys.get((salt, n))
        if cached is None:
            from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

            cached = Scrypt(salt=salt, length=32, n=n, r=8, p=1).derive(self._passphrase)
            self._keys[(salt, n)] = cached
        return cached

    def _read(self) -> tuple[dict[str, str], tuple[bytes, int] | None]:
        """The decrypted values and the file's (salt, n), None when there is no file yet."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}, None
        except OSError as exc:
            raise KeyStoreError.of("cannot_read_key_file", path=self.path, problem=exc) from None
        if len(raw) > _MAX_FILE_BYTES:
            raise self._corrupt(KeyFileProblem.of("too_large"))
        try:
            doc = json.loads(raw.decode("utf-8"))
            if not isinstance(doc, dict) or doc.get("format") != FILE_FORMAT:
                raise self._corrupt(KeyFileProblem.of("not_format", format=FILE_FORMAT))
            if doc.get("version") != FILE_VERSION:
                raise self._corrupt(KeyFileProblem.of("version", version=repr(doc.get("version"))))
            kdf = doc["kdf"]
            if kdf.get("name") != "scrypt" or kdf.get("r") != 8 or kdf.get("p") != 1:
                raise self._corrupt(KeyFileProblem.of("kdf"))
            n = kdf["n"]
            if not isinstance(n, int) or not MIN_SCRYPT_N <= n <= MAX_SCRYPT_N or n & (n - 1):
                raise self._corrupt(KeyFileProblem.of("scrypt_n", n=repr(n)))
            salt = base64.b64decode(kdf["salt"], validate=True)
            nonce = base64.b64decode(doc["nonce"], validate=True)
            ciphertext = base64.b64decode(doc["ciphertext"], validate=True)
            if doc.get("cipher") != "AES-256-GCM" or len(salt) < 16 or len(nonce) != 12:
                raise self._corrupt(KeyFileProblem.of("cipher"))
        except KeyStoreError:
            raise
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise self._corrupt(KeyFileProblem.of("not_json")) from None
        except (KeyError, TypeError, AttributeError, binascii.Error, ValueError):
            raise self._corrupt(KeyFileProblem.of("header")) from None
        try:
            plain = _cipher(self._derive(salt, n)).decrypt(nonce, ciphertext, _aad(doc))
        except InvalidTag:
            raise WrongPassphraseError.of(
                "wrong_passphrase_key_file_file_was", path=self.path
            ) from None
        try:
            values = json.loads(plain.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise self._corrupt(KeyFileProblem.of("content")) from None
        if not isinstance(values, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in values.items()
        ):
            raise self._corrupt(KeyFileProblem.of("not_table"))
        return values, (salt, n)

    def _corrupt(self, problem: KeyFileProblem) -> CorruptKeyFileError:
        return CorruptKeyFileError.of(
            "key_file_damaged_was_left_untouched", path=self.path, problem=problem
        )

    def _write(self, values: dict[str, str], kdf: tuple[bytes, int] | None) -> None:
        salt, n = kdf if kdf is not None else (secrets.token_bytes(16), self._scrypt_n)
        nonce = secrets.token_bytes(12)
        doc: dict[str, Any] = {
            "format": FILE_FORMAT,
            "version": FILE_VERSION,
            "cipher": "AES-256-GCM",
            "kdf": {
                "name": "scrypt",
                "n": n,
                "r": 8,
                "p": 1,
                "salt": base64.b64encode(salt).decode("ascii"),
            },
            "nonce": base64.b64encode(nonce).decode("ascii"),
        }
        plain = json.dumps(values, sort_keys=True).encode("utf-8")
        doc["ciphertext"] = base64.b64encode(
            _cipher(self._derive(salt, n)).encrypt(nonce, plain, _aad(doc))
        ).decode("ascii")
        try:
            atomic_write(self.path, (json.dumps(doc, indent=1) + "\n").encode("ascii"), mode=0o600)
        except OSError as exc:
            raise KeyStoreError.of(
                "cannot_save_key_file_previous_version", path=self.path, problem=exc
            ) from None

    def get(self, key: str) -> str | None:
        with self._lock:
            return self._read()[0].get(key)

    def set(self, key: str, value: str) -> None:
        with self._lock, self._across_processes():
            values, kdf = self._read()
            values[key] = value
            self._write(values, kdf)

    def delete(self, key: str) -> None:
        with self._lock, self._across_processes():
            values, kdf = self._read()
            if key in values:
                del values[key]
                self._write(values, kdf)

    @contextlib.contextmanager
    def _across_processes(self) -> Iterator[None]:
        """Read-modify-write under a lock shared with every other cashier process."""
        try:
            with locked(self.path):
                yield
        except FileLockTimeout as exc:
            raise KeyStoreError.of("nothing_was_changed", exc=exc) from None


def _cipher(key: bytes) -> Any:
    """AES-256-GCM with ``key``, its module imported with the first key file read or
    written (with the ciphers of cryptography: the embedded sandbox's memory store, every
    headless sandbox ``cashier pay``, never needs them)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key)


def _aad(doc: dict[str, Any]) -> bytes:
    header = {k: doc[k] for k in ("format", "version", "cipher", "kdf", "nonce")}
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("ascii")


def read_passphrase_file(path: str | os.PathLike[str]) -> bytes:
    """A passphrase from a file: its content without one trailing newline."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise KeyStoreError.of("cannot_read_passphrase_file", path=path, problem=exc) from None
    if data.endswith(b"\r\n"):
        data = data[:-2]
    elif data.endswith(b"\n"):
        data = data[:-1]
    if not data:
        raise KeyStoreError.of("passphrase_file_empty", path=path)
    return data
