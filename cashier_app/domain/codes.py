"""Result codes of every seed system mapped to and from our Status/Outcome, table-driven.

Three code families besides Antom's own (``domain.outcome``):

* **Alipay client** (seed 000): the ``resultStatus`` the Alipay SDK's ``pay(orderInfo)``
  resolves with, next to ``memo`` and ``result``. 8000 and 6004 mean "result unknown, query
  the order": they map to PENDING / UNKNOWN, never to a failure. Only the async notify or a
  query is final, so a 9000 seen on the client is still confirmed with the gateway.
* **Alipay+ mini-program PaymentService SPI** (seed 001): 1000/1001/1002/1003/1005/2001 and
  our success code ``"9000"`` (the seed names ``PaymentResult.CODE_SUCCESS`` without a value;
  we use my.tradePay's success ``resultCode`` 9000, which is what the mini program receives).
* **HarmonyOS Payment Kit** (seed 002, docs/cashier-ux.md §1): 401 and 1001930000-11, plus
  the ThirdPayClient family 1022830000-02.

Public API (used by the result page and the QA views)::

    alipay_client_code(status) -> "9000"              # the code to show for a status
    alipay_client_result(record_or_outcome) -> {"resultStatus", "memo", "result"}
    from_alipay_client(result_status, memo="") -> Outcome
    spi_code(status_or_outcome) -> "9000" | "1001" | ...;   from_spi(code, message="") -> Outcome
    payment_kit_code(outcome) -> int | None;     from_payment_kit(code) -> Outcome
    describe(source, code) -> "6001 user cancelled midway"
"""

from __future__ import annotations

import json
from typing import Any

from cashier_app.domain import payment_kit as pk
from cashier_app.domain.errors import InvalidValue
from cashier_app.domain.outcome import Outcome, Status
from cashier_app.domain.values import dataclass

# -- Alipay client SDK resultStatus (seed 000) ----------------------------------------

ALIPAY_SUCCESS = "9000"
ALIPAY_PROCESSING = "8000"
ALIPAY_FAILED = "4000"
ALIPAY_DUPLICATE = "5000"
ALIPAY_USER_CANCELLED = "6001"
ALIPAY_NETWORK_ERROR = "6002"
ALIPAY_UNKNOWN = "6004"


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """One row of a code table: the code, its status, and the text the UI shows."""

    code: str
    status: Status
    memo: str
    query: bool = False  #: the outcome is not known: query the order, never fail it


ALIPAY_CLIENT: dict[str, CodeInfo] = {c.code: c for c in (
    CodeInfo(ALIPAY_SUCCESS, Status.SUCCESS, "payment succeeded"),
    CodeInfo(ALIPAY_PROCESSING, Status.PENDING, "processing, result unknown: query the order",
             query=True),
    CodeInfo(ALIPAY_FAILED, Status.FAILED, "payment failed"),
    CodeInfo(ALIPAY_DUPLICATE, Status.UNKNOWN, "duplicate request: query the order",
             query=True),
    CodeInfo(ALIPAY_USER_CANCELLED, Status.CANCELLED, "user cancelled midway"),
    CodeInfo(ALIPAY_NETWORK_ERROR, Status.UNKNOWN, "network error: query the order",
             query=True),
    CodeInfo(ALIPAY_UNKNOWN, Status.UNKNOWN, "result unknown: query the order", query=True),
)}  # fmt: skip

#: Our status -> the resultStatus the Alipay client would have returned for it.
#: EXPIRED is a failure on the client side (the cashier closed unpaid): 4000.
#: CREATED has no client answer yet; like PENDING it asks the caller to query (8000).
_STATUS_TO_ALIPAY: dict[Status, str] = {
    Status.SUCCESS: ALIPAY_SUCCESS,
    Status.PENDING: ALIPAY_PROCESSING,
    Status.CREATED: ALIPAY_PROCESSING,
    Status.FAILED: ALIPAY_FAILED,
    Status.EXPIRED: ALIPAY_FAILED,
    Status.CANCELLED: ALIPAY_USER_CANCELLED,
    Status.UNKNOWN: ALIPAY_UNKNOWN,
}


def alipay_client_code(status: Status | str) -> str:
    """The Alipay client ``resultStatus`` for one of our statuses (``"9000"`` for SUCCESS)."""
    return _STATUS_TO_ALIPAY[Status(status)]


