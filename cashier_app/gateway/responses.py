"""Typed views of verified Antom answers (pay, inquiryPayment, cancel, refund, inquiryRefund)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from cashier_app.domain.money import Money, MoneyError
from cashier_app.domain.values import dataclass, field
from cashier_app.gateway.errors import MalformedResponse


@dataclass(frozen=True, slots=True)
class Result:
    """The ``result`` block every answer carries."""

    status: str  #: S, F or U
    code: str
    message: str = ""

    @classmethod
    def parse(cls, data: dict[str, Any], api: str) -> Result:
        block = data.get("result")
        if not isinstance(block, dict):
            raise MalformedResponse.of("answer_has_no_result_object", api=api)
        status = block.get("resultStatus")
        code = block.get("resultCode")
        if status not in ("S", "F", "U"):
            raise MalformedResponse.of("resultstatus_not_s_f_u", api=api, status_value=status)
        if not isinstance(code, str) or not code:
            raise MalformedResponse.of("resultcode_missing", api=api)
        message = block.get("resultMessage")
        return cls(status, code, message if isinstance(message, str) else "")


def text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    return value if isinstance(value, str) else ""


def parse_time(data: dict[str, Any], key: str, api: str) -> datetime | None:
    """An ISO 8601 field as an aware UTC datetime; None when absent."""
    value = data.get(key)
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise MalformedResponse.of("not_time_string", api=api, key=key)
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise MalformedResponse.of("not_iso_8601_time", api=api, key=key, value=value) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def money(data: dict[str, Any], key: str, api: str) -> Money | None:
    value = data.get(key)
    if value is None:
        return None
    try:
        return Money.from_amount(value)
    except MoneyError as exc:
        raise MalformedResponse.of("not_usable_amount", api=api, key=key, exc=exc) from None


def _code_value(data: dict[str, Any]) -> str:
    """The first QR code value of ``orderCodeForm`` (else the first code of any type)."""
    form = data.get("orderCodeForm")
    details = form.get("codeDetails") if isinstance(form, dict) else None
    if not isinstance(details, list):
        return ""
    codes = [d for d in details if isinstance(d, dict) and isinstance(d.get("codeValue"), str)]
    for detail in codes:
        if detail.get("codeValueType", "QRCODE") == "QRCODE":
            return str(detail["codeValue"])
    return str(codes[0]["codeValue"]) if codes else ""


@dataclass(frozen=True, slots=True)
class PayResponse:
    result: Result
    payment_request_id: str
    payment_id: str
    payment_create_time: datetime | None
    payment_amount: Money | None
    normal_url: str
    scheme_url: str
    applink_url: str
    code_value: str
    raw: dict[str, Any] = field(repr=False, compare=False)

    @classmethod
    def parse(cls, data: dict[str, Any], result: Result) -> PayResponse:
        return cls(
            result,
            text(data, "paymentRequestId"),
            text(data, "paymentId"),
            parse_time(data, "paymentCreateTime", "pay"),
            money(data, "paymentAmount", "pay"),
            text(data, "normalUrl"),
            text(data, "schemeUrl"),
            text(data, "applinkUrl"),
            _code_value(data),
            data,
        )


@dataclass(frozen=True, slots=True)
class InquiryResponse:
    result: Result  #: only says whether the inquiry itself worked
    payment_status: str  #: SUCCESS, FAIL, PROCESSING, PENDING, CANCELLED
    payment_result_code: str
    payment_result_message: str
    payment_request_id: str
    payment_id: str
    payment_amount: Money | None
    payment_time: datetime | None
    payment_create_time: datetime | None
    raw: dict[str, Any] = field(repr=False, compare=False)

    @classmethod
    def parse(cls, data: dict[str, Any], result: Result) -> InquiryResponse:
        api = "inquiryPayment"
        status = text(data, "paymentStatus")
        if not status:
            raise MalformedResponse.of("answer_has_no_paymentstatus", api=api)
        return cls(
            result,
            status,
            text(data, "paymentResultCode"),
            text(data, "paymentResultMessage"),
            text(data, "paymentRequestId"),
            text(data, "paymentId"),
            money(data, "paymentAmount", api),
            parse_time(data, "paymentTime", api),
            parse_time(data, "paymentCreateTime", api),
            data,
        )


@dataclass(frozen=True, slots=True)
class CancelResponse:
    result: Result
    payment_id: str
    payment_request_id: str
    cancel_time: datetime | None
    raw: dict[str, Any] = field(repr=False, compare=False)

    @classmethod
    def parse(cls, data: dict[str, Any], result: Result) -> CancelResponse:
        return cls(
            result,
            text(data, "paymentId"),
            text(data, "paymentRequestId"),
            parse_time(data, "cancelTime", "cancel"),
            data,
        )


@dataclass(frozen=True, slots=True)
class RefundResponse:
    result: Result
    refund_request_id: str
    refund_id: str
    payment_id: str
    refund_amount: Money | None
    refund_time: datetime | None
    raw: dict[str, Any] = field(repr=False, compare=False)

    @classmethod
    def parse(cls, data: dict[str, Any], result: Result) -> RefundResponse:
        return cls(
            result,
            text(data, "refundRequestId"),
            text(data, "refundId"),
            text(data, "paymentId"),
            money(data, "refundAmount", "refund"),
            parse_time(data, "refundTime", "refund"),
            data,
        )


@dataclass(frozen=True, slots=True)
class RefundInquiryResponse:
    result: Result
    refund_status: str  #: SUCCESS, FAIL, PROCESSING
    refund_request_id: str
    refund_id: str
    refund_amount: Money | None
    refund_time: datetime | None
    raw: dict[str, Any] = field(repr=False, compare=False)

    @classmethod
    def parse(cls, data: dict[str, Any], result: Result) -> RefundInquiryResponse:
        api = "inquiryRefund"
        return cls(
            result,
            text(data, "refundStatus"),
            text(data, "refundRequestId"),
            text(data, "refundId"),
            money(data, "refundAmount", api),
            parse_time(data, "refundTime", api),
            data,
        )
