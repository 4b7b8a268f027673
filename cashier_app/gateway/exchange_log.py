"""One log line per gateway exchange: what was asked, what came back, whether it verified.

The line is a summary, never the exchange itself: no headers, no signatures, no bodies;
ids, HTTP status, the signature verdict, the result, timing. The QA console shows the rest.
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cashier_app.gateway.antom import Exchange

log = logging.getLogger("cashier_app.gateway.exchange")

#: Request and answer fields worth a place in the summary, in this order.
_ID_FIELDS = ("paymentRequestId", "refundRequestId", "paymentId", "refundId")
_STATE_FIELDS = ("paymentStatus", "refundStatus")


def _fields(text: str) -> dict[str, Any]:
    """The flat fields of a JSON body (an AlipayHK envelope's ``request.body`` or
    ``response.body`` too); {} for anything else."""
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    for outer in ("request", "response"):
        inner = data.get(outer)
        if isinstance(inner, dict) and isinstance(inner.get("body"), dict):
            return dict(inner["body"])
    return data


def summarise(ex: Exchange) -> str:
    sent, got = _fields(ex.request_body), _fields(ex.response_body)
    ids = [
        f"{k}={v}"
        for k in _ID_FIELDS
        for v in (sent.get(k) or got.get(k),)
        if isinstance(v, str) and v
    ]
    head = f"{ex.api} attempt {ex.attempt}"
    if ex.status_code is None:
        return f"{head}: no answer: {ex.error} ({ex.elapsed_ms:.0f} ms) {' '.join(ids)}".rstrip()
    parts = [
        f"{head}: HTTP {ex.status_code}",
        "signature verified" if ex.verified else "NOT verified",
    ]
    result = got.get("result")
    if isinstance(result, dict):
        parts.append(
            f"result {result.get('resultStatus', '?')} {result.get('resultCode', '')}".rstrip()
        )
    for key in _STATE_FIELDS:
        if isinstance(got.get(key), str):
            parts.append(f"{key}={got[key]}")
    parts.extend(ids)
    if ex.error:
        parts.append(f"error: {ex.error}")
    return f"{parts[0]}, {', '.join(parts[1:])} ({ex.elapsed_ms:.0f} ms)"


def log_exchange(ex: Exchange) -> None:
    level = logging.INFO if ex.verified and not ex.error else logging.WARNING
    if log.isEnabledFor(level):
        log.log(level, "%s", summarise(ex))
