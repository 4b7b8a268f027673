"""In-memory state of the sandbox gateway: payments, refunds and their transitions, locked."""

from __future__ import annotations

import itertools
import logging
import secrets
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import TYPE_CHECKING, ClassVar, Self

from cashier_app.domain import methods
from cashier_app.domain.errors import CashierError, Term
from cashier_app.domain.money import Money
from cashier_app.domain.values import dataclass, field

if TYPE_CHECKING:
    from cashier_app.sandbox.persist import StateFile

log = logging.getLogger(__name__)

# paymentStatus values (SDK model/transaction_status_type.py)
PROCESSING = "PROCESSING"
#: The payer completed the payment; its final result is still to come (docs paymentri_online;
#: a PAYMENT_PENDING notification goes out). Approve / decline settle it.
PENDING = "PENDING"
SUCCESS = "SUCCESS"
FAIL = "FAIL"
CANCELLED = "CANCELLED"

#: The code a payment that expired unpaid carries (maps to EXPIRED in domain.outcome).
EXPIRED_CODE = "ORDER_IS_CLOSED"
#: The code of a payment the payer declined in the wallet simulator.
DECLINED_CODE = "USER_REJECTED"
#: Codes the simulator's decline may be given instead (payer-side failures).
DECLINE_CODES = frozenset(
    {
        DECLINED_CODE,
        "USER_BALANCE_NOT_ENOUGH",
        "USER_NOT_EXIST",
        "USER_STATUS_ABNORMAL",
        "USER_AMOUNT_EXCEED_LIMIT",
        "USER_PAYMENT_VERIFICATION_FAILED",
        "RISK_REJECT",
        "PROCESS_FAIL",
    }
)

#: Antom: a paid wallet payment may be cancelled until 00:15 (UTC+8) on T+1.
_CANCEL_TZ = timezone(timedelta(hours=8))

#: How long a settled payment is kept (in memory, and in the state file across restarts):
#: until then it is answered as the gateway would; past it the sandbox forgets it
#: (ORDER_NOT_EXIST), so a sandbox that runs for weeks does not hold every payment it took.
RETENTION_DAYS = 30


class StateError(CashierError):
    """A transition the payment's current state does not allow (HTTP 409 on the wire).

    ``StateError.of(code, answer=..., **params)``: ``answer`` is the Antom result code the
    API answers with (``result_code``; ``message``, the English text, its resultMessage); the
    control routes answer the code, template and parameters, so the QA console and the
    window render it in their operator's language."""

    layer = "sandbox"
    MESSAGES: ClassVar[dict[str, str]] = {
        "request_id_exists": "paymentRequestId {payment_request_id} exists",
        "already_final": "cannot {action} payment {payment_id}: it is already {status}",
        "already_failed": "cannot {action} payment {payment_id}: it is already FAIL "
        "({result_code})",
        "already_expired": "cannot {action} payment {payment_id}: it is already FAIL "
        "({result_code}): it expired at {expires}",
        "cannot_fail": "cannot fail payment {payment_id}: it is {status}",
        "closed": "payment is closed ({result_code})",
        "paid_id_wallet": "payments with Indonesian wallets cannot be cancelled once paid; "
        "refund instead",
        "has_refunds": "payment has refunds; it cannot be cancelled",
        "cancel_window_passed": "cancel window (00:15 UTC+8 on T+1) has passed; refund instead",
        "refund_of_closed": "payment is {status} ({result_code}); only a paid payment can be "
        "refunded",
        "refund_of_unpaid": "only a paid payment can be refunded; this one is {status}",
        "refund_currency": "refund currency {currency} differs from the payment currency "
        "{payment_currency}",
        "not_refundable": "{method} payments cannot be refunded",
        "refund_window_passed": "the refund window of {days} days after payment ({paid_at}) "
        "has passed",
        "one_refund_only": "{method} allows one refund per payment, and this one has one",
        "whole_refund_only": "{method} refunds the whole {total} only, not {amount} "
        "({currency} minor units)",
        "refund_exceeds": "refund {amount} exceeds the refundable {refundable} ({currency} "
        "minor units)",
        "refund_already_final": "refund {refund_id} is already {status}",
    }
    #: the wallet simulator's acts, named in "cannot {action} payment"
    TERMS: ClassVar[tuple[str, ...]] = ("mark pending", "approve", "decline", "expire")

    result_code: str

    @classmethod
    def of(cls, code: str, /, answer: str, **params: object) -> Self:  # type: ignore[override]
        error = super().of(code, **params)
        error.result_code = answer
        return error

    @property
    def message(self) -> str:
        """The English text: the API's resultMessage."""
        return self.english()


