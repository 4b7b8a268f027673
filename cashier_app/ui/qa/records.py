"""Pure helpers for the QA console: redaction, string-to-sign, pretty JSON, curl, export rows."""

from __future__ import annotations

import json
import shlex
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from cashier_app.gateway.antom import Exchange
from cashier_app.journal.redact import redact
from cashier_app.support.redaction import redact_key_material

#: Header names whose values are credentials and are never shown, copied or exported.
SENSITIVE_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "agent-token", "cookie", "set-cookie", "x-api-key"}
)
MASK = "[redacted]"


def redact_text(text: str) -> str:
    """``text`` with any private key material (PEM block or bare base64 DER) masked."""
    return redact_key_material(text)


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """A copy with credential headers masked and key material removed from every value."""
    out: dict[str, str] = {}
    for name, value in headers.items():
        if name.lower() in SENSITIVE_HEADERS:
            out[name] = MASK
        else:
            out[name] = redact_text(str(value))
    return out


def redact_body(text: str) -> str:
    """A body with key material masked: JSON is walked (secret-named fields), text is
    scanned for PEM / bare keys."""
    try:
        data = json.loads(text)
    except (ValueError, TypeError):
        return redact_text(text)
    cleaned = redact(data)
    if cleaned == data:
        return redact_text(text)
    return redact_text(json.dumps(cleaned, ensure_ascii=False, separators=(",", ":")))


def pretty_json(text: str) -> str:
    """Indented JSON when ``text`` is JSON, else ``text`` unchanged."""
    if not text:
        return ""
    try:
        return json.dumps(json.loads(text), indent=2, ensure_ascii=False)
    except (ValueError, TypeError):
        return text


def header(headers: Mapping[str, str], name: str) -> str:
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value
    return ""


def request_string_to_sign(ex: Exchange) -> str:
    """What the client signed: ``POST <path>\\n<clientId>.<Request-Time>.<body>``."""
    path = urlsplit(ex.url).path
    return (
        f"{ex.method} {path}\n{header(ex.request_headers, 'client-id')}."
        f"{header(ex.request_headers, 'Request-Time')}.{ex.request_body}"
    )


def response_string_to_sign(ex: Exchange) -> str:
    """What the gateway signed: ``POST <path>\\n<clientId>.<Response-Time>.<body>``."""
    path = urlsplit(ex.url).path
    return (
        f"{ex.method} {path}\n{header(ex.response_headers, 'client-id')}."
        f"{header(ex.response_headers, 'Response-Time')}.{ex.response_body}"
    )


def result_of(ex: Exchange) -> tuple[str, str]:
    """``(resultStatus, resultCode)`` of the answer body, or ``("", "")``."""
    try:
        data = json.loads(ex.response_body) if ex.response_body else None
    except ValueError:
        return "", ""
    result = data.get("result") if isinstance(data, dict) else None
    if not isinstance(result, dict):
        return "", ""
    return str(result.get("resultStatus") or ""), str(result.get("resultCode") or "")


def exchange_to_json(ex: Exchange) -> dict[str, Any]:
    """One exchange as an export record, redacted."""
    status, code = result_of(ex)
    return {
        "time": datetime.fromtimestamp(ex.started_at)
        .astimezone()
        .isoformat(timespec="milliseconds")
        if ex.started_at
        else None,
        "api": ex.api,
        "method": ex.method,
        "url": ex.url,
        "attempt": ex.attempt,
        "elapsed_ms": round(ex.elapsed_ms, 1),
        "request": {
            "headers": redact_headers(ex.request_headers),
            "string_to_sign": redact_text(request_string_to_sign(ex)),
            "body": redact_body(ex.request_body),
        },
        "response": {
            "status_code": ex.status_code,
            "headers": redact_headers(ex.response_headers),
            "body": redact_body(ex.response_body),
        },
        "result": {"status": status, "code": code},
        "verified": ex.verified,
        "error": redact_text(ex.error),
    }


def curl_command(ex: Exchange) -> str:
    """A ``curl`` command that resends the exact request (redacted headers stay masked)."""
    parts = ["curl", "-sS", "-X", ex.method, shlex.quote(ex.url)]
    for name, value in redact_headers(ex.request_headers).items():
        parts += ["-H", shlex.quote(f"{name}: {value}")]
    parts += ["--data-raw", shlex.quote(redact_body(ex.request_body))]
    return " \\\n  ".join(
        [" ".join(parts[:5])] + [f"{parts[i]} {parts[i + 1]}" for i in range(5, len(parts), 2)]
    )
