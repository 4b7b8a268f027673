"""The amount entry: keeps exactly what was typed and says what is wrong with it.

Nothing typed is ever dropped or rewritten into another amount (``12/50`` must not become
1250). The only change made to the text is faithful: full-width digits and decimal marks
from a CJK input method become their ASCII twins, one character for one. Whether the text
is an amount, and why not, is :func:`amount_problem`'s job; the page shows the reason.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QFocusEvent, QMouseEvent, QValidator
from PySide6.QtWidgets import QLineEdit, QWidget

from cashier_app.ui.text import error_text, fill

if TYPE_CHECKING:  # the field is on screen at the first paint: these wait for a key
    from cashier_app.domain.limits import SaleLimits
    from cashier_app.domain.money import Money

#: Longer text is no amount (16 digits, separators); the cap only stops runaway pastes.
MAX_AMOUNT_CHARS = 64

#: Characters that can be part of a typed amount (a leading sign is Money.parse's call).
_AMOUNT_CHARS = re.compile(r"[0-9.,+\-]")
#: Decimal marks a CJK input method types in full-width mode that NFKC leaves alone.
_CJK_MARKS = str.maketrans({"\u3002": ".", "\uff61": ".", "\u3001": ","})


def normalise_amount_text(text: str) -> str:
    """Full-width (IME) digits and marks as ASCII, character for character
    (``"１２。３０"`` -> ``"12.30"``); anything else is left exactly as it is."""
    import unicodedata

    out = []
    for char in text:
        plain = unicodedata.normalize("NFKC", char).translate(_CJK_MARKS)
        out.append(plain if len(plain) == 1 and plain in "0123456789.," else char)
    return "".join(out)


def amount_problem(
    text: str, currency: str, limits: SaleLimits | None = None
) -> tuple[Money | None, str]:
    """``(money, "")`` for a chargeable amount, else ``(None, reason)`` in the UI language
    (the reason is ``""`` too for an empty field: nothing to complain about yet)."""
    stripped = text.strip()
    if not stripped:
        return None, ""
    from cashier_app.domain.money import Money, MoneyError

    try:
        money = Money.parse(stripped, currency)
    except MoneyError as exc:
        foreign = next((c for c in stripped if not _AMOUNT_CHARS.fullmatch(c)), None)
        if exc.code == "not_a_number" and foreign is not None:
            return None, fill(
                QCoreApplication.translate(
                    "AmountField",
                    "“%1” cannot be part of an amount: type the digits 0-9 and one decimal point",
                ),
                foreign,
            )
        return None, error_text(exc)
    if limits is not None and money.value > limits.max_minor:
        return None, fill(
            QCoreApplication.translate(
                "AmountField", "%1 is more than the largest sale this till takes (%2)"
            ),
            money.display(),
            limits.max_money.display(),
        )
    return money, ""


class _Faithful(QValidator):
    """Accepts any text; replaces full-width digits and marks by ASCII ones in place."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        return QValidator.State.Acceptable, normalise_amount_text(text), pos


class AmountField(QLineEdit):
    """A line edit for an amount that never drops what was typed. Once its amount has
    been used (``mark_stale``), focusing it selects the text, so typing replaces it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(_Faithful(self))
        self.setMaxLength(MAX_AMOUNT_CHARS)
        self._stale = False
        self._select_after_press = False
        self.textEdited.connect(self._on_text_edited)

    def mark_stale(self) -> None:
        """The amount on show belongs to a sale already started (kept for the operator)."""
        self._stale = True

    def is_stale(self) -> bool:
        return self._stale and bool(self.text())

    def select_if_stale(self) -> None:
        if self.is_stale():
            self.selectAll()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.is_stale():
            self.selectAll()
            # the click that focused the field would put the cursor back: select after it
            from PySide6.QtCore import Qt  # here: the field is on screen at the first paint

            self._select_after_press = event.reason() == Qt.FocusReason.MouseFocusReason

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        if self._select_after_press:
            self._select_after_press = False
            self.select_if_stale()

    def _on_text_edited(self, _text: str) -> None:
        self._stale = False
