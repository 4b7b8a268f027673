"""Alipay+ mini-program PaymentService SPI (seed 001): our checkout and the sandbox wallet."""

from __future__ import annotations

import threading

import pytest

from cashier_app.checkout.spi import (
    APIContext,
    CheckoutPaymentService,
    PaymentRequest,
    PaymentResult,
    PaymentService,
)
from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.sandbox.spi_wallet import SandboxWalletPaymentService

CTX = APIContext(app_id="2102000000000001", page_path="pages/cart")


def _request(**kw) -> PaymentRequest:
    return PaymentRequest("Milk tea", Money(1230, "HKD"), **kw)


def test_both_implement_the_protocol(checkout, sandbox):
    assert isinstance(CheckoutPaymentService(checkout), PaymentService)
    assert isinstance(SandboxWalletPaymentService(sandbox, "SANDBOX_SEEDS"), PaymentService)
    assert PaymentResult.CODE_SUCCESS == "9000"


def test_checkout_opens_the_pay_page(checkout):
    result = CheckoutPaymentService(checkout).pay(CTX, _request(payment_request_id="ORD-1"))
    assert result.show_page and result.page_route == "/pay" and result.result_code == ""
    assert result.outcome().status is Status.PENDING
    record = checkout.get(result.payment_request_id)
    assert record.status is Status.PENDING and record.reference_order_id == "ORD-1"


def test_checkout_bad_requests_are_1002(checkout):
    service = CheckoutPaymentService(checkout)
    assert service.pay(APIContext(app_id=""), _request()).result_code == "1002"
    assert service.pay(CTX, _request(payment_method_type="GCASH")).result_code == "1002"
    assert service.pay(CTX, _request(payment_method_type="NOPE")).result_code == "1002"


@pytest.mark.parametrize(
    "decision,code", [("approve", "9000"), ("decline", "1001"), ("expire", "1003")]
)
def test_checkout_in_place_with_sandbox_wallet(
    checkout, sandbox, fast_policy, wait, decision, code
):
    service = CheckoutPaymentService(
        checkout, complete_in_place=True, poll_policy=fast_policy, timeout=10
    )
    wallet = SandboxWalletPaymentService(sandbox, "SANDBOX_SEEDS", decision=decision)
    out: dict[str, PaymentResult] = {}
    thread = threading.Thread(
        target=lambda: out.setdefault("r", service.pay(CTX, _request())), daemon=True
    )
    thread.start()
    record = wait(lambda: next(iter(checkout.journal.list_payments(status=Status.PENDING)), None))
    paid = wallet.pay(CTX, _request(payment_request_id=record.payment_request_id))
    assert paid.result_code == code and not paid.show_page
    thread.join(10)
    assert out["r"].result_code == code
    assert out["r"].succeeded is (code == "9000")


def test_sandbox_wallet_refuses_unknown_or_mismatched(checkout, sandbox):
    wallet = SandboxWalletPaymentService(sandbox, "SANDBOX_SEEDS")
    assert wallet.pay(CTX, _request(payment_request_id="none")).result_code == "1002"
    assert wallet.pay(CTX, _request()).result_code == "1002"
    page = CheckoutPaymentService(checkout).pay(CTX, _request())
    wrong = PaymentRequest("x", Money(1, "HKD"), payment_request_id=page.payment_request_id)
    assert wallet.pay(CTX, wrong).result_code == "1002"
    with pytest.raises(ValueError, match="decision"):
        SandboxWalletPaymentService(sandbox, "SANDBOX_SEEDS", decision="maybe")
