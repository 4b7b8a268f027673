"""Issue 10 item 5, the GUI side: a damaged profiles file stops the window with a message
naming the file, instead of starting the embedded demo as if nothing were wrong."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sale_steps import answer

from cashier_app.keystore.profiles import ProfileStore


def test_window_refuses_a_damaged_profiles_file(make_window, qtbot):
    store = ProfileStore()
    store.use("sandbox")
    store.use("sandbox")  # a good .bak exists
    store.path.write_bytes(store.path.read_bytes()[:40])
    window = make_window(wait=False)
    with qtbot.waitSignal(window.services_failed, timeout=30_000) as failed:
        pass
    [message] = failed.args
    assert str(store.path) in message and "cashier profile restore-backup" in message
    assert window.services is None
    assert window.stack.currentWidget() is window.starting_page


def _damage(store: ProfileStore, raw: bytes) -> bytes:
    """Save twice (so a good .bak exists), then damage profiles.json; the good bytes."""
    store.use("sandbox")
    store.use("sandbox")
    good = store.path.read_bytes()
    store.path.write_bytes(raw)
    return good


def test_restore_backup_from_the_window(make_window, qtbot):
    store = ProfileStore()
    good = _damage(store, b'{"format": "cashier-profiles", "version": 1, "profi')
    window = make_window(wait=False)
    with qtbot.waitSignal(window.services_failed, timeout=30_000):
        pass
    page = window.starting_page
    restore = page.findChild(QPushButton, "restoreBackupButton")
    assert restore is not None and restore.isVisible() and restore.isEnabled()
    assert str(store.backup_path) in page.detail.text()
    # asked first; "keep" leaves everything as it is
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    answer(qtbot, window, "restoreBackupQuestion", "keep")
    assert store.path.read_bytes() != good and window.services is None
    with qtbot.waitSignal(window.services_ready, timeout=30_000):
        qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
        answer(qtbot, window, "restoreBackupQuestion", "restore")
    assert store.path.read_bytes() == good
    damaged = store.path.with_name(store.path.name + ".damaged")
    assert damaged.read_bytes().startswith(b'{"format": "cashier-profiles", "version": 1, "profi')
    assert window.stack.currentWidget() is window.order_page
    assert not restore.isVisible()


def test_no_restore_offered_without_a_good_backup(make_window, qtbot):
    store = ProfileStore()
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_bytes(b"")  # damaged, and never saved by us: no .bak
    window = make_window(wait=False)
    with qtbot.waitSignal(window.services_failed, timeout=30_000):
        pass
    restore = window.starting_page.findChild(QPushButton, "restoreBackupButton")
    assert restore is None or not restore.isVisible()


def test_the_json_parsers_detail_is_said_in_chinese(make_window, qtbot, cashier_app):
    from cashier_app.ui import i18n

    store = ProfileStore()
    _damage(store, b'{"format" "cashier-profiles"}')  # line 1 column 11: ':' expected
    i18n.install(cashier_app, "zh_CN")
    try:
        window = make_window(wait=False)
        with qtbot.waitSignal(window.services_failed, timeout=30_000) as failed:
            pass
        [message] = failed.args
        assert "第 1 行第 11 列" in message and "“:”" in message, message
        assert "Expecting" not in message and "invalid JSON" not in message, message
        assert "half-written" not in message and "delimiter" not in message, message
        assert window.starting_page.findChild(QPushButton, "restoreBackupButton").text() == (
            "恢复备份"
        )
    finally:
        i18n.install(cashier_app, "en")
