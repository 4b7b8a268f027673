"""Closing the window while a customer may be paying: ask first (keep waiting, cancel the
payment and quit, or quit and show the same code again at the next start)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from cashier_app.ui.text import error_text, fill

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from cashier_app.domain.records import PaymentRecord


class CloseGuard(QObject):
    """Holds a close of the main window back while its sale has a live payment.

    ``answer`` answers the question in advance (automation and tests): ``"later"`` closes
    and leaves the payment for the next start, ``"cancel"`` cancels it first; ``None``
    (the default) asks the operator.
    """

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.answer: str | None = None
        self._busy = False  # the question is open, or a cancel-then-quit is on its way

    def holds_back(self, event: QCloseEvent) -> bool:
        """True (and the event ignored) when the window must not close yet."""
        record = self._live()
        if record is None or self.answer in ("later", "cancelled"):
            return False
        event.ignore()
        if self.answer == "cancel":
            self._cancel_then_close(record)
        elif not self._busy:
            self._ask(record)
        return True

    def _in_store(self) -> bool:
        """The live payment is a scanned code the customer confirms in the wallet."""
        flow = self.window.flow
        return flow is not None and flow.stage == "scan" and flow.in_store is not None

    def _live(self) -> PaymentRecord | None:
        flow = self.window.flow
        return flow.live_payment() if flow is not None else None

    def _ask(self, record: PaymentRecord) -> None:
        from cashier_app.ui.dialogs.questions import ask  # not before the first paint

        self._busy = True
        text = (
            self.tr(
                "The customer may be confirming %1 in the wallet right now.\n\nKeep "
                "waiting, cancel the payment and quit, or quit now: at the next start the "
                "till waits for the customer again until the payment's time is up (then "
                "cancels it if it was not paid)."
            )
            if self._in_store()
            else self.tr(
                "The customer may be paying %1 right now.\n\nKeep waiting, cancel "
                "the payment and quit, or quit now and show the same code again at the "
                "next start (until it expires)."
            )
        )
        ask(
            self.window,
            "closeQuestion",
            self.tr("A payment is waiting"),
            fill(text, record.amount.display()),
            [
                ("wait", self.tr("Keep waiting")),
                ("cancel", self.tr("Cancel payment and quit")),
                ("later", self.tr("Quit, resume later")),
            ],
            default="wait",
            escape="wait",
            on_answer=self._on_question_answered,
        )

    def _on_question_answered(self, key: str) -> None:
        self._busy = False
        record = self._live()
        if key == "later" or (key == "cancel" and record is None):
            self.answer = "later"
            self.window.close()
        elif key == "cancel" and record is not None:
            self._cancel_then_close(record)

    def _cancel_then_close(self, record: PaymentRecord) -> None:
        if self._busy:
            return
        self._busy = True
        window = self.window
        if self._in_store():
            window.flow.in_store.poller.stop()
            window.scan_page.cancel_button.setEnabled(False)
            window.scan_page.set_status(self.tr("Cancelling…"))
        else:
            window.flow.poller.stop()
            window.redirect_page.set_busy(True, self.tr("Cancelling…"))
        window.tasks.run(
            "sale:cancel",
            window.services.checkout.cancel,
            record.payment_request_id,
            on_done=self._on_cancelled,
            on_error=lambda exc: self._on_cancel_failed(record, exc),
        )

    def _on_cancelled(self, _record: PaymentRecord) -> None:
        self._busy = False
        self.answer = "cancelled"
        self.window.close()

    def _on_cancel_failed(self, record: PaymentRecord, exc: BaseException) -> None:
        """The payment is still live: stay open and say why (the operator may try again)."""
        self._busy = False
        if self.answer == "cancel":
            self.answer = None
        if self._in_store():
            from cashier_app.ui.pages.scan_page import TONE_WARNING as SCAN_WARNING

            scan = self.window.scan_page
            scan.cancel_button.setEnabled(True)
            scan.set_status(fill(self.tr("Could not cancel: %1"), error_text(exc)), SCAN_WARNING)
            self.window.flow.in_store.poller.start(scan.record or record)
            return
        page = self.window.redirect_page
        page.set_busy(False)
        from cashier_app.ui.pages.redirect_page import TONE_WARNING  # built by then

        page.set_status(fill(self.tr("Could not cancel: %1"), error_text(exc)), TONE_WARNING)
        if self.window.flow is not None:
            self.window.flow.poller.start(page.record or record)
