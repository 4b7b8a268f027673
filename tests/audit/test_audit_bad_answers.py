"""Audit: validly signed but ill-typed gateway answers give a named error, the sale stays
journaled (UNKNOWN, recoverable) and is never marked paid or failed on them."""

from __future__ import annotations

import json

import httpx
import pytest
from antom_fakes import FakeAntom

from cashier_app.checkout.service import CheckoutService
from cashier_app.domain.outcome import Status
from cashier_app.domain.payment_kit import PaymentInfo
from cashier_app.gateway.antom import AntomClient
from cashier_app.gateway.errors import MalformedResponse
from cashier_app.gateway.signing import Signer, Verifier, request_time
from cashier_app.journal import Journal

INFO = PaymentInfo(1230, "HKD", "tea")


def _rig(tmp_path, raw: bytes):
    fake = FakeAntom()

    def handle(request: httpx.Request) -> httpx.Response:
        now = request_time()
        headers = {
            "content-type": "application/json",
            "client-id": fake.client_id,
            "response-time": now,
            "signature": fake.signer.header("POST", request.url.path, fake.client_id, now, raw),
        }
        return httpx.Response(200, headers=headers, content=raw)

    client = AntomClient(
        "https://gw.example",
        fake.client_id,
        Signer(fake.merchant_key),
        Verifier(fake.gateway_key.public_key()),
        transport=httpx.MockTransport(handle),
        sleep=lambda _s: None,
    )
    journal = Journal(tmp_path / "j.sqlite3")
    return client, CheckoutService(client, journal, profile="t"), journal


BAD = {
    "json array": b'[{"result":{"resultStatus":"S","resultCode":"SUCCESS"}}]',
    "missing result": b'{"paymentId":"P1"}',
    "result not an object": b'{"result":"S"}',
    "result status a number": b'{"result":{"resultStatus":1,"resultCode":"SUCCESS"}}',
    "non-UTF-8": b'{"result":{"resultStatus":"S","resultCode":"\xff\xfe"}}',
    "amount value not digits": json.dumps(
        {
            "result": {"resultStatus": "U", "resultCode": "PAYMENT_IN_PROCESS"},
            "paymentAmount": {"currency": "HKD", "value": "12.30"},
        }
    ).encode(),
    "amount not an object": json.dumps(
        {"result": {"resultStatus": "U", "resultCode": "PAYMENT_IN_PROCESS"}, "paymentAmount": 1230}
    ).encode(),
    "create time a number": json.dumps(
        {
            "result": {"resultStatus": "U", "resultCode": "PAYMENT_IN_PROCESS"},
            "paymentCreateTime": 5,
        }
    ).encode(),
    "empty body": b"",
    "not json": b"<html>oops</html>",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_ill_typed_pay_answer_is_a_named_error_and_leaves_unknown(tmp_path, name):
    client, service, journal = _rig(tmp_path, BAD[name])
    with pytest.raises(MalformedResponse, match="pay: "):
        client.pay(
            "P" + "1" * 20,
            INFO.validate(),
            "ALIPAY_HK",
            reference_order_id="r",
            order_description="d",
            expiry=None,
            notify_url=None,
            redirect_url=None,
        )
    rec = service.create_payment(INFO, "ALIPAY_HK")
    assert rec.status is Status.UNKNOWN
    assert journal.get_payment(rec.payment_request_id).status is Status.UNKNOWN


def test_inquiry_with_amount_value_as_number_is_read_as_minor_units(tmp_path):
    """The SDK sends value as a string; a number is tolerated but means the same minor units."""
    body = json.dumps(
        {
            "result": {"resultStatus": "S", "resultCode": "SUCCESS"},
            "paymentStatus": "PROCESSING",
            "paymentAmount": {"currency": "HKD", "value": 1230},
        }
    ).encode()
    client, _service, _journal = _rig(tmp_path, body)
    assert client.inquiry_payment("P1").payment_amount.value == 1230
