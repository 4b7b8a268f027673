"""The sandbox's In-store payments: wallet payment codes (60 s, usable once, scenarios),
User-presented Mode and Order Code pay, inquiry, cancel and refund on loopback."""

from __future__ import annotations

import http.client
import json
from urllib.parse import urlsplit

import pytest
from sandbox_support import wait_for

from cashier_app.gateway.signing import request_time
from cashier_app.sandbox import persist
from cashier_app.sandbox.payment_codes import CODE_LENGTH, mask


def store_fields(terminal: bool = True) -> dict:
    order = {
        "orderDescription": "Two coffees",
        "referenceOrderId": "till-order-1",
        "orderAmount": {"currency": "HKD", "value": "4200"},
        "merchant": {
            "referenceMerchantId": "M-0001",
            "merchantMCC": "5812",
            "merchantName": "Demo Cafe",
            "store": {
                "referenceStoreId": "S-01",
                "storeName": "Demo Cafe Central",
                "storeMCC": "5812",
            },
        },
    }
    if terminal:
        order["env"] = {"storeTerminalId": "T-07", "storeTerminalRequestTime": request_time()}
    return order


def upm_body(code: str, request_id: str = "upm-1", method: str = "CONNECT_WALLET", **extra) -> dict:
    body = {
        "productCode": "IN_STORE_PAYMENT",
        "paymentRequestId": request_id,
        "paymentAmount": {"currency": "HKD", "value": "4200"},
        "order": store_fields(),
        "paymentMethod": {"paymentMethodType": method, "paymentMethodId": code},
        "paymentFactor": {"inStorePaymentScenario": "PaymentCode"},
    }
    body.update(extra)
    return body


