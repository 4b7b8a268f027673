"""The status bar on a 1024x600 screen (the [till] closing note's left-over): every text in
it is shown whole, in English and Chinese, the longest ones included (the embedded
sandbox's profile, gateway and demo-keys notice; an operator signed in from this till's
copy while the store server is down). A shorter form stands in where the full one does not
fit; the full text stays in its tooltip and accessible name."""

from __future__ import annotations

import contextlib

import pytest
from layout_checks import status_texts_cut

#: what a maximised window gets of a 1024x600 screen (a panel and a frame taken)
SMALL = (1024, 560)


@pytest.fixture(params=["en", "zh_CN"])
def lang(request, cashier_app):
    from cashier_app.ui import ensure_application

    ensure_application(lang=request.param)
    try:
        yield request.param
    finally:
        ensure_application(lang="en")


def _settled(qtbot, window):
    qtbot.waitUntil(lambda: window.gateway_label.property("state") in ("ok", "bad"), timeout=30_000)
    window.resize(*SMALL)
    with contextlib.suppress(qtbot.TimeoutError):  # once the layout has settled
        qtbot.waitUntil(lambda: status_texts_cut(window) == [], timeout=2_000)
    assert window.statusBar().width() <= SMALL[0]
    return status_texts_cut(window)


def test_the_embedded_sandboxs_status_texts_are_whole_at_1024(lang, make_window, qtbot):
    window = make_window()
    assert window.sandbox_notice.isVisibleTo(window)
    assert _settled(qtbot, window) == []


def test_a_signed_in_operator_with_the_store_offline_is_whole_at_1024(
    lang, memory_keyring, make_window, qtbot
):
    from pg_server import free_port
    from test_ui_operators import BOSS, BOSS_PIN, CLERK_PIN, _form, _type

    from cashier_app.operators import CASHIER, MANAGER, OperatorStore
    from cashier_app.store.connect import StoreLink
    from cashier_app.support import paths

    store = OperatorStore(paths.data_dir() / "operators.sqlite3")
    store.add(BOSS, MANAGER, BOSS_PIN)
    store.add("Anastasia-Wilhelmina", CASHIER, CLERK_PIN)
    store.close()
    StoreLink(f"host=127.0.0.1 port={free_port()} dbname=store user=till", "till-1").save()
    window = make_window()
    _type(qtbot, _form(qtbot, window, "signInDialog"), "Anastasia-Wilhelmina", CLERK_PIN)
    qtbot.waitUntil(lambda: window.operators.dialog is None, timeout=10_000)
    assert "Anastasia-Wilhelmina" in window.operators.label.text()
    assert _settled(qtbot, window) == []
