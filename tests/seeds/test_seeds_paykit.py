"""Payment Kit facade (seed 002): validation codes, picker rules, full sales via the sandbox."""

from __future__ import annotations

import json
import threading

import pytest

from cashier_app.checkout.paykit import (
    PaymentKit,
    PaymentKitFailure,
    ThirdPayClient,
    callback_want,
)
from cashier_app.domain import codes
from cashier_app.domain import payment_kit as pk
from cashier_app.domain.outcome import Status
from cashier_app.domain.payment_kit import PaymentInfo, PaymentKitError, PickerResult


def _code(fn, *args, **kwargs) -> int:
    with pytest.raises(PaymentKitError) as info:
        fn(*args, **kwargs)
    return info.value.code


@pytest.mark.parametrize("info", [
    PaymentInfo(0, "HKD"), PaymentInfo(-100, "HKD"), PaymentInfo(1.5, "HKD"),  # type: ignore[arg-type]
    PaymentInfo(True, "HKD"), PaymentInfo("100", "HKD"),  # type: ignore[arg-type]
    PaymentInfo(10**16, "HKD"), PaymentInfo(100, ""), PaymentInfo(100, "XXX"),
    PaymentInfo(100, "HKDD"), PaymentInfo(150, "IDR"), PaymentInfo(100, "HKD", "x" * 257),
    PaymentInfo(100, "HKD", extra_info="{bad"), PaymentInfo(100, "HKD", extra_info="[1]"),
    PaymentInfo(100, "HKD", extra_info='{"selectPayType":""}'),
    PaymentInfo(100, "HKD", extra_info='{"selectPayType":"wechat_pay"}'),
    PaymentInfo(100, "KRW", extra_info='{"selectPayType":"ALIPAY_HK"}'),
])  # fmt: skip
def test_bad_payment_info_is_401(kit, info):
    assert _code(kit.open_picker, info) == pk.PARAM_ERROR


def test_picker_lists_methods_by_currency_enabled_and_select(checkout):
    kit = PaymentKit(checkout)
    assert [m.type for m in kit.open_picker(PaymentInfo(100, "HKD")).methods] == [
        "ALIPAY_CN",
        "ALIPAY_HK",
        "CONNECT_WALLET",
    ]
    only = kit.open_picker(PaymentInfo(100, "HKD", extra_info='{"selectPayType":"ALIPAY_HK"}'))
    assert [m.type for m in only.methods] == ["ALIPAY_HK"]
    ali = kit.open_picker(PaymentInfo(100, "HKD", extra_info='{"selectPayType":"ali_pay"}'))
    assert [m.type for m in ali.methods] == ["ALIPAY_CN"]
    limited = PaymentKit(checkout, enabled_methods=["GCASH"])
    assert [m.type for m in limited.open_picker(PaymentInfo(100, "PHP")).methods] == ["GCASH"]
    assert _code(limited.open_picker, PaymentInfo(100, "HKD")) == pk.PARAM_ERROR


def test_session_confirm_and_cancel_rules(kit):
    session = kit.open_picker(PaymentInfo(100, "HKD", "Tea"))
    assert len(session.client_token) >= 24 and session.client_token not in repr(session)
    assert _code(session.confirm, "GCASH") == pk.PARAM_ERROR
    result = session.confirm("alipay_hk")
    assert result == PickerResult("ALIPAY_HK", session.client_token)
    assert _code(session.confirm, "ALIPAY_HK") == pk.DUPLICATE_REQUEST
    assert session.cancel().code == pk.USER_CANCELLED and session.state == "confirmed"
    other = kit.open_picker(PaymentInfo(100, "HKD"))
    error = other.cancel()
    assert error.code == pk.USER_CANCELLED and other.state == "cancelled"
    assert _code(other.confirm, "ALIPAY_HK") == pk.USER_CANCELLED
    assert _code(kit.cashier_picker, PaymentInfo(100, "HKD"), lambda s: None) == pk.USER_CANCELLED


def test_start_payment_checks_token_and_duplicates(kit):
    session = kit.open_picker(PaymentInfo(100, "HKD"))
    result = session.confirm("ALIPAY_HK")
    assert _code(kit.start_payment, session, PickerResult("ALIPAY_HK", "forged")) == pk.PARAM_ERROR
    record = kit.start_payment(session, result)
    assert record.status is Status.PENDING and record.normal_url
    assert _code(kit.start_payment, session, result) == pk.DUPLICATE_REQUEST


def _sale(kit, method="ALIPAY_HK", amount=1230, currency="HKD"):
    result = kit.cashier_picker(PaymentInfo(amount, currency, "Milk tea"), lambda s: method)
    session_holder = {}

    def choose(s):
        session_holder["s"] = s
        return method

    del result
    result = kit.cashier_picker(PaymentInfo(amount, currency, "Milk tea"), choose)
    record = kit.start_payment(session_holder["s"], result)
    return session_holder["s"], record


def _wallet(sandbox, action):
    """on_update hook: the payer acts in the wallet once the payment is open."""
    done = []

    def hook(record):
        if not done and record.payment_id and not record.is_final:
            done.append(True)
            getattr(sandbox, action)(record.payment_id)

    return hook


def test_full_sale_through_sandbox(kit, sandbox):
    session, record = _sale(kit)
    order_str = kit.order_str(record)
    data = json.loads(order_str)
    assert data["nextAction"] == "L" and data["clientToken"] == session.client_token
    assert data["linkUrl"] in (record.applink_url, record.normal_url)
    result = kit.request_payment(order_str, "AP", on_update=_wallet(sandbox, "approve"))
    assert result.next_step == "finish" and result.payload == "AP"
    assert result.selected_payment_type == "ALIPAY_HK"
    assert result.client_token == session.client_token
    extra = json.loads(result.extra_info)
    assert extra["status"] == "SUCCESS" and extra["resultStatus"] == "9000"
    assert kit.checkout.get(record.payment_request_id).status is Status.SUCCESS
    # the same order again: already processed
    with pytest.raises(PaymentKitFailure) as info:
        kit.request_payment(order_str)
    assert info.value.code == pk.ALREADY_PROCESSED and info.value.record.is_final


