"""AlipayHK legacy signed envelope (seed 004), the wire codec of
``alipay.intl.acquiring.cashier.wap.pay``.

Pure protocol (JSON, SHA-256 RSA via ``gateway.signing``): the client (``gateway/alipayhk.py``)
and the sandbox's endpoint (``sandbox/alipayhk.py``) share it, as they share ``signing``.

Wire shape, as the seed shows it::

    {"request":{"head":{"version":"2.0.0","function":"alipay.intl.acquiring.cashier.wap.pay",
      "clientId":..,"reqTime":..,"reqMsgId":..,"reserve":"{}"},"body":{..}},"signature":".."}

and the answer ``{"response":{"head":{..},"body":{"resultInfo":{..},..}},"signature":".."}``.

What the seed leaves unspecified, and what we decided:

1. **Signed bytes.** The exact text of the value of the ``"request"`` (or ``"response"``)
   member, from its ``{`` to its matching ``}``, as UTF-8 bytes. This is the seed's step 1
   ("pre-sign string" ``{"head":..,"body":..}``), and step 3 embeds that very string in the
   orderStr. We write it as compact JSON (no whitespace, non-ASCII characters as is, keys in
   the order built). A verifier takes the member's text *as received* (it never re-serialises),
   so any JSON formatting by the sender verifies.
2. **Algorithm.** RSASSA-PKCS1-v1_5 with SHA-256 ("RSA2") and the same >= 2048-bit keys as the
   Antom profile (``gateway.signing``). The seed's ``sign_type="MD5"`` belongs to the older
   ``mobile.securitypay.pay`` string, which we do not produce.
3. **Signature text.** Standard base64 with padding, as a plain JSON string (the seed's sample
   orderStr shows it un-encoded although step 3 mentions ``encodeURIComponent``). A verifier
   also accepts a percent-encoded signature (decoded only when it contains ``%``, so a literal
   ``+`` of base64 is never turned into a space).
4. **Head.** ``version`` "2.0.0"; ``reqTime``/``respTime`` ISO 8601 with a UTC offset, seconds;
   ``reqMsgId`` 32 lower-case hex characters (uuid4); ``reserve`` the string ``"{}"``. The
   answer's head repeats ``clientId``, ``function`` and ``reqMsgId``; we insist they match
   ours, so an answer cannot be replayed onto another request.
5. **Body.** As the seed: ``merchantId`` (the AlipayHK MID; defaults to the client id),
   ``productCode`` "AGREEMENT_OR_CASHIER_PAY", ``merchantTransId`` (our paymentRequestId, the
   idempotency key), ``order`` {``seller`` {sellerId, sellerName, mcc}, ``orderAmount``
   {currency, value in minor units as a string}, ``orderDetail``, ``orderTitle``},
   ``notifyUrl``, ``returnUrl``, ``extendInfo`` (a JSON *string*, ``{"productScene":"Prepay"}``).
6. **Answer body.** ``resultInfo`` {resultStatus S/F/U, resultCode, resultMsg} (no numeric
   resultCodeId: we do not invent one), ``merchantTransId``, ``acquirementId`` (the gateway's
   payment id), ``orderAmount``, ``createTime``, and for an open payment the wallet links
   ``checkoutUrl`` (H5), ``applinkUrl``, ``schemeUrl`` and ``codeValue`` (QR). A U
   ``PAYMENT_IN_PROCESS`` is the normal answer, as for Antom's pay.
7. **Transport.** ``POST <gateway>/alipayhk/gateway.do`` (:data:`PATH`), ``Content-Type:
   application/json; charset=UTF-8``; the function is named in the head, not the path. HTTP
   200 for every answer, errors included (signed too).
8. **orderStr for my.tradePay** is the signed request envelope text itself (seed step 3):
   ``my.tradePay({version: "2.0.0", orderStr})`` (:func:`trade_pay_params`).
9. **Scope.** Only the pay function uses the envelope. Status, cancel and refund use the
   Antom AMS v1 APIs with the same ids (the sandbox keeps one store), so a profile with
   ``dialect = "alipayhk"`` differs only in how payments are created
   (``gateway.alipayhk.client_for_dialect``).
"""

from __future__ import annotations

import json
import uuid
from typing import Any, ClassVar
from urllib.parse import unquote, urlsplit

from cashier_app.domain.errors import CashierError
from cashier_app.domain.money import Money
from cashier_app.gateway.signing import SignatureError, Signer, Verifier, request_time

