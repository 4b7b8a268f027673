"""One error hierarchy for gateway calls; the UI and CLI map these to messages."""

from __future__ import annotations

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


class GatewayTimeout(TransportError):
    """No answer within the timeout; the outcome is unknown."""


class ResponseSignatureError(GatewayError):
    """The answer's signature is missing or wrong: it is not believed, whatever it says."""

    retryable = True  # the payment state is unknown; inquire again
    MESSAGES: ClassVar[dict[str, str]] = {
        "no_header": "{api}: answer has no {header} header",
        "other_client": "{api}: answer is for client-id {client}, not ours",
        "bad_signature": "{api}: {problem}",
    }


class MalformedResponse(GatewayError):
    """The answer verified (or could not be) but is not the JSON the protocol promises."""

    retryable = True


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
