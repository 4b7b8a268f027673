"""The human-readable output of every sub-command in the operator's language (issue 9
item 7): doctor, keys, profile, operator, report, printer, scenario and demo in zh_CN, with
the GUI's terms and tables lined up by display width; JSON stays codes and English. In
process (``main([...])`` with capsys); one real command with the environment's language."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import UTC, date, datetime

import pytest
from zh_errors import english_left

from cashier_app.cli import main, text
from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import PaymentRecord
from cashier_app.gateway.signing import generate_private_key, public_key_base64
from cashier_app.journal import Journal
from cashier_app.support import paths

_CJK = re.compile(r"[\u3400-\u9fff]")
#: Names that stay as they are in Chinese (brands, a protocol header, a hash's name).
PROPER = ("Antom", "GCash", "Response-Time", "SHA256")
DAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def _english_after():
    yield
    text.set_language("en")  # main() set the language for the whole process


def zh(capsys, *args: str, code: int = 0) -> str:
    rc = main(["--lang", "zh_CN", *args])
    out, err = capsys.readouterr()
    assert rc == code, err
    return out + err


def chinese(shown: str, *data: str) -> None:
    """``shown`` reads as Chinese: no English word left once the data (paths, names, ids,
    commands to type) is taken out."""
    assert _CJK.search(shown), shown
    commands = re.findall(r"cashier [a-z-]+(?: [a-z-]+)?", shown)
    shown = re.sub(r"\bhttps?://\S+?(?=[\s，：（）]|$)", " ", shown)  # a gateway's URL
    for value in sorted(data, key=len, reverse=True):  # before paths: base64 holds '/'
        shown = shown.replace(value, " ")
    shown = re.sub(r"(?<!\w)/[\w./-]+", " ", shown)  # a file's path
    left = english_left(shown, *commands, *PROPER)
    assert left == [], f"English in:\n{shown}"


def test_doctor_is_a_chinese_checklist_and_its_json_stays_codes(capsys):
    shown = zh(capsys, "doctor")
    chinese(shown, "sandbox", "antom")
    names = [line.split()[1] for line in shown.splitlines()]
    assert names == ["日志", "交易日志", "配置", "网关", "时钟"], shown
    assert "网关可以连接；商户密钥已被接受；网关密钥已验证" in shown
    assert "没有未完成的支付" in shown and "内置沙箱（程序内）" in shown
    checks = json.loads(zh(capsys, "doctor", "--json"))
    assert [c["name"] for c in checks] == ["log", "journal", "profile", "gateway", "clock"]
    assert "no unfinished payments" in checks[1]["detail"]
    assert not _CJK.search(json.dumps(checks, ensure_ascii=False))


def test_keys_and_profiles_speak_chinese(capsys, memory_keyring, monkeypatch, tmp_path):
    monkeypatch.delenv("CASHIER_KEYSTORE", raising=False)
    gateway_key = tmp_path / "gateway.pub"
    gateway_key.write_text(public_key_base64(generate_private_key().public_key()))
    prod = ("--profile", "prod")
    said = [
        zh(capsys, "profile", "create", "prod", "--environment", "production", "--gateway",
           "asia", "--client-id", "2188000000000042", "--currency", "HKD", "--use"),
        zh(capsys, "keys", "generate", *prod),
        zh(capsys, "keys", "import-gateway-key", *prod, "--from-file", str(gateway_key)),
        zh(capsys, "keys", "check", *prod),
        zh(capsys, "keys", "rotate", *prod, "--no-activate"),
        zh(capsys, "keys", "activate", *prod, "--key-version", "1"),
        zh(capsys, "keys", "delete", *prod, "--key-version", "2", "--yes"),
        zh(capsys, "profile", "use", "sandbox"),
    ]  # fmt: skip
    fingerprints = re.findall(r"(?:[0-9A-F]{2}:){31}[0-9A-F]{2}", "".join(said))
    keys = re.findall(r"MII[A-Za-z0-9+/=]+", "".join(said))
    for shown in said:
        chinese(shown, "'prod'", "prod", "sandbox", "keys generate", *fingerprints, *keys)
    assert "已创建配置 'prod'（正式环境，" in said[0]
    assert "公钥（粘贴到 Antom 控制台）：" in said[1]
    assert said[3].startswith("正常：配置 'prod' 有商户密钥（版本 1）")
    show = zh(capsys, "profile", "show", "prod")
    chinese(show, "prod", "open-sea-global.alipay.com", "SHA256", *fingerprints, *keys)
    # every value starts in one column, whatever its label's width in characters
    starts = {
        text.width(line[: line.index("：") + 1])
        + len(line[line.index("：") + 1 :])
        - len(line[line.index("：") + 1 :].lstrip())
        for line in show.splitlines()
    }
    assert starts == {12}, show
    assert "环境：      正式环境" in show and "客户端 ID： 2188000000000042" in show
    listed = zh(capsys, "profile", "list")
    assert "（程序内）" in listed
    as_json = json.loads(zh(capsys, "keys", "fingerprint", *prod, "--json"))
    assert as_json["backend"] and not _CJK.search(json.dumps(as_json, ensure_ascii=False))


def test_operators_are_listed_and_changed_in_chinese(capsys, monkeypatch):
    assert zh(capsys, "operator", "list").strip() == (
        "没有操作员：本收银台无需登录（先添加一名经理即可启用）"
    )
    monkeypatch.setenv("CASHIER_NEW_PIN", "48151623")
    said = [zh(capsys, "operator", "add", "梅姐", "--role", "manager")]
    monkeypatch.setenv("CASHIER_PIN", "48151623")
    manager = ("--operator", "梅姐")
    monkeypatch.setenv("CASHIER_NEW_PIN", "27182818")
    said.append(zh(capsys, "operator", "add", "Ana", "--role", "cashier", *manager))
    said.append(zh(capsys, "operator", "set-role", "Ana", "--role", "manager", *manager))
    said.append(zh(capsys, "operator", "unlock", "Ana", *manager))
    table = zh(capsys, "operator", "list")
    said.append(zh(capsys, "operator", "remove", "Ana", *manager))
    for shown in said:
        chinese(shown, "Ana")
    assert said[0] == "已添加操作员 梅姐（经理）\n" and said[2] == "Ana 现在是经理\n"
    rows = table.splitlines()
    assert [text.width(r[: r.index("经理")]) for r in rows] == [21, 21], table


def _journal_a_day() -> None:
    with Journal(paths.journal_path()) as journal:
        for n, (method, minor, status) in enumerate(
            [("ALIPAY_HK", 3800, Status.SUCCESS), ("ALIPAY_CN", 12650, Status.SUCCESS),
             ("GCASH", 500, Status.FAILED), ("ALIPAY_HK", 999, Status.PENDING)]
        ):  # fmt: skip
            at = datetime(2026, 11, 21, 9, n, tzinfo=UTC)
            journal.create_payment(
                PaymentRecord(
                    payment_request_id=f"PRQ-ZH-{n}",
                    profile="sandbox",
                    amount=Money(minor, "HKD"),
                    method=method,
                    status=status,
                    created_at=at,
                    updated_at=at,
                )
            )


def test_end_of_day_is_a_chinese_table_that_lines_up(capsys):
    _journal_a_day()
    shown = zh(capsys, "report", "--date", DAY.isoformat(), "--tz", "UTC")
    chinese(shown, "UTC", "PRQ-ZH-3", "ALIPAY_HK")
    lines = shown.splitlines()
    assert lines[0] == "日结报表 2026-11-21（UTC）"
    assert lines[1] == "环境：内置演示沙箱——非真实资金"
    rows = lines[2 : lines.index(next(x for x in lines if x.startswith("需要处理")))]
    assert [r.split()[0] for r in rows] == ["支付方式", "支付宝", "支付宝香港", "GCash", "HKD"]
    # right-aligned figures: every row ends in the same display column
    assert len({text.width(r) for r in rows}) == 1, "\n".join(rows)
    assert "需要处理：1 笔未终态（请运行 cashier recover）" in shown


def test_printer_scenarios_and_the_demo_table_in_chinese(capsys, tmp_path):
    device = tmp_path / "lp0"
    device.touch()
    said = zh(capsys, "printer", "set", "--connection", "file", "--device-file", str(device))
    chinese(said, str(device), str(paths.config_dir() / "printer.json"))
    assert said.startswith("打印机已设置：设备文件（80 毫米）")
    assert zh(capsys, "printer", "show").startswith("打印机：设备文件（80 毫米，每行 48 个字符）")
    scenarios = zh(capsys, "scenario", "list").splitlines()
    first = scenarios[: next(i for i, r in enumerate(scenarios[1:], 1) if not r.startswith(" "))]
    assert scenarios[0].startswith("wallet_pays ")
    assert "支付创建N秒后，顾客在钱包中付款" in "".join(first).replace(" ", "")  # wrapped
    from cashier_app.cli.demo import StepResult, format_table, load

    text.set_language("zh_CN")
    demo = load("stakeholder_tour")
    results = [
        StepResult(step, "SUCCESS", "SUCCESS", 1.0, True, "") for step in demo.steps[:-1]
    ] + [StepResult(demo.steps[-1], "4 sales", "", 0.0, True, "", "4 笔已付款，1 笔退款")]
    shown = format_table(demo, results)
    chinese(shown, str(demo.path), "ALIPAY_HK", "ALIPAY_CN", "HKD", "wallet_pays",
            "wallet_declines", "seconds", "confirm_then_pay", "pay", "SUCCESS")  # fmt: skip
    assert shown.startswith("收银台演示之旅 (")
    table = shown.splitlines()[2:-2]
    assert table[0].split() == ["#", "步骤", "场景", "预期", "实际", "详情", "耗时", "结果"]
    assert table[-1].split()[:5] == ["7", "日结", "-", "4", "笔交易"]
    assert shown.splitlines()[-1] == "共 7 步：7 步通过，0 步失败（6.0 秒）"
    # the columns line up: each header word starts where its column's cells start
    at = [text.width(table[0][: table[0].index(w)]) for w in ("预期", "耗时")]
    for row in table[1:]:
        cells = re.split(r"\s{2,}", row)
        assert text.width(row[: row.index(cells[3])]) == at[0], row


def test_a_real_command_reads_chinese_in_a_chinese_environment():
    environ = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
    proc = subprocess.run(
        [sys.executable, "-m", "cashier_app", "operator", "list"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**environ, "LANG": "zh_CN.UTF-8"},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "没有操作员：本收银台无需登录（先添加一名经理即可启用）\n"


def test_a_wrong_key_is_named_with_its_fix_in_chinese(
    capsys, memory_keyring, monkeypatch, tmp_path
):
    """A key mistake (keystore/diagnostics.py) is refused naming what is wrong and the fix,
    in Chinese: it was the English diagnosis inside a Chinese error line."""
    from cashier_app.gateway.signing import private_key_pkcs8_base64

    monkeypatch.delenv("CASHIER_KEYSTORE", raising=False)
    zh(capsys, "profile", "create", "prod", "--environment", "production", "--gateway", "asia",
       "--client-id", "2188000000000042", "--currency", "HKD")  # fmt: skip
    key = generate_private_key()
    files = {
        "damaged": "MIIEvAIBADANBgkqhkiG9w0BAQEFAASC",
        "public": public_key_base64(key.public_key()),
        "private": private_key_pkcs8_base64(key),
        "truncated": "-----BEGIN PRIVATE KEY-----\nMIIEvAIBADANBgkqhkiG9w0BAQEFAASC\n",
    }
    for name, body in files.items():
        (tmp_path / name).write_text(body)
    actions = {"damaged": "import", "public": "import", "truncated": "import"}
    said = {
        name: zh(
            capsys,
            "keys",
            actions.get(name, "import-gateway-key"),
            "--profile",
            "prod",
            "--from-file",
            str(tmp_path / name),
            code=2,
        )
        for name in files
    }
    for shown in said.values():
        assert shown.startswith("cashier keys：错误："), shown
        chinese(shown, "MIIEv", "MIIEu", "MIIBIj", "PKCS#8", "gateway_public_key")
    assert "。解决：重新完整复制密钥" in said["damaged"]
    assert said["public"].startswith("cashier keys：错误：这是公钥；这里需要的是商户私钥。")
    assert "这里需要公钥，给出的却是私钥" in said["private"]
    assert "密钥不完整" in said["truncated"]


def test_every_sentence_of_the_cli_has_a_chinese_translation():
    """Every ``t("…")`` / ``both("…")`` of cashier_app/cli is in the compiled catalog (run
    scripts/update_translations.py after adding one), and reads other than its English
    unless it is only placeholders and punctuation ("%1", "; ")."""
    from cashier_app.support.catalog import Catalog

    catalog = Catalog.load("zh_CN")
    texts = text.cli_texts()
    assert len(texts) > 200
    missing = sorted(
        s
        for s in texts
        if (catalog.translate(text.CONTEXT, s) or s) == s and re.search(r"[A-Za-z]{2}", s)
    )
    assert missing == []
