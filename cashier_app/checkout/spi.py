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

import contextlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from cashier_app.checkout.errors import CheckoutError
from cashier_app.domain import codes
from cashier_app.domain.methods import UnknownMethodError
from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Outcome, Status
from cashier_app.domain.payment_kit import PaymentInfo, PaymentKitError
from cashier_app.domain.records import PaymentRecord
from cashier_app.gateway.errors import GatewayError, GatewayResultError, GatewayTimeout

if TYPE_CHECKING:
    from cashier_app.checkout.service import CheckoutService
    from cashier_app.sandbox.gateway import SandboxGateway

PAY_ROUTE = "/pay"
CODE_SUCCESS = codes.SPI_SUCCESS


@dataclass(frozen=True, slots=True)
class APIContext:
    """Mini program runtime metadata handed to every SPI call."""

    app_id: str  #: the mini program's app id
    page_path: str = ""
    user_id: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PaymentRequest:
    """What the mini program asks to pay (wallet-side ``/v1/payments/pay`` field names)."""

    payment_order_title: str
    payment_amount: Money
    payment_method_type: str = "ALIPAY_HK"
    payment_request_id: str = ""  #: the merchant's order id (our referenceOrderId)
    payment_expiry_time: datetime | None = None
    payment_factor: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PaymentResult:
    """``PaymentResult(resultCode, resultMessage)`` plus the seed's page fields."""

    CODE_SUCCESS: ClassVar[str] = CODE_SUCCESS

    result_code: str
    result_message: str = ""
    show_page: bool = False
    page_route: str = ""
    payment_request_id: str = ""

    @property
    def succeeded(self) -> bool:
        return self.result_code == CODE_SUCCESS

    def outcome(self) -> Outcome:
        """What the code says about the payment (a page result is still PENDING)."""
        if self.show_page:
            return Outcome(Status.PENDING, "", "settled on the payment page", "alipay-spi")
        return codes.from_spi(self.result_code, self.result_message)


@runtime_checkable
class PaymentService(Protocol):
    """The SPI: ``Future<PaymentResult> pay(APIContext context, PaymentRequest request)``."""

    def pay(self, context: APIContext, request: PaymentRequest) -> PaymentResult: ...


def _error(code: str, detail: str = "") -> PaymentResult:
    name = codes.SPI[code].memo
    return PaymentResult(code, f"{name}: {detail}" if detail else name)


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

    def __init__(self, checkout: CheckoutService, *, complete_in_place: bool = False,
                 page_route: str = PAY_ROUTE, poll_policy: Any = None,
                 timeout: float | None = None) -> None:
        self.checkout = checkout
        self.complete_in_place = complete_in_place
        self.page_route = page_route
        self.poll_policy = poll_policy
        self.timeout = timeout

    def pay(self, context: APIContext, request: PaymentRequest) -> PaymentResult:
        if not isinstance(context, APIContext) or not context.app_id:
            return _error(codes.SPI_APP_SERVICE_ERROR, "context.app_id is missing")
        if not isinstance(request, PaymentRequest) or not isinstance(request.payment_amount,
                                                                      Money):
            return _error(codes.SPI_APP_SERVICE_ERROR, "request.payment_amount must be Money")
        info = PaymentInfo(request.payment_amount.value, request.payment_amount.currency,
                           request.payment_order_title)
        try:
            record = self.checkout.create_payment(info, request.payment_method_type,
                                                  request.payment_request_id or None)
        except (PaymentKitError, UnknownMethodError, CheckoutError, ValueError) as exc:
            return _error(codes.SPI_APP_SERVICE_ERROR, str(exc))
        except GatewayError as exc:
            return self._gateway_error(exc)
        if record.is_final or (record.status is Status.UNKNOWN
                               and not self.complete_in_place):
            return result_for(record)
        if not self.complete_in_place:
            return PaymentResult("", "", show_page=True, page_route=self.page_route,
                                 payment_request_id=record.payment_request_id)
        kwargs: dict[str, Any] = {"timeout": self.timeout}
        if self.poll_policy is not None:
            kwargs["policy"] = self.poll_policy
        try:
            record = self.checkout.run_to_completion(record.payment_request_id, **kwargs)
        except GatewayError as exc:
            return self._gateway_error(exc)
        return result_for(record)

    @staticmethod
    def _gateway_error(exc: GatewayError) -> PaymentResult:
        if isinstance(exc, GatewayTimeout):
            return _error(codes.SPI_TIMEOUT, str(exc))
        if isinstance(exc, GatewayResultError) and exc.result_status == "F":
            return _error(codes.SPI_APP_SERVICE_ERROR, str(exc))
        return _error(codes.SPI_SYSTEM_ERROR, str(exc))


class SandboxWalletPaymentService:
    """The sandbox wallet as a PaymentService: it pays, in place, a payment the merchant
    already created at the sandbox (``request.payment_request_id`` is the merchant's
    paymentRequestId), the way a wallet app completes my.tradePay.

    ``decision`` is what the simulated payer does: ``approve`` (9000), ``decline``
    (1001 user cancel) or ``expire`` (1003 timeout).
    """

    DECISIONS = ("approve", "decline", "expire")

    def __init__(self, sandbox: SandboxGateway, client_id: str, *,
                 decision: str = "approve") -> None:
        if decision not in self.DECISIONS:
            raise ValueError(f"decision {decision!r} is not one of {', '.join(self.DECISIONS)}")
        self.sandbox = sandbox
        self.client_id = client_id
        self.decision = decision

    def pay(self, context: APIContext, request: PaymentRequest) -> PaymentResult:
        from cashier_app.sandbox import store as st

        if not isinstance(context, APIContext) or not context.app_id:
            return _error(codes.SPI_APP_SERVICE_ERROR, "context.app_id is missing")
        if not request.payment_request_id:
            return _error(codes.SPI_APP_SERVICE_ERROR, "request.payment_request_id is missing")
        with self.sandbox.store.lock:
            p = self.sandbox.store.find_payment(self.client_id,
                                                payment_request_id=request.payment_request_id,
                                                now=self.sandbox.now())
            if p is None:
                return _error(codes.SPI_APP_SERVICE_ERROR,
                              f"no payment {request.payment_request_id} at the wallet")
            if p.amount != request.payment_amount:
                return _error(codes.SPI_APP_SERVICE_ERROR, f"amount {request.payment_amount} "
                              f"differs from the order's {p.amount}")
            if not p.is_final:
                # finalised meanwhile (e.g. expired): report what it is
                with contextlib.suppress(st.StateError):
                    getattr(self.sandbox, self.decision)(p.payment_id)
            status, code = p.status, p.result_code
        if status == st.SUCCESS:
            return PaymentResult(CODE_SUCCESS, "success",
                                 payment_request_id=request.payment_request_id)
        if code == st.EXPIRED_CODE:
            return _error(codes.SPI_TIMEOUT, f"payment expired ({code})")
        if code in codes.PAYER_CANCEL_CODES or status == st.CANCELLED:
            return _error(codes.SPI_USER_CANCEL, code)
        return _error(codes.SPI_APP_SERVICE_ERROR, code)