class NotFound(CashierError):
    """No such payment or refund."""

    layer = "sandbox"
    MESSAGES: ClassVar[dict[str, str]] = {
        "no_payment_paymentid": "no payment with paymentId {payment_id!r}",
        "no_refund_refundid": "no refund with refundId {refund_id!r}",
    }


def _new_id(prefix: str, counter: itertools.count[int]) -> str:
    # Antom ids are long digit strings; ours are recognisable and unique per process.
    stamp = datetime.now(UTC).strftime("%Y%m%d")
    return f"{stamp}{prefix}{next(counter):06d}{secrets.token_hex(4).upper()}"


@dataclass
class Refund:
    client_id: str
    refund_request_id: str
    refund_id: str
    payment_id: str
    amount: Money
    reason: str
    created: datetime
    fingerprint: str
    status: str = SUCCESS  #: SUCCESS, PROCESSING (asynchronous, not settled yet) or FAIL
    notify_url: str | None = None  #: refundNotifyUrl: where notifyRefund goes
    settle_at: datetime | None = None  #: when a PROCESSING refund settles by itself
    finished_at: datetime | None = None  #: when it reached SUCCESS / FAIL
    result_code: str = "SUCCESS"
    result_message: str = "success"


@dataclass(frozen=True)
class RefundRules:
    """What a payment method allows (domain.methods' catalog, overridable per sandbox)."""

    refundable: bool = True
    partial: bool = True
    multiple: bool = True
    window_days: int = 365


#: Refund codes (Antom refund API; the Java SDK's AlipayDirectRefundNotify lists
#: REFUND_WINDOW_EXCEED; the three "not supported" codes are in Antom's release notes).
REFUND_IN_PROCESS = "REFUND_IN_PROCESS"


@dataclass
class Payment:
    client_id: str
    payment_request_id: str
    payment_id: str
    amount: Money
    method_type: str
    reference_order_id: str
    order_description: str
    terminal_type: str
    notify_url: str | None
    redirect_url: str | None
    created: datetime
    expires: datetime
    fingerprint: str
    status: str = PROCESSING
    result_code: str = "PAYMENT_IN_PROCESS"
    result_message: str = "payment in process"
    paid_at: datetime | None = None
    cancelled_at: datetime | None = None
    closed_at: datetime | None = None
    refunds: list[Refund] = field(default_factory=list)
    #: CASHIER_PAYMENT, or IN_STORE_PAYMENT (then ``terminal_type`` holds the scenario:
    #: PaymentCode or OrderCode).
    product: str = "CASHIER_PAYMENT"

    @property
    def refunded(self) -> int:
        return sum(r.amount.value for r in self.refunds if r.status == SUCCESS)

    @property
    def reserved(self) -> int:
        """Refunded or being refunded: a refund in process holds its amount."""
        return sum(r.amount.value for r in self.refunds if r.status in (SUCCESS, PROCESSING))

    @property
    def is_final(self) -> bool:
        return self.status not in (PROCESSING, PENDING)

    def settled_at(self) -> datetime | None:
        """When the payment and every refund of it last reached a final state; None while
        one of them is still open (the payment, or a refund in process)."""
        if not self.is_final or any(r.status == PROCESSING for r in self.refunds):
            return None
        moments = [m for m in (self.paid_at, self.closed_at, self.cancelled_at) if m]
        moments += [r.finished_at for r in self.refunds if r.finished_at is not None]
        return max(moments, default=self.created)


