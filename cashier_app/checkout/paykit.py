"""HarmonyOS Payment Kit facade (pure external mode) over our picker and checkout service.

This is the path the GUI's picker takes, and what a developer rehearses their ArkTS code
against (seed 002, docs/cashier-ux.md §1):

* ``cashierPicker``   -> :meth:`PaymentKit.open_picker` (interactive: the GUI renders the
  :class:`PickerSession` and calls ``confirm``/``cancel``) or :meth:`PaymentKit.cashier_picker`
  (headless: a ``choose`` callback picks). Either way the result is a ``PickerResult`` whose
  ``selected_payment_type`` is our catalog type (Payment Kit's "merchant-configured code";
  :func:`pay_method_name` gives ``ali_pay`` for Alipay) and a random ``client_token``.
* the merchant server creating the payment -> :meth:`PaymentKit.start_payment` (checks the
  token, then ``CheckoutService.create_payment``).
* ``requestPayment(orderStr, "AP")`` (URL-jump mode) -> :meth:`PaymentKit.request_payment`.
* ``ThirdPayClient.pay`` / ``handlePayCallback`` (interface-invocation mode) ->
  :class:`ThirdPayClient`.

Decisions the seed leaves open:

* ``request_payment`` **blocks until the payment is final** (the promise resolves when the
  third-party cashier hands back), driving ``CheckoutService.run_to_completion``. SUCCESS
  resolves with ``next_step="finish"``; a failure raises with the Payment Kit code
  (1001930000 payer cancel/decline, 1001930001 failed/expired/not paid within
  ``pay_timeout``, after which the checkout cancels it); a gateway that stays unreachable
  raises 1001930011 (the payment stays journaled for recovery); a payment still PENDING when
  polling stops resolves with ``next_step="query"`` (like Alipay's 8000/6004: query, never
  failure). ``extra_info`` carries the ids, our status and the Alipay client
  ``resultStatus``. GUI callers run it on the thread pool like every service call.
* ``payload`` must be ``"AP"``: pure external mode has no Huawei Pay (whose payload is empty).
* An orderStr names its order by ``linkUrl``: the payment's ``applinkUrl`` or ``normalUrl``
  (see :meth:`PaymentKit.order_str`). A link of no payment this kit started or tracked is
  1001930001 ("the order does not exist", as the Payment Kit docs word it).
* ``ThirdPayClient`` answers a bad ``payInfo`` with 1022830002 (its own "payInfo invalid"
  code) and bad constructor arguments with 401. ``payInfo`` is JSON with the mandatory
  ``paymentRequestId`` and ``linkUrl`` (see :meth:`PaymentKit.pay_info`). ``pay`` only
  launches (resolves with nothing, like ``Promise<void>``); the wallet's callback ``want``
  then goes to ``handle_pay_callback``, which confirms with one gateway inquiry (the client
  code is never authoritative) and keeps the outcome for :meth:`ThirdPayClient.result`.
"""

from __future__ import annotations

import hmac
import json
import secrets
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from cashier_app.checkout.errors import UnknownPayment
from cashier_app.domain import codes
from cashier_app.domain import payment_kit as pk
from cashier_app.domain.methods import CATALOG, PaymentMethod, methods_for
from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Outcome, Status
from cashier_app.domain.payment_kit import PaymentInfo, PaymentKitError, PayResult, PickerResult
from cashier_app.domain.records import PaymentRecord
from cashier_app.gateway.errors import GatewayError, GatewayResultError

if TYPE_CHECKING:
    from cashier_app.checkout.service import CheckoutService

#: Payment Kit ``PayMethod`` values (and picker result names) -> our catalog types.
#: WeChat values are Payment Kit's too but this cashier offers no WeChat wallet.
PAY_METHODS: dict[str, tuple[str, ...]] = {
    "ali_pay": ("ALIPAY_CN",),
    "ali_pay_sdk": ("ALIPAY_CN",),
    "alipay_plus": tuple(m.type for m in CATALOG.values() if m.alipay_plus),
}
UNSUPPORTED_PAY_METHODS = frozenset({"wechat_pay", "wechat_pay_sdk", "wechat_mini_program"})

NEXT_STEP_FINISH = "finish"  #: the payment succeeded
NEXT_STEP_QUERY = "query"  #: not final yet: query the order (never treat as failure)

PAYLOAD_H5 = "AP"

SESSION_OPEN = "open"
SESSION_CONFIRMED = "confirmed"
SESSION_CANCELLED = "cancelled"


