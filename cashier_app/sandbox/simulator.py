"""Routes under ``/sandbox/``: the wallet simulator page and the JSON control endpoints.

These are not Antom APIs: they stand in for the payer's phone and for the QA operator.
On loopback they are unauthenticated. On the LAN listener (``SandboxGateway.start_lan``,
``cashier sandbox --lan``), where a real phone opens the wallet page, every route needs
the session's token, ``?t=<token>`` (what the QR carries) or an ``X-Sandbox-Token``
header; without it 403. The pages then carry the token in their forms and redirects.

| route | does |
|---|---|
| ``GET /sandbox/wallet/<id>`` | simulator page (``normalUrl``) with Pay / Decline forms |
| ``POST /sandbox/wallet/<id>/pay`` or ``/decline`` | form targets; 303 back to the page |
| ``GET /sandbox/code/<id>``, ``/sandbox/applink/<id>`` | 302 to the page (QR / app link) |
| ``GET /sandbox/payments/<id>`` | the payment as JSON |
| ``POST /sandbox/payments/<id>/approve`` / ``decline`` / ``expire`` / ``pending`` | JSON control |
| ``POST /sandbox/refunds/<refundId>/settle`` | settle an async refund: ``{"status": "FAIL"}`` |
| ``GET`` / ``POST`` / ``DELETE /sandbox/faults`` | list / add / clear fault scenarios |
| ``GET`` / ``POST`` / ``DELETE /sandbox/autopay`` | the pretend customer: show / set / off |
| ``GET /sandbox/scenarios`` | the named scenario catalog (``scenarios.py``) |
| ``GET`` / ``POST`` / ``DELETE /sandbox/scenario`` | the active scenario: show / set / clear |
| ``GET /sandbox/notifications`` | notification delivery attempts |
| ``POST /sandbox/merchants`` | register ``{"clientId","publicKey","keyVersion"}`` |
| ``GET /sandbox/info`` | url, gateway public key, merchants |
| ``POST /sandbox/wallets/<type>/payment-code`` | a fresh in-store payment code (JSON) |
| ``GET /sandbox/wallets/<type>/payment-code`` | the customer's code screen (barcode, QR) |
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, ClassVar, Protocol
from urllib.parse import parse_qs, urlsplit

from cashier_app.domain.errors import CashierError
from cashier_app.domain.values import asdict
from cashier_app.gateway.signing import KeyFormatError
from cashier_app.sandbox import api, wallet
from cashier_app.sandbox import store as st
from cashier_app.sandbox.autopay import parse_policy
from cashier_app.sandbox.faults import KINDS, FaultError, parse_fault

if TYPE_CHECKING:
    from cashier_app.sandbox.gateway import SandboxGateway


class RouteError(CashierError):
    """A control call the routes themselves refuse (no such route, wrong method, no
    token): answered with its code and parameters like every refusal, so the QA console
    and the CLI say it in their operator's language."""

    layer = "sandbox"
    MESSAGES: ClassVar[dict[str, str]] = {
        "no_route": "no sandbox route {path}",
        "method_not_allowed": "{method} is not allowed on {path}",
        "no_token": "missing or wrong sandbox token (t=...)",
    }


#: The simulator's routes, read by ``_match`` without regular expressions (fourteen of them
#: were compiled at every start of an embedded sandbox): an id is 1-64 of
#: ``[A-Za-z0-9_-]``, a wallet 1-64 of ``[A-Za-z_]``; test_simulator_routes.py holds it to
#: the patterns it stands for.
_FIXED = {
    "/sandbox/faults": "faults",
    "/sandbox/autopay": "autopay",
    "/sandbox/scenarios": "scenarios",
    "/sandbox/scenario": "scenario",
    "/sandbox/notifications": "notifications",
    "/sandbox/merchants": "merchants",
    # ^/sandbox/?(?:info)?$
    "/sandbox": "info",
    "/sandbox/": "info",
    "/sandbox/info": "info",
    "/sandboxinfo": "info",
}
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_ID_CHARS = frozenset(_LETTERS + "0123456789_-")
_WALLET_CHARS = frozenset(_LETTERS + "_")
_WALLET_ACTIONS = ("pay", "decline")
_PAYMENT_ACTIONS = ("approve", "decline", "expire", "pending")


def _is_id(text: str, chars: frozenset[str] = _ID_CHARS) -> bool:
    return 0 < len(text) <= 64 and all(c in chars for c in text)


