"""Lock-out after wrong PINs: the rule both operator stores (the till's SQLite file, the
store's PostgreSQL) apply, as pure functions of an account and the time."""

from __future__ import annotations

from datetime import datetime, timedelta

from cashier_app.operators.errors import OperatorError

MAX_FAILURES = 5
LOCK_MINUTES = 5
LOCK_MAX_MINUTES = 60


def local_hhmm(when: datetime) -> str:
    return when.astimezone().strftime("%H:%M")


def minutes_left(until: datetime, now: datetime) -> int:
    return max(1, -int(-(until - now).total_seconds() // 60))


def refuse_if_locked(
    name: str, failures: int, locked_until: datetime | None, now: datetime
) -> None:
    """OperatorError ``locked`` (saying until when) while the account is locked."""
    if locked_until is not None and now < locked_until:
        raise OperatorError.of(
            "locked",
            name=name,
            count=failures,
            until=local_hhmm(locked_until),
            minutes=minutes_left(locked_until, now),
        )


def after_wrong_pin(failures: int, now: datetime) -> tuple[int, datetime | None]:
    """The account's ``(failures, locked_until)`` after one more wrong PIN: locked for
    LOCK_MINUTES at MAX_FAILURES, doubling with each further one, at most LOCK_MAX_MINUTES."""
    failures += 1
    if failures < MAX_FAILURES:
        return failures, None
    minutes = min(LOCK_MAX_MINUTES, LOCK_MINUTES * 2 ** (failures - MAX_FAILURES))
    return failures, now + timedelta(minutes=minutes)


def wrong_pin_error(
    name: str, failures: int, until: datetime | None, now: datetime
) -> OperatorError:
    if until is not None:
        return OperatorError.of(
            "locked_now", name=name, until=local_hhmm(until), minutes=minutes_left(until, now)
        )
    return OperatorError.of("wrong_pin", name=name, left=MAX_FAILURES - failures)
