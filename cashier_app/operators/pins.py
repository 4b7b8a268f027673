"""PINs: the rules a new PIN must meet, and its salted scrypt hash (memory-hard, stdlib).

A stored hash names its own parameters (``scrypt$n$r$p$salt$hash``, base64), so stronger
parameters can be chosen later without breaking the PINs already set. Comparison is in
constant time (``hmac.compare_digest``). A PIN is never logged, journaled or put in an
exception; :class:`PinEntry` keeps it out of ``repr``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import os

from cashier_app.domain.operators import PinEntry
from cashier_app.operators.errors import OperatorError

PIN_MIN, PIN_MAX = 4, 12
#: scrypt cost: 2**14 x 8 x 128 bytes = 16 MiB of memory, some 50-100 ms on a till's CPU.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
_DKLEN = 32
_SALT_BYTES = 16
_MAXMEM = 128 * 2**20


__all__ = ["PinEntry", "burn_time", "check_pin", "hash_pin", "verify_pin"]


def check_pin(pin: str) -> str:
    """``pin`` when it may be set as a new PIN; OperatorError naming the rule otherwise."""
    if not isinstance(pin, str) or not PIN_MIN <= len(pin) <= PIN_MAX:
        raise OperatorError.of("pin_length", low=PIN_MIN, high=PIN_MAX)
    if not all("0" <= c <= "9" for c in pin):
        raise OperatorError.of("pin_digits")
    digits = [int(c) for c in pin]
    steps = {b - a for a, b in itertools.pairwise(digits)}
    if len(set(pin)) == 1 or steps in ({1}, {-1}):
        raise OperatorError.of("pin_trivial")
    return pin


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _derive(pin: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_MAXMEM, dklen=dklen
    )


def hash_pin(pin: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """A fresh salted hash of ``pin`` (checked first) with its parameters."""
    check_pin(pin)
    salt = os.urandom(_SALT_BYTES)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(_derive(pin, salt, n, r, p, _DKLEN))}"


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches ``stored`` (constant-time); False for a malformed hash."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        want = base64.b64decode(digest, validate=True)
        got = _derive(pin, base64.b64decode(salt, validate=True), int(n), int(r), int(p), len(want))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, want)


#: Hashed against when the name is unknown, so that a wrong name costs as long as a wrong PIN.
_DUMMY = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="


def burn_time(pin: str) -> None:
    verify_pin(pin, _DUMMY)
