"""Keyboard-wedge scanner detection: a burst of keystrokes ending in Enter, by timing alone.

A USB barcode scanner in keyboard-wedge mode "types" the code it read, a few milliseconds
per character, and presses Enter. A person types the same digits ten to a hundred times
slower. ``WedgeDetector`` is fed every key with its time (seconds, any monotonic clock)
and, on Enter, says whether the keys since the last pause were a scan. Qt-free: the Qt
event filter in ``wedge_filter`` feeds it, and tests can feed it directly.
"""

from __future__ import annotations

import itertools

from cashier_app.domain.values import dataclass, field

#: A scanner's mean gap between keys is a few ms; the fastest human bursts are ~60 ms.
DEFAULT_MEAN_GAP = 0.035
#: One late key (the machine was busy) does not turn a scan into typing, a long pause does.
DEFAULT_MAX_GAP = 0.25
#: Wallet payment codes are 16 to 24 characters; shorter bursts are not codes.
DEFAULT_MIN_LENGTH = 10


@dataclass(slots=True)
class WedgeDetector:
    """Collects keys; ``enter(at)`` returns the scanned text, or None when it was typing.

    A burst is: at least ``min_length`` printable keys, mean gap between consecutive keys
    (Enter included) at most ``mean_gap`` seconds, and no single gap above ``max_gap``.
    A pause longer than ``max_gap`` starts a new burst, so a code scanned after some
    typing is still recognised."""

    mean_gap: float = DEFAULT_MEAN_GAP
    max_gap: float = DEFAULT_MAX_GAP
    min_length: int = DEFAULT_MIN_LENGTH
    _chars: list[str] = field(default_factory=list)
    _times: list[float] = field(default_factory=list)

    def key(self, text: str, at: float) -> None:
        """One printable key (its text) pressed at ``at``."""
        if not text or not text.isprintable():
            self.reset()
            return
        if self._times and at - self._times[-1] > self.max_gap:
            self.reset()
        self._chars.append(text)
        self._times.append(at)

    def enter(self, at: float) -> str | None:
        """Enter pressed at ``at``: the burst's text if it was a scan, else None. Either way
        the detector starts afresh."""
        chars, times = self._chars, [*self._times, at]
        self.reset()
        if not self.is_burst(times, len(chars)):
            return None
        return "".join(chars)

    def is_burst(self, times: list[float], length: int) -> bool:
        """The timing rule on its own: ``times`` of every key, Enter last."""
        if length < self.min_length or len(times) < 2:
            return False
        gaps = [b - a for a, b in itertools.pairwise(times)]
        if max(gaps) > self.max_gap:
            return False
        return (times[-1] - times[0]) / len(gaps) <= self.mean_gap

    def reset(self) -> None:
        self._chars = []
        self._times = []

    @property
    def pending(self) -> int:
        """How many keys the current (unfinished) burst holds."""
        return len(self._chars)
