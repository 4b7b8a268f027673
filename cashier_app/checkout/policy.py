"""When to poll next: quick first polls, backing off, a deadline, and "cancel now" on expiry."""

from __future__ import annotations

from datetime import datetime, timedelta

from cashier_app.domain.values import dataclass


@dataclass(frozen=True, slots=True)
class PollPolicy:
    """Pure: the same inputs always give the same answer; the caller owns the clock.

    ``first_delays`` are the waits after the first polls (a customer usually pays within
    seconds of scanning), then every ``max_delay`` seconds. Polling stops at the deadline,
    ``expires_at + grace`` (the grace lets a payment made at the last second arrive).
    """

    first_delays: tuple[float, ...] = (1.0, 1.0, 2.0, 2.0, 3.0)
    max_delay: float = 5.0
    grace: float = 30.0

    def __post_init__(self) -> None:
        if self.max_delay <= 0 or any(d < 0 for d in self.first_delays) or self.grace < 0:
            raise ValueError("poll delays and grace must be positive")

    def deadline(self, expires_at: datetime | None) -> datetime | None:
        return expires_at + timedelta(seconds=self.grace) if expires_at else None

    def should_cancel(self, now: datetime, expires_at: datetime | None) -> bool:
        """True once the payment's expiry time has passed: cancel it now, so it cannot be
        paid after the till has given up on it."""
        return expires_at is not None and now >= expires_at

    def next_delay(self, attempt: int, now: datetime, expires_at: datetime | None) -> float | None:
        """Seconds to wait after poll number ``attempt`` (0-based), or None to stop
        polling (the deadline has passed). Never sleeps past the expiry moment, so the
        caller wakes up in time to cancel."""
        if attempt < 0:
            raise ValueError("attempt must be >= 0")
        delay = self.first_delays[attempt] if attempt < len(self.first_delays) else self.max_delay
        delay = min(delay, self.max_delay)
        deadline = self.deadline(expires_at)
        if deadline is None or expires_at is None:
            return delay
        if now >= deadline:
            return None
        if now < expires_at:
            return min(delay, (expires_at - now).total_seconds())
        return min(delay, (deadline - now).total_seconds())
