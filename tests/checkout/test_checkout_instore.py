"""In-store checkout against the real sandbox on loopback: User-presented Mode (scan the
customer's code: S, U then paid or declined, no answer in time then cancel, refused codes)
and Order Code; the code is never journaled, logged or shown unmasked."""

from __future__ import annotations

import logging
import time
from datetime import timedelta

import pytest
from antom_fakes import key

from cashier_app.checkout.errors import CheckoutError
from cashier_app.checkout.instore import FailureReason, UpmPolicy, failure_reason
from cashier_app.checkout.service import CheckoutService
from cashier_app.domain.outcome import Status
from cashier_app.domain.payment_code import PaymentCodeError, mask, normalise
from cashier_app.domain.payment_kit import PaymentInfo
from cashier_app.domain.store import StoreInfo
from cashier_app.gateway.antom import AntomClient, Exchange
from cashier_app.gateway.signing import Signer, Verifier
from cashier_app.journal import Journal
from cashier_app.sandbox import SandboxGateway
from cashier_app.sandbox.control import SimulatorClient

CLIENT_ID = "SANDBOX_INSTORE_IT"
INFO = PaymentInfo(4200, "HKD", "Two coffees")
STORE = StoreInfo("M0001", "5812", "Demo Cafe", "S-01", "Demo Cafe Central", "5812", "T-07")
FAST = UpmPolicy(inquiries=10, interval=0.2, first_wait=0.0)


@pytest.fixture
def sandbox():
    gw = SandboxGateway(gateway_private_key=key("gateway"), notify_delays=(0.0,))
    gw.start()
    gw.register_merchant(CLIENT_ID, key("merchant").public_key())
    yield gw
    gw.stop()


@pytest.fixture
def journal(tmp_path):
    with Journal(tmp_path / "journal.sqlite3") as j:
        yield j


@pytest.fixture
def exchanges() -> list[Exchange]:
    return []


@pytest.fixture
def svc(sandbox, journal, exchanges) -> CheckoutService:
    client = AntomClient(
        sandbox.url,
        CLIENT_ID,
        Signer(key("merchant")),
        Verifier(sandbox.gateway_public_key),
        timeout=5,
        observer=exchanges.append,
        retry_base_delay=0.01,
    )
    return CheckoutService(client, journal, profile="till", store=STORE)


def code(sandbox, scenario="pay", **kw) -> str:
    return SimulatorClient(sandbox.url).payment_code("ALIPAY_HK", scenario, **kw)["paymentCode"]


def run(svc, rec, policy=FAST):
    return svc.run_to_completion(
        rec.payment_request_id, policy=policy.poll_policy(), sleep=time.sleep
    )


def test_a_scanned_code_that_pays_at_once(sandbox, svc, exchanges):
    value = code(sandbox)
    rec = svc.create_in_store_payment(INFO, "PaymentCode", payment_code=value)
    assert rec.status is Status.SUCCESS and rec.paid_at is not None
    assert rec.method == "ALIPAY_HK"  # sent as CONNECT_WALLET; the answer named the wallet
    assert rec.scenario == "PaymentCode" and rec.masked_code == mask(value)
    assert rec.product == "IN_STORE_PAYMENT" and rec.summary_json()["scenario"] == "PaymentCode"
    sent = [x for x in exchanges if x.api == "pay"]
    assert len(sent) == 1
    assert '"inStorePaymentScenario":"PaymentCode"' in sent[0].request_body
    assert '"productCode":"IN_STORE_PAYMENT"' in sent[0].request_body
    assert '"storeTerminalId":"T-07"' in sent[0].request_body
    assert mask(value) in sent[0].request_body and value not in sent[0].request_body


def test_U_then_paid_within_the_window(sandbox, svc):
    rec = svc.create_in_store_payment(
        INFO,
        "PaymentCode",
        payment_code=code(sandbox, "confirm_then_pay", confirm_seconds=0.5),
        policy=FAST,
    )
    assert rec.status is Status.PENDING
    assert run(svc, rec).status is Status.SUCCESS


