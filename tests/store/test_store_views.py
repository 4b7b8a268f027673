"""Store views at the till (issue 17 item 3): History and End of day read the whole store
from PostgreSQL (the till shown per row) on a worker, and the store's end of day equals
the sum of the tills' journals. Real PostgreSQL, real journals replicated by the real
replicator, the real window."""

from __future__ import annotations

from datetime import UTC

import pytest
from PySide6.QtCore import Qt
from test_store_replication import DAY, day_sum, linked_journal, sell

from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import RefundRecord
from cashier_app.reports.eod import compute_report
from cashier_app.store.connect import StoreError, StoreLink, connect
from cashier_app.store.reader import StoreReader
from cashier_app.store.replicator import Replicator
from cashier_app.store.views import StoreView


def replicated_tills(tmp_path, store_db, tills):
    """Journals of ``tills`` ((till, operator, sales), ...), each replicated to the store."""
    journals = {}
    for till, operator, sales in tills:
        journal = linked_journal(tmp_path, till)
        for n in range(sales):
            sell(journal, till, n, operator=operator)
        assert Replicator(journal, lambda: connect(store_db.till_dsn), till).drain(30)
        journals[till] = journal
    return journals


def test_the_whole_store_is_the_sum_of_its_tills(tmp_path, store_db):
    journals = replicated_tills(
        tmp_path, store_db, (("till-a", "Ana", 6), ("till-b", "Bo", 9), ("till-c", None, 4))
    )
    # a refund still in process (U / REFUND_IN_PROCESS) is not final at the store either
    till_a = journals["till-a"]
    paid = next(
        p
        for p in till_a.list_payments(status="SUCCESS", limit=None)
        if not till_a.refunded_total(p.payment_request_id)
    )
    at = paid.created_at
    till_a.create_refund(
        RefundRecord(
            "R-in-process", paid.payment_request_id, Money(10, "HKD"), Status.PENDING, at, at
        )
    )
    assert Replicator(till_a, lambda: connect(store_db.till_dsn), "till-a").drain(30)
    view = StoreView(StoreReader(lambda: connect(store_db.till_dsn)), "till-a")
    day = view.end_of_day(DAY)
    reports = {t: compute_report(j, DAY, UTC) for t, j in journals.items()}
    not_final = sum(t.open_count for r in reports.values() for t in r.currency_totals)
    assert [t.open_count for t in day.totals] == [not_final]
    sales = sum(day_sum(r)[0] for r in reports.values())
    refunds = sum(day_sum(r)[1] for r in reports.values())
    assert [(t.sales_minor, t.refunds_minor) for t in day.totals] == [(sales, refunds)]
    by_till = {t.group: t for t in day.by_till}
    for till, report in reports.items():
        assert (by_till[till].sales_minor, by_till[till].refunds_minor) == day_sum(report)[:2]
    assert {t.group for t in day.by_operator} == {"Ana", "Bo", ""}
    # History of the whole store: every till's sales, the till of each, newest first
    listed = view.list_payments(limit=None)
    assert len(listed) == sum(j.count_payments() for j in journals.values())
    assert {view.till_of(p.payment_request_id) for p in listed} == set(journals)
    assert view.count_payments() == len(listed)
    assert [p.created_at for p in listed] == sorted((p.created_at for p in listed), reverse=True)
    # the filters of the till's History narrow the store's list the same way
    for query in (
        {"method": "GCASH"},
        {"status": "SUCCESS", "text": "till-b"},
        {"refunded": True},  # History's "Refunded" choice: sales with a refund
    ):
        expected = sum(
            len(j.list_payments(limit=None, **query))
            for t, j in journals.items()
            if "text" not in query or t == "till-b"
        )
        assert view.count_payments(**query) == len(view.list_payments(**query)) == expected
        assert expected > 0, query
    sold = next(p for p in listed if view.till_of(p.payment_request_id) == "till-b")
    assert view.elsewhere(sold.payment_request_id) == "till-b"
    assert view.events(sold.payment_request_id)[0].kind == "journaled"
    refunded = {
        p.payment_request_id: journals[view.till_of(p.payment_request_id)].refunded_total(
            p.payment_request_id
        )
        for p in listed
    }
    assert view.refunded_totals(refunded) == {k: v for k, v in refunded.items() if v}
    for journal in journals.values():
        journal.close()


