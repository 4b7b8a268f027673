"""The customer's wallet payment code (付款码) as the till reads it: normalised, checked,
masked. A payment code is a bearer credential: whoever holds it can charge the customer's
wallet until it refreshes, so it is shown only masked (like a card number) and never
journaled, logged or put in an exception.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import timedelta
from typing import ClassVar

from cashier_app.domain.errors import CashierError

#: Wallet payment codes are digit strings of 16 to 24 characters (Alipay's: 18, 25-30...).
MIN_LENGTH = 16
MAX_LENGTH = 24
_SEPARATORS = " -\t\u3000"  # what people (and some scanners) put between digit groups


class PaymentCodeError(CashierError, ValueError):
    """The text is not a usable payment code. Its parameters never hold the code."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "payment_code_empty": "the payment code is empty",
        "payment_code_not_digits": "the payment code may contain digits only",
        "payment_code_length": "the payment code has {length} digits; wallet codes have "
        "{min} to {max}",
        "payment_code_used": "this payment code was already used at this till; ask the "
        "customer to refresh it",
    }


def normalise(text: str) -> str:
    """The code's digits: separators dropped, full-width digits (from a Chinese IME or a
    pasted message) read as ASCII. Raises PaymentCodeError naming what is wrong."""
    if not isinstance(text, str):
        raise PaymentCodeError.of("payment_code_empty")
    out = []
    for ch in text.strip():
        if ch in _SEPARATORS:
            continue
        if "０" <= ch <= "９":
            ch = chr(ord(ch) - ord("０") + ord("0"))
        if not ("0" <= ch <= "9"):
            raise PaymentCodeError.of("payment_code_not_digits")
        out.append(ch)
    digits = "".join(out)
    if not digits:
        raise PaymentCodeError.of("payment_code_empty")
    if not MIN_LENGTH <= len(digits) <= MAX_LENGTH:
        raise PaymentCodeError.of(
            "payment_code_length", length=len(digits), min=MIN_LENGTH, max=MAX_LENGTH
        )
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


#: How long a used code is remembered: longer than any wallet's code stays valid (wallets
#: refresh theirs every minute; the sandbox's live 60 s; Antom refuses an expired one as
#: INVALID_CODE), so a code this till sent can never be accepted again once forgotten.
CODE_VALIDITY_BOUND = timedelta(hours=1)


class UsedCodes:
    """The codes this till has already sent, remembered as keyed digests (HMAC-SHA-256 with
    a key that lives only in this process), so a second use is refused before anything is
    sent and nothing stored can be turned back into a code.

    Each is kept for ``window`` (``CODE_VALIDITY_BOUND``) after its use, on ``clock``
    (monotonic seconds): what is kept is bounded by the sales of one window, not by every
    sale the till ever took."""

    def __init__(
        self,
        window: timedelta = CODE_VALIDITY_BOUND,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._key = secrets.token_bytes(32)
        self._window = window.total_seconds()
        self._clock = clock
        #: digest -> when it is forgotten, oldest first (each add goes to the end)
        self._seen: OrderedDict[bytes, float] = OrderedDict()

    def _digest(self, code: str) -> bytes:
        return hmac.new(self._key, code.encode("ascii"), hashlib.sha256).digest()

    def _forget_old(self) -> float:
        now = self._clock()
        while self._seen:
            digest, until = next(iter(self._seen.items()))
            if until > now:
                break
            del self._seen[digest]
        return now

    def __contains__(self, code: object) -> bool:
        self._forget_old()
        return isinstance(code, str) and self._digest(code) in self._seen

    def __len__(self) -> int:
        self._forget_old()
        return len(self._seen)

    def add(self, code: str) -> None:
        now = self._forget_old()
        digest = self._digest(code)
        self._seen[digest] = now + self._window
        self._seen.move_to_end(digest)
