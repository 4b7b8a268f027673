"""Refunds of paid payments: checked against what is left, journaled first, then sent."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

from cashier_app.checkout.codes import local_code
from cashier_app.checkout.errors import CheckoutError, NotificationRejected, RefundRefused
from cashier_app.checkout.ids import new_request_id
from cashier_app.checkout.operators import REFUND
from cashier_app.domain.money import Money, MoneyError
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import PaymentRecord, RefundRecord
from cashier_app.gateway.errors import GatewayError, GatewayResultError, MalformedResponse
from cashier_app.gateway.responses import Result
from cashier_app.operators import PinEntry

if TYPE_CHECKING:
    from cashier_app.checkout.service import CheckoutService


class Claim(Protocol):
    @property
    def left(self) -> int:
        """Minor units left to refund before this refund."""

    @property
    def granted(self) -> int:
        """Minor units held for this refund (0: refused)."""


class StoreRefundsPort(Protocol):
    """What the store offers refunds (``store.refunds.StoreRefunds``; set by app.py)."""

    till_id: str

    def sale(self, till_id: str, payment_request_id: str) -> PaymentRecord | None: ...

    def claim(
        self,
        sale_till: str,
        sale: PaymentRecord,
        refund_request_id: str,
        amount_minor: int | None,
        local: Iterable[RefundRecord],
        *,
        required: bool = True,
    ) -> Claim | None: ...


class Refunds:
    """The refund half of CheckoutService (which delegates ``refund``/``refresh_refund``)."""

    def __init__(self, service: CheckoutService) -> None:
        self.service = service

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
        than is left. The refund row is journaled before the request is sent.

        Store mode (``service.store_refunds``): ``sale_till`` names the till a sale of
        another till was taken at (read from the store, same merchant profile only); the
        refund's amount is claimed at the store first, so that tills refunding one sale at
        once never refund more than was paid. With the store unreachable a sale of another
        till is refused (StoreError, nothing written); this till's own sale is refunded on
        its journal alone."""
        store = self.service.store_refunds
        with self.service._lock(payment_request_id):
            rec = self.service.journal.get_payment(payment_request_id)
            origin = self.service.journal.origin_till(payment_request_id) if rec else None
            if rec is None and store is not None and sale_till and sale_till != store.till_id:
                rec = self._other_tills_sale(store, sale_till, payment_request_id)
                origin = sale_till
            elif rec is None:
                rec = self.service.get(payment_request_id)  # raises: not in the journal
            if rec.status is not Status.SUCCESS:
                raise RefundRefused.of(
                    "not_paid", payment=payment_request_id, status=rec.status.value
                )
            if not rec.payment_id:
                raise RefundRefused.of("no_payment_id", payment=payment_request_id)
            left = rec.amount.value - self.service.journal.refunded_total(payment_request_id)
            if left <= 0:
                raise RefundRefused.of("fully_refunded", payment=payment_request_id)
            if amount is not None and amount.currency != rec.amount.currency:
                raise RefundRefused.of(
                    "other_currency", currency=amount.currency, paid=rec.amount.currency
                )
            if amount is not None and amount.value > left:
                raise RefundRefused.of("too_much", amount=amount, left=Money(left, amount.currency))
            if len(reason) > 256:
                raise RefundRefused.of("reason_too_long")
            # Checked last: a refund refused anyway costs the manager no PIN try.
            manager = self.service.session.approve(approval, REFUND)
            refund_request_id = new_request_id("R")  # the claim's, the journal's, the gateway's
            if store is not None:
                claim = store.claim(
                    origin or store.till_id,
                    rec,
                    refund_request_id,
                    amount.value if amount is not None else None,
                    self.service.journal.refunds_for(payment_request_id),
                    required=origin is not None,
                )
                if claim is not None and claim.granted <= 0:
                    if claim.left <= 0:
                        raise RefundRefused.of("fully_refunded", payment=payment_request_id)
                    asked = amount if amount is not None else Money(left, rec.amount.currency)
                    raise RefundRefused.of(
                        "too_much", amount=asked, left=Money(claim.left, rec.amount.currency)
                    )
                if claim is not None:
                    left = claim.granted
            if amount is None:
                amount = Money(left, rec.amount.currency)
            if origin is not None:
                self.service.journal.import_sale(rec, origin)
            now = self.service._clock()
            refund = RefundRecord(
                refund_request_id,
                payment_request_id,
                amount,
                Status.PENDING,
                now,
                now,
                reason=reason,
                operator=self.service.session.operator_name or manager or None,
                approved_by=manager or None,
            )
            self.service.journal.create_refund(refund)
            self.service._refund_changed(refund)
            self.service._event(
                payment_request_id,
                "refund",
                {
                    "refund_request_id": refund.refund_request_id,
                    "amount": amount.decimal_str(),
                    "currency": amount.currency,
                    **({"approved_by": manager} if manager else {}),
                    **({"sale_till": origin} if origin else {}),
                },
            )
            return self._send_refund(rec, refund)

    def _other_tills_sale(
        self, store: StoreRefundsPort, sale_till: str, payment_request_id: str
    ) -> PaymentRecord:
        """Till ``sale_till``'s sale as the store has it, when this till may refund it."""
        rec = store.sale(sale_till, payment_request_id)  # StoreError: store unreachable
        if rec is None:
            raise RefundRefused.of("not_in_store", payment=payment_request_id, till=sale_till)
        here = self.service.profile
        if rec.profile != here or (rec.client_id and rec.client_id != self.service.client_id):
            raise RefundRefused.of(
                "other_profile",
                payment=payment_request_id,
                profile=rec.profile,
                here=here,
                till=sale_till,
            )
        return rec

    def _send_refund(self, rec: PaymentRecord, refund: RefundRecord) -> RefundRecord:
        prid, rrid = rec.payment_request_id, refund.refund_request_id
        try:
            with self.service._calling(prid, "refund"):
                resp = self.service.client.refund(
                    rrid,
                    rec.payment_id,
                    refund.amount,
                    refund.reason,
                    notify_url=self.service.notify_url,
                )
        except GatewayResultError as exc:
            status = Status.FAILED if exc.result_status == "F" else Status.UNKNOWN
            return self._refund_moved(
                prid, rrid, status, result_code=exc.result_code, result_message=exc.result_message
            )
        except GatewayError as exc:
            return self._refund_moved(
                prid, rrid, Status.UNKNOWN, result_code=local_code(exc), result_message=str(exc)
            )
        mismatch = _mismatch(
            "refund",
            refund,
            resp.refund_request_id,
            resp.refund_amount,
            payment_id=(resp.payment_id, rec.payment_id),
        )
        if mismatch:
            return self._refund_moved(
                prid,
                rrid,
                Status.UNKNOWN,
                result_code=local_code(mismatch),
                result_message=str(mismatch),
            )
        if resp.result.status == "S":
            return self._refund_moved(
                prid,
                rrid,
                Status.SUCCESS,
                refund_id=resp.refund_id,
                result_code=resp.result.code,
                result_message=resp.result.message,
                refunded_at=resp.refund_time or self.service._clock(),
            )
        return self._refund_moved(
            prid,
            rrid,
            Status.PENDING,
            refund_id=resp.refund_id,
            result_code=resp.result.code,
            result_message=resp.result.message,
        )

    def refresh(self, refund_request_id: str) -> RefundRecord:
        """One inquiryRefund for a refund that is not settled yet."""
        refund = self.service.journal.get_refund(refund_request_id)
        if refund is None:
            raise CheckoutError.of("no_refund_journal", refund_request_id=refund_request_id)
        if refund.status in (Status.SUCCESS, Status.FAILED):
            return refund
        prid = refund.payment_request_id
        try:
            with self.service._calling(prid, "refund-poll"):
                resp = self.service.client.inquiry_refund(refund_request_id=refund_request_id)
        except GatewayResultError as exc:
            if exc.result_status == "F" and exc.result_code == "REFUND_NOT_EXIST":
                return self._refund_moved(
                    prid,
                    refund_request_id,
                    Status.FAILED,
                    result_code=exc.result_code,
                    result_message="the gateway has no such refund",
                )
            return self._refund_moved(
                prid,
                refund_request_id,
                Status.UNKNOWN,
                result_code=exc.result_code,
                result_message=exc.result_message,
            )
        except GatewayError as exc:
            return self._refund_moved(
                prid,
                refund_request_id,
                Status.UNKNOWN,
                result_code=local_code(exc),
                result_message=str(exc),
            )
        mismatch = _mismatch("inquiryRefund", refund, resp.refund_request_id, resp.refund_amount)
        if mismatch:
            return self._refund_moved(
                prid,
                refund_request_id,
                Status.UNKNOWN,
                result_code=local_code(mismatch),
                result_message=str(mismatch),
            )
        status = {"SUCCESS": Status.SUCCESS, "FAIL": Status.FAILED}.get(
            resp.refund_status, Status.PENDING
        )
        changes: dict[str, Any] = {"result_code": resp.refund_status or resp.result.code}
        failure = resp.raw.get("refundResultCode")
        if status is Status.FAILED and isinstance(failure, str) and failure:
            changes["result_code"] = failure  # why it failed, not just "FAIL"
            changes["result_message"] = str(resp.raw.get("refundResultMessage") or "")
        if resp.refund_id:
            changes["refund_id"] = resp.refund_id
        if status is Status.SUCCESS:
            changes["refunded_at"] = resp.refund_time or self.service._clock()
        return self._refund_moved(prid, refund_request_id, status, **changes)

    def apply_notification(self, data: dict[str, Any], result: Result) -> RefundRecord:
        """A verified notifyRefund: settle the journaled refund it names. Repeats and late
        ones change nothing (first final state wins). Raises NotificationRejected for a
        refund we did not make or one whose amount or refundId differs."""
        rrid = data.get("refundRequestId")
        refund = self.service.journal.get_refund(rrid) if isinstance(rrid, str) and rrid else None
        if refund is None:
            raise NotificationRejected.of("notifyrefund_unknown_refund_refundrequestid", rrid=rrid)
        refund_id = data.get("refundId")
        if refund.refund_id and isinstance(refund_id, str) and refund_id != refund.refund_id:
            raise NotificationRejected.of(
                "notifyrefund_refundid_differs_from_journaled",
                refund_id=refund_id,
                refund_id_2=refund.refund_id,
            )
        try:
            amount = Money.from_amount(data.get("refundAmount"))
        except MoneyError as exc:
            raise NotificationRejected.of("notifyrefund_amount_unusable", exc=exc) from None
        if amount != refund.amount:
            raise NotificationRejected.of(
                "notifyrefund_amount_differs_from_journaled", amount=amount, amount_2=refund.amount
            )
        refund_status = data.get("refundStatus") or ("SUCCESS" if result.status == "S" else "FAIL")
        status = {"SUCCESS": Status.SUCCESS, "FAIL": Status.FAILED}.get(str(refund_status))
        if status is None:
            raise NotificationRejected.of(
                "notifyrefund_refundstatus_not_success_fail", refund_status=refund_status
            )
        prid = refund.payment_request_id
        with self.service._lock(prid):
            current = self.service.journal.get_refund(refund.refund_request_id)
            assert current is not None
            self.service._event(
                prid,
                "notify",
                {
                    "notifyType": "REFUND_RESULT",
                    "refund_request_id": current.refund_request_id,
                    "status": result.status,
                    "code": result.code,
                },
            )
            if current.status in (Status.SUCCESS, Status.FAILED):
                self.service._event(
                    prid, "duplicate", {"source": "notifyRefund", "status": status.value}
                )
                return current
            changes: dict[str, Any] = {
                "result_code": result.code if status is Status.FAILED else "SUCCESS",
                "result_message": result.message,
            }
            if isinstance(refund_id, str) and refund_id and not current.refund_id:
                changes["refund_id"] = refund_id
            if status is Status.SUCCESS:
                changes["refunded_at"] = (
                    _aware_time(data.get("refundTime")) or self.service._clock()
                )
            return self._refund_moved(prid, current.refund_request_id, status, **changes)

    def _refund_moved(self, prid: str, rrid: str, status: Status, **changes: Any) -> RefundRecord:
        updated = self.service.journal.update_refund(rrid, status=status, **changes)
        self.service._event(
            prid,
            "refund_state",
            {"refund_request_id": rrid, "to": status.value, "code": changes.get("result_code", "")},
        )
        return self.service._refund_changed(updated)


def _aware_time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.astimezone(UTC) if parsed.tzinfo is not None else None


def _mismatch(
    api: str,
    refund: RefundRecord,
    refund_request_id: str,
    amount: Money | None,
    payment_id: tuple[str, str] = ("", ""),
) -> MalformedResponse | None:
    """Why a verified answer is about another refund (then it is not believed), or None."""
    got, ours = payment_id
    if refund_request_id and refund_request_id != refund.refund_request_id:
        return MalformedResponse.of("refund_answer_other_refund", api=api, rrid=refund_request_id)
    if amount is not None and amount != refund.amount:
        return MalformedResponse.of(
            "refund_answer_amount_differs", api=api, amount=amount, journaled=refund.amount
        )
    if got and ours and got != ours:
        return MalformedResponse.of("refund_answer_other_payment", api=api, got=got, ours=ours)
    return None
