"""A name and a PIN as typed at the till: a plain value, never shown in ``repr``."""

from __future__ import annotations

from cashier_app.domain.values import dataclass, field


@dataclass(frozen=True, slots=True)
class PinEntry:
    """A name and a PIN as typed (at the sign-in screen, the approval dialog, a prompt)."""

    name: str
    pin: str = field(repr=False)

    def __repr__(self) -> str:  # never the PIN, whatever dataclass would print
        return f"PinEntry(name={self.name!r}, pin=<hidden>)"
