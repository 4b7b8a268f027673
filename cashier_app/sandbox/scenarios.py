"""The named scenario catalog: what a QA tester or a presenter asks the sandbox to play.

One catalog for every front end: ``cashier scenario list|set|clear``, the QA console's
Scenarios tab and the control endpoint (``GET /sandbox/scenarios``, ``GET`` / ``POST`` /
``DELETE /sandbox/scenario``) all read :data:`CATALOG`. A scenario is built from the
sandbox's own machinery, nothing else: fault records (``faults.py``) and the auto-payer's
policy (``autopay.py``). Setting one replaces whatever was active (faults and auto-payer);
clearing drops both.

Each parameter has a type, a default and bounds; :func:`parse_params` checks ``k=v`` text
(the CLI) or JSON values (the endpoint) alike, and :class:`ScenarioError` names the problem.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from cashier_app.domain.errors import CashierError
from cashier_app.domain.values import dataclass, field
from cashier_app.sandbox import store as st
from cashier_app.sandbox.faults import APIS, HTTP_ERROR_STATUSES, MAX_SECONDS, MAX_SKEW_SECONDS


class ScenarioError(CashierError, ValueError):
    """An unknown scenario name or a bad parameter; the message names it."""

    layer = "sandbox"
    MESSAGES: ClassVar[dict[str, str]] = {
        "must_true_false": "parameter {parameter}: {value!r} must be true or false",
        "not_one": "parameter {parameter}: {value!r} is not one of {c}",
        "must_number": "parameter {parameter}: {value!r} must be a number",
        "must_whole_number": "parameter {parameter}: {value!r} must be a whole number",
        "must_from": "parameter {parameter}: {value!r} must be from {low} to {high}",
        "scenario_no_parameter_parameters": "scenario {name}: no parameter {name_2!r} (its "
        "parameters: {known})",
        "scenario_params_must_object_name_value": "scenario {name}: params must be an object of "
        "name: value",
        "parameters_are_given_name_value": "{item!r}: parameters are given as name=value",
        "parameter_given_twice": "parameter {name} is given twice",
        "no_scenario_scenarios_are": "no scenario {name!r}; the scenarios are: {catalog}",
        "send": 'send {{"name": SCENARIO, "params": {{NAME: VALUE, ...}}}}',
        "unknown_field_allowed_name_params": "{field}: unknown field (allowed: name, params)",
    }


@dataclass(frozen=True)
class Param:
    """One parameter: ``kind`` is "int", "float", "choice" or "bool"."""

    name: str
    kind: str
    default: Any
    help: str
    low: float | None = None
    high: float | None = None
    choices: tuple[Any, ...] = ()

    def describe(self) -> str:
        """``name=default`` with what it may be, e.g. ``status=503 (500|502|503|504)``."""
        default = value_text(self.default)
        if self.choices:
            return f"{self.name}={default} ({'|'.join(value_text(c) for c in self.choices)})"
        if self.low is not None and self.high is not None:
            return f"{self.name}={default} ({value_text(self.low)}..{value_text(self.high)})"
        return f"{self.name}={default}"

    def parse(self, value: Any) -> Any:
        """The value checked (text from a command line is converted)."""
        where = self.name
        if self.kind == "bool":
            if isinstance(value, str) and value.lower() in ("true", "yes", "1", "false", "no", "0"):
                return value.lower() in ("true", "yes", "1")
            if isinstance(value, bool):
                return value
            raise ScenarioError.of("must_true_false", parameter=where, value=value)
        if self.kind == "choice":
            for choice in self.choices:
                if value == choice or (isinstance(value, str) and value == value_text(choice)):
                    return choice
            raise ScenarioError.of(
                "not_one",
                parameter=where,
                value=value,
                c=", ".join(value_text(c) for c in self.choices),
            )
        number: float
        if isinstance(value, bool):
            raise ScenarioError.of("must_number", parameter=where, value=value)
        if isinstance(value, str):
            try:
                number = int(value) if self.kind == "int" else float(value)
            except ValueError:
                code = "must_whole_number" if self.kind == "int" else "must_number"
                raise ScenarioError.of(code, parameter=where, value=value) from None
        elif isinstance(value, int | float):
            number = value
        else:
            raise ScenarioError.of("must_number", parameter=where, value=value)
        if self.kind == "int" and number != int(number):
            raise ScenarioError.of("must_whole_number", parameter=where, value=value)
        if not math.isfinite(number) or (
            (self.low is not None and number < self.low)
            or (self.high is not None and number > self.high)
        ):
            raise ScenarioError.of(
                "must_from",
                parameter=where,
                value=value,
                low=value_text(self.low),
                high=value_text(self.high),
            )
        return int(number) if self.kind == "int" else float(number)


def value_text(value: Any) -> str:
    if value is None:
        return "all"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass(frozen=True)
class Plan:
    """What a scenario asks of the sandbox: fault records (``POST /sandbox/faults``
    bodies) and an auto-payer policy (``POST /sandbox/autopay`` body) or None."""

    faults: tuple[dict[str, Any], ...] = ()
    autopay: dict[str, Any] | None = None


@dataclass(frozen=True)
class Scenario:
    name: str
    description: str
    params: tuple[Param, ...]
    build: Callable[[dict[str, Any]], Plan] = field(repr=False)
    #: "wallet" (the customer's side), "notify", "gateway" (API answers), "refund"
    group: str = "gateway"
    #: Parameter sets that play the scenario in about a second each (for a client whose
    #: timeout is under 2 s): the fault matrix runs every one, the soak draws from them.
    quick: tuple[dict[str, Any], ...] = ({},)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise ScenarioError.of(
            "scenario_no_parameter_parameters", name=self.name, name_2=name, known=known
        )

    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.params}

    def plan(self, values: Mapping[str, Any] | None = None) -> Plan:
        return self.build(parse_params(self, values or {}))

    def usage(self) -> str:
        """The one ``cashier scenario list`` line: name, parameters, description."""
        params = " ".join(p.describe() for p in self.params) or "-"
        return f"{self.name:<22} {params:<52} {self.description}"

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "group": self.group,
            "params": [
                {
                    "name": p.name,
                    "type": p.kind,
                    "default": p.default,
                    "help": p.help,
                    **({"choices": list(p.choices)} if p.choices else {}),
                    **({"min": p.low, "max": p.high} if p.low is not None else {}),
                }
                for p in self.params
            ],
        }


def parse_params(scenario: Scenario, values: Mapping[str, Any]) -> dict[str, Any]:
    """Every parameter of ``scenario``: the defaults, overridden by ``values`` (checked)."""
    if not isinstance(values, Mapping):
        raise ScenarioError.of("scenario_params_must_object_name_value", name=scenario.name)
    out = scenario.defaults()
    for name, value in values.items():
        out[name] = scenario.param(str(name)).parse(value)
    return out


def parse_assignments(items: list[str]) -> dict[str, str]:
    """``["seconds=3", "status=502"]`` -> ``{"seconds": "3", "status": "502"}``."""
    out: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise ScenarioError.of("parameters_are_given_name_value", item=item)
        if name.strip() in out:
            raise ScenarioError.of("parameter_given_twice", name=name.strip())
        out[name.strip()] = value.strip()
    return out


# -- building blocks --------------------------------------------------------------------

_API = Param(
    "api",
    "choice",
    None,
    "limit it to one API (default: every API)",
    choices=(
        None,
        *(a for a in ("pay", "inquiryPayment", "cancel", "refund", "inquiryRefund") if a in APIS),
    ),
)


def _count(default: int, what: str = "calls") -> Param:
    return Param("count", "int", default, f"how many {what} it strikes", 1, 100)


def _seconds(name: str, default: float, help_text: str, high: float = 600) -> Param:
    return Param(name, "float", default, help_text, 0, high)


def _fault(kind: str, v: dict[str, Any], **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": kind, **extra}
    if "count" in v:
        data["count"] = v["count"]
    else:
        data.setdefault("persistent", True)
    if v.get("api"):
        data["api"] = v["api"]
    return data


def _pays(after: float) -> dict[str, Any]:
    return {"action": "approve", "after_seconds": after}


#: The inquiries that would otherwise tell the result first: for the notification
#: scenarios the result may arrive only by the notification.
_NO_INQUIRY = {"kind": "http_error", "status": 503, "api": "inquiryPayment", "persistent": True}

_PAY_AFTER = _seconds("pay_after", 1, "seconds until the customer pays")

CATALOG: dict[str, Scenario] = {
    s.name: s
    for s in (
        Scenario(
            "wallet_pays",
            "the customer pays in the wallet N s after the payment is created",
            (_seconds("seconds", 2, "seconds until the customer pays"),),
            lambda v: Plan(autopay=_pays(v["seconds"])),
            "wallet",
            quick=({"seconds": 0.3},),
        ),
        Scenario(
            "wallet_declines",
            "the customer declines in the wallet N s after the payment is created",
            (
                _seconds("seconds", 2, "seconds until the customer declines"),
                Param(
                    "code",
                    "choice",
                    st.DECLINED_CODE,
                    "the payer-side result code",
                    choices=tuple(sorted(st.DECLINE_CODES)),
                ),
            ),
            lambda v: Plan(
                autopay={
                    "action": "decline",
                    "after_seconds": v["seconds"],
                    "resultCode": v["code"],
                }
            ),
            "wallet",
            quick=({"seconds": 0.3},),
        ),
        Scenario(
            "wallet_expires",
            "the customer never pays: the payment expires N s after it is created",
            (_seconds("seconds", 3, "seconds until the payment expires"),),
            lambda v: Plan(autopay={"action": "expire", "after_seconds": v["seconds"]}),
            "wallet",
            quick=({"seconds": 0.3},),
        ),
        Scenario(
            "pending_then_result",
            "the customer completes it, PAYMENT_PENDING for N s, then the result",
            (
                _PAY_AFTER,
                _seconds("pending", 2, "seconds the result stays pending"),
                Param("result", "choice", "paid", "the final result", choices=("paid", "declined")),
            ),
            lambda v: Plan(
                autopay={
                    "action": "approve" if v["result"] == "paid" else "decline",
                    "after_seconds": v["pay_after"],
                    "pend_seconds": v["pending"],
                }
            ),
            "wallet",
            quick=(
                {"pay_after": 0.2, "pending": 0.6},
                {"pay_after": 0.2, "pending": 0.6, "result": "declined"},
            ),
        ),
        Scenario(
            "late_notification",
            "paid, but inquiries fail: the result arrives only by a notification N s late",
            (_PAY_AFTER, _seconds("seconds", 3, "seconds the notification is held back", 120)),
            lambda v: Plan(
                faults=(
                    _NO_INQUIRY,
                    {"kind": "late_notification", "seconds": v["seconds"], "persistent": True},
                ),
                autopay=_pays(v["pay_after"]),
            ),
            "notify",
            quick=({"pay_after": 0.2, "seconds": 0.8},),
        ),
        Scenario(
            "duplicate_notification",
            "paid, but inquiries fail: the result arrives only by a notification sent twice",
            (_PAY_AFTER,),
            lambda v: Plan(
                faults=(_NO_INQUIRY, {"kind": "duplicate_notification", "persistent": True}),
                autopay=_pays(v["pay_after"]),
            ),
            "notify",
            quick=({"pay_after": 0.2},),
        ),
        Scenario(
            "latency",
            "every API answer (or one API's) comes N ms late",
            (Param("ms", "int", 800, "milliseconds of delay", 1, int(MAX_SECONDS * 1000)), _API),
            lambda v: Plan(faults=(_fault("latency", v, seconds=v["ms"] / 1000),)),
            quick=({"ms": 300},),
        ),
        Scenario(
            "http_error",
            "the next N API calls answer HTTP 500/502/503 with no Antom body",
            (
                Param(
                    "status", "choice", 503, "the HTTP status", choices=tuple(HTTP_ERROR_STATUSES)
                ),
                _count(2),
                _API,
            ),
            lambda v: Plan(faults=(_fault("http_error", v, status=v["status"]),)),
            quick=tuple({"status": s, "count": 2} for s in (500, 502, 503)),
        ),
        Scenario(
            "connection_reset",
            "the next N API calls are processed, then the connection is reset (TCP RST)",
            (_count(1), _API),
            lambda v: Plan(faults=(_fault("reset", v),)),
            quick=({"count": 1},),
        ),
        Scenario(
            "timeout",
            "the next N API calls are processed but never answered (the client times out)",
            (
                _count(1),
                Param("hold", "float", 15, "seconds the connection is held silent", 1, MAX_SECONDS),
                _API,
            ),
            lambda v: Plan(faults=(_fault("timeout", v, seconds=v["hold"]),)),
            quick=({"count": 1, "hold": 2},),
        ),
        Scenario(
            "malformed_json",
            "the next N API calls answer HTTP 200 with a signed body cut short (not JSON)",
            (_count(1), _API),
            lambda v: Plan(faults=(_fault("malformed_json", v),)),
            quick=({"count": 1},),
        ),
        Scenario(
            "bad_signature",
            "the next N API answers carry a signature that does not verify (mode: how)",
            (
                Param(
                    "mode",
                    "choice",
                    "flip",
                    "flip a bit, leave it out, change the body, or a bad Response-Time",
                    choices=("flip", "missing", "tamper_body", "bad_time"),
                ),
                _count(1),
                _API,
            ),
            lambda v: Plan(faults=(_fault("bad_signature", v, mode=v["mode"]),)),
            quick=tuple({"mode": m} for m in ("flip", "missing", "tamper_body", "bad_time")),
        ),
        Scenario(
            "wrong_key",
            "the next N API answers are signed with a key that is not the gateway's",
            (_count(1), _API),
            lambda v: Plan(faults=(_fault("bad_signature", v, mode="wrong_key"),)),
            quick=({"count": 1},),
        ),
        Scenario(
            "unknown_exception",
            "the next N API calls are processed but answer U / UNKNOWN_EXCEPTION, then success",
            (_count(1), _API),
            lambda v: Plan(faults=(_fault("unknown_exception", v),)),
            quick=({"count": 1},),
        ),
        Scenario(
            "rate_limited",
            "the next N API calls are refused U / REQUEST_TRAFFIC_EXCEED_LIMIT (not processed)",
            (_count(2), _API),
            lambda v: Plan(faults=(_fault("rate_limited", v),)),
            quick=({"count": 2},),
        ),
        Scenario(
            "clock_skew",
            "every API answer is signed with a Response-Time N s off the gateway's clock",
            (
                Param(
                    "seconds",
                    "int",
                    600,
                    "seconds ahead (negative: behind)",
                    -MAX_SKEW_SECONDS,
                    MAX_SKEW_SECONDS,
                ),
            ),
            lambda v: Plan(
                faults=({"kind": "clock_skew", "seconds": v["seconds"], "persistent": True},)
                if v["seconds"]
                else ()
            ),
            quick=({"seconds": 600},),
        ),
        Scenario(
            "async_refund",
            "refunds answer U / REFUND_IN_PROCESS and settle N s later (notifyRefund follows)",
            (
                Param("seconds", "float", 2, "seconds until the refund settles", 0.1, MAX_SECONDS),
                _count(1, "refunds"),
            ),
            lambda v: Plan(faults=(_fault("async_refund", v, seconds=v["seconds"]),)),
            "refund",
            quick=({"seconds": 0.5},),
        ),
    )
}


#: The translation context of the catalog's texts (the QA console's and the CLI's).
TEXT_CONTEXT = "Scenario"


def catalog_texts() -> set[str]:
    """Every description and parameter help of the catalog (the texts to translate)."""
    return {s.description for s in CATALOG.values()} | {
        p.help for s in CATALOG.values() for p in s.params
    }


def get(name: str) -> Scenario:
    """The scenario called ``name``; ScenarioError lists the names when there is none."""
    scenario = CATALOG.get(name) if isinstance(name, str) else None
    if scenario is None:
        raise ScenarioError.of("no_scenario_scenarios_are", name=name, catalog=", ".join(CATALOG))
    return scenario


def parse_request(data: Any) -> tuple[Scenario, dict[str, Any]]:
    """``{"name": ..., "params": {...}}`` (the endpoint's body) -> scenario and values."""
    if not isinstance(data, dict) or "name" not in data:
        raise ScenarioError.of("send")
    unknown = sorted(set(data) - {"name", "params"})
    if unknown:
        raise ScenarioError.of("unknown_field_allowed_name_params", field=unknown[0])
    scenario = get(data["name"])
    return scenario, parse_params(scenario, data.get("params") or {})
