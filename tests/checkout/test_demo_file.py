"""Demo files (checkout/demo.py): the examples load; a bad file is refused with a message
that names the file, the line and the field (issue 16 item 2). Checked against the
sandbox's real scenario catalog."""

from __future__ import annotations

from pathlib import Path

import pytest

from cashier_app import resources
from cashier_app.checkout.demo import DemoError, load_demo, parse_demo
from cashier_app.sandbox import scenarios
from cashier_app.sandbox.demo_catalog import CATALOG

DEMOS = resources() / "demos"

GOOD = """title = "t"
[[step]]
caption = "one"
amount = "12.30"
wallet = "ALIPAY_HK"
"""


def _refused(text: str) -> str:
    with pytest.raises(DemoError) as caught:
        parse_demo(text, CATALOG, Path("demo.toml"))
    return str(caught.value)


def test_the_examples_load():
    tour = load_demo(DEMOS / "stakeholder_tour.toml", CATALOG)
    assert tour.title == "Stakeholder tour"
    kinds = {(s.do, s.product) for s in tour.steps}
    assert {("sale", "online"), ("sale", "in-store"), ("refund", "online")} <= kinds
    assert tour.steps[-1].do == "end_of_day"
    qa = load_demo(DEMOS / "qa_regression.toml", CATALOG)
    # the QA regression plays every scenario of the one catalog
    assert {s.scenario for s in qa.steps} == set(scenarios.CATALOG)


def test_a_good_file_and_its_defaults():
    demo = parse_demo(GOOD, CATALOG, Path("demo.toml"))
    (step,) = demo.steps
    assert demo.currency == "HKD" and demo.pace == 3.0 and not demo.pause
    assert step.amount is not None and step.amount.value == 1230
    assert (step.product, step.customer, step.expect, step.line) == ("online", "pays", "SUCCESS", 2)


@pytest.mark.parametrize(
    "text, message",
    [
        ('title = "t"\n[[step]\ncaption = "x"\n', "demo.toml:2: not valid TOML"),
        ('titel = "t"\n' + GOOD[12:], "demo.toml:1: titel: unknown setting"),
        ("pace = 90\n" + GOOD[12:], "demo.toml:1: pace: 90 must be from 0.5 to 30"),
        ('title = "t"\n', "demo.toml: no steps"),
        (GOOD.replace('caption = "one"\n', ""), "demo.toml:2: step 1: caption is missing"),
        (
            GOOD.replace('"12.30"', "12.30"),
            "demo.toml:4: step 1: amount: 12.3: write the amount as text",
        ),
        (GOOD.replace('"12.30"', '"12.345"'), "demo.toml:4: step 1: amount: "),
        (GOOD.replace('"12.30"', '"abc"'), "demo.toml:4: step 1: amount: "),
        (GOOD.replace("ALIPAY_HK", "PAYPAL"), "demo.toml:5: step 1: wallet: "),
        (
            GOOD.replace("ALIPAY_HK", "GCASH"),
            "demo.toml:5: step 1: wallet: GCASH does not accept HKD",
        ),
        (GOOD + 'colour = "red"\n', "demo.toml:6: step 1: colour: not a field of a sale step"),
        (
            GOOD + 'scenario = "wallet_flies"\n',
            "demo.toml:6: step 1: scenario: no scenario 'wallet_flies'",
        ),
        (
            GOOD + 'scenario = "wallet_pays"\nparams = { seconds = -1 }\n',
            "demo.toml:7: step 1: params: parameter seconds: -1 must be from 0 to 600",
        ),
        (
            GOOD + 'scenario = "http_error"\nparams = { colour = 1 }\n',
            "demo.toml:7: step 1: params: scenario http_error: no parameter 'colour'",
        ),
        (
            GOOD + "params = { seconds = 1 }\n",
            "demo.toml:6: step 1: params: given without a scenario",
        ),
        (GOOD + 'expect = "PAID"\n', "demo.toml:6: step 1: expect: 'PAID' is not one of SUCCESS"),
        (GOOD + 'code = "pay"\n', "demo.toml:6: step 1: code: is for an in-store sale"),
        (
            GOOD + 'product = "in-store"\ncode = "teleport"\n',
            "demo.toml:7: step 1: code: 'teleport' is not one of pay, confirm",
        ),
        (GOOD + "timeout = 0\n", "demo.toml:6: step 1: timeout: 0 must be from 1 to 900"),
        (GOOD + 'do = "dance"\n', "demo.toml:6: step 1: do: 'dance' is not one of sale, refund"),
        (
            'title = "t"\n[[step]]\ndo = "refund"\ncaption = "r"\n',
            "demo.toml:2: step 1: a refund needs a sale step before it",
        ),
        (
            GOOD + 'expect = "FAILED"\n[[step]]\ndo = "refund"\ncaption = "r"\nsale = 1\n',
            "demo.toml:10: step 2: sale: step 1 is expected FAILED, not paid",
        ),
        (
            GOOD + '[[step]]\ndo = "refund"\ncaption = "r"\nsale = 7\n',
            "demo.toml:9: step 2: sale: step 7 is not a sale step before this one",
        ),
        (
            GOOD + '[[step]]\ndo = "refund"\ncaption = "r"\namount = "99.00"\n',
            "demo.toml:9: step 2: amount: 99.00 HKD is more than the sale's 12.30 HKD",
        ),
        (
            GOOD + '[[step]]\ndo = "end_of_day"\ncaption = "e"\nexpect_sales = "3"\n',
            "demo.toml:9: step 2: expect_sales: must be a whole number from 0",
        ),
        (
            GOOD + '[[step]]\ndo = "end_of_day"\ncaption = "e"\nwallet = "ALIPAY_HK"\n',
            "demo.toml:9: step 2: wallet: not a field of a end_of_day step",
        ),
    ],
)
def test_a_bad_file_names_the_line_and_the_field(text, message):
    assert message in _refused(text)


def test_an_unreadable_file_is_named(tmp_path):
    with pytest.raises(DemoError, match="cannot read it"):
        load_demo(tmp_path / "missing.toml", CATALOG)
    bad = tmp_path / "latin1.toml"
    bad.write_bytes('title = "caf\xe9"\n'.encode("latin-1"))
    with pytest.raises(DemoError, match=r"latin1\.toml: not UTF-8 text"):
        load_demo(bad, CATALOG)


def test_a_bad_file_is_named_in_chinese():
    """The presenter reads the file, line, step and problem in zh_CN, the scenario's own
    parameter problem included (a nested coded error)."""
    from zh_errors import english_left, zh

    text = (
        'title = "t"\n[[step]]\ncaption = "one"\namount = "12.30"\nwallet = "ALIPAY_HK"\n'
        'scenario = "wallet_pays"\nparams = { seconds = -1 }\n'
    )
    with pytest.raises(DemoError) as caught:
        parse_demo(text, CATALOG, Path("demo.toml"))
    chinese = zh(caught.value)
    assert chinese.startswith("demo.toml:7：第 1 步：params：")
    assert english_left(chinese, "demo.toml", "params", "seconds") == [], chinese
