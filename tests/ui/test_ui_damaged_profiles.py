"""Issue 10 item 5, the GUI side: a damaged profiles file stops the window with a message
naming the file, instead of starting the embedded demo as if nothing were wrong."""

from __future__ import annotations

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
