"""The CLI in the operator's language, without Qt.

The language is ``--lang``, else the one chosen in the GUI's Setup → Language (saved in
settings.json), else the environment's (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else
English. Texts come from the same compiled catalog the GUI loads (resources/i18n, read by
:mod:`cashier_app.support.catalog`): the CLI's own sentences in context ``Cli`` (written
``t("… %1 …", value)``; scripts/update_translations.py collects every ``t("…")`` of
cashier_app/cli), errors from their code's template (context ``CashierError``), and
argparse's own messages in context ``argparse``. JSON output stays language-neutral:
codes and values, never a translated word.
"""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Collection, Sequence
from typing import NamedTuple

from cashier_app.domain.errors import render
from cashier_app.support.catalog import Catalog

CONTEXT = "Cli"
ERROR_CONTEXT = "CashierError"
ARGPARSE_CONTEXT = "argparse"
LANGUAGES = ("en", "zh_CN")

_catalog = Catalog.load("en")
_PLACEHOLDER = re.compile(r"%([1-9])")


def normalise(lang: str | None) -> str | None:
    """``zh``, ``zh-CN``, ``zh_CN.UTF-8`` -> ``zh_CN``; ``en*``, ``C``, ``POSIX`` -> ``en``;
    anything else None (not a language we speak)."""
    if not lang:
        return None
    code = lang.split(".")[0].split("@")[0].replace("-", "_").lower()
    if code.startswith("zh"):
        return "zh_CN"
    if code.startswith("en") or code in ("c", "posix"):
        return "en"
    return None


def choose_language(explicit: str | None = None) -> str:
    """The CLI's language: ``explicit`` (``--lang``), else settings.json, else the
    environment, else English."""
    if explicit:
        return normalise(explicit) or "en"
    from cashier_app.support import settings

    saved = settings.saved_language()
    if saved:
        return saved
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:  # the first one set decides, as for gettext
            return normalise(value) or "en"
    return "en"


def set_language(lang: str) -> None:
    """Speak ``lang`` from now on (argparse's messages included)."""
    global _catalog
    _catalog = Catalog.load(lang)
    argparse._ = _argparse_text  # type: ignore[attr-defined]  # argparse's gettext hook


def language() -> str:
    return _catalog.lang


def t(text: str, *args: object) -> str:
    """``text`` (a sentence of the CLI) in the current language, ``%1``… filled."""
    return fill(_catalog.translate(CONTEXT, text) or text, *args)


def fill(template: str, *args: object, english: bool = False) -> str:
    """``template``'s ``%1``… replaced by ``args`` (an error by its text in the current
    language, or with ``english`` as it is in English)."""

    def one(match: re.Match[str]) -> str:
        index = int(match.group(1))
        if index > len(args):
            return match.group(0)
        value = args[index - 1]
        if isinstance(value, Said):
            return value.english if english else value.shown
        if isinstance(value, BaseException) and not english:
            return error_text(value)
        return str(value)

    return _PLACEHOLDER.sub(one, template)


class Said(NamedTuple):
    """A text in English (what JSON output and the log carry) and in the current language
    (what the operator reads)."""

    english: str
    shown: str


def both(text: str, *args: object) -> Said:
    """``text`` filled in English and in the current language (``args`` may be ``Said``)."""
    return Said(fill(text, *args, english=True), t(text, *args))


def joined(parts: Sequence[Said]) -> Said:
    """``parts`` as one text, "; " apart in English (full-width in Chinese)."""
    english = "; ".join(p.english for p in parts)
    return Said(english, t("; ").join(p.shown for p in parts))


def field(label: str, value: object) -> str:
    """One line of a ``label: value`` list, the values lined up by display width
    (``label`` already translated)."""
    return pad(t("%1:", label), 11) + " " + str(value)


def catalog_text(context: str, source: str) -> str | None:
    """The translation of ``source`` in ``context`` of the current language, if any."""
    return _catalog.translate(context, source)


def error_text(exc: BaseException) -> str:
    """``exc`` as the operator reads it in the current language (its code's template)."""
    return render(exc, lambda s: _catalog.translate(ERROR_CONTEXT, s) or s)


