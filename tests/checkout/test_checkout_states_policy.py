"""The pure parts of checkout: the state machine and the poll policy."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cashier_app.checkout.policy import PollPolicy
from cashier_app.checkout.states import IllegalTransition, can_move, check_transition
from cashier_app.domain.outcome import Status

S = Status
FINALS = (S.SUCCESS, S.FAILED, S.CANCELLED, S.EXPIRED)
T0 = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize("new", [S.PENDING, S.UNKNOWN, *FINALS])
def test_live_states_move_anywhere_forward(new):
    for current in (S.CREATED, S.PENDING, S.UNKNOWN):
        if current != new:
            assert check_transition(current, new) is True


@pytest.mark.parametrize("final", FINALS)
def test_final_states_never_change(final):
    for new in Status:
        if new == final:
            assert check_transition(final, new) is False  # a repeat is a no-op
        else:
            with pytest.raises(IllegalTransition, match=f"already {final.value}"):
                check_transition(final, new)


def test_nothing_goes_back_to_created():
    for current in (S.PENDING, S.UNKNOWN):
        with pytest.raises(IllegalTransition, match="cannot go from"):
            check_transition(current, S.CREATED)


def test_only_the_operator_cancels_a_paid_payment():
    assert not can_move(S.SUCCESS, S.CANCELLED)
    assert check_transition(S.SUCCESS, S.CANCELLED, operator_cancel=True)
    with pytest.raises(IllegalTransition):
        check_transition(S.FAILED, S.CANCELLED, operator_cancel=True)
    with pytest.raises(IllegalTransition):
        check_transition(S.SUCCESS, S.FAILED, operator_cancel=True)


def test_poll_policy_backs_off_to_max_delay():
    p = PollPolicy()
    far = T0 + timedelta(hours=1)
    delays = [p.next_delay(i, T0, far) for i in range(8)]
    assert delays == [1.0, 1.0, 2.0, 2.0, 3.0, 5.0, 5.0, 5.0]
    assert PollPolicy(first_delays=(9.0,), max_delay=4.0).next_delay(0, T0, None) == 4.0
    assert p.next_delay(100, T0, None) == 5.0  # no expiry: no deadline


def test_poll_policy_wakes_at_expiry_and_stops_at_the_deadline():
    p = PollPolicy(grace=30)
    expires = T0 + timedelta(seconds=2.5)
    assert p.next_delay(7, T0, expires) == 2.5  # never sleeps past the expiry
    assert not p.should_cancel(T0, expires)
    assert p.should_cancel(expires, expires)
    after = expires + timedelta(seconds=28)
    assert p.next_delay(7, after, expires) == pytest.approx(2.0)
    assert p.deadline(expires) == expires + timedelta(seconds=30)
    assert p.next_delay(7, expires + timedelta(seconds=30), expires) is None
    assert p.should_cancel(T0, None) is False


def test_poll_policy_rejects_nonsense():
    with pytest.raises(ValueError):
        PollPolicy(max_delay=0)
    with pytest.raises(ValueError):
        PollPolicy().next_delay(-1, T0, None)
