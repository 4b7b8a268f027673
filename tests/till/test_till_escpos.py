"""ESC/POS receipts: bytes rendered to python-escpos's in-memory printer, and the real
device-file and network connections on this machine."""

from __future__ import annotations

import re
import socket
import threading
from datetime import UTC, datetime

import pytest
from escpos.printer import Dummy

from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import PaymentRecord
from cashier_app.reports.receipts import receipt_data
from cashier_app.till.escpos_printer import (
    PrinterError,
    print_receipt,
    render_order_code,
    render_receipt,
)
from cashier_app.till.printer_config import (
    PrinterConfig,
    PrinterConfigError,
    load_printer_config,
    save_printer_config,
)

GS, ESC = b"\x1d", b"\x1b"
FULL_CUT = GS + b"V\x00"
ORDER_CODE = "https://qr.alipay.com/ORDER-281-0042"


def _sale() -> PaymentRecord:
    at = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    return PaymentRecord(
        payment_request_id="PRID-ESC-1",
        profile="sandbox",
        amount=Money(4250, "HKD"),
        method="ALIPAY_HK",
        status=Status.SUCCESS,
        created_at=at,
        updated_at=at,
        trade_summary="Two flat whites and a croissant for the table by the window",
        payment_id="2026120100001",
        paid_at=at,
        result_code="SUCCESS",
    )


def _qr_store_block(value: str) -> bytes:
    """GS ( k pL pH cn=49 fn=80 m=48 data: "store the data" of the native QR command."""
    data = value.encode()
    n = len(data) + 3
    return GS + b"(k" + bytes([n & 0xFF, n >> 8]) + b"1P0" + data


def _text_lines(raw: bytes) -> list[str]:
    """The printed lines, with the one-parameter ESC and GS commands taken out."""
    bare = re.sub(rb"\x1b(?:@|[!EaMtGd-].)|\x1d[!V].", b"", raw)
    return [line.decode("ascii", "replace") for line in bare.split(b"\n")]


@pytest.mark.parametrize("paper,width", [(80, 48), (58, 32)])
def test_receipt_bytes_text_wrapped_to_the_roll_and_cut(paper, width):
    cfg = PrinterConfig(paper_mm=paper)
    p = Dummy()
    render_receipt(p, receipt_data(_sale(), [], "Demo Store", tz=UTC), cfg)
    raw = p.output
    for needle in (
        b"Demo Store",
        b"HK$42.50",
        b"PAID",
        b"Wallet: AlipayHK",
        b"Payment ID: 2026120100001",
        b"Request ID: PRID-ESC-1",
        b"Thank you",
    ):
        assert needle in raw, needle
    assert raw.startswith(ESC + b"@") or ESC + b"a\x01" in raw  # centred heading
    assert raw.endswith(FULL_CUT)
    assert b"(k" not in raw  # no QR on a plain receipt
    printable = [ln for ln in _text_lines(raw) if ln]
    assert printable and max(len(ln) for ln in printable) <= width
    assert "-" * width in printable  # rules run the width of the roll


def test_receipt_with_an_order_code_carries_the_native_qr_command_and_its_data():
    cfg = PrinterConfig(paper_mm=80)
    p = Dummy()
    render_receipt(p, receipt_data(_sale(), [], "Demo Store", tz=UTC), cfg, order_code=ORDER_CODE)
    raw = p.output
    store = _qr_store_block(ORDER_CODE)
    assert store in raw
    assert GS + b"(k\x03\x001Q0" in raw  # print the stored symbol
    assert GS + b"(k\x03\x001C\x07" in raw  # module size 7 dots on 80 mm
    assert raw.index(store) < raw.rindex(FULL_CUT)  # the cut comes after the code


def test_order_code_slip_on_58mm():
    p = Dummy()
    render_order_code(
        p,
        ORDER_CODE,
        "HK$42.50",
        "AlipayHK",
        PrinterConfig(paper_mm=58),
        merchant_name="Demo Store",
        expires="09:44",
    )
    raw = p.output
    assert _qr_store_block(ORDER_CODE) in raw and b"HK$42.50" in raw
    assert b"Scan with AlipayHK" in raw and b"Valid until 09:44" in raw
    assert GS + b"(k\x03\x001C\x05" in raw and raw.endswith(FULL_CUT)
    with pytest.raises(ValueError):
        render_order_code(Dummy(), "", "HK$1.00", "AlipayHK", PrinterConfig())


