"""Screen shots of History (a paid, partly refunded sale selected, taken by an operator) and
of the QA console's fault form, the window opened as ``cashier gui`` opens it.

Run with a window manager on the screen size to check (issue 9 item 7)::

    Xvfb :57 -screen 0 1024x600x24 & DISPLAY=:57 openbox &
    DISPLAY=:57 .venv/bin/python scripts/screenshots_layout.py --lang zh_CN

-> docs/screenshots/layout_<lang>_<W>x<H>-{history,faults}.png (the whole screen, with
``import -window root``). Throw-away config and data folders; the embedded sandbox.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
_scratch = tempfile.mkdtemp(prefix="cashier-layout-shots-")
os.environ["CASHIER_CONFIG_DIR"] = str(Path(_scratch) / "config")
os.environ["CASHIER_DATA_DIR"] = str(Path(_scratch) / "data")

from screenshots import OUT, settle_paint, wait_for  # noqa: E402


def shoot_screen(name: str) -> None:
    settle_paint(600)
    path = OUT / f"{name}.png"
    subprocess.run(["import", "-window", "root", str(path)], check=True)
    print(f"  {path.relative_to(ROOT)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en", choices=("en", "zh_CN"))
    args = parser.parse_args()

    from PySide6.QtGui import QAction

    from cashier_app.app import AppBackend
    from cashier_app.cli import gui
    from cashier_app.domain.money import Money
    from cashier_app.domain.payment_kit import PaymentInfo
    from cashier_app.ui import create_main_window, ensure_application

    app = ensure_application(["cashier"], lang=args.lang)
    screen = app.primaryScreen().size()
    tag = f"layout_{args.lang}_{screen.width()}x{screen.height()}"
    window = create_main_window(backend=AppBackend())
    gui.show_main_window(window)
    wait_for(lambda: window.services is not None, what="services to start")
    services = window.services
    # one paid sale taken by a signed-in operator, partly refunded: every row of the pane
    checkout = services.checkout
    rec = checkout.create_payment(PaymentInfo(8650, "HKD", "Cheesecake, oat latte"), "ALIPAY_HK")
    services.simulator.approve(rec.payment_id)
    wait_for(
        lambda: checkout.refresh(rec.payment_request_id).status.value == "SUCCESS", what="paid"
    )
    services.journal.update_payment(rec.payment_request_id, operator="cashier-anna")
    checkout.refund(rec.payment_request_id, Money(2450, "HKD"), "one latte")

    history = window.open_extra_page("history")
    assert history is not None
    wait_for(lambda: history.model.rowCount() > 0 and not history.model.is_loading, what="rows")
    history.table.selectRow(history.model.row_of(rec.payment_request_id))
    wait_for(lambda: history._details is not None, what="the details")
    shoot_screen(f"{tag}-history")

    window.back_from_extra_page()
    window.findChild(QAction, "qaConsoleAction").trigger()  # F12, as a tester opens it
    wait_for(window.qa_dock.isVisible, what="the QA console")
    console = window.qa_dock.console
    console.tabs.setCurrentWidget(console.fault_panel)
    wait_for(lambda: console.fault_panel.client is not None, what="the fault panel")
    shoot_screen(f"{tag}-faults")
    window.close_guard.answer = "later"
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
