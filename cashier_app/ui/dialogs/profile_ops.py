"""Blocking profile and key-store work for the Profiles & keys dialog (run on workers only).

Every function here may touch the profiles file, the OS keyring, the encrypted key file or
do RSA work (key generation, scrypt), so the dialog calls them through ``TaskRunner``. They
return public views only (``Profile``, ``KeyStatus``, ``KeyInfo``, ``KeyProblem``): private
key text goes in, never out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from cashier_app.keystore import diagnostics
from cashier_app.keystore.backends import KeyStoreError
from cashier_app.keystore.profiles import Profile, ProfileStore
from cashier_app.keystore.store import KeyInfo, KeyStatus, KeyStore

#: Key files larger than this are not keys (diagnostics refuses them with a message too).
MAX_KEY_FILE = 256 * 1024


@dataclass(frozen=True, slots=True)
class Overview:
    """What the profile list shows: every profile and the name of the active one."""

    profiles: tuple[Profile, ...]
    active: str


@dataclass(frozen=True, slots=True)
class Diagnosis:
    """The result of checking pasted key text before it is saved."""

    ok: bool
    code: str = ""
    message: str = ""
    fingerprint: str = ""  #: SHA-256 of the key (public half), when it parsed


def overview(store: ProfileStore) -> Overview:
    return Overview(tuple(store.list()), store.active_name())


def status(keys: KeyStore, profile: Profile, embedded_gateway_key: str | None = None) -> KeyStatus:
    """The profile's keys (the embedded sandbox's pair is created in memory on first use).
    For the embedded sandbox, ``embedded_gateway_key`` (bare base64) is the key its answers
    are verified with: the running sandbox's own, never stored."""
    if not profile.is_embedded_sandbox:
        return keys.status(profile)
    keys.ensure_sandbox_key(profile)
    found = keys.status(profile)
    if embedded_gateway_key is None or found.gateway is not None:
        return found
    from cashier_app.gateway.signing import load_public_key, public_key_base64

    key = load_public_key(embedded_gateway_key)
    gateway = KeyInfo("gateway", None, fingerprint_of(key), public_key_base64(key), key.key_size)
    return replace(found, gateway=gateway)


def diagnose_private(text: str, passphrase: bytes | None) -> Diagnosis:
    try:
        key = diagnostics.parse_private_key(text, passphrase or None)
    except diagnostics.KeyDiagnosisError as exc:
        return Diagnosis(False, exc.code, str(exc.problem))
    return Diagnosis(True, fingerprint=fingerprint_of(key.public_key()))


def diagnose_gateway(keys: KeyStore, profile: Profile, text: str) -> Diagnosis:
    """Parse a pasted gateway key and compare it with every stored merchant key version."""
    own = []
    try:
        for version in keys.versions(profile):
            try:
                own.append(keys.merchant_public_key(profile, version))
            except KeyStoreError:
                continue
    except KeyStoreError:
        pass  # the store itself is unreachable: the import will say so
    try:
        key = diagnostics.parse_gateway_key(text, own)
    except diagnostics.KeyDiagnosisError as exc:
        return Diagnosis(False, exc.code, str(exc.problem))
    return Diagnosis(True, fingerprint=fingerprint_of(key))


def fingerprint_of(key: object) -> str:
    from cashier_app.gateway.signing import fingerprint

    return fingerprint(key)  # type: ignore[arg-type]


def read_key_file(path: str) -> str:
    """A key file's text; clear messages for a missing, unreadable or oversized file."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > MAX_KEY_FILE:
            raise KeyStoreError.of(
                "bytes_far_larger_than_key_file", name=file.name, size=f"{size:,}"
            )
        data = file.read_bytes()
    except OSError as exc:
        raise KeyStoreError.of("cannot_read", name=file.name, problem=exc) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise KeyStoreError.of("binary_der_not_pem_base64_text", name=file.name) from None


def import_private(
    keys: KeyStore, profile: Profile, text: str, passphrase: bytes | None, replace: bool
) -> KeyStatus:
    keys.import_private_key(profile, text, passphrase=passphrase or None, replace=replace)
    return keys.status(profile)


def import_private_file(
    keys: KeyStore, profile: Profile, path: str, passphrase: bytes | None, replace: bool
) -> KeyStatus:
    return import_private(keys, profile, read_key_file(path), passphrase, replace)


def import_gateway(keys: KeyStore, profile: Profile, text: str) -> KeyStatus:
    keys.import_gateway_key(profile, text)
    return keys.status(profile)


def import_gateway_file(keys: KeyStore, profile: Profile, path: str) -> KeyStatus:
    return import_gateway(keys, profile, read_key_file(path))


def generate(keys: KeyStore, profile: Profile, replace: bool) -> KeyStatus:
    keys.generate(profile, replace=replace)
    return keys.status(profile)


def check_pair(keys: KeyStore, profile: Profile, public_text: str) -> tuple[bool | None, list[str]]:
    """Does the stored private key match ``public_text`` (when given)? Plus the code of
    every problem of the stored keys taken together (the panel words them)."""
    problems = [p.code for p in keys.problems(profile)]
    if not public_text.strip():
        return None, problems  # no public key to compare with: the stored keys only
    return keys.check(profile, public_text), problems


def save_public_pem(keys: KeyStore, profile: Profile, path: str) -> str:
    pem = keys.export_public(profile, "pem")
    try:
        Path(path).write_text(pem, encoding="ascii")
    except OSError as exc:
        raise KeyStoreError.of("cannot_save", name=Path(path).name, problem=exc) from None
    return path


def delete_version(keys: KeyStore, profile: Profile, version: str) -> KeyStatus:
    keys.delete_version(profile, version)
    return keys.status(profile)


def delete_gateway(keys: KeyStore, profile: Profile) -> KeyStatus:
    keys.delete_gateway_key(profile)
    return keys.status(profile)


def delete_profile(store: ProfileStore, keys: KeyStore | None, name: str) -> Overview:
    profile = store.get(name)
    if keys is not None and keys.available and not profile.is_embedded_sandbox:
        keys.delete_all(profile)
    store.delete(name)
    return overview(store)


def use_profile(store: ProfileStore, name: str) -> Overview:
    store.use(name)
    return overview(store)


def save_profile(store: ProfileStore, profile: Profile, replace: bool) -> Overview:
    store.save(profile, replace_existing=replace)
    return overview(store)


def set_key_version(store: ProfileStore, name: str, version: str) -> Overview:
    store.update(name, key_version=version)
    return overview(store)


def rotate(keys: KeyStore, profile: Profile) -> str:
    """Generate the next key version; returns it (the profile keeps its current one)."""
    info = keys.rotate(profile)
    return info.key_version or ""
