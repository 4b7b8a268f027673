"""An amount outside the picked wallet's per-payment limits is refused on the picker, in the
operator's language, before anything is journaled or sent (the gateway would answer
PAYMENT_AMOUNT_EXCEED_LIMIT)."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from sale_steps import to_picker

from cashier_app.domain import methods
from cashier_app.ui import ensure_application


@pytest.fixture
def hkd_limits(monkeypatch):
    """AlipayHK with a 1.00 to 5,000.00 HKD limit (the catalog knows none for HKD)."""
    limited = replace(methods.CATALOG["ALIPAY_HK"], limits=(("HKD", 100, 500_000),))
    monkeypatch.setitem(methods.CATALOG, "ALIPAY_HK", limited)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "AlipayHK takes at least 1.00 HKD; 0.50 HKD is less"),
        ("zh_CN", "AlipayHK 单笔最低 1.00 HKD；0.50 HKD 低于此限额"),
    ],
)
def test_amount_below_the_wallets_minimum_is_refused_on_the_picker(
    qapp, make_window, qtbot, hkd_limits, lang, text
):
    ensure_application(lang=lang)
    try:
        window = make_window()
        to_picker(qtbot, window, "0.50")
        picker = window.picker_page
        qtbot.mouseClick(picker.tile("ALIPAY_HK"), Qt.MouseButton.LeftButton)
        qtbot.mouseClick(picker.confirm_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: picker.error_label.isVisible(), timeout=10_000)
        assert picker.error_label.text() == text
        assert window.flow.stage == "picker"
        assert window.services.journal.list_payments(limit=None) == []  # nothing journaled
        shots = os.environ.get("CASHIER_TEST_SHOTS")
        if shots:
            window.grab().save(os.path.join(shots, f"amount_limit_{lang}.png"))
    finally:
        ensure_application(lang="en")
