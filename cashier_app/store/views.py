"""The whole store as this till's History and End of day read it (store mode).

``StoreView`` has the journal's read methods (``list_payments``, ``count_payments``,
``get_payment``, ``events``, ``refunds_for``, ``refunded_total(s)``), so History's model
and details pane read either the till's journal or every till's copy at the store, plus
``till_of`` (the till a listed sale was taken at) and ``end_of_day``. Every call blocks on
PostgreSQL: QThreadPool workers only, never the GUI thread. When the store server cannot
be reached each call raises ``StoreError`` ``view_unreachable`` (the operator reads that
the whole store is not available and that this till's own view still works). This till's
own refunds are read from its journal (``local``), which knows of them before the store.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from cashier_app.domain.records import PaymentEvent, PaymentRecord, RefundRecord
from cashier_app.journal import Journal
from cashier_app.store.connect import StoreError
from cashier_app.store.reader import StoreDay, StorePayment, StoreReader


@contextmanager
def _store_reached() -> Iterator[None]:
    try:
        yield
    except StoreError as exc:
        if exc.code == "view_unreachable":
            raise
        raise StoreError.of("view_unreachable", problem=exc) from None


class StoreView:
    """Reads of the whole store for the views; ``till_id`` is this till's."""

    def __init__(self, reader: StoreReader, till_id: str, local: Journal | None = None) -> None:
        self.reader = reader
        self.till_id = till_id
        #: this till's journal: its own refunds are read there (the store may not have
        #: them yet), every other till's at the store
        self.local = local
        self._till_of: dict[str, str] = {}
        self._guard = threading.Lock()  # workers of the list and of the details at once

    # -- end of day -----------------------------------------------------------------------
    def end_of_day(self, day: date) -> StoreDay:
        """The store's day (every till): by wallet, by till, by operator."""
        with _store_reached():
            return self.reader.end_of_day(day)

    # -- history (the journal's read interface) -------------------------------------------
    def till_of(self, payment_request_id: str) -> str:
        """The till a listed payment was taken at ("" when it was not read yet)."""
        with self._guard:
            return self._till_of.get(payment_request_id, "")

    def elsewhere(self, payment_request_id: str) -> str:
        """The other till a listed sale was taken at ("" when here, or not read yet)."""
        till = self.till_of(payment_request_id)
        return till if till and till != self.till_id else ""

    def _remember(self, rows: Iterable[StorePayment]) -> list[PaymentRecord]:
        out = []
        with self._guard:
            for row in rows:
                self._till_of[row.record.payment_request_id] = row.till_id
                out.append(row.record)
        return out

    def list_payments(
        self,
        *,
        status: Any = None,
        method: Any = None,
        since: datetime | None = None,
        until: datetime | None = None,
        text: str | None = None,
        profile: Any = None,
        offset: int = 0,
        limit: int | None = 100,
        refunded: bool = False,
    ) -> list[PaymentRecord]:
        with _store_reached():
            rows = self.reader.history(
                status=status,
                method=method,
                since=since,
                until=until,
                text=text,
                offset=offset,
                limit=limit if limit is not None else 100_000,
                refunded=refunded,
            )
        return self._remember(rows)

    def count_payments(
        self,
        *,
        status: Any = None,
        method: Any = None,
        since: datetime | None = None,
        until: datetime | None = None,
        text: str | None = None,
        profile: Any = None,
        refunded: bool = False,
    ) -> int:
        with _store_reached():
            return self.reader.count(
                status=status, method=method, since=since, until=until, text=text, refunded=refunded
            )

    def sale(self, payment_request_id: str) -> StorePayment | None:
        """The payment as the store has it, with its till."""
        with _store_reached():
            found = self.reader.find_payment(payment_request_id)
        if found is not None:
            self._remember([found])
        return found

    def get_payment(self, payment_request_id: str) -> PaymentRecord | None:
        found = self.sale(payment_request_id)
        return found.record if found is not None else None

    find_payment = get_payment

    def events(self, payment_request_id: str) -> list[PaymentEvent]:
        """The timeline of the sale as its till journaled it."""
        till = self.till_of(payment_request_id)
        with _store_reached():
            if not till:
                found = self.reader.find_payment(payment_request_id)
                till = found.till_id if found is not None else self.till_id
            return list(self.reader.events(till, payment_request_id))

    def refunds_for(self, payment_request_id: str) -> list[RefundRecord]:
        """Every till's refunds of the payment, oldest first."""
        with _store_reached():
            found = self.reader.refunds_for(payment_request_id)
        if self.local is None:
            return [r.record for r in found]
        here = self.local.refunds_for(payment_request_id)
        others = [r.record for r in found if r.till_id != self.till_id]
        return sorted([*others, *here], key=lambda r: r.created_at)

    def refunded_totals(self, payment_request_ids: Iterable[str]) -> dict[str, int]:
        ids = list(dict.fromkeys(payment_request_ids))
        if self.local is None:
            with _store_reached():
                return self.reader.refunded_totals(ids)
        with _store_reached():
            totals = self.reader.refunded_totals(ids, except_till=self.till_id)
        for prid, minor in self.local.refunded_totals(ids).items():
            totals[prid] = totals.get(prid, 0) + minor
        return totals

    def refunded_total(self, payment_request_id: str) -> int:
        """What every till refunded (or may have) of the payment, as the journal counts."""
        return self.refunded_totals([payment_request_id]).get(payment_request_id, 0)
