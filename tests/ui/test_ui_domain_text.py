"""Domain errors reach the operator in the UI language, with their details filled in."""

from __future__ import annotations

import re

import pytest

from cashier_app.domain.money import MESSAGES, Money, MoneyError
from cashier_app.ui import ensure_application
from cashier_app.ui.domain_text import TEMPLATES, money_error_text


def test_every_domain_template_is_listed_for_translation():
    assert set(TEMPLATES) == set(MESSAGES.values())


@pytest.mark.parametrize(("text", "currency", "expected"), [
    ("0", "HKD", "金额必须大于零"),
    ("1.234", "HKD", "HKD 最多允许 2 位小数"),
    ("12,50", "HKD", "金额 '12,50'：逗号只能用作千位分隔"),
    ("abc", "HKD", "金额 'abc' 不是数字"),
    ("1.5", "JPY", "JPY 没有辅币单位"),
])
def test_money_errors_in_chinese(qapp, text, currency, expected):
    ensure_application(lang="zh_CN")
    try:
        with pytest.raises(MoneyError) as err:
            Money.parse(text, currency)
        assert expected in money_error_text(err.value)
    finally:
        ensure_application(lang="en")


def test_every_chinese_template_keeps_its_placeholders(qapp):
    from PySide6.QtCore import QCoreApplication

    ensure_application(lang="zh_CN")
    try:
        for template in MESSAGES.values():
            zh = QCoreApplication.translate("MoneyError", template)
            assert zh != template, f"untranslated: {template}"
            assert set(re.findall(r"\{\w+\}", zh)) == set(re.findall(r"\{\w+\}", template))
    finally:
        ensure_application(lang="en")


def test_english_and_plain_messages(qapp):
    ensure_application(lang="en")
    with pytest.raises(MoneyError) as err:
        Money.parse("-3", "HKD")
    assert money_error_text(err.value) == "amount must not be negative" == str(err.value)
    assert money_error_text(MoneyError("anything said by a caller")) == \
        "anything said by a caller"