def cancel_deadline(paid_at: datetime) -> datetime:
    """00:15 (UTC+8) on the day after ``paid_at`` (T+1), as Antom documents."""
    local = paid_at.astimezone(_CANCEL_TZ)
    next_day = (local + timedelta(days=1)).replace(hour=0, minute=15, second=0, microsecond=0)
    return next_day.astimezone(UTC)


class Store:
    """Payments and refunds per merchant. Every read-modify-write happens under ``lock``
    (re-entrant, so API handlers can hold it around several calls).

    With a ``state`` file every change is written to it (committed, fsynced) under the lock
    before the change is answered or notified; a write that fails is logged and retried by
    :meth:`flush` (the gateway's background loop calls it), the in-memory state stays right.
    A start adopts the file's open payments only; a settled one is read from the file (and
    kept) when a request names it, by its ids or its refunds' ids.

    ``retention``: a payment settled (with its refunds) longer ago than that is dropped by
    :meth:`evict_settled`; the window may be changed at any time.
    """

    def __init__(
        self,
        on_final: Callable[[Payment], None] | None = None,
        *,
        state: StateFile | None = None,
        retention: timedelta = timedelta(days=RETENTION_DAYS),
    ) -> None:
        self.lock = threading.RLock()
        self._payments: dict[str, Payment] = {}
        self._by_request: dict[tuple[str, str], Payment] = {}
        self._refunds: dict[str, Refund] = {}
        self._refunds_by_request: dict[tuple[str, str], Refund] = {}
        self._ids = itertools.count(1)
        self._on_final = on_final
        #: Called (under the lock) with every new payment, and with every payment the
        #: merchant cancelled; the gateway's auto-payer listens.
        self.on_created: Callable[[Payment], None] | None = None
        self.on_cancelled: Callable[[Payment], None] | None = None
        #: Called (under the lock) when a payment becomes PENDING (PAYMENT_PENDING notice).
        self.on_pended: Callable[[Payment], None] | None = None
        #: Called (under the lock) when an asynchronous refund settles (notifyRefund).
        self.on_refund_final: Callable[[Refund], None] | None = None
        #: Called (under the lock) with the payments :meth:`evict_settled` dropped.
        self.on_evicted: Callable[[list[Payment]], None] | None = None
        #: Called (under the lock) with every payment changed (or a refund of it), as it is
        #: to be saved, and with every one taken into memory from the state file: the fast
        #: lane's replicas in its worker processes listen (``sandbox/laneworker.py``).
        self.on_changed: Callable[[Payment], None] | None = None
        self.state = state
        self.retention = retention
        self._unsaved: dict[str, Payment] = {}
        self._save_failing = False

    # -- durability ---------------------------------------------------------------------
    def load(self, now: datetime) -> int:
        """Adopt the state file's open payments (StateFileError if it is unusable), then
        close those whose expiry passed meanwhile, exactly as if the gateway had been
        running; the settled ones stay in the file until asked for. Returns how many
        payments were adopted."""
        if self.state is None:
            return 0
        loaded = self.state.open_payments(now)
        with self.lock:
            for p in loaded:
                self._adopt(p)
            self._ids = itertools.count(len(self._payments) + 1)
            self.expire_due(now)
        return len(loaded)

    def _adopt(self, p: Payment) -> Payment:
        self._payments[p.payment_id] = p
        self._by_request[(p.client_id, p.payment_request_id)] = p
        for r in p.refunds:
            self._refunds[r.refund_id] = r
            self._refunds_by_request[(r.client_id, r.refund_request_id)] = r
        if self.on_changed is not None:
            self.on_changed(p)
        return p

    def _stored(self, **which: str | None) -> Payment | None:
        """A payment this process does not hold, read from the state file (and held from
        now on); None when the file has none (or there is no file)."""
        if self.state is None:
            return None
        p = self.state.payment(**which)
        if p is None:
            return None
        held = self._payments.get(p.payment_id)
        return held if held is not None else self._adopt(p)

    def _persist(self, p: Payment) -> None:
        """Every change of a payment (or a refund of it) comes here, under the lock."""
        if self.on_changed is not None:
            self.on_changed(p)
        if self.state is not None:
            self._unsaved[p.payment_id] = p
            self.flush()

    def flush(self) -> bool:
        """Write every change not yet in the state file; True when nothing is left."""
        with self.lock:
            if self.state is None or not self._unsaved:
                return True
            try:
                self.state.save(list(self._unsaved.values()))
            except Exception as exc:  # sqlite3.Error, StateFileError, OSError
                if not self._save_failing:
                    log.error("sandbox: cannot write %s (will retry): %s", self.state.path, exc)
                self._save_failing = True
                return False
            if self._save_failing:
                log.warning("sandbox: %s is written again", self.state.path)
            self._save_failing = False
            self._unsaved.clear()
            return True

    @property
    def unsaved(self) -> int:
        with self.lock:
            return len(self._unsaved)

    # -- payments -----------------------------------------------------------------------
    def new_payment_id(self) -> str:
        with self.lock:
            while (new := _new_id("1189", self._ids)) in self._payments or self._stored(
                payment_id=new
            ):
                pass
            return new

    def add_payment(self, payment: Payment) -> None:
        with self.lock:
            key = (payment.client_id, payment.payment_request_id)
            if key in self._by_request or self._stored(
                client_id=payment.client_id, payment_request_id=payment.payment_request_id
            ):
                raise StateError.of(
                    "request_id_exists",
                    answer="REPEAT_REQ_INCONSISTENT",
                    payment_request_id=payment.payment_request_id,
                )
            self._payments[payment.payment_id] = payment
            self._by_request[key] = payment
            self._persist(payment)
            if self.on_created is not None:
                self.on_created(payment)

    def held(self) -> list[Payment]:
        """Every payment in memory now (call under the lock)."""
        return list(self._payments.values())

    def payments(self, client_id: str | None = None) -> list[Payment]:
        """Every payment kept, in memory and in the state file (of ``client_id`` only, when
        given), oldest first. Reads the whole file: for listings and tests, not requests."""
        with self.lock:
            held = dict(self._payments)
            if self.state is not None:
                self.flush()
                for p in self.state.all():
                    held.setdefault(p.payment_id, p)
            found = [p for p in held.values() if client_id is None or p.client_id == client_id]
        return sorted(found, key=lambda p: p.created)

    def find_payment(
        self,
        client_id: str | None,
        *,
        payment_id: str | None = None,
        payment_request_id: str | None = None,
        now: datetime | None = None,
    ) -> Payment | None:
        """By paymentId (wins) or paymentRequestId, only among ``client_id``'s payments
        (any merchant's when client_id is None). Settles a due expiry first."""
        with self.lock:
            if payment_id:
                p = self._payments.get(payment_id) or self._stored(payment_id=payment_id)
            elif payment_request_id and client_id is not None:
                p = self._by_request.get((client_id, payment_request_id)) or self._stored(
                    client_id=client_id, payment_request_id=payment_request_id
                )
            else:
                p = None
            if p is None or (client_id is not None and p.client_id != client_id):
                return None
            if now is not None:
                self._settle_expiry(p, now)
            return p

    def payment(self, payment_id: str, now: datetime) -> Payment:
        p = self.find_payment(None, payment_id=payment_id, now=now)
        if p is None:
            raise NotFound.of("no_payment_paymentid", payment_id=payment_id)
        return p

    def _finalise(self, p: Payment, status: str, code: str, message: str) -> None:
        p.status, p.result_code, p.result_message = status, code, message
        self._persist(p)
        if self._on_final is not None and status in (SUCCESS, FAIL):
            self._on_final(p)

    def _settle_expiry(self, p: Payment, now: datetime) -> bool:
        if p.status == PROCESSING and now >= p.expires:
            p.closed_at = p.expires
            self._finalise(p, FAIL, EXPIRED_CODE, "order closed: payment expired unpaid")
            return True
        return False

    def expire_due(self, now: datetime) -> list[Payment]:
        """Close every unpaid payment whose expiry has passed; returns the ones closed."""
        with self.lock:
            return [p for p in self._payments.values() if self._settle_expiry(p, now)]

    def pending_payments(self, now: datetime) -> list[Payment]:
        """Every payment still PROCESSING at ``now`` (due expiries settled first)."""
        with self.lock:
            self.expire_due(now)
            return [p for p in self._payments.values() if p.status == PROCESSING]

    def evict_settled(self, now: datetime) -> list[Payment]:
        """Forget every payment settled longer than ``retention`` before ``now`` (a write
        to the state file still due keeps it until it is written); returns them."""
        cutoff = now - self.retention
        with self.lock:
            gone = [
                p
                for p in self._payments.values()
                if p.payment_id not in self._unsaved
                and (settled := p.settled_at()) is not None
                and settled < cutoff
            ]
            for p in gone:
                del self._payments[p.payment_id]
                self._by_request.pop((p.client_id, p.payment_request_id), None)
                for r in p.refunds:
                    self._refunds.pop(r.refund_id, None)
                    self._refunds_by_request.pop((r.client_id, r.refund_request_id), None)
            if self.state is not None:  # and from the file, or a request would read it again
                try:
                    self.state.prune(now, self.retention)
                except Exception as exc:  # StateFileError: persist imports this module
                    log.warning("sandbox: %s (dropped at the next start)", exc)
            if gone and self.on_evicted is not None:
                self.on_evicted(gone)
            return gone

    def next_expiry(self) -> datetime | None:
        with self.lock:
            due = [p.expires for p in self._payments.values() if p.status == PROCESSING]
            return min(due) if due else None

    # -- wallet simulator transitions ---------------------------------------------------
    def _pending(self, payment_id: str, now: datetime, action: str) -> Payment:
        p = self.payment(payment_id, now)
        if p.status not in (PROCESSING, PENDING):
            what = dict(action=Term(action), payment_id=payment_id, status=p.status)
            if p.status == FAIL and p.result_code == EXPIRED_CODE:
                raise StateError.of(
                    "already_expired",
                    answer="ORDER_IS_CLOSED",
                    result_code=p.result_code,
                    expires=p.expires.isoformat(),
                    **what,
                )
            raise StateError.of(
                "already_failed" if p.status == FAIL else "already_final",
                answer="ORDER_IS_CLOSED",
                result_code=p.result_code,
                **what,
            )
        return p

    def pend(self, payment_id: str, now: datetime) -> Payment:
        """The payer completed the payment; the result is pending (no expiry any more)."""
        with self.lock:
            p = self._pending(payment_id, now, "mark pending")
            if p.status == PENDING:
                return p
            p.status, p.result_code = PENDING, "PAYMENT_IN_PROCESS"
            p.result_message = "the payer completed the payment; the result is pending"
            self._persist(p)
            if self.on_pended is not None:
                self.on_pended(p)
            return p

    def approve(self, payment_id: str, now: datetime) -> Payment:
        with self.lock:
            p = self._pending(payment_id, now, "approve")
            p.paid_at = now
            self._finalise(p, SUCCESS, "SUCCESS", "success")
            return p

    def decline(self, payment_id: str, now: datetime, code: str = DECLINED_CODE) -> Payment:
        if code not in DECLINE_CODES:
            raise ValueError(
                f"decline code {code!r} is not one of: {', '.join(sorted(DECLINE_CODES))}"
            )
        with self.lock:
            p = self._pending(payment_id, now, "decline")
            p.closed_at = now
            self._finalise(p, FAIL, code, "the payer declined the payment in the wallet")
            return p

    def fail(self, p: Payment, now: datetime, code: str, message: str) -> None:
        """The gateway refuses a payment it just created (an in-store code that cannot
        pay): FAIL with ``code``, notified like any final failure."""
        with self.lock:
            if p.status != PROCESSING:
                raise StateError.of(
                    "cannot_fail", answer="PROCESS_FAIL", payment_id=p.payment_id, status=p.status
                )
            p.closed_at = now
            self._finalise(p, FAIL, code, message)

    def expire(self, payment_id: str, now: datetime) -> Payment:
        """Let the payment time out now, as if its paymentExpiryTime had passed."""
        with self.lock:
            p = self._pending(payment_id, now, "expire")
            p.expires = min(p.expires, now)
            self._settle_expiry(p, now)
            return p

    def cancel(self, p: Payment, now: datetime) -> None:
        """Merchant cancel (the API checks ownership); raises StateError with an Antom
        ``result_code`` and an English ``message``."""
        with self.lock:
            self._settle_expiry(p, now)
            if p.status == CANCELLED:
                return
            if p.status == FAIL:
                raise StateError.of("closed", answer="ORDER_IS_CLOSED", result_code=p.result_code)
            if p.status == SUCCESS:
                if methods.get(p.method_type).region == "ID":
                    raise StateError.of("paid_id_wallet", answer="PROCESS_FAIL")
                if p.refunds:
                    raise StateError.of("has_refunds", answer="PROCESS_FAIL")
                assert p.paid_at is not None
                if now > cancel_deadline(p.paid_at):
                    raise StateError.of("cancel_window_passed", answer="CANCEL_WINDOW_EXCEED")
                message = "cancelled; the paid amount is returned to the payer"
            else:
                message = "cancelled by the merchant before payment"
            p.cancelled_at = now
            p.closed_at = now
            p.status, p.result_code, p.result_message = CANCELLED, "ORDER_IS_CLOSED", message
            self._persist(p)
            if self.on_cancelled is not None:
                self.on_cancelled(p)

    # -- refunds ------------------------------------------------------------------------
    def find_refund(
        self, client_id: str, *, refund_id: str | None = None, refund_request_id: str | None = None
    ) -> Refund | None:
        with self.lock:
            r = self._refund(
                refund_id=refund_id, client_id=client_id, refund_request_id=refund_request_id
            )
            return r if r is not None and r.client_id == client_id else None

    def _refund(
        self,
        *,
        refund_id: str | None = None,
        client_id: str | None = None,
        refund_request_id: str | None = None,
    ) -> Refund | None:
        """By refundId (wins) or (clientId, refundRequestId): held, or its payment read
        from the state file."""
        if refund_id:
            r = self._refunds.get(refund_id)
            if r is None and self._stored(refund_id=refund_id) is not None:
                r = self._refunds.get(refund_id)
            return r
        if refund_request_id and client_id is not None:
            key = (client_id, refund_request_id)
            r = self._refunds_by_request.get(key)
            if r is None and self._stored(client_id=client_id, refund_request_id=refund_request_id):
                r = self._refunds_by_request.get(key)
            return r
        return None

    def add_refund(
        self,
        p: Payment,
        refund_request_id: str,
        amount: Money,
        reason: str,
        now: datetime,
        fingerprint: str,
        *,
        rules: RefundRules | None = None,
        settle_after: float | None = None,
        notify_url: str | None = None,
    ) -> Refund:
        """Refund part or all of a paid payment; StateError (``result_code``, ``message``)
        when not allowed. ``settle_after`` seconds: an asynchronous refund (PROCESSING, settled then
        or by :meth:`settle_refund`); None: settled at once. The caller holds ``lock`` and
        has checked idempotency."""
        rules = rules or RefundRules()
        with self.lock:
            self._settle_expiry(p, now)
            if p.status in (FAIL, CANCELLED):
                raise StateError.of(
                    "refund_of_closed",
                    answer="ORDER_IS_CLOSED",
                    status=p.status,
                    result_code=p.result_code,
                )
            if p.status != SUCCESS:
                raise StateError.of("refund_of_unpaid", answer="PROCESS_FAIL", status=p.status)
            if amount.currency != p.amount.currency:
                raise StateError.of(
                    "refund_currency",
                    answer="PARAM_ILLEGAL",
                    currency=amount.currency,
                    payment_currency=p.amount.currency,
                )
            if not rules.refundable:
                raise StateError.of(
                    "not_refundable", answer="REFUND_NOT_SUPPORTED", method=p.method_type
                )
            assert p.paid_at is not None
            if now > p.paid_at + timedelta(days=rules.window_days):
                raise StateError.of(
                    "refund_window_passed",
                    answer="REFUND_WINDOW_EXCEED",
                    days=rules.window_days,
                    paid_at=p.paid_at.isoformat(),
                )
            live = [r for r in p.refunds if r.status in (SUCCESS, PROCESSING)]
            if live and not rules.multiple:
                raise StateError.of(
                    "one_refund_only",
                    answer="MULTIPLE_REFUNDS_NOT_SUPPORTED",
                    method=p.method_type,
                )
            if amount.value != p.amount.value and not rules.partial:
                raise StateError.of(
                    "whole_refund_only",
                    answer="PARTIAL_REFUND_NOT_SUPPORTED",
                    method=p.method_type,
                    total=p.amount.value,
                    amount=amount.value,
                    currency=p.amount.currency,
                )
            refundable = p.amount.value - p.reserved
            if amount.value > refundable:
                raise StateError.of(
                    "refund_exceeds",
                    answer="REFUND_AMOUNT_EXCEED",
                    amount=amount.value,
                    refundable=refundable,
                    currency=p.amount.currency,
                )
            refund = Refund(
                p.client_id,
                refund_request_id,
                _new_id("1180", self._ids),
                p.payment_id,
                amount,
                reason,
                now,
                fingerprint,
                notify_url=notify_url,
            )
            if settle_after is None:
                refund.finished_at = now
            else:
                refund.status = PROCESSING
                refund.result_code, refund.result_message = (
                    REFUND_IN_PROCESS,
                    "refund is in process",
                )
                refund.settle_at = now + timedelta(seconds=settle_after)
            p.refunds.append(refund)
            self._refunds[refund.refund_id] = refund
            self._refunds_by_request[(p.client_id, refund_request_id)] = refund
            self._persist(p)
            return refund

    def settle_refund(
        self, refund_id: str, now: datetime, status: str = SUCCESS, code: str = ""
    ) -> Refund:
        """Settle a PROCESSING refund (SUCCESS or FAIL); StateError when it is settled."""
        if status not in (SUCCESS, FAIL):
            raise ValueError(f"a refund settles as SUCCESS or FAIL, not {status!r}")
        with self.lock:
            r = self._refund(refund_id=refund_id)
            if r is None:
                raise NotFound.of("no_refund_refundid", refund_id=refund_id)
            if r.status != PROCESSING:
                raise StateError.of(
                    "refund_already_final",
                    answer="REFUND_ALREADY_FINAL",
                    refund_id=refund_id,
                    status=r.status,
                )
            r.status, r.finished_at, r.settle_at = status, now, None
            if status == SUCCESS:
                r.result_code, r.result_message = "SUCCESS", "success"
            else:
                r.result_code = code or "PROCESS_FAIL"
                r.result_message = "the refund failed at the payment method"
            self._persist(self._payments[r.payment_id])
            if self.on_refund_final is not None:
                self.on_refund_final(r)
            return r

    def settle_due_refunds(self, now: datetime) -> list[Refund]:
        """Settle (SUCCESS) every asynchronous refund whose time has come."""
        with self.lock:
            due = [
                r.refund_id
                for r in self._refunds.values()
                if r.status == PROCESSING and r.settle_at is not None and now >= r.settle_at
            ]
            return [self.settle_refund(rid, now) for rid in due]
