"""``SimulatorClient``: drives a running sandbox's wallet simulator and faults over HTTP."""

from __future__ import annotations

import http.client
import json
import socket
from collections.abc import Mapping
from typing import Any, ClassVar, Self
from urllib.parse import urlsplit

from cashier_app.domain.errors import CashierError, Term
from cashier_app.domain.net import resolvable


class SimulatorError(CashierError):
    """The sandbox refused a control call (``status`` 404 unknown payment, 409 wrong state,
    400 bad input) or could not be reached (``status`` None)."""

    layer = "sandbox"
    MESSAGES: ClassVar[dict[str, str]] = {
        "sandbox_unreachable": "sandbox at {base_url} unreachable: {exc}",
        "sandbox_answered_non_json_http": "sandbox answered {method} {path} with non-JSON (HTTP "
        "{status_value})",
        "sandbox_answered_unexpected_json": "sandbox answered {method} {path} with unexpected JSON",
        "refused": "the sandbox refused {method} {path} (HTTP {status_value}): {message}",
        "sandbox_url_must_look_like_http": "sandbox url {base_url!r} must look like "
        "http://127.0.0.1:PORT",
    }

    def __init__(
        self,
        message: str = "",
        status: int | None = None,
        *,
        code: str = "",
        params: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(message, code=code, params=params)
        self.status = status

    @classmethod
    def of(cls, code: str, /, status: int | None = None, **params: object) -> Self:  # type: ignore[override]
        """The error for ``code``; ``status`` is the sandbox's HTTP status (None: unreached)."""
        error = super().of(code, **params)
        error.status = status
        return error


class SimulatorUrlError(SimulatorError, ValueError):
    """A sandbox URL the simulator client cannot use (not http://HOST:PORT)."""


class SandboxAnswer(CashierError):
    """A coded error the sandbox answered a control call with (its class lives in the
    sandbox): its code, English template and parameters, rendered like any coded error."""

    layer = "sandbox"

    def __init__(
        self,
        message: str = "",
        *,
        code: str = "",
        params: Mapping[str, object] | None = None,
        template: str | None = None,
    ) -> None:
        self._template = template
        super().__init__(message, code=code, params=params)

    @property
    def template(self) -> str | None:
        return self._template


class SimulatorClient:
    """Plays the payer's wallet (approve / decline / expire) and the QA operator (faults)
    against ``base_url`` (the sandbox's ``url``, e.g. ``http://127.0.0.1:8123``)."""

    def __init__(self, base_url: str, timeout: float = 5.0) -> None:
        parts = urlsplit(base_url)
        if parts.scheme != "http" or not parts.hostname:
            raise SimulatorUrlError.of("sandbox_url_must_look_like_http", base_url=base_url)
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
            conn.sock = connect(self._host, self._port, self.timeout)
            conn.request(method, path, body=raw, headers={"Content-Type": "application/json"})
            response = conn.getresponse()
            text = response.read()
        except (OSError, http.client.HTTPException) as exc:
            raise SimulatorError.of(
                "sandbox_unreachable", base_url=self.base_url, exc=exc
            ) from None
        finally:
            conn.close()
        try:
            data = json.loads(text.decode("utf-8")) if text else {}
        except (UnicodeDecodeError, ValueError):
            raise SimulatorError.of(
                "sandbox_answered_non_json_http",
                method=method,
                path=path,
                status_value=response.status,
                status=response.status,
            ) from None
        if response.status >= 300:
            message: object = data.get("error") if isinstance(data, dict) else ""
            if isinstance(data, dict) and isinstance(data.get("template"), str):
                params = data.get("params")
                params = dict(params) if isinstance(params, dict) else {}
                terms = data.get("terms")
                for name in terms if isinstance(terms, list) else ():
                    if isinstance(params.get(name), str):
                        params[name] = Term(params[name])
                message = SandboxAnswer(
                    str(message),
                    code=str(data.get("code") or ""),
                    params=params,
                    template=data["template"],
                )
            raise SimulatorError.of(
                "refused",
                method=method,
                path=path,
                status_value=response.status,
                message=message or "",
                status=response.status,
            )
        if not isinstance(data, dict):
            raise SimulatorError.of(
                "sandbox_answered_unexpected_json", method=method, path=path, status=response.status
            )
        return data


def connect(host: str, port: int, timeout: float | None) -> socket.socket:
    """What ``HTTPConnection.connect`` does for plain http, the host looked up without the
    idna codec (``net.resolvable``); the connection is then ``conn.sock``."""
    sock = socket.create_connection((resolvable(host), port), timeout)  # type: ignore[arg-type]  # bytes
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock
