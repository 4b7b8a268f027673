"""``cashier … --help`` in the operator's language: every description, option help and
heading of every sub-command in zh_CN, laid out by display width (a Chinese character is
two columns wide). In-process (``main([...])`` with capsys) but for one real command."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from collections.abc import Iterator

import pytest

from cashier_app.cli import build_parser, help_format, main, text
from cashier_app.keystore.profiles import GATEWAY_PRESETS
from cashier_app.sandbox.scenarios import CATALOG as SCENARIOS
from cashier_app.support.catalog import Catalog

_CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture(autouse=True)
def _english_after():
    yield
    text.set_language("en")  # main() set the language for the whole process


def sub_parsers(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from sub_parsers(sub, (*path, name))


def command_words(parser: argparse.ArgumentParser) -> set[str]:
    """What an operator types, shown as it is: sub-commands, options, choices, metavars."""
    words: set[str] = set()
    for _, p in sub_parsers(parser):
        for action in p._actions:
            words.update(action.option_strings)
            if isinstance(action, argparse._SubParsersAction):
                words.update(action.choices)
            elif action.choices:
                words.update(str(c) for c in action.choices)
    scenario_params = {p.name for s in SCENARIOS.values() for p in s.params}
    return words | set(GATEWAY_PRESETS) | scenario_params


#: Names that stay as they are in Chinese: brands, products, formats, the protocol's own
#: words (the Antom field and API names the help names, camelCase), the wire dialects.
PROPER = {
    "Antom", "Alipay", "AlipayHK", "PostgreSQL", "SQLite", "base64", "Payment", "Kit",
    "Checkout", "bash", "zsh", "fish", "antom", "alipayhk", "cashier", "sandbox",
    "keyring", "file", "auto", "pem", "approve", "decline", "expire", "https", "http",
    "url", "gateway_public_key", "ali_pay", "Alipay+", "Request-Time", "Enter",
    # the shell's own words, and a parameter named as the API writes it
    "shell", "source", "payload",
}  # fmt: skip
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9_'+#.-]*")


def english_left(shown: str, words: set[str]) -> list[str]:
    """Latin words of ``shown`` that read as English prose: not an option, command,
    choice, placeholder (NAME), code (ALIPAY_HK, SHA-256), protocol name
    (paymentRequestId), path, URL or environment variable."""
    shown = re.sub(r"\S*(?:/|://|\$)\S*", " ", shown)  # paths, URLs, $VARIABLES
    shown = re.sub(r"(?<![\w-])--?[A-Za-z][\w-]*|\{[^}]*\}", " ", shown)  # options, choices
    left = []
    for word in _LATIN.findall(shown):
        bare = word.strip(".'-")
        if (
            bare in words
            or word in words
            or bare in PROPER
            or len(bare) < 3
            or bare.upper() == bare  # NAME, HKD, RSA-2048, PKCS#8
            or re.search(r"[a-z][A-Z]|\d|_|\.", bare)  # paymentRequestId, v1, e.g, keys.enc
        ):
            continue
        left.append(word)
    return left


def chinese_help(capsys, *args: str) -> str:
    with pytest.raises(SystemExit) as done:
        main(["--lang", "zh_CN", *args, "--help"])
    assert done.value.code == 0
    return capsys.readouterr().out


def test_every_help_text_has_a_chinese_translation():
    catalog = Catalog.load("zh_CN")
    texts = help_format.help_texts(build_parser())
    assert len(texts) > 200  # every sub-command's, not an empty walk
    missing = sorted(
        t for t in texts if not _CJK.search(catalog.translate(help_format.CONTEXT, t) or "")
    )
    assert missing == [], f"{len(missing)} help texts are not translated: {missing[:5]}"


def test_every_help_page_reads_chinese(capsys, monkeypatch):
    """Each sub-command's --help as the operator sees it: no English sentence left, the
    headings and argparse's own words included."""
    monkeypatch.setenv("COLUMNS", "100")
    words = command_words(build_parser())
    found = {}
    for path, _ in sub_parsers(build_parser()):
        shown = chinese_help(capsys, *path)
        assert shown.startswith("用法：cashier"), shown
        english = english_left(shown, words)
        if english:
            found[" ".join(path) or "cashier"] = english
    assert found == {}, found


def test_the_scan_finds_an_english_help_text(capsys, monkeypatch):
    """The check above is not blind: a help text left in English is found."""
    monkeypatch.setattr(help_format, "translate", lambda source: source)
    shown = chinese_help(capsys, "doctor")
    assert "the profile to check" in shown
    assert "checklist" in english_left(shown, command_words(build_parser()))


def test_chinese_help_lines_up_by_display_width(capsys, monkeypatch):
    """On an 80-column terminal no line is wider than argparse's 78 columns, the help
    column is one column for every option, and the usage's second line starts under its
    first argument."""
    monkeypatch.setenv("COLUMNS", "80")
    shown = chinese_help(capsys, "doctor")
    lines = shown.splitlines()
    assert max(help_format.width(line) for line in lines) <= 78
    usage = [line for line in lines[: lines.index("")]]
    assert len(usage) > 1
    first_arg = help_format.width("用法：cashier doctor ")
    assert all(len(line) - len(line.lstrip()) == first_arg for line in usage[1:])
    columns = set()
    options = lines[lines.index("选项：") + 1 :]
    for line in options:
        if not line.strip() or not line.startswith(" "):
            continue
        same_line = re.match(r"(  -\S.*?\s{2,})(\S.*)", line)
        if same_line:
            columns.add(help_format.width(same_line.group(1)))
        elif not line.lstrip().startswith("-"):
            columns.add(len(line) - len(line.lstrip()))
    assert columns == {24}, shown
    assert "选项：" in lines and "密钥存储：" in lines  # full-width colons


@pytest.mark.parametrize(
    ("text_in", "columns"),
    [
        ("检查交易日志、配置、密钥和网关，然后再收款（默认：当前配置）", 20),
        ("要检查的配置 --profile NAME（默认：当前配置），见 cashier doctor", 16),
    ],
)
def test_wrapping_keeps_punctuation_off_the_line_start(text_in, columns):
    lines = help_format.wrap(text_in, columns)
    assert "".join(lines).replace(" ", "") == text_in.replace(" ", "")
    assert all(help_format.width(line) <= columns for line in lines)
    assert not any(line[0] in "，。、；：）" for line in lines)
    assert not any(line[-1] in "（" for line in lines)


def test_a_real_command_helps_in_the_environment_language():
    environ = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
    proc = subprocess.run(
        [sys.executable, "-m", "cashier_app", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**environ, "LANG": "zh_CN.UTF-8", "COLUMNS": "80"},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("用法：cashier [-h] [--version] COMMAND ...\n"), proc.stdout
    assert "选项：" in proc.stdout and "显示此帮助信息并退出" in proc.stdout
    assert "doctor" in proc.stdout and "收款前检查" in proc.stdout


def test_lang_before_help_shows_the_command_list(capsys):
    """``cashier --lang zh_CN --help`` is the whole command's help (it showed the GUI's)."""
    shown = chinese_help(capsys)
    assert shown.startswith("用法：cashier [-h] [--version] COMMAND ...")
    assert "doctor" in shown and "completion" in shown


def test_english_help_is_as_before(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "en", "doctor", "--help"])
    shown = capsys.readouterr().out
    assert shown.startswith("usage: cashier doctor [-h]")
    assert "\noptions:\n" in shown and "the profile to check (default: active)" in shown
