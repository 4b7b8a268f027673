"""History's Refund… through the real dialog and its question, as an operator clicks them.

Tried under Xvfb (zh_CN, 1024x600): Refund… → Partial → 12.5 → Refund HK$12.50 → the
question's Refund HK$12.50: the refund was journaled and the window died with
"QObject: shared QObject was deleted directly", then SIGBUS (3 runs of 3 with xdotool's
real X input; the question box was deleted on close while the answer ended the dialog's
exec()). The page's other tests replace ``ask_refund``, so the dialog's nested question was
never clicked by a test. Offscreen (and with QTest's input under xcb) the crash does not
show, so this is a guard that the real dialog path refunds and the process lives; the
fix was checked with the xdotool replay (0 crashes in 2 runs).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

    from cashier_app.app import build_services
    from cashier_app.domain.outcome import Status
    from cashier_app.domain.payment_kit import PaymentInfo
    from cashier_app.ui import ensure_application
    from cashier_app.ui.dialogs.refund_dialog import RefundDialog
    from cashier_app.ui.pages.history_page import HistoryPage
    from cashier_app.ui.tasks import TaskRunner

    app = ensure_application(["t"], "en")
    services = build_services(None)
    rec = services.checkout.create_payment(PaymentInfo(8880, "HKD", "t", ""), "ALIPAY_HK")
    services.sandbox.approve(rec.payment_id)
    rec = services.checkout.refresh(rec.payment_request_id)
    assert rec.status is Status.SUCCESS
    tasks = TaskRunner()
    page = HistoryPage(services, tasks)
    page.resize(1200, 700)
    page.show()
    def wait(pred, ms=10000):
        for _ in range(ms // 10):
            if pred():
                return
            QTest.qWait(10)
        raise SystemExit("timed out")
    wait(lambda: page.model.total is not None and not page.model.is_loading)
    page.table.selectRow(page.model.row_of(rec.payment_request_id))
    wait(lambda: page._details is not None and page.refund_button.isEnabled())
    made = []
    page.refund_made.connect(lambda r: made.append(r))

    def operator():
        dialog = next(d for d in page.findChildren(RefundDialog) if d.isVisible())
        QTest.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
        def answer():
            boxes = dialog.findChildren(QMessageBox, "refundQuestion")
            box = next(b for b in boxes if b.isVisible())
            button = box.findChild(QPushButton, "refundAnswer")
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        QTimer.singleShot(200, answer)

    QTimer.singleShot(300, operator)
    QTest.mouseClick(page.refund_button, Qt.MouseButton.LeftButton)
    wait(lambda: bool(made), 15000)
    for _ in range(30):  # let the deferred deletions run
        QTest.qWait(20)
    print("REFUND", made[0].status.value, services.journal.refunded_total(rec.payment_request_id))
    page.close()
    services.close()
    """
)


def test_a_refund_through_the_real_dialog_and_question_leaves_the_window_alive(tmp_path):
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "CASHIER_CONFIG_DIR": str(tmp_path / "c"),
        "CASHIER_DATA_DIR": str(tmp_path / "d"),
        "CASHIER_LOG_DIR": str(tmp_path / "l"),
        "LANG": "C.UTF-8",
        "HOME": str(tmp_path),
    }
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, (out.returncode, out.stdout[-2000:], out.stderr[-3000:])
    assert "REFUND SUCCESS 8880" in out.stdout, out.stdout
    assert "deleted directly" not in out.stderr, out.stderr


def test_the_refund_dialog_grows_for_its_reason_instead_of_squashing_its_fields(qtbot):
    """Under Xvfb: an amount above what is left showed its two-line reason inside the
    dialog's first size, and the amount and reason fields were squashed to make room (the
    digits typed cut in half)."""
    from PySide6.QtCore import Qt

    from cashier_app.domain.money import Money
    from cashier_app.ui import ensure_application
    from cashier_app.ui.dialogs.refund_dialog import RefundDialog

    ensure_application(lang="en")  # the till's font and stylesheet: padded fields
    dialog = RefundDialog(Money(880, "HKD"), 580)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.partial_radio, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.amount_input, "6")
    assert "more than" in dialog.error_label.text()
    label = dialog.error_label
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()) > 0)
    for field in (dialog.amount_input, dialog.reason_input):
        assert field.height() >= field.sizeHint().height(), field.objectName()


def test_choosing_part_of_it_with_the_arrow_key_puts_the_typing_into_the_amount(qtbot):
    """Under Xvfb (1366x768, en): in the refund dialog the operator pressed Right to pick
    "Part of it" and typed 30.5; the radio kept the focus, the digits went nowhere, and the
    dialog still offered "Refund HK$100.00" for an Enter (Qt gives the focus back to the
    radio after its toggled signal had moved it to the amount)."""
    from PySide6.QtCore import Qt

    from cashier_app.domain.money import Money
    from cashier_app.ui import ensure_application
    from cashier_app.ui.dialogs.refund_dialog import RefundDialog

    ensure_application(lang="en")
    dialog = RefundDialog(Money(10000, "HKD"), 10000)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.full_radio.setFocus()
    qtbot.waitUntil(dialog.full_radio.hasFocus)
    qtbot.keyClick(dialog.full_radio, Qt.Key.Key_Right)
    assert dialog.partial_radio.isChecked()
    qtbot.waitUntil(dialog.amount_input.hasFocus)
    qtbot.keyClicks(dialog.focusWidget(), "30.5")
    assert dialog.amount_input.text() == "30.5"
    assert dialog.confirm_button.text() == "Refund HK$30.50"
