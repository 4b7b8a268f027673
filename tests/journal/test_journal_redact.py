"""The event log never stores key material, whatever a caller passes in."""

from __future__ import annotations

import base64
import os
import sqlite3
from pathlib import Path

from cashier_app.gateway.signing import generate_private_key
from cashier_app.journal.redact import REDACTED_PEM, REDACTED_SECRET, redact


def _pem() -> str:
    from cryptography.hazmat.primitives import serialization

    key = generate_private_key()
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def test_pem_private_key_is_redacted_anywhere(journal, make_payment):
    pem = _pem()
    body = pem.splitlines()[5]
    journal.create_payment(make_payment(1))
    ev = journal.add_event(
        "PRQ-000001",
        "error",
        {
            "message": f"could not load key\n{pem}\ntrailing",
            "nested": {"list": ["ok", pem]},
        },
    )
    assert REDACTED_PEM in ev.detail["message"] and "trailing" in ev.detail["message"]
    assert [v.strip() for v in ev.detail["nested"]["list"]] == ["ok", REDACTED_PEM]
    assert sorted(ev.detail["redacted"]) == ["message", "nested.list[1]"]
    raw = journal.path.read_bytes() + Path(f"{journal.path}-wal").read_bytes()
    assert body.encode() not in raw
    stored = sqlite3.connect(journal.path).execute("SELECT detail FROM events").fetchone()[0]
    assert "PRIVATE KEY-----\n" not in stored and body not in stored


def test_long_blob_under_secret_names_is_redacted(journal, make_payment):
    blob = base64.b64encode(os.urandom(600)).decode()
    journal.create_payment(make_payment(2))
    ev = journal.add_event(
        "PRQ-000002",
        "request",
        {
            "private_key": blob,
            "headers": {"X-Secret": blob, "clientSecret": blob},
            "merchantPrivateKey": blob,
            "api_token": blob,
            "gateway_public_key": blob[:60],  # public keys are not secret
            "key_version": "1",
            "signature": blob[:344],
            "body": "short key text",
        },
    )
    d = ev.detail
    for name in ("private_key", "merchantPrivateKey", "api_token"):
        assert d[name] == REDACTED_SECRET
    assert d["headers"] == {"X-Secret": REDACTED_SECRET, "clientSecret": REDACTED_SECRET}
    assert d["gateway_public_key"] == blob[:60]
    assert d["key_version"] == "1" and d["signature"] == blob[:344]
    assert d["body"] == "short key text"
    assert (
        blob
        not in sqlite3.connect(journal.path)
        .execute("SELECT group_concat(detail) FROM events")
        .fetchone()[0]
    )


def test_redact_leaves_clean_values_alone():
    found: list[str] = []
    value = {"a": 1, "b": [1, "x"], "key": "short", "c": None}
    assert redact(value, found=found) == value
    assert found == []
