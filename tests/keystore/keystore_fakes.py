"""Test doubles for the key store: a real keyring backend that lives in a dict."""

from __future__ import annotations

import keyring.backend
import keyring.errors


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
