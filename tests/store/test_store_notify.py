"""The store's notify listener: Antom's notifications signed by the official SDK's tool,
verified by the client's own code, committed to PostgreSQL before the acknowledgement;
a till hears of them through LISTEN/NOTIFY and settles its sale."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from com.alipay.ams.api.tools import signature_tool

from cashier_app.app import build_services
from cashier_app.cli import main
from cashier_app.domain.outcome import Status
from cashier_app.domain.payment_kit import PaymentInfo
from cashier_app.gateway import demo_keys
from cashier_app.gateway.notify import ACK_BODY
from cashier_app.gateway.signing import (
    Verifier,
    generate_private_key,
    private_key_pkcs8_base64,
)
from cashier_app.store.connect import connect
from cashier_app.store.listener import StoreNotifyListener

CLIENT_ID = "SANDBOX_CASHIER_DEMO"  # the embedded sandbox's merchant


def sdk_signed(
    key, path: str, body: dict, *, client_id: str = CLIENT_ID, sent_at: str | None = None
):
    """Headers and body of a notification POST, signed by the official SDK's tool."""
    text = json.dumps(body)
    sent_at = sent_at or datetime.now(UTC).isoformat(timespec="seconds")
    sig = signature_tool.sign("POST", path, client_id, sent_at, text, private_key_pkcs8_base64(key))
    return (
        {
            "client-id": client_id,
            "request-time": sent_at,
            "signature": f"algorithm=RSA256,keyVersion=1,signature={sig}",
            "content-type": "application/json",
        },
        text.encode("utf-8"),
    )


def paid(prid: str, payment_id: str, value: str = "1230", currency: str = "HKD") -> dict:
    return {
        "notifyType": "PAYMENT_RESULT",
        "result": {"resultCode": "SUCCESS", "resultStatus": "S", "resultMessage": "success"},
        "paymentRequestId": prid,
        "paymentId": payment_id,
        "paymentAmount": {"currency": currency, "value": value},
        "paymentTime": datetime.now(UTC).isoformat(),
    }


@pytest.fixture
def gateway_key():
    return generate_private_key()


@pytest.fixture
def listener(store_db, gateway_key):
    with StoreNotifyListener(
        Verifier(gateway_key.public_key()),
        lambda: connect(store_db.till_dsn),
        client_id=CLIENT_ID,
    ) as running:
        yield running


def notifications(store_db) -> list[tuple]:
    with store_db.connect() as conn:
        return conn.execute(
            "SELECT payment_request_id, notify_type, result_status, body FROM notifications "
            "ORDER BY id"
        ).fetchall()


def test_a_signed_notification_is_committed_then_acknowledged_once(listener, store_db, gateway_key):
    note = paid("P-1", "G-1")
    headers, body = sdk_signed(gateway_key, "/notify", note)
    answer = httpx.post(listener.url, headers=headers, content=body)
    assert answer.status_code == 200 and answer.content == ACK_BODY
    ((prid, kind, status, stored),) = notifications(store_db)
    assert (prid, kind, status, bytes(stored)) == ("P-1", "PAYMENT_RESULT", "S", body)
    # Antom resends until acknowledged (new time, new signature, same body): one row
    later = (datetime.now(UTC) + timedelta(seconds=1)).isoformat(timespec="seconds")
    headers, again = sdk_signed(gateway_key, "/notify", note, sent_at=later)
    assert again == body and headers["request-time"] == later
    assert httpx.post(listener.url, headers=headers, content=body).status_code == 200
    assert len(notifications(store_db)) == 1