def test_a_store_that_cannot_be_reached_is_named_as_such(pg_server):
    dead = pg_server.dsn("nowhere", "nobody", "pw").replace(
        f"port={pg_server.port}", f"port={_closed_port()}"
    )
    view = StoreView(StoreReader(lambda: connect(dead, timeout=1)), "till-a")
    for call in (lambda: view.end_of_day(DAY), lambda: view.list_payments(), view.count_payments):
        with pytest.raises(StoreError) as caught:
            call()
        assert caught.value.code == "view_unreachable"
        assert "this till's own view still works" in str(caught.value)
        assert "pw" not in str(caught.value).replace("password", "")


def _closed_port() -> int:
    from pg_server import free_port

    return free_port()


def join_here(store_db, till: str, dsn: str | None = None) -> None:
    """This installation joined the store as ``till`` (its journal linked, store.json)."""
    from cashier_app.journal import Journal
    from cashier_app.journal.outbox import Outbox
    from cashier_app.support import paths

    here = Journal(paths.journal_path())
    Outbox(here).link(till)
    here.close()
    StoreLink(dsn or store_db.till_dsn, till).save()


def test_history_and_end_of_day_switch_to_the_whole_store(
    tmp_path, store_db, memory_keyring, make_window, qtbot
):
    journals = replicated_tills(tmp_path, store_db, (("till-b", "Bo", 3),))
    join_here(store_db, "till-a")
    window = make_window()
    assert window.services.store is not None
    page = window.open_extra_page("report")
    assert page.scope.isVisible()
    page.set_day(DAY)
    with qtbot.waitSignal(page.store_day_loaded, timeout=20_000):
        page.scope.setCurrentIndex(page.scope.findData("store"))
    page.grouping.setCurrentIndex(page.grouping.findData("till"))
    assert page.table.horizontalHeaderItem(0).text() == "Till"
    assert page.table.item(0, 0).text() == "till-b (Embedded sandbox)"
    sales = day_sum(compute_report(journals["till-b"], DAY, UTC))[0]
    assert page.store_day.totals[0].sales_minor == sales
    assert page.summary.text().startswith("Whole store")
    assert not page.csv_button.isEnabled()  # the export is this till's report
    with qtbot.waitSignal(page.report_loaded, timeout=20_000):
        page.scope.setCurrentIndex(page.scope.findData("till"))
    assert page.grouping.findData("till") < 0
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    history = window.open_extra_page("history")
    model = history.model
    with qtbot.waitSignal(model.page_loaded, timeout=20_000):
        history.scope.setCurrentIndex(history.scope.findData("store"))
    assert not history.table.isColumnHidden(model.COL_TILL)
    assert model.rowCount() == 3
    assert {model.index(r, model.COL_TILL).data() for r in range(3)} == {"till-b"}
    history.table.selectRow(0)
    qtbot.waitUntil(lambda: "Taken at till till-b" in history.message.text(), timeout=20_000)
    assert not history.cancel_button.isEnabled()  # that till's journal owns the sale
    with qtbot.waitSignal(model.page_loaded, timeout=20_000):
        history.scope.setCurrentIndex(history.scope.findData("till"))
    assert history.table.isColumnHidden(model.COL_TILL) and model.rowCount() == 0
    journals["till-b"].close()


def test_without_the_store_server_the_store_view_says_so_and_the_till_view_works(
    store_db, memory_keyring, make_window, qtbot
):
    dead = store_db.till_dsn.replace(f"port={store_db.server.port}", f"port={_closed_port()}")
    join_here(store_db, "till-a", dead)
    window = make_window()
    history = window.open_extra_page("history")
    assert history.scope.isVisible()
    with qtbot.waitSignal(history.model.load_failed, timeout=20_000):
        history.scope.setCurrentIndex(history.scope.findData("store"))
    assert "the whole store cannot be shown" in history.message.text()
    assert "this till's own view still works" in history.message.text()
    assert history.store_note.isVisible() and "“This till” still shows" in history.store_note.text()
    assert not history.refund_button.isEnabled() and history._details is None
    with qtbot.waitSignal(history.model.page_loaded, timeout=20_000):
        history.scope.setCurrentIndex(history.scope.findData("till"))
    assert history.message.text() == "" and not history.store_note.isVisible()
    qtbot.keyClick(history, Qt.Key.Key_Escape)
    page = window.open_extra_page("report")
    qtbot.waitUntil(lambda: page.report is not None, timeout=20_000)
    page.scope.setCurrentIndex(page.scope.findData("store"))
    qtbot.waitUntil(lambda: "whole store cannot be shown" in page.message.text(), timeout=20_000)
    assert page.table.rowCount() == 0
    assert page.summary.text().startswith("The whole store cannot be shown now.")
    with qtbot.waitSignal(page.report_loaded, timeout=20_000):
        page.scope.setCurrentIndex(page.scope.findData("till"))
    assert page.message.text() == ""


