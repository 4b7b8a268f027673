"""Result-code tables (seeds 000, 001, 002) map to and from our statuses."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from cashier_app.domain import codes
from cashier_app.domain import payment_kit as pk
from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Outcome, Status
from cashier_app.domain.records import PaymentRecord


@pytest.mark.parametrize(
    "status,code",
    [
        (Status.SUCCESS, "9000"),
        (Status.PENDING, "8000"),
        (Status.CREATED, "8000"),
        (Status.FAILED, "4000"),
        (Status.EXPIRED, "4000"),
        (Status.CANCELLED, "6001"),
        (Status.UNKNOWN, "6004"),
    ],
)
def test_alipay_client_code_for_status(status, code):
    assert codes.alipay_client_code(status) == code


@pytest.mark.parametrize(
    "code,status",
    [
        ("9000", Status.SUCCESS),
        ("8000", Status.PENDING),
        ("4000", Status.FAILED),
        ("5000", Status.UNKNOWN),
        ("6001", Status.CANCELLED),
        ("6002", Status.UNKNOWN),
        ("6004", Status.UNKNOWN),
        ("1234", Status.UNKNOWN),
        (9000, Status.SUCCESS),
    ],
)
def test_alipay_client_code_to_outcome(code, status):
    outcome = codes.from_alipay_client(code)
    assert outcome.status is status and outcome.source == "alipay-client"
    assert outcome.code == str(code)


def test_query_codes_are_never_failures():
    for code in ("8000", "6004"):
        assert codes.needs_query(code)
        assert not codes.from_alipay_client(code).is_final
    assert not codes.needs_query("9000") and not codes.needs_query("4000")


def test_alipay_round_trip_keeps_status_where_lossless():
    for status in (Status.SUCCESS, Status.PENDING, Status.FAILED, Status.CANCELLED, Status.UNKNOWN):
        assert codes.from_alipay_client(codes.alipay_client_code(status)).status is status


def test_alipay_client_result_map_for_record():
    now = datetime.now(UTC)
    rec = PaymentRecord(
        "P1",
        "p",
        Money(1230, "HKD"),
        "ALIPAY_HK",
        Status.SUCCESS,
        now,
        now,
        payment_id="G1",
        result_code="SUCCESS",
    )
    res = codes.alipay_client_result(rec)
    assert res["resultStatus"] == "9000" and res["memo"]
    assert json.loads(res["result"])["out_trade_no"] == "P1"
    assert codes.alipay_client_result(Status.PENDING)["resultStatus"] == "8000"


@pytest.mark.parametrize(
    "code,status",
    [
        ("9000", Status.SUCCESS),
        ("1000", Status.UNKNOWN),
        ("1001", Status.CANCELLED),
        ("1002", Status.FAILED),
        ("1003", Status.PENDING),
        ("1005", Status.UNKNOWN),
        ("2001", Status.PENDING),
        ("7777", Status.UNKNOWN),
    ],
)
def test_spi_codes_to_outcome(code, status):
    assert codes.from_spi(code).status is status


def test_spi_code_for_status_and_outcome():
    assert codes.spi_code(Status.SUCCESS) == "9000"
    assert codes.spi_code(Status.CANCELLED) == "1001"
    assert codes.spi_code(Status.FAILED) == "1002"
    assert codes.spi_code(Status.EXPIRED) == "1003"
    assert codes.spi_code(Status.UNKNOWN) == "1005"
    assert codes.spi_code(Outcome(Status.FAILED, "USER_REJECTED")) == "1001"
    for status in (Status.SUCCESS, Status.CANCELLED, Status.FAILED):
        assert codes.from_spi(codes.spi_code(status)).status is status


@pytest.mark.parametrize(
    "outcome,code",
    [
        (Outcome(Status.SUCCESS), None),
        (Outcome(Status.PENDING), None),
        (Outcome(Status.CANCELLED, "CANCELLED"), pk.USER_CANCELLED),
        (Outcome(Status.FAILED, "USER_REJECTED"), pk.USER_CANCELLED),
        (Outcome(Status.FAILED, "USER_BALANCE_NOT_ENOUGH"), pk.PAY_FAILED),
        (Outcome(Status.EXPIRED, "PAYMENT_EXPIRED"), pk.PAY_FAILED),
        (Outcome(Status.CANCELLED, "CHECKOUT_TIMEOUT"), pk.PAY_FAILED),
        (Outcome(Status.UNKNOWN, "NETWORK_ERROR"), pk.NETWORK_ERROR),
    ],
)
def test_payment_kit_code_for_outcome(outcome, code):
    assert codes.payment_kit_code(outcome) == code


def test_payment_kit_codes_to_outcome_and_third_pay():
    assert codes.from_payment_kit(pk.USER_CANCELLED).status is Status.CANCELLED
    assert codes.from_payment_kit(pk.PAY_FAILED).status is Status.FAILED
    assert codes.from_payment_kit(pk.PARAM_ERROR).status is Status.UNKNOWN
    assert codes.from_payment_kit(codes.THIRD_PAY_CANCELLED).status is Status.CANCELLED
    assert codes.payment_kit_code(Status.FAILED, third_pay=True) == codes.THIRD_PAY_FAILED
    with pytest.raises(KeyError):
        codes.from_payment_kit(42)


def test_describe():
    assert codes.describe("alipay-client", "6001") == "6001 user cancelled midway"
    assert codes.describe("alipay-spi", 1001) == "1001 ERROR_CODE_USER_CANCEL"
    assert codes.describe("payment-kit", 401) == "401 Parameter error"
    with pytest.raises(ValueError, match="unknown code source"):
        codes.describe("other", 1)