def from_alipay_client(result_status: str | int, memo: str = "") -> Outcome:
    """An Alipay client ``resultStatus`` as an Outcome; unknown codes are UNKNOWN (query),
    because the seed calls anything else "other error" without saying the payment failed."""
    code = str(result_status).strip()
    info = ALIPAY_CLIENT.get(code)
    if info is None:
        return Outcome(
            Status.UNKNOWN, code, memo or "other error: query the order", "alipay-client"
        )
    return Outcome(info.status, code, memo or info.memo, "alipay-client")


def needs_query(result_status: str | int) -> bool:
    """True when the client code says "result unknown": 8000, 6004 (and 5000, 6002)."""
    info = ALIPAY_CLIENT.get(str(result_status).strip())
    return info is None or info.query


def alipay_client_result(subject: Any) -> dict[str, str]:
    """The ``{"resultStatus", "memo", "result"}`` map the Alipay SDK resolves with, for a
    PaymentRecord (``result`` then carries its ids as compact JSON) or an Outcome/Status."""
    status = Status(getattr(subject, "status", subject))
    code = alipay_client_code(status)
    result = ""
    if hasattr(subject, "payment_request_id"):
        result = json.dumps(
            {
                "out_trade_no": subject.payment_request_id,
                "trade_no": subject.payment_id,
                "total_amount": subject.amount.decimal_str(),
                "currency": subject.amount.currency,
                "result_code": subject.result_code,
            },
            separators=(",", ":"),
            ensure_ascii=False,
        )
    return {"resultStatus": code, "memo": ALIPAY_CLIENT[code].memo, "result": result}


# -- Alipay+ mini-program PaymentService SPI (seed 001) -------------------------------

SPI_SUCCESS = "9000"
SPI_UNKNOWN_ERROR = "1000"
SPI_USER_CANCEL = "1001"
SPI_APP_SERVICE_ERROR = "1002"
SPI_TIMEOUT = "1003"
SPI_SYSTEM_ERROR = "1005"
SPI_AUTH_PENDING_AGREEMENT = "2001"

SPI: dict[str, CodeInfo] = {c.code: c for c in (
    CodeInfo(SPI_SUCCESS, Status.SUCCESS, "SUCCESS"),
    CodeInfo(SPI_UNKNOWN_ERROR, Status.UNKNOWN, "ERROR_CODE_UNKNOWN_ERROR", query=True),
    CodeInfo(SPI_USER_CANCEL, Status.CANCELLED, "ERROR_CODE_USER_CANCEL"),
    CodeInfo(SPI_APP_SERVICE_ERROR, Status.FAILED, "ERROR_CODE_APP_SERVICE_ERROR"),
    CodeInfo(SPI_TIMEOUT, Status.PENDING, "ERROR_CODE_TIMEOUT", query=True),
    CodeInfo(SPI_SYSTEM_ERROR, Status.UNKNOWN, "ERROR_CODE_SYSTEM_ERROR", query=True),
    CodeInfo(SPI_AUTH_PENDING_AGREEMENT, Status.PENDING, "ERROR_CODE_AUTH_PENDING_AGREEMENT",
             query=True),
)}  # fmt: skip

#: Our status -> SPI code. A payment that timed out unpaid (EXPIRED) is 1003; one still
#: open when the SPI call gave up is also 1003 (the caller should query), an unverifiable
#: answer is 1005.
_STATUS_TO_SPI: dict[Status, str] = {
    Status.SUCCESS: SPI_SUCCESS,
    Status.FAILED: SPI_APP_SERVICE_ERROR,
    Status.CANCELLED: SPI_USER_CANCEL,
    Status.EXPIRED: SPI_TIMEOUT,
    Status.PENDING: SPI_TIMEOUT,
    Status.CREATED: SPI_TIMEOUT,
    Status.UNKNOWN: SPI_SYSTEM_ERROR,
}


def spi_code(subject: Outcome | Status | str) -> str:
    """The PaymentService result code for a status, or an Outcome (a payer's decline in
    the wallet, e.g. USER_REJECTED, is 1001 user cancel rather than 1002)."""
    if isinstance(subject, Outcome):
        if subject.code in PAYER_CANCEL_CODES:
            return SPI_USER_CANCEL
        return _STATUS_TO_SPI[subject.status]
    return _STATUS_TO_SPI[Status(subject)]


def from_spi(code: str | int, message: str = "") -> Outcome:
    """A PaymentService result code as an Outcome (unknown codes: UNKNOWN, query)."""
    key = str(code).strip()
    info = SPI.get(key)
    if info is None:
        return Outcome(Status.UNKNOWN, key, message or "unrecognised SPI code", "alipay-spi")
    return Outcome(info.status, key, message or info.memo, "alipay-spi")


# -- HarmonyOS Payment Kit (seed 002) -------------------------------------------------

