"""Walks one sale through the pages: order -> picker -> redirect -> result.

Every service call goes through the task runner under the ``sale`` group, so starting a new
sale abandons whatever the previous one still had in flight.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from cashier_app.checkout.changes import JournalChange
from cashier_app.checkout.paykit import PaymentKitFailure, PickerSession
from cashier_app.domain import payment_kit as pk
from cashier_app.domain.outcome import Status
from cashier_app.domain.payment_kit import PaymentInfo, PaymentKitError, PickerResult
from cashier_app.domain.records import PaymentRecord
from cashier_app.journal import JournalError
from cashier_app.ui.dialogs.refund_dialog import RefundDialog
from cashier_app.ui.instore_flow import InStoreFlow
from cashier_app.ui.pages.order_page import OrderPage
from cashier_app.ui.pages.picker_page import PickerPage
from cashier_app.ui.pages.redirect_page import TONE_INFO, TONE_WARNING, RedirectPage
from cashier_app.ui.pages.result_page import ResultPage
from cashier_app.ui.pages.scan_page import ScanPage
from cashier_app.ui.payment_poller import PaymentPoller
from cashier_app.ui.ports import Services
from cashier_app.ui.result_actions import ResultActions
from cashier_app.ui.tasks import TaskRunner
from cashier_app.ui.text import error_text, fill

if TYPE_CHECKING:  # the window builds both and hands them over
    from cashier_app.ui.customer_display import CustomerDisplay
    from cashier_app.ui.journal_watch import JournalWatch


class SaleFlow(QObject):
    """Connects the four sale pages to the services.

    Signals:
        stage_changed(str stage): "order", "picker", "redirect" or "result".
        qr_shown(float ms): a QR became visible, ``ms`` after Confirm (or New code).
        sale_settled(object record, float ms): a final state arrived; ``ms`` since the last
            simulator action (or -1).
        code_refused(object record): an in-store payment of the customer's code ended
            unpaid (refused, declined, expired or cancelled); the scan page says why and
            offers Scan again, the sale goes on.
    """

    stage_changed = Signal(str)
    qr_shown = Signal(float)
    sale_settled = Signal(object, float)
    code_refused = Signal(object)

    def __init__(
        self,
        services: Services,
        tasks: TaskRunner,
        stack: QStackedWidget,
        order: OrderPage,
        picker: PickerPage,
        redirect: RedirectPage,
        result: ResultPage,
        parent: QObject | None = None,
        *,
        scan: ScanPage | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.tasks, self.stack = services, tasks, stack
        self.order, self.picker, self.redirect, self.result = order, picker, redirect, result
        self.display: CustomerDisplay | None = None  #: when one is open
        self._watch: JournalWatch | None = None  #: the one this flow follows (follow_journal)
        self.poller = PaymentPoller(services.checkout, tasks, group="sale", parent=self)
        #: In-store: the till scans the customer's code (ui/instore_flow.py does that part).
        self.in_store = InStoreFlow(self, scan) if scan is not None else None
        picker.set_in_store(self.in_store is not None and self.in_store.enabled)
        self._info: PaymentInfo | None = None
        self._reference = ""
        self._t_confirm = 0.0
        self._t_simulate = 0.0
        self.stage = "order"
        self._cancel_failed = False  #: "Could not cancel" is on screen for this payment
        self._autopay_poll = QTimer(self)  # ask right after the demo customer has paid
        self._autopay_poll.setSingleShot(True)
        self._autopay_poll.timeout.connect(self.poller.poll_now)

        order.order_submitted.connect(self._on_order_submitted)
        order.amount_edited.connect(lambda text: self._mirror("show_amount", text))
        picker.method_confirmed.connect(self._on_picker_method_confirmed)
        picker.picker_cancelled.connect(self._on_picker_cancelled)
        picker.selection_changed.connect(self._on_picker_selection_changed)
        redirect.cancel_requested.connect(self._on_redirect_cancel_requested)
        redirect.new_code_requested.connect(self._on_redirect_new_code_requested)
        redirect.closed.connect(self._show_result)
        redirect.retry_requested.connect(self._on_redirect_retry_requested)
        redirect.simulate_requested.connect(self._on_redirect_simulate_requested)
        redirect.autopay_changed.connect(self._on_redirect_autopay_changed)
        result.new_sale_requested.connect(self.new_sale)
        result.amount_typed.connect(self._on_result_amount_typed)
        result.try_again_requested.connect(self._on_result_try_again_requested)
        self.after = ResultActions(services, tasks, result, self)
        self.receipts = self.after.receipts
        self.poller.poll_started.connect(self._on_poller_poll_started)
        self.poller.record_updated.connect(self._on_poller_record_updated)
        self.poller.connection_changed.connect(self._on_poller_connection_changed)
        self.poller.payment_settled.connect(self._on_poller_payment_settled)
        on, seconds = redirect.autopay_setting()  # the toggle outlives a change of services
        if on:  # off: a new sandbox has no auto-payer; clearing it would race a scenario
            self._on_redirect_autopay_changed(on, seconds)
        else:
            redirect.set_autopay_active(None)

    # -- stages -------------------------------------------------------------------------
    def _go(self, stage: str, page: QWidget) -> None:
        if self.stage == "redirect" and stage != "redirect":
            self.redirect.leave()
        self.stage = stage
        self.stack.setCurrentWidget(page)
        self.stage_changed.emit(stage)

    def follow_journal(self, watch: JournalWatch) -> None:
        """Follow the services' change signal (ui/journal_watch.py): a payment on screen
        that another path settles (a notification, History) is shown settled at once."""
        self._watch = watch
        watch.journal_changed.connect(self._on_journal_changed)

    @Slot(object)
    def _on_journal_changed(self, change: JournalChange) -> None:
        record = self.redirect.record
        if (
            self.stage == "redirect"
            and record is not None
            and change.kind == "payment"
            and change.payment_request_id == record.payment_request_id
            and change.status.is_final
        ):
            self.poller.reread()
        shown = self.result.record
        if (
            self.stage == "result"
            and shown is not None
            and change.kind == "refund"
            and change.payment_request_id == shown.payment_request_id
            and change.status.is_final
        ):  # an asynchronous refund settled (notifyRefund): the page says how it ended
            self.after.refund_settled(shown, change.refund_request_id)

    def detach(self) -> None:
        """Let go of the pages (the window is switching to new services): stop polling,
        abandon this sale's tasks and disconnect every page signal this flow listens to."""
        if self._watch is not None:
            self._watch.journal_changed.disconnect(self._on_journal_changed)
            self._watch = None
        self._autopay_poll.stop()
        self.poller.stop()
        if self.in_store is not None:
            self.in_store.detach()
        self.tasks.cancel("sale")
        for signal, slot in (
            (self.order.order_submitted, self._on_order_submitted),
            (self.picker.method_confirmed, self._on_picker_method_confirmed),
            (self.picker.picker_cancelled, self._on_picker_cancelled),
            (self.picker.selection_changed, self._on_picker_selection_changed),
            (self.redirect.cancel_requested, self._on_redirect_cancel_requested),
            (self.redirect.new_code_requested, self._on_redirect_new_code_requested),
            (self.redirect.closed, self._show_result),
            (self.redirect.retry_requested, self._on_redirect_retry_requested),
            (self.redirect.simulate_requested, self._on_redirect_simulate_requested),
            (self.redirect.autopay_changed, self._on_redirect_autopay_changed),
            (self.result.new_sale_requested, self.new_sale),
            (self.result.amount_typed, self._on_result_amount_typed),
            (self.result.try_again_requested, self._on_result_try_again_requested),
        ):
            signal.disconnect(slot)
        self.after.detach()
        self.order.amount_edited.disconnect()  # its only listener: this flow's mirror lambda

    def show_stage(self, stage: str) -> None:
        """Back to the order or result page as it was left (Escape on History...)."""
        self._go(stage, {"result": self.result}.get(stage, self.order))

    def in_progress(self) -> bool:
        """A sale is between Charge and its result (other screens must wait)."""
        return self.stage in ("picker", "redirect", "scan")

    @Slot()
    def new_sale(self, *, keep_order: bool = False) -> None:
        """Back to an empty order page; ``keep_order``: keep what it holds (typed while
        the cashier was starting, before this flow existed)."""
        self.poller.stop()
        if self.in_store is not None:
            self.in_store.poller.stop()
        self.tasks.cancel("sale")
        if not keep_order:
            self.order.reset()
        self._mirror("show_idle")
        self._go("order", self.order)

    @Slot(int, str)
    def _on_result_amount_typed(self, key: int, text: str) -> None:
        """The next amount typed on the result page: a new sale, and the key goes to its
        amount field as if typed there (its own rules judge it)."""
        if self.stage != "result":
            return
        self.new_sale()
        field = self.order.amount_input
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                field, QKeyEvent(kind, Qt.Key(key), Qt.KeyboardModifier.NoModifier, text)
            )

    def resume(self, record: PaymentRecord) -> None:
        """Show an interrupted sale's payment again (same code, same countdown) and wait
        for the customer, as if it had just been created; a scanned in-store code the
        customer is confirming goes back to the scan page's waiting state."""
        self.poller.stop()
        self.tasks.cancel("sale")
        self._info, self._reference = None, record.reference_order_id
        self._t_confirm = time.perf_counter()
        if record.scenario == "PaymentCode" and self.in_store is not None:
            self.in_store.resume(record)  # the customer confirms a scanned code
            return
        self._on_payment_created(record)

    def live_payment(self) -> PaymentRecord | None:
        """The payment the customer may be paying right now (its code is on screen, or,
        in store, the customer is confirming it in the wallet)."""
        if self.stage == "scan" and self.in_store is not None:
            return self.in_store.live_payment()
        record = self.redirect.record
        if (
            self.stage != "redirect"
            or record is None
            or record.is_final
            or self.redirect.is_expired()
        ):
            return None
        return record

    # -- order -> picker ----------------------------------------------------------------
    @Slot(object, str)
    def _on_order_submitted(self, info: PaymentInfo, reference: str) -> None:
        self._info, self._reference = info, reference
        self.tasks.run(
            "sale:open-picker",
            self.services.paykit.open_picker,
            info,
            on_done=self._on_picker_opened,
            on_error=self._on_open_picker_failed,
        )

    def _on_picker_opened(self, session: PickerSession) -> None:
        self.picker.open_session(session)
        self._go("picker", self.picker)
        self._on_picker_selection_changed(self.picker.selected_type())

    def _on_open_picker_failed(self, exc: BaseException) -> None:
        if self.stage != "order":  # Try again from the result page: the order says why
            self._go("order", self.order)
        self.order.show_error(error_text(exc))

    @Slot(str)
    def _on_picker_selection_changed(self, method_type: str) -> None:
        session = self.picker.session
        if session is not None:
            self._mirror(
                "show_picker", session.money, [m.type for m in session.methods], method_type
            )

    # -- picker -> payment ----------------------------------------------------------------
    @Slot(object, object)
    def _on_picker_method_confirmed(
        self, session: PickerSession, picker_result: PickerResult
    ) -> None:
        self._t_confirm = time.perf_counter()
        if self.in_store is not None and self.in_store.enabled:  # an order code to show
            self.tasks.run(
                "sale:create",
                self.in_store.order_code,
                session.info,
                picker_result.selected_payment_type,
                self._reference or None,
                on_done=self._on_payment_created,
                on_error=lambda exc: self._on_create_failed(session, exc),
            )
            return
        self.tasks.run(
            "sale:create",
            self.services.paykit.start_payment,
            session,
            picker_result,
            self._reference or None,
            on_done=self._on_payment_created,
            on_error=lambda exc: self._on_create_failed(session, exc),
        )

    def _on_payment_created(self, record: PaymentRecord) -> None:
        self._cancel_failed = False
        self.redirect.show_payment(record, simulator=self.services.simulator is not None)
        if self.in_store is not None:
            self.in_store.order_code_shown(record)
        self._go("redirect", self.redirect)
        self._mirror("show_qr", record)
        if self.redirect.has_code():  # else once a verified one arrives
            self.qr_shown.emit((time.perf_counter() - self._t_confirm) * 1000)
        self.poller.start(record)
        self._poll_after_autopay(self.redirect.autopay_seconds)

    def _on_create_failed(self, session: PickerSession, exc: BaseException) -> None:
        if isinstance(exc, PaymentKitFailure) and exc.record is not None:
            self._show_result(exc.record)
            return
        message = error_text(exc)
        if isinstance(exc, JournalError):
            # Raised before pay is sent (after it, the service says PaymentMayBeTaken).
            message += "\n" + self.tr(
                "Nothing was sent to the gateway: no payment was taken. Free disk space "
                "(or fix the journal), then confirm again."
            )
        elif isinstance(exc, PaymentKitError) and exc.code == pk.NETWORK_ERROR:
            message += "\n" + self.tr(
                "The attempt is saved and will be checked again; you can confirm to try once more."
            )
        chosen = self.picker.selected_type()
        try:  # a confirmed sheet cannot be confirmed twice: offer a fresh one
            fresh = self.services.paykit.open_picker(session.info)
        except PaymentKitError:
            fresh = None
        if fresh is not None:
            self.picker.open_session(fresh)
            self.picker.select(chosen)
        self.picker.set_busy(False)
        self.picker.show_error(message)

    @Slot(object, object)
    def _on_picker_cancelled(self, session: PickerSession, _error: PaymentKitError) -> None:
        """Back (Escape) on the picker: one step back, to the order with its amount."""
        self.tasks.cancel("sale")
        self.order.set_busy(False)
        self._go("order", self.order)
        self.order.amount_input.setFocus()
        self._mirror("show_amount", session.money.display())

    @Slot(object)
    def _on_result_try_again_requested(self, record: PaymentRecord) -> None:
        """Charge a declined, failed or expired sale again: same amount, summary and
        reference; the customer chooses a wallet again."""
        info = PaymentInfo(record.amount.value, record.amount.currency, record.trade_summary)
        self.order.restore(info, record.reference_order_id)
        self._on_order_submitted(info, record.reference_order_id)

    # -- redirect -------------------------------------------------------------------------
    @Slot()
    def _on_poller_poll_started(self) -> None:
        if (
            self.redirect.has_code()
            and self.redirect.status_label.property("tone") != TONE_WARNING
            and not self.redirect.holds_notice()
        ):
            self.redirect.set_status(self.tr("Checking…"))

    @Slot(object)
    def _on_poller_record_updated(self, record: PaymentRecord) -> None:
        had_code = self.redirect.has_code()
        shown = self.redirect.qr.data()
        self.redirect.update_record(record)
        if self.redirect.qr.data() != shown or had_code != self.redirect.has_code():
            self._mirror("show_qr", record)  # the code arrived late: the customer needs it
            if self.redirect.has_code() and not had_code:
                self.qr_shown.emit((time.perf_counter() - self._t_confirm) * 1000)
        if (
            self.redirect.has_code()
            and not record.is_final
            and not self._cancel_failed
            and record.status is not Status.UNKNOWN
            and not self.redirect.holds_notice()
        ):
            self.redirect.set_status(self.tr("Waiting for the customer…"))

    @Slot(object)
    def _on_redirect_retry_requested(self, _record: PaymentRecord) -> None:
        self.poller.poll_now()  # the poll resends pay (same id, same body) while no code

    @Slot(bool, str)
    def _on_poller_connection_changed(self, ok: bool, detail: str) -> None:
        if not self.redirect.has_code():
            return  # the page says what is missing (no verified code) and offers Retry
        if ok and self._cancel_failed:
            return  # "Could not cancel" stays until the operator acts
        if ok:
            self.redirect.set_status(self.tr("Waiting for the customer…"), TONE_INFO)
        else:
            self.redirect.set_status(self.tr("Connection lost — retrying…"), TONE_WARNING, detail)

    @Slot(object)
    def _on_poller_payment_settled(self, record: PaymentRecord) -> None:
        if record.status is Status.EXPIRED and self.stage == "redirect":
            self.redirect.show_expired(record)
            self._mirror("show_qr", record, expired=True)
            return
        self._show_result(record)

    def _show_result(self, record: PaymentRecord) -> None:
        self.poller.stop()
        self.result.show_record(record)
        self._go("result", self.result)
        self._mirror("show_result", record.status, record.amount, self.result.title.text())
        elapsed = (time.perf_counter() - self._t_simulate) * 1000 if self._t_simulate else -1
        self._t_simulate = 0.0
        self.sale_settled.emit(record, elapsed)

    @Slot(object)
    def _on_redirect_cancel_requested(self, record: PaymentRecord) -> None:
        self._cancel_failed = False
        self.poller.stop()
        self.redirect.set_busy(True, self.tr("Cancelling…"))
        self.tasks.run(
            "sale:cancel",
            self.services.checkout.cancel,
            record.payment_request_id,
            on_done=self._show_result,
            on_error=lambda exc: self._on_cancel_failed(record, exc),
        )

    def _on_cancel_failed(self, record: PaymentRecord, exc: BaseException) -> None:
        # Said until the operator acts: the next routine poll must not paper over it.
        self._cancel_failed = True
        self.redirect.set_busy(False)
        self.redirect.set_status(
            fill(self.tr("Could not cancel: %1"), error_text(exc)), TONE_WARNING
        )
        self.poller.start(self.redirect.record or record)

    @Slot(object)
    def _on_redirect_new_code_requested(self, record: PaymentRecord) -> None:
        info = self._info or PaymentInfo(
            record.amount.value, record.amount.currency, record.trade_summary
        )
        self.redirect.set_busy(True, self.tr("Making a new code…"))
        self._t_confirm = time.perf_counter()
        self.tasks.run(
            "sale:create",
            self._fresh_payment,
            info,
            record.method,
            record.reference_order_id or None,
            on_done=self._on_payment_created,
            on_error=self._on_new_code_failed,
        )

    def _fresh_payment(
        self, info: PaymentInfo, method: str, reference: str | None
    ) -> PaymentRecord:
        """Worker side of New code: a new cashier session, same wallet, new payment."""
        kit = self.services.paykit
        session = kit.open_picker(info)
        return kit.start_payment(session, session.confirm(method), reference)

    def _on_new_code_failed(self, exc: BaseException) -> None:
        self.redirect.set_busy(False)
        text = error_text(exc)
        self.redirect.set_status(fill(self.tr("No new code: %1"), text), TONE_WARNING)

    @Slot(str, object)
    def _on_redirect_simulate_requested(self, action: str, record: PaymentRecord) -> None:
        simulator = self.services.simulator
        if simulator is None or not record.payment_id:
            return
        self._t_simulate = time.perf_counter()
        self.tasks.run(
            "sale:simulate",
            getattr(simulator, action),
            record.payment_id,
            on_done=lambda _answer: self.poller.poll_now(),
            on_error=self._on_simulate_failed,
        )

    def _on_simulate_failed(self, exc: BaseException) -> None:
        self._t_simulate = 0.0
        self.redirect.set_busy(False)
        self.redirect.set_status(
            fill(self.tr("Wallet simulator: %1"), error_text(exc)), TONE_WARNING
        )

    @Slot(bool, float)
    def _on_redirect_autopay_changed(self, on: bool, seconds: float) -> None:
        """Demo mode: the sandbox wallet pays every code by itself ``seconds`` after it
        appears (the one showing now included), or stops doing so."""
        simulator = self.services.simulator
        if simulator is None:
            self.redirect.set_autopay_active(None)
            return
        if on:
            self.tasks.run(
                "sandbox:autopay",
                simulator.set_autopay,
                "approve",
                seconds,
                pending=True,
                on_done=lambda _answer: self._on_autopay_set(seconds),
                on_error=self._on_autopay_failed,
            )
        else:
            self.tasks.run(
                "sandbox:autopay",
                simulator.clear_autopay,
                on_done=lambda _answer: self._on_autopay_set(None),
                on_error=self._on_autopay_failed,
            )

    def _on_autopay_set(self, seconds: float | None) -> None:
        self.redirect.set_autopay_active(seconds)
        if self.stage == "redirect":
            self._poll_after_autopay(seconds)

    def _poll_after_autopay(self, seconds: float | None) -> None:
        if seconds is None:
            self._autopay_poll.stop()
        else:  # the sandbox acts on its 0.2 s tick
            self._autopay_poll.start(int(seconds * 1000) + 400)

    def _on_autopay_failed(self, exc: BaseException) -> None:
        self.redirect.set_autopay_active(None)
        self.redirect.set_status(
            fill(self.tr("Wallet simulator: %1"), error_text(exc)), TONE_WARNING
        )

    # -- customer display -----------------------------------------------------------------
    def refresh_display(self) -> None:
        """Bring a just-opened customer display up to the current stage."""
        if self.stage == "picker" and self.picker.session is not None:
            self._on_picker_selection_changed(self.picker.selected_type())
        elif self.stage == "redirect" and self.redirect.record is not None:
            self._mirror("show_qr", self.redirect.record, expired=self.redirect.is_expired())
        elif self.stage == "scan" and self.in_store is not None:
            self.in_store.refresh_display()
        elif self.stage == "result" and self.result.status is not None:
            amount = self.result.record.amount if self.result.record else None
            self._mirror("show_result", self.result.status, amount, self.result.title.text())
        else:
            text = self.order.preview_label.text().strip()
            self._mirror("show_amount", text)

    def _mirror(self, method: str, *args: Any, **kwargs: Any) -> None:
        display = self.display
        if display is not None and display.isVisible():
            getattr(display, method)(*args, **kwargs)

    # -- the result page's after-sale actions (ui/result_actions.py) ----------------------
    @property
    def refund_dialog(self) -> RefundDialog | None:
        """The refund dialog while it is open."""
        return self.after.refund_dialog

    @refund_dialog.setter
    def refund_dialog(self, dialog: RefundDialog | None) -> None:
        self.after.refund_dialog = dialog
