"""Alipay+ mini-program ``PaymentService`` SPI (seed 001): our checkout and the sandbox wallet.

The IAPMiniProgram SDK calls ``pay(context, request)`` and gets a ``PaymentResult``. The seed
shows two behaviours, both supported here:

* **open a page**: ``PaymentResult(show_page=True, page_route="/pay")``: the host app opens
  its payment page (for us: the redirect page with the QR code / deep link, route
  :data:`PAY_ROUTE`); the result is settled there. ``result_code`` is empty, as in the seed.
* **complete in place**: the call returns only when the payment is final, with
  ``result_code`` :data:`CODE_SUCCESS` or one of the error codes 1000/1001/1002/1003/1005/2001
  (``domain.codes``).

Decisions the seed leaves open: ``CODE_SUCCESS`` is ``"9000"`` (my.tradePay's success code,
what the mini program receives); codes are strings, as ``PaymentResult('', '')`` in the seed;
``PaymentRequest`` carries the wallet-side ``/v1/payments/pay`` fields (paymentRequestId,
paymentOrderTitle, paymentAmount, paymentExpiryTime, paymentFactor) plus the wallet type;
a request the service cannot use is 1002 (app service error), a gateway that cannot be
reached 1005 (system error) and a gateway timeout 1003. ``PaymentResult.payment_request_id``
tells the page which payment it shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cashier_app.checkout.errors import CheckoutError
from cashier_app.domain import codes
from cashier_app.domain.methods import UnknownMethodError
from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Outcome, Status
from cashier_app.domain.payment_kit import PaymentInfo, PaymentKitError
from cashier_app.domain.records import PaymentRecord
from cashier_app.domain.spi import (
    CODE_SUCCESS,
    PAY_ROUTE,
    APIContext,
    PaymentRequest,
    PaymentResult,
    PaymentService,
    error_result,
)
from cashier_app.gateway.errors import GatewayError, GatewayResultError, GatewayTimeout

if TYPE_CHECKING:
    from cashier_app.checkout.service import CheckoutService

__all__ = [
    "CODE_SUCCESS",
    "PAY_ROUTE",
    "APIContext",
    "CheckoutPaymentService",
    "PaymentRequest",
    "PaymentResult",
    "PaymentService",
    "result_for",
]


def result_for(record: PaymentRecord) -> PaymentResult:
    """The in-place result for a payment record (final or not)."""
    outcome = Outcome(record.status, record.result_code, record.result_message)
    code = codes.spi_code(outcome)
    message = codes.SPI[code].memo if code != CODE_SUCCESS else "success"
    if record.result_code and code != CODE_SUCCESS:
        message = f"{message}: {record.status.value} ({record.result_code})"
    return PaymentResult(code, message, payment_request_id=record.payment_request_id)


class CheckoutPaymentService:
    """Our checkout as the mini program's PaymentService.

    ``complete_in_place=False`` (default): create the payment and ask the host to open the
    redirect page (``show_page=True, page_route="/pay"``). ``True``: poll it to a final
    state here (``CheckoutService.run_to_completion``) and answer with its code.
    """

    def __init__(
        self,
        checkout: CheckoutService,
        *,
        complete_in_place: bool = False,
        page_route: str = PAY_ROUTE,
        poll_policy: Any = None,
        timeout: float | None = None,
    ) -> None:
        self.checkout = checkout
        self.complete_in_place = complete_in_place
        self.page_route = page_route
        self.poll_policy = poll_policy
        self.timeout = timeout

    def pay(self, context: APIContext, request: PaymentRequest) -> PaymentResult:
        if not isinstance(context, APIContext) or not context.app_id:
            return error_result(codes.SPI_APP_SERVICE_ERROR, "context.app_id is missing")
        if not isinstance(request, PaymentRequest) or not isinstance(request.payment_amount, Money):
            return error_result(codes.SPI_APP_SERVICE_ERROR, "request.payment_amount must be Money")
        info = PaymentInfo(
            request.payment_amount.value,
            request.payment_amount.currency,
            request.payment_order_title,
        )
        try:
            record = self.checkout.create_payment(
                info, request.payment_method_type, request.payment_request_id or None
            )
        except (PaymentKitError, UnknownMethodError, CheckoutError, ValueError) as exc:
            return error_result(codes.SPI_APP_SERVICE_ERROR, str(exc))
        except GatewayError as exc:
            return self._gatewayerror_result(exc)
        if record.is_final or (record.status is Status.UNKNOWN and not self.complete_in_place):
            return result_for(record)
        if not self.complete_in_place:
            return PaymentResult(
                "",
                "",
                show_page=True,
                page_route=self.page_route,
                payment_request_id=record.payment_request_id,
            )
        kwargs: dict[str, Any] = {"timeout": self.timeout}
        if self.poll_policy is not None:
            kwargs["policy"] = self.poll_policy
        try:
            record = self.checkout.run_to_completion(record.payment_request_id, **kwargs)
        except GatewayError as exc:
            return self._gatewayerror_result(exc)
        return result_for(record)

    @staticmethod
    def _gatewayerror_result(exc: GatewayError) -> PaymentResult:
        if isinstance(exc, GatewayTimeout):
            return error_result(codes.SPI_TIMEOUT, str(exc))
        if isinstance(exc, GatewayResultError) and exc.result_status == "F":
            return error_result(codes.SPI_APP_SERVICE_ERROR, str(exc))
        return error_result(codes.SPI_SYSTEM_ERROR, str(exc))