#: ThirdPayClient error codes (docs/cashier-ux.md §1, marked "inferred" there).
THIRD_PAY_CANCELLED = 1022830000
THIRD_PAY_FAILED = 1022830001
THIRD_PAY_INFO_INVALID = 1022830002

PAYMENT_KIT_MESSAGES: dict[int, str] = {
    **pk.CODE_MESSAGES,
    THIRD_PAY_CANCELLED: "The user cancelled the third-party payment",
    THIRD_PAY_FAILED: "Third-party payment failed",
    THIRD_PAY_INFO_INVALID: "payInfo is invalid (not JSON, or a mandatory field is missing)",
}

#: Payment Kit code -> what it says about the payment. 401 and 1001930010 say nothing
#: about it (the request was refused before anything happened): UNKNOWN.
_PAYMENT_KIT_TO_STATUS: dict[int, Status] = {
    pk.PARAM_ERROR: Status.UNKNOWN,
    pk.USER_CANCELLED: Status.CANCELLED,
    pk.PAY_FAILED: Status.FAILED,
    pk.ALREADY_PROCESSED: Status.UNKNOWN,
    pk.WITHHOLD_FAILED: Status.FAILED,
    pk.DUPLICATE_REQUEST: Status.UNKNOWN,
    pk.NETWORK_ERROR: Status.UNKNOWN,
    THIRD_PAY_CANCELLED: Status.CANCELLED,
    THIRD_PAY_FAILED: Status.FAILED,
    THIRD_PAY_INFO_INVALID: Status.UNKNOWN,
}

#: Antom codes of a payment the payer refused in the wallet: a cancellation from the
#: payer's point of view (1001930000), not a "payment failed".
PAYER_CANCEL_CODES = frozenset({"USER_REJECTED", "USER_CANCELLED", "USER_CANCEL"})

#: CANCELLED codes of a sale the till gave up on (not paid in time, interrupted): for the
#: payer the payment failed (1001930001); any other CANCELLED is an operator/payer cancel.
NOT_PAID_CANCEL_CODES = frozenset({"CHECKOUT_TIMEOUT", "PAYMENT_EXPIRED", "ORDER_IS_CLOSED"})


def payment_kit_code(outcome: Outcome | Status | str, *, third_pay: bool = False) -> int | None:
    """The Payment Kit error a finished payment resolves with: None for SUCCESS (the promise
    resolves), 1001930000 for a payer/operator cancel or decline, 1001930001 for a failure,
    an expiry or a sale the till gave up on,
    1001930011 for UNKNOWN (unverifiable/unreachable). PENDING/CREATED: None (not final).
    ``third_pay`` gives the ThirdPayClient family (1022830000/1) instead."""
    if isinstance(outcome, Outcome):
        status, code = outcome.status, outcome.code
    else:
        status, code = Status(outcome), ""
    if status in (Status.SUCCESS, Status.PENDING, Status.CREATED):
        return None
    if code in PAYER_CANCEL_CODES or (
        status is Status.CANCELLED and code not in NOT_PAID_CANCEL_CODES
    ):
        return THIRD_PAY_CANCELLED if third_pay else pk.USER_CANCELLED
    if status in (Status.FAILED, Status.EXPIRED, Status.CANCELLED):
        return THIRD_PAY_FAILED if third_pay else pk.PAY_FAILED
    return pk.NETWORK_ERROR


def from_payment_kit(code: int) -> Outcome:
    """A Payment Kit error code as an Outcome; raises KeyError for a code not in the table."""
    status = _PAYMENT_KIT_TO_STATUS[int(code)]
    return Outcome(status, str(code), PAYMENT_KIT_MESSAGES[int(code)], "payment-kit")


# -- one place to describe any code ---------------------------------------------------


def describe(source: str, code: str | int) -> str:
    """``"6001 user cancelled midway"``: a code with its meaning, for result pages and logs.
    ``source`` is ``alipay-client``, ``alipay-spi`` or ``payment-kit``."""
    text = str(code)
    if source == "alipay-client":
        info = ALIPAY_CLIENT.get(text)
        return f"{text} {info.memo}" if info else f"{text} other error"
    if source == "alipay-spi":
        info = SPI.get(text)
        return f"{text} {info.memo}" if info else f"{text} unrecognised"
    if source == "payment-kit":
        try:
            return f"{text} {PAYMENT_KIT_MESSAGES[int(text)]}"
        except (KeyError, ValueError):
            return f"{text} unrecognised"
    raise InvalidValue.of("unknown_code_source_alipay_client_alipay", source=source)
