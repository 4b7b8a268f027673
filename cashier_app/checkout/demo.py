"""Scripted demos: a TOML file of sales, refunds and an end of day, each with a caption.

``cashier demo FILE`` plays one in the GUI at a readable pace with the captions on screen;
``cashier demo FILE --headless`` runs it through the service layer and prints a pass/fail
table. This module only reads and checks the file (Qt-free, network-free); the players are
``cli/demo.py`` and ``ui/demo_player.py``. The scenario names are the sandbox's one catalog
(``sandbox/scenarios.py``): the caller hands in a :class:`Catalog` that checks them, so
this module does not depend on the sandbox.

The format (every key but ``caption`` optional; see ``resources/demos/*.toml``)::

    title = "Stakeholder tour"
    title_zh = "演示之旅"      # optional: a zh_CN window shows title_zh / caption_zh
    currency = "HKD"        # the steps' default currency
    pace = 3                # GUI: seconds a caption shows before its step acts (0.5-30)
    pause = false           # GUI: wait for a key (Space / Enter / Right) before every step

    [[step]]
    caption = "Online checkout: the customer scans the QR and pays"
    caption_zh = "线上收款：顾客扫码付款"
    do = "sale"             # sale | refund | end_of_day
    amount = "12.30"        # a string, as typed at the till (never a float)
    wallet = "ALIPAY_HK"    # paymentMethodType
    product = "online"      # online | in-store (the till scans the customer's code)
    code = "pay"            # in-store: what the customer's code does (the sandbox's list)
    scenario = "wallet_pays"  # a catalog scenario, played during this step only
    params = { seconds = 1 }
    customer = "pays"       # pays | declines | expires | none: when no scenario plays it
    customer_after = 1      # ... that many seconds after the payment is created
    expect = "SUCCESS"      # the final status the step must reach
    timeout = 60            # seconds the step may take
    pause = true            # GUI: wait for a key before this step

    [[step]]
    do = "refund"
    caption = "A refund of part of the first sale"
    sale = 1                # the step number of the sale (default: the last paid sale)
    amount = "5.00"         # default: all that is left

    [[step]]
    do = "end_of_day"
    caption = "End of day: the totals"
    expect_sales = 3        # optional: paid sales counted in the report

A bad file raises :class:`DemoError` naming the file, the line and the field.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar, Protocol

from cashier_app.domain import methods
from cashier_app.domain.errors import CashierError
from cashier_app.domain.money import Money, MoneyError, check_currency
from cashier_app.domain.values import dataclass, field

ACTIONS = ("sale", "refund", "end_of_day")
PRODUCTS = ("online", "in-store")
CUSTOMERS = ("pays", "declines", "expires", "none")
#: What a sale step may expect (final states; UNKNOWN: the till could not tell).
SALE_EXPECTS = ("SUCCESS", "FAILED", "CANCELLED", "EXPIRED", "UNKNOWN")
REFUND_EXPECTS = ("SUCCESS", "FAILED", "PENDING", "UNKNOWN")
MAX_STEPS = 200
_TOP_KEYS = {"title", "title_zh", "description", "currency", "pace", "pause", "step"}
_STEP_KEYS = {
    "sale": {
        "caption",
        "caption_zh",
        "do",
        "amount",
        "currency",
        "wallet",
        "product",
        "code",
        "scenario",
        "params",
        "customer",
        "customer_after",
        "expect",
        "timeout",
        "pause",
        "summary",
    },
    "refund": {
        "caption",
        "caption_zh",
        "do",
        "sale",
        "amount",
        "scenario",
        "params",
        "expect",
        "timeout",
        "pause",
    },
    "end_of_day": {"caption", "caption_zh", "do", "expect_sales", "pause"},
}


class DemoProblem(CashierError):
    """What is wrong with one value of a demo file (the message of a :class:`DemoError`
    that names the file, line and step)."""

    layer = "checkout"
    MESSAGES: ClassVar[dict[str, str]] = {
        "must_text_quotes_not": "must be text in quotes, not {value!r}",
        "must_number_not": "must be a number, not {value!r}",
        "must_from": "{value!r} must be from {low} to {high}",
        "must_true_false_not": "must be true or false, not {value!r}",
        "not_one": "{value!r} is not one of {allowed}",
        "write_amount_text_e_g_amount": "{value!r}: write the amount as text, e.g. amount = "
        '"12.30"',
        "must_text_such_12_30_not": 'must be text such as "12.30", not {value!r}',
        "error": "{error}",
        "unknown_setting_allowed_step_tables": "unknown setting (allowed: {top_keys}, and "
        "[[step]] tables)",
        "must_step_table": "must be a [[step]] table",
        "not_field_step_fields": "not a field of a {do} step (its fields: {step_keys})",
        "caption_missing_what_audience_reads": "caption is missing (what the audience reads)",
        "must_1_200_characters": "must be 1 to 200 characters",
        "must_most_200_characters": "must be at most 200 characters",
        "must_whole_number_from_0": "must be a whole number from 0",
        "must_table_e_g_params": "must be a table, e.g. params = {{ seconds = 2 }}",
        "given_without_scenario": "given without a scenario",
        "no_scenario_scenarios_are": "no scenario {name!r}; the scenarios are: {scenario_names}",
        "missing_sale_needs_amount_wallet": "{key} is missing (a sale needs amount and wallet)",
        "does_not_accept_accepts": "{type} does not accept {currency} (it accepts {currencies})",
        "store_sale_product_store": 'is for an in-store sale (product = "in-store")',
        "longer_than_256_characters": "is longer than 256 characters",
        "refund_needs_sale_step_before": "a refund needs a sale step before it",
        "no_sale_before_expected_paid": "no sale before it is expected to be paid",
        "must_step_number_sale_e_g": "must be the step number of a sale, e.g. sale = 1",
        "step_not_sale_step_before_one": "step {sale_number} is not a sale step before this one",
        "step_expected_not_paid": "step {sale_number} is expected {expect}, not paid",
        "more_than_sale_s": "{amount} is more than the sale's {amount_2}",
    }


class DemoError(CashierError, ValueError):
    """A demo file that cannot be played; the message names the file, line and field."""

    layer = "checkout"
    MESSAGES: ClassVar[dict[str, str]] = {
        "cannot_read": "{path}: cannot read it: {problem}",
        "not_utf_8_text": "{path}: not UTF-8 text",
        "not_valid_toml": "{where}: not valid TOML: {detail}",
        "at_step_key": "{where}: step {step}: {key}: {problem}",
        "at_step": "{where}: step {step}: {problem}",
        "at_key": "{where}: {key}: {problem}",
        "at": "{where}: {problem}",
        "no_steps_add_step_tables_see": "{path}: no steps: add [[step]] tables (see the examples)",
        "steps_most": "{path}: {raw_steps} steps; at most {max_steps}",
    }


class Catalog(Protocol):
    """What the demo file is checked against (``sandbox/demo_catalog.py`` is the real one)."""

    code_scenarios: tuple[str, ...]  #: what a customer's in-store code may do
    scenario_names: tuple[str, ...]  #: the scenarios, in catalog order

    def params_problem(self, name: str, params: Mapping[str, Any]) -> CashierError | None:
        """None when scenario ``name`` takes ``params``; else what is wrong."""
        ...

    def plays_customer(self, name: str, params: Mapping[str, Any]) -> bool:
        """Whether scenario ``name`` plays the customer itself (sets the auto-payer)."""
        ...


class SandboxControl(Protocol):
    """The sandbox's control routes a demo uses (``sandbox.control.SimulatorClient``)."""

    def set_scenario(self, name: str, params: dict[str, Any] | None = None) -> Any: ...

    def clear_scenario(self) -> Any: ...

    def set_autopay(self, action: str, after_seconds: float = 0.0) -> Any: ...

    def clear_autopay(self) -> Any: ...


