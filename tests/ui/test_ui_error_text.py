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
    assert error_text(OSError(28, "No space left on device")).endswith("No space left on device")


def test_fill_replaces_each_placeholder_once():
    assert fill("%1 of %2", "3", "10") == "3 of 10"
    assert fill("Refund %1", "%2") == "Refund %2"  # an argument is never filled again
    assert fill("%1 and %3", "a") == "a and %3"
