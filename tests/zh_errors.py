"""Errors as a zh_CN operator reads them, without Qt: rendered from their code through the
compiled catalog (resources/i18n/cashier_zh_CN.qm), as the CLI shows them; the GUI's
QTranslator reads the same file (tests/ui/test_ui_error_text.py checks it renders the same)."""

from __future__ import annotations

import re

from cashier_app.domain.errors import render
from cashier_app.support.catalog import Catalog

#: a Latin word standing alone (not part of an id such as PRQ-000001 or a file name)
_LATIN_WORD = re.compile(r"(?<![A-Za-z0-9_.-])[A-Za-z]{3,}(?![A-Za-z0-9_.-])")


def zh(exc: BaseException) -> str:
    catalog = Catalog.load("zh_CN")
    return render(exc, lambda s: catalog.translate("CashierError", s) or s)


def english_left(text: str, *data: str) -> list[str]:
    """Latin words of three letters or more in ``text`` once the ``data`` shown as it is
    (paths, ids, hosts, API names) is taken out, acronyms aside (TLS, HTTP): what would
    still read as English."""
    for value in sorted(data, key=len, reverse=True):
        text = text.replace(value, " ")
    return [w for w in _LATIN_WORD.findall(text) if not w.isupper()]  # TLS, HTTP: as they are