def test_U_then_declined(sandbox, svc):
    rec = svc.create_in_store_payment(
        INFO,
        "PaymentCode",
        payment_code=code(sandbox, "confirm_then_decline", confirm_seconds=0.3),
        policy=FAST,
    )
    done = run(svc, rec)
    assert (done.status, done.result_code) == (Status.FAILED, "USER_REJECTED")
    assert failure_reason(done.result_code) is FailureReason.DECLINED


def test_no_final_answer_in_the_window_means_cancel(sandbox, svc):
    quick = UpmPolicy(inquiries=2, interval=0.2, first_wait=0.2)
    rec = svc.create_in_store_payment(
        INFO, "PaymentCode", payment_code=code(sandbox, "confirm"), policy=quick
    )
    assert rec.expires_at - rec.created_at == quick.window
    done = run(svc, rec, quick)
    assert done.status is Status.EXPIRED and done.is_final
    assert sandbox.payment(done.payment_id)["paymentStatus"] == "CANCELLED"


@pytest.mark.parametrize(
    "scenario, code_name, reason",
    [
        ("expired", "INVALID_CODE", FailureReason.CODE),
        ("unknown", "INVALID_CODE", FailureReason.CODE),
        ("balance", "USER_BALANCE_NOT_ENOUGH", FailureReason.BALANCE),
    ],
)
def test_refused_codes_fail_with_the_reason(sandbox, svc, scenario, code_name, reason):
    rec = svc.create_in_store_payment(INFO, "PaymentCode", payment_code=code(sandbox, scenario))
    assert (rec.status, rec.result_code) == (Status.FAILED, code_name)
    assert failure_reason(rec.result_code) is reason


def test_a_code_used_twice_is_refused_before_anything_is_sent(sandbox, svc, journal, exchanges):
    value = code(sandbox)
    svc.create_in_store_payment(INFO, "PaymentCode", payment_code=value)
    before = journal.count_payments()
    sent = len(exchanges)
    with pytest.raises(PaymentCodeError) as err:
        svc.create_in_store_payment(
            INFO, "PaymentCode", payment_code=" ".join([value[:6], value[6:12], value[12:]])
        )  # the same code, typed in groups
    assert err.value.code == "payment_code_used" and value not in str(err.value)
    assert len(exchanges) == sent and journal.count_payments() == before


def test_gateway_never_got_the_pay_then_the_code_is_not_resent(sandbox, svc, exchanges):
    sandbox.faults.add("reset", api="pay", count=3, after=False)
    rec = svc.create_in_store_payment(INFO, "PaymentCode", payment_code=code(sandbox))
    assert rec.status is Status.UNKNOWN
    pays = len([x for x in exchanges if x.api == "pay"])
    # "no such order" while the pay may still be in flight proves nothing: still UNKNOWN,
    # and the customer's code is not sent again
    after = svc.refresh(rec.payment_request_id)
    assert after.status is Status.UNKNOWN
    assert len([x for x in exchanges if x.api == "pay"]) == pays  # no resend
    # once no pay of it can arrive any more, nothing was charged
    late = CheckoutService.in_flight_until(after) + timedelta(seconds=1)
    svc._clock = lambda: late
    after = svc.refresh(rec.payment_request_id)
    assert (after.status, after.result_code) == (Status.FAILED, "ORDER_NOT_EXIST")
    assert len([x for x in exchanges if x.api == "pay"]) == pays  # no resend


def test_order_code_shows_a_qr_and_is_paid(sandbox, svc):
    rec = svc.create_in_store_payment(INFO, "OrderCode", method_type="ALIPAY_HK")
    assert rec.status is Status.PENDING and rec.code_value and not rec.masked_code
    sandbox.approve(rec.payment_id)
    assert svc.refresh(rec.payment_request_id).status is Status.SUCCESS


