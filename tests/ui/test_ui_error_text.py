"""Errors reach the operator in the UI language, from their code and parameters."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from cashier_app.domain.errors import CashierError
from cashier_app.domain.money import Money, MoneyError
from cashier_app.ui import ensure_application
from cashier_app.ui.resources import resources_dir
from cashier_app.ui.text import (
    ERROR_CONTEXT,
    error_text,
    fill,
    known_error_templates,
    translate_error_template,
)

TS = resources_dir() / "i18n" / "cashier_zh_CN.ts"


@pytest.fixture
def zh(qapp):
    ensure_application(lang="zh_CN")
    yield
    ensure_application(lang="en")


def _ts_sources(context: str) -> set[str]:
    root = ET.parse(TS).getroot()
    return {
        m.findtext("source", default="")
        for c in root.iter("context")
        if c.findtext("name") == context
        for m in c.iter("message")
    }


def test_the_translations_list_exactly_the_error_templates_of_the_code():
    templates = known_error_templates()
    assert len(templates) > 19
    assert _ts_sources(ERROR_CONTEXT) == templates, (
        "run scripts/update_translations.py after changing an error template"
    )


def test_every_error_template_is_translated_with_its_placeholders(zh):
    for template in known_error_templates():
        chinese = translate_error_template(template)
        if not re.search(r"[A-Za-z]", re.sub(r"\{[^}]*\}", "", template)):
            continue  # "{error}", "{detail}": nothing to translate but the placeholders
        assert chinese != template, f"untranslated: {template}"
        assert set(re.findall(r"\{\w+\}", chinese)) == set(re.findall(r"\{\w+\}", template))


@pytest.mark.parametrize(
    ("text", "currency", "expected"),
    [
        ("0", "HKD", "金额必须大于零"),
        ("1.234", "HKD", "HKD 最多允许 2 位小数"),
        ("12,50", "HKD", "金额 '12,50'：逗号只能用作千位分隔"),
        ("abc", "HKD", "金额 'abc' 不是数字"),
        ("1.5", "JPY", "JPY 没有辅币单位"),
    ],
)
def test_money_errors_in_chinese(zh, text, currency, expected):
    with pytest.raises(MoneyError) as err:
        Money.parse(text, currency)
    assert expected in error_text(err.value)


def test_english_plain_and_foreign_errors(qapp):
    ensure_application(lang="en")
    with pytest.raises(MoneyError) as err:
        Money.parse("-3", "HKD")
    assert error_text(err.value) == "amount must not be negative" == str(err.value)
    assert error_text(CashierError("anything said by a caller")) == "anything said by a caller"
    # an OSError is named by its errno in our words (zh_CN too), not the C library's
    assert error_text(OSError(28, "No space left on device")) == "the disk is full"


def test_fill_replaces_each_placeholder_once():
    assert fill("%1 of %2", "3", "10") == "3 of 10"
    assert fill("Refund %1", "%2") == "Refund %2"  # an argument is never filled again
    assert fill("%1 and %3", "a") == "a and %3"


def test_the_gui_and_the_cli_render_an_error_alike(zh, tmp_path):
    """The GUI (QTranslator) and the CLI (the same .qm read without Qt) give a zh_CN
    operator the same words for real faults: a journal that is a folder, a closed port."""
    import socket

    from zh_errors import english_left
    from zh_errors import zh as cli_zh

    from cashier_app.gateway.errors import TransportError
    from cashier_app.journal import Journal, JournalError

    with pytest.raises(JournalError) as journal_error:
        Journal(tmp_path)
    probe = socket.create_server(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    with pytest.raises(OSError) as refused:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    transport = TransportError.describe("pay", "127.0.0.1", refused.value)
    for error in (journal_error.value, transport):
        assert error_text(error) == cli_zh(error)
        assert english_left(error_text(error), str(tmp_path), "pay", "127.0.0.1") == []
    assert error_text(journal_error.value) == f"无法打开交易日志 {tmp_path}：它是文件夹，不是文件"
