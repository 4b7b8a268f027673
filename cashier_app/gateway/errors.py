"""One error hierarchy for gateway calls; the UI and CLI map these to messages."""

from __future__ import annotations

import socket
import ssl
from typing import Any, ClassVar

from cashier_app.domain.errors import CashierError


class GatewayError(CashierError):
    """Base of every gateway failure. ``retryable`` says whether the same request may be
    sent again unchanged (same id, identical body)."""

    layer = "gateway"
    retryable = False


class TransportError(GatewayError):
    """The request may or may not have reached the gateway (connect/reset/5xx)."""

    retryable = True
    MESSAGES: ClassVar[dict[str, str]] = {
        "connect_refused": "{api}: the gateway at {host} refused the connection "
        "(nothing listens on that port, or a firewall blocks it)",
        "tls": "{api}: the secure connection (TLS) to {host} failed: its certificate is not "
        "trusted or the handshake failed",
        "dns": "{api}: the gateway's host name {host} cannot be found (check the gateway URL "
        "and the network)",
        "unreachable": "{api}: the gateway at {host} cannot be reached (no network route)",
        "reset": "{api}: the gateway at {host} dropped the connection before answering",
        "connect_failed": "{api}: cannot connect to the gateway at {host}",
        "failed": "{api}: the connection to the gateway at {host} failed",
        "gateway_answered_http": "{api}: gateway answered HTTP {status_code}",
    }

    @classmethod
    def describe(cls, api: str, host: str, exc: BaseException) -> TransportError:
        """The TransportError for an HTTP client's transport failure ``exc`` (httpx's, or
        any other): its kind from the exception and its causes, never its text, which is
        kept as ``detail`` for the log and the QA console."""
        chain = _causes(exc)
        names = {type(e).__name__ for e in chain} | {str(getattr(e, "kind", "")) for e in chain}
        text = " ".join(str(e) for e in chain).lower()
        if (
            any(isinstance(e, ssl.SSLError) for e in chain)
            or "ssl" in text
            or "certificate" in text
        ):
            kind = "tls"
        elif any(isinstance(e, ConnectionRefusedError) for e in chain) or "refused" in text:
            kind = "connect_refused"
        elif any(isinstance(e, socket.gaierror) for e in chain) or "name or service" in text:
            kind = "dns"
        elif "unreachable" in text:
            kind = "unreachable"
        elif (
            any(isinstance(e, ConnectionResetError | BrokenPipeError) for e in chain)
            or names & {"ReadError", "WriteError", "RemoteProtocolError"}
            or "reset" in text
        ):
            kind = "reset"
        elif "ConnectError" in names:
            kind = "connect_failed"
        else:
            kind = "failed"
        name = getattr(exc, "kind", "") or type(exc).__name__  # WireError: httpx's name
        return cls.of(kind, api=api, host=host, detail=f"{name}: {exc}")


class GatewayTimeout(TransportError):
    """No answer within the timeout; the outcome is unknown."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "not_sent_time_limit_has_run": "{api}: not sent: the time limit has run out",
        "no_answer_within_s": "{api}: no answer within {limit}s",
        "no_connection_within_s": "{api}: could not connect to the gateway at {host} within "
        "{limit}s",
    }


def _causes(exc: BaseException) -> list[BaseException]:
    """``exc`` and the exceptions it was raised from or during (a bounded walk)."""
    chain: list[BaseException] = []
    node: BaseException | None = exc
    while node is not None and node not in chain and len(chain) < 8:
        chain.append(node)
        node = node.__cause__ or node.__context__
    return chain


class ResponseSignatureError(GatewayError):
    """The answer's signature is missing or wrong: it is not believed, whatever it says."""

    retryable = True  # the payment state is unknown; inquire again
    MESSAGES: ClassVar[dict[str, str]] = {
        "no_header": "{api}: answer has no {header} header",
        "other_client": "{api}: answer is for client-id {client}, not ours",
        "bad_signature": "{api}: {problem}",
        "error": "{api}: {exc}",
        "answer_head_not_ours": "{api}: answer head.{name} {name_2!r} is not ours",
        "answer_s_response_time_before_our": "{api}: answer's Response-Time {response_time} is "
        "{start} before our request (a replayed answer, or a clock off by more than {tolerance} "
        "s): not believed",
        "answer_s_response_time_ahead_computer": "{api}: answer's Response-Time {response_time} "
        "is {moment} ahead of this computer's clock (more than {tolerance} s): not believed; "
        "check the clock",
        "notification_has_no_header": "notification has no {name} header",
        "notification_client_id_not": "notification is for client-id {client_id!r}, not "
        "{expected_client_id!r}",
        "notification_path_not_absolute": "notification path {path!r} is not absolute",
        "notification": "notification: {exc}",
    }


