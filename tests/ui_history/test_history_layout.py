"""Issue 9 item 7: the History details pane shows every fact whole in zh_CN on a 1280x800
window (the operator row 经手人 was cut off below a wrapped reason) and at 1024x600."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta

import pytest
from layout_checks import clipped
from PySide6.QtWidgets import QAbstractButton, QLabel

from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import PaymentRecord


@pytest.fixture
def zh_window(make_window, cashier_app):
    from cashier_app.ui import ensure_application

    ensure_application(lang="zh_CN")
    try:
        yield make_window
    finally:
        ensure_application(lang="en")


PAID = dict(status=Status.SUCCESS, result_code="SUCCESS", trade_summary="Cheesecake, oat latte")
DECLINED = dict(
    status=Status.FAILED,
    result_code="USER_BALANCE_NOT_ENOUGH",
    trade_summary="Two cheesecakes, an oat latte, a flat white and a bag of beans to take home",
)


@pytest.mark.parametrize("sale", [PAID, DECLINED], ids=["paid", "declined"])
@pytest.mark.parametrize("size", [(1280, 800), (1024, 600)], ids=["1280x800", "1024x600"])
def test_the_details_pane_shows_every_fact_whole_in_chinese(zh_window, qtbot, sale, size):
    window = zh_window()
    window.resize(*size)
    now = datetime.now(UTC).replace(microsecond=0)
    window.services.journal.create_payment(
        PaymentRecord(
            payment_request_id="P20261201131110447a3cc3b408ae3f704",
            profile="sandbox",
            amount=Money(8_888_888, "HKD"),
            method="ALIPAY_HK",
            created_at=now - timedelta(minutes=3),
            updated_at=now,
            reference_order_id="P20261201131110447a3cc3b408ae3f704",
            payment_id="20261201118900000005A3DD36CD",
            paid_at=now if sale is PAID else None,
            operator="cashier-anna",
            **sale,
        )
    )
    page = window.open_extra_page("history")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page._details is not None, timeout=10_000)
    qtbot.waitUntil(lambda: page.splitter.sizes()[1] > 0)
    pane = page.details
    assert pane._fields["operator"].text() == "cashier-anna"
    widgets = pane.findChildren(QLabel) + page.findChildren(QAbstractButton)
    with contextlib.suppress(qtbot.TimeoutError):  # once the layout has settled
        qtbot.waitUntil(lambda: clipped(page, widgets) == [], timeout=2_000)
    assert clipped(page, widgets) == []
