"""The sandbox's auto-payer: a pretend customer who approves, declines or lets expire by itself.

For demos: with a policy such as ``approve after 5 s``, every new PROCESSING payment gets that
action scheduled ``after_seconds`` after its creation (on the sandbox's clock). The gateway's
background loop calls :meth:`AutoPayer.run_due`; an action is dropped when the payment became
final first or was cancelled by the merchant. It works for any client of the sandbox, since it
happens on the server side.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, ClassVar

from cashier_app.domain.errors import CashierError
from cashier_app.domain.values import dataclass
from cashier_app.sandbox import store as st

log = logging.getLogger(__name__)

#: What the pretend customer does; ``off`` does nothing.
ACTIONS = ("approve", "decline", "expire", "off")
#: Upper bound of ``after_seconds`` (the default payment expiry is 600 s).
MAX_DELAY = 600.0
_FIELDS = ("action", "after_seconds", "resultCode", "pending", "pend_seconds")


class AutoPayError(CashierError, ValueError):
    """A bad auto-pay setting; the message names the field."""

    layer = "sandbox"
    MESSAGES: ClassVar[dict[str, str]] = {
        "action_not_one": "action: {action!r} is not one of {actions}",
        "after_seconds_must_number_seconds_from": "after_seconds: {delay!r} must be a number of "
        "seconds from 0 to {max_delay}",
        "resultcode_not_one": "resultCode: {result_code!r} is not one of {decline_codes}",
        "pend_seconds_only_approve_decline_not": "pend_seconds: only with approve or decline, not "
        "{action!r}",
        "pend_seconds_must_number_seconds_from": "pend_seconds: {pend!r} must be a number of "
        "seconds from 0 to {max_delay}",
        "send_json_object_such": "send a JSON object such as "
        '{{"action": "approve", "after_seconds": 5}}',
        "unknown_field_allowed": "{field}: unknown field (allowed: {fields})",
        "action_required_one": "action: required, one of {actions}",
        "action_must_string_one": "action: {action!r} must be a string, one of {actions}",
        "after_seconds_required_number_from_0": "after_seconds: required, a number from 0 to "
        "{max_delay}",
        "pending_must_true_false": "pending: {pending!r} must be true or false",
        "resultcode_must_string": "resultCode: {code_value!r} must be a string",
        "autopay_must_autopaypolicy_not": "autopay must be an AutoPayPolicy, not {name}",
    }


@dataclass(frozen=True)
class AutoPayPolicy:
    """``action`` after ``after_seconds``; ``result_code`` is the decline's payer-side code.
    ``pend_seconds`` (approve / decline only): at ``after_seconds`` the payer completes the
    payment but its result is pending (PAYMENT_PENDING), and the action follows
    ``pend_seconds`` later."""

    action: str = "off"
    after_seconds: float = 0.0
    result_code: str = st.DECLINED_CODE
    pend_seconds: float | None = None

    def __post_init__(self) -> None:
        if self.action not in ACTIONS:
            raise AutoPayError.of("action_not_one", action=self.action, actions=", ".join(ACTIONS))
        delay = self.after_seconds
        if (
            isinstance(delay, bool)
            or not isinstance(delay, int | float)
            or not (math.isfinite(delay) and 0 <= delay <= MAX_DELAY)
        ):
            raise AutoPayError.of(
                "after_seconds_must_number_seconds_from", delay=delay, max_delay=f"{MAX_DELAY:g}"
            )
        if self.result_code not in st.DECLINE_CODES:
            raise AutoPayError.of(
                "resultcode_not_one",
                result_code=self.result_code,
                decline_codes=", ".join(sorted(st.DECLINE_CODES)),
            )
        object.__setattr__(self, "after_seconds", float(delay))
        pend = self.pend_seconds
        if pend is not None:
            if self.action not in ("approve", "decline"):
                raise AutoPayError.of("pend_seconds_only_approve_decline_not", action=self.action)
            if (
                isinstance(pend, bool)
                or not isinstance(pend, int | float)
                or not (math.isfinite(pend) and 0 <= pend <= MAX_DELAY)
            ):
                raise AutoPayError.of(
                    "pend_seconds_must_number_seconds_from", pend=pend, max_delay=f"{MAX_DELAY:g}"
                )
            object.__setattr__(self, "pend_seconds", float(pend))

    @property
    def active(self) -> bool:
        return self.action != "off"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"action": self.action, "after_seconds": self.after_seconds}
        if self.action == "decline":
            data["resultCode"] = self.result_code
        if self.pend_seconds is not None:
            data["pend_seconds"] = self.pend_seconds
        return data


OFF = AutoPayPolicy()


def parse_policy(data: Any) -> tuple[AutoPayPolicy, bool]:
    """``{"action", "after_seconds", "resultCode"?, "pending"?}`` from JSON; returns the policy
    and whether payments already waiting should be scheduled too. AutoPayError names the
    field that is wrong."""
    if not isinstance(data, dict):
        raise AutoPayError.of("send_json_object_such")
    unknown = sorted(set(data) - set(_FIELDS))
    if unknown:
        raise AutoPayError.of("unknown_field_allowed", field=unknown[0], fields=", ".join(_FIELDS))
    if "action" not in data:
        raise AutoPayError.of("action_required_one", actions=", ".join(ACTIONS))
    action = data["action"]
    if not isinstance(action, str):
        raise AutoPayError.of("action_must_string_one", action=action, actions=", ".join(ACTIONS))
    if action != "off" and "after_seconds" not in data:
        raise AutoPayError.of("after_seconds_required_number_from_0", max_delay=f"{MAX_DELAY:g}")
    pending = data.get("pending", False)
    if not isinstance(pending, bool):
        raise AutoPayError.of("pending_must_true_false", pending=pending)
    code = data.get("resultCode", st.DECLINED_CODE)
    if not isinstance(code, str):
        raise AutoPayError.of("resultcode_must_string", code_value=code)
    policy = AutoPayPolicy(
        action.strip().lower(), data.get("after_seconds", 0.0), code, data.get("pend_seconds")
    )
    return policy, pending


@dataclass(frozen=True)
class _Job:
    payment_id: str
    due: datetime
    policy: AutoPayPolicy
    pended: bool = False  #: the payer already completed it (PENDING): the result is next


Act = Callable[[str, AutoPayPolicy], Any]


class AutoPayer:
    """Holds the policy and the scheduled actions; thread-safe.

    ``act(payment_id, policy)`` performs the action (the gateway's approve / decline /
    expire); ``lookup(payment_id)`` returns the store's payment or None; ``pend(payment_id)``
    marks it PENDING (a policy with ``pend_seconds``).
    """

    def __init__(
        self,
        act: Act,
        lookup: Callable[[str], st.Payment | None],
        pend: Callable[[str], Any] | None = None,
    ) -> None:
        self._act, self._lookup, self._pend = act, lookup, pend
        self._lock = threading.Lock()
        self._policy = OFF
        self._jobs: dict[str, _Job] = {}

    @property
    def policy(self) -> AutoPayPolicy:
        with self._lock:
            return self._policy

    def set_policy(
        self,
        policy: AutoPayPolicy,
        *,
        now: datetime | None = None,
        pending: list[st.Payment] | None = None,
    ) -> None:
        """Use ``policy`` for new payments. ``off`` also drops every scheduled action; with
        ``pending`` payments (still PROCESSING) and ``now`` they are (re)scheduled from
        ``now``."""
        if not isinstance(policy, AutoPayPolicy):
            raise AutoPayError.of("autopay_must_autopaypolicy_not", name=type(policy).__name__)
        with self._lock:
            self._policy = policy
            if not policy.active:
                self._jobs.clear()
                return
            if pending and now is not None:
                due = now + timedelta(seconds=policy.after_seconds)
                for p in pending:
                    if p.status == st.PROCESSING:
                        self._jobs[p.payment_id] = _Job(p.payment_id, due, policy)

    def payment_created(self, p: st.Payment) -> None:
        """Store hook: schedule the current policy's action for a new payment."""
        with self._lock:
            policy = self._policy
            if policy.active and p.status == st.PROCESSING:
                due = p.created + timedelta(seconds=policy.after_seconds)
                self._jobs[p.payment_id] = _Job(p.payment_id, due, policy)

    def payment_final(self, payment_id: str) -> None:
        """The payment is final (or cancelled): nothing to do for it any more."""
        with self._lock:
            self._jobs.pop(payment_id, None)

    def scheduled(self) -> list[dict[str, Any]]:
        with self._lock:
            jobs = sorted(self._jobs.values(), key=lambda j: j.due)
        return [
            {"paymentId": j.payment_id, "action": j.policy.action, "due": j.due.isoformat()}
            for j in jobs
        ]

    def run_due(self, now: datetime) -> list[str]:
        """Perform every action whose time has come; returns the payment ids acted on."""
        with self._lock:
            due = [j for j in self._jobs.values() if j.due <= now]
            for job in due:
                del self._jobs[job.payment_id]
        done = []
        for job in sorted(due, key=lambda j: j.due):
            p = self._lookup(job.payment_id)
            if p is None or p.status != (st.PENDING if job.pended else st.PROCESSING):
                continue  # paid, declined, expired or cancelled meanwhile
            try:
                if job.policy.pend_seconds is not None and not job.pended:
                    assert self._pend is not None, "a pend_seconds policy needs pend="
                    self._pend(job.payment_id)
                    later = now + timedelta(seconds=job.policy.pend_seconds)
                    with self._lock:
                        self._jobs[job.payment_id] = _Job(
                            job.payment_id, later, job.policy, pended=True
                        )
                    log.info("sandbox autopay: pend %s", job.payment_id)
                    continue
                self._act(job.payment_id, job.policy)
            except (st.StateError, st.NotFound) as exc:  # raced with another actor
                log.debug("sandbox autopay: %s skipped: %s", job.payment_id, exc)
                continue
            log.info("sandbox autopay: %s %s", job.policy.action, job.payment_id)
            done.append(job.payment_id)
        return done
