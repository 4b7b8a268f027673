"""The key store: each profile's merchant key pair(s) and gateway public key.

Layout (names inside the backend, service ``cashier``):
``<profile>/merchant/<keyVersion>`` the merchant private key, PKCS#8 DER in base64;
``<profile>/gateway`` the gateway public key, SPKI DER in base64;
``<profile>/index`` JSON ``{"versions": [...]}`` since keyrings cannot list their entries.

Keys are written before the index names them and dropped from the index before they are
deleted, so an interruption leaves at worst an unreferenced entry, never a dangling one.

Outside this package key material only travels as ``Signer`` / ``Verifier`` objects (which
never reveal it) and as *public* keys; private key text is parsed here and stored here.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from cryptography.hazmat.primitives.asymmetric import rsa

from cashier_app.domain.errors import CashierError, Term
from cashier_app.domain.values import dataclass
from cashier_app.gateway import demo_keys
from cashier_app.gateway.signing import (
    KeyFormatError,
    Signer,
    Verifier,
    fingerprint,
    generate_private_key,
    load_private_key,
    load_public_key,
    private_key_pkcs8_base64,
    public_key_base64,
    public_key_pem,
)
from cashier_app.support import paths

from .backends import (
    SERVICE,
    BackendUnavailableError,
    EncryptedFileBackend,
    KeyFormatChoiceError,
    KeyringBackend,
    KeyStoreError,
    MemoryBackend,
    PassphraseRequiredError,
    SecretBackend,
    WrongPassphraseError,
    pick_keyring,
    read_passphrase_file,
)
from .profiles import Profile, ProfileError, check_key_version

if TYPE_CHECKING:  # imported when a key is imported or checked: never for the sandbox
    from . import diagnostics

KEY_FILE_NAME = "keys.enc"
ENV_BACKEND = "CASHIER_KEYSTORE"  #: auto | keyring | file
ENV_PASSPHRASE_FILE = "CASHIER_KEYSTORE_PASSPHRASE_FILE"

Mode = Literal["auto", "keyring", "file"]


class KeyNotFoundError(KeyStoreError):
    """The profile has no such key yet; the message says which command adds it."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "profile_has_no_merchant_private_key": "profile {name!r} has no merchant private key "
        "version {version}: add one with 'cashier keys generate --profile {name}' or 'cashier "
        "keys import --profile {name} --from-file FILE'",
        "profile_has_no_key_version": "profile {name!r} has no key version {version}",
        "profile_has_no_gateway_public_key": "profile {name!r} has no gateway public key: add it "
        "with 'cashier keys import-gateway-key --profile {name} --from-file FILE'",
    }


@dataclass(frozen=True, slots=True)
class KeyInfo:
    """A public view of one stored key: safe to print, log and show."""

    kind: Literal["merchant", "gateway"]
    key_version: str | None  #: merchant keys only
    fingerprint: str
    public_key_base64: str  #: bare base64 SPKI, the Antom Dashboard's form
    bits: int

    @property
    def public_key_pem(self) -> str:
        return public_key_pem(load_public_key(self.public_key_base64))


@dataclass(frozen=True, slots=True)
class KeyStatus:
    """What a profile has in the store, for ``profile show`` / ``keys fingerprint`` / the UI."""

    profile: str
    backend: str
    notice: str | None
    active_version: str
    versions: tuple[str, ...]
    merchant: KeyInfo | None  #: the active version's key
    gateway: KeyInfo | None
    #: ``backend`` and ``notice`` as codes, for a UI that names them in its own language:
    #: the backend's kind and where (SecretBackend.kind / .where); the notice's code
    #: (``memory-only``, ``key-file-ignored``) and the path it names.
    backend_kind: str = ""
    backend_where: str = ""
    notice_code: str = ""
    notice_where: str = ""


def key_file_path() -> Path:
    return paths.data_dir() / KEY_FILE_NAME


def _info(
    kind: Literal["merchant", "gateway"], key: rsa.RSAPublicKey, version: str | None = None
) -> KeyInfo:
    return KeyInfo(kind, version, fingerprint(key), public_key_base64(key), key.key_size)