@dataclass(frozen=True)
class Step:
    number: int  #: 1-based, as the table prints it
    line: int  #: the line of its ``[[step]]`` header
    do: str
    caption: str
    caption_zh: str = ""  #: the caption in Simplified Chinese (a zh_CN window shows it)
    amount: Money | None = None  #: refund: None = all that is left
    wallet: str = ""
    product: str = "online"
    code: str = "pay"
    scenario: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    customer: str = "pays"
    customer_after: float = 1.0  #: seconds after the payment is created
    expect: str = "SUCCESS"
    timeout: float = 60.0
    pause: bool = False
    summary: str = ""
    sale: int | None = None  #: refund: the step number of its sale
    expect_sales: int | None = None

    @property
    def label(self) -> str:
        """A short name for the table: ``sale 12.30 HKD ALIPAY_HK`` / ``refund of #1``."""
        if self.do == "sale":
            assert self.amount is not None
            kind = "in-store" if self.product == "in-store" else "sale"
            return f"{kind} {self.amount.decimal_str()} {self.amount.currency} {self.wallet}"
        if self.do == "refund":
            what = self.amount.decimal_str() if self.amount else "all"
            return f"refund {what} of #{self.sale}" if self.sale else f"refund {what}"
        return "end of day"


@dataclass(frozen=True)
class Demo:
    path: Path
    title: str
    description: str
    title_zh: str
    currency: str
    pace: float
    pause: bool
    steps: tuple[Step, ...]


