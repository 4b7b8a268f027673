"""The checkout service's change feed as a Qt signal on the GUI thread.

Changes are published on whichever thread made them (a worker, the notification listener);
this object hands each one to the GUI thread by a queued signal, so History, End of day and
the sale flow can subscribe without timers and without touching SQLite themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from cashier_app.checkout.changes import Change, JournalChange, StoreContact
from cashier_app.checkout.service import CheckoutService

log = logging.getLogger(__name__)


class JournalWatch(QObject):
    """Relays ``checkout.changes`` (checkout/changes.py) to the GUI thread.

    Signals:
        journal_changed(object JournalChange): a payment or refund changed in the journal.
        store_contact_changed(bool online): store mode: the store server went away (False)
            or is back (True).
    """

    journal_changed = Signal(object)
    store_contact_changed = Signal(bool)

    # Emitted on the publishing thread; the watch lives on the GUI thread, so Qt queues it.
    _published = Signal(object)

    def __init__(self, checkout: CheckoutService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._published.connect(self._on_published)
        self._unsubscribe: Callable[[], None] | None = checkout.changes.subscribe(self._relay)

    def detach(self) -> None:
        """Stop listening (the services are being replaced or closed)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def _relay(self, change: Change) -> None:
        try:
            self._published.emit(change)
        except RuntimeError:  # the window is gone while a worker was finishing
            log.debug("journal change after the watch was deleted: %s", change)

    @Slot(object)
    def _on_published(self, change: Change) -> None:
        if isinstance(change, StoreContact):
            self.store_contact_changed.emit(change.online)
        elif isinstance(change, JournalChange):
            self.journal_changed.emit(change)
