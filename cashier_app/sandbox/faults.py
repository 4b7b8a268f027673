"""Fault scenarios the sandbox can inject for QA: latency, 5xx, reset, bad signature, ...

A scenario is one :class:`Fault`; it is *one-shot* (``count=1``), fires for the next ``count``
matching requests, or is *persistent* (``count=None``) until cleared. Set them in-process
(``gateway.faults.add("latency", seconds=2)``) or over HTTP
(``POST <url>/sandbox/faults`` with the same fields as JSON; ``DELETE`` clears them).
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

from cashier_app.domain.errors import CashierError
from cashier_app.domain.values import asdict, dataclass, field

#: Fault kinds and what they do.
KINDS: dict[str, str] = {
    "latency": "wait `seconds` before answering an API call",
    "http_error": "answer an API call with HTTP `status` (500/502/503/504) and no Antom body",
    "reset": "reset the TCP connection instead of answering an API call",
    "bad_signature": "answer an API call with a bad signature (`mode`: flip, missing, "
    "wrong_key, tamper_body, bad_time)",
    "unknown_exception": "answer an API call with resultStatus U / UNKNOWN_EXCEPTION",
    "rate_limited": "answer an API call with resultStatus U / REQUEST_TRAFFIC_EXCEED_LIMIT "
    "(the request is not processed)",
    "timeout": "take an API call and never answer it: the connection is closed after "
    "`seconds` (default 15 s, longer than a client's timeout)",
    "malformed_json": "answer an API call with HTTP 200 and a signed body that is not JSON",
    "duplicate_notification": "send each payment notification twice",
    "late_notification": "hold payment notifications back for `seconds` first",
    "async_refund": "answer a refund U / REFUND_IN_PROCESS and settle it `seconds` later "
    "(0: the sandbox's refund_settle_seconds); notifyRefund follows",
    "clock_skew": "sign API answers with a Response-Time `seconds` off the sandbox's clock "
    "(negative: behind; up to a day either way)",
}

#: Kinds that act on API requests (the others act on notifications).
REQUEST_KINDS = frozenset(
    {
        "latency",
        "http_error",
        "reset",
        "bad_signature",
        "unknown_exception",
        "rate_limited",
        "timeout",
        "malformed_json",
        "clock_skew",
    }
)

#: APIs a fault may be limited to.
APIS = frozenset({"pay", "inquiryPayment", "cancel", "refund", "inquiryRefund"})

#: Kinds the API handlers take themselves (not the HTTP layer).
HANDLER_KINDS = frozenset({"async_refund"})

SIGNATURE_MODES = ("flip", "missing", "wrong_key", "tamper_body", "bad_time")
HTTP_ERROR_STATUSES = (500, 502, 503, 504)
MAX_SECONDS = 120.0
#: How long the ``timeout`` fault holds a connection when not told.
DEFAULT_TIMEOUT_HOLD = 15.0
MAX_SKEW_SECONDS = 86_400.0


class FaultError(CashierError, ValueError):
    """A fault description that cannot be used; the message names the field."""

    layer = "sandbox"
    MESSAGES: ClassVar[dict[str, str]] = {
        "fault_must_json_object_least_kind": "a fault must be a JSON object with at least 'kind'",
        "unknown_fault_field_s": "unknown fault field(s): {unknown}",
        "fault_kind_not_one": "fault kind {kind!r} is not one of: {kinds}",
        "fault_count_must_whole_number_1": "fault 'count' must be a whole number >= 1 (or use "
        "persistent)",
        "fault_api_not_one": "fault 'api' {api!r} is not one of: {apis}",
        "fault_clock_skew_needs_seconds_from": "fault 'clock_skew' needs 'seconds' from "
        "-{max_skew_seconds} to {max_skew_seconds}, not 0",
        "fault_seconds_must_number_from_0": "fault 'seconds' must be a number from 0 to "
        "{max_seconds}",
        "fault_needs_seconds_0": "fault {kind!r} needs 'seconds' > 0",
        "fault_status_must_one": "fault 'status' must be one of {http_error_statuses}",
        "fault_mode_must_one": "fault 'mode' must be one of: {signature_modes}",
        "fault_after_must_true_false": "fault 'after' must be true or false",
    }


@dataclass
class Fault:
    """One scenario. ``after`` says whether the request is processed before the fault
    strikes (the answer is lost or spoiled, but the payment was created/changed)."""

    kind: str
    count: int | None = 1  #: remaining firings; None = persistent
    api: str | None = None  #: limit to one API; None = all
    seconds: float = 0.0  #: latency / late_notification / timeout
    status: int = 503  #: http_error
    mode: str = "flip"  #: bad_signature
    after: bool = False  #: process the request first (reset, unknown_exception, ...)
    id: int = field(default=0)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


_DEFAULT_AFTER = {
    "reset": True,
    "unknown_exception": True,
    "rate_limited": False,
    "timeout": True,
    "malformed_json": True,
    "bad_signature": True,
    "latency": False,
    "http_error": False,
}


def parse_fault(data: Any) -> Fault:
    """Build a Fault from JSON-ish data, checking every field."""
    if not isinstance(data, dict):
        raise FaultError.of("fault_must_json_object_least_kind")
    unknown = set(data) - {
        "kind",
        "count",
        "persistent",
        "api",
        "seconds",
        "status",
        "mode",
        "after",
    }
    if unknown:
        raise FaultError.of("unknown_fault_field_s", unknown=", ".join(sorted(unknown)))
    kind = data.get("kind")
    if kind not in KINDS:
        raise FaultError.of("fault_kind_not_one", kind=kind, kinds=", ".join(KINDS))
    count: int | None = data.get("count", 1)
    if data.get("persistent"):
        count = None
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
        raise FaultError.of("fault_count_must_whole_number_1")
    api = data.get("api")
    if api is not None and api not in APIS:
        raise FaultError.of("fault_api_not_one", api=api, apis=", ".join(sorted(APIS)))
    seconds = data.get("seconds", 0.0)
    if kind == "clock_skew":
        if (
            isinstance(seconds, bool)
            or not isinstance(seconds, int | float)
            or not (0 < abs(seconds) <= MAX_SKEW_SECONDS)
        ):
            raise FaultError.of(
                "fault_clock_skew_needs_seconds_from", max_skew_seconds=f"{MAX_SKEW_SECONDS:g}"
            )
    elif (
        isinstance(seconds, bool)
        or not isinstance(seconds, int | float)
        or not (0 <= seconds <= MAX_SECONDS)
    ):
        raise FaultError.of("fault_seconds_must_number_from_0", max_seconds=f"{MAX_SECONDS:g}")
    if kind in ("latency", "late_notification") and seconds <= 0:
        raise FaultError.of("fault_needs_seconds_0", kind=kind)
    if kind == "timeout" and not seconds:
        seconds = DEFAULT_TIMEOUT_HOLD
    status = data.get("status", 503)
    if status not in HTTP_ERROR_STATUSES:
        raise FaultError.of("fault_status_must_one", http_error_statuses=HTTP_ERROR_STATUSES)
    mode = data.get("mode", "flip")
    if mode not in SIGNATURE_MODES:
        raise FaultError.of("fault_mode_must_one", signature_modes=", ".join(SIGNATURE_MODES))
    after = data.get("after", _DEFAULT_AFTER.get(kind, False))
    if not isinstance(after, bool):
        raise FaultError.of("fault_after_must_true_false")
    return Fault(
        kind=kind,
        count=count,
        api=api,
        seconds=float(seconds),
        status=status,
        mode=mode,
        after=after,
    )


class FaultPlan:
    """The active scenarios; thread-safe. The server asks :meth:`take` per request."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self._faults: list[Fault] = []
        self._ids = itertools.count(1)
        #: Called (under the lock) with whether any fault is planned, whenever the plan
        #: changes: the fast lane's worker processes listen (``sandbox/laneworker.py``).
        self.on_change: Callable[[bool], None] | None = None

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change(bool(self._faults))

    def add(self, kind: str, *, count: int | None = 1, **params: Any) -> Fault:
        """Add a scenario, e.g. ``add("http_error", status=500, count=2)`` or
        ``add("latency", seconds=1.5, count=None)`` (persistent)."""
        data = {"kind": kind, **params}
        if count is None:
            data["persistent"] = True
        else:
            data["count"] = count
        return self.add_fault(parse_fault(data))

    def add_fault(self, fault: Fault) -> Fault:
        with self.lock:
            fault.id = next(self._ids)
            self._faults.append(fault)
            self._changed()
        return fault

    def clear(self) -> None:
        with self.lock:
            self._faults.clear()
            self._changed()

    def active(self) -> list[Fault]:
        with self.lock:
            return [Fault(**asdict(f)) for f in self._faults]

    def take(self, kinds: frozenset[str] | set[str], api: str | None = None) -> list[Fault]:
        """The scenarios of ``kinds`` that fire now (for ``api``), using up one firing of
        each; at most one per kind, oldest first."""
        fired: list[Fault] = []
        with self.lock:
            seen: set[str] = set()
            for fault in list(self._faults):
                if fault.kind not in kinds or fault.kind in seen:
                    continue
                if fault.api is not None and api is not None and fault.api != api:
                    continue
                if fault.api is not None and api is None:
                    continue
                seen.add(fault.kind)
                fired.append(Fault(**asdict(fault)))
                if fault.count is not None:
                    fault.count -= 1
                    if fault.count <= 0:
                        self._faults.remove(fault)
                        self._changed()
        return fired

    @contextlib.contextmanager
    def held(self) -> Iterator[bool]:
        """Whether any fault is planned, the plan held still while the caller's block runs."""
        with self.lock:
            yield bool(self._faults)

    def __bool__(self) -> bool:
        with self.lock:
            return bool(self._faults)