def test_refund_and_cancel_of_an_in_store_sale(sandbox, svc):
    rec = svc.create_in_store_payment(INFO, "PaymentCode", payment_code=code(sandbox))
    refund = svc.refund(rec.payment_request_id)
    assert refund.status is Status.SUCCESS
    other = svc.create_in_store_payment(INFO, "PaymentCode", payment_code=code(sandbox))
    assert svc.cancel(other.payment_request_id).status is Status.CANCELLED


def test_bad_input_is_named_and_nothing_is_written(sandbox, svc, journal):
    for text, err_code in (
        ("", "payment_code_empty"),
        ("28abc", "payment_code_not_digits"),
        ("2812", "payment_code_length"),
    ):
        with pytest.raises(PaymentCodeError) as err:
            svc.create_in_store_payment(INFO, "PaymentCode", payment_code=text)
        assert err.value.code == err_code
    assert normalise("２８１２ ３４５６-７８９０ １２３４５６") == "281234567890123456"
    with pytest.raises(CheckoutError, match="scenario"):
        svc.create_in_store_payment(INFO, "EntryCode")
    bare = CheckoutService(svc.client, journal, profile="till")
    with pytest.raises(CheckoutError, match="store details"):
        bare.create_in_store_payment(INFO, "PaymentCode", payment_code=code(sandbox))


def test_the_code_never_reaches_journal_log_or_exchanges(
    sandbox, svc, journal, exchanges, caplog, tmp_path
):
    caplog.set_level(logging.DEBUG)
    values = [
        code(sandbox),
        code(sandbox, "balance"),
        code(sandbox, "confirm_then_pay", confirm_seconds=0.2),
    ]
    for value in values:
        rec = svc.create_in_store_payment(INFO, "PaymentCode", payment_code=value, policy=FAST)
        run(svc, rec)
    journal.close()
    files = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    text = caplog.text + "".join(
        x.request_body + x.response_body + str(x.request_headers) for x in exchanges
    )
    for value in values:
        assert value.encode() not in files
        assert value not in text
        assert mask(value) in "".join(x.request_body for x in exchanges)


def test_the_best_practice_window_and_inquiry_interval():
    policy = UpmPolicy()  # Antom: 10-20 inquiries 3 s apart, after up to 5 s for an answer
    assert (policy.inquiries, policy.interval, policy.first_wait) == (15, 3.0, 5.0)
    assert policy.window.total_seconds() == 50
    from datetime import UTC, datetime, timedelta

    now = datetime(2026, 12, 1, tzinfo=UTC)
    poll = policy.poll_policy()
    assert [poll.next_delay(i, now, now + policy.window) for i in range(3)] == [3.0] * 3
    assert poll.next_delay(0, now + policy.window, now + policy.window) is None
    assert poll.should_cancel(now + timedelta(seconds=50), policy.deadline(now))
    for bad in ({"inquiries": 0}, {"inquiries": 21}, {"interval": 0}, {"first_wait": -1}):
        with pytest.raises(ValueError):
            UpmPolicy(**bad)
    assert failure_reason("SOMETHING_NEW") is FailureReason.OTHER


def test_recovery_cancels_an_interrupted_scanned_sale_without_resending_it(
    sandbox, journal, exchanges
):
    client = AntomClient(
        sandbox.url,
        CLIENT_ID,
        Signer(key("merchant")),
        Verifier(sandbox.gateway_public_key),
        timeout=5,
        observer=exchanges.append,
        retry_base_delay=0.01,
    )
    first = CheckoutService(client, journal, profile="till", store=STORE)
    rec = first.create_in_store_payment(INFO, "PaymentCode", payment_code=code(sandbox, "confirm"))
    assert rec.status is Status.PENDING  # the till crashed here
    pays = len([x for x in exchanges if x.api == "pay"])
    after = CheckoutService(client, journal, profile="till", store=STORE).recover()
    assert [r.status for r in after] == [Status.CANCELLED]
    assert sandbox.payment(rec.payment_id)["paymentStatus"] == "CANCELLED"
    assert len([x for x in exchanges if x.api == "pay"]) == pays