def test_chinese_text_goes_out_as_gb18030():
    sale = _sale()
    data = receipt_data(sale, [], "演示商店", tz=UTC)
    p = Dummy()
    render_receipt(p, data, PrinterConfig())
    assert "演示商店".encode("gb18030") in p.output


def test_no_cut_when_the_printer_has_no_cutter():
    p = Dummy()
    render_receipt(p, receipt_data(_sale(), [], "Demo Store", tz=UTC), PrinterConfig(cut=False))
    assert FULL_CUT not in p.output


def test_device_file_printer_writes_the_same_bytes(tmp_path):
    dev = tmp_path / "lp0"
    dev.write_bytes(b"")
    cfg = PrinterConfig(connection="file", device_file=str(dev))
    data = receipt_data(_sale(), [], "Demo Store", tz=UTC)
    print_receipt(cfg, data, order_code=ORDER_CODE)
    expected = Dummy()
    render_receipt(expected, data, cfg, order_code=ORDER_CODE)
    assert dev.read_bytes().endswith(expected.output)


def test_network_printer_on_loopback_receives_the_receipt():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(10)
    received = bytearray()

    def serve():
        conn, _ = server.accept()
        with conn:
            conn.settimeout(10)
            while chunk := conn.recv(65536):
                received.extend(chunk)

    t = threading.Thread(target=serve, daemon=True)
    t.start()
    cfg = PrinterConfig(connection="network", host="127.0.0.1", port=server.getsockname()[1])
    print_receipt(cfg, receipt_data(_sale(), [], "Demo Store", tz=UTC))
    t.join(10)
    server.close()
    assert b"HK$42.50" in received and FULL_CUT in received


def test_unreachable_printer_names_where():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens once closed
    cfg = PrinterConfig(connection="network", host="127.0.0.1", port=port)
    with pytest.raises(PrinterError, match=f"127.0.0.1:{port}"):
        print_receipt(cfg, receipt_data(_sale(), [], "Demo Store", tz=UTC))
    with pytest.raises(PrinterError, match="no receipt printer"):
        print_receipt(PrinterConfig(), receipt_data(_sale(), [], "Demo Store", tz=UTC))


def test_printer_config_round_trip_and_bad_fields(tmp_path):
    path = tmp_path / "printer.json"
    assert load_printer_config(path) == PrinterConfig()  # none set
    cfg = PrinterConfig.from_dict(
        {"connection": "usb", "usb_vendor": "0x04b8", "usb_product": "0x0e15", "paper_mm": 58}
    )
    assert (cfg.usb_vendor, cfg.chars_per_line) == (0x04B8, 32)
    save_printer_config(cfg, path)
    assert load_printer_config(path) == cfg
    for bad, field in (
        ({"paper_mm": 76}, "paper_mm"),
        ({"connection": "bluetooth"}, "connection"),
        ({"connection": "network"}, "host"),
        ({"connection": "serial"}, "serial_device"),
        ({"colour": "red"}, "colour"),
        ({"connection": "usb", "usb_vendor": "epson", "usb_product": 1}, "usb_vendor"),
    ):
        with pytest.raises(PrinterConfigError) as err:
            PrinterConfig.from_dict(bad)
        assert err.value.field == field
    path.write_text("[1]")
    with pytest.raises(PrinterConfigError, match="not a JSON object"):
        load_printer_config(path)


def test_in_store_receipt_shows_the_scenario_and_only_the_masked_code():
    from dataclasses import replace

    sale = replace(_sale(), scenario="PaymentCode", masked_code="2812••••••••••3456")
    p = Dummy()
    render_receipt(p, receipt_data(sale, [], "Demo Store", tz=UTC), PrinterConfig())
    text = "\n".join(_text_lines(p.output))
    assert "Paid with: Scanned code 2812" in text and "3456" in text
    order = replace(_sale(), scenario="OrderCode")
    p = Dummy()
    render_receipt(p, receipt_data(order, [], "Demo Store", tz=UTC), PrinterConfig())
    assert b"Paid with: Order code" in p.output
