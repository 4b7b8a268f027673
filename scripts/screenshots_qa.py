"""Save docs/screenshots/qa_console_en.png: a sale with the QA console open (F12).

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshots_qa.py

Embedded sandbox, throw-away config/data directories; one injected bad-signature fault
on inquiryPayment shows a ✗ row next to the verified ones.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
_scratch = tempfile.mkdtemp(prefix="cashier-qa-shots-")
os.environ["CASHIER_CONFIG_DIR"] = str(Path(_scratch) / "config")
os.environ["CASHIER_DATA_DIR"] = str(Path(_scratch) / "data")

from PySide6.QtCore import Qt  # noqa: E402
from screenshots import OUT, open_sale, save, settle_paint, start_window, wait_for  # noqa: E402

from cashier_app.ui import ensure_application  # noqa: E402


def main() -> int:
    ensure_application(lang="en")
    OUT.mkdir(parents=True, exist_ok=True)
    window = start_window((1400, 900))
    window.qa_dock.show()
    console = window.qa_dock.console
    wait_for(
        lambda: (
            console.fault_panel.faults is not None
            and not console.fault_panel.tasks.is_running("qa:faults")
        ),
        what="fault list",
    )
    console.fault_panel.add_fault({"kind": "bad_signature", "api": "inquiryPayment", "count": 1})
    wait_for(lambda: len(console.fault_panel.faults) == 1, what="the fault")
    open_sale(window, "128.00", "2 × Flat white, 1 × Croissant", "ALIPAY_HK")
    window.picker_page.confirm_button.click()
    wait_for(lambda: window.flow.stage == "redirect", what="the redirect page")

    def rows() -> list[str]:
        m = console.exchanges
        return [m.index(r, 4).data() for r in range(m.rowCount())]

    wait_for(
        lambda: "✗" in rows() and rows().count("✓") >= 3,
        timeout=30,
        what="a spoiled and some verified inquiries",
    )
    window.resizeDocks([window.qa_dock], [400], Qt.Orientation.Vertical)
    pay = next(
        r for r in range(console.exchanges.rowCount()) if console.exchanges.exchange(r).api == "pay"
    )
    console.select_row(pay)
    settle_paint(400)
    save(window, "qa_console_en")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
