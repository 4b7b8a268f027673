"""Alipay+ mini-program ``PaymentService`` SPI values (seed 001): what the mini program's
``pay(context, request)`` is handed and answers. The checkout's implementation is in
``checkout/spi.py``; the sandbox wallet's in ``sandbox/spi_wallet.py``."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar, Protocol, runtime_checkable

from cashier_app.domain import codes
from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Outcome, Status
from cashier_app.domain.values import dataclass, field

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


def error_result(code: str, detail: str = "") -> PaymentResult:
    name = codes.SPI[code].memo
    return PaymentResult(code, f"{name}: {detail}" if detail else name)
