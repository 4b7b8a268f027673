"""``cashier pay``: one payment headless, on the embedded sandbox or a given gateway."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from cashier_app.cli import CliError, exit_code_for, started
from cashier_app.cli.gateway_options import add_gateway_options, gateway_from_args, in_use_text
from cashier_app.cli.operator_auth import add_operator_options, sign_in
from cashier_app.cli.text import error_text, t

if TYPE_CHECKING:
    from cashier_app.domain.records import PaymentRecord
    from cashier_app.gateway.signing import Signer, Verifier

SIMULATIONS = ("approve", "decline", "expire")
#: In-store (a scanned code): what the sandbox's customer does with the code it hands over;
#: approve / decline / expire stand for pay / confirm_then_decline / expired.
CODE_SIMULATIONS = (
    "pay",
    "confirm",
    "confirm_then_pay",
    "confirm_then_decline",
    "balance",
    "expired",
    "unknown",
)
#: option -> help; the option's dest is the StoreInfo field.
STORE_OPTIONS = {
    "merchant-id": "referenceMerchantId",
    "merchant-mcc": "merchantMCC (4 digits)",
    "merchant-name": "merchantName",
    "store-id": "store referenceStoreId",
    "store-name": "storeName",
    "store-mcc": "storeMCC (4 digits)",
    "terminal-id": "storeTerminalId of this till",
}
_CODE_ALIASES = {"approve": "pay", "decline": "confirm_then_decline", "expire": "expired"}


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "pay",
        help="run one payment headless and print its outcome",
        description="Create one payment, wait for its final state and print the outcome. "
        "Without --gateway the embedded sandbox is started in-process. "
        "Exit status 0 only when the payment succeeded.",
    )
    p.add_argument("--amount", required=True, help="amount as typed, e.g. 12.30")
    p.add_argument("--currency", required=True, help="ISO 4217 code, e.g. HKD")
    p.add_argument(
        "--method",
        help="paymentMethodType, e.g. ALIPAY_HK (in-store with a "
        "scanned code: optional, the code names the wallet)",
    )
    p.add_argument(
        "--product",
        choices=("online", "in-store"),
        help="online Checkout Payment or In-store (default: the profile's)",
    )
    p.add_argument(
        "--scenario",
        choices=("PaymentCode", "OrderCode"),
        help="in-store: scan the customer's code (default) or show an order code",
    )
    p.add_argument(
        "--payment-code",
        metavar="CODE",
        help="in-store: the customer's payment code as scanned; '-' reads it from "
        "standard input (keeps it out of the process list)",
    )
    p.add_argument("--summary", default="", help="trade summary / order description")
    add_gateway_options(p)
    add_operator_options(p)
    store = p.add_argument_group(
        "in-store store details",
        "what Antom's in-store pay asks for; default: the "
        "profile's (the embedded sandbox has demo values)",
    )
    for flag, what in STORE_OPTIONS.items():
        store.add_argument(f"--{flag}", metavar="TEXT", help=what)
    p.add_argument(
        "--simulate",
        choices=SIMULATIONS + CODE_SIMULATIONS,
        help="play the payer on a sandbox: approve/decline/expire after the "
        "payment is created; in-store, draw the customer's code from the "
        "sandbox, playing pay, confirm_then_pay, confirm_then_decline, "
        "balance, expired or unknown",
    )
    p.add_argument("--timeout", metavar="S", help="give up (and cancel) after S seconds")
    p.add_argument("--json", action="store_true", help="print the outcome as JSON")
    p.add_argument(
        "--timings",
        action="store_true",
        help="print the wall time of each phase (stderr; with --json also as timings_ms)",
    )
    p.set_defaults(run=run, starts_up=True)  # cli.started() once the services are up


def _timeout(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        raise CliError.of("timeout_not_number_seconds", text=text) from None
    if not value > 0 or value == float("inf"):
        raise CliError.of("timeout_must_positive_number_seconds", text=text)
    return value


def _outcome(rec: PaymentRecord) -> dict[str, Any]:
    out = rec.summary_json()
    out.update(
        {
            "result_message": rec.result_message,
            "trade_summary": rec.trade_summary,
            "expires_at": rec.expires_at.isoformat() if rec.expires_at else None,
            "gateway_url": rec.gateway_url,
            "client_id": rec.client_id,
        }
    )
    if rec.masked_code:
        out["payment_code"] = rec.masked_code  # masked: never the code itself
    return out


def run(args: argparse.Namespace) -> int:
    from cashier_app.cli.timings import NoPhases, Phases

    args.phases = Phases() if args.timings else NoPhases()
    args.phases.lap("start")
    from cashier_app.domain import methods
    from cashier_app.domain.money import Money, MoneyError, check_currency

    try:
        currency = check_currency(args.currency)
    except MoneyError as exc:
        raise CliError.of("currency", exc=exc) from None
    try:
        amount = Money.parse(args.amount, currency)
    except MoneyError as exc:
        raise CliError.of("amount", exc=exc) from None
    product = args.product
    if product is None and (args.payment_code or args.scenario):
        product = "in-store"
    if product == "in-store" or (product is None and _profile_product(args) == "in-store"):
        return _pay_in_store(args, amount, _timeout(args.timeout))
    if args.payment_code or args.scenario:
        raise CliError.of("payment_code_scenario_are_product_store")
    if args.simulate in CODE_SIMULATIONS:
        raise CliError.of("simulate_product_store", simulate=args.simulate)
    if not args.method:
        raise CliError.of("method_required_e_g_alipay_hk")
    try:
        method = methods.get(args.method)
    except methods.UnknownMethodError as exc:
        raise CliError.of("method", exc=exc) from None
    if not method.accepts(currency):
        raise CliError.of(
            "method_does_not_accept_accepts",
            type=method.type,
            currency=currency,
            currencies=", ".join(method.currencies),
        )
    if len(args.summary) > 256:
        raise CliError.of("summary_longer_than_256_characters")
    timeout = _timeout(args.timeout)
    gateway = gateway_from_args(args)
    if args.simulate and gateway is not None and not gateway[0].startswith("http://"):
        raise CliError.of("simulate_needs_sandbox_gateway_http_loopback")
    return _pay(args, amount, method.type, gateway, timeout)


def _services(args: argparse.Namespace, gateway: tuple[str, str, Signer, Verifier] | None) -> Any:
    from cashier_app.app import build_services
    from cashier_app.domain.errors import CashierError
    from cashier_app.journal import JournalError

    phases = args.phases
    try:
        if gateway is None:
            return build_services(args.profile, phases=phases)
        url, client_id, signer, verifier = gateway
        return build_services(
            gateway_url=url,
            client_id=client_id,
            signer=signer,
            verifier=verifier,
            phases=phases,
            dialect=getattr(args, "dialect", None) or "antom",
        )
    except JournalError as exc:
        raise CliError.of(
            "journal_unusable_no_payment_taken", exc=exc, exit_code=exit_code_for(exc)
        ) from None
    except (CashierError, ValueError) as exc:  # profile, key store, set-up: one line each
        raise CliError.of("error", error=exc) from None


def _profile_product(args: argparse.Namespace) -> str:
    """The product of the profile this run would use (explicit gateways: online)."""
    if getattr(args, "gateway", None):
        return "online"
    from cashier_app.keystore.profiles import ProfileError, ProfileStore

    try:
        store = ProfileStore()
        profile = store.resolve(args.profile) if args.profile else store.active()
    except (ProfileError, OSError):
        return "online"
    return str(profile.product)


def _pay(
    args: argparse.Namespace,
    amount: Any,
    method_type: str,
    gateway: tuple[str, str, Signer, Verifier] | None,
    timeout: float | None,
) -> int:
    from cashier_app.checkout.errors import CheckoutError, PaymentMayBeTaken, TillBusy
    from cashier_app.domain.money import MoneyError
    from cashier_app.domain.payment_kit import PaymentInfo, PaymentKitError
    from cashier_app.journal import JournalError

    phases = args.phases
    phases.lap("checks")
    services = _services(args, gateway)
    started()
    phases.lap("services")
    with services:
        checkout = services.checkout
        sign_in(args, services.session)  # once operators are set up: who takes the sale
        try:
            services.claim()  # one owner per sale: wait out a recovery run, not a live till
        except TillBusy as exc:
            raise CliError.of("error", error=exc, exit_code=1) from None
        _recover_earlier_runs(services)
        phases.lap("recover")
        # --timeout holds for the whole sale: pay, every inquiry and retry (a last cancel
        # after it gets a few seconds of its own).
        with services.client.time_limit(timeout):
            try:
                rec = checkout.create_payment(
                    PaymentInfo(amount.value, amount.currency, args.summary), method_type
                )
            except PaymentMayBeTaken as exc:
                return _may_be_taken(args, exc)
            except (PaymentKitError, CheckoutError, MoneyError) as exc:
                raise CliError.of("error", error=exc) from None
            except JournalError as exc:
                raise CliError.of(
                    "journal_unusable_no_payment_taken", exc=exc, exit_code=1
                ) from None
            phases.lap("pay")
            if rec.normal_url and not args.simulate:
                print(
                    t("waiting for the customer; wallet page: %1", rec.normal_url), file=sys.stderr
                )
            try:
                if args.simulate and rec.payment_id and not rec.is_final:
                    _simulate(services, gateway, args.simulate, rec.payment_id)
                phases.lap("simulate")
                rec = checkout.run_to_completion(rec.payment_request_id, timeout=timeout)
                phases.lap("complete")
            except PaymentMayBeTaken as exc:
                return _may_be_taken(args, exc)
            except KeyboardInterrupt:
                return _interrupted(args, checkout, rec)
    phases.lap("shutdown")
    _print(args, rec)
    return 0 if rec.status.value == "SUCCESS" else 1


def _pay_in_store(args: argparse.Namespace, amount: Any, timeout: float | None) -> int:
    """An IN_STORE_PAYMENT: the customer's code (given, read from stdin, or drawn from the
    sandbox with --simulate) under Antom's User-presented Mode best practice, or an
    order code to show. The code is never printed; the outcome shows it masked."""
    from cashier_app.checkout.errors import CheckoutError, PaymentMayBeTaken, TillBusy
    from cashier_app.checkout.instore import UpmPolicy
    from cashier_app.domain import methods
    from cashier_app.domain.payment_code import PaymentCodeError
    from cashier_app.domain.payment_kit import PaymentInfo, PaymentKitError
    from cashier_app.journal import JournalError

    scenario = args.scenario or "PaymentCode"
    method_type = "CONNECT_WALLET"
    if args.method:
        try:
            method_type = methods.get(args.method).type
        except methods.UnknownMethodError as exc:
            raise CliError.of("method", exc=exc) from None
    if scenario == "OrderCode":
        if args.payment_code:
            raise CliError.of("payment_code_scenario_paymentcode_till_scans")
        if args.simulate in CODE_SIMULATIONS:
            raise CliError.of("simulate_scanned_code_order_code_takes", simulate=args.simulate)
    elif args.payment_code and args.simulate:
        raise CliError.of("give_either_payment_code_simulate_which")
    elif not args.payment_code and not args.simulate:
        raise CliError.of("payment_code_code_required_simulate_scenario")
    code = args.payment_code or ""
    if code == "-":
        code = sys.stdin.readline().strip()
    if len(args.summary) > 256:
        raise CliError.of("summary_longer_than_256_characters")
    gateway = gateway_from_args(args)
    if args.simulate and gateway is not None and not gateway[0].startswith("http://"):
        raise CliError.of("simulate_needs_sandbox_gateway_http_loopback")
    policy = UpmPolicy()
    services = _services(args, gateway)
    started()
    with services:
        checkout = services.checkout
        sign_in(args, services.session)  # once operators are set up: who takes the sale
        try:
            services.claim()  # one owner per sale: wait out a recovery run, not a live till
        except TillBusy as exc:
            raise CliError.of("error", error=exc, exit_code=1) from None
        given = {
            flag.replace("-", "_"): getattr(args, flag.replace("-", "_"))
            for flag in STORE_OPTIONS
            if getattr(args, flag.replace("-", "_"))
        }
        if given:
            from dataclasses import replace

            checkout.store = replace(services.profile.store_info(), **given)
        _recover_earlier_runs(services)
        if scenario == "PaymentCode" and args.simulate:
            wallet = (
                method_type if method_type != "CONNECT_WALLET" else _wallet_for(amount.currency)
            )
            code = _draw_code(
                services, gateway, wallet, _CODE_ALIASES.get(args.simulate, args.simulate)
            )
        # --timeout holds for the whole sale, as for an online pay
        with services.client.time_limit(timeout):
            try:
                rec = checkout.create_in_store_payment(
                    PaymentInfo(amount.value, amount.currency, args.summary),
                    scenario,
                    payment_code=code,
                    method_type=method_type,
                    policy=policy,
                )
            except PaymentCodeError as exc:
                raise CliError.of("payment_code", exc=exc) from None
            except PaymentMayBeTaken as exc:
                return _may_be_taken(args, exc)
            except (PaymentKitError, CheckoutError) as exc:
                raise CliError.of("error", error=exc) from None
            except JournalError as exc:
                raise CliError.of(
                    "journal_unusable_no_payment_taken", exc=exc, exit_code=1
                ) from None
            finally:
                code = ""  # a bearer credential: gone as soon as it was sent
            if rec.scenario == "OrderCode" and rec.code_value and not args.simulate:
                print(t("show the customer the order code: %1", rec.code_value), file=sys.stderr)
            elif not rec.is_final:
                print(t("waiting for the customer to confirm in the wallet"), file=sys.stderr)
            try:
                if args.simulate in SIMULATIONS and scenario == "OrderCode" and rec.payment_id:
                    _simulate(services, gateway, args.simulate, rec.payment_id)
                poll = policy.poll_policy() if scenario == "PaymentCode" else None
                rec = checkout.run_to_completion(
                    rec.payment_request_id, policy=poll, timeout=timeout
                )
            except PaymentMayBeTaken as exc:
                return _may_be_taken(args, exc)
            except KeyboardInterrupt:
                return _interrupted(args, checkout, rec)
        _print(args, rec)
        return 0 if rec.status.value == "SUCCESS" else 1


def _wallet_for(currency: str) -> str:
    """The sandbox wallet whose code --simulate draws when --method is not given."""
    from cashier_app.domain import methods

    wallets = [m for m in methods.methods_for(currency) if m.type != "CONNECT_WALLET"]
    for m in wallets:  # the wallet of the currency's home first (HKD: AlipayHK)
        if m.currencies[0] == currency:
            return m.type
    if wallets:
        return wallets[0].type
    raise CliError.of("simulate_no_sandbox_wallet_takes_give", currency=currency)


def _draw_code(
    services: Any, gateway: tuple[str, str, Signer, Verifier] | None, wallet: str, scenario: str
) -> str:
    from cashier_app.sandbox.control import SimulatorClient, SimulatorError

    simulator = services.simulator if gateway is None else SimulatorClient(gateway[0])
    if simulator is None and services.profile.gateway_url.startswith("http://"):
        simulator = SimulatorClient(services.profile.gateway_url)
    if simulator is None:
        raise CliError.of("simulate_needs_sandbox_gateway")
    try:
        return str(simulator.payment_code(wallet, scenario)["paymentCode"])
    except (SimulatorError, KeyError) as exc:
        raise CliError.of("simulate_sandbox_gave_no_payment_code", exc=exc) from None


def _interrupted(args: argparse.Namespace, checkout: Any, rec: PaymentRecord) -> int:
    """Ctrl+C while the customer pays: cancel the payment at the gateway (a cancel that
    fails leaves it as the journal has it) and print the outcome; exit 130."""
    from cashier_app.checkout.errors import CheckoutError

    try:
        rec = checkout.cancel(rec.payment_request_id)
    except CheckoutError as exc:
        print(t("cancel failed: %1", error_text(exc)), file=sys.stderr)
        rec = checkout.get(rec.payment_request_id)
    _print(args, rec)
    return 130


def _may_be_taken(args: argparse.Namespace, exc: Any) -> int:
    """The journal failed once pay may have left: say so (never "no payment taken"), and
    with --json print the one thing known, that the outcome is UNKNOWN."""
    print(t("cashier %1: error: %2", "pay", error_text(exc)), file=sys.stderr)
    if args.json:
        print(
            json.dumps(
                {
                    "status": "UNKNOWN",
                    "result_code": "JOURNAL_FAILED",
                    "payment_request_id": exc.payment_request_id,
                    "result_message": str(exc),
                },
                ensure_ascii=False,
            )
        )
    return 1


def _recover_earlier_runs(services: Any) -> None:
    """Finish what a crashed earlier run of this profile left unfinished, before taking a
    new payment (issue: "on start, GUI and CLI"). Skipped while another live cashier
    process holds the profile: it may still be showing one of them to a customer."""
    if not services.journal.non_final_payments(services.profile.name):
        return
    if not services.exclusive:
        print(t("note: %1", in_use_text(services)), file=sys.stderr)
        return
    try:
        recovered = services.checkout.recover()
    except Exception as exc:  # the new sale must not be blocked by an old one's problem
        print(t("note: recovering earlier payments stopped: %1", error_text(exc)), file=sys.stderr)
        return
    for rec in recovered:
        code = f" ({rec.result_code})" if rec.result_code else ""
        print(
            t("recovered %1: %2", rec.payment_request_id, t(rec.status.value) + code),
            file=sys.stderr,
        )


def _simulate(
    services: Any, gateway: tuple[str, str, Signer, Verifier] | None, action: str, payment_id: str
) -> None:
    from cashier_app.sandbox.control import SimulatorClient, SimulatorError

    simulator = services.simulator if gateway is None else SimulatorClient(gateway[0])
    if simulator is None and services.profile.gateway_url.startswith("http://"):
        # a saved profile pointing at a standalone sandbox on this machine
        simulator = SimulatorClient(services.profile.gateway_url)
    if simulator is None:
        raise CliError.of("simulate_needs_sandbox_gateway")
    try:
        getattr(simulator, action)(payment_id)
    except SimulatorError as exc:
        print(t("simulate %1 failed: %2", action, error_text(exc)), file=sys.stderr)


def _print(args: argparse.Namespace, rec: PaymentRecord) -> None:
    out = _outcome(rec)
    if args.timings:
        print(args.phases.render(), file=sys.stderr)
        if args.json:
            out["timings_ms"] = args.phases.as_json()
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
    else:
        code = f" ({rec.result_code})" if rec.result_code else ""
        print(
            f"{t(out['status'])}{code}: {out['amount']} {out['currency']} {out['method']} "
            f"paymentRequestId={out['payment_request_id']} "
            f"paymentId={out['payment_id'] or '-'}"
        )