class PaymentKitFailure(PaymentKitError):
    """A PaymentKitError about a payment that exists: ``record`` is its last snapshot."""

    layer = "checkout"

    def __init__(self, code: int, message: str = "", record: PaymentRecord | None = None) -> None:
        super().__init__(code, message)
        self.record = record


def pay_method_name(method_type: str) -> str:
    """Payment Kit's name for one of our wallets: ``ali_pay`` for Alipay, else our type."""
    return "ali_pay" if method_type.upper() == "ALIPAY_CN" else method_type.upper()


def _resolve_types(names: tuple[str, ...] | list[str]) -> set[str]:
    wanted: set[str] = set()
    for name in names:
        key = name.strip()
        if key.lower() in PAY_METHODS:
            wanted.update(PAY_METHODS[key.lower()])
        elif key.upper() in CATALOG:
            wanted.add(key.upper())
    return wanted


class PickerSession:
    """One open cashier sheet: what it offers and how it ended. Thread-safe.

    ``state`` is ``open``, then ``confirmed`` (``result`` set) or ``cancelled``.
    """

    def __init__(
        self, info: PaymentInfo, money: Money, methods: list[PaymentMethod], merchant_name: str = ""
    ) -> None:
        self.info = info
        self.money = money
        self.methods = methods
        self.merchant_name = merchant_name
        self.client_token = secrets.token_urlsafe(24)
        self.result: PickerResult | None = None
        self.payment_request_id: str | None = None  #: set once start_payment created it
        self._state = SESSION_OPEN
        self._lock = threading.Lock()

    @property
    def state(self) -> str:
        return self._state

    def offers(self, method_type: str) -> bool:
        return any(m.type == str(method_type).strip().upper() for m in self.methods)

    def confirm(self, method_type: str) -> PickerResult:
        """The payer pressed Pay with ``method_type``: 401 if it is not offered,
        1001930010 if this sheet was already confirmed, 1001930000 if it was cancelled."""
        if not isinstance(method_type, str) or not self.offers(method_type):
            offered = ", ".join(m.type for m in self.methods)
            raise PaymentKitError(
                pk.PARAM_ERROR,
                f"payment method {method_type!r} is not "
                f"offered by this cashier (offered: {offered})",
            )
        with self._lock:
            if self._state == SESSION_CONFIRMED:
                raise PaymentKitError(pk.DUPLICATE_REQUEST, "this cashier was already confirmed")
            if self._state == SESSION_CANCELLED:
                raise PaymentKitError(pk.USER_CANCELLED, "this cashier was cancelled")
            self._state = SESSION_CONFIRMED
            self.result = PickerResult(method_type.strip().upper(), self.client_token)
            return self.result

    def cancel(self) -> PaymentKitError:
        """The payer closed the sheet: returns the 1001930000 error the caller rejects with.
        On a sheet already confirmed it changes nothing (a close handler may call it
        unconditionally) and still returns the error object."""
        with self._lock:
            if self._state == SESSION_OPEN:
                self._state = SESSION_CANCELLED
        return PaymentKitError(pk.USER_CANCELLED)

    def __repr__(self) -> str:  # the client token is a caller secret: not shown
        return f"PickerSession({self.money}, {len(self.methods)} methods, state={self._state})"


