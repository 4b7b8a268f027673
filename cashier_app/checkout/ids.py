"""Our request ids (paymentRequestId, refundRequestId): unique, sortable, <= 64 chars."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime


def new_request_id(prefix: str = "P") -> str:
    """Prefix, UTC time to the millisecond, then 16 random hex digits (34 chars for "P")."""
    now = datetime.now(UTC)
    return f"{prefix}{now:%Y%m%d%H%M%S}{now.microsecond // 1000:03d}{uuid.uuid4().hex[:16]}"
