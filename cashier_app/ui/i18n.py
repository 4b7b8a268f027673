"""Load the GUI translations (English source texts, Simplified Chinese in resources/i18n).

``resources/i18n/cashier_<lang>.ts`` (Qt Linguist XML) is the source; ``make translations``
compiles it with ``pyside6-lrelease`` into the ``.qm`` beside it, which is committed and
loaded here with QTranslator. tests/install/test_translations.py fails when a ``.qm`` no
longer matches its ``.ts``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from cashier_app.domain.errors import CashierError, Term
from cashier_app.ui import qt_imports  # noqa: F401  (PySide's import hook, dropped)
from cashier_app.ui.resources import resources_dir

log = logging.getLogger(__name__)

#: Languages the GUI offers; the first is the source language.
LANGUAGES = ("en", "zh_CN")

#: Named so that pyside6-lupdate finds the texts below in Qt's own contexts.
translate = QCoreApplication.translate


def qt_catalog_gaps() -> tuple[str, ...]:
    """Labels of Qt's own dialogs that Qt's zh_CN catalog lacks: it has the file dialog's
    "Look in:" and "Files of type:" only without the mnemonics the dialog asks for
    ("&Look in:"), so Save PDF… showed them in English. Ours has them in Qt's context,
    and a lookup falls through Qt's catalog to ours."""
    return (
        translate("QFileDialog", "&Look in:"),
        translate("QFileDialog", "Files of &type:"),
    )


class TranslationError(CashierError, ValueError):
    """A translation file that cannot be read; the message names the file."""

    layer = "ui"
    TERMS: ClassVar[tuple[str, ...]] = ("missing", "unreadable")
    MESSAGES: ClassVar[dict[str, str]] = {
        "language_not_available_available": "language {lang!r} is not available (available: "
        "{languages})",
        "translations_are": "translations for {lang} are {why} ({qm})",
    }


def normalise_language(lang: str | None) -> str:
    """``"zh"``, ``"zh-CN"``, ``"zh_CN.UTF-8"`` -> ``"zh_CN"``; unknown or empty -> ``"en"``."""
    if not lang:
        return "en"
    code = lang.split(".")[0].replace("-", "_")
    if code.lower().startswith("zh"):
        return "zh_CN"
    if code.lower().startswith("en"):
        return "en"
    raise TranslationError.of(
        "language_not_available_available", lang=lang, languages=", ".join(LANGUAGES)
    )


def system_language() -> str:
    name = QLocale.system().name()
    return "zh_CN" if name.startswith("zh") else "en"


def load_translator(lang: str) -> QTranslator | None:
    """The translator for ``lang`` ("en" needs none); raises TranslationError."""
    lang = normalise_language(lang)
    if lang == "en":
        return None
    qm = qm_path(lang)
    translator = QTranslator()
    if not translator.load(str(qm)):
        why = Term("missing" if not qm.is_file() else "unreadable")
        raise TranslationError.of("translations_are", lang=lang, why=why, qm=qm)
    return translator


def qm_path(lang: str) -> Path:
    """The compiled translations of ``lang`` in the package data."""
    return resources_dir() / "i18n" / f"cashier_{lang}.qm"


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
    from PySide6.QtCore import QLibraryInfo  # (its enum set up only for a translation)

    qt_base = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(f"qtbase_{code}", qt_dir):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    return code


def current_language() -> str:
    """``"zh"`` when the GUI runs in Chinese (catalog names then come in Chinese), else "en"."""
    return "zh" if QLocale().name().startswith("zh") else "en"


def receipt_language() -> str:
    """The language receipts and slips are printed in: the GUI's ("en" or "zh_CN")."""
    return "zh_CN" if current_language() == "zh" else "en"
