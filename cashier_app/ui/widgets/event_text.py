"""A journal event as the operator reads it in History: its kind and its details named in
the UI language (the journal keeps the English keys; the tooltip shows them as stored).

Values that are codes (statuses, result codes, API names, ids, times, URLs) are shown as
they are; yes/no and the few words the checkout writes (why a cancel, which id an inquiry
used) are translated. Context "Event" in resources/i18n.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication

from cashier_app.domain.records import PaymentEvent

#: Named so that pyside6-lupdate finds the texts.
translate = QCoreApplication.translate


def kind_text(kind: str) -> str:
    """The event's kind (``journaled``, ``request``...) in the UI language."""
    kinds = {
        "journaled": translate("Event", "journaled"),
        "request": translate("Event", "request"),
        "response": translate("Event", "answer"),
        "poll": translate("Event", "inquiry"),
        "resend": translate("Event", "sent again"),
        "error": translate("Event", "error"),
        "notify": translate("Event", "notification"),
        "state": translate("Event", "state"),
        "recover": translate("Event", "recovery"),
        "ignored": translate("Event", "ignored"),
        "duplicate": translate("Event", "duplicate"),
        "refund": translate("Event", "refund"),
        "refund_state": translate("Event", "refund state"),
        "cancelled_unverified": translate("Event", "cancelled, not verified"),
    }
    return kinds.get(kind, kind)


def _key_text(key: str) -> str:
    keys = {
        "amount": translate("Event", "amount"),
        "currency": translate("Event", "currency"),
        "method": translate("Event", "wallet"),
        "expires_at": translate("Event", "expires"),
        "api": translate("Event", "API"),
        "resend": translate("Event", "resent"),
        "attempt": translate("Event", "attempt"),
        "url": "URL",
        "http_status": translate("Event", "HTTP status"),
        "verified": translate("Event", "signature verified"),
        "error": translate("Event", "error"),
        "request_time": translate("Event", "sent at"),
        "response_time": translate("Event", "answered at"),
        "from": translate("Event", "from"),
        "to": translate("Event", "to"),
        "code": translate("Event", "result code"),
        "source": translate("Event", "source"),
        "reason": translate("Event", "reason"),
        "by": translate("Event", "by"),
        "status": translate("Event", "status"),
        "notifyType": translate("Event", "notification type"),
        "gateway": translate("Event", "gateway"),
        "refund_request_id": translate("Event", "refund request id"),
        "in_flight_until": translate("Event", "may arrive until"),
        "state": translate("Event", "state"),
        "result": translate("Event", "result"),
        "cancel_time": translate("Event", "cancelled at"),
        "inquiries_unverified": translate("Event", "unverified inquiries"),
        "type": translate("Event", "type"),
        "message": translate("Event", "message"),
        "scenario": translate("Event", "scenario"),
        "payment_code": translate("Event", "payment code"),
    }
    return keys.get(key, key)


def _value_text(key: str, value: object) -> str:
    if isinstance(value, bool):
        return translate("Event", "yes") if value else translate("Event", "no")
    if value is None or value == "":
        return "—"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    words = {
        "operator": translate("Event", "operator"),
        "expiry": translate("Event", "expiry"),
        "timeout": translate("Event", "time is up"),
        "recovery": translate("Event", "recovery"),
        "paymentId": translate("Event", "payment id"),
        "paymentRequestId": translate("Event", "request id"),
        "unverified": translate("Event", "not verified"),
        "gateway has no record of the payment": translate(
            "Event", "the gateway has no record of the payment"
        ),
        "no verified payment code yet": translate("Event", "no verified payment code yet"),
    }
    if key in ("reason", "by", "state") and text in words:
        return words[text]
    return text


def event_text(event: PaymentEvent) -> str:
    """One line for an event's detail: short ``name: value`` pairs, in the UI language."""
    parts = []
    for key, value in event.detail.items():
        if value == "":  # e.g. no error: nothing to read
            continue
        text = _value_text(key, value)
        if len(text) > 80:
            text = text[:77] + "..."
        parts.append(f"{_key_text(key)}: {text}")
    return "  ·  ".join(parts)
