"""Errors the checkout service raises to its callers (GUI and CLI map them to messages)."""

from __future__ import annotations

from typing import ClassVar

from cashier_app.domain.errors import CashierError


class CheckoutError(CashierError):
    """A checkout operation that cannot be done; the message says why."""

    layer = "checkout"
    MESSAGES: ClassVar[dict[str, str]] = {
        "no_store_details": "no store details",
        "no_refund_journal": "no refund {refund_request_id!r} in the journal",
        "does_not_accept_accepts": "{name_en} does not accept {currency} (it accepts {currencies})",
        "reference_order_id_longer_than_64": "reference order id is longer than 64 characters",
        "store_payments_need_profile_s_store": "in-store payments need the profile's store "
        "details (merchant and store ids, MCCs, terminal id): {exc}",
        "store_scenario_not_one": "in-store scenario {scenario!r} is not one of "
        "{in_store_scenarios}",
        "does_not_accept": "{name_en} does not accept {currency}",
    }


class UnknownPayment(CheckoutError):
    """No payment with that id in the journal."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "no_payment_journal": "no payment {payment_request_id!r} in the journal",
    }


class CancelNotDone(CheckoutError):
    """The gateway refused a cancel, or did not confirm it; the payment is as it was."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "refused": "the gateway did not cancel payment {payment}: {code}",
        "not_confirmed": "cancel of payment {payment} is not confirmed: {problem}",
    }


class RefundRefused(CheckoutError):
    """A refund that was refused before anything was sent (``reason`` says why)."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "not_paid": "payment {payment} is {status}; only a successful payment can be refunded",
        "no_payment_id": "payment {payment} has no gateway paymentId",
        "fully_refunded": "payment {payment} is already fully refunded",
        "other_currency": "refund currency {currency} differs from the payment's {paid}",
        "too_much": "refund of {amount} is more than the {left} left to refund",
        "reason_too_long": "refund reason is longer than 256 characters",
        "not_in_store": "payment {payment} of till {till} is not at the store (yet): refund "
        "it at till {till}",
        "other_profile": "payment {payment} was taken with merchant profile {profile}, not "
        "this till's {here}: refund it at till {till}",
    }

    @property
    def reason(self) -> str:
        return str(self)


class NotificationRejected(CheckoutError):
    """A notification that was not believed or does not match the journaled payment."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "notifyrefund_unknown_refund_refundrequestid": "notifyRefund for an unknown refund "
        "(refundRequestId {rrid!r})",
        "notifyrefund_refundid_differs_from_journaled": "notifyRefund refundId {refund_id!r} "
        "differs from the journaled {refund_id_2!r}",
        "notifyrefund_amount_unusable": "notifyRefund amount is unusable: {exc}",
        "notifyrefund_amount_differs_from_journaled": "notifyRefund amount {amount} differs from "
        "the journaled {amount_2}",
        "notifyrefund_refundstatus_not_success_fail": "notifyRefund refundStatus "
        "{refund_status!r} is not SUCCESS or FAIL",
        "error": "{error}",
        "notification_unknown_payment_paymentrequestid_paymentid": "notification for an unknown "
        "payment (paymentRequestId {prid!r}, paymentId {pid!r})",
        "notification_amount_unusable": "notification amount is unusable: {exc}",
        "notification_amount_differs_from_journaled": "notification amount {amount} differs from "
        "the journaled {amount_2}",
        "notification_paymentrequestid_differs_from_journaled": "notification paymentRequestId "
        "{prid!r} differs from the journaled {payment_request_id!r}",
        "notification_paymentid_differs_from_journaled": "notification paymentId {pid!r} differs "
        "from the journaled {payment_id!r}",
        "notifytype_not_payment_result": "notifyType {notify_type!r} is not a payment result "
        "({notify_types})",
        "notification_request_time_s_old_more": "notification request-time {sent} is {age} s old, "
        "more than the {notification_tolerance} s accepted (a replay?)",
    }


class TillBusy(CheckoutError):
    """Another live cashier process owns the profile (its till lock): this one may not
    create a sale of it (one owner per sale). Nothing was journaled or sent."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "till_busy": "another cashier process (pid {pid}) is using profile '{profile}'; one "
        "till at a time takes its sales: no payment was taken",
        "till_busy_no_pid": "another cashier process is using profile '{profile}'; one till "
        "at a time takes its sales: no payment was taken",
    }

    @classmethod
    def for_profile(cls, profile: str, holder: str = "") -> TillBusy:
        return (
            cls.of("till_busy", profile=profile, pid=holder)
            if holder
            else cls.of("till_busy_no_pid", profile=profile)
        )


class PaymentMayBeTaken(CheckoutError):
    """The journal failed (a full disk, an I/O error) after the payment's ``pay`` may have
    left: what the gateway did is not recorded, so the payment may have been taken.
    ``payment_request_id`` names it; ``cashier recover`` settles it once the journal can be
    written again. Never "no payment taken"."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "journal_failed_after_send": "the journal could not record payment {payment} "
        "({problem}): the payment may have been taken; free "
        "disk space, then run cashier recover",
    }

    @classmethod
    def for_payment(cls, payment_request_id: str, problem: str) -> PaymentMayBeTaken:
        error = cls.of("journal_failed_after_send", payment=payment_request_id, problem=problem)
        error.payment_request_id = payment_request_id
        return error

    payment_request_id: str = ""


class SignInRequired(CheckoutError):
    """Operators are set up and nobody is signed in at this till: no sale is taken."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "sign_in_first": "sign in first: operators are set up at this till, and every sale "
        "records who took it",
    }


class ApprovalRequired(CheckoutError):
    """A manager's PIN is needed and none was given; nothing was sent or journaled."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "approve_refund": "a manager's PIN is needed to refund",
        "approve_cancel_paid": "a manager's PIN is needed to cancel a paid payment",
        "approve_setup": "a manager's PIN is needed to change profiles, keys or operators",
    }
