"""What an operator can read on screen, and the English words in it (for the zh_CN walk)."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabWidget,
    QWidget,
)

from cashier_app.domain.methods import CATALOG
from cashier_app.gateway.antom import API_PATHS

#: Proper names and brands that stay as they are in every language, and the technical
#: formats operators know by these names.
PROPER_NAMES = {
    "cashier",  # the program's command, typed as it is ("cashier recover")
    "localhost",  # a host name
    "Python",
    "CPython",
    "Antom",
    "Alipay",
    "AlipayHK",
    "Alipay+",
    "HarmonyOS",
    "Huawei",
    "SQLite",
    "Base64",
    "base64",
    "curl",
    "Qt",
    "Linux",
    "Windows",
    "macOS",
    "KWallet",
    "openssl",
}
PROPER_PHRASES = (
    "Payment Kit",
    # the protocol's header names (docs/antom-protocol.md), as the QA console names them
    "Request-Time",
    "Response-Time",
    "Client-Id",
    "client-id",
    "Signature 头",  # the header's name before the word for header
    "Signature header",
    "Secret Service",
    "GNOME Keyring",
    "macOS Keychain",
    "Windows Credential Locker",
)
#: The Antom API names (gateway.antom.API_PATHS): the QA console and History name the
#: call as the protocol does. Matched exactly and case-sensitively, so a button "Cancel"
#: or "Refund" left in English is still found.
API_NAMES = set(API_PATHS) | {"notifyPayment", "notifyRefund"}
#: Keys as printed on the keyboard, named in shortcut hints ("返回金额输入（Esc）").
KEY_NAMES = {"Esc", "Enter", "Tab", "Ctrl", "Shift", "Alt"}
_WALLET_WORDS = {w for m in CATALOG.values() for w in re.findall(r"[A-Za-z+']+", m.name_en)}

_URL = re.compile(
    r"\b[a-z][a-z0-9+.-]*://\S*|\b\S+@\S+\.\w+|(?:/[\w.-]+)+/?"
    # a bare host name of the gateway presets (open-sea-global.alipay.com)
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|cn|hk)\b"
)
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[A-Za-z][A-Za-z'+]*")


def english_words(text: str, data: set[str] = frozenset()) -> list[str]:
    """Words in ``text`` that read as English: not proper names, codes (all capitals, with
    digits or underscores: HKD, ALIPAY_HK, SHA-256), ids, urls, paths or ``data`` (values
    the operator typed or the merchant configured, shown as they are)."""
    text = _URL.sub(" ", _TAG.sub(" ", text.replace("&&", "&")).replace("&nbsp;", " "))
    for phrase in PROPER_PHRASES:
        text = text.replace(phrase, " ")
    found = []
    for token in re.split(r"[\s,;:()\[\]{}·—–\"“”‘’/|=<>]+", text):
        if not token or re.search(r"\d|_", token) or token in data:
            continue
        for word in _WORD.findall(token.replace("&", "")):
            if (
                len(word) < 2
                or word.isupper()
                or word in PROPER_NAMES
                or word in API_NAMES
                or word in KEY_NAMES
                or word in _WALLET_WORDS
                or word in data
            ):
                continue
            found.append(word)
    return found


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every piece of text a person can see on ``root`` now: labels,
    buttons, titles, tabs, combo items, placeholders, tool tips, table headers and cells,
    menus and tool bars."""
    out: list[tuple[str, str]] = []

    def add(widget: QWidget, what: str, text: object) -> None:
        text = "" if text is None else str(text)
        if text.strip():
            out.append((f"{type(widget).__name__}#{widget.objectName()}.{what}", text))

    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisible():
            continue
        add(w, "windowTitle", w.windowTitle() if w.isWindow() else "")
        add(w, "toolTip", w.toolTip())
        if isinstance(w, (QLabel, QAbstractButton)):
            add(w, "text", w.text())
        elif isinstance(w, QGroupBox):
            add(w, "title", w.title())
        elif isinstance(w, QLineEdit):
            add(w, "placeholder", w.placeholderText())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(w, f"item{i}", w.itemText(i))
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(w, f"tab{i}", w.tabText(i))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            columns = _count(model.columnCount)
            for c in range(columns):
                add(w, f"header{c}", model.headerData(c, Qt.Orientation.Horizontal))
            for r in range(min(_count(model.rowCount), 20)):
                for c in range(max(columns, 1)):
                    add(w, f"cell{r},{c}", str(model.index(r, c).data() or ""))
    if isinstance(root, QMainWindow):
        for menu in root.menuBar().findChildren(QMenu):
            add(menu, "title", menu.title())
            for action in menu.actions():
                add(menu, f"action:{action.objectName()}", action.text())
        add(root, "statusMessage", root.statusBar().currentMessage())
    return out


def _count(method) -> int:
    for args in ((), (QModelIndex(),)):
        try:
            return int(method(*args))
        except TypeError:  # QAbstractListModel keeps columnCount private
            continue
    return 1


def english_on_screen(root: QWidget, data: set[str] = frozenset()) -> list[str]:
    """``where: text [words]`` for each visible text holding English words."""
    return [
        f"{where}: {text!r} {words}"
        for where, text in visible_texts(root)
        if (words := english_words(text, data))
    ]
