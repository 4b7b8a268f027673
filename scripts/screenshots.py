"""Drive a real cashier window through every page and save PNGs to docs/screenshots/.

Run under a virtual display (``make screenshots`` does this):

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshots.py

It uses the embedded sandbox with throw-away config/data directories, so it never touches
the user's journal or keyring; nothing on screen shows key material (the status bar names
the profile and the gateway URL only). English and Simplified Chinese are both captured,
plus the redirect page at the smallest supported size (1024 x 600).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"

_scratch = tempfile.mkdtemp(prefix="cashier-shots-")
os.environ["CASHIER_CONFIG_DIR"] = str(Path(_scratch) / "config")
os.environ["CASHIER_DATA_DIR"] = str(Path(_scratch) / "data")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget  # noqa: E402

from cashier_app.app import AppBackend  # noqa: E402
from cashier_app.domain.outcome import Status  # noqa: E402
from cashier_app.ui import ensure_application  # noqa: E402
from cashier_app.ui.main_window import MainWindow  # noqa: E402


def wait_for(predicate: Callable[[], bool], timeout: float = 30.0, what: str = "") -> None:
    """Run the event loop until ``predicate()`` holds (a script may; tests use qtbot)."""
    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what or predicate}")
        QTimer.singleShot(30, loop.quit)
        loop.exec()


def settle_paint(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save(widget: QWidget, name: str) -> None:
    settle_paint()
    path = OUT / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"  {path.relative_to(ROOT)}")


def start_window(size: tuple[int, int]) -> MainWindow:
    window = MainWindow(None, backend=AppBackend())
    window.resize(*size)
    window.show()
    wait_for(lambda: window.services is not None, what="services to start")
    return window


def open_sale(window: MainWindow, amount: str, summary: str, method: str | None = None) -> None:
    flow = window.flow
    flow.new_sale()
    window.order_page.amount_input.setText(amount)
    window.order_page.summary_input.setText(summary)
    window.order_page.submit()
    wait_for(lambda: flow.stage == "picker", what="the picker")
    if method:
        window.picker_page.select(method)


def to_redirect(window: MainWindow) -> None:
    window.picker_page.confirm()
    wait_for(lambda: window.flow.stage == "redirect", what="the QR page")


def simulate(window: MainWindow, button, final_stage: str = "result") -> None:
    button.click()
    wait_for(
        lambda: window.flow.stage == final_stage or window.redirect_page.is_expired(),
        what="the outcome",
    )


def question(parent: QWidget, name: str) -> QMessageBox:
    """The window-modal question ``name`` once it shows (ui/dialogs/questions.py)."""

    def shown() -> QMessageBox | None:
        return next((b for b in parent.findChildren(QMessageBox, name) if b.isVisible()), None)

    wait_for(lambda: shown() is not None, what=f"the question {name}")
    return shown()


def answer(box: QMessageBox, key: str) -> None:
    box.findChild(QPushButton, f"{key}Answer").click()


def capture(lang: str) -> None:
    app = ensure_application(lang=lang)
    print(f"{lang}:")
    window = start_window((1280, 800))
    p = lang
    # order page with an amount typed
    window.order_page.amount_input.setText("128.50")
    window.order_page.summary_input.setText(
        "2 × flat white, 1 × croissant" if lang == "en" else "2 杯馥芮白，1 个牛角包"
    )
    window.order_page.amount_input.setFocus()
    save(window, f"{p}-01-order")
    window.order_page.amount_input.setText("0")
    window.order_page.submit()
    save(window, f"{p}-01b-order-invalid")
    window.order_page.amount_input.setText("12/50")  # kept as typed, never read as 1250
    save(window, f"{p}-01c-order-not-an-amount")

    summary = "Coffee and pastry" if lang == "en" else "咖啡和点心"
    open_sale(window, "128.50", summary, "ALIPAY_HK")
    save(window, f"{p}-02-picker")
    to_redirect(window)
    save(window, f"{p}-03-redirect-alipay-plus")

    window.display_action.setChecked(True)
    display = window.display
    assert display is not None
    display.resize(1024, 640)
    save(display, f"{p}-08-customer-display-qr")
    simulate(window, window.redirect_page.simulate_pay)
    assert window.result_page.status is Status.SUCCESS
    save(window, f"{p}-04-result-success")
    save(display, f"{p}-09-customer-display-result")
    window.display_action.setChecked(False)

    open_sale(window, "42", summary, "ALIPAY_CN")
    to_redirect(window)
    save(window, f"{p}-03b-redirect-alipay")
    simulate(window, window.redirect_page.simulate_decline)
    save(window, f"{p}-05-result-failed")

    # the pay answer never verifies: no code is shown, the operator gets Retry / Cancel
    faults = window.services.sandbox.faults
    faults.add("bad_signature", count=None, api="pay")
    window.display_action.setChecked(True)
    open_sale(window, "23.40", summary, "ALIPAY_HK")
    to_redirect(window)
    wait_for(window.redirect_page.retry_button.isVisible, what="Retry")
    save(window, f"{p}-03c-redirect-code-not-verified")
    save(display, f"{p}-08b-customer-display-waiting")
    window.display_action.setChecked(False)
    faults.clear()
    window.redirect_page.retry_button.click()
    wait_for(window.redirect_page.has_code, what="the verified code")
    window.redirect_page.cancel_button.click()
    answer(question(window.redirect_page, "cancelPaymentQuestion"), "cancel")
    wait_for(lambda: window.flow.stage == "result", what="the cancelled result")

    open_sale(window, "15.80", summary)
    to_redirect(window)
    window.redirect_page.cancel_button.click()  # asks first
    box = question(window.redirect_page, "cancelPaymentQuestion")
    save(box, f"{p}-13-cancel-question")
    answer(box, "cancel")
    wait_for(lambda: window.flow.stage == "result")
    save(window, f"{p}-06-result-cancelled")

    open_sale(window, "7.20", summary, "ALIPAY_HK")
    to_redirect(window)
    window.close()  # a customer may be paying: the window asks before it goes
    box = question(window, "closeQuestion")
    save(box, f"{p}-14-close-question")
    answer(box, "wait")
    simulate(window, window.redirect_page.simulate_pay)
    window.result_page.refund_button.click()
    wait_for(
        lambda: window.flow.refund_dialog is not None and window.flow.refund_dialog.isVisible(),
        what="the refund dialog",
    )
    dialog = window.flow.refund_dialog
    dialog.partial_radio.setChecked(True)
    dialog.amount_input.setText("2.20")
    save(dialog, f"{p}-15-refund-dialog")
    dialog.confirm_button.click()
    box = question(dialog, "refundQuestion")
    save(box, f"{p}-16-refund-question")
    answer(box, "refund")
    wait_for(lambda: window.result_page.refund_state.isVisible(), what="the refund state")
    save(window, f"{p}-17-result-partly-refunded")

    open_sale(window, "66", summary, "ALIPAY_HK")
    to_redirect(window)
    simulate(window, window.redirect_page.simulate_expire, final_stage="never")
    save(window, f"{p}-07-redirect-expired")
    window.redirect_page.cancel_button.click()
    wait_for(lambda: window.flow.stage == "result")
    save(window, f"{p}-07b-result-expired")
    window.close_guard.answer = "later"
    window.close()

    small = start_window((1024, 600))
    open_sale(small, "9.90", summary, "ALIPAY_HK")
    save(small, f"{p}-10-picker-1024x600")
    to_redirect(small)
    save(small, f"{p}-11-redirect-1024x600")
    simulate(small, small.redirect_page.simulate_decline)
    save(small, f"{p}-18-result-failed-1024x600")
    small.flow.new_sale()
    save(small, f"{p}-12-order-1024x600")
    small.close_guard.answer = "later"
    small.close()
    app.processEvents()


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    QApplication.setApplicationName("cashier")
    for lang in ("en", "zh_CN"):
        capture(lang)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
