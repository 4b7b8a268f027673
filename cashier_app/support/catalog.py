"""The operator's language without Qt: the compiled translations (``.qm``) read in Python.

The GUI loads ``resources/i18n/cashier_<lang>.qm`` with QTranslator; the headless CLI
must not import Qt (``cashier pay`` starts in well under a second), so it reads the same
file here: one catalog, one build step (``make translations``), the same words in both.
The format is Qt's (``QTranslator``): a magic number, then tagged blocks; the messages
block holds, per message, its context and source text (UTF-8) and its translation
(UTF-16BE), and the hashes block an index of them, sorted by the ELF hash of the source
text. A translation is looked up there, as QTranslator does, rather than the whole file
read first: ``cashier gui --lang zh_CN`` asks for six before its window opens, and
reading all 2,000 messages in Python took about 11 ms of that start. Only what lrelease
writes is understood; anything else reads as no translation, so the English text is
shown rather than a wrong one.
"""

from __future__ import annotations

import logging
import struct
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)

MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_BLOCK_MESSAGES, _BLOCK_HASHES = 0x69, 0x42
_ENTRY = struct.Struct(">II")  #: a hashes block entry: the hash, the message's offset
_TAG_END, _TAG_TRANSLATION, _TAG_OBSOLETE1 = 1, 3, 5
_TAG_SOURCE, _TAG_CONTEXT, _TAG_COMMENT = 6, 7, 8


def qm_path(lang: str) -> Path:
    """The compiled translations of ``lang`` in the package data."""
    return Path(__file__).resolve().parent.parent / "resources" / "i18n" / f"cashier_{lang}.qm"


class Catalog:
    """``(context, English source) -> translation`` of one language; the file is read at
    the first translation asked for."""

    def __init__(
        self, lang: str, messages: dict[tuple[str, str], str] | None, path: Path | None = None
    ) -> None:
        self.lang = lang
        self._messages = messages  #: every message, once read (None: looked up instead)
        self._path = path
        self._file: QmFile | None = None
        self._found: dict[tuple[str, str], str | None] = {}  #: what was looked up

    @classmethod
    def load(cls, lang: str) -> Catalog:
        """The catalog of ``lang``; English (or an unreadable file) is the empty one."""
        return _load(lang)

    def translate(self, context: str, source: str) -> str | None:
        """The translation of ``source`` in ``context``, or None when there is none."""
        key = (context, source)
        if self._messages is not None:
            return self._messages.get(key)
        if key not in self._found:
            try:
                if self._file is None:
                    self._file = QmFile(self._read_bytes())
                self._found[key] = self._file.find(context, source)
            except (OSError, ValueError, struct.error) as exc:  # not used: English is shown
                self._unreadable(exc)
                return None
        return self._found[key]

    def __len__(self) -> int:
        if self._messages is None:
            try:
                self._messages = parse_qm(self._read_bytes())
            except (OSError, ValueError, struct.error) as exc:
                self._unreadable(exc)
        return len(self._messages or {})

    def _read_bytes(self) -> bytes:
        if self._path is None:
            raise ValueError("no translations file")
        return self._path.read_bytes()

    def _unreadable(self, exc: Exception) -> None:
        log.warning("translations %s cannot be read (%s): English is shown", self._path, exc)
        self._messages = {}


@cache
def _load(lang: str) -> Catalog:
    if lang == "en":
        return Catalog(lang, {})
    return Catalog(lang, None, qm_path(lang))


