"""Our request ids (paymentRequestId, refundRequestId): unique, sortable, <= 64 chars."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime


def new_request_id(prefix: str = "P") -> str:
    """Prefix, UTC time to the millisecond, then 16 random hex digits (34 chars for "P").
    (``secrets``, not ``uuid``: the same randomness without importing ``platform``.)"""
    now = datetime.now(UTC)
    return f"{prefix}{now:%Y%m%d%H%M%S}{now.microsecond // 1000:03d}{secrets.token_hex(8)}"
