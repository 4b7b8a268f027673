"""``SimulatorClient``: drives a running sandbox's wallet simulator and faults over HTTP."""

from __future__ import annotations

import http.client
import json
from typing import Any
from urllib.parse import urlsplit

from cashier_app.domain.errors import CashierError


class SimulatorError(CashierError):
    """The sandbox refused a control call (``status`` 404 unknown payment, 409 wrong state,
    400 bad input) or could not be reached (``status`` None)."""

    layer = "sandbox"

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class SimulatorClient:
    """Plays the payer's wallet (approve / decline / expire) and the QA operator (faults)
    against ``base_url`` (the sandbox's ``url``, e.g. ``http://127.0.0.1:8123``)."""

    def __init__(self, base_url: str, timeout: float = 5.0) -> None:
        parts = urlsplit(base_url)
        if parts.scheme != "http" or not parts.hostname:
            raise ValueError(f"sandbox url {base_url!r} must look like http://127.0.0.1:PORT")
        self.base_url = base_url.rstrip("/")
        self._host, self._port = parts.hostname, parts.port or 80
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"SimulatorClient({self.base_url!r})"

    # -- wallet -------------------------------------------------------------------------
    def approve(self, payment_id: str) -> dict[str, Any]:
        return self._call("POST", f"/sandbox/payments/{payment_id}/approve")

    def decline(self, payment_id: str, result_code: str | None = None) -> dict[str, Any]:
        body = {"resultCode": result_code} if result_code else None
        return self._call("POST", f"/sandbox/payments/{payment_id}/decline", body)

    def expire(self, payment_id: str) -> dict[str, Any]:
        return self._call("POST", f"/sandbox/payments/{payment_id}/expire")

    def pend(self, payment_id: str) -> dict[str, Any]:
        """The payer completed the payment; its result is pending (PAYMENT_PENDING)."""
        return self._call("POST", f"/sandbox/payments/{payment_id}/pending", {})

    def settle_refund(
        self, refund_id: str, status: str = "SUCCESS", result_code: str | None = None
    ) -> dict[str, Any]:
        body: dict[str, Any] = {"status": status}
        if result_code:
            body["resultCode"] = result_code
        return self._call("POST", f"/sandbox/refunds/{refund_id}/settle", body)

    def payment(self, payment_id: str) -> dict[str, Any]:
        return self._call("GET", f"/sandbox/payments/{payment_id}")

    def payment_code(
        self, method_type: str, scenario: str = "pay", confirm_seconds: float | None = None
    ) -> dict[str, Any]:
        """A fresh in-store payment code of ``method_type``'s wallet: ``{"paymentCode",
        "expiresAt", "paymentMethodType", "scenario"}`` (the code is a bearer credential:
        hand it to the till, never log it)."""
        body: dict[str, Any] = {"scenario": scenario}
        if confirm_seconds is not None:
            body["confirmSeconds"] = confirm_seconds
        return self._call("POST", f"/sandbox/wallets/{method_type}/payment-code", body)

    # -- QA -----------------------------------------------------------------------------
    def add_fault(self, kind: str, **params: Any) -> dict[str, Any]:
        """E.g. ``add_fault("http_error", status=500, count=2)``; see sandbox.faults."""
        return self._call("POST", "/sandbox/faults", {"kind": kind, **params})

    def faults(self) -> list[dict[str, Any]]:
        return list(self._call("GET", "/sandbox/faults")["faults"])

    def clear_faults(self) -> None:
        self._call("DELETE", "/sandbox/faults")

    def set_autopay(
        self,
        action: str,
        after_seconds: float = 0.0,
        *,
        result_code: str | None = None,
        pending: bool = False,
    ) -> dict[str, Any]:
        """The pretend customer: ``action`` ("approve", "decline", "expire", "off")
        ``after_seconds`` after each new payment; ``pending`` also schedules the payments
        already waiting, from now. Returns the setting and the scheduled actions."""
        body: dict[str, Any] = {
            "action": action,
            "after_seconds": after_seconds,
            "pending": pending,
        }
        if result_code:
            body["resultCode"] = result_code
        return self._call("POST", "/sandbox/autopay", body)

    def autopay(self) -> dict[str, Any]:
        return self._call("GET", "/sandbox/autopay")

    def clear_autopay(self) -> dict[str, Any]:
        return self._call("DELETE", "/sandbox/autopay")

    def scenarios(self) -> list[dict[str, Any]]:
        """The sandbox's scenario catalog (name, description, params)."""
        return list(self._call("GET", "/sandbox/scenarios")["scenarios"])

    def set_scenario(self, name: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """Play scenario ``name`` (sandbox/scenarios.py); 400 names a bad name or parameter."""
        return self._call("POST", "/sandbox/scenario", {"name": name, "params": params or {}})

    def scenario(self) -> dict[str, Any]:
        return self._call("GET", "/sandbox/scenario")

    def clear_scenario(self) -> dict[str, Any]:
        return self._call("DELETE", "/sandbox/scenario")

    def notifications(self) -> list[dict[str, Any]]:
        return list(self._call("GET", "/sandbox/notifications")["attempts"])

    def register_merchant(
        self, client_id: str, public_key: str, key_version: str = "1"
    ) -> dict[str, Any]:
        return self._call(
            "POST",
            "/sandbox/merchants",
            {"clientId": client_id, "publicKey": public_key, "keyVersion": key_version},
        )

    def info(self) -> dict[str, Any]:
        return self._call("GET", "/sandbox/info")

    def _call(self, method: str, path: str, body: Any = None) -> dict[str, Any]:
        raw = json.dumps(body).encode() if body is not None else b""
        conn = http.client.HTTPConnection(self._host, self._port, timeout=self.timeout)
        try:
            conn.request(method, path, body=raw, headers={"Content-Type": "application/json"})
            response = conn.getresponse()
            text = response.read()
        except (OSError, http.client.HTTPException) as exc:
            raise SimulatorError(f"sandbox at {self.base_url} unreachable: {exc}") from None
        finally:
            conn.close()
        try:
            data = json.loads(text.decode("utf-8")) if text else {}
        except (UnicodeDecodeError, ValueError):
            raise SimulatorError(
                f"sandbox answered {method} {path} with non-JSON (HTTP {response.status})",
                response.status,
            ) from None
        if response.status >= 300:
            message = data.get("error") if isinstance(data, dict) else None
            raise SimulatorError(message or f"HTTP {response.status}", response.status)
        if not isinstance(data, dict):
            raise SimulatorError(
                f"sandbox answered {method} {path} with unexpected JSON", response.status
            )
        return data
