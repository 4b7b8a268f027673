"""Test doubles shared by the key store, CLI and GUI tests: a real keyring backend that
lives in a dict, and the fragments that betray leaked private key material."""

from __future__ import annotations

import base64

import keyring.backend
import keyring.errors
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa


class DictKeyring(keyring.backend.KeyringBackend):
    """A real keyring backend that keeps passwords in a dict; ``locked`` simulates a locked
    Secret Service collection."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}
        self.locked = False

    def _check(self) -> None:
        if self.locked:
            raise keyring.errors.KeyringLocked("collection is locked")

    def get_password(self, service: str, username: str) -> str | None:
        self._check()
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._check()
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._check()
        if (service, username) not in self.values:
            raise keyring.errors.PasswordDeleteError("not found")
        del self.values[(service, username)]


# Keep the test double out of keyring's own backend discovery for the rest of the session.
keyring.backend.KeyringBackend._classes.discard(DictKeyring)


def secret_fragments(key: rsa.RSAPrivateKey) -> list[str]:
    """Text that appears only when private key material leaked: 40-character windows of the
    private part of the PKCS#8 and PKCS#1 base64 (the first lines hold the public modulus,
    which may be printed), and the private exponent in decimal and hex."""
    fragments: list[str] = []
    for fmt in (serialization.PrivateFormat.PKCS8, serialization.PrivateFormat.TraditionalOpenSSL):
        der = key.private_bytes(serialization.Encoding.DER, fmt, serialization.NoEncryption())
        b64 = base64.b64encode(der).decode()
        fragments += [b64[i : i + 40] for i in range(448, len(b64) - 40, 40)]
    d = key.private_numbers().d
    fragments += [str(d)[:40], format(d, "x")[:40], format(d, "X")[:40]]
    return fragments
