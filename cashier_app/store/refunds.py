"""Refunds across tills: a till claims a refund's amount at the store before it journals
and sends it, so that tills refunding one sale at once never refund more than was paid.

The claim runs in one transaction under a PostgreSQL advisory lock keyed by the sale (its
till and paymentRequestId: the sale's row may not be replicated yet when its own till
refunds it). Under the lock it adds up what is held back already, once per refund request
id: the refunding till's own journal first (the freshest), then the refunds every till
replicated, then the claims; refunds FAILED/CANCELLED/EXPIRED hold nothing. A claim is
keyed by the refund request id, so the same refund claimed again (a retry) is the same
claim. A claim whose refund was never journaled (a crash right after it) keeps its amount
held: the store may refund less than it could, never more.

Plain synchronous calls: the checkout calls them on its worker (never the GUI thread).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from cashier_app.domain.records import PaymentRecord, RefundRecord
from cashier_app.domain.values import dataclass
from cashier_app.store.connect import StoreError
from cashier_app.store.reader import UNSUCCESSFUL, StoreReader


@dataclass(frozen=True, slots=True)
class Claim:
    """The store's answer: ``left`` (minor units) before this refund, ``granted`` the
    amount now held for it (0: refused, nothing held)."""

    left: int
    granted: int


class StoreRefunds:
    """The store side of refunds for till ``till_id`` (the checkout's ``store_refunds``)."""

    def __init__(self, connect: Callable[[], Any], till_id: str) -> None:
        self._connect = connect
        self.till_id = till_id

    def sale(self, till_id: str, payment_request_id: str) -> PaymentRecord | None:
        """Till ``till_id``'s sale as the store has it (None: not there); StoreError
        ``refund_unreachable`` when the store cannot be reached."""
        try:
            found = StoreReader(self._connect).find_payment(payment_request_id)
        except StoreError as exc:
            raise StoreError.of("refund_unreachable", till=till_id, problem=exc) from None
        return found.record if found is not None and found.till_id == till_id else None

    def claim(
        self,
        sale_till: str,
        sale: PaymentRecord,
        refund_request_id: str,
        amount_minor: int | None,
        local: Iterable[RefundRecord],
        *,
        required: bool = True,
    ) -> Claim | None:
        """Hold ``amount_minor`` (None: all that is left) of ``sale`` for the refund
        ``refund_request_id``; ``local`` are the refunds of the sale in this till's journal.
        The store unreachable: StoreError ``refund_unreachable`` when ``required``, else
        None (this till's own sale, which its journal alone may refund)."""
        import psycopg

        prid = sale.payment_request_id
        try:
            with self._connect() as conn, conn.transaction():
                conn.execute(
                    "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
                    (f"refund-claim:{sale_till}:{prid}",),
                )
                held = _held(conn, sale_till, prid, local)
                mine = held.pop(refund_request_id, None)
                left = sale.amount.value - sum(held.values())
                if mine is not None:  # claimed before: a retry of the same refund
                    return Claim(left, mine)
                want = left if amount_minor is None else int(amount_minor)
                if want <= 0 or want > left:
                    return Claim(left, 0)
                conn.execute(
                    "INSERT INTO refund_claims (refund_request_id, sale_till_id, "
                    "payment_request_id, till_id, amount_minor, currency) "
                    "VALUES (%s, %s, %s, %s, %s, %s)",
                    (refund_request_id, sale_till, prid, self.till_id, want,
                     sale.amount.currency),
                )  # fmt: skip
                return Claim(left, want)
        except (StoreError, psycopg.Error) as exc:  # unreachable, or gone mid-claim
            if not required:
                return None
            problem = (
                exc
                if isinstance(exc, StoreError)
                else StoreError.of("server_refused", detail=_first_line(exc))
            )
            raise StoreError.of("refund_unreachable", till=sale_till, problem=problem) from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _held(conn: Any, sale_till: str, prid: str, local: Iterable[RefundRecord]) -> dict[str, int]:
    """What each refund of the sale holds back (refund request id -> minor units)."""
    state: dict[str, tuple[int, bool]] = {}
    for rrid, amount in conn.execute(
        "SELECT refund_request_id, amount_minor FROM refund_claims "
        "WHERE sale_till_id = %s AND payment_request_id = %s",
        (sale_till, prid),
    ):
        state[rrid] = (int(amount), True)
    for rrid, amount, status in conn.execute(
        "SELECT refund_request_id, amount_minor, status FROM refunds WHERE payment_request_id = %s",
        (prid,),
    ):
        state[rrid] = (int(amount), status not in UNSUCCESSFUL)
    for refund in local:
        state[refund.refund_request_id] = (
            refund.amount.value,
            refund.status.value not in UNSUCCESSFUL,
        )
    return {rrid: amount for rrid, (amount, holds) in state.items() if holds}
