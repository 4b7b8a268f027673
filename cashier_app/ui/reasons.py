"""Why a payment ended as it did, in the operator's language, from its result code.

The journal keeps the gateway's ``resultCode`` and its English ``resultMessage`` as they
came (for support and the QA console); what the operator reads is rendered here from the
code, so it is the same sentence in every language and for every gateway. The code
meanings are Antom's (docs/antom-protocol.md §8, the result-code table) plus the local
codes of ``checkout.codes``. An unknown code is named, never hidden. Context "Reason" in
resources/i18n.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from cashier_app.checkout.codes import CANCEL_MESSAGES
from cashier_app.domain.outcome import Status
from cashier_app.ui.text import fill

if TYPE_CHECKING:  # the probe pulls in the gateway client: not before the first paint
    from cashier_app.checkout.probe import ProbeResult
    from cashier_app.domain.records import PaymentRecord

#: Named so that pyside6-lupdate finds the texts.
translate = QCoreApplication.translate


def _texts() -> dict[str, str]:
    """Result code -> the operator's sentence (built per call: the language may change)."""
    same_code = translate("Reason", "The payment code is invalid or has expired.")
    refused_format = translate("Reason", "The gateway refused the form of the request.")
    bad_client = translate("Reason", "The gateway does not accept this profile's client id.")
    return {
        # the payer and the wallet
        "USER_REJECTED": translate("Reason", "The customer declined the payment in the wallet."),
        "USER_BALANCE_NOT_ENOUGH": translate(
            "Reason", "The customer's wallet balance is not enough."
        ),
        "USER_NOT_EXIST": translate("Reason", "The wallet does not know the customer's account."),
        "USER_STATUS_ABNORMAL": translate("Reason", "The customer's wallet account is restricted."),
        "USER_AMOUNT_EXCEED_LIMIT": translate(
            "Reason", "The payment is over the customer's wallet limit."
        ),
        "USER_KYC_NOT_QUALIFIED": translate(
            "Reason", "The customer's wallet account is not verified for this payment."
        ),
        "USER_PAYMENT_VERIFICATION_FAILED": translate(
            "Reason", "The customer did not pass the wallet's payment verification."
        ),
        "PAYMENT_AMOUNT_EXCEED_LIMIT": translate(
            "Reason", "The amount is over this wallet's limit for one payment."
        ),
        "PAYMENT_COUNT_EXCEED_LIMIT": translate(
            "Reason", "The wallet's limit on the number of payments is reached."
        ),
        "RISK_REJECT": translate("Reason", "The wallet's risk control refused this payment."),
        "REGULATION_RESTRICTION": translate("Reason", "Regulations do not allow this payment."),
        "UNAVAILABLE_PAYMENT_METHOD": translate(
            "Reason", "This wallet is not available to this merchant now."
        ),
        "CURRENCY_NOT_SUPPORT": translate("Reason", "This wallet does not take this currency."),
        "MERCHANT_NOT_REGISTERED": translate(
            "Reason", "The merchant is not registered for this wallet."
        ),
        "INVALID_CONTRACT": translate(
            "Reason", "The merchant's contract does not cover this payment."
        ),
        "INVALID_CODE": same_code,
        "INVALID_PAYMENT_CODE": same_code,
        "PAYMENT_CODE_EXPIRED": same_code,
        "INVALID_TOKEN": translate("Reason", "The wallet's payment token is not valid."),
        # the order
        "ORDER_IS_CLOSED": translate(
            "Reason", "The order is closed: the customer did not pay before it expired."
        ),
        "PAYMENT_EXPIRED": translate(
            "Reason", "Not paid before the code expired; cancelled at the gateway."
        ),
        "CHECKOUT_TIMEOUT": translate("Reason", "Not paid in time; cancelled at the gateway."),
        "CANCELLED": translate("Reason", "Cancelled by the operator."),
        "CANCEL_WINDOW_EXCEED": translate("Reason", "Too late to cancel: refund it instead."),
        "CANCEL_UNVERIFIED": translate(
            "Reason",
            "Whether it was paid is not known yet: the answers could not be verified. "
            "Run cashier recover to settle it.",
        ),
        "REFUND_AMOUNT_EXCEED": translate(
            "Reason", "The refund is more than what is left to refund."
        ),
        "REPEAT_REQ_INCONSISTENT": translate(
            "Reason", "This request id was used before with other content."
        ),
        "PAYMENT_IN_PROCESS": translate("Reason", "Waiting for the customer to pay."),
        # the gateway and the connection
        "NETWORK_ERROR": translate("Reason", "The gateway could not be reached."),
        "GATEWAY_TIMEOUT": translate("Reason", "The gateway did not answer in time."),
        "RESPONSE_SIGNATURE_INVALID": translate(
            "Reason", "The gateway's answer did not verify (bad signature), so it is not believed."
        ),
        "RESPONSE_MALFORMED": translate("Reason", "The gateway's answer is not in Antom's form."),
        "UNKNOWN_EXCEPTION": translate(
            "Reason", "The gateway had an unknown error; the result is asked again."
        ),
        "REQUEST_TRAFFIC_EXCEED_LIMIT": translate(
            "Reason", "The gateway is busy (too many requests); asking again shortly."
        ),
        "ACCESS_DENIED": translate("Reason", "The gateway refused this merchant access."),
        "CLIENT_INVALID": bad_client,
        "INVALID_CLIENT_STATUS": bad_client,
        "INVALID_SIGNATURE": translate(
            "Reason",
            "The gateway refused our signature: check the merchant public key "
            "registered with Antom.",
        ),
        "KEY_NOT_FOUND": translate("Reason", "The gateway has no public key for this merchant."),
        "MEDIA_TYPE_NOT_ACCEPTABLE": refused_format,
        "METHOD_NOT_SUPPORTED": refused_format,
        "NO_INTERFACE_DEF": refused_format,
        "PARAM_ILLEGAL": translate("Reason", "The gateway refused a field of the request."),
        "PROCESS_FAIL": translate("Reason", "The gateway could not process the payment."),
    }


