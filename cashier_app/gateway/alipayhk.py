"""AlipayHK legacy signed envelope (seed 004): the client of
``alipay.intl.acquiring.cashier.wap.pay``.

The wire codec (decisions 1-8: signed bytes, algorithm, head, body, transport, orderStr) is
``gateway/alipayhk_envelope.py``, shared with the sandbox; its names are re-exported here.

9. **Scope.** Only the pay function uses the envelope. Status, cancel and refund use the
   Antom AMS v1 APIs with the same ids (the sandbox keeps one store), so a profile with
   ``dialect = "alipayhk"`` differs only in how payments are created
   (:func:`client_for_dialect`).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from cashier_app import version as cashier_version
from cashier_app.domain.dialects import ALIPAYHK, ANTOM, check_dialect
from cashier_app.domain.money import Money
from cashier_app.gateway.alipayhk_envelope import (  # the codec, re-exported
    DEFAULT_MCC,
    PATH,
    PAY_FUNCTION,
    PRODUCT_CODE,
    VERSION,
    EnvelopeError,
    compact,
    head,
    member_texts,
    new_req_msg_id,
    open_envelope,
    pay_body,
    peek_client_id,
    result_info,
    seal,
    trade_pay_params,
)
from cashier_app.gateway.errors import (
    MalformedResponse,
    RequestError,
    ResponseSignatureError,
)
from cashier_app.gateway.responses import PayResponse, Result
from cashier_app.gateway.signing import SignatureError

if TYPE_CHECKING:
    from cashier_app.gateway.antom import AntomClient
    from cashier_app.gateway.wire import Answer

DIALECT = ALIPAYHK
ANTOM_DIALECT = ANTOM
API = "alipayhk.pay"

__all__ = [
    "ANTOM_DIALECT",
    "API",
    "DEFAULT_MCC",
    "DIALECT",
    "PATH",
    "PAY_FUNCTION",
    "PRODUCT_CODE",
    "VERSION",
    "AlipayHKClient",
    "EnvelopeError",
    "client_for_dialect",
    "compact",
    "head",
    "member_texts",
    "new_req_msg_id",
    "open_envelope",
    "pay_body",
    "peek_client_id",
    "result_info",
    "seal",
    "trade_pay_params",
]


# -- the client -----------------------------------------------------------------------


class AlipayHKClient:
    """An AntomClient look-alike whose ``pay`` sends the AlipayHK envelope; inquiry,
    cancel, refund and capture are the wrapped AntomClient's (decision 9). Exchanges go to
    the wrapped client's observer and capture buckets, so the QA console and the journal
    see envelope calls too."""

    dialect = DIALECT

    def __init__(
        self,
        antom: AntomClient,
        *,
        merchant_id: str = "",
        merchant_name: str = "",
        mcc: str = DEFAULT_MCC,
    ) -> None:
        self.antom = antom
        self.base_url = antom.base_url
        self.client_id = antom.client_id
        self.signer = antom.signer
        self.verifier = antom.verifier
        self.merchant_id = merchant_id or antom.client_id
        self.merchant_name = merchant_name
        self.mcc = mcc
        self.last_order_str = ""  #: the signed envelope of the last pay (my.tradePay's orderStr)

    # AntomClient's other calls, unchanged
    def inquiry_payment(self, *args: Any, **kwargs: Any) -> Any:
        return self.antom.inquiry_payment(*args, **kwargs)

    def cancel(self, *args: Any, **kwargs: Any) -> Any:
        return self.antom.cancel(*args, **kwargs)

    def refund(self, *args: Any, **kwargs: Any) -> Any:
        return self.antom.refund(*args, **kwargs)

    def inquiry_refund(self, *args: Any, **kwargs: Any) -> Any:
        return self.antom.inquiry_refund(*args, **kwargs)

    def capture(self, *args: Any, **kwargs: Any) -> Any:
        return self.antom.capture(*args, **kwargs)

    def time_limit(self, seconds: float | None) -> Any:
        return self.antom.time_limit(seconds)

    def time_left(self) -> float | None:
        return self.antom.time_left()

    @property
    def is_sandbox(self) -> bool:
        return self.antom.is_sandbox

    def close(self) -> None:
        self.antom.close()

    def __repr__(self) -> str:
        return f"AlipayHKClient({self.base_url!r}, client_id={self.client_id!r})"

    def order_str(
        self,
        payment_request_id: str,
        amount: Money,
        *,
        order_title: str,
        notify_url: str | None = None,
        return_url: str | None = None,
        req_msg_id: str | None = None,
        req_time: str | None = None,
    ) -> str:
        """The signed request envelope (= my.tradePay's orderStr) for one payment."""
        body = pay_body(
            self.merchant_id,
            payment_request_id,
            amount,
            order_title=order_title,
            seller_name=self.merchant_name,
            mcc=self.mcc,
            notify_url=notify_url,
            return_url=return_url,
        )
        return seal(
            self.signer,
            "request",
            head(self.client_id, req_msg_id=req_msg_id, req_time=req_time),
            body,
        )

    def pay(
        self,
        payment_request_id: str,
        amount: Money,
        method_type: str,
        *,
        reference_order_id: str,
        order_description: str,
        expiry: datetime | None,
        notify_url: str | None,
        redirect_url: str | None,
        terminal_type: str = "WEB",
    ) -> PayResponse:
        """Create the payment with the envelope. Retries resend the *same* envelope (same
        reqMsgId and merchantTransId). ``expiry`` and ``terminal_type`` have no field in
        the envelope (the gateway's default expiry applies)."""
        if method_type != "ALIPAY_HK":
            raise RequestError.of("alipayhk_envelope_pays_alipay_hk_only", method_type=method_type)
        del expiry, terminal_type, reference_order_id
        envelope = self.order_str(
            payment_request_id,
            amount,
            order_title=order_description or payment_request_id,
            notify_url=notify_url,
            return_url=redirect_url,
        )
        self.last_order_str = envelope
        sent_head = json.loads(member_texts(envelope)["request"])["head"]
        url = (
            urlsplit(self.base_url)
            ._replace(path=(urlsplit(self.base_url).path or "").rstrip("/") + PATH)
            .geturl()
        )
        headers = {
            "Content-Type": "application/json; charset=UTF-8",
            "Accept": "application/json",
            "User-Agent": f"cashier/{cashier_version()}",
        }
        raw = envelope.encode("utf-8")
        opened: dict[str, Any] = {}

        def verify(response: Answer) -> None:
            try:
                opened["head"], opened["body"] = open_envelope(
                    response.content, self.verifier, "response"
                )
            except SignatureError as exc:
                raise ResponseSignatureError.of("error", api=API, exc=exc) from None
            except EnvelopeError as exc:
                raise MalformedResponse.of("error_2", api=API, exc=exc) from None
            self._check_head(opened["head"], sent_head)

        def attempt(n: int) -> tuple[dict[str, Any], Result]:
            body = self.antom.send(
                API, url, raw, headers, n, verify=verify, parse=lambda _response: opened["body"]
            )
            return body, _result_info(body)

        # The same retry loop, transport, exchange log and capture hooks as every Antom
        # call: one request pipeline for both dialects.
        body, result = self.antom.with_retries(API, attempt, in_process_ok=True)
        return _pay_response(body, result)

    def _check_head(self, got: dict[str, Any], sent: dict[str, Any]) -> None:
        for name in ("clientId", "function", "reqMsgId"):
            if got.get(name) != sent[name]:
                raise ResponseSignatureError.of(
                    "answer_head_not_ours", api=API, name=name, name_2=got.get(name)
                )


def _result_info(body: dict[str, Any]) -> Result:
    info = body.get("resultInfo")
    if not isinstance(info, dict) or info.get("resultStatus") not in ("S", "F", "U"):
        raise MalformedResponse.of("answer_has_no_usable_resultinfo", api=API)
    result = Result(
        info["resultStatus"], str(info.get("resultCode") or ""), str(info.get("resultMsg") or "")
    )
    if not result.code:
        raise MalformedResponse.of("resultinfo_resultcode_missing", api=API)
    return result


def _pay_response(body: dict[str, Any], result: Result) -> PayResponse:
    from cashier_app.gateway.responses import money, parse_time, text

    return PayResponse(
        result,
        text(body, "merchantTransId"),
        text(body, "acquirementId"),
        parse_time(body, "createTime", API),
        money(body, "orderAmount", API),
        text(body, "checkoutUrl"),
        text(body, "schemeUrl"),
        text(body, "applinkUrl"),
        text(body, "codeValue"),
        body,
    )


def client_for_dialect(
    antom: AntomClient, dialect: object = None, *, merchant_id: str = "", merchant_name: str = ""
) -> AntomClient | AlipayHKClient:
    """The client a profile's dialect asks for: the AntomClient itself, or it wrapped in
    an AlipayHKClient (what app.build_services calls once it has the AntomClient)."""
    if check_dialect(dialect) == DIALECT:
        return AlipayHKClient(antom, merchant_id=merchant_id, merchant_name=merchant_name)
    return antom