_METHODS = {
    "wallet": {"GET"},
    "wallet_action": {"POST"},
    "to_wallet": {"GET"},
    "payment": {"GET"},
    "control": {"POST"},
    "settle_refund": {"POST"},
    "faults": {"GET", "POST", "DELETE"},
    "autopay": {"GET", "POST", "DELETE"},
    "scenarios": {"GET"},
    "scenario": {"GET", "POST", "DELETE"},
    "notifications": {"GET"},
    "merchants": {"POST"},
    "info": {"GET"},
    "payment_code": {"GET", "POST"},
}


class Responder(Protocol):
    def send_raw(
        self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None: ...


def _json(out: Responder, status: int, data: Any) -> None:
    out.send_raw(
        status,
        json.dumps(data, ensure_ascii=False).encode("utf-8"),
        "application/json; charset=UTF-8",
    )


def _html(out: Responder, status: int, page: str) -> None:
    out.send_raw(status, page.encode("utf-8"), "text/html; charset=UTF-8")


def _body_json(body: bytes) -> Any:
    if not body.strip():
        return {}
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ValueError("request body is not JSON") from None


def _match(path: str) -> tuple[str, tuple[str, ...]] | None:
    """``(route, the path's parts it names)``, or None: no simulator route."""
    fixed = _FIXED.get(path)
    if fixed is not None:
        return fixed, ()
    parts = path.split("/")
    if len(parts) < 4 or parts[0] or parts[1] != "sandbox" or not _is_id(parts[3]):
        return None
    kind, key, rest = parts[2], parts[3], parts[4:]
    if kind == "wallet":
        if not rest:
            return "wallet", (key,)
        if len(rest) == 1 and rest[0] in _WALLET_ACTIONS:
            return "wallet_action", (key, rest[0])
    elif kind in ("code", "applink") and not rest:
        return "to_wallet", (key,)
    elif kind == "payments":
        if not rest:
            return "payment", (key,)
        if len(rest) == 1 and rest[0] in _PAYMENT_ACTIONS:
            return "control", (key, rest[0])
    elif kind == "refunds" and rest == ["settle"]:
        return "settle_refund", (key,)
    elif kind == "wallets" and rest == ["payment-code"] and _is_id(key, _WALLET_CHARS):
        return "payment_code", (key,)
    return None


def offered_token(target: str, header: str | None) -> str:
    """The LAN token a request offers: the ``t`` query parameter, else the header."""
    values = parse_qs(urlsplit(target).query).get("t")
    return values[-1] if values else (header or "")


def refuse(out: Responder, method: str, lang: str = "en") -> None:
    """403 for a LAN request without this session's token (a page for a browser)."""
    if method == "GET":
        _html(
            out,
            403,
            wallet.render_message(
                "Link incomplete",
                "This wallet page needs the link from the cashier's QR code. "
                "Scan the QR code on the cashier's screen again.",
                lang,
            ),
        )
    else:
        _json(out, 403, _error_body(RouteError.of("no_token")))


def handle(
    out: Responder,
    gw: SandboxGateway,
    method: str,
    path: str,
    body: bytes,
    suffix: str = "",
    lang: str = "en",
) -> None:
    """Serve one ``/sandbox/`` request. ``suffix`` (``?t=<token>`` on the LAN listener)
    goes on every link and redirect the payer's pages make; ``lang`` (``wallet.language``
    of the browser's Accept-Language) is the wallet page's language."""
    path, _, query = path.partition("?")
    if query and method == "GET":
        body = query.encode("utf-8")  # only the code screen reads a query (its scenario)
    found = _match(path)
    if found is None:
        _json(out, 404, _error_body(RouteError.of("no_route", path=path)))
        return
    route, groups = found
    if method not in _METHODS[route]:
        _json(out, 405, _error_body(RouteError.of("method_not_allowed", method=method, path=path)))
        return
    try:
        if route in _LINKING:
            _HANDLERS[route](out, gw, method, body, *groups, suffix=suffix, lang=lang)
        else:
            _HANDLERS[route](out, gw, method, body, *groups)
    except st.NotFound as exc:
        if route.startswith("wallet") or route == "to_wallet":
            text = wallet.error_text(exc, lang)
            _html(out, 404, wallet.render_message("Payment not found", text, lang))
        else:
            _json(out, 404, _error_body(exc))
    except st.StateError as exc:
        _json(out, 409, _error_body(exc))
    except (ValueError, FaultError, KeyFormatError) as exc:
        _json(out, 400, _error_body(exc))


def _error_body(exc: Exception) -> dict[str, Any]:
    """A refused control call's answer: the English ``error``, and for a coded error its
    ``code``, English ``template``, ``params`` and which of them are ``terms``, so that a
    client (the QA console, the CLI) shows it in its operator's language."""
    body: dict[str, Any] = {"error": str(exc)}
    if isinstance(exc, CashierError) and exc.template is not None:
        body.update(code=exc.code, template=exc.template, params=exc.params)
        if exc.terms:  # words the client translates with the template ("approve")
            body["terms"] = sorted(exc.terms)
    return body


# -- the payer's side -------------------------------------------------------------------


def _wallet(
    out: Responder,
    gw: SandboxGateway,
    method: str,
    body: bytes,
    payment_id: str,
    *,
    suffix: str = "",
    lang: str = "en",
) -> None:
    with gw.store.lock:
        p = gw.store.payment(payment_id, gw.now())
        page = wallet.render_wallet(p, gw.now(), suffix=suffix, lang=lang)
    _html(out, 200, page)


def _wallet_action(
    out: Responder,
    gw: SandboxGateway,
    method: str,
    body: bytes,
    payment_id: str,
    action: str,
    *,
    suffix: str = "",
    lang: str = "en",
) -> None:
    try:
        if action == "pay":
            gw.approve(payment_id)
        else:
            gw.decline(payment_id)
    except st.StateError as exc:
        with gw.store.lock:
            p = gw.store.payment(payment_id, gw.now())
            notice = wallet.error_text(exc, lang)
            page = wallet.render_wallet(p, gw.now(), notice=notice, suffix=suffix, lang=lang)
        _html(out, 409, page)
        return
    out.send_raw(303, b"", "text/plain", {"Location": f"/sandbox/wallet/{payment_id}{suffix}"})


def _to_wallet(
    out: Responder,
    gw: SandboxGateway,
    method: str,
    body: bytes,
    payment_id: str,
    *,
    suffix: str = "",
    lang: str = "en",
) -> None:
    gw.store.payment(payment_id, gw.now())  # 404 for unknown ids
    out.send_raw(302, b"", "text/plain", {"Location": f"/sandbox/wallet/{payment_id}{suffix}"})


# -- automation / QA --------------------------------------------------------------------


def _payment(out: Responder, gw: SandboxGateway, method: str, body: bytes, payment_id: str) -> None:
    _json(out, 200, gw.payment(payment_id))


def _control(
    out: Responder, gw: SandboxGateway, method: str, body: bytes, payment_id: str, action: str
) -> None:
    data = _body_json(body)
    if not isinstance(data, dict):
        raise ValueError("request body must be a JSON object")
    if action == "approve":
        answer = gw.approve(payment_id)
    elif action == "decline":
        answer = gw.decline(payment_id, str(data.get("resultCode") or st.DECLINED_CODE))
    elif action == "pending":
        answer = gw.pend(payment_id)
    else:
        answer = gw.expire(payment_id)
    _json(out, 200, answer)


def _settle_refund(
    out: Responder, gw: SandboxGateway, method: str, body: bytes, refund_id: str
) -> None:
    data = _body_json(body)
    if not isinstance(data, dict):
        raise ValueError("request body must be a JSON object")
    status = data.get("status", st.SUCCESS)
    if status not in (st.SUCCESS, st.FAIL):
        raise ValueError(f"status {status!r} must be SUCCESS or FAIL")
    _json(out, 200, gw.settle_refund(refund_id, status, str(data.get("resultCode") or "")))


def _faults(out: Responder, gw: SandboxGateway, method: str, body: bytes) -> None:
    if method == "DELETE":
        gw.faults.clear()
    elif method == "POST":
        data = _body_json(body)
        items = data if isinstance(data, list) else [data]
        parsed = [parse_fault(item) for item in items]  # all or nothing
        added = [gw.faults.add_fault(f).to_json() for f in parsed]
        _json(out, 201, {"added": added, "faults": [f.to_json() for f in gw.faults.active()]})
        return
    _json(out, 200, {"faults": [f.to_json() for f in gw.faults.active()], "kinds": KINDS})


def _autopay(out: Responder, gw: SandboxGateway, method: str, body: bytes) -> None:
    if method == "DELETE":
        gw.set_autopay("off")
    elif method == "POST":
        policy, pending = parse_policy(_body_json(body))  # AutoPayError (400) names the field
        gw.set_autopay(
            policy.action,
            policy.after_seconds,
            result_code=policy.result_code,
            pending=pending,
            pend_seconds=policy.pend_seconds,
        )
    _json(out, 200, {**gw.autopay.to_json(), "scheduled": gw.autopayer.scheduled()})


def _scenarios(out: Responder, gw: SandboxGateway, method: str, body: bytes) -> None:
    from cashier_app.sandbox import scenarios  # the catalog: when asked for

    _json(out, 200, {"scenarios": [s.to_json() for s in scenarios.CATALOG.values()]})


def _scenario(out: Responder, gw: SandboxGateway, method: str, body: bytes) -> None:
    if method == "DELETE":
        _json(out, 200, gw.clear_scenario())
        return
    if method == "POST":
        from cashier_app.sandbox import scenarios

        scenario, values = scenarios.parse_request(_body_json(body))  # ScenarioError: 400
        _json(out, 200, gw.set_scenario(scenario.name, values))
        return
    _json(out, 200, gw.scenario_state())


def _notifications(out: Responder, gw: SandboxGateway, method: str, body: bytes) -> None:
    _json(out, 200, {"attempts": [asdict(a) for a in gw.notifier.attempts()]})


def _merchants(out: Responder, gw: SandboxGateway, method: str, body: bytes) -> None:
    data = _body_json(body)
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("clientId"), str)
        or not (isinstance(data.get("publicKey"), str))
    ):
        raise ValueError('send {"clientId": ..., "publicKey": ..., "keyVersion": ...}')
    version = str(data.get("keyVersion") or "1")
    verifier = gw.register_merchant(data["clientId"], data["publicKey"], version)  # ValueError
    _json(
        out,
        201,
        {"clientId": data["clientId"], "keyVersion": version, "fingerprint": verifier.fingerprint},
    )