class PaymentKit:
    """The Payment Kit facade over one CheckoutService (see the module docstring)."""

    def __init__(
        self,
        checkout: CheckoutService,
        *,
        enabled_methods: list[str] | tuple[str, ...] | None = None,
        merchant_name: str = "",
        poll_policy: Any = None,
        pay_timeout: float | None = None,
    ) -> None:
        self.checkout = checkout
        self.enabled_methods = tuple(enabled_methods) if enabled_methods is not None else None
        self.merchant_name = merchant_name
        self.poll_policy = poll_policy
        self.pay_timeout = pay_timeout
        self._lock = threading.Lock()
        self._links: dict[str, str] = {}  # linkUrl -> payment_request_id
        self._tokens: dict[str, str] = {}  # payment_request_id -> client token
        self._inflight: set[str] = set()

    # -- cashierPicker ----------------------------------------------------------------
    def open_picker(self, info: PaymentInfo) -> PickerSession:
        """Validate ``info`` and list the wallets: PaymentKitError(401) on bad info or when
        no wallet is left for the currency, ``enabled_methods`` and ``selectPayType``."""
        if not isinstance(info, PaymentInfo):
            raise PaymentKitError(pk.PARAM_ERROR, "paymentInfo must be a PaymentInfo")
        money = info.validate()
        offered = methods_for(money.currency, self.enabled_methods)
        selectable = info.selectable_types()
        if selectable is not None:
            wanted = _resolve_types(selectable)
            offered = [m for m in offered if m.type in wanted]
        if not offered:
            limit = (
                f" and selectPayType {info.extra().get('selectPayType')!r}"
                if selectable is not None
                else ""
            )
            raise PaymentKitError(
                pk.PARAM_ERROR,
                f"no payment method accepts {money.currency}{limit} for this merchant",
            )
        return PickerSession(info, money, offered, self.merchant_name)

    def cashier_picker(
        self, info: PaymentInfo, choose: Callable[[PickerSession], str | None]
    ) -> PickerResult:
        """Headless ``cashierPicker``: ``choose`` returns a method type, or None to close
        the sheet (raises 1001930000)."""
        session = self.open_picker(info)
        choice = choose(session)
        if choice is None:
            raise session.cancel()
        return session.confirm(choice)

    # -- the merchant server creates the payment --------------------------------------
    def start_payment(
        self,
        session: PickerSession,
        picker_result: PickerResult,
        reference_order_id: str | None = None,
    ) -> PaymentRecord:
        """Create the payment for a confirmed picker: 401 when ``picker_result`` is not the
        session's own (token check), 1001930010 when this session already started one,
        1001930001 when the gateway refuses it, 1001930011 when it cannot be reached (the
        payment is journaled and recovery will settle it)."""
        if (
            session.result is None
            or not isinstance(picker_result, PickerResult)
            or not hmac.compare_digest(
                picker_result.client_token.encode(), session.client_token.encode()
            )
            or picker_result.selected_payment_type != session.result.selected_payment_type
        ):
            raise PaymentKitError(
                pk.PARAM_ERROR,
                "picker result does not belong to this "
                "cashier session (client token mismatch or not confirmed)",
            )
        with session._lock:
            if session.payment_request_id is not None:
                raise PaymentKitError(
                    pk.DUPLICATE_REQUEST,
                    "a payment was already created "
                    f"for this cashier ({session.payment_request_id})",
                )
            session.payment_request_id = ""  # claimed; filled in below
        try:
            record = self.checkout.create_payment(
                session.info, picker_result.selected_payment_type, reference_order_id
            )
        except GatewayResultError as exc:
            session.payment_request_id = None
            raise self._gateway_error(exc) from exc
        except GatewayError as exc:
            # Journaled with its id; the outcome is unknown, so the session stays claimed.
            raise PaymentKitError(pk.NETWORK_ERROR, f"gateway not reachable: {exc}") from exc
        except BaseException:
            session.payment_request_id = None
            raise
        session.payment_request_id = record.payment_request_id
        self.track(record, client_token=session.client_token)
        if record.status in (Status.FAILED, Status.EXPIRED, Status.CANCELLED):
            raise self._final_error(record)
        return record

    def track(self, record: PaymentRecord, client_token: str = "") -> None:
        """Let ``request_payment``/``ThirdPayClient`` find a payment by its links (done by
        ``start_payment``; call it for payments created another way, e.g. recovered)."""
        with self._lock:
            for url in (record.applink_url, record.normal_url, record.scheme_url):
                if url:
                    self._links[url] = record.payment_request_id
            if client_token:
                self._tokens[record.payment_request_id] = client_token

    def order_str(self, record: PaymentRecord) -> str:
        """The orderStr a merchant client builds from its server's answer:
        ``{"nextAction":"L","linkUrl":<applinkUrl or normalUrl>,"scheme"?,"clientToken"?}``."""
        link = record.applink_url or record.normal_url
        if not link:
            raise PaymentKitError(
                pk.PAY_FAILED, f"payment {record.payment_request_id} has no link to jump to yet"
            )
        data: dict[str, str] = {"nextAction": "L", "linkUrl": link}
        if record.scheme_url:
            data["scheme"] = record.scheme_url
        token = self._tokens.get(record.payment_request_id)
        if token:
            data["clientToken"] = token
        return json.dumps(data, separators=(",", ":"))

    def pay_info(self, record: PaymentRecord) -> str:
        """The payInfo JSON for ``ThirdPayClient.pay`` (mandatory: paymentRequestId, linkUrl)."""
        data = json.loads(self.order_str(record))
        out = {"paymentRequestId": record.payment_request_id, "linkUrl": data["linkUrl"]}
        if "clientToken" in data:
            out["clientToken"] = data["clientToken"]
        return json.dumps(out, separators=(",", ":"))

    # -- requestPayment (URL jump) -----------------------------------------------------
    def request_payment(
        self,
        order_str: str,
        payload: str = PAYLOAD_H5,
        *,
        on_update: Callable[[PaymentRecord], None] | None = None,
    ) -> PayResult:
        """Jump to the third-party cashier and resolve when the payment is final (see the
        module docstring for the codes and the ``next_step`` values)."""
        if payload != PAYLOAD_H5:
            raise PaymentKitError(
                pk.PARAM_ERROR,
                f"payload must be {PAYLOAD_H5!r} in pure external mode (got {payload!r})",
            )
        data = _parse_order_str(order_str)
        prid = self.lookup(data["linkUrl"])
        if prid is None:
            raise PaymentKitError(
                pk.PAY_FAILED,
                "the order does not exist: linkUrl is not "
                "the link of a payment this cashier created",
            )
        self._check_token(prid, data.get("clientToken"), pk.PARAM_ERROR)
        with self._claim(prid):
            record = self._record(prid)
            if record.is_final:
                raise PaymentKitFailure(
                    pk.ALREADY_PROCESSED, f"payment {prid} is already {record.status.value}", record
                )
            record = self._run(prid, on_update)
        return self._pay_result(record, payload)

    def lookup(self, link_url: str) -> str | None:
        """The payment_request_id whose applink/normal/scheme URL is ``link_url``: a
        payment this kit tracks, else an open one of this profile in the journal (so a
        second process, e.g. ``cashier paykit request-payment``, finds it too)."""
        with self._lock:
            found = self._links.get(link_url)
        if found is not None:
            return found
        journal = getattr(self.checkout, "journal", None)
        profile = getattr(self.checkout, "profile", None)
        if journal is None:
            return None
        for record in journal.non_final_payments(profile):
            if link_url in (record.applink_url, record.normal_url, record.scheme_url):
                self.track(record)
                return str(record.payment_request_id)
        return None

    # -- helpers shared with ThirdPayClient --------------------------------------------
    def _check_token(self, prid: str, token: Any, code: int) -> None:
        if token is None:
            return
        expected = self._tokens.get(prid, "")
        if (
            not isinstance(token, str)
            or not expected
            or not hmac.compare_digest(token.encode(), expected.encode())
        ):
            raise PaymentKitError(
                code, "clientToken does not match the cashier session that created this payment"
            )

    def _claim(self, prid: str) -> _Claim:
        return _Claim(self, prid)

    def _record(self, prid: str) -> PaymentRecord:
        try:
            return self.checkout.get(prid)
        except UnknownPayment:
            raise PaymentKitError(pk.PAY_FAILED, f"the order {prid} does not exist") from None

    def _run(self, prid: str, on_update: Callable[[PaymentRecord], None] | None) -> PaymentRecord:
        kwargs: dict[str, Any] = {"timeout": self.pay_timeout, "on_update": on_update}
        if self.poll_policy is not None:
            kwargs["policy"] = self.poll_policy
        try:
            return self.checkout.run_to_completion(prid, **kwargs)
        except TimeoutError:
            return self._record(prid)
        except GatewayResultError as exc:
            raise self._gateway_error(exc) from exc
        except GatewayError as exc:
            raise PaymentKitError(pk.NETWORK_ERROR, f"gateway not reachable: {exc}") from exc

    @staticmethod
    def _gateway_error(exc: GatewayResultError) -> PaymentKitError:
        if exc.retryable:
            return PaymentKitError(pk.NETWORK_ERROR, f"result unknown: {exc}")
        return PaymentKitError(pk.PAY_FAILED, f"the gateway refused the payment: {exc}")

    @staticmethod
    def _final_error(record: PaymentRecord, *, third_pay: bool = False) -> PaymentKitFailure:
        outcome = Outcome(record.status, record.result_code, record.result_message)
        code = codes.payment_kit_code(outcome, third_pay=third_pay) or pk.PAY_FAILED
        detail = f"{record.status.value}"
        if record.result_code:
            detail += f" ({record.result_code})"
        return PaymentKitFailure(
            code,
            f"{codes.PAYMENT_KIT_MESSAGES[code]}: payment {record.payment_request_id} is {detail}",
            record,
        )

    def _pay_result(
        self, record: PaymentRecord, payload: str, *, third_pay: bool = False
    ) -> PayResult:
        if record.is_final and record.status is not Status.SUCCESS:
            raise self._final_error(record, third_pay=third_pay)
        if record.status is Status.UNKNOWN:
            raise PaymentKitFailure(
                pk.NETWORK_ERROR,
                f"payment {record.payment_request_id} "
                f"could not be confirmed with the gateway "
                f"({record.result_code or 'unreachable'}); it stays open "
                "and recovery will settle it",
                record,
            )
        selected = pay_method_name(record.method)
        extra = {
            "selectedPaymentType": selected,
            "paymentRequestId": record.payment_request_id,
            "paymentId": record.payment_id,
            "status": record.status.value,
            "resultCode": record.result_code,
            "resultStatus": codes.alipay_client_code(record.status),
        }
        return PayResult(
            selected_payment_type=selected,
            client_token=self._tokens.get(record.payment_request_id, ""),
            next_step=NEXT_STEP_FINISH if record.status is Status.SUCCESS else NEXT_STEP_QUERY,
            extra_info=json.dumps(extra, separators=(",", ":")),
            payload=payload,
            details={"record": record},
        )