def test_a_sale_of_another_till_is_refunded_from_the_whole_store_history(
    tmp_path, store_db, memory_keyring, make_window, qtbot
):
    """Till B took the sale on the merchant's gateway (here the window's sandbox, with the
    same merchant profile); this till refunds it from the whole store's History."""
    from test_store_refunds import Till

    from cashier_app.domain.money import Money

    join_here(store_db, "till-a")
    window = make_window()
    other = Till(tmp_path, store_db, window.services.sandbox, "till-b")
    other.checkout.profile = window.services.checkout.profile
    sale = other.paid_sale(window.services.sandbox, 1230)
    other.push()
    history = window.open_extra_page("history")
    with qtbot.waitSignal(history.model.page_loaded, timeout=20_000):
        history.scope.setCurrentIndex(history.scope.findData("store"))
    history.table.selectRow(history.model.row_of(sale.payment_request_id))
    qtbot.waitUntil(history.refund_button.isEnabled, timeout=20_000)
    assert not history.cancel_button.isEnabled() and "till till-b" in history.message.text()
    history.ask_refund = lambda details: (Money(230, "HKD"), "one cup short")
    window.services.store_link.stop()  # the store hears of the refund later, not at once
    with qtbot.waitSignal(history.refund_made, timeout=20_000) as made:
        history.refund_button.click()
    refund = made.args[0]
    assert (refund.status.value, refund.amount) == ("SUCCESS", Money(230, "HKD"))
    assert "Refund: Success" in history.message.text()
    # the pane and the row know of the refund made here before the store does
    qtbot.waitUntil(
        lambda: history._details is not None and history._details.refunds == [refund],
        timeout=20_000,
    )
    assert history._details.refundable == 1000
    row = history.model.row_of(sale.payment_request_id)
    assert history.model.index(row, history.model.COL_STATUS).data() == "Partly refunded"
    journal = window.services.journal
    assert journal.refunds_for(sale.payment_request_id) == [refund]
    assert journal.count_payments() == 0  # the sale stays till B's
    other.close()


def test_the_store_totals_a_sale_in_the_environment_its_till_journaled(tmp_path, store_db):
    """A sale on the embedded sandbox under a profile of any name and client id (the till
    journals where it was made): the store's end of day counts it and its refund as
    sandbox money, as the till's own end of day does, never as real money; in the store's
    time zone and in another alike."""
    from zoneinfo import ZoneInfo

    from journal_rows import sales_in_two_environments
    from test_store_replication import T0

    from cashier_app.domain.records import EMBEDDED_SANDBOX, PRODUCTION

    journal = linked_journal(tmp_path, "till-env")
    sales_in_two_environments(journal, T0)
    assert Replicator(journal, lambda: connect(store_db.till_dsn), "till-env").drain(30)
    report = compute_report(journal, DAY, UTC)
    tills_own = {(t.environment, t.sales_minor, t.refunds_minor) for t in report.currency_totals}
    assert tills_own == {(EMBEDDED_SANDBOX, 500, 200), (PRODUCTION, 300, 0)}
    reader = StoreReader(lambda: connect(store_db.till_dsn))
    for tz in (None, ZoneInfo("Asia/Hong_Kong")):  # T0 is the same day in both
        day = reader.end_of_day(DAY, tz)
        assert {(t.environment, t.sales_minor, t.refunds_minor) for t in day.totals} == tills_own
        by_wallet = {(t.environment, t.group, t.sales_minor) for t in day.by_wallet}
        assert by_wallet == {(EMBEDDED_SANDBOX, "ALIPAY_HK", 500), (PRODUCTION, "ALIPAY_HK", 300)}
    journal.close()
