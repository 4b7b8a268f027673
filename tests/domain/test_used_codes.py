"""The codes a till has sent (issue 15: a code already used is never sent again) are
remembered only while a wallet's code can still be valid (the [in-store] closing note's
left-over: one entry per in-store sale, for ever): a code used within that time is still
refused, and what is kept stays bounded however many sales the till takes."""

from __future__ import annotations

from datetime import timedelta

from cashier_app.domain.payment_code import CODE_VALIDITY_BOUND, UsedCodes


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _code(n: int) -> str:
    return f"28{n:016d}"


def test_a_used_code_is_refused_while_any_wallets_code_can_be_valid():
    clock = Clock()
    used = UsedCodes(clock=clock)
    used.add(_code(1))
    assert _code(1) in used and _code(2) not in used
    clock.now += CODE_VALIDITY_BOUND.total_seconds() - 1
    assert _code(1) in used  # still within any wallet's code lifetime: never sent again
    clock.now += 2
    assert _code(1) not in used  # no wallet's code lives that long: forgotten
    assert len(used) == 0


def test_what_is_kept_stays_bounded_over_a_long_day_of_sales():
    clock = Clock()
    window = timedelta(minutes=10)
    used = UsedCodes(window=window, clock=clock)
    most = 0
    for n in range(20_000):  # one sale every 3 s: 200 in any 10 minutes
        used.add(_code(n))
        most = max(most, len(used))
        clock.now += 3
    assert most <= 201
    assert _code(19_999) in used and _code(19_801) in used  # the last 10 minutes
    assert _code(19_790) not in used
    assert _code(0) not in used


def test_nothing_kept_reads_as_the_code():
    used = UsedCodes()
    used.add(_code(7))
    assert all(_code(7).encode() not in bytes(d) for d in used._seen)