class _Claim:
    """One request in flight per payment: a second one gets 1001930010."""

    def __init__(self, kit: PaymentKit, prid: str) -> None:
        self.kit, self.prid = kit, prid

    def __enter__(self) -> None:
        with self.kit._lock:
            if self.prid in self.kit._inflight:
                raise PaymentKitError(
                    pk.DUPLICATE_REQUEST,
                    f"a payment request for {self.prid} is already in progress",
                )
            self.kit._inflight.add(self.prid)

    def __exit__(self, *exc: object) -> None:
        with self.kit._lock:
            self.kit._inflight.discard(self.prid)


def _parse_order_str(order_str: Any) -> dict[str, Any]:
    if not isinstance(order_str, str) or not order_str.strip():
        raise PaymentKitError(pk.PARAM_ERROR, "orderStr is missing")
    try:
        data = json.loads(order_str)
    except ValueError:
        raise PaymentKitError(pk.PARAM_ERROR, "orderStr is not valid JSON") from None
    if not isinstance(data, dict):
        raise PaymentKitError(pk.PARAM_ERROR, "orderStr must be a JSON object")
    if data.get("nextAction") != "L":
        raise PaymentKitError(
            pk.PARAM_ERROR,
            f"orderStr nextAction {data.get('nextAction')!r} is not supported (only 'L')",
        )
    link = data.get("linkUrl")
    if not isinstance(link, str) or not link.strip():
        raise PaymentKitError(pk.PARAM_ERROR, "orderStr linkUrl is missing")
    if urlsplit(link).scheme not in ("http", "https"):
        raise PaymentKitError(pk.PARAM_ERROR, "orderStr linkUrl must be an http(s) URL")
    for name in ("scheme", "clientToken"):
        if name in data and not isinstance(data[name], str):
            raise PaymentKitError(pk.PARAM_ERROR, f"orderStr {name} must be a string")
    return data