class _Lines:
    """Where a key sits in the file, for messages: the step's header, the key's line."""

    _HEADER = re.compile(r"^\s*\[\[\s*step\s*\]\]")
    _TABLE = re.compile(r"^\s*\[")

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers = [i + 1 for i, line in enumerate(self.lines) if self._HEADER.match(line)]
        first_table = next(
            (i + 1 for i, line in enumerate(self.lines) if self._TABLE.match(line)),
            len(self.lines) + 1,
        )
        self.top_end = first_table

    def step_line(self, index: int) -> int:
        return self.headers[index] if index < len(self.headers) else 0

    def key_line(self, index: int | None, key: str) -> int:
        """The line of ``key = `` in step ``index`` (None: the top of the file)."""
        if index is None:
            start, end = 1, self.top_end
        else:
            start = self.step_line(index)
            end = self.headers[index + 1] if index + 1 < len(self.headers) else len(self.lines) + 1
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for number in range(start, end):
            if pattern.match(self.lines[number - 1]):
                return number
        return start if index is not None else 0


def load_demo(path: Path | str, catalog: Catalog) -> Demo:
    """Read and check a demo file; DemoError names what is wrong (file:line: field)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DemoError.of("cannot_read", path=path, problem=exc) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DemoError.of("not_utf_8_text", path=path) from None
    return parse_demo(text, catalog, path)


def parse_demo(text: str, catalog: Catalog, path: Path | str = "<demo>") -> Demo:
    path = Path(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib says "... (at line 3, column 7)": turn it into file:line.
        message = str(exc)
        m = re.search(r"\(at line (\d+), column (\d+)\)", message)
        where = f"{path}:{m.group(1)}" if m else str(path)
        detail = message[: m.start()].strip() if m else message
        raise DemoError.of("not_valid_toml", where=where, detail=detail) from None
    lines = _Lines(text)
    return _Parser(path, lines, catalog).demo(data)


class _Parser:
    def __init__(self, path: Path, lines: _Lines, catalog: Catalog) -> None:
        self.path, self.lines, self.catalog = path, lines, catalog

    def fail(self, index: int | None, key: str, problem: CashierError) -> DemoError:
        line = self.lines.key_line(index, key) if key else self.lines.step_line(index or 0)
        where = f"{self.path}:{line}" if line else str(self.path)
        code = ("at_step" if index is not None else "at") + ("_key" if key else "")
        step = index + 1 if index is not None else 0
        return DemoError.of(code, where=where, step=step, key=key, problem=problem)

    # -- values -------------------------------------------------------------------------
    def text(self, index: int | None, node: Mapping[str, Any], key: str, default: str) -> str:
        value = node.get(key, default)
        if not isinstance(value, str):
            raise self.fail(index, key, DemoProblem.of("must_text_quotes_not", value=value))
        return value

    def number(
        self,
        index: int | None,
        node: Mapping[str, Any],
        key: str,
        default: float,
        low: float,
        high: float,
    ) -> float:
        value = node.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(index, key, DemoProblem.of("must_number_not", value=value))
        if not low <= value <= high:
            raise self.fail(
                index,
                key,
                DemoProblem.of("must_from", value=value, low=f"{low:g}", high=f"{high:g}"),
            )
        return float(value)

    def flag(self, index: int | None, node: Mapping[str, Any], key: str, default: bool) -> bool:
        value = node.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(index, key, DemoProblem.of("must_true_false_not", value=value))
        return value

    def choice(
        self,
        index: int | None,
        node: Mapping[str, Any],
        key: str,
        default: str,
        allowed: tuple[str, ...],
    ) -> str:
        value = self.text(index, node, key, default)
        if value not in allowed:
            raise self.fail(
                index, key, DemoProblem.of("not_one", value=value, allowed=", ".join(allowed))
            )
        return value

    def money(self, index: int, node: Mapping[str, Any], currency: str) -> Money:
        value = node["amount"]
        if isinstance(value, bool | float):
            raise self.fail(
                index, "amount", DemoProblem.of("write_amount_text_e_g_amount", value=value)
            )
        if isinstance(value, int):
            value = str(value)
        if not isinstance(value, str):
            raise self.fail(
                index, "amount", DemoProblem.of("must_text_such_12_30_not", value=value)
            )
        try:
            return Money.parse(value, currency)
        except MoneyError as exc:
            raise self.fail(index, "amount", DemoProblem.of("error", error=exc)) from None

    # -- the file -----------------------------------------------------------------------
    def demo(self, data: dict[str, Any]) -> Demo:
        unknown = sorted(set(data) - _TOP_KEYS)
        if unknown:
            raise self.fail(
                None,
                unknown[0],
                DemoProblem.of(
                    "unknown_setting_allowed_step_tables",
                    top_keys=", ".join(sorted(_TOP_KEYS - {"step"})),
                ),
            )
        title = self.text(None, data, "title", self.path.stem).strip() or self.path.stem
        description = self.text(None, data, "description", "")
        try:
            currency = check_currency(self.text(None, data, "currency", "HKD"))
        except MoneyError as exc:
            raise self.fail(None, "currency", DemoProblem.of("error", error=exc)) from None
        pace = self.number(None, data, "pace", 3.0, 0.5, 30.0)
        pause = self.flag(None, data, "pause", False)
        raw_steps = data.get("step")
        if not isinstance(raw_steps, list) or not raw_steps:
            raise DemoError.of("no_steps_add_step_tables_see", path=self.path)
        if len(raw_steps) > MAX_STEPS:
            raise DemoError.of(
                "steps_most", path=self.path, raw_steps=len(raw_steps), max_steps=MAX_STEPS
            )
        steps: list[Step] = []
        for index, node in enumerate(raw_steps):
            if not isinstance(node, dict):
                raise self.fail(index, "", DemoProblem.of("must_step_table"))
            steps.append(self.step(index, node, currency, pause, steps))
        title_zh = self.text(None, data, "title_zh", "").strip()
        return Demo(self.path, title, description, title_zh, currency, pace, pause, tuple(steps))

    def step(
        self,
        index: int,
        node: dict[str, Any],
        currency: str,
        pause_all: bool,
        before: list[Step],
    ) -> Step:
        do = self.choice(index, node, "do", "sale", ACTIONS)
        unknown = sorted(set(node) - _STEP_KEYS[do])
        if unknown:
            raise self.fail(
                index,
                unknown[0],
                DemoProblem.of(
                    "not_field_step_fields", do=do, step_keys=", ".join(sorted(_STEP_KEYS[do]))
                ),
            )
        if "caption" not in node:
            raise self.fail(index, "", DemoProblem.of("caption_missing_what_audience_reads"))
        caption = self.text(index, node, "caption", "").strip()
        if not caption or len(caption) > 200:
            raise self.fail(index, "caption", DemoProblem.of("must_1_200_characters"))
        caption_zh = self.text(index, node, "caption_zh", "").strip()
        if len(caption_zh) > 200:
            raise self.fail(index, "caption_zh", DemoProblem.of("must_most_200_characters"))
        common: dict[str, Any] = {
            "number": index + 1,
            "line": self.lines.step_line(index),
            "do": do,
            "caption": caption,
            "caption_zh": caption_zh,
            "pause": self.flag(index, node, "pause", pause_all),
        }
        if do == "end_of_day":
            expect_sales = node.get("expect_sales")
            if expect_sales is not None and (
                isinstance(expect_sales, bool)
                or not isinstance(expect_sales, int)
                or expect_sales < 0
            ):
                raise self.fail(index, "expect_sales", DemoProblem.of("must_whole_number_from_0"))
            return Step(**common, expect_sales=expect_sales)
        scenario, params = self.scenario(index, node)
        timeout = self.number(index, node, "timeout", 60.0, 1.0, 900.0)
        if do == "refund":
            return self.refund(index, node, common, scenario, params, timeout, before)
        return self.sale(index, node, common, currency, scenario, params, timeout)

    def scenario(self, index: int, node: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        name = self.text(index, node, "scenario", "").strip()
        params = node.get("params", {})
        if not isinstance(params, dict):
            raise self.fail(index, "params", DemoProblem.of("must_table_e_g_params"))
        if params and not name:
            raise self.fail(index, "params", DemoProblem.of("given_without_scenario"))
        if name:
            if name not in self.catalog.scenario_names:
                raise self.fail(
                    index,
                    "scenario",
                    DemoProblem.of(
                        "no_scenario_scenarios_are",
                        name=name,
                        scenario_names=", ".join(self.catalog.scenario_names),
                    ),
                )
            problem = self.catalog.params_problem(name, params)
            if problem:
                raise self.fail(index, "params", problem)
        return name, dict(params)

    def sale(
        self,
        index: int,
        node: dict[str, Any],
        common: dict[str, Any],
        default_currency: str,
        scenario: str,
        params: dict[str, Any],
        timeout: float,
    ) -> Step:
        for key in ("amount", "wallet"):
            if key not in node:
                raise self.fail(
                    index, "", DemoProblem.of("missing_sale_needs_amount_wallet", key=key)
                )
        try:
            currency = check_currency(self.text(index, node, "currency", default_currency))
        except MoneyError as exc:
            raise self.fail(index, "currency", DemoProblem.of("error", error=exc)) from None
        amount = self.money(index, node, currency)
        wallet_text = self.text(index, node, "wallet", "")
        try:
            method = methods.get(wallet_text)
        except methods.UnknownMethodError as exc:
            raise self.fail(index, "wallet", DemoProblem.of("error", error=exc)) from None
        if not method.accepts(currency):
            raise self.fail(
                index,
                "wallet",
                DemoProblem.of(
                    "does_not_accept_accepts",
                    type=method.type,
                    currency=currency,
                    currencies=", ".join(method.currencies),
                ),
            )
        product = self.choice(index, node, "product", "online", PRODUCTS)
        code = "pay"
        if product == "in-store":
            code = self.choice(index, node, "code", "pay", self.catalog.code_scenarios)
        elif "code" in node:
            raise self.fail(index, "code", DemoProblem.of("store_sale_product_store"))
        customer = self.choice(index, node, "customer", "pays", CUSTOMERS)
        customer_after = self.number(index, node, "customer_after", 1.0, 0.0, 600.0)
        summary = self.text(index, node, "summary", "").strip()
        if len(summary) > 256:
            raise self.fail(index, "summary", DemoProblem.of("longer_than_256_characters"))
        expect = self.choice(index, node, "expect", "SUCCESS", SALE_EXPECTS)
        return Step(
            **common,
            amount=amount,
            wallet=method.type,
            product=product,
            code=code,
            scenario=scenario,
            params=params,
            customer=customer,
            customer_after=customer_after,
            expect=expect,
            timeout=timeout,
            summary=summary or common["caption"][:256],
        )

    def refund(
        self,
        index: int,
        node: dict[str, Any],
        common: dict[str, Any],
        scenario: str,
        params: dict[str, Any],
        timeout: float,
        before: list[Step],
    ) -> Step:
        sales = [s for s in before if s.do == "sale"]
        if not sales:
            raise self.fail(index, "", DemoProblem.of("refund_needs_sale_step_before"))
        paid = [s for s in sales if s.expect == "SUCCESS"]
        sale_number = node.get("sale")
        if sale_number is None:
            if not paid:
                raise self.fail(index, "", DemoProblem.of("no_sale_before_expected_paid"))
            target = paid[-1]
        else:
            if isinstance(sale_number, bool) or not isinstance(sale_number, int):
                raise self.fail(index, "sale", DemoProblem.of("must_step_number_sale_e_g"))
            found = next((s for s in sales if s.number == sale_number), None)
            if found is None:
                raise self.fail(
                    index,
                    "sale",
                    DemoProblem.of("step_not_sale_step_before_one", sale_number=sale_number),
                )
            target = found
            if target.expect != "SUCCESS":
                raise self.fail(
                    index,
                    "sale",
                    DemoProblem.of(
                        "step_expected_not_paid", sale_number=sale_number, expect=target.expect
                    ),
                )
        amount = None
        if "amount" in node:
            assert target.amount is not None
            amount = self.money(index, node, target.amount.currency)
            if amount.value > target.amount.value:
                raise self.fail(
                    index,
                    "amount",
                    DemoProblem.of("more_than_sale_s", amount=amount, amount_2=target.amount),
                )
        expect = self.choice(index, node, "expect", "SUCCESS", REFUND_EXPECTS)
        return Step(
            **common,
            amount=amount,
            scenario=scenario,
            params=params,
            expect=expect,
            timeout=timeout,
            sale=target.number,
        )


# -- playing a step (shared by the headless runner and the GUI player) -------------------

#: A step's ``customer`` as the sandbox's auto-payer action.
CUSTOMER_ACTIONS = {"pays": "approve", "declines": "decline", "expires": "expire"}


def customer_action(step: Step, catalog: Catalog) -> str | None:
    """The auto-payer's action for an online sale whose scenario does not play the
    customer: the sandbox's customer then acts on the payment whatever the till learned
    (a fault may hide the payment from the till for a while). None: nothing to set."""
    if step.do != "sale" or step.product != "online" or step.customer == "none":
        return None
    if step.scenario and catalog.plays_customer(step.scenario, step.params):
        return None
    return CUSTOMER_ACTIONS[step.customer]


def stage(sim: SandboxControl, step: Step, catalog: Catalog) -> None:
    """Before the step: its scenario, then (setting a scenario resets it) its customer."""
    if step.scenario:
        sim.set_scenario(step.scenario, step.params)
    action = customer_action(step, catalog)
    if action is not None:
        sim.set_autopay(action, step.customer_after)


def unstage(sim: SandboxControl, step: Step, catalog: Catalog) -> None:
    """After the step: the sandbox as it was (no scenario, no customer of ours)."""
    try:
        if step.scenario:
            sim.clear_scenario()
    finally:
        if customer_action(step, catalog) is not None:
            sim.clear_autopay()


def refund_until_settled(
    checkout: Any, payment_request_id: str, step: Step, sleep: Any = None
) -> Any:
    """Refund (part of) a paid sale; an asynchronous refund is asked again until it
    settles (unless the step expects PENDING) or the step's time is up."""
    refund = checkout.refund(payment_request_id, step.amount, step.caption[:256])
    return settle_refund(checkout, refund, step, sleep)


def settle_refund(checkout: Any, refund: Any, step: Step, sleep: Any = None) -> Any:
    """An asynchronous refund asked again until it settles (unless the step expects
    PENDING) or the step's time is up; the refund as it stands then."""
    import time

    sleep = sleep or time.sleep
    deadline = time.monotonic() + step.timeout
    while (
        refund.status.value == "PENDING"
        and step.expect != "PENDING"
        and time.monotonic() < deadline
    ):
        sleep(0.3)
        refund = checkout.refresh_refund(refund.refund_request_id)
    return refund
