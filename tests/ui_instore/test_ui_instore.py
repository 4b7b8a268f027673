"""The till scans the customer's code: a keyboard-wedge burst of a sandbox payment code
gives a paid sale; slow typing is typing; U then paid; declined; expired; a code used twice
is refused; the code never appears unmasked in the journal, the log or the QA exchanges."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt
from sale_steps import past_enter_guard, to_picker

from cashier_app.domain.outcome import Status
from cashier_app.domain.payment_code import mask
from cashier_app.keystore.profiles import Environment, Profile, ProfileStore
from cashier_app.support import paths
from cashier_app.ui.pages.picker_page import SCAN_CODE


@pytest.fixture
def till(make_window, qtbot):
    """A started window on an In-store profile of the embedded sandbox, at the scan page."""
    ProfileStore().save(
        Profile(
            "till",
            Environment.EMBEDDED_SANDBOX,
            "SANDBOX_CASHIER_DEMO",
            "HKD",
            wallets=("ALIPAY_HK", "ALIPAY_CN"),
            merchant_name="Demo Cafe",
            product="in-store",
        )
    )
    from cashier_app.app import build_services

    window = make_window(factory=lambda _name: build_services("till"))
    qtbot.keyClick(window, Qt.Key.Key_F12)  # the QA console records every exchange
    qtbot.waitUntil(window.qa_dock.isVisible)
    to_picker(qtbot, window, "42.00")
    picker = window.picker_page
    assert picker.selected_type() == SCAN_CODE and picker.tile(SCAN_CODE).isVisible()
    past_enter_guard(window)
    with qtbot.waitSignal(
        window.flow.stage_changed, timeout=10_000, check_params_cb=lambda stage: stage == "scan"
    ):
        qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert window.scan_page.code_edit.hasFocus()
    return window


def qa_exchanges(window) -> list:
    model = window.qa_dock.console.exchanges
    return [model.exchange(r) for r in range(model.rowCount())]


def sandbox_code(window, scenario="pay", **kw) -> str:
    return window.services.simulator.payment_code("ALIPAY_HK", scenario, **kw)["paymentCode"]


def scan(qtbot, window, code: str) -> None:
    """A keyboard-wedge scanner: the digits as fast as events go, then Enter."""
    field = window.scan_page.code_edit
    qtbot.keyClicks(field, code)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def settled(qtbot, window, action, timeout=20_000):
    with qtbot.waitSignal(window.flow.sale_settled, timeout=timeout) as blocker:
        action()
    return blocker.args[0]


def test_a_wedge_burst_of_a_sandbox_code_is_a_paid_sale(qtbot, till):
    code = sandbox_code(till)
    with qtbot.waitSignal(till.scan_page.scanner.code_scanned, timeout=5000):
        record = settled(qtbot, till, lambda: scan(qtbot, till, code))
    assert record.status is Status.SUCCESS and record.scenario == "PaymentCode"
    assert record.method == "ALIPAY_HK" and record.masked_code == mask(code)
    assert till.stack.currentWidget() is till.result_page
    shown = " ".join(
        label.text() for label in till.result_page.findChildren(type(till.result_page.title))
    )
    assert mask(code) in shown and code not in shown
    assert till.scan_page.code_edit.text() == ""


def test_slow_typing_of_the_same_digits_is_typing_not_a_scan(qtbot, till):
    code = sandbox_code(till)
    page = till.scan_page
    with (
        qtbot.assertNotEmitted(page.scanner.code_scanned),
        qtbot.assertNotEmitted(page.code_submitted),
    ):
        for ch in code:
            qtbot.keyClick(page.code_edit, ch)
            qtbot.wait(70)
    assert page.code_edit.text() == code  # typed, waiting for the operator's Enter
    assert mask(code) in page.preview.text() and code not in page.preview.text()
    record = settled(qtbot, till, lambda: qtbot.keyClick(page.code_edit, Qt.Key.Key_Return))
    assert record.status is Status.SUCCESS  # Enter submits the typed code


def test_U_then_paid(qtbot, till):
    code = sandbox_code(till, "confirm_then_pay", confirm_seconds=1)
    page = till.scan_page
    scan(qtbot, till, code)
    qtbot.waitUntil(lambda: page.cancel_button.isVisible(), timeout=10_000)
    assert "confirm" in page.status_label.text()
    record = settled(qtbot, till, lambda: None)
    assert record.status is Status.SUCCESS


@pytest.mark.parametrize(
    "scenario, words",
    [
        ("confirm_then_decline", "declined"),
        ("expired", "expired"),
        ("balance", "balance"),
    ],
)
def test_refused_codes_show_the_reason_and_scan_again(qtbot, till, scenario, words):
    page = till.scan_page
    scan(qtbot, till, sandbox_code(till, scenario, confirm_seconds=0.5))
    qtbot.waitUntil(lambda: page.again_button.isVisible(), timeout=15_000)
    assert words in page.status_label.text()
    assert page.status_label.property("tone") == "error"
    qtbot.mouseClick(page.again_button, Qt.MouseButton.LeftButton)
    assert page.code_edit.isVisible() and page.code_edit.hasFocus()
    record = settled(qtbot, till, lambda: scan(qtbot, till, sandbox_code(till)))
    assert record.status is Status.SUCCESS  # a fresh code pays


def test_a_code_used_twice_is_refused(qtbot, till):
    code = sandbox_code(till)
    settled(qtbot, till, lambda: scan(qtbot, till, code))
    qtbot.mouseClick(till.result_page.new_sale_button, Qt.MouseButton.LeftButton)
    to_picker(qtbot, till, "5.00")
    past_enter_guard(till)
    qtbot.keyClick(till.picker_page, Qt.Key.Key_Return)
    page = till.scan_page
    qtbot.wait(400)  # let the last poll land
    sent = len([x for x in qa_exchanges(till) if x.api == "pay"])
    assert sent == 1
    scan(qtbot, till, code)
    qtbot.waitUntil(lambda: page.again_button.isVisible(), timeout=10_000)
    assert "already used" in page.status_label.text()
    assert len([x for x in qa_exchanges(till) if x.api == "pay"]) == sent  # nothing sent


def test_the_code_never_appears_unmasked(qtbot, till, caplog, tmp_path):
    caplog.set_level(logging.DEBUG)
    codes = [sandbox_code(till), sandbox_code(till, "balance")]
    settled(qtbot, till, lambda: scan(qtbot, till, codes[0]))
    qtbot.mouseClick(till.result_page.new_sale_button, Qt.MouseButton.LeftButton)
    to_picker(qtbot, till, "5.00")
    past_enter_guard(till)
    qtbot.keyClick(till.picker_page, Qt.Key.Key_Return)
    scan(qtbot, till, codes[1])
    qtbot.waitUntil(lambda: till.scan_page.again_button.isVisible(), timeout=10_000)
    console = till.qa_dock.console
    shown = []
    for row in range(console.exchanges.rowCount()):  # what the QA console shows, row by row
        console.select_row(row)
        shown.append(console.request_text.toPlainText() + console.response_text.toPlainText())
    with qtbot.waitSignal(console.export_finished, timeout=5000):
        console.export_to(tmp_path / "exchanges.json")
    qa = "".join(shown) + (tmp_path / "exchanges.json").read_text(encoding="utf-8")
    assert any(x.api == "pay" for x in qa_exchanges(till))
    journal = b"".join(p.read_bytes() for p in paths.data_dir().rglob("*") if p.is_file())
    for code in codes:
        assert code not in caplog.text and code not in qa
        assert code.encode() not in journal
        assert mask(code) in qa


def test_history_shows_the_scenario_with_the_masked_code(qtbot, tmp_path):
    from datetime import UTC, datetime

    from cashier_app.domain.money import Money
    from cashier_app.domain.records import PaymentRecord
    from cashier_app.journal import Journal
    from cashier_app.ui.instore_text import scenario_text
    from cashier_app.ui.models.payments_model import PaymentsModel
    from cashier_app.ui.tasks import TaskRunner

    at = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    rec = PaymentRecord(
        "PR-1",
        "till",
        Money(4200, "HKD"),
        "ALIPAY_HK",
        Status.SUCCESS,
        at,
        at,
        scenario="PaymentCode",
        masked_code="2812••••••••••3456",
    )
    with Journal(tmp_path / "j.sqlite3") as journal:
        journal.create_payment(rec)
        journal.create_payment(
            rec.with_changes(payment_request_id="PR-2", scenario="", masked_code="")
        )
        tasks = TaskRunner()
        model = PaymentsModel(journal, tasks)
        with qtbot.waitSignal(model.page_loaded, timeout=10_000):
            model.reload()
        texts = {
            model.data(model.index(r, model.COL_REQUEST_ID)): model.data(
                model.index(r, model.COL_METHOD)
            )
            for r in range(model.rowCount())
        }
        assert texts == {"PR-1": "AlipayHK · scanned code", "PR-2": "AlipayHK"}
    assert scenario_text(rec) == "In-store · scanned code 2812••••••••••3456"
    assert (
        scenario_text(rec.with_changes(scenario="OrderCode", masked_code=""))
        == "In-store · order code"
    )
    with pytest.raises(ValueError):  # a record never holds the code itself
        rec.with_changes(masked_code="281234567890123456")


def test_order_code_wallets_show_a_qr_that_can_be_printed(qtbot, till, tmp_path):
    from cashier_app.till.printer_config import PrinterConfig, save_printer_config

    device = tmp_path / "lp0"
    device.write_bytes(b"")
    save_printer_config(PrinterConfig(connection="file", device_file=str(device)))
    qtbot.mouseClick(till.scan_page.back_button, Qt.MouseButton.LeftButton)
    picker = till.picker_page
    qtbot.mouseClick(picker.tile("ALIPAY_HK"), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(till.flow.qr_shown, timeout=20_000):
        qtbot.mouseClick(picker.confirm_button, Qt.MouseButton.LeftButton)
    record = till.redirect_page.record
    assert record.scenario == "OrderCode" and record.code_value
    button = till.redirect_page.print_code_button
    qtbot.waitUntil(button.isVisible, timeout=10_000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not button.isEnabled()  # printing on a worker
    # enabled again when the print job has finished (the printer closed), not as soon as
    # some of its bytes are in the file: the cut comes last
    qtbot.waitUntil(button.isEnabled, timeout=10_000)
    printed = device.read_bytes()
    assert record.code_value.encode() in printed and printed.endswith(b"\x1dV\x00")
    done = settled(qtbot, till, lambda: till.services.simulator.approve(record.payment_id))
    assert done.status is Status.SUCCESS and done.scenario == "OrderCode"


def test_the_customer_display_follows_the_scan(qtbot, till):
    """Issue 15: the customer sees the amount and is asked for the payment code while the
    till waits for a scan, is asked to confirm in the wallet (with the time left) on a U,
    and sees the result."""
    till.display_action.setChecked(True)
    display = till.display
    try:
        assert display.stack.currentWidget() is display.amount_view
        assert display.amount_label.text() == "HK$42.00"
        assert "present your payment code" in display.picker_hint.text()
        scan(qtbot, till, sandbox_code(till, "confirm"))  # U until the wallet says yes
        qtbot.waitUntil(lambda: "confirm" in display.picker_hint.text(), timeout=10_000)
        assert display.amount_label.text() == "HK$42.00"
        countdown = display.wait_countdown
        qtbot.waitUntil(lambda: countdown.text().endswith(" left"), timeout=5000)
        assert countdown.isVisible() and 0 < countdown.seconds_left() <= 50
        record = till.scan_page.record
        settled(qtbot, till, lambda: till.services.simulator.approve(record.payment_id))
        assert display.stack.currentWidget() is display.result_view
        assert display.result_title.text() == "Thank you!"
    finally:
        till.display_action.setChecked(False)


def test_waiting_for_the_customer_shows_the_time_left(qtbot, till):
    """U: the scan page counts down the in-store window (Antom's best practice: inquire
    10-20 times 3 s apart, then cancel), so the operator knows how long the customer has."""
    page = till.scan_page
    scan(qtbot, till, sandbox_code(till, "confirm"))
    qtbot.waitUntil(lambda: page.cancel_button.isVisible(), timeout=10_000)
    countdown = page.countdown_label
    assert countdown.objectName() == "scanCountdown" and countdown.isVisible()
    left = countdown.seconds_left()
    assert left is not None and 30 < left <= 50  # UpmPolicy's window: 5 s + 15 x 3 s
    assert countdown.text() == f"0:{left:02d} left" or countdown.text().endswith(" left")
    record = page.record
    settled(qtbot, till, lambda: till.services.simulator.approve(record.payment_id))
    assert not countdown.isVisible()


def test_a_refused_unknown_code_does_not_claim_a_wallet(qtbot, till):
    """A refusal answered directly by pay: the wallet is the one the gateway names, or
    honestly unknown, never the CONNECT_WALLET placeholder the request carried."""
    page = till.scan_page
    scan(qtbot, till, sandbox_code(till, "balance"))
    qtbot.waitUntil(lambda: page.again_button.isVisible(), timeout=10_000)
    record = till.services.journal.get_payment(page.record.payment_request_id)
    assert record.method == "ALIPAY_HK" and record.payment_id  # named in the F answer
    qtbot.mouseClick(page.again_button, Qt.MouseButton.LeftButton)
    scan(qtbot, till, sandbox_code(till, "unknown"))
    qtbot.waitUntil(lambda: page.again_button.isVisible(), timeout=10_000)
    unknown = till.services.journal.get_payment(page.record.payment_request_id)
    assert unknown.status is Status.FAILED and unknown.result_code == "INVALID_CODE"
    from cashier_app.ui.models.payments_model import wallet_text

    assert wallet_text(unknown) == "Unknown wallet"
    assert wallet_text(record) == "AlipayHK"


def refuse_a_short_code(qtbot, window) -> None:
    """Typed by hand and refused before anything is sent: the page offers Scan again."""
    page = window.scan_page
    for ch in "28123":
        qtbot.keyClick(page.code_edit, ch)
    qtbot.keyClick(page.code_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(page.again_button.isVisible, timeout=5000)
    assert "5 digits" in page.status_label.text()


def test_a_scan_right_after_a_refusal_is_the_customers_code(qtbot, till):
    """Under Xvfb: after a refused code the cashier scanned the customer's fresh code at
    once (the page says a new scan is the Scan again) and was told "the payment code has
    36 digits": each key was counted twice, once on the focused Scan again button and
    once more on the page it went on to."""
    page = till.scan_page
    refuse_a_short_code(qtbot, till)
    assert page.again_button.hasFocus() or not till.isActiveWindow()
    code = sandbox_code(till)
    with qtbot.waitSignal(till.flow.sale_settled, timeout=20_000) as done:
        with qtbot.waitSignal(page.scanner.code_scanned, timeout=5000) as scanned:
            qtbot.keyClicks(page.again_button, code)
            qtbot.keyClick(page.again_button, Qt.Key.Key_Return)
        assert scanned.args == [code]
    record = done.args[0]
    assert record.status is Status.SUCCESS and record.masked_code == mask(code)


def test_enter_on_a_refused_code_is_scan_again(qtbot, till):
    """The refused page shows Scan again as its primary, focused button: Enter (the
    keyboard-first cashier's key) did nothing there, and the digits typed next went
    nowhere."""
    page = till.scan_page
    refuse_a_short_code(qtbot, till)
    qtbot.keyClick(page.again_button, Qt.Key.Key_Return)
    assert page.code_edit.isVisible() and not page.again_button.isVisible()
    assert page.status_label.property("tone") == "info"


def test_cancel_while_the_customer_confirms_asks_first(qtbot, till):
    """The scan page's Cancel payment cancelled at once, while the online QR page's asks
    (Cancel payment and Refund ask first): one slip of the mouse voided the payment the
    customer was confirming in the wallet."""
    from sale_steps import answer

    page = till.scan_page
    scan(qtbot, till, sandbox_code(till, "confirm"))  # U until the wallet says yes
    qtbot.waitUntil(lambda: page.cancel_button.isVisible(), timeout=10_000)
    record = page.record
    # The operator's keys stay on the page (the field that had them is disabled, then
    # hidden: they went to whatever came next, under X11 nothing on the page).
    focus = till.focusWidget()
    assert focus is not None and (focus is page or page.isAncestorOf(focus)), focus
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    answer(qtbot, page, "cancelPaymentQuestion", "keep")
    assert till.services.journal.get_payment(record.payment_request_id).status is Status.PENDING
    assert page.cancel_button.isVisible() and page.cancel_button.isEnabled()
    focus = till.focusWidget()  # where the operator's keys go (under X11: nowhere on the page)
    assert focus is not None and (focus is page or page.isAncestorOf(focus))
    with qtbot.waitSignal(till.flow.code_refused, timeout=20_000) as done:
        qtbot.keyClick(focus, Qt.Key.Key_Escape)  # Escape: back one step = cancel, asked
        answer(qtbot, page, "cancelPaymentQuestion", "cancel")
    assert done.args[0].status is Status.CANCELLED
    assert page.again_button.isVisible()  # the customer may show a fresh code


def test_escape_on_the_scan_page_goes_back_to_the_picker(qtbot, till):
    """Escape goes back one step everywhere else (picker -> order); on the scan page it
    did nothing."""
    qtbot.keyClick(till.scan_page.code_edit, Qt.Key.Key_Escape)
    assert till.flow.stage == "picker"
    assert till.picker_page.amount_label.text() == "HK$42.00"


def test_closing_while_the_customer_confirms_asks_first(qtbot, till):
    """Under Xvfb: closing the window while the customer was confirming an in-store
    payment in the wallet closed it at once (the online QR page asks): the customer could
    pay with nobody at the till to see it, and be asked to pay again."""
    from sale_steps import answer

    page = till.scan_page
    scan(qtbot, till, sandbox_code(till, "confirm"))  # U until the wallet says yes
    qtbot.waitUntil(lambda: page.cancel_button.isVisible(), timeout=10_000)
    record = page.record
    gateway = till.services.sandbox
    till.close()
    answer(qtbot, till, "closeQuestion", "wait")
    assert till.isVisible() and till.flow.stage == "scan"
    assert till.flow.in_store.poller.is_active()
    till.close()
    answer(qtbot, till, "closeQuestion", "cancel")
    qtbot.waitUntil(lambda: not till.isVisible(), timeout=20_000)
    assert till.services is None  # closed once the cancel was answered
    assert gateway.payment(record.payment_id)["paymentStatus"] == "CANCELLED"


def test_an_order_code_shows_no_empty_payment_link(qtbot, till):
    """Under Xvfb: the order code's page showed "PAYMENT LINK" over an empty field with
    Copy and Open greyed (an order code has no wallet link: the customer scans the QR)."""
    qtbot.mouseClick(till.scan_page.back_button, Qt.MouseButton.LeftButton)
    picker = till.picker_page
    qtbot.mouseClick(picker.tile("ALIPAY_HK"), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(till.flow.qr_shown, timeout=20_000):
        qtbot.mouseClick(picker.confirm_button, Qt.MouseButton.LeftButton)
    page = till.redirect_page
    assert page.record.scenario == "OrderCode" and not page.record.deep_link()
    assert page.has_code() and page.qr.isVisible()
    for widget in (page.link_caption, page.link_text, page.copy_button, page.open_button):
        assert not widget.isVisible(), widget.objectName() or widget.text()


def test_while_the_customer_confirms_the_page_says_so_not_scan(qtbot, till):
    """Under Xvfb: with the code sent and the customer confirming in the wallet, the page
    still read "Scan the customer's payment code" above the scanner hint; it now says what
    is happening, and a scan again brings the scanning title back."""
    page = till.scan_page
    scan(qtbot, till, sandbox_code(till, "confirm"))  # U until the wallet says yes
    qtbot.waitUntil(lambda: page.cancel_button.isVisible(), timeout=10_000)
    assert page.title.text() == "The customer confirms in the wallet"
    assert not page.hint.isVisible()
    page.retranslate()  # a change of language keeps the state's title
    assert page.title.text() == "The customer confirms in the wallet"
    page.scan_again()
    assert page.title.text() == "Scan the customer's payment code" and page.hint.isVisible()


def test_leaving_the_payment_for_the_next_start_stops_its_inquiries(qtbot, till):
    """Closed with "later" while the customer confirmed, the in-store poller went on
    firing into the closed window's task runner ("the task runner is shut down" in the Qt
    event loop, which failed whichever test ran next)."""
    from sale_steps import answer

    page = till.scan_page
    scan(qtbot, till, sandbox_code(till, "confirm"))  # U until the wallet says yes
    qtbot.waitUntil(lambda: page.cancel_button.isVisible(), timeout=10_000)
    poller = till.flow.in_store.poller
    assert poller.is_active()
    till.close()
    answer(qtbot, till, "closeQuestion", "later")
    qtbot.waitUntil(lambda: not till.isVisible(), timeout=20_000)
    assert not poller.is_active()


def _left_for_the_next_start(qtbot, till, make_window):
    """The customer is confirming a scanned code in the wallet (U) when the operator quits
    with "Quit, resume later"; the till starts again. Returns (record, new window)."""
    from PySide6.QtWidgets import QMessageBox
    from sale_steps import answer

    from cashier_app.app import build_services

    page = till.scan_page
    scan(qtbot, till, sandbox_code(till, "confirm"))  # U until the wallet says yes
    qtbot.waitUntil(lambda: page.cancel_button.isVisible(), timeout=10_000)
    record = page.record
    till.close()
    qtbot.waitUntil(lambda: till.findChild(QMessageBox, "closeQuestion") is not None)
    asked = till.findChild(QMessageBox, "closeQuestion").text()
    assert "the next start" in asked and "waits for the customer" in asked  # what it does
    answer(qtbot, till, "closeQuestion", "later")
    qtbot.waitUntil(lambda: not till.isVisible(), timeout=20_000)
    again = make_window(factory=lambda _name: build_services("till"), wait=False)
    with qtbot.waitSignal(again.payments_recovered, timeout=20_000):
        pass
    return record, again


def test_a_payment_the_customer_confirms_is_resumed_at_the_next_start(qtbot, till, make_window):
    """An in-store payment left waiting for the customer's confirmation (U) was cancelled
    at the next start, while an online QR is shown again: Antom's best practice is to
    inquire until it is final or its time is up. The next start shows the in-store "the
    customer confirms in the wallet" page, with the time left, and goes on inquiring."""
    record, again = _left_for_the_next_start(qtbot, till, make_window)
    prid = record.payment_request_id
    assert again.services.journal.get_payment(prid).status is Status.PENDING
    assert again.services.sandbox.payment(record.payment_id)["paymentStatus"] == "PROCESSING"
    page = again.scan_page
    assert again.flow.stage == "scan" and again.stack.currentWidget() is page
    assert page.title.text() == "The customer confirms in the wallet"
    assert page.amount_label.text() == "HK$42.00" and page.cancel_button.isVisible()
    assert page.countdown_label.isVisible()
    left = page.countdown_label.seconds_left()
    assert left is not None and 0 < left <= 50  # the sale's own window, not a new one
    assert again.flow.in_store.poller.is_active()
    assert again.flow.live_payment().payment_request_id == prid
    assert "confirm" in again.banner.text() and "HK$42.00" in again.banner.text()
    done = settled(qtbot, again, lambda: again.services.simulator.approve(record.payment_id))
    assert done.status is Status.SUCCESS and done.payment_request_id == prid
    assert again.stack.currentWidget() is again.result_page


def test_a_resumed_payment_is_cancelled_at_the_end_of_its_time(qtbot, till, make_window):
    """Still not confirmed when the sale's window ends: cancelled at the gateway, as the
    best practice says, and the page offers a fresh scan of the same amount."""
    record, again = _left_for_the_next_start(qtbot, till, make_window)
    poller = again.flow.in_store.poller
    assert poller.is_active()
    end = record.expires_at
    poller.clock = lambda: end  # the window's end (no waiting 50 s in a test)
    with qtbot.waitSignal(again.flow.code_refused, timeout=20_000) as refused:
        poller.poll_now()
    done = refused.args[0]
    assert done.status is Status.EXPIRED and done.payment_request_id == record.payment_request_id
    assert again.services.sandbox.payment(record.payment_id)["paymentStatus"] == "CANCELLED"
    page = again.scan_page
    assert page.again_button.isVisible() and "time" in page.status_label.text()
    assert not again.banner.isVisible()  # "still waiting for the customer" is over
    qtbot.mouseClick(page.again_button, Qt.MouseButton.LeftButton)
    fresh = settled(qtbot, again, lambda: scan(qtbot, again, sandbox_code(again)))
    assert fresh.status is Status.SUCCESS and fresh.amount == record.amount