class QmFile:
    """A ``.qm`` file's messages, each looked up through its hashes block as QTranslator
    does (``QTranslatorPrivate::do_translate``, ``getMessage``). ValueError when it is not
    one, or lrelease wrote it without a hashes block."""

    def __init__(self, data: bytes) -> None:
        blocks = _blocks(data)
        if _BLOCK_HASHES not in blocks or _BLOCK_MESSAGES not in blocks:
            raise ValueError("a translation file without its hashes or messages block")
        self._data = data
        self._hashes, hashes_length = blocks[_BLOCK_HASHES]
        self._entries = hashes_length // _ENTRY.size
        self._messages, self._messages_length = blocks[_BLOCK_MESSAGES]

    def find(self, context: str, source: str) -> str | None:
        """The translation (the first form of a plural), or None."""
        wanted = source.encode("utf-8")
        h = elf_hash(wanted)  # a message without a comment: the source text's hash
        low, high = 0, self._entries  # the first entry of hash h (the block is sorted)
        while low < high:
            mid = (low + high) // 2
            if _ENTRY.unpack_from(self._data, self._hashes + mid * _ENTRY.size)[0] < h:
                low = mid + 1
            else:
                high = mid
        in_context = context.encode("utf-8")
        for n in range(low, self._entries):
            got, offset = _ENTRY.unpack_from(self._data, self._hashes + n * _ENTRY.size)
            if got != h:
                break
            if offset >= self._messages_length:
                raise ValueError("a hashes entry beyond the messages block")
            found = self._message(self._messages + offset, in_context, wanted)
            if found is not None:
                return found
        return None

    def _message(self, at: int, context: bytes, source: bytes) -> str | None:
        """The translation of the message at ``at`` if it is ``source`` in ``context``."""
        end = self._messages + self._messages_length
        translation, got, in_context, comment, _, _ = _record(self._data, at, end)
        if got != source or in_context != context or comment:
            return None  # another message of the same hash (a comment: another meaning)
        return translation


def elf_hash(text: bytes) -> int:
    """Qt's ``elfHash`` of the bytes (what a ``.qm`` hashes block is sorted by)."""
    h = 0
    for byte in text:
        h = ((h << 4) + byte) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h or 1


def parse_qm(data: bytes) -> dict[tuple[str, str], str]:
    """The messages of a ``.qm`` file (ValueError when it is not one)."""
    block = _blocks(data).get(_BLOCK_MESSAGES)
    if block is None:
        return {}
    at, length = block
    return _messages(data[at : at + length])


def _blocks(data: bytes) -> dict[int, tuple[int, int]]:
    """Where each block of a ``.qm`` file starts and its length, by its tag (the last of
    a tag); ValueError when it is not a Qt translation file."""
    if not data.startswith(MAGIC):
        raise ValueError("not a Qt translation file")
    blocks: dict[int, tuple[int, int]] = {}
    at = len(MAGIC)
    while at + 5 <= len(data):
        tag, length = data[at], struct.unpack_from(">I", data, at + 1)[0]
        blocks[tag] = (at + 5, length)
        at += 5 + length
    return blocks


def _messages(block: bytes) -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    at, end = 0, len(block)
    while at < end:
        translation, source, context, _, at, closed = _record(block, at, end)
        if closed and translation is not None and source is not None and context is not None:
            found.setdefault((context.decode("utf-8"), source.decode("utf-8")), translation)
    return found


def _record(
    data: bytes, at: int, end: int
) -> tuple[str | None, bytes | None, bytes | None, bytes | None, int, bool]:
    """The message record at ``at``: its translation (the first of a plural's forms), its
    source text, context and comment (UTF-8, None when absent), where the next record
    starts, and whether the record ended with its end tag before ``end``."""
    translation = source = context = comment = None
    while at < end:
        tag = data[at]
        at += 1
        if tag == _TAG_END:
            return translation, source, context, comment, at, True
        if tag == _TAG_OBSOLETE1:
            at += 4
            continue
        if tag not in (_TAG_TRANSLATION, _TAG_SOURCE, _TAG_CONTEXT, _TAG_COMMENT):
            raise ValueError(f"unknown tag {tag} in the messages block")
        length = struct.unpack_from(">I", data, at)[0]
        at += 4
        if length == 0xFFFFFFFF:  # a null string
            continue
        raw = data[at : at + length]
        at += length
        if tag == _TAG_TRANSLATION:
            if translation is None:
                translation = raw.decode("utf-16-be")
        elif tag == _TAG_SOURCE:
            source = raw.rstrip(b"\0")
        elif tag == _TAG_CONTEXT:
            context = raw.rstrip(b"\0")
        else:
            comment = raw.rstrip(b"\0")
    return translation, source, context, comment, at, False
