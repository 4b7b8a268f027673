"""Antom AMS v1 client: signed requests, verified answers, safe retries, typed responses.

Retries resend the *identical body bytes* (same ``paymentRequestId``) but sign them again
with a fresh ``Request-Time``: the gateway's idempotency is keyed on the request id and the
body, not on the time header, and a fresh time keeps a retry valid at gateways that reject
stale request times. So one sale can never become two payments.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from cashier_app import version as cashier_version
from cashier_app.domain import payment_code
from cashier_app.domain.errors import CashierError
from cashier_app.domain.money import Money
from cashier_app.domain.net import is_loopback_host
from cashier_app.domain.store import StoreInfo
from cashier_app.domain.values import dataclass, field
from cashier_app.gateway import retry
from cashier_app.gateway.demo_keys import refuse_demo_keys
from cashier_app.gateway.errors import (
    GatewayError,
    GatewayResultError,
    GatewayTimeout,
    MalformedResponse,
    RequestError,
    ResponseSignatureError,
    TransportError,
)
from cashier_app.gateway.exchange_log import log_exchange
from cashier_app.gateway.instore import in_store_pay_payload
from cashier_app.gateway.responses import (
    CancelResponse,
    InquiryResponse,
    PayResponse,
    RefundInquiryResponse,
    RefundResponse,
    Result,
)
from cashier_app.gateway.signing import (
    SignatureError,
    Signer,
    Verifier,
    body_time,
    check_time,
    parse_header_time,
    request_time,
)
from cashier_app.gateway.wire import (
    MAX_RESPONSE_BYTES,
    Answer,
    WireError,
    WireTimeout,
    deadline,
    poster_for,
)

if TYPE_CHECKING:
    import httpx

__all__ = [
    "API_PATHS", "AntomClient", "CancelResponse", "Exchange", "InquiryResponse",
    "PayResponse", "RefundInquiryResponse", "RefundResponse", "Result", "check_gateway_url",
]  # fmt: skip

log = logging.getLogger(__name__)

API_PATHS: dict[str, str] = {
    "pay": "/ams/api/v1/payments/pay",
    "inquiryPayment": "/ams/api/v1/payments/inquiryPayment",
    "cancel": "/ams/api/v1/payments/cancel",
    "refund": "/ams/api/v1/payments/refund",
    "inquiryRefund": "/ams/api/v1/payments/inquiryRefund",
}
SANDBOX_PREFIX = "SANDBOX_"
MAX_ID_LENGTH = 64
MAX_DESCRIPTION_LENGTH = 256

T = TypeVar("T")

#: How far a gateway's clock may be from ours before its Response-Time is not believed.
#: Generous on purpose: a till whose clock is minutes off still takes payments (``cashier
#: doctor`` reports the skew); an answer dated hours before our request is a replay, and
#: one years away a broken clock.
CLOCK_TOLERANCE_SECONDS = 3600.0


def check_answer_time(
    api: str,
    response_time: str,
    *,
    sent_at: float | None,
    now: float,
    tolerance: float = CLOCK_TOLERANCE_SECONDS,
) -> None:
    """Raise ResponseSignatureError unless the (verified) ``Response-Time`` lies after the
    moment the request left (``sent_at``) and before ``now``, each give or take
    ``tolerance`` seconds for the difference between the two clocks."""
    try:
        moment = parse_header_time(response_time, "Response-Time").timestamp()
    except SignatureError as exc:
        raise ResponseSignatureError.of("bad_signature", api=api, problem=exc) from None
    start = now if sent_at is None else sent_at
    if moment < start - tolerance:
        raise ResponseSignatureError.of(
            "answer_s_response_time_before_our",
            api=api,
            response_time=response_time,
            start=_span(start - moment),
            tolerance=f"{tolerance:g}",
        )
    if moment > now + tolerance:
        raise ResponseSignatureError.of(
            "answer_s_response_time_ahead_computer",
            api=api,
            response_time=response_time,
            moment=_span(moment - now),
            tolerance=f"{tolerance:g}",
        )


def _span(seconds: float) -> str:
    if seconds >= 2 * 86400:
        return f"{seconds / 86400:,.0f} days"
    if seconds >= 7200:
        return f"{seconds / 3600:,.0f} hours"
    return f"{seconds:,.0f} s"


def check_gateway_url(url: str) -> str:
    """Return the base URL without a trailing slash, or raise ValueError naming the problem.

    Plain ``http`` is accepted only for loopback (the embedded or a local sandbox): anything
    else would send signed payment traffic in clear text.
    """
    if not isinstance(url, str) or not url.strip():
        raise RequestError.of("gateway_url_empty")
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        raise RequestError.of("gateway_url_must_start_https_http", url=url)
    if not parts.hostname:
        raise RequestError.of("gateway_url_has_no_host", url=url)
    if parts.query or parts.fragment:
        raise RequestError.of("gateway_url_must_not_have_query", url=url)
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise RequestError.of("gateway_url_uses_plain_http_non", url=url)
    return url.strip().rstrip("/")


@dataclass(frozen=True, slots=True)
class Exchange:
    """One HTTP attempt as the QA console shows it. Holds no key material: the
    ``Signature`` header is a public value and is shown on purpose."""

    api: str
    method: str
    url: str
    request_headers: dict[str, str]
    request_body: str
    status_code: int | None
    response_headers: dict[str, str]
    response_body: str
    verified: bool
    error: str
    elapsed_ms: float
    attempt: int = 1
    started_at: float = field(default=0.0)  #: time.time() when the request left
    #: ``error`` as the error it was (code and parameters), for a UI in another language.
    failure: CashierError | None = field(default=None, compare=False)


class AntomClient:
    """Blocking Antom client over kept-alive connections; thread-safe. A plain-http
    (loopback) sandbox is spoken to with the standard library, anything else (or an
    injected httpx ``transport``) with httpx: see ``wire.poster_for``."""

    def __init__(
        self,
        base_url: str,
        client_id: str,
        signer: Signer,
        verifier: Verifier,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 10.0,
        max_attempts: int = 3,
        observer: Callable[[Exchange], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        retry_base_delay: float = retry.DEFAULT_BASE_DELAY,
        retry_max_delay: float = retry.DEFAULT_MAX_DELAY,
        clock_tolerance: float = CLOCK_TOLERANCE_SECONDS,
    ) -> None:
        self.base_url = check_gateway_url(base_url)
        if not isinstance(client_id, str) or not client_id.strip():
            raise RequestError.of("client_id_empty")
        if any(c.isspace() for c in client_id.strip()) or not client_id.isascii():
            raise RequestError.of("client_id_must_ascii_without_spaces", client_id=client_id)
        if not isinstance(signer, Signer) or not isinstance(verifier, Verifier):
            raise TypeError("AntomClient needs a Signer and a Verifier")
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        self.client_id = client_id.strip()
        self.signer = signer
        self.verifier = verifier
        self.timeout = float(timeout)
        self.max_attempts = int(max_attempts)
        self.observer = observer
        self.clock_tolerance = float(clock_tolerance)
        self._sleep = sleep
        self._retry_base = retry_base_delay
        self._retry_cap = retry_max_delay
        self._local = threading.local()
        loopback = is_loopback_host(urlsplit(self.base_url).hostname or "")
        if not (loopback and self.base_url.startswith("http://")):
            # the published embedded-sandbox keys prove nothing: never for a real gateway
            refuse_demo_keys(signer, verifier, target=self.base_url)
        self._http = poster_for(
            self.base_url,
            timeout=self.timeout,
            connect_timeout=min(self.timeout, 5.0),
            transport=transport,
            trust_env=not loopback,  # a proxy must never sit between us and a local sandbox
        )

    # -- public API -------------------------------------------------------------------
    @property
    def is_sandbox(self) -> bool:
        return self.client_id.startswith(SANDBOX_PREFIX)

    def path_for(self, api: str) -> str:
        """The request path (what is signed): the base URL's own path, then the API path,
        ``/ams/api`` becoming ``/ams/sandbox/api`` for ``SANDBOX_`` client ids as in the
        official SDK's ``adjust_sandbox_url``."""
        path = API_PATHS[api]
        if self.is_sandbox:
            path = path.replace("/ams/api", "/ams/sandbox/api", 1)
        return (urlsplit(self.base_url).path or "").rstrip("/") + path

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
        """CASHIER_PAYMENT. The normal answer is U/PAYMENT_IN_PROCESS with the wallet URLs."""
        payload = pay_payload(
            payment_request_id,
            amount,
            method_type,
            reference_order_id=reference_order_id,
            order_description=order_description,
            expiry=expiry,
            notify_url=notify_url,
            redirect_url=redirect_url,
            terminal_type=terminal_type,
        )
        data, result = self._call("pay", payload, in_process_ok=True)
        return PayResponse.parse(data, result)

    def pay_in_store(
        self,
        payment_request_id: str,
        amount: Money,
        *,
        scenario: str,
        store: StoreInfo,
        order_description: str,
        reference_order_id: str,
        method_type: str = "CONNECT_WALLET",
        payment_code: str = "",
        terminal_time: datetime | None = None,
        expiry: datetime | None = None,
        notify_url: str | None = None,
    ) -> PayResponse:
        """IN_STORE_PAYMENT (gateway/instore.py). A payment code is S at once, U while the
        customer confirms, or F (code invalid or expired, balance, risk: raised as
        GatewayResultError). The code is masked in every Exchange the observer sees."""
        payload = in_store_pay_payload(
            payment_request_id,
            amount,
            scenario=scenario,
            store=store,
            order_description=order_description,
            reference_order_id=reference_order_id,
            method_type=method_type,
            payment_code=payment_code,
            terminal_time=terminal_time,
            expiry=expiry,
            notify_url=notify_url,
        )
        data, result = self._call(
            "pay", payload, in_process_ok=True, secrets=(payment_code,) if payment_code else ()
        )
        return PayResponse.parse(data, result)

    def inquiry_payment(
        self, payment_request_id: str | None = None, payment_id: str | None = None
    ) -> InquiryResponse:
        payload = _ids("inquiryPayment", paymentRequestId=payment_request_id, paymentId=payment_id)
        data, result = self._call("inquiryPayment", payload)
        return InquiryResponse.parse(data, result)

    def cancel(
        self, payment_request_id: str | None = None, payment_id: str | None = None
    ) -> CancelResponse:
        payload = _ids("cancel", paymentRequestId=payment_request_id, paymentId=payment_id)
        data, result = self._call("cancel", payload)
        return CancelResponse.parse(data, result)

    def refund(
        self,
        refund_request_id: str,
        payment_id: str,
        amount: Money,
        reason: str = "",
        notify_url: str | None = None,
    ) -> RefundResponse:
        """S when refunded at once; U / REFUND_IN_PROCESS when the method refunds later
        (then notifyRefund to ``notify_url``, or inquiryRefund, tells the result)."""
        _check_id("refundRequestId", refund_request_id)
        _check_id("paymentId", payment_id)
        payload: dict[str, Any] = {
            "refundRequestId": refund_request_id,
            "paymentId": payment_id,
            "refundAmount": amount.to_amount(),
        }
        if reason:
            if len(reason) > MAX_DESCRIPTION_LENGTH:
                raise RequestError.of(
                    "refund_reason_longer_than_chars", max_description_length=MAX_DESCRIPTION_LENGTH
                )
            payload["refundReason"] = reason
        if notify_url:
            payload["refundNotifyUrl"] = notify_url
        data, result = self._call("refund", payload, in_process_ok=True)
        return RefundResponse.parse(data, result)

    def inquiry_refund(
        self, refund_request_id: str | None = None, refund_id: str | None = None
    ) -> RefundInquiryResponse:
        payload = _ids("inquiryRefund", refundRequestId=refund_request_id, refundId=refund_id)
        data, result = self._call("inquiryRefund", payload)
        return RefundInquiryResponse.parse(data, result)

    @contextmanager
    def capture(self, on_answer: Callable[[str], None] | None = None) -> Iterator[list[Exchange]]:
        """Collect the exchanges made by *this thread* inside the block (the checkout
        service journals them as events). ``on_answer(api)`` runs when an HTTP answer has
        arrived, before it is verified or parsed (the journal's crash points hook in here).
        """
        stack: list[list[Exchange]] = self._local.__dict__.setdefault("captures", [])
        hooks: list[Callable[[str], None]] = self._local.__dict__.setdefault("hooks", [])
        bucket: list[Exchange] = []
        stack.append(bucket)
        if on_answer is not None:
            hooks.append(on_answer)
        try:
            yield bucket
        finally:
            stack.remove(bucket)
            if on_answer is not None:
                hooks.remove(on_answer)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> AntomClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"AntomClient({self.base_url!r}, client_id={self.client_id!r})"

    # -- one call: body built once, attempts resend the same bytes ------------------------
    def _call(
        self,
        api: str,
        payload: dict[str, Any],
        *,
        in_process_ok: bool = False,
        secrets: tuple[str, ...] = (),
    ) -> tuple[dict[str, Any], Result]:
        body = encode_body(payload)
        path = self.path_for(api)
        url = urlsplit(self.base_url)._replace(path=path).geturl()

        def attempt(n: int) -> tuple[dict[str, Any], Result]:
            data = self._attempt(api, url, path, body, n, secrets)
            return data, Result.parse(data, api)

        return self.with_retries(api, attempt, in_process_ok=in_process_ok)

    def with_retries(
        self, api: str, attempt: Callable[[int], tuple[T, Result]], *, in_process_ok: bool = False
    ) -> tuple[T, Result]:
        """The retry loop every request goes through, whatever its wire dialect.

        ``attempt(n)`` sends attempt ``n`` (1-based; the same bytes each time) and returns
        its parsed answer and ``result``. Transport failures and the U codes that ask for it
        are retried with back-off (``retry.should_retry``); S, and U in-process codes when
        ``in_process_ok``, are returned; anything else raises GatewayResultError.
        """
        n = 0
        while True:
            n += 1
            try:
                value, result = attempt(n)
                if result.status == "U" and result.code in retry.RETRYABLE_U_CODES:
                    raise GatewayResultError("U", result.code, result.message, api)
            except GatewayError as exc:
                if retry.should_retry(exc, n, self.max_attempts):
                    delay = self.retry_delay(n)
                    left = self.time_left()
                    if left is not None and left <= delay:
                        raise  # the caller's time limit ends before another attempt could
                    log.info("%s attempt %d failed (%s); retrying in %.2fs", api, n, exc, delay)
                    self._sleep(delay)
                    continue
                raise
            if result.status == "S" or (
                result.status == "U" and in_process_ok and result.code in retry.IN_PROCESS_CODES
            ):
                return value, result
            error = GatewayResultError(result.status, result.code, result.message, api)
            if isinstance(value, dict):
                error.answer = value
            raise error

    @contextmanager
    def time_limit(self, seconds: float | None) -> Iterator[None]:
        """Every request *this thread* makes inside the block, retries included, ends
        within ``seconds`` from now (None: only each request's own ``timeout``): the whole
        of ``cashier pay --timeout``. A nested block replaces the limit (a last cancel
        after the limit gets its own short one)."""
        previous = self._local.__dict__.get("deadline")
        self._local.deadline = None if seconds is None else time.monotonic() + seconds
        try:
            yield
        finally:
            self._local.deadline = previous

    def time_left(self) -> float | None:
        """Seconds left of this thread's ``time_limit`` (None: no limit)."""
        at = self._local.__dict__.get("deadline")
        return None if at is None else at - time.monotonic()

    def _attempt(
        self,
        api: str,
        url: str,
        path: str,
        body: bytes,
        attempt: int,
        secrets: tuple[str, ...] = (),
    ) -> dict[str, Any]:
        req_time = request_time()
        headers = {
            "Content-Type": "application/json; charset=UTF-8",
            "Accept": "application/json",
            "User-Agent": f"cashier/{cashier_version()}",
            "client-id": self.client_id,
            "Request-Time": req_time,
            "Signature": self.signer.header("POST", path, self.client_id, req_time, body),
        }

        sent = time.time()
        return self.send(
            api,
            url,
            body,
            headers,
            attempt,
            verify=lambda response: self._verify(api, path, response, sent_at=sent),
            parse=lambda response: parse_json(api, response.content),
            secrets=secrets,
        )

    def send(
        self,
        api: str,
        url: str,
        body: bytes,
        headers: dict[str, str],
        attempt: int,
        *,
        verify: Callable[[Answer], None],
        parse: Callable[[Answer], T],
        secrets: tuple[str, ...] = (),
    ) -> T:
        """One HTTP attempt, whatever its wire dialect: POST over this client's keep-alive
        connection (answer size capped), the ``capture(on_answer)`` hooks as soon as an
        answer arrived (the journal's crash points), HTTP status checks, then ``verify`` and
        ``parse`` (each raises GatewayError when the answer is not believable). The exchange
        goes to the observer and the capture buckets whatever happened.

        One deadline holds for the whole request (connect, send, every read of the
        answer): this client's ``timeout``, or less when the thread's ``time_limit`` ends
        sooner, whichever poster carries it (``wire.deadline``): a gateway dripping bytes
        would reset any per-read timeout."""
        left = self.time_left()
        if left is not None and left <= 0:
            raise GatewayTimeout.of("not_sent_time_limit_has_run", api=api)
        limit = self.timeout if left is None else min(self.timeout, left)
        with deadline(time.monotonic() + limit):
            return self._send_once(api, url, body, headers, attempt, limit, verify, parse, secrets)

    def _send_once(
        self,
        api: str,
        url: str,
        body: bytes,
        headers: dict[str, str],
        attempt: int,
        limit: float,
        verify: Callable[[Answer], None],
        parse: Callable[[Answer], T],
        secrets: tuple[str, ...] = (),
    ) -> T:
        started = time.time()
        t0 = time.perf_counter()
        response: Answer | None = None
        verified = False
        error: GatewayError | None = None
        try:
            try:
                response = self._http.post(
                    url, content=body, headers=headers, api=api, limit=MAX_RESPONSE_BYTES
                )
            except WireTimeout as exc:
                raise GatewayTimeout.of(
                    "no_connection_within_s"
                    if exc.kind in ("ConnectTimeout", "PoolTimeout")
                    else "no_answer_within_s",
                    api=api,
                    limit=f"{limit:g}",
                    host=urlsplit(url).hostname or url,
                    detail=f"{exc.kind}: {exc}",
                ) from None
            except WireError as exc:
                raise TransportError.describe(api, urlsplit(url).hostname or url, exc) from None
            for hook in tuple(self._local.__dict__.get("hooks", ())):
                hook(api)
            if response.status_code >= 500:
                raise TransportError.of(
                    "gateway_answered_http", api=api, status_code=response.status_code
                )
            if response.status_code != 200:
                raise MalformedResponse.of(
                    "gateway_answered_http", api=api, status_code=response.status_code
                )
            verify(response)
            verified = True
            return parse(response)
        except GatewayError as exc:
            error = exc
            raise
        finally:
            request_text = body.decode("utf-8")
            response_text = (
                response.content.decode("utf-8", "replace") if response is not None else ""
            )
            for secret in secrets:  # a customer's payment code: shown masked only
                request_text = payment_code.redact(request_text, secret)
                response_text = payment_code.redact(response_text, secret)
            self._notify(
                Exchange(
                    api=api,
                    method="POST",
                    url=url,
                    request_headers=headers,
                    request_body=request_text,
                    status_code=response.status_code if response is not None else None,
                    response_headers=dict(response.headers) if response is not None else {},
                    response_body=response_text,
                    verified=verified,
                    error=_exchange_error(error),
                    failure=error if isinstance(error, CashierError) else None,
                    elapsed_ms=(time.perf_counter() - t0) * 1000,
                    attempt=attempt,
                    started_at=started,
                )
            )

    def retry_delay(self, attempt: int) -> float:
        """Back-off before attempt ``attempt + 1``, with this client's base and cap."""
        return retry.backoff_delay(attempt, base=self._retry_base, cap=self._retry_cap)

    def _verify(
        self, api: str, path: str, response: Answer, *, sent_at: float | None = None
    ) -> None:
        """Believe nothing unsigned: signature, Response-Time, and client-id must all hold
        for the body bytes exactly as received, and the Response-Time must lie between our
        request and now (give or take ``clock_tolerance``): a correctly signed answer from
        before we asked is a replay, one years away a broken clock."""
        h = response.headers  # case-insensitive names
        signature = h.get("signature")
        response_time = h.get("response-time")
        client_id = h.get("client-id")
        if not signature:
            raise ResponseSignatureError.of("no_header", api=api, header="Signature")
        if not response_time:
            raise ResponseSignatureError.of("no_header", api=api, header="Response-Time")
        if not client_id:
            raise ResponseSignatureError.of("no_header", api=api, header="client-id")
        if client_id != self.client_id:
            raise ResponseSignatureError.of("other_client", api=api, client=repr(client_id))
        try:
            check_time(response_time, "Response-Time")
            self.verifier.verify_header(
                "POST", path, client_id, response_time, response.content, signature
            )
        except SignatureError as exc:
            raise ResponseSignatureError.of("bad_signature", api=api, problem=exc) from None
        check_answer_time(
            api, response_time, sent_at=sent_at, now=time.time(), tolerance=self.clock_tolerance
        )

    def _notify(self, exchange: Exchange) -> None:
        log_exchange(exchange)
        for bucket in self._local.__dict__.get("captures", ()):
            bucket.append(exchange)
        if self.observer is not None:
            try:
                self.observer(exchange)
            except Exception:  # the QA console must never break a payment
                log.exception("exchange observer failed")


