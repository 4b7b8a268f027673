"""The customer's wallet payment code (付款码) as the till reads it: normalised, checked,
masked. A payment code is a bearer credential: whoever holds it can charge the customer's
wallet until it refreshes, so it is shown only masked (like a card number) and never
journaled, logged or put in an exception.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

#: Wallet payment codes are digit strings of 16 to 24 characters (Alipay's: 18, 25-30...).
MIN_LENGTH = 16
MAX_LENGTH = 24
_SEPARATORS = " -\t\u3000"  # what people (and some scanners) put between digit groups


class PaymentCodeError(ValueError):
    """The text is not a payment code; ``code`` is a stable error code, ``params`` the
    values its message uses (never the code itself)."""

    def __init__(self, message: str, code: str, **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = {k: str(v) for k, v in params.items()}


def normalise(text: str) -> str:
    """The code's digits: separators dropped, full-width digits (from a Chinese IME or a
    pasted message) read as ASCII. Raises PaymentCodeError naming what is wrong."""
    if not isinstance(text, str):
        raise PaymentCodeError("the payment code is empty", "PAYMENT_CODE_EMPTY")
    out = []
    for ch in text.strip():
        if ch in _SEPARATORS:
            continue
        if "０" <= ch <= "９":
            ch = chr(ord(ch) - ord("０") + ord("0"))
        if not ("0" <= ch <= "9"):
            raise PaymentCodeError("the payment code may contain digits only",
                                   "PAYMENT_CODE_NOT_DIGITS")
        out.append(ch)
    digits = "".join(out)
    if not digits:
        raise PaymentCodeError("the payment code is empty", "PAYMENT_CODE_EMPTY")
    if not MIN_LENGTH <= len(digits) <= MAX_LENGTH:
        raise PaymentCodeError(
            f"the payment code has {len(digits)} digits; wallet codes have "
            f"{MIN_LENGTH} to {MAX_LENGTH}", "PAYMENT_CODE_LENGTH", length=len(digits),
            min=MIN_LENGTH, max=MAX_LENGTH)
    return digits


def mask(code: str) -> str:
    """First 4 and last 4 digits, the rest as bullets (``2812••••••••••3456``)."""
    if len(code) <= 8:
        return "•" * len(code)
    return f"{code[:4]}{'•' * (len(code) - 8)}{code[-4:]}"


def redact(text: str, code: str) -> str:
    """``text`` with every occurrence of ``code`` masked (exchange bodies for the QA
    console; anything that might carry the code)."""
    return text.replace(code, mask(code)) if code else text


class UsedCodes:
    """The codes this till has already sent, remembered as keyed digests (HMAC-SHA-256 with
    a key that lives only in this process), so a second use is refused before anything is
    sent and nothing stored can be turned back into a code."""

    def __init__(self) -> None:
        self._key = secrets.token_bytes(32)
        self._seen: set[bytes] = set()

    def _digest(self, code: str) -> bytes:
        return hmac.new(self._key, code.encode("ascii"), hashlib.sha256).digest()

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self._digest(code) in self._seen

    def add(self, code: str) -> None:
        self._seen.add(self._digest(code))
