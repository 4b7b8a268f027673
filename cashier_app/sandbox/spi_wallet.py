"""The sandbox wallet's side of the Alipay+ mini-program ``PaymentService`` SPI (seed 001):
the wallet settles the payment in place with the decision it was given."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from cashier_app.domain import codes
from cashier_app.domain.spi import (
    CODE_SUCCESS,
    APIContext,
    PaymentRequest,
    PaymentResult,
    error_result,
)

if TYPE_CHECKING:
    from cashier_app.sandbox.gateway import SandboxGateway


class SandboxWalletPaymentService:
    """The sandbox wallet as a PaymentService: it pays, in place, a payment the merchant
    already created at the sandbox (``request.payment_request_id`` is the merchant's
    paymentRequestId), the way a wallet app completes my.tradePay.

    ``decision`` is what the simulated payer does: ``approve`` (9000), ``decline``
    (1001 user cancel) or ``expire`` (1003 timeout).
    """

    DECISIONS = ("approve", "decline", "expire")

    def __init__(
        self, sandbox: SandboxGateway, client_id: str, *, decision: str = "approve"
    ) -> None:
        if decision not in self.DECISIONS:
            raise ValueError(f"decision {decision!r} is not one of {', '.join(self.DECISIONS)}")
        self.sandbox = sandbox
        self.client_id = client_id
        self.decision = decision

    def pay(self, context: APIContext, request: PaymentRequest) -> PaymentResult:
        from cashier_app.sandbox import store as st

        if not isinstance(context, APIContext) or not context.app_id:
            return error_result(codes.SPI_APP_SERVICE_ERROR, "context.app_id is missing")
        if not request.payment_request_id:
            return error_result(
                codes.SPI_APP_SERVICE_ERROR, "request.payment_request_id is missing"
            )
        with self.sandbox.store.lock:
            p = self.sandbox.store.find_payment(
                self.client_id,
                payment_request_id=request.payment_request_id,
                now=self.sandbox.now(),
            )
            if p is None:
                return error_result(
                    codes.SPI_APP_SERVICE_ERROR,
                    f"no payment {request.payment_request_id} at the wallet",
                )
            if p.amount != request.payment_amount:
                return error_result(
                    codes.SPI_APP_SERVICE_ERROR,
                    f"amount {request.payment_amount} differs from the order's {p.amount}",
                )
            if not p.is_final:
                # finalised meanwhile (e.g. expired): report what it is
                with contextlib.suppress(st.StateError):
                    getattr(self.sandbox, self.decision)(p.payment_id)
            status, code = p.status, p.result_code
        if status == st.SUCCESS:
            return PaymentResult(
                CODE_SUCCESS, "success", payment_request_id=request.payment_request_id
            )
        if code == st.EXPIRED_CODE:
            return error_result(codes.SPI_TIMEOUT, f"payment expired ({code})")
        if code in codes.PAYER_CANCEL_CODES or status == st.CANCELLED:
            return error_result(codes.SPI_USER_CANCEL, code)
        return error_result(codes.SPI_APP_SERVICE_ERROR, code)
