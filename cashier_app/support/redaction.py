"""Key material in free text (PEM private key blocks, bare base64 DER private keys): the
patterns the journal, the QA console and the application log all mask. A leaf module, the
standard library only, so the log can use it without importing the journal."""

from __future__ import annotations

import re

REDACTED_PEM = "[redacted: private key material]"

_PEM_RE = re.compile(
    r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----.*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|\Z)",
    re.DOTALL,
)
#: A bare PKCS#8 / PKCS#1 RSA private key in base64 starts with these bytes (DER SEQUENCE
#: followed by version 0): "MIIE..." + "AgEAAoIB" / "ADANBgkqhkiG9w0BAQEFAASC".
_BARE_KEY_RE = re.compile(
    r"MII[A-Za-z0-9+/]{1,3}(?:AgEAAo|IBADANBgkqhkiG9w0BAQEFAAS)"
    r"[A-Za-z0-9+/=\s]{40,}"
)


def redact_key_material(text: str) -> str:
    """``text`` with any private key material (PEM block or bare base64 DER) masked, wherever
    it sits in the text (the QA console and the application log use this)."""
    if not text or ("PRIVATE KEY" not in text and "MII" not in text):
        return text
    text = _PEM_RE.sub(REDACTED_PEM, text)
    return _BARE_KEY_RE.sub(REDACTED_PEM, text)
