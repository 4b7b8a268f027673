"""Issue 10 item 6, the GUI side: when the journal's disk fills, the operator reads what is
true (the journal cannot be written: no payment taken; or, once pay may have left, "the
payment may have been taken; run cashier recover"), never a traceback, and nothing is
half-written: no payment the gateway never saw, no success the journal could not record."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from tiny_disk import fill, tiny_tmpfs

from cashier_app.journal import Journal
from cashier_app.support import paths

SIZE_KIB = 640


@pytest.fixture
def journal_on_tiny_disk(tmp_path):
    """The journal (alone: the embedded sandbox's state stays on the roomy disk) on a
    640 KiB tmpfs, reached through a symlink at its usual place."""
    with tiny_tmpfs(tmp_path / "tiny", SIZE_KIB) as mount:
        data = paths.journal_path().parent
        data.mkdir(parents=True, exist_ok=True, mode=0o700)
        paths.journal_path().symlink_to(mount / "journal.sqlite3")
        yield mount


def _payments_at(window) -> list:
    store = window.services.sandbox.store
    with store.lock:
        return list(store._payments.values())


def _journaled(mount) -> list:
    with Journal(mount / "journal.sqlite3") as journal:
        return journal.list_payments(limit=None)


def test_a_full_disk_before_the_sale_is_said_and_nothing_is_sent(
    make_window, drive, qtbot, journal_on_tiny_disk, caplog
):
    window = make_window()
    sale = drive(window)
    filler = fill(journal_on_tiny_disk, 0)
    sale.charge("3.20")
    picker = window.picker_page
    with qtbot.assertNotEmitted(window.flow.qr_shown, wait=200):
        qtbot.mouseClick(picker.confirm_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "the disk is full" in picker.error_label.text(), timeout=20_000)
    text = picker.error_label.text()
    assert "journal" in text and "no payment was taken" in text, text
    assert "Traceback" not in text and "Traceback" not in caplog.text
    assert window.stack.currentWidget() is picker  # still at the picker, nothing on screen
    assert _payments_at(window) == []  # the gateway never heard of it
    filler.unlink()
    assert _journaled(journal_on_tiny_disk) == []  # no half-written sale


def test_a_disk_that_fills_while_pay_is_in_flight_says_the_payment_may_be_taken(
    make_window, drive, qtbot, journal_on_tiny_disk, caplog
):
    window = make_window()
    sale = drive(window)
    sale.charge("4.50")
    gateway = window.services.sandbox
    gateway.faults.add("latency", seconds=3, count=1, api="pay")
    picker = window.picker_page
    qtbot.mouseClick(picker.confirm_button, Qt.MouseButton.LeftButton)
    # the sale is journaled, pay is on its way: now the disk fills. "On its way" is the
    # sandbox holding the pay in its latency (the fault taken), not only the sale's row:
    # the till journals the request before sending it, and a disk filled in between ends
    # the sale as "no payment taken" (seen once in a whole-suite run).
    qtbot.waitUntil(lambda: len(_journaled(journal_on_tiny_disk)) == 1, timeout=20_000)
    qtbot.waitUntil(lambda: not gateway.faults.active(), timeout=20_000)
    filler = fill(journal_on_tiny_disk, 0)
    qtbot.waitUntil(lambda: "may have been taken" in picker.error_label.text(), timeout=30_000)
    text = picker.error_label.text()
    assert "cashier recover" in text and "no payment taken" not in text, text
    assert "Traceback" not in text and "Traceback" not in caplog.text
    filler.unlink()
    [record] = _journaled(journal_on_tiny_disk)
    assert not record.is_final  # not "failed", not "paid": recovery settles it