# -- ThirdPayClient (interface invocation) --------------------------------------------


def callback_want(
    third_app_id: str, payment_request_id: str, result_status: str, memo: str = ""
) -> dict[str, Any]:
    """The Want a wallet app hands back to the merchant app after paying (what
    ``handle_pay_callback`` receives): the Alipay client ``resultStatus`` and our order id."""
    return {
        "bundleName": third_app_id,
        "uri": f"{third_app_id}://pay/result",
        "parameters": {
            "paymentRequestId": payment_request_id,
            "resultStatus": str(result_status),
            "memo": memo,
        },
    }


class ThirdPayClient:
    """``thirdPaymentService.ThirdPayClient(context, payMethod, thirdAppId)`` over the kit.

    ``pay_method`` is a Payment Kit ``PayMethod`` value (``ali_pay``) or a catalog type
    (``ALIPAY_HK``); WeChat values are refused with 401 (not offered by this cashier).
    """

    def __init__(self, kit: PaymentKit, pay_method: str, third_app_id: str) -> None:
        if not isinstance(pay_method, str) or not pay_method.strip():
            raise PaymentKitError(pk.PARAM_ERROR, "payMethod is missing")
        if pay_method.strip().lower() in UNSUPPORTED_PAY_METHODS:
            raise PaymentKitError(
                pk.PARAM_ERROR,
                f"payMethod {pay_method!r} is not offered "
                "by this cashier (Alipay and Alipay+ wallets only)",
            )
        types = _resolve_types([pay_method])
        if not types:
            raise PaymentKitError(pk.PARAM_ERROR, f"payMethod {pay_method!r} is unknown")
        if not isinstance(third_app_id, str) or not third_app_id.strip():
            raise PaymentKitError(pk.PARAM_ERROR, "thirdAppId is missing")
        self.kit = kit
        self.pay_method = pay_method.strip()
        self.third_app_id = third_app_id.strip()
        self._types = types
        self._lock = threading.Lock()
        self._pending: dict[str, _Claim] = {}
        self._results: dict[str, PayResult | PaymentKitError] = {}

    def pay(self, pay_info: str) -> None:
        """Launch the wallet for the order in ``pay_info``: 1022830002 for a bad payInfo,
        1001930002 when the order is already final, 1001930010 while it is in flight."""
        data = self._parse_pay_info(pay_info)
        prid = data["paymentRequestId"]
        try:
            record = self.kit.checkout.get(prid)
        except UnknownPayment:
            raise PaymentKitError(
                codes.THIRD_PAY_INFO_INVALID,
                f"payInfo paymentRequestId {prid!r} is not an order of this cashier",
            ) from None
        if self.kit.lookup(data["linkUrl"]) != prid:
            raise PaymentKitError(
                codes.THIRD_PAY_INFO_INVALID, "payInfo linkUrl is not the link of that order"
            )
        if record.method not in self._types:
            raise PaymentKitError(
                codes.THIRD_PAY_INFO_INVALID,
                f"the order is for {record.method}, not payMethod {self.pay_method}",
            )
        self.kit._check_token(prid, data.get("clientToken"), codes.THIRD_PAY_INFO_INVALID)
        if record.is_final:
            raise PaymentKitFailure(
                pk.ALREADY_PROCESSED, f"payment {prid} is already {record.status.value}", record
            )
        claim = self.kit._claim(prid)
        claim.__enter__()
        with self._lock:
            self._pending[prid] = claim
            self._results.pop(prid, None)

    def handle_pay_callback(self, want: dict[str, Any]) -> bool:
        """Take the wallet's callback Want: False when it is not a payment callback of this
        client; else confirm the order with the gateway (one inquiry), keep the outcome for
        :meth:`result`, and return True."""
        if not isinstance(want, dict) or want.get("bundleName") != self.third_app_id:
            return False
        params = want.get("parameters")
        if not isinstance(params, dict):
            return False
        prid = params.get("paymentRequestId")
        with self._lock:
            if not isinstance(prid, str) or prid not in self._pending:
                return False
        client = codes.from_alipay_client(
            params.get("resultStatus", ""), str(params.get("memo", ""))
        )
        result: PayResult | PaymentKitError
        try:
            record = self.kit.checkout.refresh(prid)
        except GatewayError as exc:
            result = PaymentKitError(
                pk.NETWORK_ERROR,
                f"could not confirm the wallet's {client.code} with the gateway: {exc}",
            )
            record = None
        if record is not None:
            try:
                result = self.kit._pay_result(record, PAYLOAD_H5, third_pay=True)
            except PaymentKitError as exc:
                result = exc
        with self._lock:
            self._results[prid] = result
            if record is not None and record.is_final:
                self._pending.pop(prid).__exit__(None, None, None)
        return True

    def result(self, payment_request_id: str) -> PayResult | None:
        """What the last callback for the order said: a PayResult (``next_step`` finish or
        query), None before any callback; raises the PaymentKitError of a failed payment."""
        with self._lock:
            outcome = self._results.get(payment_request_id)
        if isinstance(outcome, PaymentKitError):
            raise outcome
        return outcome

    def _parse_pay_info(self, pay_info: Any) -> dict[str, Any]:
        bad = codes.THIRD_PAY_INFO_INVALID
        if not isinstance(pay_info, str) or not pay_info.strip():
            raise PaymentKitError(bad, "payInfo is missing")
        try:
            data = json.loads(pay_info)
        except ValueError:
            raise PaymentKitError(bad, "payInfo is not valid JSON") from None
        if not isinstance(data, dict):
            raise PaymentKitError(bad, "payInfo must be a JSON object")
        for name in ("paymentRequestId", "linkUrl"):
            if not isinstance(data.get(name), str) or not data[name].strip():
                raise PaymentKitError(bad, f"payInfo {name} is missing")
        return data
