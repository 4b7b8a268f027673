"""Operator-visible words of in-store sales: why a scanned code did not pay, and how a sale
was paid (the customer's code only masked). Context "InStore" in resources/i18n."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cashier_app.checkout.instore import FailureReason, failure_reason
from cashier_app.domain.records import PaymentRecord
from cashier_app.ui.reasons import code_reason
from cashier_app.ui.text import fill

#: Named so that pyside6-lupdate finds the texts.
translate = QCoreApplication.translate


def reason_text(record: PaymentRecord) -> str:
    """Why a scanned code did not pay, in the operator's language."""
    reason = failure_reason(record.result_code)
    texts = {
        FailureReason.CODE: translate(
            "InStore",
            "The payment code is invalid or has expired. Ask the customer to "
            "refresh it and scan again.",
        ),
        FailureReason.BALANCE: translate("InStore", "The customer's wallet balance is not enough."),
        FailureReason.RISK: translate("InStore", "The wallet's risk control refused this payment."),
        FailureReason.LIMIT: translate(
            "InStore", "The payment is over the customer's wallet limit."
        ),
        FailureReason.DECLINED: translate(
            "InStore", "The customer declined the payment in the wallet."
        ),
        FailureReason.WALLET: translate(
            "InStore", "This wallet cannot pay here (wallet or currency not accepted)."
        ),
        FailureReason.TIMEOUT: translate(
            "InStore", "The customer did not confirm in time; the payment was cancelled."
        ),
    }
    if reason in texts:
        return texts[reason]
    if code_reason(record.result_code, record.status):
        return code_reason(record.result_code, record.status)
    return fill(
        translate("InStore", "The payment did not go through (%1)."),
        record.result_code or record.status.value,
    )


def scenario_text(record: PaymentRecord) -> str:
    """How an in-store sale was paid, for result, history and receipts ("" online)."""
    if record.scenario == "PaymentCode":
        return fill(translate("InStore", "In-store · scanned code %1"), record.masked_code or "—")
    if record.scenario == "OrderCode":
        return translate("InStore", "In-store · order code")
    return ""


def scenario_short(record: PaymentRecord) -> str:
    """The scenario in a few words, for a list column."""
    if record.scenario == "PaymentCode":
        return translate("InStore", "scanned code")
    if record.scenario == "OrderCode":
        return translate("InStore", "order code")
    return ""
