"""Retry rules for gateway calls as small pure functions (which failures, how long to wait)."""

from __future__ import annotations

import random
from collections.abc import Callable

from cashier_app.gateway.errors import (
    GatewayError,
    GatewayResultError,
    MalformedResponse,
    ResponseSignatureError,
    TransportError,
)

#: ``resultStatus`` U codes that mean "send the very same request again later".
RETRYABLE_U_CODES = frozenset({"UNKNOWN_EXCEPTION", "REQUEST_TRAFFIC_EXCEED_LIMIT"})

#: U codes that are the normal answer of an API (the operation is under way), not a failure.
IN_PROCESS_CODES = frozenset({"PAYMENT_IN_PROCESS", "REFUND_IN_PROCESS"})

DEFAULT_BASE_DELAY = 0.25
DEFAULT_MAX_DELAY = 2.0


def should_retry(error: GatewayError, attempt: int, max_attempts: int) -> bool:
    """Whether ``attempt`` (1-based, just failed with ``error``) may be followed by another.

    Only failures where resending the identical bytes is safe and may help are retried:
    transport failures and timeouts (the request may not have arrived) and the two U codes
    that ask for it. A bad signature or malformed answer is not retried here: the caller
    inquires instead, so a tampering proxy cannot make us hammer the gateway.
    """
    if attempt >= max_attempts:
        return False
    if isinstance(error, GatewayResultError):
        return error.result_status == "U" and error.result_code in RETRYABLE_U_CODES
    if isinstance(error, ResponseSignatureError | MalformedResponse):
        return False
    return isinstance(error, TransportError)


def backoff_delay(
    attempt: int,
    *,
    base: float = DEFAULT_BASE_DELAY,
    cap: float = DEFAULT_MAX_DELAY,
    rand: Callable[[], float] = random.random,
) -> float:
    """Seconds to wait after failed ``attempt`` (1-based): exponential, capped, with
    "equal jitter" (half fixed, half random) so that tills do not retry in lock-step."""
    if attempt < 1:
        raise ValueError("attempt is 1-based")
    ceiling: float = min(cap, base * 2.0 ** (attempt - 1))
    return ceiling / 2 + rand() * ceiling / 2
