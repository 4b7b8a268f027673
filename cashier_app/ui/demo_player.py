"""``cashier demo FILE``: the cashier window plays a demo file at a readable pace.

A banner above the pages (``demoBanner``) shows each step's caption, its number and the
keys: **Space** pauses and resumes, **Right** (or Page Down, what a presenter's clicker
sends) goes on at once, and a step with ``pause = true`` waits for one of them. The player
drives the pages as an operator would (amount, summary, Charge, the wallet, Confirm; in
store, the scan page gets the customer's code), the sandbox's scenario and pretend customer
are set for the step on a worker (``checkout.demo.stage``); a refund goes through
History as an operator's does (the sale's row, Refund…, the amount and reason in the
refund dialog, Refund, yes to the question), the end of day opens its page. Nothing here
blocks the GUI thread: every wait is a timer or a signal (the refund dialog's own event
loop runs the timers that fill it in).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout

from cashier_app.checkout import demo as script
from cashier_app.ui.text import fill

log = logging.getLogger(__name__)

_BANNER_STYLE = (
    "QLabel#demoBanner{background:#111827;color:#f9fafb;font-size:19px;font-weight:600;"
    "padding:6px 18px 8px 18px;border-bottom:3px solid #f59e0b;}"
)
_NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_PageDown)


def _status_word(status: str) -> str:
    """A step's status (a ``Status`` value) as the UI names it; anything else as it is."""
    from cashier_app.domain.outcome import Status
    from cashier_app.ui.models.payments_model import status_text

    try:
        return status_text(Status(status))
    except ValueError:
        return status


