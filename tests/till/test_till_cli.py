"""``cashier printer`` and ``cashier receipt --escpos``: the installation's printer set once,
a journaled in-store sale's receipt printed to it (a device file here)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from cashier_app.cli import main
from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import PaymentRecord
from cashier_app.journal import Journal
from cashier_app.support import paths


def test_set_show_and_print_a_receipt_to_a_device_file(tmp_path, capsys):
    device = tmp_path / "lp0"
    device.write_bytes(b"")
    assert (
        main(
            [
                "printer",
                "set",
                "--connection",
                "file",
                "--device-file",
                str(device),
                "--paper",
                "58",
            ]
        )
        == 0
    )
    assert main(["printer", "show", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert (shown["connection"], shown["paper_mm"]) == ("file", 58)
    at = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    with Journal(paths.journal_path()) as journal:
        journal.create_payment(
            PaymentRecord(
                "PR-ESC",
                "till",
                Money(4200, "HKD"),
                "ALIPAY_HK",
                Status.SUCCESS,
                at,
                at,
                payment_id="2026PID",
                paid_at=at,
                scenario="PaymentCode",
                masked_code="2812••••••••••3456",
            )
        )
    assert main(["receipt", "PR-ESC", "--escpos", "--merchant", "Demo Cafe"]) == 0
    raw = device.read_bytes()
    assert b"Demo Cafe" in raw and b"HK$42.00" in raw and raw.endswith(b"\x1dV\x00")
    assert main(["printer", "test"]) == 0
    slip = device.read_bytes()  # a device file is written afresh by each job
    assert b"cashier printer test" in slip and b"(k" in slip and slip.endswith(b"\x1dV\x00")


def test_bad_printer_settings_exit_2_naming_the_option(capsys):
    assert main(["printer", "set", "--connection", "network"]) == 2
    assert "--host" in capsys.readouterr().err
    assert main(["printer", "set", "--connection", "usb", "--usb", "epson:1"]) == 2
    assert "--usb-vendor" in capsys.readouterr().err
    assert (
        main(["printer", "set", "--connection", "file", "--device-file", "/x", "--paper", "76"])
        == 2
    )
    assert main(["receipt", "NOPE", "--escpos"]) == 2  # an unknown id: exit 2 (issue 10)


def test_a_chinese_till_prints_and_shows_the_receipt_in_chinese(tmp_path, capsys):
    """``cashier --lang zh_CN receipt``: Chinese labels on the ESC/POS roll (GB18030) and
    in the plain text; the amount and the ids as they are, the ids whole."""
    from cashier_app.cli import text

    device = tmp_path / "lp0"
    device.write_bytes(b"")
    assert main(["printer", "set", "--connection", "file", "--device-file", str(device)]) == 0
    at = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    prid = "P202612010900001230123456789abcdef"
    with Journal(paths.journal_path()) as journal:
        journal.create_payment(
            PaymentRecord(
                prid, "till", Money(4200, "HKD"), "ALIPAY_HK", Status.SUCCESS, at, at,
                payment_id="2026PID", paid_at=at,
            )
        )  # fmt: skip
    capsys.readouterr()
    try:
        assert main(["--lang", "zh_CN", "receipt", prid, "--escpos", "--text"]) == 0
    finally:
        text.set_language("en")
    shown = capsys.readouterr().out
    assert "支付方式：支付宝香港" in shown and "已付款" in shown and "Wallet" not in shown
    assert any(line.strip() == prid for line in shown.splitlines())
    raw = device.read_bytes()
    assert "请求编号".encode("gb18030") in raw and prid.encode() in raw
    assert b"HK$42.00" in raw and b"PAID" not in raw
