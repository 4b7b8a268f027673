"""Load the GUI translations (English source texts, Simplified Chinese in resources/i18n).

``resources/i18n/cashier_<lang>.ts`` (Qt Linguist XML) is the single source. A compiled
``.qm`` next to it is used when it is at least as new as the ``.ts`` (a packaged build may
ship one); otherwise :class:`TsTranslator` reads the ``.ts`` directly, so a checkout needs no
``lrelease`` step and the translations can never be stale.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from cashier_app.domain.errors import CashierError
from cashier_app.ui.resources import resources_dir

log = logging.getLogger(__name__)

#: Languages the GUI offers; the first is the source language.
LANGUAGES = ("en", "zh_CN")


class TranslationError(CashierError, ValueError):
    """A translation file that cannot be read; the message names the file."""

    layer = "ui"


class TsTranslator(QTranslator):
    """A QTranslator answering from a parsed Qt Linguist ``.ts`` file."""

    def __init__(self, path: Path, parent=None) -> None:
        super().__init__(parent)
        self._path = path
        self._language = ""
        self._messages: dict[tuple[str, str, str], str] = {}
        self._parse(path)

    def _parse(self, path: Path) -> None:
        try:
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError) as exc:
            raise TranslationError(f"cannot read translations {path.name}: {exc}") from None
        self._language = root.get("language", "")
        for context in root.iter("context"):
            name = context.findtext("name", default="")
            for message in context.iter("message"):
                source = message.findtext("source")
                node = message.find("translation")
                if source is None or node is None or node.get("type") in ("unfinished",
                                                                           "obsolete",
                                                                           "vanished"):
                    continue
                numerus = node.findall("numerusform")
                text = numerus[0].text if numerus else node.text
                if text:
                    comment = message.findtext("comment", default="")
                    self._messages[(name, source, comment)] = text

    def __len__(self) -> int:
        return len(self._messages)

    def language(self) -> str:  # Qt override
        return self._language

    def isEmpty(self) -> bool:
        return not self._messages

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:  # Qt override
        text = self._messages.get((context, source_text, disambiguation or ""))
        if text is None and disambiguation:
            text = self._messages.get((context, source_text, ""))
        if text is None:
            # None (a null QString) makes Qt fall back to the source text; "" would be
            # taken as the translation and show nothing at all.
            return None
        return text.replace("%n", str(n)) if n >= 0 else text


def normalise_language(lang: str | None) -> str:
    """``"zh"``, ``"zh-CN"``, ``"zh_CN.UTF-8"`` -> ``"zh_CN"``; unknown or empty -> ``"en"``."""
    if not lang:
        return "en"
    code = lang.split(".")[0].replace("-", "_")
    if code.lower().startswith("zh"):
        return "zh_CN"
    if code.lower().startswith("en"):
        return "en"
    raise TranslationError(f"language {lang!r} is not available (available: "
                           f"{', '.join(LANGUAGES)})")


def system_language() -> str:
    name = QLocale.system().name()
    return "zh_CN" if name.startswith("zh") else "en"


def load_translator(lang: str) -> QTranslator | None:
    """The translator for ``lang`` ("en" needs none); raises TranslationError."""
    lang = normalise_language(lang)
    if lang == "en":
        return None
    base = resources_dir() / "i18n" / f"cashier_{lang}"
    ts, qm = base.with_suffix(".ts"), base.with_suffix(".qm")
    if qm.is_file() and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime):
        translator = QTranslator()
        if translator.load(str(qm)):
            return translator
        log.warning("could not load %s; reading %s instead", qm.name, ts.name)
    if not ts.is_file():
        raise TranslationError(f"translations for {lang} are missing ({ts.name})")
    return TsTranslator(ts)


_installed: list[QTranslator] = []


def install(app: QCoreApplication, lang: str | None) -> str:
    """Install our translator (and Qt's own for standard buttons) in place of any earlier
    one; return the language code. Widgets built afterwards come up in that language."""
    code = normalise_language(lang) if lang else system_language()
    translator = load_translator(code)
    while _installed:
        app.removeTranslator(_installed.pop())
    QLocale.setDefault(QLocale("zh_CN" if code == "zh_CN" else "en_US"))
    if translator is None:
        return "en"
    translator.setParent(app)
    app.installTranslator(translator)
    _installed.append(translator)
    qt_base = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(f"qtbase_{code}", qt_dir):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    return code


def current_language() -> str:
    """``"zh"`` when the GUI runs in Chinese (catalog names then come in Chinese), else "en"."""
    return "zh" if QLocale().name().startswith("zh") else "en"
