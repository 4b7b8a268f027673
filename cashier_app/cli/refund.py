"""``cashier refund``: refund all or part of a successful payment from the journal.

Everything that can be checked locally is checked before any gateway is contacted: an
unknown id, a payment that is not SUCCESS, an amount above what is left to refund.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from cashier_app.cli import CliError
from cashier_app.cli.errors import Doing
from cashier_app.cli.gateway_options import add_gateway_options, gateway_from_args, open_services
from cashier_app.cli.history import open_journal
from cashier_app.cli.operator_auth import add_operator_options, approval, sign_in
from cashier_app.cli.text import t


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "refund",
        help="refund all or part of a successful payment",
        description="Refund a successful payment (the whole rest, or --amount). Refused, "
        "with nothing sent, for an unknown payment, a payment that did not "
        "succeed, or more than is left to refund. Without gateway options the "
        "payment's recorded profile is used. Exit 0 only when the refund "
        "succeeded.",
    )
    p.add_argument(
        "payment_request_id",
        metavar="PAYMENT_REQUEST_ID",
        help="the payment's paymentRequestId (or the gateway's paymentId)",
    )
    p.add_argument(
        "--amount", metavar="A", help="amount to refund, e.g. 5.00 (default: all that is left)"
    )
    p.add_argument("--reason", default="", metavar="R", help="refund reason (<= 256 chars)")
    add_gateway_options(p)
    add_operator_options(p, approval=True)
    p.add_argument("--json", action="store_true", help="print the refund as JSON")
    p.set_defaults(run=run)


#: A currency with the most decimals we support: checks an amount's form before its
#: payment (and so its currency) is known; the payment's own currency is checked after.
_WIDEST_CURRENCY = "HKD"


def _check(args: argparse.Namespace) -> tuple[Any, Any]:
    """The payment and the refund amount (None: all that is left), checked locally."""
    from cashier_app.domain.money import Money, MoneyError
    from cashier_app.journal import JournalError

    if len(args.reason) > 256:
        raise CliError.of("reason_longer_than_256_characters")
    if args.amount is not None:  # its form first: a typo is reported before any look-up
        try:
            Money.parse(args.amount, _WIDEST_CURRENCY)
        except MoneyError as exc:
            raise CliError.of("amount", exc=exc) from None
    journal = open_journal()
    try:
        rec = journal.find_payment(args.payment_request_id.strip())
        if rec is None:  # a bad argument, like a bad amount (exit 2)
            raise CliError.of("no_payment_journal", payment_request_id=args.payment_request_id)
        if rec.status.value != "SUCCESS":
            raise CliError.of(
                "payment_only_successful_payment_can_refunded",
                payment_request_id=rec.payment_request_id,
                value=rec.status.value,
                exit_code=1,
            )
        left = rec.amount.value - journal.refunded_total(rec.payment_request_id)
    except JournalError as exc:
        raise CliError.of("error", error=exc, exit_code=1) from None
    finally:
        journal.close()
    if left <= 0:
        raise CliError.of(
            "payment_already_fully_refunded", payment_request_id=rec.payment_request_id, exit_code=1
        )
    amount = None
    if args.amount is not None:
        try:
            amount = Money.parse(args.amount, rec.amount.currency)
        except MoneyError as exc:
            raise CliError.of("amount", exc=exc) from None
        if amount.value > left:
            raise CliError.of(
                "amount_more_than_left_refund_payment",
                amount=amount,
                left=Money(left, rec.amount.currency),
                payment_request_id=rec.payment_request_id,
                exit_code=1,
            )
    if len(args.reason) > 256:
        raise CliError.of("reason_longer_than_256_characters")
    return rec, amount


def run(args: argparse.Namespace) -> int:
    from cashier_app.checkout.errors import CheckoutError
    from cashier_app.journal import JournalError

    rec, amount = _check(args)
    gateway = gateway_from_args(args)
    if gateway is not None and rec.client_id and gateway[1] != rec.client_id:
        raise CliError.of(
            "payment_was_taken_client_id_not",
            payment_request_id=rec.payment_request_id,
            client_id=rec.client_id,
            given=gateway[1],
            exit_code=1,
        )
    profile = args.profile or rec.profile
    services = open_services(
        gateway,
        None if gateway else profile,
        Doing.of("refund", payment_request_id=rec.payment_request_id),
        dialect=args.dialect,
    )
    with services:
        from cashier_app.operators import OperatorError

        sign_in(args, services.session)
        try:
            refund = services.checkout.refund(
                rec.payment_request_id, amount, args.reason, approval(args, services.session)
            )
        except (CheckoutError, OperatorError) as exc:
            raise CliError.of("error", error=exc, exit_code=1) from None
        except JournalError as exc:
            raise CliError.of("journal_unusable_no_refund_sent", exc=exc, exit_code=1) from None
    out = {
        "refund_request_id": refund.refund_request_id,
        "refund_id": refund.refund_id,
        "payment_request_id": refund.payment_request_id,
        "status": refund.status.value,
        "result_code": refund.result_code,
        "result_message": refund.result_message,
        "amount": refund.amount.decimal_str(),
        "currency": refund.amount.currency,
    }
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
    else:
        code = f" ({refund.result_code})" if refund.result_code else ""
        print(
            t(
                "refund %1: %2 %3 of %4 refundRequestId=%5 refundId=%6",
                t(out["status"]) + code,
                out["amount"],
                out["currency"],
                out["payment_request_id"],
                out["refund_request_id"],
                out["refund_id"] or "-",
            )
        )
    return 0 if refund.status.value == "SUCCESS" else 1
