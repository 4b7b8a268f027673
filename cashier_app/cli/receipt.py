"""``cashier receipt``: a sale's (or a refund's) receipt as PDF, or as plain text."""

from __future__ import annotations

import argparse
from typing import Any

from cashier_app.cli import CliError, exit_code_for
from cashier_app.cli.history import open_journal
from cashier_app.cli.report import merchant_name
from cashier_app.cli.text import language, t


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "receipt",
        help="save a payment's receipt as PDF (or print it as text)",
        description="Write the receipt of a journaled payment (or of one of its refunds): "
        "merchant, amount, wallet, paymentId, time, status and, for Alipay+ "
        "wallets, the Alipay+ mark.",
    )
    p.add_argument(
        "payment_request_id",
        metavar="PAYMENT_REQUEST_ID",
        help="the payment's paymentRequestId (or the gateway's paymentId)",
    )
    p.add_argument("--pdf", metavar="FILE", help="write the receipt as PDF")
    p.add_argument(
        "--paper",
        choices=("80mm", "a4"),
        default="80mm",
        help="PDF layout: an 80 mm thermal roll (default) or an A4 page",
    )
    p.add_argument("--text", action="store_true", help="print the receipt as plain text")
    p.add_argument(
        "--escpos",
        action="store_true",
        help="print it on this till's ESC/POS printer (see 'cashier printer')",
    )
    p.add_argument(
        "--refund",
        metavar="REFUND_REQUEST_ID",
        help="the receipt of this refund instead of the sale",
    )
    p.add_argument(
        "--merchant", metavar="NAME", help="merchant name (default: the active profile's)"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from cashier_app.journal import JournalError
    from cashier_app.reports.eod import ReportError
    from cashier_app.reports.receipts import (
        lookup_receipt,
        receipt_data,
        receipt_text,
        write_receipt_pdf,
    )

    if not args.pdf and not args.text and not args.escpos:
        raise CliError.of("say_where_receipt_goes_pdf_file")
    journal = open_journal()
    try:
        rec, refunds, refund = lookup_receipt(journal, args.payment_request_id, args.refund or "")
    except LookupError as exc:  # an unknown id is a bad argument
        raise CliError.of("error", error=exc) from None
    except JournalError as exc:
        raise CliError.of("error", error=exc, exit_code=exit_code_for(exc)) from None
    finally:
        journal.close()
    merchant = merchant_name(args.merchant)
    lang = language()  # the receipt is in the operator's language, as the CLI speaks
    data = receipt_data(rec, refunds, merchant, refund=refund, lang=lang)
    if args.text:
        print(receipt_text(data), end="")
    if args.pdf:
        try:
            write_receipt_pdf(
                rec, refunds, merchant, args.pdf, refund=refund, paper=args.paper, lang=lang
            )
        except ReportError as exc:
            raise CliError.of("error", error=exc, exit_code=1) from None
        if not args.text:
            print(t("receipt of %1 written to %2", rec.payment_request_id, args.pdf))
    if args.escpos:
        from cashier_app.till.escpos_printer import PrinterError, print_receipt
        from cashier_app.till.printer_config import PrinterConfigError, load_printer_config

        try:
            print_receipt(load_printer_config(), data)
        except (PrinterConfigError, PrinterError) as exc:
            raise CliError.of("error", error=exc, exit_code=1) from None
        print(t("receipt of %1 sent to the printer", rec.payment_request_id))
    return 0