#: Embedded-sandbox keys of this process: shared by every KeyStore, gone when it exits.
_PROCESS_MEMORY = MemoryBackend()


class KeyStore:
    """Keys of every profile. Embedded-sandbox profiles use process memory; all others the
    persistent backend (OS keyring or encrypted file) chosen by ``KeyStore.open``."""

    def __init__(
        self,
        backend: SecretBackend | None,
        *,
        unavailable_reason: str | CashierError = "",
        notice: str | None = None,
        memory: MemoryBackend | None = None,
        needs_passphrase: bool = False,
    ) -> None:
        self._backend = backend
        self._needs_passphrase = needs_passphrase
        self._memory = memory if memory is not None else _PROCESS_MEMORY
        self._unavailable = unavailable_reason
        self._notice = notice
        self._ignored_key_file: Path | None = None  #: the key file the notice names
        self._lock = threading.RLock()

    @classmethod
    def open(
        cls,
        mode: str | None = None,
        *,
        passphrase: bytes | None = None,
        passphrase_file: str | os.PathLike[str] | None = None,
        key_file: Path | None = None,
        keyring_backend: Any | None = None,
        service: str = SERVICE,
        scrypt_n: int | None = None,
    ) -> KeyStore:
        """Choose the persistent backend by priority.

        ``mode`` (default: ``$CASHIER_KEYSTORE`` or ``auto``): ``keyring`` = the OS keyring
        only; ``file`` = the encrypted key file only; ``auto`` = the OS keyring when one that
        is really secure is available, else the encrypted file, which needs a passphrase
        (``passphrase``, ``passphrase_file`` or ``$CASHIER_KEYSTORE_PASSPHRASE_FILE``).
        Never fails: without a backend the store still serves the embedded sandbox and
        explains the problem when a real profile's keys are asked for.
        """
        chosen = (mode or os.environ.get(ENV_BACKEND) or "auto").strip().lower()
        if chosen not in ("auto", "keyring", "file"):
            raise KeyStoreError.of("key_store_not_one_auto_keyring", chosen=chosen)
        key_file = key_file or key_file_path()
        reasons: list[CashierError] = []
        needs_passphrase = False
        if chosen in ("auto", "keyring"):
            picked, why = pick_keyring(keyring_backend)
            if picked is not None:
                note = None
                if key_file.exists():
                    note = (
                        f"an encrypted key file exists at {key_file} but the OS keyring "
                        "is in use; choose it with --keystore file"
                    )
                store = cls(KeyringBackend(picked, service), notice=note)
                store._ignored_key_file = key_file if note else None
                return store
            reasons.append(BackendUnavailableError.of("no_usable_keyring", why=why))
        if chosen in ("auto", "file"):
            try:
                if passphrase is None:
                    source = passphrase_file or os.environ.get(ENV_PASSPHRASE_FILE)
                    if source:
                        passphrase = read_passphrase_file(source)
                if passphrase is not None:
                    kwargs = {"scrypt_n": scrypt_n} if scrypt_n else {}
                    return cls(EncryptedFileBackend(key_file, passphrase, **kwargs))
            except WrongPassphraseError as exc:
                reasons.append(exc)
                needs_passphrase = True
            except KeyStoreError as exc:
                reasons.append(exc)
            else:
                reasons.append(
                    PassphraseRequiredError.of("needs_passphrase_file", env=ENV_PASSPHRASE_FILE)
                )
                needs_passphrase = True
        reason = (
            BackendUnavailableError.of("two_reasons", first=reasons[0], second=reasons[1])
            if len(reasons) > 1
            else reasons[0]
        )
        return cls(None, unavailable_reason=reason, needs_passphrase=needs_passphrase)

    @classmethod
    def open_interactive(cls, passphrase: bytes | None = None) -> KeyStore:
        """``open`` for a program that can ask its user: raises PassphraseRequiredError when
        only the encrypted key file is left and no passphrase was given (nor a passphrase
        file configured), so the caller asks and calls again."""
        keys = cls.open(passphrase=passphrase)
        if keys.available or passphrase is not None:
            return keys
        mode = (os.environ.get(ENV_BACKEND) or "auto").strip().lower()
        # The encrypted file is what "file" chose, and what "auto" falls back to when no
        # acceptable keyring exists: either way its passphrase is what is missing.
        if (
            mode != "keyring"
            and not os.environ.get(ENV_PASSPHRASE_FILE)
            and (mode == "file" or pick_keyring()[0] is None)
        ):
            raise PassphraseRequiredError.of("reason", reason=keys.unavailable_error)
        return keys

    # -- backends -------------------------------------------------------------------------
    @property
    def available(self) -> bool:
        """True when real (non-sandbox) profiles can keep keys here."""
        return self._backend is not None

    @property
    def unavailable_reason(self) -> str:
        return str(self._unavailable)

    @property
    def unavailable_error(self) -> CashierError:
        """Why no real profile can keep keys here, as an error to render."""
        if isinstance(self._unavailable, CashierError):
            return self._unavailable
        return BackendUnavailableError.of("reason", reason=self._unavailable)

    @property
    def persistent_backend(self) -> SecretBackend | None:
        return self._backend

    def backend_for(self, profile: Profile) -> SecretBackend:
        if profile.is_embedded_sandbox:
            return self._memory
        if self._backend is None:
            error = PassphraseRequiredError if self._needs_passphrase else BackendUnavailableError
            raise error.of("no_store_for_profile", name=profile.name, reason=self.unavailable_error)
        return self._backend

    def notice_for(self, profile: Profile) -> str | None:
        """Text the UI and CLI show next to the profile (memory-only keys, ignored file)."""
        if profile.is_embedded_sandbox:
            return self._memory.notice
        return self._notice

    def __repr__(self) -> str:
        return f"<KeyStore backend={self._backend!r}>"

    # -- index ----------------------------------------------------------------------------
    @staticmethod
    def _name(profile: Profile, *parts: str) -> str:
        return "/".join((profile.name, *parts))

    def versions(self, profile: Profile) -> tuple[str, ...]:
        """Stored merchant key versions, oldest first."""
        raw = self.backend_for(profile).get(self._name(profile, "index"))
        if not raw:
            return ()
        try:
            data = json.loads(raw)
            versions = data["versions"]
            if not all(isinstance(v, str) for v in versions):
                raise TypeError
        except (ValueError, KeyError, TypeError):
            raise KeyStoreError.of(
                "key_index_profile_damaged_re_import", name=profile.name
            ) from None
        return tuple(sorted(set(versions), key=int))

    def _set_versions(self, profile: Profile, versions: set[str] | tuple[str, ...]) -> None:
        backend = self.backend_for(profile)
        ordered = sorted(set(versions), key=int)
        if ordered:
            backend.set(self._name(profile, "index"), json.dumps({"versions": ordered}))
        else:
            backend.delete(self._name(profile, "index"))

    # -- merchant keys --------------------------------------------------------------------
    def _store_private(
        self, profile: Profile, key: rsa.RSAPrivateKey, version: str | None, replace: bool
    ) -> KeyInfo:
        version = check_key_version(version or profile.key_version)
        _refuse_demo_key(profile, key)
        with self._lock:
            existing = self.versions(profile)
            if version in existing and not replace:
                raise KeyStoreError.of(
                    "profile_already_has_key_version_delete", name=profile.name, version=version
                )
            backend = self.backend_for(profile)
            text = demo_keys.stored_form(key) or private_key_pkcs8_base64(key)
            backend.set(self._name(profile, "merchant", version), text)
            self._set_versions(profile, {*existing, version})
        return _info("merchant", key.public_key(), version)

    def generate(
        self, profile: Profile, key_version: str | None = None, *, replace: bool = False
    ) -> KeyInfo:
        """A new RSA-2048 pair for ``key_version`` (default: the profile's)."""
        return self._store_private(profile, generate_private_key(), key_version, replace)

    def import_private_key(
        self,
        profile: Profile,
        data: str | bytes,
        *,
        passphrase: bytes | None = None,
        key_version: str | None = None,
        replace: bool = False,
    ) -> KeyInfo:
        """Store a private key given as PEM (PKCS#1/PKCS#8, encrypted) or bare base64."""
        from . import diagnostics

        key = diagnostics.parse_private_key(data, passphrase)
        return self._store_private(profile, key, key_version, replace)

    def _private(self, profile: Profile, version: str | None = None) -> rsa.RSAPrivateKey:
        version = version or profile.key_version
        value = self.backend_for(profile).get(self._name(profile, "merchant", version))
        demo = demo_keys.parsed_demo_key(value) if value is not None else None
        if demo is not None:  # the published demo key: parsed once, sandbox profile only
            _refuse_demo_key(profile, demo)
            return demo
        if value is None:
            raise KeyNotFoundError.of(
                "profile_has_no_merchant_private_key", name=profile.name, version=version
            )
        try:
            return load_private_key(value)
        except KeyFormatError:
            raise KeyStoreError.of(
                "stored_private_key_profile_version_damaged", name=profile.name, version=version
            ) from None

    def merchant_public_key(
        self, profile: Profile, key_version: str | None = None
    ) -> rsa.RSAPublicKey:
        return self._private(profile, key_version).public_key()

    def merchant_info(self, profile: Profile, key_version: str | None = None) -> KeyInfo:
        version = key_version or profile.key_version
        return _info("merchant", self.merchant_public_key(profile, version), version)

    def export_public(
        self, profile: Profile, fmt: str = "base64", key_version: str | None = None
    ) -> str:
        """The merchant public key as bare base64 SPKI (what the Antom Dashboard asks for)
        or as PEM."""
        key = self.merchant_public_key(profile, key_version)
        if fmt == "base64":
            return public_key_base64(key)
        if fmt == "pem":
            return public_key_pem(key)
        raise KeyFormatChoiceError.of("format_not_base64_pem", fmt=fmt)

    def check(
        self, profile: Profile, public_key: str | bytes, key_version: str | None = None
    ) -> bool:
        """Does the stored private key belong to ``public_key`` (e.g. the one uploaded)?"""
        from . import diagnostics

        given = diagnostics.parse_public_key(public_key)
        return diagnostics.same_key(given, self.merchant_public_key(profile, key_version))

    def rotate(self, profile: Profile) -> KeyInfo:
        """Generate the next key version; older versions stay until deleted. The caller
        records the new version in the profile once the Dashboard has the new public key."""
        with self._lock:
            known = [int(v) for v in (*self.versions(profile), profile.key_version)]
            return self._store_private(
                profile, generate_private_key(), str(max(known) + 1), replace=False
            )

    def delete_version(self, profile: Profile, key_version: str) -> None:
        """Delete one merchant key version."""
        version = check_key_version(key_version)
        with self._lock:
            existing = self.versions(profile)
            backend = self.backend_for(profile)
            if (
                version not in existing
                and backend.get(self._name(profile, "merchant", version)) is None
            ):
                raise KeyNotFoundError.of(
                    "profile_has_no_key_version", name=profile.name, version=version
                )
            self._set_versions(profile, tuple(v for v in existing if v != version))
            backend.delete(self._name(profile, "merchant", version))

    # -- gateway key ----------------------------------------------------------------------
    def import_gateway_key(self, profile: Profile, data: str | bytes) -> KeyInfo:
        """Store the gateway's public key; refuses our own key and private keys."""
        own: list[rsa.RSAPublicKey] = []
        for version in self.versions(profile):
            try:
                own.append(self.merchant_public_key(profile, version))
            except KeyStoreError:
                continue
        from . import diagnostics

        key = diagnostics.parse_gateway_key(data, own)
        _refuse_demo_key(profile, key)
        self.backend_for(profile).set(self._name(profile, "gateway"), public_key_base64(key))
        return _info("gateway", key)

    def gateway_public_key(self, profile: Profile) -> rsa.RSAPublicKey:
        value = self.backend_for(profile).get(self._name(profile, "gateway"))
        if value is None:
            raise KeyNotFoundError.of("profile_has_no_gateway_public_key", name=profile.name)
        try:
            return load_public_key(value)
        except KeyFormatError:
            raise KeyStoreError.of(
                "stored_gateway_key_profile_damaged_import", name=profile.name
            ) from None

    def delete_gateway_key(self, profile: Profile) -> None:
        self.backend_for(profile).delete(self._name(profile, "gateway"))

    def delete_all(self, profile: Profile) -> None:
        """Every key of ``profile`` (used when the profile itself is deleted)."""
        with self._lock:
            for version in self.versions(profile):
                self.delete_version(profile, version)
            self.delete_gateway_key(profile)

    # -- status and use -------------------------------------------------------------------
    def status(self, profile: Profile) -> KeyStatus:
        versions = self.versions(profile)
        merchant = gateway = None
        if profile.key_version in versions:
            merchant = self.merchant_info(profile)
        try:
            gateway = _info("gateway", self.gateway_public_key(profile))
        except KeyNotFoundError:
            gateway = None
        backend = self.backend_for(profile)
        notice = self.notice_for(profile)
        notice_code = ""
        if notice is not None:
            notice_code = "memory-only" if profile.is_embedded_sandbox else "key-file-ignored"
        return KeyStatus(
            profile.name,
            backend.description,
            notice,
            profile.key_version,
            versions,
            merchant,
            gateway,
            backend_kind=backend.kind,
            backend_where=backend.where,
            notice_code=notice_code,
            notice_where=str(self._ignored_key_file or ""),
        )

    def problems(self, profile: Profile) -> list[diagnostics.KeyProblem]:
        """Diagnoses of the profile's stored keys taken together."""
        merchant = None
        if profile.key_version in self.versions(profile):
            merchant = self.merchant_public_key(profile)
        try:
            gateway = self.gateway_public_key(profile)
        except KeyNotFoundError:
            gateway = None
        from . import diagnostics

        return diagnostics.diagnose_pair(merchant, gateway)

    def signer(self, profile: Profile) -> Signer:
        """The request signer for the profile's active key version."""
        return Signer(self._private(profile), profile.key_version)

    def verifier(self, profile: Profile) -> Verifier:
        """The verifier of gateway responses and notifications."""
        return Verifier(self.gateway_public_key(profile))

    # -- the store server's password (issue 17) -----------------------------------------
    @staticmethod
    def _store_name(dsn: str) -> str:
        # "@" is never in a profile name, so this never meets a profile's entries.
        return "@store/" + hashlib.sha256(dsn.encode("utf-8")).hexdigest()[:32] + "/password"

    def _store_backend(self) -> SecretBackend:
        if self._backend is None:
            error = PassphraseRequiredError if self._needs_passphrase else BackendUnavailableError
            raise error.of("no_store_for_store_password", reason=self.unavailable_error)
        return self._backend

    def set_store_password(self, dsn: str, password: str | None) -> None:
        """Keep the password of the store server at ``dsn`` (the DSN without it); None
        forgets it. Never written anywhere else."""
        with self._lock:
            if password is None:
                self._store_backend().delete(self._store_name(dsn))
            else:
                self._store_backend().set(self._store_name(dsn), password)

    def store_password(self, dsn: str) -> str | None:
        """The password kept for ``dsn``, None when there is none (or no backend)."""
        if self._backend is None:
            return None
        return self._backend.get(self._store_name(dsn))

    def ensure_sandbox_key(self, profile: Profile) -> KeyInfo:
        """The embedded sandbox's merchant key, in memory: the published demo merchant key
        (``gateway/demo_keys.py``; nothing is ever charged there) unless one was put there
        already."""
        if not profile.is_embedded_sandbox:
            raise ProfileError.of("profile_not_embedded_sandbox", name=profile.name)
        with self._lock:
            if profile.key_version not in self.versions(profile):
                return self._store_private(profile, demo_keys.merchant_key(), None, False)
            return self.merchant_info(profile)


def _refuse_demo_key(profile: Profile, key: rsa.RSAPrivateKey | rsa.RSAPublicKey) -> None:
    """The published demo keys belong to the embedded sandbox profile only."""
    if profile.is_embedded_sandbox or not demo_keys.is_demo_fingerprint(fingerprint(key)):
        return
    which = Term("merchant" if fingerprint(key) == demo_keys.MERCHANT_FINGERPRINT else "gateway")
    raise KeyStoreError.of(
        "published_embedded_sandbox_demo_key_cannot", which=which, name=profile.name
    )
