"""Our client against a gateway that signs with the official SDK's tool and writes header
times as epoch milliseconds (Java/Go SDK style), over real HTTP on loopback."""

from __future__ import annotations

import pytest

pytest.importorskip("com.alipay.ams.api")

from antom_fakes import key
from sdk_gateway import SdkGateway, result

from cashier_app.domain.money import Money
from cashier_app.gateway.antom import AntomClient
from cashier_app.gateway.errors import ResponseSignatureError
from cashier_app.gateway.notify import verify_notification
from cashier_app.gateway.signing import Signer, Verifier, public_key_base64

CLIENT_ID = "CLIENT_SDK_FAKE"


@pytest.fixture
def gateway():
    with SdkGateway(CLIENT_ID, public_key_base64(key("merchant").public_key())) as gw:
        yield gw


@pytest.fixture
def client(gateway):
    with AntomClient(
        gateway.url,
        CLIENT_ID,
        Signer(key("merchant")),
        Verifier.from_text(gateway.public_key),
        sleep=lambda _s: None,
    ) as c:
        yield c


def pay_answer(request):
    return {
        "result": result("PAYMENT_IN_PROCESS", "U"),
        "paymentRequestId": request["paymentRequestId"],
        "paymentId": "P-1",
        "paymentAmount": request["paymentAmount"],
        "normalUrl": "https://wallet.example/P-1",
    }


def test_epoch_ms_response_time_is_accepted_and_verified(gateway, client):
    gateway.answers["pay"] = pay_answer
    gateway.answers["inquiryPayment"] = {
        "result": result(),
        "paymentStatus": "SUCCESS",
        "paymentRequestId": "R-1",
        "paymentId": "P-1",
        "paymentAmount": {"currency": "HKD", "value": "1230"},
    }
    paid = client.pay(
        "R-1",
        Money(1230, "HKD"),
        "ALIPAY_HK",
        reference_order_id="R-1",
        order_description="coffee",
        expiry=None,
        notify_url=None,
        redirect_url=None,
    )
    assert paid.result.code == "PAYMENT_IN_PROCESS" and paid.payment_id == "P-1"
    status = client.inquiry_payment(payment_request_id="R-1")
    assert status.payment_status == "SUCCESS"
    assert gateway.apis() == ["pay", "inquiryPayment"]


@pytest.mark.parametrize("sent_at", ["yesterday", "1685599933", "2026-11-21T23:48:15"])
def test_unparseable_response_time_is_refused_naming_the_header(gateway, client, sent_at):
    gateway.time_form = lambda: sent_at
    gateway.answers["inquiryPayment"] = {"result": result(), "paymentStatus": "SUCCESS"}
    with pytest.raises(ResponseSignatureError, match="Response-Time"):
        client.inquiry_payment(payment_request_id="R-1")


def test_notification_with_epoch_ms_request_time_verifies(gateway):
    headers, body = gateway.notification(
        "/notify",
        {
            "notifyType": "PAYMENT_RESULT",
            "result": result(),
            "paymentRequestId": "R-1",
            "paymentId": "P-1",
            "paymentAmount": {"currency": "HKD", "value": "1230"},
        },
    )
    assert headers["request-time"].isdigit() and len(headers["request-time"]) == 13
    data = verify_notification(
        Verifier.from_text(gateway.public_key),
        "/notify",
        headers,
        body,
        expected_client_id=CLIENT_ID,
    )
    assert data["paymentId"] == "P-1"


def test_notification_with_unparseable_request_time_is_refused_naming_it(gateway):
    headers, body = gateway.notification("/notify", {"result": result()}, sent_at="soon")
    with pytest.raises(ResponseSignatureError, match="request-time"):
        verify_notification(Verifier.from_text(gateway.public_key), "/notify", headers, body)
