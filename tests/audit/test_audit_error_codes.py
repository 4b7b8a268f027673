"""Audit: every error an operator can read is coded (issue 14 item 1, issue 9 item 7).

An AST scan of cashier_app/: a :class:`CashierError` subclass is never built from a plain
English message (it is ``Error.of("code", name=value)`` or ``Error(code=..., params=...)``,
so that the GUI and the CLI render it from the message catalog in the operator's
language), and a plain ``ValueError`` / ``KeyError`` / ``LookupError`` / ``RuntimeError`` /
``OSError`` never carries a message: each one that does is listed below with the reason it
cannot reach an operator. The catalog (resources/i18n) translates every template.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import textwrap
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import cashier_app
from cashier_app.domain.errors import CashierError, error_classes

PACKAGE = Path(cashier_app.__file__).parent

#: Plain built-ins that carry a message to no operator: ``path::function`` -> why.
ALLOWED_BUILTINS: dict[str, str] = {
    # programmer errors: a caller's bug in our own code, never an operator's input
    "__init__.py::resources": "an install run from a zip is broken; a traceback is right",
    "checkout/instore.py::UpmPolicy.__post_init__": "a policy constant of our code",
    "checkout/policy.py::PollPolicy.next_delay": "a caller's bug (attempt < 0)",
    "checkout/policy.py::PollPolicy.__post_init__": "a policy constant of our code",
    "checkout/service.py::CheckoutService.__init__": "expiry: a constant of the composition root",
    "domain/errors.py::CashierError.of": "a code our code does not define: a bug of ours",
    "domain/records.py::PaymentRecord.__post_init__": "a guard: a customer's code never kept",
    # dataclasses' own programmer errors, the same words (domain/values.py stands in for it)
    "domain/values.py::Field.__init__": "a class declared wrongly: dataclasses' own error",
    "domain/values.py::replace": "a caller's bug: dataclasses.replace's own error",
    "domain/values.py::_with_fields": "a class declared wrongly: dataclasses' own error",
    "gateway/retry.py::backoff_delay": "a caller's bug (attempt is 1-based)",
    "ui/models/payments_model.py::PaymentsModel.__init__": "page size: a constant of ours",
    # read a file of ours and caught next to it, where a coded error names the file
    "support/catalog.py::Catalog._read_bytes": "caught in Catalog: English is shown, and logged",
    "support/catalog.py::_blocks": "caught in Catalog: English is shown, and logged",
    "support/catalog.py::QmFile.__init__": "caught in Catalog.translate: English, and logged",
    "support/catalog.py::QmFile.find": "caught in Catalog.translate: English, and logged",
    "support/catalog.py::_record": "caught in Catalog: English is shown, and logged",
    "sandbox/persist.py::_time": "caught in StateFile.load: a damaged state file",
    "sandbox/persist.py::_text": "caught in StateFile.load: a damaged state file",
    "sandbox/persist.py::_money": "caught in StateFile.load: a damaged state file",
    "cli/desktop.py::render_icon": "a broken build of our own icon; a traceback is right",
    "gateway/antom.py::AntomClient.__init__": "timeout and attempts are constants of ours",
    "gateway/instore.py::in_store_pay_payload": "our code passes an aware time",
    "gateway/signing.py::body_time": "our code passes an aware time",
    "keystore/backends.py::EncryptedFileBackend.__init__": "scrypt n: a constant of ours",
    "reports/qtapp.py::ensure_gui_app": "a caller's bug (a non-GUI Qt application)",
    "sandbox/notifier.py::Notifier.__init__": "delays: constants of the composition root",
    "sandbox/persist.py::StateFile.__init__": "retention: a constant of the composition root",
    "sandbox/signpool.py::SigningPool.__init__": "workers: a constant of the composition root",
    "support/settings.py::save_language": "the language menu offers only LANGUAGES",
    "till/escpos_printer.py::render_order_code": "a caller's bug (an order code without value)",
    "ui/qa/models.py::_CappedModel.__init__": "a constant of our code",
    "ui/tasks.py::TaskRunner.run": "a caller's bug (a task without a name, after shutdown)",
    "ui/self_test.py::_pay_round_trip": "--self-test's report for a developer (exit status)",
    # caught next to where they are raised and turned into a coded error
    "sandbox/persist.py::_refund_from_dict": "caught in StateFile.load: a damaged state file",
    "sandbox/persist.py::payment_from_dict": "caught in StateFile.load: a damaged state file",
    # the sandbox's HTTP control API answers a script with ``{"error": text}`` (HTTP 400)
    "sandbox/simulator.py::_body_json": "the control API's answer to a script (HTTP 400)",
    "sandbox/simulator.py::_control": "the control API's answer to a script (HTTP 400)",
    "sandbox/simulator.py::_settle_refund": "the control API's answer to a script (HTTP 400)",
    "sandbox/simulator.py::_merchants": "the control API's answer to a script (HTTP 400)",
    "sandbox/simulator.py::_payment_code": "the control API's answer to a script (HTTP 400)",
    "sandbox/spi_wallet.py::SandboxWalletPaymentService.__init__": "a constant of ours",
    "sandbox/store.py::Store.decline": "reached through the control API (HTTP 400) only",
    "sandbox/store.py::Store.settle_refund": "reached through the control API (HTTP 400) only",
}

#: Error classes whose code is a protocol's, with a message in the protocol's language
#: (English) for the program on the other side, never an operator's sentence of its own.
PROTOCOL_ERRORS: dict[str, str] = {
    "ApiError": "the sandbox's Antom answer: resultCode + English resultMessage (protocol)",
    "PaymentKitError": "Payment Kit BusinessError (numeric code + message) for the calling app",
    "PaymentKitFailure": "a PaymentKitError with the payment's record",
    "GatewayResultError": "a verified Antom answer: its resultCode is the code",
    "CodeRefused": "the sandbox wallet's Antom resultCode + resultMessage for a payment code",
}

CHECKED_BUILTINS = ("ValueError", "KeyError", "LookupError", "RuntimeError", "OSError")


def _import_everything() -> dict[str, type[CashierError]]:
    for module in pkgutil.walk_packages(cashier_app.__path__, "cashier_app."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    return {klass.__name__: klass for klass in error_classes()}


@cache
def _sources() -> tuple[tuple[str, ast.Module], ...]:
    return tuple(
        (str(path.relative_to(PACKAGE)), ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(PACKAGE.rglob("*.py"))
    )


@cache
def _nodes(tree: ast.Module) -> tuple[tuple[str, ast.AST], ...]:
    """Every node with the qualified name of the function or class around it."""

    def walk(node: ast.AST, scope: str) -> Iterator[tuple[str, ast.AST]]:
        for child in ast.iter_child_nodes(node):
            inner = scope
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                inner = f"{scope}.{child.name}" if scope else child.name
            yield inner, child
            yield from walk(child, inner)

    return tuple(walk(tree, ""))


def _scoped(tree: ast.Module) -> tuple[tuple[str, ast.AST], ...]:
    return _nodes(tree)


def _called_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _takes_a_message(klass: type[CashierError]) -> bool:
    """Whether the class is built ``Klass(message, ...)`` (CashierError's own way)."""
    init = next(k.__dict__["__init__"] for k in klass.__mro__ if "__init__" in k.__dict__)
    if init is CashierError.__init__:
        return True
    params = list(inspect.signature(init).parameters)
    return len(params) > 1 and params[1] == "message"


def codeless_errors() -> list[str]:
    classes = _import_everything()
    found = []
    for path, tree in _sources():
        for scope, node in _scoped(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _called_name(node)
            klass = classes.get(name or "")
            if klass is None or name in PROTOCOL_ERRORS:
                continue
            if any(k.arg == "code" for k in node.keywords) or not _takes_a_message(klass):
                continue
            found.append(f"{path}:{node.lineno} {scope}: {ast.unparse(node)[:100]}")
    return found


def message_builtins() -> list[str]:
    found = []
    for path, tree in _sources():
        for scope, node in _scoped(tree):
            if not isinstance(node, ast.Raise) or not isinstance(node.exc, ast.Call):
                continue
            if _called_name(node.exc) not in CHECKED_BUILTINS or not node.exc.args:
                continue
            if f"{path}::{scope}" not in ALLOWED_BUILTINS:
                found.append(f"{path}:{node.lineno} {scope}: {ast.unparse(node.exc)[:100]}")
    return found


def test_every_error_is_built_from_a_code():
    found = codeless_errors()
    assert not found, f"{len(found)} errors built from a plain message:\n" + "\n".join(found)


def test_every_own_constructor_passes_a_code():
    """A class with a constructor of its own (``PrinterConfigError(field, ...)``) hands
    CashierError a code, as ``Error.of`` does."""
    classes = _import_everything()
    found = []
    for name, klass in classes.items():
        if "__init__" not in klass.__dict__ or klass is CashierError or name in PROTOCOL_ERRORS:
            continue
        tree = ast.parse(textwrap.dedent(inspect.getsource(klass.__dict__["__init__"])))
        supers = [
            n for n in ast.walk(tree) if isinstance(n, ast.Call) and _called_name(n) == "__init__"
        ]
        if not supers or not all(any(k.arg == "code" for k in n.keywords) for n in supers):
            found.append(f"{klass.__module__}.{name}")
    assert not found, "constructors that give CashierError no code: " + ", ".join(found)


def test_every_code_exists_and_gets_its_parameters():
    """``Error.of("code", name=value)``: the code has a template in the class tree, and the
    call gives every placeholder of it (a missing one would show as ``{name}``)."""
    import string

    classes = _import_everything()
    found = []
    for path, tree in _sources():
        for _scope, node in _scoped(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            klass = classes.get(_called_name(ast.Call(func=node.func.value)) or "")
            if node.func.attr != "of" or klass is None or not node.args:
                continue
            code = node.args[0]
            if not (isinstance(code, ast.Constant) and isinstance(code.value, str)):
                continue
            template = klass.template_for(code.value)
            where = f"{path}:{node.lineno} {klass.__name__}.of({code.value!r})"
            if template is None:
                found.append(f"{where}: no such code")
                continue
            if any(k.arg is None for k in node.keywords):
                continue  # **params: checked where they are built
            given = {k.arg for k in node.keywords}
            wanted = {f for _, f, _, _ in string.Formatter().parse(template) if f}
            if wanted - given:
                found.append(f"{where}: missing {sorted(wanted - given)}")
    assert not found, "\n".join(found)


def test_no_plain_builtin_carries_a_message():
    found = message_builtins()
    assert not found, f"{len(found)} plain built-ins carry a message:\n" + "\n".join(found)


def test_the_allow_list_names_only_raises_that_exist():
    """An entry whose raise is gone (or moved) must go too: the list shrinks, never rots."""
    live = set()
    for path, tree in _sources():
        for scope, node in _scoped(tree):
            call = node.exc if isinstance(node, ast.Raise) else None
            if isinstance(call, ast.Call) and _called_name(call) in CHECKED_BUILTINS and call.args:
                live.add(f"{path}::{scope}")
    assert sorted(set(ALLOWED_BUILTINS) - live) == []


def test_every_protocol_error_class_exists():
    assert sorted(set(PROTOCOL_ERRORS) - set(_import_everything())) == []


def test_every_template_is_translated():
    """Each code's English template has a finished zh_CN translation in the catalog the
    GUI and the CLI load (resources/i18n, context CashierError)."""
    from cashier_app.support.catalog import Catalog

    catalog = Catalog.load("zh_CN")
    templates = {
        str(t)
        for k in _import_everything().values()
        for t in (*k.__dict__.get("MESSAGES", {}).values(), *k.__dict__.get("TERMS", ()))
    }
    missing = sorted(t for t in templates if catalog.translate("CashierError", t) is None)
    assert not missing, f"{len(missing)} templates without zh_CN:\n" + "\n".join(missing)
