"""``cashier demo FILE --headless``: both example demos pass through the service layer on the
embedded sandbox; a failing step is a FAIL row and exit 1; a bad file is one line, exit 2
(issue 16 item 2)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from cashier_app.cli import main
from cashier_app.sandbox import scenarios

ROOT = Path(__file__).resolve().parents[2]

#: Runs the CLI as users do and says whether the headless run imported Qt.
_NO_QT = (
    "import sys\n"
    "from cashier_app.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print('QT LOADED' if 'PySide6' in sys.modules else 'no Qt', file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def test_the_stakeholder_tour_passes_headless_without_qt():
    done = subprocess.run(
        [sys.executable, "-c", _NO_QT, "demo", "stakeholder_tour", "--headless"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    table = done.stdout.splitlines()
    assert table[0].startswith("Stakeholder tour (")
    rows = [line for line in table if line.rstrip().endswith(("PASS", "FAIL"))]
    assert len(rows) == 7 and all(row.rstrip().endswith("PASS") for row in rows)
    assert "in-store 24.00 HKD ALIPAY_HK" in done.stdout and "end of day" in done.stdout
    assert "4 sales" in done.stdout and done.stdout.rstrip().endswith(")")
    assert "7 steps: 7 passed, 0 failed" in done.stdout
    assert "no Qt" in done.stderr  # captions go to stderr as it plays
    assert "[1/7] Online checkout" in done.stderr


def test_the_qa_regression_passes_headless_over_every_scenario(capsys):
    assert main(["demo", "qa_regression", "--headless", "--json"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert all(r["passed"] for r in results), [r for r in results if not r["passed"]]
    assert {r["scenario"] for r in results} == set(scenarios.CATALOG)
    by_scenario: dict = {}
    for r in results:
        by_scenario.setdefault(r["scenario"], r)  # the first step of each scenario
    assert by_scenario["wallet_expires"]["got"] == "EXPIRED"
    assert by_scenario["wallet_declines"]["detail"] == "USER_REJECTED"
    assert by_scenario["bad_signature"]["got"] == "SUCCESS"  # believed only once verified


def test_a_failing_step_is_a_fail_row_and_exit_1(tmp_path, capsys):
    demo = tmp_path / "wrong.toml"
    demo.write_text(
        'title = "Wrong on purpose"\n'
        "[[step]]\n"
        'caption = "the customer declines but the demo expects a payment"\n'
        'amount = "3.00"\n'
        'wallet = "ALIPAY_HK"\n'
        'scenario = "wallet_declines"\n'
        "params = { seconds = 0 }\n"
        "[[step]]\n"
        'caption = "the next step still runs"\n'
        'amount = "4.00"\n'
        'wallet = "ALIPAY_HK"\n'
        "customer_after = 0\n",
        encoding="utf-8",
    )
    assert main(["demo", str(demo), "--headless"]) == 1
    out = capsys.readouterr().out
    first, second = (line for line in out.splitlines() if line.endswith(("PASS", "FAIL")))
    assert "wallet_declines seconds=0" in first and "FAILED" in first
    assert first.rstrip().endswith("FAIL") and second.rstrip().endswith("PASS")
    assert "2 steps: 1 passed, 1 failed" in out


def test_a_bad_demo_file_is_one_line_naming_the_line_exit_2(tmp_path):
    demo = tmp_path / "bad.toml"
    demo.write_text(
        '[[step]]\ncaption = "x"\namount = "1.00"\nwallet = "ALIPAY_HK"\nscenario = "nope"\n',
        encoding="utf-8",
    )
    for extra in ([], ["--headless"]):
        done = subprocess.run(
            [sys.executable, "-m", "cashier_app", "demo", str(demo), *extra],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            timeout=60,
        )
        assert done.returncode == 2
        assert done.stderr.startswith(f"cashier demo: error: {demo}:5: step 1: scenario: ")
        assert "no scenario 'nope'" in done.stderr and "Traceback" not in done.stderr
        assert done.stdout == ""


def test_a_missing_demo_file_exit_2(tmp_path, capsys):
    assert main(["demo", str(tmp_path / "none.toml"), "--headless"]) == 2
    assert "none.toml: cannot read it" in capsys.readouterr().err
