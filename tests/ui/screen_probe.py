"""Run by test_ui_screen_fit.py in a child process whose only screen is WIDTHxHEIGHT
(QT_QPA_PLATFORM=offscreen:configfile=...): opens the cashier window the way ``cashier gui``
does, then every dialog, and prints where each landed as JSON."""

from __future__ import annotations

import json
import sys


def main() -> int:
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parents[1]))
    import keyring
    from keyring_fakes import DictKeyring

    keyring.set_keyring(DictKeyring())  # as the in-process tests' memory_keyring
    from PySide6.QtCore import QEventLoop, QPoint, QRect, QTimer
    from PySide6.QtWidgets import QDialogButtonBox, QPushButton

    from cashier_app.cli import gui
    from cashier_app.ui import create_main_window, ensure_application

    app = ensure_application(["probe"], "en")

    def wait_for(signal, ms: int = 30_000) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def rect(widget) -> list[int]:
        top_left = widget.mapToGlobal(QPoint(0, 0))
        r = QRect(top_left, widget.size())
        return [r.x(), r.y(), r.width(), r.height()]

    def frame(widget) -> list[int]:
        r = widget.frameGeometry()
        return [r.x(), r.y(), r.width(), r.height()]

    window = create_main_window()
    ready = window.services_ready
    gui.show_main_window(window)
    wait_for(ready)
    settle()
    out: dict = {
        "screen": list(app.primaryScreen().availableGeometry().getRect()),
        "window": frame(window),
        "status_bar": rect(window.statusBar()),
        "status_visible": window.statusBar().isVisible(),
        "charge": rect(window.order_page.charge_button),
    }
    dialogs = {}
    profiles = window.open_profiles_dialog()
    settle(800)
    buttons = profiles.findChildren(QDialogButtonBox)
    dialogs["profiles"] = {
        "frame": frame(profiles),
        "buttons": [rect(b) for box in buttons for b in box.findChildren(QPushButton)],
        "use": rect(profiles.use_button),
        "save": rect(profiles.save_button),
    }
    profiles.close()
    settle()
    from cashier_app.domain.money import Money
    from cashier_app.ui.dialogs.refund_dialog import RefundDialog

    refund = RefundDialog(Money(2000, "HKD"), 2000, window)
    refund.open()
    settle()
    dialogs["refund"] = {"frame": frame(refund), "buttons": [rect(refund.confirm_button)]}
    refund.reject()
    out["dialogs"] = dialogs
    history = window.open_extra_page("history")
    settle(800)
    out["history_buttons"] = [rect(b) for b in (history.refund_button, history.save_button)]
    window.flow.new_sale()
    window.qa_dock.show()  # F12: the QA console docks inside the window, never past it
    settle(600)
    out["window_with_qa"] = frame(window)
    out["status_with_qa"] = rect(window.statusBar())
    window.close_guard.answer = "later"
    window.close()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