class DemoPlayer(QObject):
    """Plays ``demo`` (``checkout.demo.Demo``) in ``window`` once its services are up.

    ``results``: one ``(step, status text, as expected)`` per finished step."""

    def __init__(self, window: Any, demo: script.Demo) -> None:
        super().__init__(window)
        from cashier_app.sandbox.demo_catalog import CATALOG
        from cashier_app.ui.i18n import current_language

        self.window, self.demo, self.catalog = window, demo, CATALOG
        self.chinese = current_language() == "zh"  #: show title_zh / caption_zh
        self.index = -1
        self.paused = False
        self.finished = False
        self.results: list[tuple[script.Step, str, bool]] = []
        self._pending: Callable[[], None] | None = None  #: what a timer or a key runs next
        self._generation = 0  #: a newer schedule or a skip voids older timers
        self._waiting_key = False
        self._sales: dict[int, Any] = {}  #: step number -> settled PaymentRecord
        self._in_store_was: bool | None = None
        self._history: Any = None  #: the History page, once a refund step opened it
        self._refund_prid = ""
        self._refund_tries = 0
        self.banner = QLabel(window)
        self.banner.setObjectName("demoBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.plain_text = ""  #: what the banner says, as plain text (tests, logs)
        self.banner.setStyleSheet(_BANNER_STYLE)
        layout = window.centralWidget().layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, self.banner)
        self._say(fill(self.tr("Demo: %1 — starting…"), self.title))
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        window.services_ready.connect(self._on_services_ready)

    @property
    def title(self) -> str:
        return (self.chinese and self.demo.title_zh) or self.demo.title

    def caption(self, step: script.Step) -> str:
        return (self.chinese and step.caption_zh) or step.caption

    # -- keys -------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.finished or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.toggle_pause()
            return True
        if event.key() in _NEXT_KEYS:
            self.next()
            return True
        return False

    def toggle_pause(self) -> None:
        self.paused = not self.paused
        if self.paused:
            self._generation += 1  # the timer's action waits for the resume
        elif self._pending is not None and not self._waiting_key:
            self._later(0.3, self._pending)
        self._show_step_banner()

    def next(self) -> None:
        """Go on now: a caption waiting for its time or for a key acts at once."""
        if self.paused:
            self.paused = False
        action, self._pending = self._pending, None
        self._waiting_key = False
        self._generation += 1
        if action is not None:
            action()
        else:
            self._show_step_banner()

    # -- scheduling -------------------------------------------------------------------------
    def _later(self, seconds: float, action: Callable[[], None]) -> None:
        """Run ``action`` after ``seconds`` unless paused, skipped or superseded."""
        self._pending = action
        self._generation += 1
        generation = self._generation
        if self.paused:
            return

        def fire() -> None:
            if generation == self._generation and not self.paused and self._pending is action:
                self._pending = None
                action()

        QTimer.singleShot(int(seconds * 1000), self, fire)

    def _wait_key(self, action: Callable[[], None]) -> None:
        self._pending = action
        self._waiting_key = True
        self._generation += 1
        self._show_step_banner()

    def _run(
        self, name: str, fn: Callable[..., Any], *args: Any, on_done: Any, on_error: Any = None
    ) -> None:
        self.window.tasks.run(
            f"demo:{name}", fn, *args, on_done=on_done, on_error=on_error or self._on_task_failed
        )

    # -- the banner -------------------------------------------------------------------------
    def _say(self, text: str, header: str = "") -> None:
        """The caption large; above it, small, where the demo is and the keys."""
        self.plain_text = f"{header}\n{text}" if header else text
        top = (
            f'<div style="font-size:13px;font-weight:400;color:#d1d5db">{escape(header)}</div>'
            if header
            else ""
        )
        self.banner.setText(f"{top}<div>{escape(text)}</div>")

    def _show_step_banner(self, note: str = "") -> None:
        if self.finished or not 0 <= self.index < len(self.demo.steps):
            return
        step = self.demo.steps[self.index]
        if self.paused:
            keys = self.tr("Paused — Space: go on")
        elif self._waiting_key:
            keys = self.tr("Press → to go on · Space: pause")
        else:
            keys = self.tr("Space: pause · →: next")
        where = fill(
            self.tr("%1 · step %2 of %3"), self.title, self.index + 1, len(self.demo.steps)
        )
        header = " · ".join(part for part in (where, note, keys) if part)
        self._say(self.caption(step), header)

    # -- the steps --------------------------------------------------------------------------
    def _on_services_ready(self, services: Any) -> None:
        if self.index >= 0 or self.finished:
            return  # a rebuild (profile switch) does not restart the demo
        if services.simulator is None:
            self._finish(self.tr("This demo needs the embedded sandbox."))
            return
        self.window.flow.stage_changed.connect(self._on_stage_changed)
        self.window.flow.sale_settled.connect(self._on_sale_settled)
        # an in-store code refused: the sale stays on the scan page (Scan again), but for
        # the demo this step has its final state now, not when its timeout runs out
        self.window.flow.code_refused.connect(self._on_sale_settled)
        self._start_step(0)

    @property
    def step(self) -> script.Step:
        return self.demo.steps[self.index]

    def _start_step(self, index: int) -> None:
        self.index = index
        if index >= len(self.demo.steps):
            good = sum(ok for _s, _g, ok in self.results)
            self._finish(
                fill(
                    self.tr("Demo finished: %1 of %2 steps as expected."),
                    good,
                    len(self.demo.steps),
                )
            )
            return
        self._show_step_banner()
        if self.step.pause:
            self._wait_key(self._stage)
        else:
            self._later(self.demo.pace, self._stage)

    def _stage(self) -> None:
        self._show_step_banner()
        sim = self.window.services.simulator
        self._run("stage", script.stage, sim, self.step, self.catalog, on_done=self._act)

    def _act(self, _result: object = None) -> None:
        step = self.step
        if step.do == "sale":
            self._enter_sale()
        elif step.do == "refund":
            self._refund()
        else:
            self.window.open_extra_page("report")
            self._later(self.demo.pace * 2, self._end_step_ok)

    # sale ---------------------------------------------------------------------------------
    def _enter_sale(self) -> None:
        step, window = self.step, self.window
        if window.flow.stage != "order":
            window.flow.new_sale()
        picker = window.picker_page
        if step.product == "in-store":
            self._in_store_was = picker.in_store
            picker.set_in_store(True)  # this step scans the customer's code
        page = window.order_page
        assert step.amount is not None
        page.amount_input.setText(step.amount.decimal_str())
        page.summary_input.setText(step.summary)
        self._later(self.demo.pace / 2, page.submit)
        self._later_timeout()

    def _later_timeout(self) -> None:
        number = self.step.number
        QTimer.singleShot(int(self.step.timeout * 1000), self, lambda: self._timed_out(number))

    def _on_stage_changed(self, stage: str) -> None:
        if self.finished or not 0 <= self.index < len(self.demo.steps):
            return
        step = self.step
        if step.do != "sale":
            return
        if stage == "picker" and self._pending is None:
            from cashier_app.ui.pages.picker_page import SCAN_CODE

            picker = self.window.picker_page
            picker.select(SCAN_CODE if step.product == "in-store" else step.wallet)
            self._later(self.demo.pace / 2, picker.confirm)
        elif stage == "scan":
            sim = self.window.services.simulator
            self._run("code", sim.payment_code, step.wallet, step.code, on_done=self._scan)

    def _scan(self, code: dict[str, Any]) -> None:
        page = self.window.scan_page
        page.code_edit.setText(str(code["paymentCode"]))  # as a wedge scanner types it
        page.submit()

    def _on_sale_settled(self, record: Any, _ms: float = -1.0) -> None:
        if self.finished or not 0 <= self.index < len(self.demo.steps):
            return
        step = self.step
        if step.do != "sale" or step.number in self._sales:
            return
        self._sales[step.number] = record
        status = record.status.value
        self._record(status, status == step.expect)
        self._show_step_banner(self._outcome_note(status, step.expect))
        self._later(self.demo.pace, self._end_step)

    def _outcome_note(self, got: str, expected: str) -> str:
        """``✓ Paid, as expected`` / ``✗ Failed (expected Paid)``, the statuses in the
        window's language as History shows them."""
        if got == expected:
            return fill(self.tr("✓ %1, as expected"), _status_word(got))
        return fill(self.tr("✗ %1 (expected %2)"), _status_word(got), _status_word(expected))

    def _timed_out(self, number: int) -> None:
        if self.finished or self.step.number != number or number in self._sales:
            return
        self._sales[number] = None
        self._record("TIMEOUT", False)
        self._show_step_banner(self.tr("✗ no final state in time"))
        self._later(self.demo.pace, self._end_step)

    # refund -------------------------------------------------------------------------------
    def _refund(self) -> None:
        """As an operator refunds: History, the sale's row, Refund…, the amount in the
        dialog, Refund, and yes to the question."""
        step = self.step
        sale = self._sales.get(step.sale or 0)
        if sale is None or sale.status.value != "SUCCESS":
            self._record("ERROR", False)
            self._show_step_banner(self.tr("✗ its sale was not paid"))
            self._later(self.demo.pace, self._end_step)
            return
        page = self.window.open_extra_page("history")
        if self._history is not page:
            self._history = page
            page.refund_made.connect(self._on_history_refund_made)
        self._refund_prid = sale.payment_request_id
        self._refund_tries = 0
        self._later(self.demo.pace / 2, self._select_sale)

    def _select_sale(self) -> None:
        page, prid = self._history, self._refund_prid
        row = page.model.row_of(prid)
        details = page._details
        if row >= 0 and details is not None and details.payment.payment_request_id == prid:
            if page.refund_button.isEnabled():
                self._later(self.demo.pace / 2, self._fill_refund_dialog)
                page.refund_button.click()  # the dialog's own event loop runs the timers
                return
        elif row >= 0 and page.selected_payment() is None:
            page.table.selectRow(row)
        self._refund_tries += 1
        if self._refund_tries > 100:
            self._on_task_failed(LookupError(prid))
            return
        QTimer.singleShot(100, self, self._select_sale)

    def _refund_dialog(self) -> Any:
        from cashier_app.ui.dialogs.refund_dialog import RefundDialog

        dialogs = [d for d in self._history.findChildren(RefundDialog) if d.isVisible()]
        return dialogs[-1] if dialogs else None

    def _fill_refund_dialog(self) -> None:
        dialog, step = self._refund_dialog(), self.step
        if dialog is None:
            self._later(0.1, self._fill_refund_dialog)
            return
        if step.amount is not None:
            dialog.partial_radio.click()
            dialog.amount_input.setText(step.amount.decimal_str())
        dialog.reason_input.setText(self.caption(step)[:256])
        self._later(self.demo.pace / 2, self._confirm_refund)

    def _confirm_refund(self) -> None:
        dialog = self._refund_dialog()
        if dialog is None:
            return
        dialog.confirm_button.click()  # asks "Refund HK$…? This cannot be undone."
        self._later(self.demo.pace / 2, lambda: self._answer_refund(dialog))

    def _answer_refund(self, dialog: Any) -> None:
        from PySide6.QtWidgets import QMessageBox, QPushButton

        boxes = [b for b in dialog.findChildren(QMessageBox, "refundQuestion") if b.isVisible()]
        button = boxes[-1].findChild(QPushButton, "refundAnswer") if boxes else None
        if button is None:
            self._later(0.1, lambda: self._answer_refund(dialog))
            return
        button.click()

    def _on_history_refund_made(self, refund: Any) -> None:
        if self.finished or self.step.do != "refund":
            return
        if refund.status.value == "PENDING" and self.step.expect != "PENDING":
            # an asynchronous refund: wait for its final state as the page would show it
            self._run(
                "refund",
                script.settle_refund,
                self.window.services.checkout,
                refund,
                self.step,
                on_done=self._on_refunded,
            )
            return
        self._on_refunded(refund)

    def _on_refunded(self, refund: Any) -> None:
        status = refund.status.value
        self._record(status, status == self.step.expect)
        note = self._outcome_note(status, self.step.expect)
        self._show_step_banner(f"{refund.amount.display()} · {note}")
        self._later(self.demo.pace * 1.5, self._end_step)

    # end ----------------------------------------------------------------------------------
    def _end_step_ok(self) -> None:
        self._record("report", True)
        self._end_step()

    def _end_step(self) -> None:
        step = self.step
        if self._in_store_was is not None:
            self.window.picker_page.set_in_store(self._in_store_was)
            self._in_store_was = None
        if step.do in ("refund", "end_of_day"):
            self.window.back_from_extra_page()
        elif self.window.flow.stage in ("result", "scan"):
            self.window.flow.new_sale()
        sim = self.window.services.simulator
        go_on: Callable[[object], None] = lambda _r: self._start_step(self.index + 1)  # noqa: E731
        self._run("unstage", script.unstage, sim, step, self.catalog, on_done=go_on, on_error=go_on)

    def _record(self, got: str, ok: bool) -> None:
        self.results.append((self.step, got, ok))
        log.info("demo step %d: %s (%s)", self.step.number, got, "ok" if ok else "NOT as expected")

    def _on_task_failed(self, exc: BaseException) -> None:
        from cashier_app.ui.text import error_text

        if self.finished:
            return
        log.warning("demo step %d: %s", self.step.number, exc)
        self._record("ERROR", False)
        self._show_step_banner(fill(self.tr("✗ %1"), error_text(exc)))
        self._later(self.demo.pace, self._end_step)

    def _finish(self, text: str) -> None:
        self.finished = True
        self._pending = None
        self._generation += 1
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._say(text)
