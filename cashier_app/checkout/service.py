"""CheckoutService: one sale from journal row to final state (pay, poll, notify, cancel, refund).

Rules it keeps (DESIGN.md, issue 5):
- the CREATED row with its paymentRequestId is committed before the first byte of ``pay``;
- every transition is committed before it is returned (so before anything shows it);
- a transport failure leaves the payment UNKNOWN, never FAILED: it is recoverable, and a
  resend of ``pay`` uses the same id and byte-identical body;
- first final state wins; duplicate and late notifications change nothing;
- nothing unverified is believed (the client verifies answers, notifications are verified
  here), and no key material ever reaches the journal.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from cashier_app.checkout.changes import PAYMENT, REFUND, ChangeFeed, JournalChange
from cashier_app.checkout.codes import (
    CANCEL_MESSAGES,
    CODE_BAD_SIGNATURE,
    CODE_EXPIRED,
    CODE_MALFORMED,
    CODE_NOT_AT_GATEWAY,
    CODE_REPEAT_INCONSISTENT,
    CODE_TIMED_OUT,
    local_code,
)
from cashier_app.checkout.errors import (
    CancelNotDone,
    CheckoutError,
    NotificationRejected,
    PaymentMayBeTaken,
    UnknownPayment,
)
from cashier_app.checkout.ids import new_request_id
from cashier_app.checkout.operators import CANCEL_PAID, TillSession
from cashier_app.checkout.policy import PollPolicy
from cashier_app.checkout.refunds import Refunds, StoreRefundsPort
from cashier_app.checkout.states import IllegalTransition, check_transition
from cashier_app.domain import methods
from cashier_app.domain.limits import SaleLimits
from cashier_app.domain.money import Money, MoneyError
from cashier_app.domain.outcome import Status, from_antom_payment_status, from_antom_result
from cashier_app.domain.payment_code import PaymentCodeError, UsedCodes
from cashier_app.domain.payment_code import mask as mask_code
from cashier_app.domain.payment_code import normalise as normalise_code
from cashier_app.domain.payment_kit import PaymentInfo
from cashier_app.domain.records import EMBEDDED_SANDBOX, PaymentRecord, RefundRecord
from cashier_app.domain.store import StoreInfo
from cashier_app.domain.values import dataclass, field
from cashier_app.gateway.antom import AntomClient, CancelResponse, Exchange
from cashier_app.gateway.errors import (
    GatewayError,
    GatewayResultError,
    MalformedResponse,
)
from cashier_app.gateway.instore import SCENARIOS as in_store_scenarios
from cashier_app.gateway.notify import verify_notification
from cashier_app.gateway.responses import Result
from cashier_app.gateway.signing import parse_header_time
from cashier_app.journal import Journal, JournalError
from cashier_app.journal.crashpoints import crash_point
from cashier_app.operators import PinEntry

if TYPE_CHECKING:
    from cashier_app.checkout.instore import UpmPolicy

log = logging.getLogger(__name__)

#: How loud each journal event is in the application log (others: DEBUG).
_EVENT_LEVELS = {
    "journaled": logging.INFO,
    "state": logging.INFO,
    "refund": logging.INFO,
    "refund_state": logging.INFO,
    "recover": logging.INFO,
    "resend": logging.INFO,
    "notify": logging.INFO,
    "error": logging.WARNING,
    "ignored": logging.INFO,
    "duplicate": logging.INFO,
}


def _exchange_detail(x: Exchange) -> dict[str, Any]:
    return {
        "api": x.api,
        "attempt": x.attempt,
        "url": x.url,
        "http_status": x.status_code,
        "verified": x.verified,
        "error": x.error,
        "request_time": x.request_headers.get("Request-Time", ""),
        "response_time": x.response_headers.get("response-time", ""),
    }


def _answered_wallet(raw: dict[str, Any]) -> str:
    """The wallet a verified in-store answer names (paymentMethodType, or
    pspCustomerInfo.pspName), when it is one of ours."""
    psp = raw.get("pspCustomerInfo")
    for value in (
        raw.get("paymentMethodType"),
        psp.get("pspName") if isinstance(psp, dict) else None,
    ):
        if isinstance(value, str) and value in methods.CATALOG and value != "CONNECT_WALLET":
            return value
    return ""


#: Antom's expiry when a pay names none (protocol doc §7.1: about 14 minutes).
GATEWAY_DEFAULT_EXPIRY = timedelta(minutes=14)
#: After its expiry, how long a payment the gateway has no record of is still treated as
#: possibly in flight (clock differences between the till and the gateway).
IN_FLIGHT_MARGIN = timedelta(minutes=5)

#: Journaled codes of answers that could not be believed: the payment's state is unknown.
UNVERIFIED_CODES = frozenset({CODE_BAD_SIGNATURE, CODE_MALFORMED, "CANCEL_UNVERIFIED"})
#: A cancel sent while the payment's state could not be verified (see _cancel_unverified).
CODE_UNVERIFIED = "CANCEL_UNVERIFIED"

#: When a caller's time limit has run out, how long the last cancel may still take.
CANCEL_GRACE_SECONDS = 5.0

#: notifyPayment types this service settles payments from (protocol doc §9).
NOTIFY_TYPES = ("PAYMENT_RESULT", "PAYMENT_PENDING")

#: How old a notification's request-time may be. Generous on purpose: the till's clock may
#: be off, and Antom's resends (up to 8 over 24 h) must not be refused if they kept the
#: first time; what it stops is a captured notification replayed hours later.
NOTIFICATION_TOLERANCE = 3600.0


def _check_cancel_answer(resp: CancelResponse, rec: PaymentRecord) -> None:
    """A signed cancel answer about another payment is not a cancel of this one (a replayed
    answer, a confused proxy): MalformedResponse, and the sale is left as it was."""
    prid = rec.payment_request_id
    if resp.payment_request_id and resp.payment_request_id != prid:
        raise MalformedResponse.of(
            "cancel_answer_paymentrequestid_not",
            payment_request_id=resp.payment_request_id,
            prid=prid,
        )
    if resp.payment_id and rec.payment_id and resp.payment_id != rec.payment_id:
        raise MalformedResponse.of(
            "cancel_answer_paymentid_not", payment_id=resp.payment_id, payment_id_2=rec.payment_id
        )


def _aware_time(value: object) -> datetime | None:
    """An ISO 8601 time with an offset, in UTC; None for anything else (a time without an
    offset is ambiguous: it is not guessed to be local time)."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.astimezone(UTC) if parsed.tzinfo is not None else None


