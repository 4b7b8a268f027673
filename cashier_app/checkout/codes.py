"""Local result codes for outcomes the gateway did not name (its own codes are kept as is)."""

from __future__ import annotations

from cashier_app.gateway.errors import (
    GatewayError,
    GatewayResultError,
    GatewayTimeout,
    MalformedResponse,
    ResponseSignatureError,
)

CODE_NETWORK = "NETWORK_ERROR"  #: no connection / reset / 5xx after every retry
CODE_TIMEOUT = "GATEWAY_TIMEOUT"  #: no answer within the timeout
CODE_BAD_SIGNATURE = "RESPONSE_SIGNATURE_INVALID"  #: an answer we could not verify
CODE_MALFORMED = "RESPONSE_MALFORMED"  #: a verified answer that is not what Antom sends
CODE_EXPIRED = "PAYMENT_EXPIRED"  #: expired unpaid; we cancelled it at the gateway
CODE_TIMED_OUT = "CHECKOUT_TIMEOUT"  #: the caller's timeout; cancelled at the gateway
CODE_NOT_AT_GATEWAY = "ORDER_NOT_EXIST"  #: Antom's code: the gateway never got the payment
#: Antom's code: this paymentRequestId was used before with other content (an earlier
#: attempt of the same sale may have been accepted: inquire before calling it failed).
CODE_REPEAT_INCONSISTENT = "REPEAT_REQ_INCONSISTENT"


#: The journaled English result message of a payment we cancelled, by why it was cancelled
#: (the UI renders the reason in the operator's language from the code and this key).
CANCEL_MESSAGES = {
    "operator": "cancelled by the operator",
    "expiry": "expired unpaid; cancelled at the gateway",
    "timeout": "not paid in time; cancelled at the gateway",
    "recovery": "interrupted sale cancelled at the gateway on recovery",
}


def local_code(exc: GatewayError) -> str:
    """The result code to journal for a call that ended in ``exc``."""
    if isinstance(exc, GatewayResultError):
        return exc.result_code
    if isinstance(exc, GatewayTimeout):
        return CODE_TIMEOUT
    if isinstance(exc, ResponseSignatureError):
        return CODE_BAD_SIGNATURE
    if isinstance(exc, MalformedResponse):
        return CODE_MALFORMED
    return CODE_NETWORK
