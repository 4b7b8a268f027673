"""Receipt layouts (issue 9, item 9): an 80 mm thermal roll and an A4 page, in PDF and
through Qt printing; words are never broken, ids break only after a separator."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize
from sale_steps import pdf_printer

from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import PaymentRecord
from cashier_app.reports.receipts import receipt_data, receipt_text, write_receipt_pdf
from cashier_app.reports.wrap import wrap

SUMMARY = (
    "Two flat whites with oat milk, one almond croissant, a blueberry muffin and a "
    "large bottle of sparkling mineral water to take away"
)
REFERENCE = "ORD-20261121-143005-7F3A-TABLE-12-SPLITBILL-0001"
PAYMENT_ID = "20261121118900001234567890123456"


@pytest.fixture
def long_sale() -> PaymentRecord:
    at = datetime(2026, 11, 21, 6, 30, tzinfo=UTC)
    return PaymentRecord(
        payment_request_id="PRQ-2026-11-21-000000000000000000000042",
        profile="sandbox",
        amount=Money(12345, "HKD"),
        method="ALIPAY_HK",
        status=Status.SUCCESS,
        created_at=at,
        updated_at=at,
        paid_at=at,
        trade_summary=SUMMARY,
        reference_order_id=REFERENCE,
        payment_id=PAYMENT_ID,
        result_code="SUCCESS",
    )


def _page_mm(path) -> tuple[float, float]:
    info = subprocess.run(
        ["pdfinfo", str(path)], capture_output=True, text=True, check=True, timeout=30
    ).stdout
    w, h = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups()
    return float(w) * 25.4 / 72, float(h) * 25.4 / 72


def _assert_breaks_well(text: str) -> None:
    tokens = text.split()
    for word in SUMMARY.split():
        assert word in tokens, f"{word!r} was broken: {tokens}"
    for ident in (REFERENCE, PAYMENT_ID):
        if ident in tokens:
            continue  # whole (on a row of its own where the value column is too narrow)
        parts = [t for t in tokens if len(t) >= 2 and t in ident]
        assert "".join(parts) == ident, (ident, parts)
        if ident == REFERENCE:  # it has separators: it breaks only after one of them
            assert all(p.endswith("-") for p in parts[:-1]), parts


def test_the_thermal_receipt_keeps_words_whole_and_breaks_ids_at_separators(
    qapp, long_sale, tmp_path, pdftotext
):
    path = write_receipt_pdf(long_sale, [], "Demo Store", tmp_path / "roll.pdf")
    width, height = _page_mm(path)
    assert abs(width - 80) < 0.5 and height > 80
    _assert_breaks_well(pdftotext(path, layout=True))


def test_the_a4_receipt(qapp, long_sale, tmp_path, pdftotext):
    path = write_receipt_pdf(long_sale, [], "Demo Store", tmp_path / "a4.pdf", paper="a4")
    width, height = _page_mm(path)
    assert abs(width - 210) < 0.5 and abs(height - 297) < 0.5
    text = pdftotext(path, layout=True)
    assert "HK$123.45" in text and "Demo Store" in text and "PAID" in text
    _assert_breaks_well(text)


def test_plain_text_receipt_breaks_the_same_way(long_sale):
    text = receipt_text(receipt_data(long_sale, [], "Demo Store"), width=32)
    assert max(len(line) for line in text.splitlines()) <= 32
    _assert_breaks_well(text.replace("Order:", " ").replace("Payment ID:", " "))


@pytest.mark.parametrize(("paper", "width_mm"), [("80mm", 80.0), ("a4", 210.0)])
def test_qt_printing_lays_the_receipt_out_for_the_paper(
    cashier_app, qtbot, tmp_path, pdftotext, long_sale, paper, width_mm
):
    from cashier_app.ui.dialogs.receipt_actions import ReceiptActions

    printed = tmp_path / f"printed-{paper}.pdf"

    def printer():
        p = pdf_printer(printed)
        if paper == "80mm":
            p.setPageLayout(
                QPageLayout(
                    QPageSize(
                        QSizeF(80, 200),
                        QPageSize.Unit.Millimeter,
                        "Roll 80",
                        QPageSize.SizeMatchPolicy.ExactMatch,
                    ),
                    QPageLayout.Orientation.Portrait,
                    QMarginsF(3, 3, 3, 3),
                    QPageLayout.Unit.Millimeter,
                )
            )
        else:
            p.setPageLayout(
                QPageLayout(
                    QPageSize(QPageSize.PageSizeId.A4),
                    QPageLayout.Orientation.Portrait,
                    QMarginsF(15, 15, 15, 15),
                    QPageLayout.Unit.Millimeter,
                )
            )
        return p

    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    actions = ReceiptActions(None, None, parent)
    actions.ask_printer = printer
    with qtbot.waitSignal(actions.finished, timeout=10_000):
        actions.print_data(receipt_data(long_sale, [], "Demo Store"))
    assert abs(_page_mm(printed)[0] - width_mm) < 0.5
    _assert_breaks_well(pdftotext(printed, layout=True))


def test_wrap_rules():
    assert wrap("Flat white with oat milk", 10) == ["Flat white", "with oat", "milk"]
    assert wrap("ORD-20261121-143005-7F3A", 10) == ["ORD-", "20261121-", "143005-", "7F3A"]
    assert wrap("ABCDEFGHIJKLMNO", 6) == ["ABCDEF", "GHIJKL", "MNO"]  # no separator at all
    assert wrap("", 5) == [""]


@pytest.mark.parametrize("paper", ["80mm", "a4"])
def test_the_pdf_receipt_of_a_chinese_till_is_chinese_with_the_ids_whole(
    qapp, long_sale, tmp_path, pdftotext, paper
):
    from dataclasses import replace

    sale = replace(long_sale, payment_request_id="P202611210630001230123456789abcdef")
    path = write_receipt_pdf(sale, [], "演示商店", tmp_path / "zh.pdf", paper=paper, lang="zh_CN")
    text = pdftotext(path, layout=True)
    for chinese in ("演示商店", "已付款", "支付单号", "请求编号", "谢谢惠顾"):
        assert chinese in text, (chinese, text)
    assert "Payment ID" not in text and "PAID" not in text
    lines = text.splitlines()
    for ident in (sale.payment_request_id, PAYMENT_ID):
        assert any(ident in line for line in lines), (ident, text)


def test_chinese_wraps_between_characters_and_punctuation_never_starts_a_line():
    from cashier_app.reports.wrap import display_width

    text = "支付创建 N 秒后，顾客在钱包中付款（或拒绝）。"
    lines = wrap(text, 13, display_width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(display_width(line) <= 13 for line in lines), lines
    assert lines[0] == "支付创建 N 秒"  # filled up to the width, not broken at its spaces
    assert not any(line[0] in "，。）：" for line in lines), lines
    assert not any(line[-1] == "（" for line in lines), lines
    # a Latin word inside Chinese stays whole
    assert wrap("顾客完成支付，PAYMENT_PENDING 持续 N 秒", 20, display_width)[1].startswith(
        "PAYMENT_PENDING"
    )
