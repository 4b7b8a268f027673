"""Receipts in the operator's language on the ESC/POS roll, read back from python-escpos's
in-memory ``Dummy`` printer: a zh_CN till prints Chinese labels (amounts, ids and dates as
they are), every line within the roll's columns by display width (58 mm: 32, 80 mm: 48; a
Chinese character takes two), in GB18030 with the printer's Chinese character mode on; and
the ids (paymentRequestId, paymentId) are never cut across lines on either roll."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from escpos.printer import Dummy

from cashier_app.checkout.ids import new_request_id
from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import PaymentRecord
from cashier_app.reports.receipts import receipt_data, receipt_text
from cashier_app.reports.wrap import display_width
from cashier_app.till.escpos_printer import render_receipt
from cashier_app.till.printer_config import PrinterConfig

ESC, GS, FS = b"\x1b", b"\x1d", b"\x1c"
#: as checkout.ids makes them: 34 characters, wider than a 58 mm line in font A
PRID = "P20261201093000123" + "0123456789abcdef"
PAYMENT_ID = "2026120111890000123456789"
ENGLISH_LABELS = ("Wallet", "Payment ID", "Request ID", "Time", "Thank you", "PAID", "SALE")


def _sale(**changes) -> PaymentRecord:
    at = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    fields = dict(
        payment_request_id=PRID,
        profile="sandbox",
        amount=Money(4250, "HKD"),
        method="ALIPAY_HK",
        status=Status.SUCCESS,
        created_at=at,
        updated_at=at,
        trade_summary="两杯馥芮白和一个牛角包，靠窗的桌子 Flat whites for table 12",
        payment_id=PAYMENT_ID,
        paid_at=at,
        result_code="SUCCESS",
        reference_order_id="ORD-20261201-0930-TABLE-12",
    )
    fields.update(changes)
    return PaymentRecord(**fields)


def _printed(raw: bytes) -> list[tuple[str, bool]]:
    """The printed lines (decoded as GB18030) and whether each is in font B, with the
    ESC/POS commands taken out."""
    rows, small = [], False
    for chunk in raw.split(b"\n"):
        for command in re.findall(rb"\x1bM(.)", chunk):
            small = command in (b"\x01", b"1")
        bare = re.sub(rb"\x1b(?:@|[!EaMtGd-].)|\x1d[!V].|\x1c[&.]", b"", chunk)
        try:
            rows.append((bare.decode("gb18030"), small))
        except UnicodeDecodeError:  # a line sent outside Chinese mode, in a code page
            rows.append((bare.decode("cp1252"), small))
    return rows


def _print(paper: int, lang: str, **changes) -> tuple[bytes, list[tuple[str, bool]]]:
    p = Dummy()
    data = receipt_data(_sale(**changes), [], "演示商店", tz=UTC, lang=lang)
    render_receipt(p, data, PrinterConfig(paper_mm=paper))
    return p.output, _printed(p.output)


@pytest.mark.parametrize(("paper", "columns"), [(58, 32), (80, 48)])
def test_a_chinese_till_prints_chinese_labels_within_the_roll(paper, columns):
    raw, rows = _print(paper, "zh_CN")
    text = "\n".join(r for r, _ in rows)
    for english in ENGLISH_LABELS:
        assert english not in text, (english, text)
    for chinese in ("支付方式", "支付宝香港", "请求编号", "支付单号", "时间", "已付款", "谢谢惠顾"):
        assert chinese in text, (chinese, text)
    for as_is in ("HK$42.50", "2026-12-01 09:30:00", "ORD-20261201-0930-TABLE-12", "演示商店"):
        assert as_is in text.replace("\n", ""), as_is
    # font B (9 dots) holds 42 / 64 columns; font A (12 dots) 32 / 48
    small_columns = {32: 42, 48: 64}[columns]
    for row, small in rows:
        assert display_width(row) <= (small_columns if small else columns), row
    assert raw.startswith(ESC + b"@") or FS + b"&" in raw  # Chinese character mode on
    assert "：" in text  # the labels' colon is the Chinese one
    assert "Alipay+™ PARTNER" in text  # a sign GBK lacks: printed from a code page


def test_chinese_text_and_its_punctuation_go_out_as_gb18030_in_chinese_mode():
    """python-escpos sends a line as GB18030 only when it holds a Han character; a line of
    Chinese punctuation alone (or a full-width sign) would fall to its code-page search
    and print '?'. In Chinese mode every line is GB18030."""
    raw, rows = _print(58, "zh_CN", trade_summary="（外带）")
    assert "（外带）".encode("gb18030") in raw
    assert "?" not in "".join(r for r, _ in rows)
    assert raw.index(FS + b"&") < raw.index("支付方式".encode("gb18030"))
    assert raw.rindex(FS + b".") > raw.rindex("谢谢惠顾".encode("gb18030"))  # mode off again


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("paper", [58, 80])
def test_ids_are_printed_whole(paper, lang):
    """The paymentRequestId and the paymentId are each on one line: beside their label
    when they fit, else on a line of their own (in font B where font A is too narrow)."""
    _raw, rows = _print(paper, lang)
    lines = [r for r, _ in rows]
    for ident in (PRID, PAYMENT_ID):
        assert any(ident in line for line in lines), (ident, lines)


@pytest.mark.parametrize("paper", [58, 80])
def test_an_id_longer_than_any_line_is_split_cleanly_and_says_so(paper):
    long_id = "PRQ-" + "-".join(f"{i:04d}ABCDEF" for i in range(6))  # 70 characters
    _raw, rows = _print(paper, "en", payment_request_id=long_id)
    lines = [r for r, _ in rows]
    at = next(i for i, line in enumerate(lines) if line.startswith("Request ID"))
    assert "(2 lines)" in lines[at], lines[at]
    parts = [lines[at + 1].strip(), lines[at + 2].strip()]
    assert "".join(parts) == long_id
    assert parts[0].endswith("-")  # broken after a separator, not inside a group
    _raw, rows = _print(paper, "zh_CN", payment_request_id=long_id)
    lines = [r for r, _ in rows]
    assert any(line.startswith("请求编号（分 2 行）") for line in lines), lines


@pytest.mark.parametrize("width", [32, 40, 48])
def test_the_plain_text_receipt_in_chinese_fits_by_display_width(width):
    """``cashier receipt --text`` (40 columns): plain text has no narrow font, so on 32
    columns the 34-character request id is the one split, and its label says so."""
    text = receipt_text(receipt_data(_sale(), [], "演示商店", tz=UTC, lang="zh_CN"), width)
    lines = text.splitlines()
    assert max(display_width(line) for line in lines) <= width
    assert any(PAYMENT_ID in line for line in lines)
    assert "支付方式" in text and "Wallet" not in text
    if width >= len(PRID):
        assert any(PRID in line for line in lines)
    else:
        at = lines.index("请求编号（分 2 行）：")
        assert lines[at + 1] + lines[at + 2] == PRID


def test_a_new_request_id_is_as_long_as_the_one_tested():
    assert len(new_request_id()) == len(PRID)


def test_the_order_code_slip_of_a_chinese_till_is_chinese():
    from cashier_app.till.escpos_printer import render_order_code

    p = Dummy()
    render_order_code(
        p,
        "https://qr.alipay.com/ORDER-281-0042",
        "HK$42.50",
        "支付宝香港",
        PrinterConfig(paper_mm=58),
        merchant_name="演示商店",
        expires="09:44",
        lang="zh_CN",
    )
    text = "\n".join(r for r, _ in _printed(p.output.split(GS + b"(k")[0]))
    after = "\n".join(r for r, _ in _printed(p.output.rsplit(b"1Q0", 1)[1]))
    assert "请用支付宝香港扫码" in text and "HK$42.50" in text and "Scan" not in text
    assert "有效期至 09:44" in after and "Valid" not in after