VERSION = "2.0.0"
PAY_FUNCTION = "alipay.intl.acquiring.cashier.wap.pay"
PRODUCT_CODE = "AGREEMENT_OR_CASHIER_PAY"
PATH = "/alipayhk/gateway.do"
DEFAULT_MCC = "5999"  #: ISO 18245 "miscellaneous and specialty retail"


class EnvelopeError(CashierError, ValueError):
    """An envelope that is not the documented shape; the message names the problem."""

    layer = "gateway"
    MESSAGES: ClassVar[dict[str, str]] = {
        "envelope_not_json_object": "envelope is not a JSON object",
        "envelope_not_valid_json": "envelope is not valid JSON",
        "envelope_has_member_twice": "envelope has the member {name!r} twice",
        "envelope_has_text_after_json_object": "envelope has text after the JSON object",
        "head_clientid_empty": "head.clientId is empty",
        "empty": "{name} is empty",
        "longer_than_characters": "{name} is longer than {limit} characters",
        "orderamount_must_money": "orderAmount must be Money",
        "mcc_must_4_digits": "mcc {mcc!r} must be 4 digits",
        "ordertitle_orderdetail_are_most_256_characters": "orderTitle and orderDetail are at most "
        "256 characters",
        "must_http_s_url": "{name} must be an http(s) URL",
        "kind_must_request_response": "kind must be 'request' or 'response'",
        "envelope_not_utf_8": "envelope is not UTF-8",
        "envelope_has_no_member": "envelope has no {kind!r} member",
        "must_object_head_body": "{kind} must be an object with head and body",
        "must_have_head_object_body_object": "{kind} must have a head object and a body object",
        "head_version_not": "head.version {version!r} is not {version_2}",
        "head_missing": "head.{name} is missing",
        "head_clientid_missing": "{kind}.head.clientId is missing",
    }


# -- the exact member text (what is signed) -------------------------------------------

_DECODER = json.JSONDecoder()
_WS = " \t\n\r"


def _skip(text: str, i: int) -> int:
    while i < len(text) and text[i] in _WS:
        i += 1
    return i


def member_texts(text: str) -> dict[str, str]:
    """The top-level members of a JSON object, each value's exact source text.
    Raises EnvelopeError for anything but one JSON object (duplicate names included)."""
    i = _skip(text, 0)
    if i >= len(text) or text[i] != "{":
        raise EnvelopeError.of("envelope_not_json_object")
    out: dict[str, str] = {}
    i = _skip(text, i + 1)
    if i < len(text) and text[i] == "}":
        i += 1
    else:
        while True:
            try:
                name, i = _DECODER.raw_decode(text, i)
            except ValueError:
                raise EnvelopeError.of("envelope_not_valid_json") from None
            if not isinstance(name, str):
                raise EnvelopeError.of("envelope_not_valid_json")
            i = _skip(text, i)
            if i >= len(text) or text[i] != ":":
                raise EnvelopeError.of("envelope_not_valid_json")
            start = _skip(text, i + 1)
            try:
                _, end = _DECODER.raw_decode(text, start)
            except ValueError:
                raise EnvelopeError.of("envelope_not_valid_json") from None
            if name in out:
                raise EnvelopeError.of("envelope_has_member_twice", name=name)
            out[name] = text[start:end]
            i = _skip(text, end)
            if i < len(text) and text[i] == ",":
                i = _skip(text, i + 1)
                continue
            if i < len(text) and text[i] == "}":
                i += 1
                break
            raise EnvelopeError.of("envelope_not_valid_json")
    if _skip(text, i) != len(text):
        raise EnvelopeError.of("envelope_has_text_after_json_object")
    return out


def compact(value: Any) -> str:
    """Compact JSON, non-ASCII as is: how we write the signed member."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


# -- building and opening envelopes ---------------------------------------------------


def new_req_msg_id() -> str:
    return uuid.uuid4().hex


def head(
    client_id: str,
    function: str = PAY_FUNCTION,
    *,
    req_msg_id: str | None = None,
    req_time: str | None = None,
    time_name: str = "reqTime",
) -> dict[str, str]:
    """A head in the seed's key order (version, function, clientId, time, reqMsgId, reserve)."""
    if not isinstance(client_id, str) or not client_id.strip():
        raise EnvelopeError.of("head_clientid_empty")
    return {
        "version": VERSION,
        "function": function,
        "clientId": client_id,
        time_name: req_time or request_time(),
        "reqMsgId": req_msg_id or new_req_msg_id(),
        "reserve": "{}",
    }


