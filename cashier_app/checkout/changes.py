"""One feed of journal changes made by the checkout service, for views that show the journal.

Every committed change of a payment or a refund (a new sale, a status reached by a poll, a
notification, a cancel, a refund sent or settled, recovery) is published here once it is in
the journal, from whichever thread made it. History, End of day and the sale pages subscribe
(through ``ui/journal_watch.py``) instead of each running a timer. In store mode the same
feed says when the store server goes away and when it is back (``StoreContact``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from cashier_app.domain.outcome import Status
from cashier_app.domain.values import dataclass

log = logging.getLogger(__name__)

PAYMENT, REFUND = "payment", "refund"


@dataclass(frozen=True, slots=True)
class JournalChange:
    """What changed: ``kind`` is "payment" or "refund"; ``payment_request_id`` is the sale
    it belongs to; ``status`` is the payment's (or refund's) status after the change."""

    kind: str
    payment_request_id: str
    status: Status
    refund_request_id: str = ""


@dataclass(frozen=True, slots=True)
class StoreContact:
    """Store mode: the store server stopped answering (``online`` False: operators sign in
    from this till's copy) or answers again (True)."""

    online: bool


Change = JournalChange | StoreContact
Listener = Callable[[Change], None]


class ChangeFeed:
    """Thread-safe publish/subscribe. A failing listener is logged and never disturbs the
    payment that caused the change (nor the other listeners)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(change)`` after every change; returns the unsubscribe call."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, change: Change) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(change)
            except Exception:
                log.exception("a journal change listener failed on %s", change)
