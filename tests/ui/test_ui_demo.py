"""``cashier demo FILE`` in the window: the player drives the pages through online and
in-store sales, a refund and the end of day with the caption on the banner; Space pauses,
Right goes on (issue 16 item 2)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from cashier_app.checkout.demo import parse_demo
from cashier_app.domain.outcome import Status
from cashier_app.sandbox.demo_catalog import CATALOG

DEMO = """title = "Quick tour"
pace = 0.5

[[step]]
caption = "Online: the customer pays"
amount = "12.30"
wallet = "ALIPAY_HK"
scenario = "wallet_pays"
params = { seconds = 0.5 }

[[step]]
caption = "Online: the customer declines"
amount = "5.00"
wallet = "ALIPAY_HK"
customer = "declines"
customer_after = 0.5
expect = "FAILED"
pause = true

[[step]]
caption = "In-store: the till scans the customer's code"
amount = "24.00"
wallet = "ALIPAY_HK"
product = "in-store"

[[step]]
do = "refund"
caption = "A refund of the first sale"
sale = 1
amount = "2.30"

[[step]]
do = "end_of_day"
caption = "End of day"
"""


def test_the_player_plays_every_kind_of_step(make_window, qtbot, tmp_path):
    from cashier_app.ui.demo_player import DemoPlayer

    demo = parse_demo(DEMO, CATALOG, tmp_path / "quick.toml")
    window = make_window(wait=False)
    player = DemoPlayer(window, demo)
    banner = window.findChild(type(player.banner), "demoBanner")
    assert banner is player.banner
    qtbot.waitUntil(lambda: "Online: the customer pays" in player.plain_text, timeout=30_000)
    assert "Quick tour · step 1 of 5" in player.plain_text and "Space: pause" in player.plain_text
    # the player typed the amount and charged: the QR shows, then the customer pays
    qtbot.waitUntil(lambda: window.flow.stage == "redirect", timeout=20_000)
    assert window.redirect_page.record.amount.display() == "HK$12.30"
    # step 2 waits for a key: Space does not start it, Right does
    qtbot.waitUntil(lambda: "Press → to go on" in player.plain_text, timeout=30_000)
    assert "Online: the customer declines" in player.plain_text
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert player.paused and "Paused" in player.plain_text
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert not player.paused
    qtbot.waitUntil(lambda: player.finished, timeout=90_000)
    assert [(s.number, got, ok) for s, got, ok in player.results] == [
        (1, "SUCCESS", True),
        (2, "FAILED", True),
        (3, "SUCCESS", True),
        (4, "SUCCESS", True),
        (5, "report", True),
    ]
    assert player.plain_text == "Demo finished: 5 of 5 steps as expected."
    # the refund went through History's Refund… and its dialog, as an operator's does
    history = window._extra_pages["history"]
    assert history.message.text() == "Refund: Success", history.message.text()
    (refund,) = window.services.journal.refunds_for(sales_of(window)[0])
    assert refund.amount.value == 230 and refund.reason == "A refund of the first sale"
    sales = window.services.journal.list_payments()
    assert sorted(r.status for r in sales) == sorted(
        [Status.SUCCESS, Status.FAILED, Status.SUCCESS]
    )
    assert any(r.scenario == "PaymentCode" for r in sales)
    # the sandbox is left as it was: no scenario, no pretend customer
    assert window.services.sandbox.scenario_state()["scenario"] is None
    assert not window.services.sandbox.autopay.active
    assert window.flow.stage == "order"


REFUSED = """title = "Refused code"
title_zh = "被拒的付款码"
pace = 0.5

[[step]]
caption = "In-store: the customer's balance is too low"
caption_zh = "门店：顾客余额不足"
amount = "8.00"
wallet = "ALIPAY_HK"
product = "in-store"
code = "balance"
expect = "FAILED"
timeout = 600
"""


def sales_of(window):
    """The paid sales' paymentRequestIds, oldest first."""
    paid = [r for r in window.services.journal.list_payments() if r.status is Status.SUCCESS]
    return [r.payment_request_id for r in sorted(paid, key=lambda r: r.created_at)]


def test_a_refused_in_store_code_is_caught_at_once_and_said_in_chinese(
    make_window, qtbot, tmp_path
):
    """An in-store step expected to fail ends when the code is refused (the scan page says
    so), not when its timeout runs out; the banner's words are in the window's language."""
    from cashier_app.ui import ensure_application
    from cashier_app.ui.demo_player import DemoPlayer

    ensure_application(lang="zh_CN")
    try:
        demo = parse_demo(REFUSED, CATALOG, tmp_path / "refused.toml")
        window = make_window(wait=False)
        player = DemoPlayer(window, demo)
        # well before its 600 s timeout: the refusal itself ends the step
        qtbot.waitUntil(lambda: bool(player.results), timeout=30_000)
        assert [(s.number, got, ok) for s, got, ok in player.results] == [(1, "FAILED", True)]
        qtbot.waitUntil(lambda: "符合预期" in player.plain_text, timeout=5_000)
        assert "失败" in player.plain_text and "FAILED" not in player.plain_text
        assert "被拒的付款码" in player.plain_text
        qtbot.waitUntil(lambda: player.finished, timeout=30_000)
        assert "SUCCESS" not in player.plain_text and "演示结束" in player.plain_text
    finally:
        ensure_application(lang="en")


def test_the_gui_demo_keeps_a_journal_of_its_own():
    """``cashier demo FILE`` in the window never writes the operator's journal."""
    from cashier_app.cli.gui import demo_backend
    from cashier_app.support import paths

    backend = demo_backend()
    try:
        assert backend.journal_path is not None
        assert backend.journal_path.resolve() != paths.journal_path().resolve()
        assert backend.journal_path.parent != paths.journal_path().parent
    finally:
        backend.discard()