def control(sandbox, method_type: str = "ALIPAY_HK", **body) -> tuple[int, dict]:
    parts = urlsplit(sandbox.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request(
            "POST",
            f"/sandbox/wallets/{method_type}/payment-code",
            body=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
        )
        resp = conn.getresponse()
        return resp.status, json.loads(resp.read())
    finally:
        conn.close()


def code_for(sandbox, scenario: str = "pay", **extra) -> str:
    status, data = control(sandbox, scenario=scenario, **extra)
    assert status == 201, data
    return data["paymentCode"]


def test_control_endpoint_issues_an_18_digit_code_valid_60_s(sandbox, clock):
    status, data = control(sandbox)
    assert status == 201
    code = data["paymentCode"]
    assert (
        len(code) == CODE_LENGTH
        and code.isdigit()
        and code[:2] in {"25", "26", "27", "28", "29", "30"}
    )
    assert set(data) == {"paymentCode", "expiresAt", "paymentMethodType", "scenario"}
    from datetime import datetime

    assert (datetime.fromisoformat(data["expiresAt"]) - clock()).total_seconds() == 60
    assert control(sandbox)[1]["paymentCode"] != code  # a fresh code each time
    for bad, field in (
        ({"scenario": "lottery"}, "scenario"),
        ({"confirmSeconds": -1}, "confirmSeconds"),
        ({"colour": 1}, "colour"),
    ):
        status, err = control(sandbox, **bad)
        assert status == 400 and field in err["error"]
    status, err = control(sandbox, "CONNECT_WALLET")
    assert status == 400 and "paymentMethodType" in err["error"]
    status, err = control(sandbox, "NOPE")
    assert status == 400


def test_a_code_that_pays_at_once_is_S_and_the_wallet_is_known(sandbox, client):
    reply = client.post("pay", upm_body(code_for(sandbox)))
    assert reply.verified and reply.result["resultStatus"] == "S", reply.json
    answer = reply.json
    assert answer["paymentMethodType"] == "ALIPAY_HK"
    assert answer["pspCustomerInfo"] == {"pspName": "ALIPAY_HK"}
    status = client.post("inquiryPayment", {"paymentRequestId": "upm-1"}).json
    assert status["paymentStatus"] == "SUCCESS" and status["paymentId"] == answer["paymentId"]


def test_the_same_request_again_answers_the_same_and_a_used_code_is_refused(sandbox, client):
    code = code_for(sandbox)
    first = client.post("pay", upm_body(code)).json
    again = client.post("pay", upm_body(code)).json  # idempotent replay of the same request
    assert again["result"]["resultStatus"] == "S" and again["paymentId"] == first["paymentId"]
    other = client.post("pay", upm_body(code, request_id="upm-2")).json
    assert other["result"]["resultStatus"] == "F"
    assert other["result"]["resultCode"] == "INVALID_CODE"
    assert "already used" in other["result"]["resultMessage"]


def test_confirm_then_pay_is_U_then_paid(sandbox, client):
    code = code_for(sandbox, "confirm_then_pay", confirmSeconds=1)
    reply = client.post("pay", upm_body(code)).json
    assert reply["result"]["resultStatus"] == "U"
    assert reply["result"]["resultCode"] == "PAYMENT_IN_PROCESS"
    status = client.post("inquiryPayment", {"paymentRequestId": "upm-1"}).json
    assert status["paymentStatus"] == "PROCESSING"
    sandbox._clock.advance(1.5)  # the customer taps confirm in the wallet
    assert wait_for(
        lambda: (
            client.post("inquiryPayment", {"paymentRequestId": "upm-1"}).json["paymentStatus"]
            == "SUCCESS"
        )
    )


def test_confirm_then_decline_and_balance(sandbox, client):
    code = code_for(sandbox, "confirm_then_decline", confirmSeconds=0)
    assert client.post("pay", upm_body(code)).result["resultStatus"] == "U"
    sandbox._clock.advance(0.5)
    assert wait_for(
        lambda: (
            client.post("inquiryPayment", {"paymentRequestId": "upm-1"}).json["paymentStatus"]
            == "FAIL"
        )
    )
    poor = client.post("pay", upm_body(code_for(sandbox, "balance"), request_id="upm-2")).json
    assert poor["result"] == {
        "resultCode": "USER_BALANCE_NOT_ENOUGH",
        "resultStatus": "F",
        "resultMessage": "the customer's balance is not enough",
    }


def test_confirm_waits_for_the_wallet_page_and_can_be_cancelled(sandbox, client):
    code = code_for(sandbox, "confirm")
    answer = client.post("pay", upm_body(code)).json
    assert answer["result"]["resultStatus"] == "U"
    cancelled = client.post("cancel", {"paymentRequestId": "upm-1"})
    assert cancelled.result["resultStatus"] == "S" and cancelled.json["cancelTime"]
    status = client.post("inquiryPayment", {"paymentId": answer["paymentId"]}).json
    assert status["paymentStatus"] == "CANCELLED"


@pytest.mark.parametrize("scenario, words", [("expired", "expired"), ("unknown", "unknown")])
def test_expired_and_unknown_codes_fail_with_invalid_code(sandbox, client, scenario, words):
    reply = client.post("pay", upm_body(code_for(sandbox, scenario))).json
    assert (
        reply["result"]["resultCode"] == "INVALID_CODE"
        and words in reply["result"]["resultMessage"]
    )
    assert (
        client.post("inquiryPayment", {"paymentRequestId": "upm-1"}).json["paymentStatus"] == "FAIL"
    )


def test_a_code_older_than_60_s_has_expired(sandbox, client):
    code = code_for(sandbox)
    sandbox._clock.advance(61)
    reply = client.post("pay", upm_body(code)).json
    assert reply["result"]["resultCode"] == "INVALID_CODE"


def test_a_code_of_another_wallet_or_a_malformed_code_is_refused(sandbox, client):
    reply = client.post("pay", upm_body(code_for(sandbox), method="GCASH")).json
    assert (
        reply["result"]["resultCode"] == "INVALID_CODE"
        and "ALIPAY_HK" in reply["result"]["resultMessage"]
    )
    bad = client.post("pay", upm_body("12345", request_id="upm-2")).json
    assert bad["result"]["resultCode"] == "INVALID_CODE"


@pytest.mark.parametrize(
    "path",
    [
        "order.merchant.referenceMerchantId",
        "order.merchant.store.storeMCC",
        "order.env.storeTerminalId",
        "order.env.storeTerminalRequestTime",
        "paymentMethod.paymentMethodId",
        "order.orderAmount",
        "paymentFactor.inStorePaymentScenario",
    ],
)
def test_the_fields_antom_requires_in_store(sandbox, client, path):
    body = upm_body(code_for(sandbox))
    node = body
    *parents, last = path.split(".")
    for name in parents:
        node = node[name]
    del node[last]
    reply = client.post("pay", body).json
    assert reply["result"]["resultCode"] == "PARAM_ILLEGAL"
    assert path.split(".")[-1] in reply["result"]["resultMessage"]


def test_entry_code_is_refused_as_not_a_till_flow(sandbox, client):
    body = upm_body("x", paymentFactor={"inStorePaymentScenario": "EntryCode"})
    reply = client.post("pay", body).json
    assert (
        reply["result"]["resultCode"] == "PARAM_ILLEGAL"
        and "EntryCode" in reply["result"]["resultMessage"]
    )


def test_order_code_answers_a_qr_code_form_and_is_paid_by_the_wallet(sandbox, client):
    body = {
        "productCode": "IN_STORE_PAYMENT",
        "paymentRequestId": "oc-1",
        "paymentAmount": {"currency": "HKD", "value": "4200"},
        "order": store_fields(terminal=False),
        "paymentMethod": {"paymentMethodType": "ALIPAY_HK"},
        "paymentFactor": {"inStorePaymentScenario": "OrderCode"},
    }
    answer = client.post("pay", body).json
    assert answer["result"]["resultCode"] == "PAYMENT_IN_PROCESS"
    assert "normalUrl" not in answer
    details = answer["orderCodeForm"]["codeDetails"]
    assert details[0]["codeValueType"] == "QRCODE" and details[0]["codeValue"]
    sandbox.approve(answer["paymentId"])
    assert (
        client.post("inquiryPayment", {"paymentRequestId": "oc-1"}).json["paymentStatus"]
        == "SUCCESS"
    )


def test_refund_of_an_in_store_sale_and_the_cancel_window(sandbox, client):
    answer = client.post("pay", upm_body(code_for(sandbox))).json
    refund = client.post(
        "refund",
        {
            "refundRequestId": "rf-1",
            "paymentId": answer["paymentId"],
            "refundAmount": {"currency": "HKD", "value": "1000"},
        },
    )
    assert refund.result["resultStatus"] == "S"
    late = client.post("pay", upm_body(code_for(sandbox), request_id="upm-2")).json
    sandbox._clock.advance(2 * 86400)  # past 00:15 (UTC+8) on T+1
    too_late = client.post("cancel", {"paymentId": late["paymentId"]}).json
    assert too_late["result"]["resultCode"] == "CANCEL_WINDOW_EXCEED"


def test_the_code_is_never_stored_in_the_state_file(tmp_path, gateway_key, merchant_key, clock):
    from sandbox_support import CLIENT_ID, RawClient

    from cashier_app.gateway.signing import Signer, Verifier, public_key_base64
    from cashier_app.sandbox import SandboxGateway

    state = tmp_path / "state.sqlite3"
    with SandboxGateway(gateway_private_key=gateway_key, clock=clock, state_path=state) as gw:
        gw.register_merchant(CLIENT_ID, public_key_base64(merchant_key.public_key()))
        c = RawClient(gw.url, CLIENT_ID, Signer(merchant_key), Verifier(gateway_key.public_key()))
        code = code_for(gw)
        assert c.post("pay", upm_body(code)).result["resultStatus"] == "S"
        gw.store.flush()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert code.encode() not in raw
    loaded = persist.StateFile(state).load(clock())
    assert loaded[0].product == "IN_STORE_PAYMENT" and loaded[0].status == "SUCCESS"


def test_code_screen_shows_barcode_and_qr_but_masks_the_digits(sandbox):
    parts = urlsplit(sandbox.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request("GET", "/sandbox/wallets/ALIPAY_HK/payment-code?scenario=confirm")
    resp = conn.getresponse()
    page = resp.read().decode()
    conn.close()
    assert resp.status == 200 and page.count("<svg") == 2
    assert 'http-equiv="refresh" content="60"' in page
    assert 'data-scenario="confirm"' in page
    digits = page.split('class="digits">')[1].split("<")[0]
    assert "•" in digits and len(digits) == CODE_LENGTH
    assert mask("281234567890123456") == "2812••••••••••3456"


def test_official_sdk_user_presented_request_is_accepted(sandbox, merchant_key):
    pytest.importorskip("com.alipay.ams.api")
    from com.alipay.ams.api.model.amount import Amount
    from com.alipay.ams.api.model.env import Env
    from com.alipay.ams.api.model.merchant import Merchant
    from com.alipay.ams.api.model.order import Order
    from com.alipay.ams.api.model.store import Store
    from com.alipay.ams.api.request.pay.user_presented_code_payment_request import (
        UserPresentedCodePaymentRequest,
    )
    from com.alipay.ams.api.tools import signature_tool
    from com.alipay.ams.api.tools.date_tools import get_cur_iso8601_time
    from sandbox_support import CLIENT_ID

    from cashier_app.gateway.signing import private_key_pkcs8_base64

    order = Order()
    order.order_description = "SDK in-store coffee"
    order.order_amount = Amount("HKD", "4200")
    merchant = Merchant()
    merchant.reference_merchant_id, merchant.merchant_mcc = "M-0001", "5812"
    merchant.merchant_name = "Demo Cafe"
    store = Store()
    store.reference_store_id, store.store_name, store.store_mcc = "S-01", "Central", "5812"
    merchant.store = store
    order.merchant = merchant
    env = Env()
    env.store_terminal_id, env.store_terminal_request_time = "T-07", get_cur_iso8601_time()
    order.env = env
    req = UserPresentedCodePaymentRequest("sdk-upm-1", order, "HKD", "4200", code_for(sandbox))
    body = req.to_ams_json()
    path = "/ams/sandbox/api/v1/payments/pay"
    sent_at = get_cur_iso8601_time()
    sig = signature_tool.sign(
        "POST", path, CLIENT_ID, sent_at, body, private_key_pkcs8_base64(merchant_key)
    )
    parts = urlsplit(sandbox.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request(
        "POST",
        path,
        body=body.encode(),
        headers={
            "Content-type": "application/json; charset=UTF-8",
            "client-id": CLIENT_ID,
            "Request-Time": sent_at,
            "Signature": f"algorithm=RSA256,keyVersion=1,signature={sig}",
        },
    )
    answer = json.loads(conn.getresponse().read())
    conn.close()
    assert answer["result"]["resultStatus"] == "S", answer
