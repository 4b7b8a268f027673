"""pay / inquiryPayment / cancel / refund / inquiryRefund as the sandbox implements them."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import unquote

import pytest
from sandbox_support import CLIENT_ID, RawClient, pay_body

from cashier_app.gateway.signing import Signer, generate_private_key, public_key_base64
from cashier_app.sandbox import store as st


def _pay(client, request_id="req-1", **kw):
    reply = client.post("pay", pay_body(request_id, **kw))
    assert reply.verified, reply.error
    return reply.json


def _inquiry(client, **ids):
    reply = client.post("inquiryPayment", ids)
    assert reply.verified, reply.error
    return reply.json


def _fail_code(answer) -> str:
    assert answer["result"]["resultStatus"] == "F", answer
    return answer["result"]["resultCode"]


def test_pay_answer_shape(client, sandbox):
    answer = _pay(client)
    pid = answer["paymentId"]
    assert answer["paymentRequestId"] == "req-1"
    assert answer["paymentAmount"] == {"currency": "HKD", "value": "1230"}
    assert answer["normalUrl"] == f"{sandbox.url}/sandbox/wallet/{pid}"
    assert answer["applinkUrl"] == f"{sandbox.url}/sandbox/applink/{pid}"
    code = answer["orderCodeForm"]["codeDetails"][0]
    assert code["codeValueType"] == "QRCODE" and code["displayType"] == "MIDDLEIMAGE"
    assert code["codeValue"].startswith(f"{sandbox.url}/sandbox/code/")
    assert answer["schemeUrl"].startswith("alipayhk://platformapi/startApp?appId=10000007")
    assert unquote(answer["schemeUrl"].split("qrcode=")[1]) == code["codeValue"]
    assert answer["orderCodeForm"]["paymentMethodType"] == "ALIPAY_HK"
    assert answer["paymentCreateTime"].endswith("+00:00")


@pytest.mark.parametrize(
    ("change", "code", "words"),
    [
        (
            {"productCode": "AGREEMENT_PAYMENT"},
            "PARAM_ILLEGAL",
            "productCode",
        ),  # in-store: own file
        ({"paymentRequestId": "x" * 65}, "PARAM_ILLEGAL", "paymentRequestId"),
        ({"paymentRequestId": ""}, "PARAM_ILLEGAL", "paymentRequestId is required"),
        ({"paymentAmount": {"currency": "HKD", "value": 1230}}, "PARAM_ILLEGAL", "string"),
        ({"paymentAmount": {"currency": "HKD", "value": "-5"}}, "PARAM_ILLEGAL", "paymentAmount"),
        ({"paymentAmount": {"currency": "HKD", "value": "0"}}, "PARAM_ILLEGAL", "zero"),
        ({"paymentAmount": {"currency": "XYZ", "value": "100"}}, "PARAM_ILLEGAL", "XYZ"),
        ({"paymentAmount": {"currency": "PHP", "value": "100"}}, "CURRENCY_NOT_SUPPORT", "PHP"),
        (
            {"paymentMethod": {"paymentMethodType": "MONOPOLY_MONEY"}},
            "UNAVAILABLE_PAYMENT_METHOD",
            "MONOPOLY_MONEY",
        ),
        ({"paymentMethod": {}}, "PARAM_ILLEGAL", "paymentMethodType"),
        ({"order": None}, "PARAM_ILLEGAL", "order"),
        ({"order": {"orderDescription": "x"}}, "PARAM_ILLEGAL", "referenceOrderId"),
        ({"env": {"terminalType": "TOASTER"}}, "PARAM_ILLEGAL", "terminalType"),
        ({"paymentNotifyUrl": "ftp://x"}, "PARAM_ILLEGAL", "paymentNotifyUrl"),
        ({"paymentExpiryTime": "tomorrow"}, "PARAM_ILLEGAL", "paymentExpiryTime"),
        ({"paymentExpiryTime": "2001-01-01T00:00:00+00:00"}, "PARAM_ILLEGAL", "future"),
    ],
)
def test_pay_validation(client, change, code, words):
    body = pay_body("bad")
    body.update(change)
    answer = client.post("pay", body).json
    assert _fail_code(answer) == code
    assert words in answer["result"]["resultMessage"]


def test_idr_amount_must_end_in_00(client):
    answer = _pay(client, "idr", value="12345", currency="IDR", method="DANA")
    assert _fail_code(answer) == "PARAM_ILLEGAL"
    assert (
        _pay(client, "idr2", value="12300", currency="IDR", method="DANA")["result"]["resultStatus"]
        == "U"
    )


def test_same_request_same_answer_then_final(client, sandbox):
    first = _pay(client)
    again = _pay(client)
    assert again == first
    sandbox.approve(first["paymentId"])
    final = _pay(client)
    assert final["result"] == {
        "resultCode": "SUCCESS",
        "resultStatus": "S",
        "resultMessage": "success",
    }
    assert final["paymentId"] == first["paymentId"] and "paymentTime" in final


def test_same_content_other_formatting_is_the_same_request(client):
    import json

    first = _pay(client)
    compact = json.dumps(pay_body(), separators=(",", ":")).encode()
    assert client.post("pay", compact).json["paymentId"] == first["paymentId"]


def test_repeat_with_different_body_is_inconsistent(client):
    _pay(client)
    answer = _pay(client, value="9999")
    assert _fail_code(answer) == "REPEAT_REQ_INCONSISTENT"


def test_request_ids_are_per_merchant(sandbox, client):
    key = generate_private_key()
    sandbox.register_merchant("SANDBOX_OTHER", public_key_base64(key.public_key()))
    other = RawClient(sandbox.url, "SANDBOX_OTHER", Signer(key), client.verifier)
    mine = _pay(client)
    theirs = other.post("pay", pay_body(value="777")).json
    assert theirs["paymentId"] != mine["paymentId"]
    # and one merchant cannot inquire another's payment
    assert (
        _fail_code(other.post("inquiryPayment", {"paymentId": mine["paymentId"]}).json)
        == "ORDER_NOT_EXIST"
    )


def test_inquiry_lifecycle_approve(client, sandbox):
    pid = _pay(client)["paymentId"]
    answer = _inquiry(client, paymentId=pid)
    assert answer["result"]["resultStatus"] == "S"
    assert answer["paymentStatus"] == "PROCESSING" and "paymentTime" not in answer
    sandbox.approve(pid)
    answer = _inquiry(client, paymentRequestId="req-1")
    assert answer["paymentStatus"] == "SUCCESS"
    assert answer["paymentResultCode"] == "SUCCESS" and answer["paymentTime"]


def test_inquiry_needs_an_id_and_a_known_payment(client):
    assert _fail_code(_inquiry(client)) == "PARAM_ILLEGAL"
    assert _fail_code(_inquiry(client, paymentId="nope")) == "ORDER_NOT_EXIST"


def test_decline(client, sandbox):
    pid = _pay(client)["paymentId"]
    sandbox.decline(pid)
    answer = _inquiry(client, paymentId=pid)
    assert answer["paymentStatus"] == "FAIL"
    assert answer["paymentResultCode"] == st.DECLINED_CODE
    assert _fail_code(_pay(client)) == st.DECLINED_CODE  # idempotent replay, final


def test_expiry_by_time(client, sandbox, clock):
    answer = _pay(client, paymentExpiryTime=(clock() + timedelta(seconds=30)).isoformat())
    pid = answer["paymentId"]
    assert answer["orderCodeForm"]["expireTime"] == (clock() + timedelta(seconds=30)).isoformat()
    clock.advance(29)
    assert _inquiry(client, paymentId=pid)["paymentStatus"] == "PROCESSING"
    clock.advance(1)
    answer = _inquiry(client, paymentId=pid)
    assert answer["paymentStatus"] == "FAIL"
    assert answer["paymentResultCode"] == "ORDER_IS_CLOSED"
    with pytest.raises(st.StateError, match=r"already FAIL \(ORDER_IS_CLOSED\): it expired at"):
        sandbox.approve(pid)


def test_default_expiry_from_constructor(client, clock):
    answer = _pay(client)
    assert answer["paymentExpiryTime"] == (clock() + timedelta(seconds=600)).isoformat()


def test_expire_control(client, sandbox):
    pid = _pay(client)["paymentId"]
    assert sandbox.expire(pid)["paymentResultCode"] == "ORDER_IS_CLOSED"
    assert _inquiry(client, paymentId=pid)["paymentStatus"] == "FAIL"
    with pytest.raises(st.StateError):
        sandbox.expire(pid)


def test_cancel_unpaid(client, sandbox):
    pid = _pay(client)["paymentId"]
    answer = client.post("cancel", {"paymentRequestId": "req-1"}).json
    assert answer["result"]["resultStatus"] == "S" and answer["paymentId"] == pid
    again = client.post("cancel", {"paymentId": pid}).json
    assert again == answer  # idempotent
    assert _inquiry(client, paymentId=pid)["paymentStatus"] == "CANCELLED"
    with pytest.raises(st.StateError, match="CANCELLED"):
        sandbox.approve(pid)  # a late success does not undo the cancel


def test_cancel_paid_within_window_then_outside(client, sandbox, clock):
    pid = _pay(client)["paymentId"]
    sandbox.approve(pid)
    assert client.post("cancel", {"paymentId": pid}).json["result"]["resultStatus"] == "S"
    inquiry = _inquiry(client, paymentId=pid)
    assert inquiry["paymentStatus"] == "CANCELLED" and inquiry["cancelTime"]

    pid2 = _pay(client, "req-2")["paymentId"]
    sandbox.approve(pid2)
    clock.advance(2 * 86400)
    assert _fail_code(client.post("cancel", {"paymentId": pid2}).json) == "CANCEL_WINDOW_EXCEED"


def test_cancel_window_is_0015_utc8_next_day():
    from datetime import UTC, datetime

    paid = datetime(2026, 3, 1, 15, 59, tzinfo=UTC)  # 23:59 in UTC+8
    assert st.cancel_deadline(paid) == datetime(2026, 3, 1, 16, 15, tzinfo=UTC)


def test_cancel_failed_or_unknown(client, sandbox):
    pid = _pay(client)["paymentId"]
    sandbox.decline(pid)
    assert _fail_code(client.post("cancel", {"paymentId": pid}).json) == "ORDER_IS_CLOSED"
    assert _fail_code(client.post("cancel", {"paymentId": "nope"}).json) == "ORDER_NOT_EXIST"


def _refund(client, request_id, pid, value):
    return client.post(
        "refund",
        {
            "refundRequestId": request_id,
            "paymentId": pid,
            "refundAmount": {"currency": "HKD", "value": value},
            "refundReason": "returned goods",
        },
    ).json


def test_partial_and_full_refunds_never_exceed(client, sandbox):
    pid = _pay(client)["paymentId"]
    assert _fail_code(_refund(client, "r0", pid, "100")) == "PROCESS_FAIL"  # not paid yet
    sandbox.approve(pid)
    first = _refund(client, "r1", pid, "230")
    assert first["result"]["resultStatus"] == "S" and first["refundId"]
    assert _refund(client, "r1", pid, "230") == first  # idempotent
    assert _fail_code(_refund(client, "r1", pid, "231")) == "REPEAT_REQ_INCONSISTENT"
    assert _fail_code(_refund(client, "r2", pid, "1001")) == "REFUND_AMOUNT_EXCEED"
    assert _refund(client, "r3", pid, "1000")["result"]["resultStatus"] == "S"
    assert _fail_code(_refund(client, "r4", pid, "1")) == "REFUND_AMOUNT_EXCEED"
    inquiry = _inquiry(client, paymentId=pid)
    assert [t["transactionAmount"]["value"] for t in inquiry["transactions"]] == ["230", "1000"]
    # a paid payment with refunds cannot be cancelled any more
    assert _fail_code(client.post("cancel", {"paymentId": pid}).json) == "PROCESS_FAIL"


def test_refund_validation(client, sandbox):
    pid = _pay(client)["paymentId"]
    sandbox.approve(pid)
    assert _fail_code(_refund(client, "r1", "nope", "10")) == "ORDER_NOT_EXIST"
    answer = client.post(
        "refund",
        {
            "refundRequestId": "r1",
            "paymentId": pid,
            "refundAmount": {"currency": "USD", "value": "10"},
        },
    ).json
    assert _fail_code(answer) == "PARAM_ILLEGAL" and "currency" in answer["result"]["resultMessage"]
    answer = client.post(
        "refund", {"paymentId": pid, "refundAmount": {"currency": "HKD", "value": "10"}}
    ).json
    assert "refundRequestId" in answer["result"]["resultMessage"]


def test_inquiry_refund(client, sandbox):
    pid = _pay(client)["paymentId"]
    sandbox.approve(pid)
    refund = _refund(client, "r1", pid, "500")
    by_request = client.post("inquiryRefund", {"refundRequestId": "r1"}).json
    by_id = client.post("inquiryRefund", {"refundId": refund["refundId"]}).json
    assert by_request == by_id
    assert by_id["refundStatus"] == "SUCCESS" and by_id["refundAmount"]["value"] == "500"
    assert (
        _fail_code(client.post("inquiryRefund", {"refundRequestId": "zz"}).json)
        == "REFUND_NOT_EXIST"
    )
    assert _fail_code(client.post("inquiryRefund", {}).json) == "PARAM_ILLEGAL"


def test_client_id_constant_is_sandbox_style():
    assert CLIENT_ID.startswith("SANDBOX_")
