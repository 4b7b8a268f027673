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


def test_the_status_column_shows_a_pending_refund_whole_in_chinese(zh_window, qtbot):
    """At 1024 wide in zh_CN the History status cell read "退款处理…": the column was sized
    for every status but "Refund pending" (退款处理中)."""
    from layout_checks import cells_cut

    from cashier_app.domain.records import RefundRecord
    from cashier_app.ui.models.payments_model import PaymentsModel

    window = zh_window()
    window.resize(1024, 600)
    # The start's recovery asks the gateway about every refund not final: one it finds
    # journaled below (the gateway never heard of it) would be settled as FAILED.
    qtbot.waitUntil(lambda: not window.tasks.is_running("app:recover"), timeout=10_000)
    now = datetime.now(UTC).replace(microsecond=0)
    journal = window.services.journal
    sale = PaymentRecord(
        payment_request_id="P20261201131110447a3cc3b408ae3f705",
        profile="sandbox",
        amount=Money(12_300, "HKD"),
        method="ALIPAY_HK",
        created_at=now - timedelta(minutes=3),
        updated_at=now,
        paid_at=now,
        payment_id="20261201118900000005A3DD36CE",
        **PAID,
    )
    journal.create_payments(  # a day's sales: more rows than the page shows (a scroll bar)
        [
            sale.with_changes(
                payment_request_id=f"P2026120113111044{n:03d}",
                created_at=sale.created_at - timedelta(minutes=n),
            )
            for n in range(1, 30)
        ]
    )
    journal.create_payment(sale)
    journal.create_refund(
        RefundRecord("R-1", sale.payment_request_id, Money(300, "HKD"), Status.PENDING, now, now)
    )
    page = window.open_extra_page("history")
    qtbot.waitUntil(lambda: page.model.rowCount() == 30, timeout=10_000)
    qtbot.waitUntil(page.table.verticalScrollBar().isVisible, timeout=10_000)
    # the rows come first, the refunds' states in a later read
    qtbot.waitUntil(
        lambda: page.model.index(0, PaymentsModel.COL_STATUS).data() == "退款处理中",
        timeout=10_000,
    )
    key_columns = [
        PaymentsModel.COL_TIME,
        PaymentsModel.COL_AMOUNT,
        PaymentsModel.COL_METHOD,
        PaymentsModel.COL_STATUS,
    ]
    with contextlib.suppress(qtbot.TimeoutError):  # once the splitter has settled
        qtbot.waitUntil(lambda: cells_cut(page.table, key_columns) == [], timeout=2_000)
    assert cells_cut(page.table, key_columns) == []
    page.table.selectRow(0)  # its details and their long ids beside the list
    qtbot.waitUntil(lambda: page._details is not None, timeout=10_000)
    with contextlib.suppress(qtbot.TimeoutError):
        qtbot.waitUntil(lambda: cells_cut(page.table, key_columns) == [], timeout=2_000)
    assert cells_cut(page.table, key_columns) == []
    widgets = page.details.findChildren(QLabel)
    with contextlib.suppress(qtbot.TimeoutError):  # the details are laid out in the loop
        qtbot.waitUntil(lambda: clipped(page, widgets) == [], timeout=2_000)
    assert clipped(page, widgets) == []