def check_method_limits(method: methods.PaymentMethod, amount: Money) -> None:
    """Raise MoneyError (with a code the GUI translates) when ``amount`` is outside the
    method's per-payment limits; the gateway answers PAYMENT_AMOUNT_EXCEED_LIMIT to those."""
    problem = method.check_amount(amount.value, amount.currency)
    if not problem:
        return
    limit = method.limit_for(amount.currency)
    assert limit is not None
    low, high = limit
    raise MoneyError.of(
        problem,
        method=method.name_en,
        amount=amount,
        minimum=Money(low, amount.currency),
        maximum=Money(high, amount.currency) if high is not None else "-",
    )


@dataclass(slots=True)
class _PaymentLock:
    """A payment's lock and how many threads hold or wait for it."""

    lock: threading.RLock = field(default_factory=threading.RLock)
    users: int = 0


class CheckoutService:
    """Drives payments through the state machine; every method blocks (GUI: worker threads).

    Thread-safe: one lock per payment serialises a poll, a notification and a cancel that
    arrive together, so "first final state wins" holds across threads.
    """

    def __init__(
        self,
        client: AntomClient,
        journal: Journal,
        *,
        profile: str,
        merchant_name: str = "",
        notify_url: str | None = None,
        expiry_seconds: int = 600,
        gateway_url: str = "",
        client_id: str = "",
        redirect_url: str | None = None,
        sale_limits: SaleLimits | None = None,
        clock: Callable[[], datetime] | None = None,
        notification_tolerance: float | None = NOTIFICATION_TOLERANCE,
        store: StoreInfo | None = None,
        embedded: bool = False,
        owner: Callable[[], None] | None = None,
        session: TillSession | None = None,
    ) -> None:
        if expiry_seconds <= 0:
            raise ValueError("expiry_seconds must be positive")
        self.client = client
        self.journal = journal
        self.profile = profile
        self.merchant_name = merchant_name
        self.notify_url = notify_url
        self.redirect_url = redirect_url
        self.expiry_seconds = expiry_seconds
        #: the profile's largest sale (domain/limits.py); None: no limit here
        self.sale_limits = sale_limits
        self.gateway_url = gateway_url or client.base_url
        self.client_id = client_id or client.client_id
        self.embedded = embedded  #: the in-process sandbox (its URL changes every start)
        #: raises TillBusy unless this process owns the profile (its till lock)
        self._claim = owner
        self._clock = clock or (lambda: datetime.now(UTC))
        #: Seconds a notification's request-time may lie in the past; None: any age.
        self.notification_tolerance = notification_tolerance
        self._refunds = Refunds(self)
        #: store mode: refunds claimed at the store, other tills' sales (set by app.py)
        self.store_refunds: StoreRefundsPort | None = None
        #: every committed change of a payment or refund (checkout/changes.py)
        self.changes = ChangeFeed()
        self.store = store
        #: who is signed in at this till, and what needs a manager (checkout/operators.py)
        self.session = session or TillSession(None)
        self._used_codes = UsedCodes()
        self._locks: dict[str, _PaymentLock] = {}
        self._locks_guard = threading.Lock()
        #: sales this service created: live in this process, never "interrupted" to recover
        self._created: set[str] = set()

    def created_here(self, payment_request_id: str) -> bool:
        """Whether this service (this running till) created the payment: its own sale,
        which recovery must leave to the flow that is showing it."""
        with self._locks_guard:
            return payment_request_id in self._created

    def _own(self, payment_request_id: str) -> None:
        with self._locks_guard:
            self._created.add(payment_request_id)

    # -- reading ----------------------------------------------------------------------
    def get(self, payment_request_id: str) -> PaymentRecord:
        rec = self.journal.get_payment(payment_request_id)
        if rec is None:
            raise UnknownPayment.of("no_payment_journal", payment_request_id=payment_request_id)
        return rec

    # -- create -----------------------------------------------------------------------
    def create_payment(
        self, info: PaymentInfo, method_type: str, reference_order_id: str | None = None
    ) -> PaymentRecord:
        """Journal the sale (CREATED), then send ``pay``. Returns PENDING with the wallet
        URLs, a final state, or UNKNOWN when the gateway could not be reached."""
        amount = info.validate()  # PaymentKitError(401) names the bad field
        if self.sale_limits is not None:
            self.sale_limits.check(amount)  # SaleLimitError: over the largest sale
        method = methods.get(method_type)  # UnknownMethodError
        if not method.accepts(amount.currency):
            raise CheckoutError.of(
                "does_not_accept_accepts",
                name_en=method.name_en,
                currency=amount.currency,
                currencies=", ".join(method.currencies),
            )
        check_method_limits(method, amount)  # MoneyError: the gateway would refuse it
        if reference_order_id is not None and len(reference_order_id) > 64:
            raise CheckoutError.of("reference_order_id_longer_than_64")
        self.session.require_signed_in()  # SignInRequired: operators set up, nobody here
        if self._claim is not None:
            self._claim()  # TillBusy: another live till owns this profile's sales
        now = self._clock()
        prid = new_request_id()
        rec = PaymentRecord(
            payment_request_id=prid,
            profile=self.profile,
            amount=amount,
            method=method.type,
            status=Status.CREATED,
            created_at=now,
            updated_at=now,
            trade_summary=info.trade_summary,
            reference_order_id=reference_order_id or prid,
            expires_at=now + timedelta(seconds=self.expiry_seconds),
            gateway_url=self.gateway_url,
            client_id=self.client_id,
            operator=self.session.operator_name,
            made_on=self._made_on,
        )
        self._own(prid)  # before the commit: a recovery listing never sees it unowned
        self.journal.create_payment(rec)  # committed before anything is sent
        self._event(
            prid,
            "journaled",
            {
                "amount": amount.decimal_str(),
                "currency": amount.currency,
                "method": method.type,
                "expires_at": rec.expires_at,
            },
        )
        self._payment_changed(rec)
        crash_point("journaled")
        with self._lock(prid), self._unrecorded(prid):
            return self._send_pay(rec)

    # -- in-store -----------------------------------------------------------------------
    def create_in_store_payment(
        self,
        info: PaymentInfo,
        scenario: str,
        *,
        payment_code: str = "",
        method_type: str = "CONNECT_WALLET",
        policy: UpmPolicy | None = None,
        reference_order_id: str | None = None,
    ) -> PaymentRecord:
        """An IN_STORE_PAYMENT sale: ``PaymentCode`` with the customer's scanned code (S
        paid, U waiting for the customer, F refused), or ``OrderCode`` (a QR to show, as
        online). The code is checked and refused when already used before anything is
        journaled; only its mask is journaled, and it is never sent again."""
        if self.store is None:
            raise CheckoutError.of(
                "store_payments_need_profile_s_store",
                exc=CheckoutError.of("no_store_details"),
            )
        try:
            self.store.check()
        except ValueError as exc:
            raise CheckoutError.of("store_payments_need_profile_s_store", exc=exc) from None
        if scenario not in in_store_scenarios:
            raise CheckoutError.of(
                "store_scenario_not_one",
                scenario=scenario,
                in_store_scenarios=", ".join(in_store_scenarios),
            )
        amount = info.validate()
        method = methods.get(method_type)
        if not method.accepts(amount.currency):
            raise CheckoutError.of(
                "does_not_accept", name_en=method.name_en, currency=amount.currency
            )
        code = ""
        if scenario == "PaymentCode":
            code = normalise_code(payment_code)  # PaymentCodeError names the problem
            if code in self._used_codes:
                raise PaymentCodeError.of("payment_code_used")
        now = self._clock()
        prid = new_request_id()
        if code:
            from cashier_app.checkout.instore import UpmPolicy  # imported for a scanned code

            window = (policy or UpmPolicy()).window
        else:
            window = timedelta(seconds=self.expiry_seconds)
        rec = PaymentRecord(
            payment_request_id=prid,
            profile=self.profile,
            amount=amount,
            method=method.type,
            status=Status.CREATED,
            created_at=now,
            updated_at=now,
            trade_summary=info.trade_summary,
            reference_order_id=reference_order_id or prid,
            expires_at=now + window,
            gateway_url=self.gateway_url,
            client_id=self.client_id,
            scenario=scenario,
            masked_code=mask_code(code) if code else "",
            operator=self.session.operator_name,
            made_on=self._made_on,
        )
        self._own(prid)
        self.journal.create_payment(rec)
        self._event(
            prid,
            "journaled",
            {
                "amount": amount.decimal_str(),
                "currency": amount.currency,
                "method": method.type,
                "scenario": scenario,
                "code": rec.masked_code,
                "expires_at": rec.expires_at,
            },
        )
        self._payment_changed(rec)
        if code:
            self._used_codes.add(code)  # sent once, never again (not even by recovery)
        with self._lock(prid):
            return self._send_pay(rec, payment_code=code)

    def _code_still_missing(self, rec: PaymentRecord) -> bool:
        """A live payment whose code (or wallet link) never arrived in a verified answer."""
        if rec.scenario == "PaymentCode":
            return False  # a scanned code has no QR to fetch (and its code is never resent)
        expires = rec.expires_at or rec.created_at + GATEWAY_DEFAULT_EXPIRY
        live = self._clock() < expires
        return (
            live
            and not rec.qr_payload()
            and not rec.deep_link()
            and rec.status in (Status.CREATED, Status.UNKNOWN, Status.PENDING)
        )

    def _send_pay(
        self, rec: PaymentRecord, *, replay: bool = False, payment_code: str = ""
    ) -> PaymentRecord:
        """Send (or resend: same id, identical bytes) the pay request of a journaled sale.
        ``replay``: a resend to fetch the code; an answer that the request differs from the
        first (the notify URL of an earlier run) is no verdict, so an inquiry decides.
        A User-presented Mode sale is sent only with its code, i.e. once."""
        prid = rec.payment_request_id
        self._event(prid, "request", {"api": "pay", "resend": rec.status is not Status.CREATED})
        try:
            with self._calling(prid, "pay"):
                if rec.in_store:
                    assert self.store is not None and (payment_code or rec.scenario == "OrderCode")
                    resp = self.client.pay_in_store(
                        prid,
                        rec.amount,
                        scenario=rec.scenario,
                        store=self.store,
                        order_description=rec.trade_summary or self._description(rec),
                        reference_order_id=rec.reference_order_id,
                        method_type=rec.method,
                        payment_code=payment_code,
                        terminal_time=rec.created_at,
                        # a scanned code: the till cancels at the end of its window
                        # (best practice), the gateway's own expiry stays its default
                        expiry=rec.expires_at if rec.scenario == "OrderCode" else None,
                        notify_url=self.notify_url,
                    )
                else:
                    resp = self.client.pay(
                        prid,
                        rec.amount,
                        rec.method,
                        reference_order_id=rec.reference_order_id,
                        order_description=rec.trade_summary or self._description(rec),
                        expiry=rec.expires_at,
                        notify_url=self.notify_url,
                        redirect_url=self.redirect_url,
                    )
        except GatewayResultError as exc:
            if exc.result_status == "F" and exc.result_code == CODE_REPEAT_INCONSISTENT:
                # "Same id, different content": an earlier attempt of this very sale may
                # have been accepted (and paid). Only the gateway's record can tell.
                self._event(
                    prid,
                    "error",
                    {
                        "api": "pay",
                        "code": exc.result_code,
                        "message": exc.result_message,
                        "then": "inquiryPayment",
                    },
                )
                return self._refresh(self.get(prid), resend=False, pay_answered=True)
            if exc.result_status == "F":
                outcome = from_antom_result("F", exc.result_code, exc.result_message)
                refused: dict[str, Any] = {}
                answered = exc.answer
                if answered.get("paymentRequestId") in (None, prid):
                    # a refused scan still names the wallet the code was of (and the
                    # payment); a code the gateway could not read names none: the record
                    # keeps CONNECT_WALLET, shown as "unknown wallet" (domain/records.py)
                    wallet = _answered_wallet(answered)
                    if rec.method == "CONNECT_WALLET" and wallet:
                        refused["method"] = wallet
                    if isinstance(answered.get("paymentId"), str) and answered["paymentId"]:
                        refused["payment_id"] = answered["paymentId"]
                return self._move(
                    prid,
                    outcome.status,
                    "pay",
                    result_code=exc.result_code,
                    result_message=exc.result_message,
                    **refused,
                )
            return self._unreachable(prid, "pay", exc)
        except GatewayError as exc:
            return self._unreachable(prid, "pay", exc)
        crash_point("pay_answered")
        if resp.payment_request_id and resp.payment_request_id != prid:
            return self._unreachable(
                prid,
                "pay",
                MalformedResponse.of(
                    "pay_answer_paymentrequestid", payment_request_id=resp.payment_request_id
                ),
            )
        if resp.payment_amount is not None and resp.payment_amount != rec.amount:
            return self._unreachable(
                prid,
                "pay",
                MalformedResponse.of(
                    "pay_answer_amount_differs_from",
                    payment_amount=resp.payment_amount,
                    amount=rec.amount,
                ),
            )
        outcome = from_antom_result(resp.result.status, resp.result.code, resp.result.message)
        changes: dict[str, Any] = {
            "result_code": resp.result.code,
            "result_message": resp.result.message,
            "normal_url": resp.normal_url,
            "scheme_url": resp.scheme_url,
            "applink_url": resp.applink_url,
            "code_value": resp.code_value,
        }
        if resp.payment_id:
            changes["payment_id"] = resp.payment_id
        if outcome.status is Status.SUCCESS:
            changes["paid_at"] = self._clock()
        wallet = _answered_wallet(resp.raw)
        if rec.method == "CONNECT_WALLET" and wallet:
            changes["method"] = wallet  # Alipay+ told the wallet from the customer's code
        return self._move(prid, outcome.status, "pay", **changes)

    def _description(self, rec: PaymentRecord) -> str:
        name = self.merchant_name or "Cashier"
        return f"{name} {rec.amount}"[:256]

    # -- poll -------------------------------------------------------------------------
    def refresh(self, payment_request_id: str) -> PaymentRecord:
        """One inquiryPayment, its answer journaled. A final payment is returned as is."""
        with self._lock(payment_request_id), self._unrecorded(payment_request_id):
            return self._refresh(self.get(payment_request_id), resend=True)

    def _refresh(
        self,
        rec: PaymentRecord,
        *,
        resend: bool,
        by_payment_id: bool = False,
        fetch_code: bool = True,
        pay_answered: bool = False,
    ) -> PaymentRecord:
        prid = rec.payment_request_id
        if rec.is_final:
            return rec
        if resend and fetch_code and self._code_still_missing(rec):
            # The customer has nothing to scan: no verified pay answer carried a code. The
            # replayed pay (same id, identical body: idempotent at the gateway) answers the
            # status question *and* brings the code.
            self._event(prid, "resend", {"reason": "no verified payment code yet"})
            return self._send_pay(rec, replay=True)
        self._event(
            prid,
            "poll",
            {"api": "inquiryPayment", "by": "paymentId" if by_payment_id else "paymentRequestId"},
        )
        try:
            with self._calling(prid, "poll"):
                resp = (
                    self.client.inquiry_payment(payment_id=rec.payment_id)
                    if by_payment_id
                    else self.client.inquiry_payment(payment_request_id=prid)
                )
        except GatewayResultError as exc:
            if exc.result_code == CODE_NOT_AT_GATEWAY:
                if rec.payment_id and not by_payment_id:
                    # The gateway created this one: ask about it by its own id before
                    # believing it has no such payment.
                    return self._refresh(
                        rec,
                        resend=resend,
                        by_payment_id=True,
                        fetch_code=fetch_code,
                        pay_answered=pay_answered,
                    )
                return self._not_at_gateway(rec, resend=resend, pay_answered=pay_answered)
            return self._unreachable(prid, "inquiryPayment", exc)
        except GatewayError as exc:
            return self._unreachable(prid, "inquiryPayment", exc)
        crash_point("poll_answered")
        if resp.payment_amount is not None and resp.payment_amount != rec.amount:
            return self._unreachable(
                prid,
                "inquiryPayment",
                MalformedResponse.of(
                    "inquirypayment_amount_differs_from",
                    payment_amount=resp.payment_amount,
                    amount=rec.amount,
                ),
            )
        # A signed answer about another payment is not an answer about this one.
        if resp.payment_request_id and resp.payment_request_id != prid:
            return self._unreachable(
                prid,
                "inquiryPayment",
                MalformedResponse.of(
                    "inquirypayment_answer_paymentrequestid",
                    payment_request_id=resp.payment_request_id,
                ),
            )
        if resp.payment_id and rec.payment_id and resp.payment_id != rec.payment_id:
            return self._unreachable(
                prid,
                "inquiryPayment",
                MalformedResponse.of(
                    "inquirypayment_answer_paymentid_not",
                    payment_id=resp.payment_id,
                    payment_id_2=rec.payment_id,
                ),
            )
        outcome = from_antom_payment_status(
            resp.payment_status, resp.payment_result_code, resp.payment_result_message
        )
        if outcome.status is Status.UNKNOWN:
            return self._unreachable(
                prid,
                "inquiryPayment",
                MalformedResponse.of(
                    "inquirypayment_unknown_paymentstatus", payment_status=resp.payment_status
                ),
            )
        changes: dict[str, Any] = {"result_code": outcome.code, "result_message": outcome.message}
        if resp.payment_id and not rec.payment_id:
            changes["payment_id"] = resp.payment_id
        if outcome.status is Status.SUCCESS:
            changes["paid_at"] = resp.payment_time or self._clock()
        return self._move(prid, outcome.status, "inquiryPayment", **changes)

    def _not_at_gateway(
        self, rec: PaymentRecord, *, resend: bool, pay_answered: bool = False
    ) -> PaymentRecord:
        """The gateway has no such payment (``ORDER_NOT_EXIST``). That proves nothing was
        charged only once the payment's expiry (plus a margin) has passed: until then our
        ``pay`` may still be on its way (a slow gateway, a till killed mid-request), and the
        gateway may create the payment after answering. So until then the identical ``pay``
        is resent when ``resend`` allows it (the gateway then either creates the payment
        or finds the one that arrived, and answers for it), and otherwise the payment stays
        UNKNOWN. A payment the gateway gave a paymentId is never "nothing charged" on such
        an answer: that gateway created it, so "no such order" means a confused gateway or
        the wrong one."""
        rec = self.get(rec.payment_request_id)
        prid = rec.payment_request_id
        if rec.payment_id:
            # Asked by paymentRequestId and by the paymentId it gave: the gateway says, for
            # this very payment, that it has none (recovery asks only the gateway a payment
            # was made at, so this is that gateway's word).
            return self._move(
                prid,
                Status.FAILED,
                "inquiryPayment",
                result_code=CODE_NOT_AT_GATEWAY,
                result_message=f"the gateway that created paymentId "
                f"{rec.payment_id} has no record of it any more; "
                "nothing is charged there",
            )
        deadline = self.in_flight_until(rec)
        # ``pay_answered``: the gateway has just answered this sale's pay (verified), so no
        # pay of it is on its way any more.
        if pay_answered or self._clock() >= deadline:
            why = "it refused its pay" if pay_answered else "its time ran out"
            return self._move(
                prid,
                Status.FAILED,
                "inquiryPayment",
                result_code=CODE_NOT_AT_GATEWAY,
                result_message=f"the gateway has no record of this payment and "
                f"{why}; nothing was charged",
            )
        if rec.scenario == "PaymentCode":
            resend = False  # the customer's code is gone (never kept): it is never resent
        if resend:
            self._event(
                prid,
                "resend",
                {"reason": "gateway has no record of the payment", "in_flight_until": deadline},
            )
            return self._send_pay(rec)
        return self._move(
            prid,
            Status.UNKNOWN,
            "inquiryPayment",
            result_code=CODE_NOT_AT_GATEWAY,
            result_message="the gateway has no record of this payment yet; "
            "its pay may still be in flight until "
            f"{deadline.isoformat(timespec='seconds')}",
        )

    @staticmethod
    def in_flight_until(rec: PaymentRecord) -> datetime:
        """Until when a ``pay`` of ``rec`` may still reach the gateway and be payable: its
        expiry (the gateway's default when none was sent) plus a margin for clocks."""
        expires = rec.expires_at or rec.created_at + GATEWAY_DEFAULT_EXPIRY
        return expires + IN_FLIGHT_MARGIN

    # -- cancel and expiry --------------------------------------------------------------
    def cancel(self, payment_request_id: str, approval: PinEntry | None = None) -> PaymentRecord:
        """Cancel at the gateway (operator). A paid payment may be cancelled too (the money
        goes back), with a manager's ``approval`` once operators are set up
        (ApprovalRequired / OperatorError, nothing sent, otherwise); a closed one is
        returned unchanged. Raises CheckoutError when the gateway refuses or cannot be
        reached, with the payment left as it was."""
        with self._lock(payment_request_id), self._unrecorded(payment_request_id):
            rec = self.get(payment_request_id)
            if rec.status in (Status.FAILED, Status.CANCELLED, Status.EXPIRED):
                return rec
            if rec.status is Status.SUCCESS:
                manager = self.session.approve(approval, CANCEL_PAID)
                if manager:
                    self._event(
                        payment_request_id, "approved", {"act": "cancel", "manager": manager}
                    )
            return self._cancel(
                rec, Status.CANCELLED, "operator", operator=rec.status is Status.SUCCESS
            )

    def _cancel(
        self,
        rec: PaymentRecord,
        target: Status,
        why: str,
        *,
        operator: bool = False,
        resent: bool = False,
    ) -> PaymentRecord:
        prid = rec.payment_request_id
        self._event(prid, "request", {"api": "cancel", "reason": why})
        try:
            with self._calling(prid, "cancel"):
                resp = self.client.cancel(payment_request_id=prid)
            _check_cancel_answer(resp, rec)
        except GatewayResultError as exc:
            self._event(
                prid,
                "error",
                {"api": "cancel", "code": exc.result_code, "message": exc.result_message},
            )
            if exc.result_status == "F":
                if exc.result_code == CODE_NOT_AT_GATEWAY:
                    # Make sure the payment exists (identical pay), then cancel it: a pay
                    # still in flight must not create a payable payment after our cancel.
                    after = self._not_at_gateway(rec, resend=not resent)
                    if after.status is Status.PENDING and after.payment_id:
                        return self._cancel(after, target, why, operator=operator, resent=True)
                else:  # closed, paid past the window, ...: learn the real state
                    after = self._refresh(self.get(prid), resend=False)
                if after.is_final and not (operator and after.status is Status.SUCCESS):
                    return after
            raise CancelNotDone(  # the log and the CLI keep the gateway's own words too
                f"the gateway did not cancel payment {prid}: "
                f"{exc.result_code} {exc.result_message}".rstrip(),
                code="refused",
                params={"payment": prid, "code": exc.result_code},
            ) from None
        except GatewayError as exc:
            self._event(prid, "error", {"api": "cancel", "error": str(exc)})
            raise CancelNotDone.of("not_confirmed", payment=prid, problem=exc) from None
        code = (
            CODE_EXPIRED
            if target is Status.EXPIRED
            else (CODE_TIMED_OUT if why == "timeout" else "CANCELLED")
        )
        message = CANCEL_MESSAGES.get(why, CANCEL_MESSAGES["operator"])
        return self._move(
            prid,
            target,
            "cancel",
            operator_cancel=operator,
            result_code=code,
            result_message=message,
        )

    def expire(self, payment_request_id: str) -> PaymentRecord:
        """The sale's time is up: one last inquiry (it may have been paid at the last
        second), then a cancel at the gateway recorded as EXPIRED. When the gateway cannot
        be reached the payment is returned unchanged, to be tried again."""
        with self._lock(payment_request_id), self._unrecorded(payment_request_id):
            rec = self._refresh(self.get(payment_request_id), resend=False)
            return rec if rec.is_final else self._expire(rec, "expiry")

    def _expire(self, rec: PaymentRecord, why: str = "expiry") -> PaymentRecord:
        """Past its expiry time and not final: cancel so it cannot be paid any more."""
        target = Status.EXPIRED if why == "expiry" else Status.CANCELLED
        if rec.status is Status.UNKNOWN and rec.result_code in UNVERIFIED_CODES:
            return self._cancel_unverified(rec, why)
        try:
            return self._cancel(rec, target, why)
        except CheckoutError as exc:
            log.info("%s", exc)
            return self.get(rec.payment_request_id)

    def _cancel_unverified(self, rec: PaymentRecord, why: str) -> PaymentRecord:
        """Time is up but no answer about the payment could be verified: the customer may
        have paid. Cancel it all the same (so it cannot be paid after the till gave up; a
        paid one gets its money back), but never record "not paid in time": the payment
        stays UNKNOWN, its message says what was tried and exactly what the cancel did,
        and recovery settles it once an answer verifies."""
        prid = rec.payment_request_id
        tried = sum(
            1
            for e in self.journal.events(prid)
            if e.kind == "response"
            and e.detail.get("api") == "inquiryPayment"
            and not e.detail.get("verified")
        )
        unverified = f"{tried} inquiry answer(s) could not be verified (last: {rec.result_message})"
        self._event(prid, "request", {"api": "cancel", "reason": why, "state": "unverified"})
        try:
            with self._calling(prid, "cancel"):
                resp = self.client.cancel(payment_request_id=prid)
            _check_cancel_answer(resp, rec)
        except GatewayError as exc:
            did = f"the cancel was not confirmed ({exc})"
            self._event(prid, "error", {"api": "cancel", "error": str(exc)})
        else:
            when = f" at {resp.cancel_time.isoformat()}" if resp.cancel_time else ""
            did = (
                f"the gateway confirmed the cancel{when}; had the customer paid, the "
                "cancel returns the money"
            )
            self._event(
                prid,
                "cancelled_unverified",
                {
                    "result": f"{resp.result.status} {resp.result.code}",
                    "cancel_time": resp.cancel_time,
                    "inquiries_unverified": tried,
                },
            )
        message = (
            f"{'expired' if why == 'expiry' else 'time is up'} but whether it was paid "
            f"is unknown: {unverified}; {did}. Run cashier recover to settle it"
        )
        return self.journal.update_payment(
            prid, result_code=CODE_UNVERIFIED, result_message=message[:1000]
        )

    # -- notifications --------------------------------------------------------------------
    def handle_notification(
        self, path: str, headers: Mapping[str, str], body: bytes
    ) -> PaymentRecord | RefundRecord:
        """Verify a notifyPayment or notifyRefund exactly as received, then apply it:
        the payment (or refund) record it settled is returned. Raises NotificationRejected
        (never acknowledge it) when it is not believable, or older than
        ``notification_tolerance`` seconds (a replay; a real resend carries a fresh
        time). Repeats are idempotent."""
        try:
            data = verify_notification(
                self.client.verifier, path, headers, body, expected_client_id=self.client.client_id
            )
            result = Result.parse(
                data,
                "notifyRefund" if data.get("notifyType") == "REFUND_RESULT" else "notifyPayment",
            )
        except GatewayError as exc:
            raise NotificationRejected.of("error", error=exc) from None
        self._check_fresh(headers)
        if data.get("notifyType") == "REFUND_RESULT":  # notifyRefund
            return self._refunds.apply_notification(data, result)
        prid = data.get("paymentRequestId")
        pid = data.get("paymentId")
        rec = self.journal.get_payment(prid) if isinstance(prid, str) and prid else None
        if rec is None and isinstance(pid, str) and pid:
            rec = self.journal.find_payment(pid)
        if rec is None:
            raise NotificationRejected.of(
                "notification_unknown_payment_paymentrequestid_paymentid", prid=prid, pid=pid
            )
        try:
            amount = Money.from_amount(data.get("paymentAmount"))
        except MoneyError as exc:
            raise NotificationRejected.of("notification_amount_unusable", exc=exc) from None
        if amount != rec.amount:
            raise NotificationRejected.of(
                "notification_amount_differs_from_journaled", amount=amount, amount_2=rec.amount
            )
        if isinstance(prid, str) and prid and prid != rec.payment_request_id:
            raise NotificationRejected.of(
                "notification_paymentrequestid_differs_from_journaled",
                prid=prid,
                payment_request_id=rec.payment_request_id,
            )
        if rec.payment_id and isinstance(pid, str) and pid and pid != rec.payment_id:
            raise NotificationRejected.of(
                "notification_paymentid_differs_from_journaled", pid=pid, payment_id=rec.payment_id
            )
        notify_type = data.get("notifyType") or "PAYMENT_RESULT"
        if notify_type not in NOTIFY_TYPES:  # e.g. a capture or refund notice: not ours here
            raise NotificationRejected.of(
                "notifytype_not_payment_result",
                notify_type=notify_type,
                notify_types=", ".join(NOTIFY_TYPES),
            )
        prid = rec.payment_request_id
        with self._lock(prid):
            self._event(
                prid,
                "notify",
                {"notifyType": notify_type, "status": result.status, "code": result.code},
            )
            if notify_type == "PAYMENT_PENDING" or result.status == "U":
                new = Status.PENDING
            else:
                new = from_antom_result(result.status, result.code, result.message).status
            changes: dict[str, Any] = {"result_code": result.code, "result_message": result.message}
            if isinstance(pid, str) and pid and not rec.payment_id:
                changes["payment_id"] = pid
            if new is Status.SUCCESS:
                changes["paid_at"] = _aware_time(data.get("paymentTime")) or self._clock()
            return self._move(prid, new, "notification", **changes)

    # -- refunds (checkout/refunds.py) ---------------------------------------------------
    def refund(
        self,
        payment_request_id: str,
        amount: Money | None = None,
        reason: str = "",
        approval: PinEntry | None = None,
        *,
        sale_till: str | None = None,
    ) -> RefundRecord:
        """Refund (part of) a paid payment; the whole rest when ``amount`` is None.
        Refused (RefundRefused, nothing sent) for a payment that is not SUCCESS or for more
        than is left; once operators are set up, a manager's ``approval`` is needed
        (ApprovalRequired / OperatorError otherwise). The refund row is journaled before
        the request is sent. Store mode: ``sale_till`` names the other till a sale was
        taken at (checkout/refunds.py: claimed at the store first)."""
        return self._refunds.refund(
            payment_request_id, amount, reason, approval, sale_till=sale_till
        )

    def refresh_refund(self, refund_request_id: str) -> RefundRecord:
        """One inquiryRefund for a refund that is not settled yet."""
        return self._refunds.refresh(refund_request_id)

    @property
    def _made_on(self) -> str:
        """What a new sale's journal row says it was made on (see PaymentRecord.made_on)."""
        return EMBEDDED_SANDBOX if self.embedded else ""

    # -- recovery ---------------------------------------------------------------------------
    def made_here(self, rec: PaymentRecord) -> bool:
        """Whether ``rec`` was made at this service's gateway as this client: only that
        gateway can say what became of it (another one would answer "no such payment").
        Rows journaled before the gateway was recorded go by their profile."""
        if rec.client_id and rec.client_id != self.client_id:
            return False
        if self.embedded or not rec.gateway_url:
            return True
        return rec.gateway_url.rstrip("/") == self.gateway_url.rstrip("/")

    def made_elsewhere(self) -> list[PaymentRecord]:
        """Non-final payments of this profile made at another gateway or as another client
        (the profile was changed since): recovery leaves them to that gateway."""
        return [r for r in self.journal.non_final_payments(self.profile) if not self.made_here(r)]

    def recover(
        self,
        *,
        cancel_pending: bool = True,
        resume: Callable[[PaymentRecord], bool] | None = None,
        payments: list[PaymentRecord] | None = None,
        leave_live: bool = False,
    ) -> list[PaymentRecord]:
        """Re-inquire every non-final payment of this profile and drive it final: a paid
        or failed one is recorded as such, an expired one cancelled (EXPIRED), an
        interrupted one still waiting for the customer cancelled (CANCELLED) unless
        ``cancel_pending`` is False or ``resume(record)`` is true (the till shows its code
        again). One the gateway has no record of is resent (identical ``pay``) and then
        cancelled while its ``pay`` could still be in flight, and FAILED only after that.
        Unreachable ones stay UNKNOWN for the next try. Unsettled refunds of this profile
        are re-inquired too.

        Only payments made at this gateway as this client are touched (``made_here``);
        ``payments`` (the CLI's selection, e.g. by gateway) replaces the profile's list.
        ``leave_live``: skip the sales this service created (the window's start-up
        recovery runs beside the operator's first sale, which it must never cancel)."""
        out: list[PaymentRecord] = []
        chosen = self.journal.non_final_payments(self.profile) if payments is None else payments
        for rec in chosen:
            if not self.made_here(rec):
                continue  # another gateway's
            if leave_live and self.created_here(rec.payment_request_id):
                continue  # a sale this running till is showing
            prid = rec.payment_request_id
            with self._lock(prid):
                fresh = self.get(prid)
                if fresh.is_final:  # settled since it was listed (its till finished it)
                    continue
                self._event(
                    prid, "recover", {"status": fresh.status.value, "gateway": self.gateway_url}
                )
                # Resend only on the gateway's "no such payment" (its pay may be in
                # flight), not to fetch a code nobody is waiting to scan.
                current = self._refresh(fresh, resend=True, fetch_code=False)
                if not current.is_final and current.status is not Status.UNKNOWN:
                    now = self._clock()
                    if current.expires_at is not None and now >= current.expires_at:
                        current = self._expire(current, "expiry")
                    elif cancel_pending and not (resume is not None and resume(current)):
                        current = self._expire(current, "recovery")
                out.append(current)
        wanted = None if payments is None else {r.payment_request_id for r in payments}
        for refund in self.journal.non_final_refunds():
            payment = self.journal.get_payment(refund.payment_request_id)
            if payment is None or not self.made_here(payment):
                continue
            if (
                payment.profile == self.profile
                if wanted is None
                else payment.payment_request_id in wanted
            ):
                self.refresh_refund(refund.refund_request_id)
        return out

    # -- the CLI loop -------------------------------------------------------------------
    def run_to_completion(
        self,
        payment_request_id: str,
        *,
        policy: PollPolicy | None = None,
        timeout: float | None = None,
        on_update: Callable[[PaymentRecord], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> PaymentRecord:
        """Poll until final. On expiry the payment is cancelled (EXPIRED); after
        ``timeout`` seconds it is cancelled (CANCELLED). Returns the last record, which is
        not final only when the gateway stayed unreachable. A journal failure on the way
        is PaymentMayBeTaken."""
        with self._unrecorded(payment_request_id):
            return self._run_to_completion(payment_request_id, policy, timeout, on_update, sleep)

    def _run_to_completion(
        self,
        payment_request_id: str,
        policy: PollPolicy | None,
        timeout: float | None,
        on_update: Callable[[PaymentRecord], None] | None,
        sleep: Callable[[float], None],
    ) -> PaymentRecord:
        policy = policy or PollPolicy()
        started = time.monotonic()
        attempt = 0
        rec = self.get(payment_request_id)
        while not rec.is_final:
            rec = self.refresh(payment_request_id)
            if on_update is not None:
                on_update(rec)
            if rec.is_final:
                break
            now = self._clock()
            if policy.should_cancel(now, rec.expires_at):
                with self._lock(payment_request_id):
                    rec = self._expire(self.get(payment_request_id), "expiry")
                if on_update is not None:
                    on_update(rec)
                if rec.is_final:
                    break
            delay = policy.next_delay(attempt, now, rec.expires_at)
            attempt += 1
            if delay is None:
                break  # deadline passed without a verified final state
            if timeout is not None:
                remaining = timeout - (time.monotonic() - started)
                if remaining <= 0:
                    # The caller's time is up; the cancel that stops the customer paying
                    # later gets a short time of its own.
                    with (
                        self._lock(payment_request_id),
                        self.client.time_limit(CANCEL_GRACE_SECONDS),
                    ):
                        rec = self._expire(self.get(payment_request_id), "timeout")
                    if on_update is not None:
                        on_update(rec)
                    break
                delay = min(delay, remaining)
            sleep(delay)
        return rec

    # -- plumbing -------------------------------------------------------------------------
    def _check_fresh(self, headers: Mapping[str, str]) -> None:
        if self.notification_tolerance is None:
            return
        sent = next((v for k, v in headers.items() if k.lower() == "request-time"), "")
        age = (self._clock() - parse_header_time(sent, "request-time")).total_seconds()
        if age > self.notification_tolerance:
            raise NotificationRejected.of(
                "notification_request_time_s_old_more",
                sent=sent,
                age=f"{age:.0f}",
                notification_tolerance=f"{self.notification_tolerance:g}",
            )

    @contextmanager
    def _unrecorded(self, prid: str) -> Iterator[None]:
        """A journal failure once ``pay`` may have left is not "no payment taken": it is
        PaymentMayBeTaken (recovery settles it when the journal works again)."""
        try:
            yield
        except JournalError as exc:
            raise PaymentMayBeTaken.for_payment(prid, str(exc)) from None

    @contextmanager
    def _lock(self, payment_request_id: str) -> Iterator[None]:
        # One lock per payment while anyone holds or waits for it; then it is let go, so a
        # till that runs for days does not keep a lock for every sale it ever made.
        with self._locks_guard:
            entry = self._locks.get(payment_request_id)
            if entry is None:
                entry = self._locks[payment_request_id] = _PaymentLock()
            entry.users += 1
        try:
            with entry.lock:
                yield
        finally:
            with self._locks_guard:
                entry.users -= 1
                if entry.users == 0 and self._locks.get(payment_request_id) is entry:
                    del self._locks[payment_request_id]

    @contextmanager
    def _calling(self, prid: str, step: str) -> Iterator[None]:
        """Run one client call, journaling each HTTP attempt; crash points for the tests."""
        sent_step = {"pay": "pay_sent", "poll": "poll_sent"}.get(step)

        def on_answer(api: str) -> None:
            if sent_step is not None:
                crash_point(sent_step)

        with self.client.capture(on_answer=on_answer) as exchanges:
            try:
                yield
            finally:
                for x in exchanges:
                    self._event(prid, "response", _exchange_detail(x), x.elapsed_ms)

    def _move(
        self, prid: str, new: Status, source: str, *, operator_cancel: bool = False, **changes: Any
    ) -> PaymentRecord:
        """Apply a status (and field changes) if the state machine allows it; a late or
        repeated status is journaled as an event and changes nothing."""
        current = self.get(prid)
        try:
            changed = check_transition(current.status, new, operator_cancel=operator_cancel)
        except IllegalTransition as exc:
            self._event(
                prid,
                "ignored",
                {
                    "source": source,
                    "status": new.value,
                    "code": changes.get("result_code", ""),
                    "reason": str(exc),
                },
            )
            return current
        if not changed:
            fill = {
                k: v
                for k, v in changes.items()
                if k in ("payment_id", "normal_url", "scheme_url", "applink_url", "code_value")
                and v
                and not getattr(current, k)
            }
            if current.is_final or not fill:
                if current.is_final:
                    self._event(prid, "duplicate", {"source": source, "status": new.value})
                return current
            return self._payment_changed(self.journal.update_payment(prid, **fill))
        updated = self.journal.update_payment(prid, status=new, **changes)
        self._event(
            prid,
            "state",
            {
                "from": current.status.value,
                "to": new.value,
                "source": source,
                "code": changes.get("result_code", ""),
            },
        )
        return self._payment_changed(updated)

    def _payment_changed(self, rec: PaymentRecord) -> PaymentRecord:
        self.changes.publish(JournalChange(PAYMENT, rec.payment_request_id, rec.status))
        return rec

    def _refund_changed(self, refund: RefundRecord) -> RefundRecord:
        self.changes.publish(
            JournalChange(
                REFUND, refund.payment_request_id, refund.status, refund.refund_request_id
            )
        )
        return refund

    def _unreachable(self, prid: str, api: str, exc: GatewayError) -> PaymentRecord:
        """No verified answer: the payment's fate is unknown (never FAILED on a guess)."""
        self._event(prid, "error", {"api": api, "error": str(exc), "type": type(exc).__name__})
        return self._move(
            prid, Status.UNKNOWN, api, result_code=local_code(exc), result_message=str(exc)
        )

    def _event(
        self, prid: str, kind: str, detail: dict[str, Any], elapsed_ms: float | None = None
    ) -> None:
        self.journal.add_event(prid, kind, detail, elapsed_ms, operator=self.session.operator_name)
        level = _EVENT_LEVELS.get(kind, logging.DEBUG)
        if log.isEnabledFor(level):  # every journal event is a log line too
            log.log(
                level,
                "payment %s %s %s",
                prid,
                kind,
                " ".join(f"{k}={v}" for k, v in detail.items()),
            )
