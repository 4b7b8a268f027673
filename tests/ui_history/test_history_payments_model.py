"""PaymentsModel: pages load off the GUI thread, on demand, with the current filters."""

from __future__ import annotations

import threading

import pytest
from history_data import generate_payments
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from cashier_app.domain.outcome import Status
from cashier_app.ui.models.payments_model import PaymentFilter, PaymentsModel


def test_first_page_then_more_on_scroll(qtbot, make_journal, tasks):
    journal = make_journal(450)
    model = PaymentsModel(journal, tasks, page_size=100)
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.setModel(model)
    view.show()
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == 100 and model.total == 450)
    assert model.canFetchMore()
    # Newest first: the last generated payment is row 0.
    assert model.record(0).payment_request_id == "HIST-000449"
    assert model.record(99).payment_request_id == "HIST-000350"

    view.scrollToBottom()  # the view asks for the next page itself
    qtbot.waitUntil(lambda: model.rowCount() == 200)
    assert model.record(100).payment_request_id == "HIST-000349"
    for expected in (300, 400, 450):
        view.scrollToBottom()
        qtbot.waitUntil(lambda expected=expected: model.rowCount() == expected)
    qtbot.waitUntil(lambda: not model.is_loading)
    assert not model.canFetchMore()
    ids = [model.record(r).payment_request_id for r in range(model.rowCount())]
    assert len(set(ids)) == 450


def test_journal_is_read_off_the_gui_thread(qtbot, make_journal, tasks):
    journal = make_journal(30)
    gui = threading.get_ident()
    seen: list[int] = []
    real = journal.list_payments

    def spy(**kwargs):
        seen.append(threading.get_ident())
        return real(**kwargs)

    journal.list_payments = spy
    model = PaymentsModel(journal, tasks, page_size=10)
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == 10)
    assert seen and gui not in seen


def test_filters_are_applied(qtbot, make_journal, tasks):
    journal = make_journal(300)
    model = PaymentsModel(journal, tasks, page_size=50)
    model.set_filter(PaymentFilter(status=Status.PENDING, method="GCASH"))
    qtbot.waitUntil(lambda: model.total is not None and not model.is_loading)
    expected = journal.count_payments(status="PENDING", method="GCASH")
    assert model.total == expected > 0
    assert model.rowCount() == min(expected, 50)
    for row in range(model.rowCount()):
        rec = model.record(row)
        assert rec.status is Status.PENDING and rec.method == "GCASH"

    model.set_filter(PaymentFilter(text="latte"))
    qtbot.waitUntil(lambda: model.total == 30 and model.rowCount() == 30)
    assert all("latte" in model.record(r).trade_summary for r in range(30))


def test_status_column_coloured_and_row_update(qtbot, make_journal, tasks):
    journal = make_journal(5)
    model = PaymentsModel(journal, tasks)
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == 5)
    rec = model.record(0)
    idx = model.index(0, PaymentsModel.COL_STATUS)
    assert model.data(idx, Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(0, PaymentsModel.COL_REQUEST_ID)) == rec.payment_request_id
    assert model.headerData(PaymentsModel.COL_AMOUNT, Qt.Orientation.Horizontal) == "Amount"

    changed = rec.with_changes(status=Status.CANCELLED)
    with qtbot.waitSignal(model.dataChanged):
        model.update_record(changed)
    assert model.data(idx) == "Cancelled"


def test_load_error_is_reported(qtbot, make_journal, tasks):
    journal = make_journal(3)
    journal.close()
    model = PaymentsModel(journal, tasks)
    with qtbot.waitSignal(model.load_failed) as blocker:
        model.reload()
    assert "closed" in blocker.args[0]
    assert not model.canFetchMore()


def test_page_size_must_be_positive(make_journal, tasks):
    with pytest.raises(ValueError, match="page_size"):
        PaymentsModel(make_journal(), tasks, page_size=0)


def test_every_row_names_its_environment(qtbot, make_journal, tasks, cashier_app):
    """Issue 10 item 5: demo (embedded sandbox) and Antom sandbox sales are never mistaken
    for live ones in History: a column says which, in the operator's language."""
    from cashier_app.ui import i18n

    journal = make_journal()
    base = generate_payments(3)
    journal.create_payments(
        [
            base[0].with_changes(profile="sandbox", client_id="SANDBOX_CASHIER_DEMO"),
            base[1].with_changes(profile="test-shop", client_id="SANDBOX_5YBY2R2ZHB9E03441"),
            base[2].with_changes(profile="shop", client_id="2188120024587721"),
        ]
    )
    model = PaymentsModel(journal, tasks)
    col = PaymentsModel.COL_ENVIRONMENT
    assert model.headerData(col, Qt.Orientation.Horizontal) == "Environment"
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    shown = {model.record(r).profile: model.index(r, col).data() for r in range(3)}
    assert shown == {"sandbox": "Embedded sandbox", "test-shop": "Antom sandbox", "shop": "Live"}
    i18n.install(cashier_app, "zh_CN")
    try:
        shown = {model.record(r).profile: model.index(r, col).data() for r in range(3)}
        assert shown == {"sandbox": "内置沙箱", "test-shop": "Antom 沙箱", "shop": "正式环境"}
        assert model.headerData(col, Qt.Orientation.Horizontal) == "环境"
    finally:
        i18n.install(cashier_app, "en")


def test_sales_on_an_embedded_profile_of_another_name_are_embedded_ones(qtbot, tasks):
    """At the till: a profile on the embedded sandbox not named "sandbox" had its sales
    labelled "Antom sandbox" (a SANDBOX_ client id) or even "Live" (any other id) in
    History and End of day: the label went by the profile's name and client id, not by
    the gateway the sale was made on."""
    from datetime import datetime

    from cashier_app.app import build_services
    from cashier_app.domain.payment_kit import PaymentInfo
    from cashier_app.domain.records import EMBEDDED_SANDBOX
    from cashier_app.keystore.profiles import Environment, Profile, ProfileStore
    from cashier_app.reports.eod import compute_report

    store, hk = ProfileStore(), {"wallets": ("ALIPAY_HK",)}
    store.save(
        Profile("counter", Environment.EMBEDDED_SANDBOX, "SANDBOX_CASHIER_DEMO", "HKD", **hk)
    )
    store.save(Profile("counter-2", Environment.EMBEDDED_SANDBOX, "TILL2", "HKD", **hk))
    made = []
    for name in ("counter", "counter-2"):
        with build_services(name, notifications=False) as services:
            made.append(services.checkout.create_payment(PaymentInfo(500, "HKD"), "ALIPAY_HK"))
            journal = services.journal
            assert {r.environment for r in journal.list_payments()} == {EMBEDDED_SANDBOX}
    assert {r.environment for r in made} == {EMBEDDED_SANDBOX}
    with build_services("counter", notifications=False) as services:
        model = PaymentsModel(services.journal, tasks)
        model.reload()
        qtbot.waitUntil(lambda: model.rowCount() == 2)
        col = PaymentsModel.COL_ENVIRONMENT
        assert {model.index(r, col).data() for r in range(2)} == {"Embedded sandbox"}
        report = compute_report(services.journal, datetime.now().date())
        assert {line.environment for line in report.lines} == {EMBEDDED_SANDBOX}
