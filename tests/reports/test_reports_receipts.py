"""Receipts: the same lines as text, painted on an image (printer path) and in a PDF."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from cashier_app.reports.receipts import (
    ALIPAY_PLUS_MARK,
    paint_receipt,
    receipt_data,
    receipt_height,
    receipt_text,
    write_receipt_pdf,
)


def test_sale_receipt_text(day_journal):
    hk2 = day_journal.get_payment("HK2")
    data = receipt_data(hk2, day_journal.refunds_for("HK2"), "Demo Store")
    text = receipt_text(data)
    for needle in (
        "Demo Store",
        "HK$100.00",
        "PARTLY REFUNDED",
        "AlipayHK",
        "2026PIDHK2",
        "Request ID: HK2",
        "HK$25.50",
        "Refundable: HK$74.50",
        ALIPAY_PLUS_MARK,
    ):
        assert needle in text, needle
    assert max(len(line) for line in text.splitlines()) <= 40


def test_alipay_plus_mark_only_for_partner_wallets(day_journal):
    cn1 = day_journal.get_payment("CN1")  # Alipay (CN) is not an Alipay+ partner wallet
    text = receipt_text(receipt_data(cn1, [], "Demo Store"))
    assert "¥88.00" in text and "PAID" in text and "Alipay+" not in text


def test_refund_receipt(day_journal):
    hk2 = day_journal.get_payment("HK2")
    refunds = day_journal.refunds_for("HK2")
    data = receipt_data(hk2, refunds, "Demo Store", refund=refunds[0])
    text = receipt_text(data)
    assert data.kind == "REFUND" and "-HK$25.50" in text and "REFUNDED" in text
    assert "RF1" in text and "RID1" in text


def test_paint_receipt_on_an_image_scales_to_the_rect(qapp, day_journal):
    data = receipt_data(day_journal.get_payment("GC1"), [], "Demo Store")
    image = QImage(400, 900, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    used = paint_receipt(painter, QRectF(50, 10, 300, 880), data)
    painter.end()
    assert used == receipt_height(data, 300)
    assert 200 < used < 880
    inked = [
        y
        for y in range(image.height())
        if any(image.pixelColor(x, y) != QColor("white") for x in range(0, 400, 3))
    ]
    assert inked and inked[0] >= 10 and inked[-1] <= 10 + used + 2
    columns = [
        x
        for x in range(400)
        if any(image.pixelColor(x, y) != QColor("white") for y in range(0, 900, 3))
    ]
    assert columns[0] >= 50 and columns[-1] <= 351  # stays inside the rect


def test_receipt_pdf_text(day_journal, tmp_path, pdftotext):
    gc1 = day_journal.get_payment("GC1")
    path = write_receipt_pdf(
        gc1, day_journal.refunds_for("GC1"), "Demo Store", tmp_path / "receipt.pdf"
    )
    text = pdftotext(path)
    for needle in ("Demo Store", "₱250.00", "2026PIDGC1", "PAID", "GCash", ALIPAY_PLUS_MARK):
        assert needle in text, needle


def test_failed_payment_receipt_says_so(day_journal, tmp_path, pdftotext):
    hk3 = day_journal.get_payment("HK3")
    text = pdftotext(write_receipt_pdf(hk3, [], "", tmp_path / "r.pdf"))
    assert "FAILED" in text and "HK$5.00" in text and "PAID" not in text
