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
    "request-time",  # as a notification's refusal names the header it lacks
    "response-time",
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


def _cli_words() -> frozenset[str]:
    """Every sub-command, option and choice of the real ``cashier`` command line."""
    import argparse

    from cashier_app.cli import build_parser

    words: set[str] = set()

    def walk(parser: argparse.ArgumentParser) -> None:
        for action in parser._actions:
            words.update(action.option_strings)
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    words.add(name)
                    walk(sub)
            elif action.choices:
                words.update(str(c) for c in action.choices)

    walk(build_parser())
    return frozenset(words)


CLI_WORDS = _cli_words()


_NEXT_WORD = re.compile(r"\s+(\S+)")


def _command_lines(text: str) -> str:
    """``text`` without the command lines it tells the operator to type ("cashier operator
    add 名字 --role manager"): ``cashier`` followed by words of its real command line (or
    placeholders not in English). Prose after a command ("cashier recover to settle it")
    still counts."""
    out, at = [], 0
    for match in re.finditer(r"\bcashier\b", text):
        if match.start() < at:
            continue
        out.append(text[at : match.start()])
        at = match.end()
        while (word := _NEXT_WORD.match(text, at)) is not None:
            token = word.group(1).strip("“”\"'）)。.,，;；")
            if token not in CLI_WORDS and token.isascii():
                break
            at = word.end()
    out.append(text[at:])
    return " ".join(out)


def english_words(text: str, data: set[str] = frozenset()) -> list[str]:
    """Words in ``text`` that read as English: not proper names, codes (all capitals, with
    digits or underscores: HKD, ALIPAY_HK, SHA-256), ids, urls, paths or ``data`` (values
    the operator typed or the merchant configured, shown as they are)."""
    text = _URL.sub(" ", _TAG.sub(" ", text.replace("&&", "&")).replace("&nbsp;", " "))
    text = _command_lines(text)
    for phrase in PROPER_PHRASES:
        text = text.replace(phrase, " ")
    found = []
    for token in re.split(r"[\s,;:()\[\]{}·—–\"“”‘’/|=<>：，；（）。、]+", text):
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


def english_left(text: str, *data: str) -> list[str]:
    """The English words of ``text`` once the ``data`` it names (paths, ids, hosts, codes,
    the wire's bodies and headers) is taken out, longest first."""
    for value in sorted(data, key=len, reverse=True):
        text = text.replace(value, " ")
    return english_words(text)


def chinese(text: str, *data: str) -> str:
    """``text`` when it reads Chinese (no English word left but ``data``), else fail."""
    assert text.strip(), "no message was shown"
    english = english_left(text, *data)
    assert english == [], f"English left in {text!r}: {english}"
    return text


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


def _scenario_identifiers() -> frozenset[str]:
    """The scenario catalog's names and parameter names: what ``cashier scenario set NAME
    param=value`` takes, shown as they are beside their translated description."""
    from cashier_app.sandbox.scenarios import CATALOG

    return frozenset(
        {s.name for s in CATALOG.values()} | {p.name for s in CATALOG.values() for p in s.params}
    )


#: Accepted only as a widget's whole text (a combo item, a form label), never in a sentence.
IDENTIFIERS = _scenario_identifiers()


def english_on_screen(root: QWidget, data: set[str] = frozenset()) -> list[str]:
    """``where: text [words]`` for each visible text holding English words."""
    return [
        f"{where}: {text!r} {words}"
        for where, text in visible_texts(root)
        if text.strip() not in IDENTIFIERS and (words := english_words(text, data))
    ]
