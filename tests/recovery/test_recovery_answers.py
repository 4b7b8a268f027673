"""Issue 10 items 1 and 3: a signed answer is believed only for the payment it names, and only
when its Response-Time lies between our request and now (give or take a tolerance).

A proxy on loopback sits between the cashier and the standalone sandbox: it replays one
payment's signed cancel answer for another, or re-signs an answer with a time from the past
or the future, which the sandbox itself never does. And recovery asks the gateway a
payment was made at, never another one that happens to know the merchant.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from proxy import AnswerProxy, resign, send
from recovery_setup import CLIENT_ID

from cashier_app.app import build_services
from cashier_app.checkout.errors import CheckoutError
from cashier_app.cli import main
from cashier_app.domain.outcome import Status
from cashier_app.domain.payment_kit import PaymentInfo
from cashier_app.gateway.signing import Signer, Verifier, request_time
from cashier_app.journal import Journal
from cashier_app.sandbox.gateway import SandboxGateway
from cashier_app.support import paths

INFO = PaymentInfo(1230, "HKD", "answers")


def services_at(url, keys):
    merchant_key, gateway_key = keys
    return build_services(
        gateway_url=url,
        client_id=CLIENT_ID,
        signer=Signer(merchant_key),
        verifier=Verifier(gateway_key.public_key()),
        notifications=False,
    )


def test_a_cancel_answer_for_another_payment_does_not_cancel_this_one(gateway, _keys):
    """Sale B's cancel never reaches the gateway: the proxy answers it with sale A's
    correctly signed cancel answer (a replay)."""
    replay = []

    def respond(handler, api, body):
        if api != "cancel" or not replay:
            return False
        send(handler, replay[0])
        return True

    with (
        AnswerProxy(gateway.sandbox.url, respond=respond) as proxy,
        services_at(proxy.url, _keys) as services,
    ):
        checkout = services.checkout
        a = checkout.create_payment(INFO, "ALIPAY_HK")
        assert checkout.cancel(a.payment_request_id).status is Status.CANCELLED
        replay.extend(x for x in proxy.answers if x.api == "cancel")
        b = checkout.create_payment(INFO, "ALIPAY_HK")
        with pytest.raises(CheckoutError, match=r"not confirmed.*answer is for paymentRequestId"):
            checkout.cancel(b.payment_request_id)
        assert checkout.get(b.payment_request_id).status is Status.PENDING
        # The gateway never cancelled B: the customer can still pay it, and does.
        gateway.sandbox.approve(b.payment_id)
        assert checkout.refresh(b.payment_request_id).status is Status.SUCCESS


@pytest.mark.parametrize(
    "shift",
    [timedelta(hours=-2), timedelta(days=3 * 365)],
    ids=["two-hours-before-our-request", "three-years-ahead"],
)
def test_an_answer_from_another_time_is_not_believed(gateway, _keys, shift):
    signer = Signer(_keys[1])

    def rewrite(answer):
        if answer.api != "inquiryPayment":
            return answer
        return resign(answer, signer, response_time=request_time(datetime.now(UTC) + shift))

    with (
        AnswerProxy(gateway.sandbox.url, rewrite=rewrite) as proxy,
        services_at(proxy.url, _keys) as services,
    ):
        checkout = services.checkout
        rec = checkout.create_payment(INFO, "ALIPAY_HK")
        gateway.sandbox.approve(rec.payment_id)
        after = checkout.refresh(rec.payment_request_id)
        assert after.status is Status.UNKNOWN, after
        assert after.result_code == "RESPONSE_SIGNATURE_INVALID"
        assert "not believed" in after.result_message
        assert (
            "before our request" if shift < timedelta(0) else "ahead of this computer's"
        ) in after.result_message
        proxy.rewrite = None  # the honest answer, now on time, is believed
        assert checkout.refresh(rec.payment_request_id).status is Status.SUCCESS


def test_an_answer_within_the_tolerance_is_believed(gateway, _keys):
    signer = Signer(_keys[1])

    def rewrite(answer):  # a gateway clock 10 minutes behind ours
        return resign(
            answer, signer, response_time=request_time(datetime.now(UTC) - timedelta(minutes=10))
        )

    with (
        AnswerProxy(gateway.sandbox.url, rewrite=rewrite) as proxy,
        services_at(proxy.url, _keys) as services,
    ):
        rec = services.checkout.create_payment(INFO, "ALIPAY_HK")
        gateway.sandbox.approve(rec.payment_id)
        assert services.checkout.refresh(rec.payment_request_id).status is Status.SUCCESS


# -- item 3: recovery asks the gateway the payment was made at -------------------------------


def test_recover_asks_only_the_gateway_the_payment_was_made_at(gateway, _keys, tmp_path, capsys):
    """Gateway B knows the same merchant (and signs with the same key, so its answers
    verify) but not this payment: asked there, it would say ORDER_NOT_EXIST."""
    merchant_key, gateway_key = _keys
    with SandboxGateway("127.0.0.1", 0, gateway_private_key=gateway_key) as other:
        other.start()
        other.register_merchant(CLIENT_ID, merchant_key.public_key())
        other_options = list(gateway.options)
        other_options[other_options.index("--gateway") + 1] = other.url
        with services_at(gateway.sandbox.url, _keys) as services:
            rec = services.checkout.create_payment(INFO, "ALIPAY_HK")
        gateway.sandbox.approve(rec.payment_id)  # paid at A; the till died before it knew

        assert main(["recover", "--json", *other_options]) == 0
        captured = capsys.readouterr()
        assert json.loads(captured.out) == []
        assert f"made at {gateway.sandbox.url} (not the gateway given)" in captured.err
        with Journal(paths.journal_path()) as journal:
            assert journal.get_payment(rec.payment_request_id).status is Status.PENDING
            assert journal.get_payment(rec.payment_request_id).gateway_url == gateway.sandbox.url

    assert main(["recover", "--json", *gateway.options]) == 0
    [line] = json.loads(capsys.readouterr().out)
    assert (line["payment_request_id"], line["status"]) == (rec.payment_request_id, "SUCCESS")