@pytest.mark.parametrize(
    "forge",
    [
        pytest.param(lambda h, b: (h, b.replace(b"1230", b"9999")), id="body-changed"),
        pytest.param(
            lambda h, b: ({**h, "signature": "algorithm=RSA256,keyVersion=1,signature=AAAA"}, b),
            id="bad-signature",
        ),
        pytest.param(
            lambda h, b: ({k: v for k, v in h.items() if k != "signature"}, b), id="unsigned"
        ),
        pytest.param(lambda h, b: ({**h, "client-id": "SOMEONE_ELSE"}, b), id="other-client"),
    ],
)
def test_an_unverifiable_notification_is_refused_and_not_recorded(
    listener, store_db, gateway_key, forge
):
    headers, body = forge(*sdk_signed(gateway_key, "/notify", paid("P-2", "G-2")))
    answer = httpx.post(listener.url, headers=headers, content=body)
    assert answer.status_code == 400 and answer.content != ACK_BODY
    assert notifications(store_db) == []


def test_a_notification_signed_by_another_key_is_refused(listener, store_db):
    headers, body = sdk_signed(generate_private_key(), "/notify", paid("P-3", "G-3"))
    assert httpx.post(listener.url, headers=headers, content=body).status_code == 400
    assert notifications(store_db) == []


def test_a_replay_older_than_the_tolerance_is_not_acknowledged(listener, store_db, gateway_key):
    old = datetime(2026, 1, 1, tzinfo=UTC).isoformat(timespec="seconds")
    headers, body = sdk_signed(gateway_key, "/notify", paid("P-4", "G-4"), sent_at=old)
    answer = httpx.post(listener.url, headers=headers, content=body)
    assert answer.status_code == 500 and notifications(store_db) == []


def test_no_acknowledgement_while_the_store_cannot_commit(store_db, gateway_key, pg_server):
    with StoreNotifyListener(
        Verifier(gateway_key.public_key()),
        lambda: connect(store_db.till_dsn, timeout=2),
        client_id=CLIENT_ID,
    ) as running:
        headers, body = sdk_signed(gateway_key, "/notify", paid("P-5", "G-5"))
        pg_server.stop()
        try:
            answer = httpx.post(running.url, headers=headers, content=body, timeout=30)
            assert answer.status_code == 500  # Antom sends it again later
        finally:
            pg_server.start()
        assert httpx.post(running.url, headers=headers, content=body, timeout=30).status_code == 200
    assert [n[0] for n in notifications(store_db)] == ["P-5"]


def test_a_till_settles_its_sale_from_the_store_notification(capsys, store_db, memory_keyring):
    """The sale stays PENDING at the till; Antom's notification reaches the store, the
    till hears of it at once (LISTEN/NOTIFY), verifies it with its own key and settles."""
    assert main(["store", "join", "--dsn", store_db.till_dsn, "--till-id", "front"]) == 0
    capsys.readouterr()
    services = build_services(store_link=True)
    try:
        assert services.store_link is not None
        rec = services.checkout.create_payment(PaymentInfo(1230, "HKD", "coffee"), "ALIPAY_HK")
        assert rec.status is Status.PENDING
        gateway = demo_keys.gateway_key()  # the embedded sandbox signs with it
        with StoreNotifyListener(
            Verifier(gateway.public_key()), lambda: connect(store_db.till_dsn), client_id=CLIENT_ID
        ) as store_listener:
            headers, body = sdk_signed(
                gateway, "/notify", paid(rec.payment_request_id, rec.payment_id)
            )
            assert httpx.post(store_listener.url, headers=headers, content=body).status_code == 200
        deadline = time.monotonic() + 30
        while services.journal.get_payment(rec.payment_request_id).status is not Status.SUCCESS:
            assert time.monotonic() < deadline, "the till never settled the sale"
            time.sleep(0.05)
        kinds = [e.kind for e in services.journal.events(rec.payment_request_id)]
        assert "notify" in kinds
        # and the store hears back: the notification applied by this till, the sale paid
        while (
            store_db.scalar(
                "SELECT status FROM payments WHERE payment_request_id = %s", rec.payment_request_id
            )
            != "SUCCESS"
        ):
            assert time.monotonic() < deadline
            time.sleep(0.05)
        applied = store_db.scalar("SELECT applied_by || ' ' || apply_result FROM notifications")
        assert applied == "front settled SUCCESS"
    finally:
        services.close()
