"""``cashier paykit``: exercise the seed systems headless (Payment Kit, SPI, AlipayHK, codes)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from cashier_app.cli import CliError

SIMULATIONS = ("approve", "decline", "expire")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "paykit",
        help="exercise Payment Kit, the Alipay+ SPI and the AlipayHK envelope",
        description="Headless runs of the seed systems against the profile's gateway "
        "(the embedded sandbox by default). Amounts are integer minor units, "
        "as Payment Kit's PaymentInfo.amount. Output is JSON.",
    )
    p.add_argument("--profile", metavar="NAME", help="use a saved merchant profile")
    sub = p.add_subparsers(dest="paykit_command", metavar="ACTION", required=True)

    def sale_args(q: argparse.ArgumentParser, method_default: str | None = None) -> None:
        q.add_argument("--amount", required=True, type=_minor, help="minor units, e.g. 1230")
        q.add_argument("--currency", required=True, help="ISO 4217 code, e.g. HKD")
        q.add_argument("--summary", default="", help="tradeSummary")
        q.add_argument("--method", default=method_default, help="wallet, e.g. ALIPAY_HK")
        q.add_argument("--simulate", choices=SIMULATIONS, help="payer's action (sandbox)")
        q.add_argument("--timeout", type=float, default=None, help="seconds to wait")

    q = sub.add_parser("picker", help="cashierPicker: list the wallets offered")
    q.add_argument("--amount", required=True, type=_minor)
    q.add_argument("--currency", required=True)
    q.add_argument("--select", help="extraInfo selectPayType, e.g. 'ALIPAY_HK|ali_pay'")
    q.set_defaults(run=_picker)
    q = sub.add_parser("sale", help="picker -> start_payment -> requestPayment, one sale")
    sale_args(q)
    q.set_defaults(run=_sale)
    q = sub.add_parser("request-payment", help="requestPayment(orderStr, payload)")
    q.add_argument("--order-str", required=True, help='{"nextAction":"L","linkUrl":...}')
    q.add_argument("--payload", default="AP")
    q.add_argument("--timeout", type=float, default=None)
    q.set_defaults(run=_request_payment)
    q = sub.add_parser("spi", help="Alipay+ PaymentService.pay (page or in place)")
    sale_args(q, "ALIPAY_HK")
    q.add_argument("--in-place", action="store_true", help="complete in place (poll)")
    q.set_defaults(run=_spi)
    q = sub.add_parser("envelope", help="AlipayHK cashier.wap.pay signed envelope")
    q.add_argument("--amount", required=True, type=_minor)
    q.add_argument("--summary", default="", help="orderTitle")
    q.add_argument("--simulate", choices=SIMULATIONS, help="payer's action (sandbox)")
    q.set_defaults(run=_envelope)
    q = sub.add_parser("codes", help="print the result-code tables")
    q.set_defaults(run=_codes)


def _minor(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an integer of minor units") from None


def _print(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _services(args: argparse.Namespace) -> Any:
    from cashier_app.app import build_services

    try:
        return build_services(args.profile)
    except Exception as exc:  # a profile/keyring problem: one line, not a traceback
        raise CliError.of("cannot_start_services", exc=exc, exit_code=1) from None


def _act(services: Any, action: str | None, payment_id: str) -> None:
    if action is None:
        return
    if services.simulator is None:
        raise CliError.of("simulate_needs_sandbox_profile")
    getattr(services.simulator, action)(payment_id)


def _kit_error(exc: Exception) -> int:
    _print({"error": getattr(exc, "code", None), "message": getattr(exc, "message", str(exc))})
    return 1


def _picker(args: argparse.Namespace) -> int:
    from cashier_app.domain.payment_kit import PaymentInfo, PaymentKitError

    extra = json.dumps({"selectPayType": args.select}) if args.select else ""
    with _services(args) as services:
        try:
            session = services.paykit.open_picker(
                PaymentInfo(args.amount, args.currency, extra_info=extra)
            )
        except PaymentKitError as exc:
            return _kit_error(exc)
        _print(
            {
                "amount": session.money.display(),
                "methods": [
                    {"type": m.type, "name": m.name_en, "alipay_plus": m.alipay_plus}
                    for m in session.methods
                ],
            }
        )
    return 0


def _sale(args: argparse.Namespace) -> int:
    from cashier_app.domain.payment_kit import PaymentInfo, PaymentKitError

    with _services(args) as services:
        kit = services.paykit
        kit.pay_timeout = args.timeout
        done: list[bool] = []

        def on_update(record: Any) -> None:
            if not done and record.payment_id and not record.is_final:
                done.append(True)
                _act(services, args.simulate, record.payment_id)

        try:
            session = kit.open_picker(PaymentInfo(args.amount, args.currency, args.summary))
            method = args.method or session.methods[0].type
            record = kit.start_payment(session, session.confirm(method))
            order_str = kit.order_str(record)
            result = kit.request_payment(order_str, on_update=on_update)
        except PaymentKitError as exc:
            return _kit_error(exc)
        _print(
            {
                "orderStr": json.loads(order_str),
                "nextStep": result.next_step,
                "selectedPaymentType": result.selected_payment_type,
                "extraInfo": json.loads(result.extra_info),
                "payload": result.payload,
            }
        )
        return 0 if result.next_step == "finish" else 1


def _request_payment(args: argparse.Namespace) -> int:
    from cashier_app.domain.payment_kit import PaymentKitError

    with _services(args) as services:
        services.paykit.pay_timeout = args.timeout
        try:
            result = services.paykit.request_payment(args.order_str, args.payload)
        except PaymentKitError as exc:
            return _kit_error(exc)
        _print({"nextStep": result.next_step, "extraInfo": json.loads(result.extra_info)})
        return 0 if result.next_step == "finish" else 1


def _spi(args: argparse.Namespace) -> int:
    import threading

    from cashier_app.checkout.spi import APIContext, CheckoutPaymentService, PaymentRequest
    from cashier_app.domain.money import Money, MoneyError

    try:
        amount = Money(args.amount, args.currency)
    except MoneyError as exc:
        raise CliError.of("amount_currency", exc=exc) from None
    with _services(args) as services:
        service = CheckoutPaymentService(
            services.checkout, complete_in_place=args.in_place, timeout=args.timeout
        )
        request = PaymentRequest(args.summary or "cashier paykit spi", amount, args.method)
        if args.in_place and args.simulate:
            # the payer acts as soon as the payment is open at the gateway
            journal = services.checkout.journal
            stop = threading.Event()

            def payer() -> None:
                while not stop.wait(0.05):
                    from cashier_app.domain.outcome import Status

                    open_ = journal.list_payments(status=Status.PENDING, limit=1)
                    if open_ and open_[0].payment_id:
                        _act(services, args.simulate, open_[0].payment_id)
                        return

            threading.Thread(target=payer, daemon=True).start()
        result = service.pay(APIContext(app_id="cashier-cli"), request)
        if not args.in_place and args.simulate and result.show_page:
            record = services.checkout.get(result.payment_request_id)
            _act(services, args.simulate, record.payment_id)
            record = services.checkout.run_to_completion(
                record.payment_request_id, timeout=args.timeout
            )
            _print({**_fields(result), "final_status": record.status.value})
            return 0 if record.status.value == "SUCCESS" else 1
        _print(_fields(result))
        return 0 if result.succeeded or result.show_page else 1


def _fields(result: Any) -> dict[str, Any]:
    return {
        "result_code": result.result_code,
        "result_message": result.result_message,
        "show_page": result.show_page,
        "page_route": result.page_route,
        "payment_request_id": result.payment_request_id,
    }


def _envelope(args: argparse.Namespace) -> int:
    from cashier_app.domain.money import Money, MoneyError
    from cashier_app.gateway.alipayhk import AlipayHKClient, trade_pay_params
    from cashier_app.gateway.errors import GatewayError

    try:
        amount = Money(args.amount, "HKD")
    except MoneyError as exc:
        raise CliError.of("amount", exc=exc) from None
    from cashier_app.checkout.ids import new_request_id

    with _services(args) as services:
        client = AlipayHKClient(services.client, merchant_name=services.profile.merchant_name)
        prid = new_request_id("HK")
        try:
            resp = client.pay(
                prid,
                amount,
                "ALIPAY_HK",
                reference_order_id=prid,
                order_description=args.summary or prid,
                expiry=None,
                notify_url=None,
                redirect_url=None,
            )
        except GatewayError as exc:
            raise CliError.of("alipayhk_pay_failed", exc=exc, exit_code=1) from None
        out: dict[str, Any] = {
            "tradePay": trade_pay_params(client.last_order_str),
            "response": {
                "resultStatus": resp.result.status,
                "resultCode": resp.result.code,
                "acquirementId": resp.payment_id,
                "checkoutUrl": resp.normal_url,
            },
        }
        if args.simulate:
            _act(services, args.simulate, resp.payment_id)
            out["paymentStatus"] = client.inquiry_payment(payment_request_id=prid).payment_status
        _print(out)
    return 0


def _codes(args: argparse.Namespace) -> int:
    from cashier_app.domain import codes

    _print(
        {
            "alipay_client": {
                c: f"{i.status.value}: {i.memo}" for c, i in codes.ALIPAY_CLIENT.items()
            },
            "alipay_plus_spi": {c: f"{i.status.value}: {i.memo}" for c, i in codes.SPI.items()},
            "payment_kit": {str(c): m for c, m in codes.PAYMENT_KIT_MESSAGES.items()},
        }
    )
    return 0