def _argparse_text(message: str) -> str:
    return _catalog.translate(ARGPARSE_CONTEXT, message) or message


def width(s: str) -> int:
    """Columns ``s`` takes on a terminal: a wide (Chinese) character two, a combining mark
    none (``len`` and ``f"{s:<n}"`` count characters, which misaligns a Chinese table)."""
    from cashier_app.reports.wrap import display_width

    return display_width(s)


def pad(s: str, columns: int, *, right: bool = False) -> str:
    """``s`` aligned in ``columns`` display columns, left (default) or right."""
    fill = " " * max(0, columns - width(s))
    return fill + s if right else s + fill


def wrapped_row(cells: Sequence[str], widths: Sequence[int]) -> list[str]:
    """One table row whose cells wrap inside their columns (``widths`` in display
    columns, the last cell's included; two spaces between columns): words whole, a word
    wider than its column broken after a separator (``|``, ``,``, ``=``...), Chinese text
    between characters, every line measured by display width."""
    from cashier_app.reports.wrap import wrap

    parts = [wrap(c, w, width) for c, w in zip(cells, widths, strict=True)]
    lines = []
    for i in range(max(len(p) for p in parts)):
        row = [p[i] if i < len(p) else "" for p in parts]
        lines.append("  ".join(pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip())
    return lines


def table(rows: Sequence[Sequence[object]], *, right: Collection[int] = ()) -> str:
    """``rows`` (the first one the heading, if any) as columns two spaces apart, lined up
    by display width; the columns numbered in ``right`` aligned right."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(width(c) for c in column) for column in zip(*cells, strict=False)]
    return "\n".join(
        "  ".join(
            pad(c, w, right=i in right) for i, (c, w) in enumerate(zip(row, widths, strict=False))
        ).rstrip()
        for row in cells
    )


def method_text(method_type: str) -> str:
    """A wallet's name in the operator's language (the raw type when it is unknown)."""
    from cashier_app.domain import methods

    try:
        return methods.get(method_type).name(language())
    except methods.UnknownMethodError:
        return method_type


def profile_environment(environment: str) -> str:
    """A profile's environment (``production``, ``antom-sandbox``, ``embedded-sandbox``:
    what ``--environment`` takes) in the operator's language."""
    names = {
        "production": t("production"),
        "antom-sandbox": t("antom-sandbox"),
        "embedded-sandbox": t("embedded-sandbox"),
    }
    return names.get(environment, environment)


def environment_text(environment: str) -> str:
    """Where money was taken (domain.records ENVIRONMENT_LABELS) in the operator's
    language: sandbox money is never real money."""
    labels = {
        "production": t("production"),
        "antom-sandbox": t("Antom sandbox - not real money"),
        "embedded-sandbox": t("embedded demo sandbox - not real money"),
    }
    return labels.get(environment, environment)


#: A payment's or refund's status as a human-readable output shows it (``t(status)``;
#: the JSON output keeps the code).
STATUS_WORDS = ("CREATED", "PENDING", "SUCCESS", "FAILED", "CANCELLED", "EXPIRED", "UNKNOWN")


def cli_texts() -> set[str]:
    """Every sentence of the CLI: the literal first argument of each ``t(...)`` and
    ``both(...)`` call in cashier_app/cli (scripts/update_translations.py puts them in
    context ``Cli``)."""
    import ast
    from pathlib import Path

    found = set(STATUS_WORDS)
    for path in Path(__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("t", "both")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


#: argparse's messages an operator meets (Python's own English; %-formats kept).
ARGPARSE_MESSAGES = (
    "usage: ",
    "error: ",
    "the following arguments are required: %s",
    "unrecognized arguments: %s",
    "argument %(argument_name)s: %(message)s",
    "expected one argument",
    "expected at least one argument",
    "invalid choice: %(value)r (choose from %(choices)s)",
    "invalid %(type)s value: %(value)r",
    "not allowed with argument %s",
    "ignored explicit argument %r",
    "one of the arguments %s is required",
    "ambiguous option: %(option)s could match %(matches)s",
    "show this help message and exit",
    "positional arguments",
    "options",
)
