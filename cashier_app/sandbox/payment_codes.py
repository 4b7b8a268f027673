"""The sandbox wallets' payment codes (付款码): what a customer's phone shows at the till.

A code is 18 digits, the length and form of an Alipay payment code (two-digit prefix in the
25-30 range, then 16 digits); the sandbox gives each wallet its own prefix so a till can
tell them apart (our choice: real Alipay+ prefixes are not published). A code lives 60 s,
as a wallet refreshes it every minute, and is usable once. Each carries the scenario the
presenter picked: the customer pays at once, is asked to confirm (then pays or declines),
has too little balance; or the code is already expired, or was never issued.

Codes are bearer credentials: they live only in memory here (never in the sandbox's state
file, never logged), and a used code is remembered by its SHA-256 digest only.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from datetime import datetime, timedelta
from typing import ClassVar

from cashier_app.domain import methods
from cashier_app.domain.errors import CashierError
from cashier_app.domain.payment_code import mask
from cashier_app.domain.values import dataclass

#: How long a wallet shows one code before refreshing it.
CODE_LIFETIME = timedelta(seconds=60)
CODE_LENGTH = 18
#: What the customer's wallet does with the code (the control endpoint's ``scenario``).
SCENARIOS = (
    "pay",
    "confirm",
    "confirm_then_pay",
    "confirm_then_decline",
    "balance",
    "expired",
    "unknown",
)
DEFAULT_CONFIRM_SECONDS = 3.0
MAX_CONFIRM_SECONDS = 120.0
#: Sandbox prefixes per wallet (18-digit codes, 25-30 like Alipay's own).
_PREFIX = {
    "ALIPAY_CN": "28",
    "ALIPAY_HK": "26",
    "GCASH": "27",
    "MAYA": "27",
    "DANA": "29",
    "TNG": "30",
    "BOOST": "30",
    "TRUEMONEY": "25",
    "RABBIT_LINE_PAY": "25",
    "KPLUS": "25",
    "KAKAOPAY": "29",
    "NAVERPAY": "29",
    "TOSSPAY": "29",
    "BKASH": "27",
    "EASYPAISA": "27",
}

#: Result codes of a refused code (docs/antom-protocol.md §8 lists INVALID_CODE as F).
INVALID_CODE = "INVALID_CODE"
BALANCE_CODE = "USER_BALANCE_NOT_ENOUGH"


class CodeRequestError(CashierError, ValueError):
    """A bad request for a code (unknown wallet or scenario, bad delay): names the field."""

    layer = "sandbox"
    MESSAGES: ClassVar[dict[str, str]] = {
        "paymentmethodtype_not_sandbox_wallet": "paymentMethodType: {method_type!r} is not a "
        "sandbox wallet",
        "paymentmethodtype_has_no_payment_code_pick": "paymentMethodType: {type} has no payment "
        "code (pick the customer's own wallet)",
        "scenario_not_one": "scenario: {scenario!r} is not one of {scenarios}",
        "confirmseconds_must_number_from_0": "confirmSeconds: {confirm_seconds!r} must be a "
        "number from 0 to {max_confirm_seconds}",
    }


class CodeRefused(CashierError):
    """The code cannot pay: ``result_code`` is the Antom result code, the message why."""

    layer = "sandbox"

    def __init__(self, result_code: str, message: str) -> None:
        super().__init__(message)
        self.result_code, self.message = result_code, message


@dataclass(frozen=True, slots=True)
class PaymentCode:
    value: str = ""  #: the 18 digits; never in a repr
    method_type: str = ""
    scenario: str = "pay"
    issued: datetime | None = None
    expires: datetime | None = None
    confirm_seconds: float = DEFAULT_CONFIRM_SECONDS

    def __repr__(self) -> str:
        return (
            f"PaymentCode({mask(self.value)}, {self.method_type}, {self.scenario}, "
            f"expires={self.expires})"
        )


def digest(code: str) -> str:
    return hashlib.sha256(code.encode("utf-8")).hexdigest()


def looks_like_code(text: str) -> bool:
    return len(text) == CODE_LENGTH and text.isascii() and text.isdigit()


class PaymentCodeBook:
    """Issued codes (memory only) and the digests of used ones. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._codes: dict[str, PaymentCode] = {}
        self._used: dict[str, str] = {}  #: digest -> paymentId that used it

    def issue(
        self,
        method_type: str,
        now: datetime,
        scenario: str = "pay",
        confirm_seconds: float = DEFAULT_CONFIRM_SECONDS,
    ) -> PaymentCode:
        try:
            method = methods.get(method_type)
        except methods.UnknownMethodError:
            raise CodeRequestError.of(
                "paymentmethodtype_not_sandbox_wallet", method_type=method_type
            ) from None
        if method.type not in _PREFIX:
            raise CodeRequestError.of(
                "paymentmethodtype_has_no_payment_code_pick", type=method.type
            )
        if scenario not in SCENARIOS:
            raise CodeRequestError.of(
                "scenario_not_one", scenario=scenario, scenarios=", ".join(SCENARIOS)
            )
        if (
            isinstance(confirm_seconds, bool)
            or not isinstance(confirm_seconds, int | float)
            or not 0 <= confirm_seconds <= MAX_CONFIRM_SECONDS
        ):
            raise CodeRequestError.of(
                "confirmseconds_must_number_from_0",
                confirm_seconds=confirm_seconds,
                max_confirm_seconds=f"{MAX_CONFIRM_SECONDS:g}",
            )
        with self._lock:
            self._prune(now)
            while True:
                value = _PREFIX[method.type] + "".join(
                    secrets.choice("0123456789") for _ in range(CODE_LENGTH - 2)
                )
                if value not in self._codes and digest(value) not in self._used:
                    break
            issued = now - CODE_LIFETIME - timedelta(seconds=1) if scenario == "expired" else now
            code = PaymentCode(
                value, method.type, scenario, issued, issued + CODE_LIFETIME, float(confirm_seconds)
            )
            if scenario != "unknown":  # a well-formed code the wallet never issued
                self._codes[value] = code
            return code

    def take(self, value: str, now: datetime, payment_id: str) -> PaymentCode:
        """Use ``value`` for ``payment_id``; CodeRefused when it is malformed, unknown,
        expired or already used. A refused code is not consumed (except by its own use)."""
        if not looks_like_code(value):
            raise CodeRefused(INVALID_CODE, f"the payment code is not {CODE_LENGTH} digits")
        with self._lock:
            used_by = self._used.get(digest(value))
            if used_by is not None:
                raise CodeRefused(
                    INVALID_CODE,
                    "the payment code was already used; ask the customer to refresh it",
                )
            code = self._codes.get(value)
            if code is None:
                raise CodeRefused(INVALID_CODE, "the payment code is unknown to the wallet")
            assert code.expires is not None
            if now >= code.expires:
                raise CodeRefused(
                    INVALID_CODE, "the payment code has expired; ask the customer to refresh it"
                )
            del self._codes[value]
            self._used[digest(value)] = payment_id
            return code

    def _prune(self, now: datetime) -> None:
        for value in [
            v
            for v, c in self._codes.items()
            if c.expires is not None and c.expires + CODE_LIFETIME < now
        ]:
            del self._codes[value]
