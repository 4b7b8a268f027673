"""Line breaking for receipts: words stay whole, ids break only after a separator.

``wrap(text, width, measure)`` breaks at spaces; a token wider than a line (a paymentId, a
URL, an order reference, a list of choices) is broken after ``-``, ``_``, ``/``, ``.``,
``:``, ``=``, ``|`` or ``,``, and
only a run with no separator at all that is still too wide is cut between characters (CJK
text, which has no spaces, is cut there too: between characters is where it breaks).
``measure`` is a text width: ``len`` for plain text, a font's ``horizontalAdvance`` for
painting.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Measure = Callable[[str], float]

#: Pieces of an unbreakable token, ending in their separators ("ORD-", "2026-", "7F3A"):
#: first between the items of a list ("PROCESS_FAIL|", "RISK_REJECT|"), and only a piece
#: still wider than a line after the separators inside a name or an id.
_LIST_PIECES = re.compile(r"[^|,]+[|,]*|[|,]+")
_PIECES = re.compile(r"[^-_/.:=]+[-_/.:=]*|[-_/.:=]+")


def _cut(
    token: str, width: float, measure: Measure, pieces: re.Pattern[str] = _LIST_PIECES
) -> list[str]:
    """A token wider than ``width``: pieces broken after separators, else between chars."""
    lines: list[str] = []
    current = ""
    for piece in pieces.findall(token):
        if measure(current + piece) <= width:
            current += piece
            continue
        if current:
            lines.append(current)
            current = ""
        if measure(piece) > width and pieces is _LIST_PIECES:
            *full, piece = _cut(piece, width, measure, _PIECES)
            lines.extend(full)
        while measure(piece) > width:  # no separator left to break at: the last resort
            n = len(piece)
            while n > 1 and measure(piece[:n]) > width:
                n -= 1
            lines.append(piece[:n])
            piece = piece[n:]
        current = piece
    if current:
        lines.append(current)
    return lines


#: A wide (Chinese, Japanese, Korean) character or full-width sign: a line may break
#: before or after one, as Chinese text has no spaces.
_WIDE = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
#: Signs that never start a line (they close or end what is before them) and that never
#: end one (they open what is after them), in Chinese and Latin text.
_NO_START = set("，。、；：？！）》」』】〕〉…·％,.;:!?)]}%")
_NO_END = set("（《「『【〔〈([{")


def _units(run: str) -> list[str]:
    """A run without spaces as the pieces a line may break between: each wide character
    alone, a Latin word whole, closing signs kept with what is before them and opening
    signs with what is after them."""
    pieces: list[str] = []
    for char in run:
        wide = bool(_WIDE.match(char))
        if pieces and char in _NO_START:
            pieces[-1] += char
        elif pieces and (pieces[-1][-1] in _NO_END or not (wide or _WIDE.match(pieces[-1][-1]))):
            pieces[-1] += char  # after an opening sign, or the Latin word goes on
        else:
            pieces.append(char)
    return pieces


def wrap(text: str, width: float, measure: Measure = len) -> list[str]:
    """``text`` as lines no wider than ``width`` (at least one line, maybe empty)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            for i, unit in enumerate(_units(word) if _WIDE.search(word) else [word]):
                gap = " " if current and i == 0 else ""
                candidate = f"{current}{gap}{unit}"
                if measure(candidate) <= width:
                    current = candidate
                    continue
                if current:
                    lines.append(current)
                    current = ""
                if measure(unit) <= width:
                    current = unit
                else:
                    *full, current = _cut(unit, width, measure)
                    lines.extend(full)
        lines.append(current)
    return lines or [""]


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal or a receipt roll: a wide (Chinese) character
    two, a combining mark none (``len`` counts characters, which misaligns Chinese)."""
    import unicodedata

    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def cut_id(ident: str, width: int) -> list[str]:
    """An id longer than a line, in as few lines as it takes (broken after a separator
    where one keeps a line full enough, else between characters)."""
    return _cut(ident, width, display_width, _PIECES) if ident else [""]