@pytest.mark.parametrize("action,code", [("decline", pk.USER_CANCELLED), ("expire", pk.PAY_FAILED)])
def test_declined_and_expired_sales_raise_codes(kit, sandbox, action, code):
    _, record = _sale(kit)
    with pytest.raises(PaymentKitFailure) as info:
        kit.request_payment(kit.order_str(record), on_update=_wallet(sandbox, action))
    assert info.value.code == code
    assert info.value.record.status in (Status.FAILED, Status.EXPIRED)


@pytest.mark.parametrize(
    "order_str",
    [
        "",
        "not json",
        "[1]",
        '{"nextAction":"X","linkUrl":"https://a"}',
        '{"nextAction":"L"}',
        '{"nextAction":"L","linkUrl":"alipays://x"}',
        '{"nextAction":"L","linkUrl":"https://a","scheme":1}',
    ],
)
def test_bad_order_str_is_401(kit, order_str):
    assert _code(kit.request_payment, order_str) == pk.PARAM_ERROR


def test_order_str_unknown_order_payload_and_token(kit):
    assert _code(kit.request_payment, '{"nextAction":"L","linkUrl":"https://x/y"}') == pk.PAY_FAILED
    _, record = _sale(kit)
    good = json.loads(kit.order_str(record))
    assert _code(kit.request_payment, json.dumps(good), "") == pk.PARAM_ERROR
    assert _code(kit.request_payment, json.dumps({**good, "clientToken": "nope"})) == pk.PARAM_ERROR


def test_duplicate_in_flight_request(kit, sandbox, wait):
    _, record = _sale(kit)
    order_str = kit.order_str(record)
    outcome = {}
    thread = threading.Thread(
        target=lambda: outcome.setdefault("r", kit.request_payment(order_str)), daemon=True
    )
    thread.start()
    wait(lambda: record.payment_request_id in kit._inflight)
    assert _code(kit.request_payment, order_str) == pk.DUPLICATE_REQUEST
    sandbox.approve(record.payment_id)
    thread.join(10)
    assert outcome["r"].next_step == "finish"


def test_network_error(kit, sandbox):
    _, record = _sale(kit)
    order_str = kit.order_str(record)
    sandbox.faults.add("reset", count=None)  # every call from now on: connection reset
    kit.pay_timeout = 0.3
    with pytest.raises(PaymentKitError) as info:
        kit.request_payment(order_str)
    assert info.value.code == pk.NETWORK_ERROR


# -- ThirdPayClient -------------------------------------------------------------------


def test_third_pay_client_arguments(kit):
    assert _code(ThirdPayClient, kit, "wechat_pay", "app") == pk.PARAM_ERROR
    assert _code(ThirdPayClient, kit, "nope", "app") == pk.PARAM_ERROR
    assert _code(ThirdPayClient, kit, "ali_pay", " ") == pk.PARAM_ERROR
    ThirdPayClient(kit, "ali_pay", "com.example.shop")


@pytest.mark.parametrize(
    "pay_info",
    [
        "",
        "nope",
        "[]",
        '{"linkUrl":"https://a"}',
        '{"paymentRequestId":"P1"}',
        '{"paymentRequestId":"unknown","linkUrl":"https://a"}',
    ],
)
def test_third_pay_bad_pay_info(kit, pay_info):
    client = ThirdPayClient(kit, "ALIPAY_HK", "com.example.shop")
    assert _code(client.pay, pay_info) == codes.THIRD_PAY_INFO_INVALID


def test_third_pay_full_flow(kit, sandbox):
    _, record = _sale(kit)
    client = ThirdPayClient(kit, "ALIPAY_HK", "com.example.shop")
    wrong_method = ThirdPayClient(kit, "ali_pay", "com.example.shop")
    assert _code(wrong_method.pay, kit.pay_info(record)) == codes.THIRD_PAY_INFO_INVALID
    prid = record.payment_request_id
    assert client.pay(kit.pay_info(record)) is None
    assert _code(client.pay, kit.pay_info(record)) == pk.DUPLICATE_REQUEST
    assert client.result(prid) is None
    # a callback of another app, or another order, is not ours
    assert not client.handle_pay_callback(callback_want("other.app", prid, "9000"))
    assert not client.handle_pay_callback(callback_want("com.example.shop", "P0", "9000"))
    # the wallet says 9000 before the gateway knows: not believed, "query"
    assert client.handle_pay_callback(callback_want("com.example.shop", prid, "9000"))
    assert client.result(prid).next_step == "query"
    sandbox.approve(record.payment_id)
    assert client.handle_pay_callback(callback_want("com.example.shop", prid, "9000"))
    assert client.result(prid).next_step == "finish"
    assert _code(client.pay, kit.pay_info(record)) == pk.ALREADY_PROCESSED


def test_third_pay_declined(kit, sandbox):
    _, record = _sale(kit)
    client = ThirdPayClient(kit, "ALIPAY_HK", "com.example.shop")
    client.pay(kit.pay_info(record))
    sandbox.decline(record.payment_id)
    assert client.handle_pay_callback(
        callback_want("com.example.shop", record.payment_request_id, "6001")
    )
    assert _code(client.result, record.payment_request_id) == codes.THIRD_PAY_CANCELLED
