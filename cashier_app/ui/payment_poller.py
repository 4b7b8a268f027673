"""Poll one payment with a QTimer paced by the checkout's PollPolicy, one request in flight."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from cashier_app.checkout.policy import PollPolicy
from cashier_app.checkout.service import CheckoutService
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import PaymentRecord
from cashier_app.ui.reasons import reason_text
from cashier_app.ui.tasks import TaskRunner
from cashier_app.ui.text import error_text

#: Wait between tries while the gateway cannot be reached and the policy has run out.
RETRY_DELAY = 5.0


def _utcnow() -> datetime:
    return datetime.now(UTC)


class PaymentPoller(QObject):
    """Asks the checkout service about one payment until it is final.

    ``refresh`` runs on the task runner under the name ``<group>:poll``; a new poll is only
    started once the previous answer is in. Once the payment's expiry time has passed, the
    poller asks the service to expire it (a gateway cancel), so it cannot be paid later.

    Signals:
        poll_started(): a request to the gateway went out.
        record_updated(object record): a fresh (verified or UNKNOWN) snapshot arrived.
        connection_changed(bool ok, str detail): the gateway stopped/started answering.
        payment_settled(object record): the payment reached a final status; polling stops.
    """

    poll_started = Signal()
    record_updated = Signal(object)
    connection_changed = Signal(bool, str)
    payment_settled = Signal(object)

    def __init__(
        self,
        checkout: CheckoutService,
        tasks: TaskRunner,
        *,
        group: str = "redirect",
        policy: PollPolicy | None = None,
        clock: Callable[[], datetime] = _utcnow,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._checkout = checkout
        self._tasks = tasks
        self._policy = policy or PollPolicy()
        self.clock = clock  #: UTC now; tests move it to a payment's expiry
        self._name = f"{group}:poll"
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._record: PaymentRecord | None = None
        self._attempt = 0
        self._again = False
        self._connected = True

    # -- API ----------------------------------------------------------------------------
    @property
    def record(self) -> PaymentRecord | None:
        return self._record

    def is_active(self) -> bool:
        return self._record is not None

    def start(self, record: PaymentRecord) -> None:
        """Follow ``record`` from now on (dropping any earlier payment's late answers)."""
        self.stop()
        self._record = record
        self._attempt = 0
        self._connected = True
        if record.status is Status.UNKNOWN:  # the gateway did not answer the request itself
            self._connected = False
            self.connection_changed.emit(False, reason_text(record))
        if record.is_final:
            self.payment_settled.emit(record)
            self._record = None
            return
        self._schedule(self._policy.next_delay(0, self.clock(), record.expires_at))

    def poll_now(self) -> None:
        """Ask right away (e.g. after the simulator approved); queued if one is in flight."""
        if self._record is None:
            return
        if self._tasks.is_running(self._name):
            self._again = True
            return
        self._timer.stop()
        self._fire()

    def reread(self) -> None:
        """Read the payment back from the journal now (no network): it was changed by
        another path, e.g. a verified notification, while an inquiry may still be on its
        way. A final state there settles it at once."""
        if self._record is None:
            return
        self._tasks.run(
            f"{self._name}-journal",
            self._checkout.get,
            self._record.payment_request_id,
            on_done=self._on_reread,
            owner=self,
        )

    def _on_reread(self, record: PaymentRecord) -> None:
        if self._record is None or record.payment_request_id != self._record.payment_request_id:
            return
        if not record.is_final:
            return  # the poll keeps its own pace
        self._record = None
        self._timer.stop()
        self._tasks.cancel(self._name)  # the inquiry on its way has nothing to add
        self.record_updated.emit(record)
        self.payment_settled.emit(record)

    def stop(self) -> None:
        """Stop polling; an answer still on its way is dropped."""
        self._timer.stop()
        self._tasks.cancel(self._name)
        self._tasks.cancel(f"{self._name}-journal")
        self._record = None
        self._again = False

    def next_poll_in_ms(self) -> int:
        return self._timer.remainingTime() if self._timer.isActive() else -1

    # -- internals ----------------------------------------------------------------------
    def _schedule(self, delay: float | None) -> None:
        if self._record is None:
            return
        if delay is None:  # past the policy's deadline and still not final: keep trying
            delay = RETRY_DELAY
        self._timer.start(max(0, int(delay * 1000)))

    @Slot()
    def _on_timer_timeout(self) -> None:
        self._fire()

    def _fire(self) -> None:
        record = self._record
        if record is None or self._tasks.is_running(self._name):
            return
        prid = record.payment_request_id
        self.poll_started.emit()
        self._tasks.run(
            self._name,
            self._call_for(record),
            prid,
            on_done=self._on_answer,
            on_error=self._on_failure,
            owner=self,
        )

    def _call_for(self, record: PaymentRecord) -> Callable[[str], PaymentRecord]:
        """Before expiry: one inquiry. After it: the service's ``expire`` (a gateway cancel
        recorded as EXPIRED) when it has one; otherwise keep asking (the gateway closes an
        expired order itself) and cancel once the policy's grace period is over too."""
        now = self.clock()
        if not self._policy.should_cancel(now, record.expires_at):
            return self._checkout.refresh
        expire = getattr(self._checkout, "expire", None)
        if expire is not None:
            return expire  # type: ignore[no-any-return]
        deadline = self._policy.deadline(record.expires_at)
        if deadline is not None and now >= deadline:
            return self._checkout.cancel
        return self._checkout.refresh

    def _on_answer(self, record: PaymentRecord) -> None:
        if self._record is None or record.payment_request_id != self._record.payment_request_id:
            return
        self._record = record
        ok = record.status is not Status.UNKNOWN
        if ok != self._connected:
            self._connected = ok
            self.connection_changed.emit(ok, "" if ok else reason_text(record))
        self.record_updated.emit(record)
        if record.is_final:
            self._record = None
            self._timer.stop()
            self.payment_settled.emit(record)
            return
        self._next()

    def _on_failure(self, exc: BaseException) -> None:
        if self._record is None:
            return
        if self._connected:
            self._connected = False
            self.connection_changed.emit(False, error_text(exc))
        self._next()

    def _next(self) -> None:
        if self._again:
            self._again = False
            self._schedule(0)
            return
        delay = self._policy.next_delay(
            self._attempt, self.clock(), self._record.expires_at if self._record else None
        )
        self._attempt += 1
        self._schedule(delay)
