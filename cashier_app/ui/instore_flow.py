"""The in-store part of a sale: picker -> scan page -> (paid | waiting | refused) -> result.

User-presented Mode as Antom's best practice has it (checkout/instore.py): the scanned code
is charged at once (S: paid); U is inquired every 3 s by a poller built on
``UpmPolicy().poll_policy()`` and cancelled at the end of the sale's window; F shows the
reason with Scan again. The code goes from the scan page straight to the worker thread
and is not kept anywhere here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from cashier_app.checkout.instore import UpmPolicy
from cashier_app.domain.outcome import Status
from cashier_app.domain.payment_kit import PaymentInfo, PaymentKitError
from cashier_app.domain.records import PaymentRecord
from cashier_app.till.printer_config import load_printer_config
from cashier_app.ui.i18n import receipt_language
from cashier_app.ui.pages.scan_page import ScanPage
from cashier_app.ui.payment_poller import PaymentPoller
from cashier_app.ui.text import error_text

if TYPE_CHECKING:
    from cashier_app.checkout.paykit import PickerSession
    from cashier_app.ui.sale_flow import SaleFlow


def _print_code(record: PaymentRecord, merchant_name: str, lang: str = "en") -> None:
    """Worker: the order code on the till's printer (a slip the customer scans), its
    words in ``lang``."""
    from cashier_app.domain import methods
    from cashier_app.till.escpos_printer import open_printer, render_order_code

    config = load_printer_config()
    try:
        wallet = methods.get(record.method).name(lang)
    except methods.UnknownMethodError:
        wallet = record.method
    expires = record.expires_at.astimezone().strftime("%H:%M") if record.expires_at else ""
    printer = open_printer(config)
    try:
        render_order_code(
            printer,
            record.code_value,
            record.amount.display(),
            wallet,
            config,
            merchant_name=merchant_name,
            expires=expires,
            lang=lang,
        )
    finally:
        printer.close()


class InStoreFlow(QObject):
    """Owns the scan page's side of a sale for :class:`SaleFlow`."""

    def __init__(self, flow: SaleFlow, scan: ScanPage) -> None:
        super().__init__(flow)
        self.flow, self.scan = flow, scan
        self.policy = UpmPolicy()
        checkout = flow.services.checkout
        self.poller = PaymentPoller(
            checkout, flow.tasks, group="sale", policy=self.policy.poll_policy(), parent=self
        )
        self._session: PickerSession | None = None
        self._connections = (
            (flow.picker.scan_requested, self._on_picker_scan_requested),
            (scan.code_submitted, self._on_scan_code_submitted),
            (scan.back_requested, self._on_scan_back_requested),
            (scan.cancel_requested, self._on_scan_cancel_requested),
            (scan.new_sale_requested, flow.new_sale),
            (self.poller.payment_settled, self._on_poller_payment_settled),
            (self.poller.record_updated, self._on_poller_record_updated),
            (flow.redirect.print_code_button.clicked, self._on_print_code_clicked),
        )
        for signal, slot in self._connections:
            signal.connect(slot)

    @property
    def enabled(self) -> bool:
        """The profile sells In-store (scan the customer's code, or show an order code)."""
        return getattr(self.flow.services.profile, "product", "online") == "in-store"

    def refresh_display(self) -> None:
        """A customer display opened during a scan: the amount and what to do now."""
        record = self.scan.record
        if record is not None and self.scan.cancel_button.isVisible():
            self.flow._mirror("show_confirming", record)
        elif self._session is not None:
            self.flow._mirror("show_scan", self._session.money)

    def detach(self) -> None:
        self.poller.stop()
        for signal, slot in self._connections:
            signal.disconnect(slot)

    # -- worker side --------------------------------------------------------------------
    def order_code(
        self, info: PaymentInfo, method_type: str, reference: str | None
    ) -> PaymentRecord:
        """An in-store Order Code sale for the picked wallet (shown like an online QR)."""
        return self.flow.services.checkout.create_in_store_payment(
            info, "OrderCode", method_type=method_type, reference_order_id=reference
        )

    def order_code_shown(self, record: PaymentRecord) -> None:
        """An order code is on the redirect page: offer to print it when the till has an
        ESC/POS printer (its setting is read on a worker)."""
        button = self.flow.redirect.print_code_button
        button.hide()
        if record.scenario != "OrderCode" or not record.code_value:
            return
        self.flow.tasks.run(
            "sale:printer",
            load_printer_config,
            on_done=lambda cfg: button.setVisible(cfg.enabled),
            on_error=lambda _exc: button.hide(),
        )

    @Slot()
    def _on_print_code_clicked(self) -> None:
        record = self.flow.redirect.record
        if record is None or not record.code_value:
            return
        button = self.flow.redirect.print_code_button
        button.setEnabled(False)
        self.flow.tasks.run(
            "sale:print-code",
            _print_code,
            record,
            self.flow.services.profile.merchant_name,
            receipt_language(),
            on_done=lambda _none: button.setEnabled(True),
            on_error=self._on_print_failed,
        )

    def _on_print_failed(self, exc: BaseException) -> None:
        self.flow.redirect.print_code_button.setEnabled(True)
        self.flow.redirect.set_status(error_text(exc), "warning")

    def live_payment(self) -> PaymentRecord | None:
        """The scanned payment the customer is confirming in the wallet (U), if any."""
        record = self.scan.record
        if record is None or record.is_final or not self.scan.cancel_button.isVisible():
            return None
        return record

    def resume(self, record: PaymentRecord) -> None:
        """On start: a scanned code the customer was confirming in the wallet when the
        till closed (U). Inquire on until it is final or its window ends (then cancel),
        as for a code just scanned; a refusal offers a fresh scan of the same sale."""
        info = PaymentInfo(record.amount.value, record.amount.currency, record.trade_summary)
        try:
            self._session = self.flow.services.paykit.open_picker(info)
        except PaymentKitError:  # the wallets changed since: no fresh scan, a new sale
            self._session = None
        self.scan.start(record.amount)
        self.scan.set_busy()
        self.scan.show_waiting(record)
        self.flow._go("scan", self.scan)
        self.flow._mirror("show_confirming", record)
        self.poller.start(record)

    def _charge(self, info: PaymentInfo, code: str, reference: str | None) -> PaymentRecord:
        return self.flow.services.checkout.create_in_store_payment(
            info, "PaymentCode", payment_code=code, policy=self.policy, reference_order_id=reference
        )

    # -- slots ----------------------------------------------------------------------------
    @Slot(object)
    def _on_picker_scan_requested(self, session: PickerSession) -> None:
        self._session = session
        self.scan.start(session.money)
        self.flow._go("scan", self.scan)
        self.flow._mirror("show_scan", session.money)

    @Slot(str, bool)
    def _on_scan_code_submitted(self, code: str, scanned: bool) -> None:
        session = self._session
        if session is None:
            return
        self.flow.tasks.run(
            "sale:scan",
            self._charge,
            session.info,
            code,
            self.flow._reference or None,
            on_done=self._on_charged,
            on_error=self._on_charge_failed,
        )

    def _on_charged(self, record: PaymentRecord) -> None:
        if record.status is Status.SUCCESS:
            self.scan.leave()
            self.flow._show_result(record)
        elif record.is_final:
            self._refused(record)
        else:  # U (the customer confirms in the wallet) or no answer yet: inquire
            self.scan.show_waiting(record)
            self.flow._mirror("show_confirming", record)
            self.poller.start(record)

    def _on_charge_failed(self, exc: BaseException) -> None:
        self.scan.show_error(error_text(exc))

    @Slot(object)
    def _on_poller_record_updated(self, record: PaymentRecord) -> None:
        if not record.is_final:
            self.scan.show_waiting(record)

    @Slot(object)
    def _on_poller_payment_settled(self, record: PaymentRecord) -> None:
        self.poller.stop()
        self.scan.leave()
        if record.status is Status.SUCCESS:
            self.flow._show_result(record)
        else:
            self._refused(record)

    def _refused(self, record: PaymentRecord) -> None:
        self.scan.show_failure(record)
        self.flow._mirror("show_scan", record.amount)  # a fresh code, please
        self.flow.code_refused.emit(record)

    @Slot()
    def _on_scan_back_requested(self) -> None:
        if self._session is not None:
            self.flow.picker.open_session(self._session)
            self.flow._go("picker", self.flow.picker)

    @Slot(object)
    def _on_scan_cancel_requested(self, record: PaymentRecord) -> None:
        self.poller.stop()
        self.flow.tasks.run(
            "sale:cancel",
            self.flow.services.checkout.cancel,
            record.payment_request_id,
            on_done=self._on_poller_payment_settled,
            on_error=lambda exc: self.scan.show_error(error_text(exc)),
        )
