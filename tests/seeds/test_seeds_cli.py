"""``cashier paykit``: the headless commands run against the embedded sandbox."""

from __future__ import annotations

import json

from cashier_app.cli import main


def test_picker_and_bad_amount(capsys):
    assert (
        main(["paykit", "picker", "--amount", "100", "--currency", "HKD", "--select", "ALIPAY_HK"])
        == 0
    )
    assert [m["type"] for m in json.loads(capsys.readouterr().out)["methods"]] == ["ALIPAY_HK"]
    assert main(["paykit", "picker", "--amount", "0", "--currency", "HKD"]) == 1
    assert json.loads(capsys.readouterr().out)["error"] == 401


def test_sale_and_envelope(capsys):
    assert (
        main(
            [
                "paykit",
                "sale",
                "--amount",
                "1230",
                "--currency",
                "HKD",
                "--method",
                "ALIPAY_HK",
                "--simulate",
                "approve",
                "--timeout",
                "30",
            ]
        )
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert out["nextStep"] == "finish" and out["extraInfo"]["resultStatus"] == "9000"
    assert main(["paykit", "envelope", "--amount", "1000", "--simulate", "approve"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["paymentStatus"] == "SUCCESS"
    assert json.loads(out["tradePay"]["orderStr"])["request"]["head"]["version"] == "2.0.0"


def test_request_payment_validation(capsys):
    assert (
        main(
            [
                "paykit",
                "request-payment",
                "--order-str",
                '{"nextAction":"L","linkUrl":"https://nowhere/x"}',
            ]
        )
        == 1
    )
    assert json.loads(capsys.readouterr().out)["error"] == 1001930001
