"""Keeps key material out of the event log: PEM private keys and secrets under key-like names."""

from __future__ import annotations

import re
from typing import Any

from cashier_app.support.redaction import _PEM_RE, REDACTED_PEM, redact_key_material

__all__ = ["REDACTED_PEM", "REDACTED_SECRET", "redact", "redact_key_material"]

REDACTED_SECRET = "[redacted: secret]"

#: Names under which a long opaque value is taken to be a secret.
_SECRET_NAME_RE = re.compile(r"private|secret|passphrase|password|passwd|token|key", re.I)
#: Names that look secret but are not (public keys, key versions, idempotency keys).
_HARMLESS_NAME_RE = re.compile(r"public|version|fingerprint|idempotency", re.I)
#: A long base64 / base64url blob (bare, possibly wrapped in whitespace).
_BLOB_RE = re.compile(r"^[A-Za-z0-9+/_=\-\s]{40,}$")


def _secret_name(name: str) -> bool:
    return bool(_SECRET_NAME_RE.search(name)) and not _HARMLESS_NAME_RE.search(name)


def redact(value: Any, name: str = "", *, found: list[str] | None = None, path: str = "") -> Any:
    """A copy of ``value`` with key material replaced; paths of what was hidden go to ``found``.

    Two rules: any text containing a PEM private key block has the block replaced, wherever
    it sits; and any long base64 blob under a key named like private/secret/key/token is
    replaced whole.
    """
    found = found if found is not None else []
    if isinstance(value, dict):
        return {
            k: redact(v, str(k), found=found, path=f"{path}.{k}" if path else str(k))
            for k, v in value.items()
        }
    if isinstance(value, (list, tuple)):
        return [redact(v, name, found=found, path=f"{path}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, (bytes, bytearray)):
        value = bytes(value).decode("utf-8", "replace")
    if isinstance(value, str):
        if "PRIVATE KEY" in value and _PEM_RE.search(value):
            found.append(path or name or "<value>")
            return _PEM_RE.sub(REDACTED_PEM, value)
        if name and _secret_name(name) and _BLOB_RE.match(value):
            found.append(path or name)
            return REDACTED_SECRET
    return value
