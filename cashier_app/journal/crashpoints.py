"""Test-only crash hooks: ``CASHIER_TEST_CRASH_AT=<step>`` makes the process SIGKILL itself there.

The recovery test kills a real ``cashier pay`` at each step of a payment to prove that the
next ``cashier recover`` finishes the sale exactly once. With the variable unset (always, in
production) ``crash_point`` is a dictionary lookup and nothing else.

``CASHIER_TEST_CRASH_AT`` may be ``step`` (the first time the step is reached) or
``step:N`` (the N-th time, counting from 1), e.g. ``poll_answered:2``.
"""

from __future__ import annotations

import os
import sys

ENV_VAR = "CASHIER_TEST_CRASH_AT"
#: Test-only: with this set to ``1`` the embedded sandbox's notifications are not listened
#: for, so a crash point on the polling path is reached however fast the wallet pays (a
#: notification would otherwise finish the sale before the first inquiry goes out).
NO_NOTIFY_VAR = "CASHIER_TEST_NO_NOTIFY"

#: The steps of a payment, in order, where checkout calls ``crash_point``.
STEPS = (
    "journaled",  # the CREATED row is committed, nothing sent yet
    "pay_sent",  # the pay request went out, its answer not read yet
    "pay_answered",  # the pay answer is verified, not yet journaled
    "poll_sent",  # an inquiry went out, its answer not read yet
    "poll_answered",  # an inquiry answer is verified, not yet journaled
)

_hits: dict[str, int] = {}


def notifications_suppressed() -> bool:
    """True when a test asked for the embedded sandbox's pushes not to be listened for."""
    return os.environ.get(NO_NOTIFY_VAR) == "1"


def crash_point(step: str) -> None:
    """SIGKILL this process if ``CASHIER_TEST_CRASH_AT`` names ``step`` (and its count)."""
    wanted = os.environ.get(ENV_VAR)
    if not wanted:
        return
    name, _, nth = wanted.partition(":")
    if name != step:
        return
    _hits[step] = _hits.get(step, 0) + 1
    if _hits[step] != (int(nth) if nth.isdigit() else 1):
        return
    import signal  # here: its enums cost every start a few ms, for a test-only path

    sys.stdout.flush()
    sys.stderr.flush()
    os.kill(os.getpid(), signal.SIGKILL)
