"""Operator-visible text: Qt-style ``%1`` placeholders and errors in the UI language.

:func:`fill` replaces the hand-written ``self.tr("… %1 …").replace("%1", x)`` copies (in
one pass, so an argument that itself contains ``%2`` is left alone). :func:`error_text`
renders any :class:`~cashier_app.domain.errors.CashierError` from its code and parameters
in the current language: its English template is looked up in the ``CashierError``
context of resources/i18n (``scripts/update_translations.py`` keeps that context equal to
the templates the code defines).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from cashier_app.domain.errors import render

#: The translation context of every error template.
ERROR_CONTEXT = "CashierError"

_PLACEHOLDER = re.compile(r"%([1-9])")


def fill(text: str, *args: object) -> str:
    """``text`` with ``%1`` … ``%9`` replaced by ``args`` (as ``QString.arg`` would)."""

    def one(match: re.Match[str]) -> str:
        index = int(match.group(1))
        return str(args[index - 1]) if index <= len(args) else match.group(0)

    return _PLACEHOLDER.sub(one, text)


#: Named so that pyside6-lupdate finds the texts below.
translate = QCoreApplication.translate


def environment_name(env: str) -> str:
    """A profile's environment (``embedded-sandbox``, ``antom-sandbox``, ``production``) as
    the operator reads it (context MainWindow, where the status bar names it)."""
    names = {
        "embedded-sandbox": QCoreApplication.translate("MainWindow", "Embedded sandbox"),
        "antom-sandbox": QCoreApplication.translate("MainWindow", "Antom sandbox"),
        "production": QCoreApplication.translate("MainWindow", "Live"),
    }
    return names.get(env, env)


def translate_error_template(template: str) -> str:
    return QCoreApplication.translate(ERROR_CONTEXT, template)


def error_text(exc: BaseException) -> str:
    """What the operator reads for ``exc``, in the UI language.

    A CashierError with a code is rendered from its (translated) template and parameters
    (a parameter that is itself an error, such as a damaged file's problem, rendered the
    same way); an OSError by its errno; a Payment Kit error by its numeric code (its
    English message is for the calling app) or by the coded error it was raised from;
    anything else ``str(exc)``."""
    from cashier_app.domain.payment_kit import PaymentKitError

    if isinstance(exc, PaymentKitError):
        return paykit_text(exc)
    return render(exc, translate_error_template)


def paykit_text(exc: BaseException) -> str:
    """A Payment Kit ``BusinessError`` as the operator reads it: what the coded error it
    was raised from says (the gateway's, the journal's), else its code's meaning; with
    the code, which the operator may quote."""
    from cashier_app.domain import payment_kit as pk
    from cashier_app.domain.errors import CashierError

    code = getattr(exc, "code", "")
    cause = exc.__cause__
    if (
        isinstance(cause, CashierError)
        and not isinstance(cause, pk.PaymentKitError)
        and cause.template is not None
    ):
        return fill(translate("PaymentKit", "%1 (Payment Kit %2)"), error_text(cause), code)
    meanings: dict[object, str] = {
        pk.PARAM_ERROR: translate("PaymentKit", "The payment request is not valid."),
        pk.USER_CANCELLED: translate("PaymentKit", "The payment was cancelled."),
        pk.PAY_FAILED: translate("PaymentKit", "The payment failed."),
        pk.ALREADY_PROCESSED: translate("PaymentKit", "This payment was already processed."),
        pk.WITHHOLD_FAILED: translate("PaymentKit", "The withholding failed."),
        pk.DUPLICATE_REQUEST: translate(
            "PaymentKit", "This cashier was already used for a payment."
        ),
        pk.NETWORK_ERROR: translate("PaymentKit", "The gateway could not be reached."),
    }
    meaning = meanings.get(code) or translate("PaymentKit", "Payment Kit error.")
    return fill(translate("PaymentKit", "%1 (Payment Kit %2)"), meaning, code)


def known_error_templates() -> set[str]:
    """Every error template the code defines (imports every module of ``cashier_app`` so
    that each error class is seen); the translations must cover exactly these."""
    import importlib
    import pkgutil

    import cashier_app
    from cashier_app.domain.errors import all_templates

    for module in pkgutil.walk_packages(cashier_app.__path__, "cashier_app."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    return all_templates()
