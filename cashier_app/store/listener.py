"""The store's notify listener: Antom's notifyPayment/notifyRefund for every till, verified
with the client's own code (``gateway.notify``), recorded in PostgreSQL, acknowledged only
after the commit.

It sits behind the merchant's HTTPS reverse proxy: a till behind the shop's router cannot
be reached, and it is switched off at night while Antom retries. An unverifiable
notification gets 400 and is not recorded; a failed commit (the database down) gets 500,
so Antom sends it again. The insert wakes the tills (``LISTEN``/``NOTIFY``, a trigger of
the schema); each re-verifies what it settles with its own key.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, ClassVar

from cashier_app.gateway.errors import GatewayError
from cashier_app.gateway.notify import Delivery, Notification, NotificationListener
from cashier_app.gateway.responses import Result
from cashier_app.gateway.signing import SignatureError, Verifier, parse_header_time
from cashier_app.store.connect import StoreError

log = logging.getLogger(__name__)


class NotificationRefused(StoreError):
    """Verified but not recordable (a replay older than the tolerance, no result):
    answered 500, never acknowledged."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "error": "{error}",
        "notification_sent_s_ago_more_than": "notification sent {age} s ago, more than "
        "{tolerance} s: a replay, not recorded",
        "not_recorded_store_database": "not recorded (the store database): {exc}",
    }


_INSERT = (
    "INSERT INTO notifications (notify_type, client_id, payment_request_id, payment_id, "
    "refund_request_id, result_status, result_code, path, headers, body, body_sha256) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s::jsonb, %s, %s) "
    "ON CONFLICT (body_sha256) DO NOTHING"
)


def _text(data: dict[str, Any], name: str) -> str:
    value = data.get(name)
    return value if isinstance(value, str) else ""


class StoreNotifyListener:
    """``NotificationListener`` (the client's verification) whose callback commits each
    notification to the store before it is acknowledged."""

    def __init__(
        self,
        verifier: Verifier,
        connect: Callable[[], Any],
        *,
        client_id: str,
        host: str = "127.0.0.1",
        port: int = 0,
        path: str = "/notify",
        tolerance: float | None = 3600.0,
        observer: Callable[[Delivery], None] | None = None,
    ) -> None:
        self._connect = connect
        self.tolerance = tolerance
        self._local = threading.local()  # one connection per handler thread
        self._conns: list[Any] = []
        self._conns_lock = threading.Lock()
        self.listener = NotificationListener(
            verifier,
            self._record,
            host=host,
            port=port,
            path=path,
            expected_client_id=client_id,
            observer=observer,
        )

    @property
    def url(self) -> str:
        return self.listener.url

    def start(self) -> StoreNotifyListener:
        self.listener.start()
        return self

    def stop(self) -> None:
        self.listener.stop()
        with self._conns_lock:
            for conn in self._conns:
                try:
                    conn.close()
                except Exception:
                    log.debug("closing a listener connection failed", exc_info=True)
            self._conns.clear()

    def __enter__(self) -> StoreNotifyListener:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _conn(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None or conn.closed:
            conn = self._connect()
            self._local.conn = conn
            with self._conns_lock:
                self._conns.append(conn)
        return conn

    def _record(self, n: Notification) -> None:
        """Called with a notification whose signature ``verify_notification`` accepted."""
        data = n.payload
        refund = data.get("notifyType") == "REFUND_RESULT"
        try:
            result = Result.parse(data, "notifyRefund" if refund else "notifyPayment")
        except GatewayError as exc:
            raise NotificationRefused.of("error", error=exc) from None
        sent = next((v for k, v in n.headers.items() if k.lower() == "request-time"), "")
        if self.tolerance is not None:
            try:
                age = (datetime.now(UTC) - parse_header_time(sent, "request-time")).total_seconds()
            except SignatureError as exc:
                raise NotificationRefused.of("error", error=exc) from None
            if age > self.tolerance:
                raise NotificationRefused.of(
                    "notification_sent_s_ago_more_than",
                    age=f"{age:.0f}",
                    tolerance=f"{self.tolerance:.0f}",
                )
        client_id = next((v for k, v in n.headers.items() if k.lower() == "client-id"), "")
        params = (
            _text(data, "notifyType") or ("REFUND_RESULT" if refund else "PAYMENT_RESULT"),
            client_id,
            _text(data, "paymentRequestId"),
            _text(data, "paymentId"),
            _text(data, "refundRequestId") if refund else "",
            result.status,
            result.code,
            n.path,
            json.dumps(n.headers),
            n.body,
            hashlib.sha256(n.body).hexdigest(),
        )
        import psycopg

        try:
            conn = self._conn()
            with conn.transaction():
                conn.execute(_INSERT, params)
        except psycopg.Error as exc:
            self._local.conn = None
            raise NotificationRefused.of("not_recorded_store_database", exc=exc) from None