# -- pure helpers ---------------------------------------------------------------------------


def _exchange_error(error: GatewayError | None) -> str:
    """What the exchange log and the QA console record of a failure: its message, and for
    a transport failure the HTTP client's own words after it (for QA, not the operator)."""
    if error is None:
        return ""
    detail = error.params.get("detail")
    return f"{error} [{detail}]" if detail and isinstance(error, TransportError) else str(error)


def encode_body(payload: dict[str, Any]) -> bytes:
    """Compact JSON, UTF-8, non-ASCII kept as is: the exact bytes that are signed and sent."""
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def parse_json(api: str, raw: bytes) -> dict[str, Any]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise MalformedResponse.of("answer_not_utf_8_json", api=api) from None
    if not isinstance(data, dict):
        raise MalformedResponse.of("answer_not_json_object", api=api)
    Result.parse(data, api)
    return data


def _check_id(name: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise RequestError.of("empty", name=name)
    if len(value) > MAX_ID_LENGTH:
        raise RequestError.of("longer_than_characters", name=name, max_id_length=MAX_ID_LENGTH)
    return value


def _ids(api: str, **ids: str | None) -> dict[str, Any]:
    given = {k: _check_id(k, v) for k, v in ids.items() if v}
    if not given:
        raise RequestError.of("needs", api=api, ids=" or ".join(ids))
    return given


def pay_payload(
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
) -> dict[str, Any]:
    """The CASHIER_PAYMENT request body. Deterministic: the same arguments always give the
    same dict in the same order, hence the same bytes (a resend is byte-identical)."""
    _check_id("paymentRequestId", payment_request_id)
    _check_id("paymentMethodType", method_type)
    if not isinstance(amount, Money):
        raise TypeError("amount must be Money")
    ref = reference_order_id or payment_request_id
    _check_id("referenceOrderId", ref)
    description = order_description or ref
    if len(description) > MAX_DESCRIPTION_LENGTH:
        raise RequestError.of(
            "orderdescription_longer_than_chars", max_description_length=MAX_DESCRIPTION_LENGTH
        )
    if terminal_type not in ("WEB", "WAP", "APP", "MINI_APP"):
        raise RequestError.of("terminaltype_not_web_wap_app_mini", terminal_type=terminal_type)
    payload: dict[str, Any] = {
        "productCode": "CASHIER_PAYMENT",
        "paymentRequestId": payment_request_id,
        "paymentAmount": amount.to_amount(),
        "order": {
            "referenceOrderId": ref,
            "orderDescription": description,
            "orderAmount": amount.to_amount(),
        },
        "paymentMethod": {"paymentMethodType": method_type},
        "env": {"terminalType": terminal_type},
    }
    if expiry is not None:
        payload["paymentExpiryTime"] = body_time(expiry)
    if redirect_url:
        payload["paymentRedirectUrl"] = redirect_url
    if notify_url:
        payload["paymentNotifyUrl"] = notify_url
    if method_type == "CONNECT_WALLET":
        # The aggregated Alipay+ cashier settles in a contracted currency the gateway must
        # be told; we settle in the payment currency.
        payload["settlementStrategy"] = {"settlementCurrency": amount.currency}
    return payload
