"""The CLI speaks the operator's language (issue 9 item 7): ``--lang``, else Setup →
Language (settings.json), else LANG / LC_ALL. Errors and the human-readable lines are in
zh_CN; JSON output stays language-neutral (codes). Real subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from cashier_app.cli import text
from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import PaymentRecord
from cashier_app.journal import Journal
from cashier_app.support import paths, settings

BAD_PAY = ["pay", "--amount", "12/50", "--currency", "HKD", "--method", "ALIPAY_HK"]


def cashier(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    return subprocess.run(
        [sys.executable, "-m", "cashier_app", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**environ, **env},
    )


def test_a_bad_amount_is_refused_in_chinese():
    proc = cashier(*BAD_PAY, "--lang", "zh_CN")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == "cashier pay：错误：--amount：金额 '12/50' 不是数字\n"


def test_the_saved_language_then_the_environment_decide(tmp_path):
    settings.save_language("zh_CN")  # Setup → Language in the GUI
    saved = cashier("history", "--since", "yesterday", LANG="en_US.UTF-8")
    assert saved.returncode == 2
    assert "cashier history：错误：" in saved.stderr, saved.stderr
    assert "yesterday" in saved.stderr and "不是" in saved.stderr
    english = cashier("--lang", "en", "history", "--bogus")
    assert english.stderr.endswith("error: unrecognized arguments: --bogus\n"), english.stderr
    settings.save_language(None)  # follow the system: the environment decides
    chinese = cashier("history", "--bogus", LC_ALL="zh_CN.UTF-8", LANG="en_US.UTF-8")
    assert chinese.returncode == 2
    assert chinese.stderr.endswith("错误：无法识别的参数：--bogus\n"), chinese.stderr


def test_json_stays_language_neutral():
    """In zh_CN the human table is Chinese; the JSON carries codes and values only."""
    with Journal(paths.journal_path()) as journal:
        journal.create_payment(
            PaymentRecord(
                payment_request_id="PRQ-ZH-1",
                profile="sandbox",
                amount=Money(100, "HKD"),
                method="ALIPAY_HK",
                status=Status.SUCCESS,
                created_at=datetime(2026, 11, 21, 9, 30, tzinfo=UTC),
                updated_at=datetime(2026, 11, 21, 9, 31, tzinfo=UTC),
                trade_summary="咖啡",
            )
        )
    table = cashier("history", "--lang", "zh_CN")
    assert table.returncode == 0, table.stderr
    head, row = table.stdout.splitlines()[:2]
    assert head.split()[:4] == ["创建时间", "状态", "金额", "币种"] and "成功" in row
    assert table.stdout.splitlines()[-1] == "（共 1 笔支付，显示第 1-1 笔）"
    as_json = cashier("history", "--json", "--lang", "zh_CN")
    (payment,) = json.loads(as_json.stdout)
    assert payment["status"] == "SUCCESS" and payment["currency"] == "HKD"
    assert json.dumps(payment, ensure_ascii=False).count("咖啡") <= 1  # the merchant's data
    assert "成功" not in as_json.stdout and "状态" not in as_json.stdout


@pytest.mark.parametrize(
    ("value", "lang"),
    [("zh_CN.UTF-8", "zh_CN"), ("zh", "zh_CN"), ("en_GB", "en"), ("C", "en"), ("fr_FR", "en")],
)
def test_the_environment_language_is_read_like_gettext(monkeypatch, value, lang):
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", value)
    assert text.choose_language() == lang
    assert text.choose_language("zh_CN") == "zh_CN"  # --lang wins over everything
