"""Keyboard-wedge scanner: the pure timing rule and the Qt event filter on a real widget."""

from __future__ import annotations

import pytest

from cashier_app.till.wedge import WedgeDetector

CODE = "281012345678901234"  # 18 digits, the form of a wallet's payment code


def _feed(det: WedgeDetector, text: str, gap: float, start: float = 100.0) -> str | None:
    t = start
    for ch in text:
        det.key(ch, t)
        t += gap
    return det.enter(t)


def test_a_scanner_burst_is_a_scan():
    assert _feed(WedgeDetector(), CODE, 0.004) == CODE


@pytest.mark.parametrize("gap", [0.12, 0.08, 0.06])
def test_the_same_digits_typed_by_a_person_are_typing(gap):
    assert _feed(WedgeDetector(), CODE, gap) is None


def test_one_late_key_in_a_burst_is_still_a_scan_but_a_pause_starts_over():
    det = WedgeDetector()
    t = 0.0
    for i, ch in enumerate(CODE):
        det.key(ch, t)
        t += 0.15 if i == 8 else 0.003  # the machine was busy once
    assert det.enter(t) == CODE
    # typed "12", paused, then a scan: only the scan counts
    det.key("1", 10.0)
    det.key("2", 10.2)
    assert _feed(det, CODE, 0.003, start=12.0) == CODE


def test_short_bursts_and_editing_keys_are_not_codes():
    assert _feed(WedgeDetector(), "12345", 0.002) is None
    det = WedgeDetector()
    for i, ch in enumerate(CODE[:9]):
        det.key(ch, i * 0.002)
    det.key("\b", 0.02)  # a non-printable key resets the burst
    for i, ch in enumerate(CODE[9:]):
        det.key(ch, 0.03 + i * 0.002)
    assert det.enter(0.06) is None
    assert det.pending == 0


def test_filter_emits_a_burst_and_eats_its_enter(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    from cashier_app.till.wedge_filter import WedgeScannerFilter

    edit = QLineEdit()
    qtbot.addWidget(edit)
    entered: list[str] = []
    edit.returnPressed.connect(lambda: entered.append(edit.text()))
    scanner = WedgeScannerFilter(edit)
    scanner.watch(edit)
    with qtbot.waitSignal(scanner.code_scanned, timeout=2000) as sig:
        qtbot.keyClicks(edit, CODE)  # as fast as events can be delivered: a scanner
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert sig.args == [CODE]
    assert entered == []  # the Enter was the scanner's, not the operator's


def test_filter_lets_slow_typing_through_as_typing(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    from cashier_app.till.wedge_filter import WedgeScannerFilter

    edit = QLineEdit()
    qtbot.addWidget(edit)
    entered: list[str] = []
    edit.returnPressed.connect(lambda: entered.append(edit.text()))
    scanner = WedgeScannerFilter(edit)
    scanner.watch(edit)
    with qtbot.assertNotEmitted(scanner.code_scanned):
        for ch in CODE:
            qtbot.keyClick(edit, ch)
            qtbot.wait(70)  # a quick typist: real time between keys
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert entered == [CODE]  # typed, and Enter submitted it as manual entry