def _own_cancel_text(why: str) -> str:
    return {
        "recovery": translate(
            "Reason", "The interrupted sale was cancelled at the gateway on recovery."
        ),
    }.get(why, "")


def code_reason(code: str, status: Status | None = None) -> str:
    """The sentence for ``code`` ("" when none is known)."""
    if code == "ORDER_NOT_EXIST":
        if status is Status.FAILED:
            return translate(
                "Reason", "The gateway has no record of this payment; nothing was charged."
            )
        return translate(
            "Reason", "The gateway has no record of this payment yet; it may still arrive."
        )
    return _texts().get(code, "")


def reason_text(record: PaymentRecord) -> str:
    """Why ``record`` is where it is, for the operator ("" for a success)."""
    if record.status is Status.SUCCESS:
        return ""
    for why, message in CANCEL_MESSAGES.items():
        if record.result_message == message and _own_cancel_text(why):
            return _own_cancel_text(why)
    text = code_reason(record.result_code, record.status)
    if text or not record.result_code:
        return text
    if record.status in (Status.UNKNOWN, Status.PENDING, Status.CREATED):
        return fill(translate("Reason", "The result is not known yet (%1)."), record.result_code)
    return fill(translate("Reason", "The payment did not go through (%1)."), record.result_code)


def probe_text(result: ProbeResult) -> str:
    """What the gateway check found (checkout.probe), for the status bar and its banner."""
    if result.ok:
        if result.code == "SUCCESS":
            return translate(
                "Reason", "Gateway reachable; keys verified (it answered an unknown id with S)."
            )
        return translate(
            "Reason", "Gateway reachable; merchant key accepted; gateway key verified."
        )
    texts = {
        "INVALID_SIGNATURE": translate(
            "Reason",
            "The gateway refuses our signature: the public key registered in the Antom "
            "Dashboard is not this profile's merchant key (export it with 'cashier keys "
            "export-public' and upload it).",
        ),
        "KEY_NOT_FOUND": translate(
            "Reason",
            "The gateway has no public key for this client id and key version: upload the "
            "merchant public key in the Antom Dashboard, or check the profile's key version.",
        ),
        "CLIENT_INVALID": translate(
            "Reason",
            "The gateway does not know this client id: check the profile's client id "
            "and environment (SANDBOX_ ids need the sandbox).",
        ),
        "RESPONSE_SIGNATURE_INVALID": translate(
            "Reason",
            "The gateway's answer does not verify with this profile's gateway public key "
            "(was the merchant's own public key imported as the gateway key?).",
        ),
    }
    text = texts.get(result.code) or code_reason(result.code)
    if text:
        return text
    return fill(translate("Reason", "Unexpected answer from the gateway (%1)."), result.code)