def pay_body(
    merchant_id: str,
    merchant_trans_id: str,
    amount: Money,
    *,
    order_title: str,
    order_detail: str = "",
    seller_name: str = "",
    mcc: str = DEFAULT_MCC,
    notify_url: str | None = None,
    return_url: str | None = None,
    product_scene: str = "Prepay",
) -> dict[str, Any]:
    """The cashier.wap.pay body (decision 5). Deterministic for the same arguments."""
    for name, value, limit in (
        ("merchantId", merchant_id, 32),
        ("merchantTransId", merchant_trans_id, 64),
    ):
        if not isinstance(value, str) or not value.strip():
            raise EnvelopeError.of("empty", name=name)
        if len(value) > limit:
            raise EnvelopeError.of("longer_than_characters", name=name, limit=limit)
    if not isinstance(amount, Money):
        raise EnvelopeError.of("orderamount_must_money")
    if not mcc.isdigit() or len(mcc) != 4:
        raise EnvelopeError.of("mcc_must_4_digits", mcc=mcc)
    title = order_title or merchant_trans_id
    if len(title) > 256 or len(order_detail) > 256:
        raise EnvelopeError.of("ordertitle_orderdetail_are_most_256_characters")
    body: dict[str, Any] = {
        "merchantId": merchant_id,
        "productCode": PRODUCT_CODE,
        "merchantTransId": merchant_trans_id,
        "order": {
            "seller": {
                "sellerId": merchant_id,
                "sellerName": seller_name or merchant_id,
                "mcc": mcc,
            },
            "orderAmount": amount.to_amount(),
            "orderDetail": order_detail or title,
            "orderTitle": title,
        },
    }
    for name, url in (("notifyUrl", notify_url), ("returnUrl", return_url)):
        if url:
            if urlsplit(url).scheme not in ("http", "https"):
                raise EnvelopeError.of("must_http_s_url", name=name)
            body[name] = url
    body["extendInfo"] = compact({"productScene": product_scene})
    return body


def seal(signer: Signer, kind: str, head_: dict[str, Any], body: dict[str, Any]) -> str:
    """The signed envelope text ``{"<kind>":{head,body},"signature":".."}`` (decision 1)."""
    if kind not in ("request", "response"):
        raise EnvelopeError.of("kind_must_request_response")
    inner = compact({"head": head_, "body": body})
    signature = signer.sign_bytes(inner.encode("utf-8"))
    return f'{{"{kind}":{inner},"signature":{json.dumps(signature)}}}'


def open_envelope(
    text: str | bytes, verifier: Verifier, kind: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Verify and parse an envelope: ``(head, body)``. Raises EnvelopeError for a bad shape
    and SignatureError when the signature does not verify over the member's exact text."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise EnvelopeError.of("envelope_not_utf_8") from None
    members = member_texts(text)
    if kind not in members:
        raise EnvelopeError.of("envelope_has_no_member", kind=kind)
    try:
        signature = json.loads(members.get("signature", "null"))
    except ValueError:  # pragma: no cover - member_texts already parsed it
        signature = None
    if not isinstance(signature, str) or not signature:
        raise SignatureError.of("envelope_has_no_signature")
    if "%" in signature:
        signature = unquote(signature)
    verifier.verify_bytes(members[kind].encode("utf-8"), signature)
    inner = json.loads(members[kind])
    if not isinstance(inner, dict):
        raise EnvelopeError.of("must_object_head_body", kind=kind)
    head_, body = inner.get("head"), inner.get("body")
    if not isinstance(head_, dict) or not isinstance(body, dict):
        raise EnvelopeError.of("must_have_head_object_body_object", kind=kind)
    if head_.get("version") != VERSION:
        raise EnvelopeError.of("head_version_not", version=head_.get("version"), version_2=VERSION)
    for name in ("function", "clientId", "reqMsgId"):
        if not isinstance(head_.get(name), str) or not head_[name]:
            raise EnvelopeError.of("head_missing", name=name)
    return head_, body


def peek_client_id(text: str | bytes, kind: str = "request") -> str:
    """``head.clientId`` before verification (to pick the key); never to be believed."""
    raw = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    try:
        inner = json.loads(member_texts(raw).get(kind, "null"))
    except ValueError:
        inner = None
    value = inner.get("head", {}).get("clientId") if isinstance(inner, dict) else None
    if isinstance(value, str) and value:
        return value
    raise EnvelopeError.of("head_clientid_missing", kind=kind)


def trade_pay_params(order_str: str) -> dict[str, str]:
    """What the mini program passes to ``my.tradePay`` (decision 8)."""
    return {"version": VERSION, "orderStr": order_str}


def result_info(
    status: str = "S", code: str = "SUCCESS", message: str = "success"
) -> dict[str, str]:
    return {"resultStatus": status, "resultCode": code, "resultMsg": message}