def _info(out: Responder, gw: SandboxGateway, method: str, body: bytes) -> None:
    _json(
        out,
        200,
        {
            "url": gw.url,
            "lan_url": gw.lan_url,  # the token is not here: it travels in the QR only
            "gateway_public_key": gw.gateway_public_key_base64,
            "merchants": gw.merchants,
        },
    )


def _payment_code(
    out: Responder,
    gw: SandboxGateway,
    method: str,
    body: bytes,
    method_type: str,
    *,
    suffix: str = "",
    lang: str = "en",
) -> None:
    if method == "GET":
        query = parse_qs(body.decode("utf-8", "replace"))
        scenario = (query.get("scenario") or ["pay"])[0]
        code = gw.issue_payment_code(method_type, scenario)
        from cashier_app.sandbox import code_page  # the in-store code page: when shown

        _html(out, 200, code_page.render_code(code, gw.now(), suffix=suffix))
        return
    data = _body_json(body)
    if not isinstance(data, dict):
        raise ValueError("request body must be a JSON object")
    unknown = sorted(set(data) - {"scenario", "confirmSeconds"})
    if unknown:
        raise ValueError(f"{unknown[0]}: not a payment-code option (scenario, confirmSeconds)")
    code = gw.issue_payment_code(
        method_type, str(data.get("scenario") or "pay"), data.get("confirmSeconds", 3.0)
    )
    assert code.expires is not None
    _json(
        out,
        201,
        {
            "paymentCode": code.value,
            "expiresAt": api.iso(code.expires),
            "paymentMethodType": code.method_type,
            "scenario": code.scenario,
        },
    )


#: The routes whose pages link or redirect (they get the LAN token to carry on).
_LINKING = frozenset({"wallet", "wallet_action", "to_wallet", "payment_code"})

_HANDLERS: dict[str, Any] = {
    "wallet": _wallet,
    "wallet_action": _wallet_action,
    "to_wallet": _to_wallet,
    "payment": _payment,
    "control": _control,
    "settle_refund": _settle_refund,
    "faults": _faults,
    "autopay": _autopay,
    "scenarios": _scenarios,
    "scenario": _scenario,
    "notifications": _notifications,
    "merchants": _merchants,
    "info": _info,
    "payment_code": _payment_code,
}
