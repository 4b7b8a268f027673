"""The operator's language without Qt: the compiled translations (``.qm``) read in Python.

The GUI loads ``resources/i18n/cashier_<lang>.qm`` with QTranslator; the headless CLI
must not import Qt (``cashier pay`` starts in well under a second), so it reads the same
file here: one catalog, one build step (``make translations``), the same words in both.
The format is Qt's (``QTranslator``): a magic number, then tagged blocks; the messages
block holds, per message, its context and source text (UTF-8) and its translation
(UTF-16BE). Only what lrelease writes is understood; anything else reads as no
translation, so the English text is shown rather than a wrong one.
"""

from __future__ import annotations

import logging
import struct
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)

MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_BLOCK_MESSAGES = 0x69
_TAG_END, _TAG_TRANSLATION, _TAG_OBSOLETE1 = 1, 3, 5
_TAG_SOURCE, _TAG_CONTEXT, _TAG_COMMENT = 6, 7, 8


def qm_path(lang: str) -> Path:
    """The compiled translations of ``lang`` in the package data."""
    return Path(__file__).resolve().parent.parent / "resources" / "i18n" / f"cashier_{lang}.qm"


class Catalog:
    """``(context, English source) -> translation`` of one language."""

    def __init__(self, lang: str, messages: dict[tuple[str, str], str]) -> None:
        self.lang = lang
        self._messages = messages

    @classmethod
    def load(cls, lang: str) -> Catalog:
        """The catalog of ``lang``; English (or an unreadable file) is the empty one."""
        return _load(lang)

    def translate(self, context: str, source: str) -> str | None:
        """The translation of ``source`` in ``context``, or None when there is none."""
        return self._messages.get((context, source))

    def __len__(self) -> int:
        return len(self._messages)


@cache
def _load(lang: str) -> Catalog:
    if lang == "en":
        return Catalog(lang, {})
    path = qm_path(lang)
    try:
        messages = parse_qm(path.read_bytes())
    except (OSError, ValueError, struct.error) as exc:
        log.warning("translations %s cannot be read (%s): English is shown", path, exc)
        messages = {}
    return Catalog(lang, messages)


def parse_qm(data: bytes) -> dict[tuple[str, str], str]:
    """The messages of a ``.qm`` file (ValueError when it is not one)."""
    if not data.startswith(MAGIC):
        raise ValueError("not a Qt translation file")
    at, messages = len(MAGIC), {}
    while at + 5 <= len(data):
        tag, length = data[at], struct.unpack_from(">I", data, at + 1)[0]
        at += 5
        if tag == _BLOCK_MESSAGES:
            messages = _messages(data[at : at + length])
        at += length
    return messages


def _messages(block: bytes) -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    at, end = 0, len(block)
    context = source = translation = None
    while at < end:
        tag = block[at]
        at += 1
        if tag == _TAG_END:
            if context is not None and source is not None and translation is not None:
                found.setdefault((context, source), translation)
            context = source = translation = None
            continue
        if tag == _TAG_OBSOLETE1:
            at += 4
            continue
        if tag not in (_TAG_TRANSLATION, _TAG_SOURCE, _TAG_CONTEXT, _TAG_COMMENT):
            raise ValueError(f"unknown tag {tag} in the messages block")
        length = struct.unpack_from(">I", block, at)[0]
        at += 4
        if length == 0xFFFFFFFF:  # a null string
            continue
        raw = block[at : at + length]
        at += length
        if tag == _TAG_TRANSLATION:
            if translation is None:  # the first of a plural's forms
                translation = raw.decode("utf-16-be")
        elif tag == _TAG_SOURCE:
            source = raw.rstrip(b"\0").decode("utf-8")
        elif tag == _TAG_CONTEXT:
            context = raw.rstrip(b"\0").decode("utf-8")
    return found