class RequestError(GatewayError, ValueError):
    """A request that is not sent: a field the gateway would refuse, or a gateway setting
    (URL, client id) that cannot work. The message names the field."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "alipayhk_envelope_pays_alipay_hk_only": "the AlipayHK envelope pays with ALIPAY_HK only, "
        "not {method_type}",
        "gateway_url_empty": "gateway URL is empty",
        "gateway_url_must_start_https_http": "gateway URL {url!r} must start with https:// (or "
        "http:// for a loopback sandbox)",
        "gateway_url_has_no_host": "gateway URL {url!r} has no host",
        "gateway_url_must_not_have_query": "gateway URL {url!r} must not have a query or fragment",
        "gateway_url_uses_plain_http_non": "gateway URL {url!r} uses plain http on a non-loopback "
        "host; use https:// (http is allowed only for 127.0.0.1, ::1, localhost)",
        "client_id_empty": "client id is empty",
        "client_id_must_ascii_without_spaces": "client id {client_id!r} must be ASCII without "
        "spaces",
        "refund_reason_longer_than_chars": "refund reason is longer than {max_description_length} "
        "chars",
        "empty": "{name} is empty",
        "longer_than_characters": "{name} is longer than {max_id_length} characters",
        "needs": "{api} needs {ids}",
        "orderdescription_longer_than_chars": "orderDescription is longer than "
        "{max_description_length} chars",
        "terminaltype_not_web_wap_app_mini": "terminalType {terminal_type!r} is not WEB, WAP, APP "
        "or MINI_APP",
        "instorepaymentscenario_not_one": "inStorePaymentScenario {scenario!r} is not one of "
        "{scenarios}",
        "orderdescription_must_1_256_characters": "orderDescription must be 1-256 characters",
        "user_presented_mode_payment_needs_customer": "a User-presented Mode payment needs the "
        "customer's code",
        "system_s_proxy_cannot_used": "the system's proxy {proxy!r} cannot be used: {exc}",
    }


class MalformedResponse(GatewayError):
    """The answer verified (or could not be) but is not the JSON the protocol promises."""

    retryable = True
    MESSAGES: ClassVar[dict[str, str]] = {
        "refund_answer_other_refund": "{api}: answer is for refundRequestId {rrid!r}",
        "refund_answer_amount_differs": "{api}: answer amount {amount} differs from the "
        "journaled {journaled}",
        "refund_answer_other_payment": "{api}: answer is for paymentId {got!r}, not {ours!r}",
        "cancel_answer_paymentrequestid_not": "cancel: answer is for paymentRequestId "
        "{payment_request_id!r}, not {prid!r}",
        "cancel_answer_paymentid_not": "cancel: answer is for paymentId {payment_id!r}, not "
        "{payment_id_2!r}",
        "pay_answer_paymentrequestid": "pay: answer is for paymentRequestId {payment_request_id!r}",
        "pay_answer_amount_differs_from": "pay: answer amount {payment_amount} differs from "
        "{amount}",
        "inquirypayment_amount_differs_from": "inquiryPayment: amount {payment_amount} differs "
        "from {amount}",
        "inquirypayment_answer_paymentrequestid": "inquiryPayment: answer is for paymentRequestId "
        "{payment_request_id!r}",
        "inquirypayment_answer_paymentid_not": "inquiryPayment: answer is for paymentId "
        "{payment_id!r}, not {payment_id_2!r}",
        "inquirypayment_unknown_paymentstatus": "inquiryPayment: unknown paymentStatus "
        "{payment_status!r}",
        "error_2": "{api}: {exc}",
        "answer_has_no_usable_resultinfo": "{api}: answer has no usable resultInfo",
        "unknown_path": "notification to an unknown path {path!r}",
        "resultinfo_resultcode_missing": "{api}: resultInfo.resultCode is missing",
        "gateway_answered_http": "{api}: gateway answered HTTP {status_code}",
        "answer_not_utf_8_json": "{api}: answer is not UTF-8 JSON",
        "answer_not_json_object": "{api}: answer is not a JSON object",
        "notification_body_not_utf_8_json": "notification body is not UTF-8 JSON",
        "notification_body_not_json_object": "notification body is not a JSON object",
        "answer_has_no_result_object": "{api}: answer has no 'result' object",
        "resultstatus_not_s_f_u": "{api}: resultStatus {status_value!r} is not S, F or U",
        "resultcode_missing": "{api}: resultCode is missing",
        "not_time_string": "{api}: {key} is not a time string",
        "not_iso_8601_time": "{api}: {key} {value!r} is not an ISO 8601 time",
        "not_usable_amount": "{api}: {key} is not a usable amount ({exc})",
        "answer_has_no_paymentstatus": "{api}: answer has no paymentStatus",
        "answer_bytes_over_byte_limit": "{api}: answer of {declared} bytes is over the "
        "{limit}-byte limit",
        "answer_compressed_although_we_asked_uncompressed": "{api}: answer is compressed "
        "({encoding}) although we asked for it uncompressed: refused unread",
        "answer_over_byte_limit": "{api}: answer is over the {limit}-byte limit",
    }


class GatewayResultError(GatewayError):
    """A verified answer with ``resultStatus`` F (or a U that retries did not clear)."""

    def __init__(
        self, result_status: str, result_code: str, result_message: str = "", api: str = ""
    ) -> None:
        where = f"{api}: " if api else ""
        super().__init__(
            f"{where}{result_code} ({result_status}) {result_message}".rstrip(),
            code=result_code,
            params={"api": api, "status": result_status, "message": result_message},
        )
        self.result_status = result_status
        self.result_code = result_code
        self.result_message = result_message
        self.api = api
        self.retryable = result_status == "U"
        #: the verified answer's body, when it was JSON (an in-store F still names the
        #: wallet and the paymentId there)
        self.answer: dict[str, Any] = {}
