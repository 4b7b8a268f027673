"""It fits the screen (issue 9, item 5): on a 1366x768 or a 1024x600 screen the cashier
window opens inside the available geometry with its status bar showing, and every dialog
fits (and scrolls) within it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect

from cashier_app.app import AppBackend
from cashier_app.ui import screen_fit
from cashier_app.ui.dialogs.profiles_dialog import ProfilesDialog

PROBE = Path(__file__).with_name("screen_probe.py")


def _inside(inner: list[int], outer: list[int]) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return w > 0 and h > 0 and x >= ox and y >= oy and x + w <= ox + ow and y + h <= oy + oh


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_window_and_dialogs_open_inside_a_small_screen(size, tmp_path, _isolated_dirs):
    width, height = size
    config = tmp_path / "screens.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "till",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                    }
                ]
            }
        )
    )
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    done = subprocess.run(
        [sys.executable, str(PROBE)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).parents[2],
    )
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    screen = seen["screen"]
    assert screen == [0, 0, width, height]
    assert _inside(seen["window"], screen), seen
    assert seen["status_visible"] and _inside(seen["status_bar"], screen), seen
    assert _inside(seen["charge"], screen), seen
    for name, dialog in seen["dialogs"].items():
        assert _inside(dialog["frame"], screen), (name, dialog)
        for button in dialog["buttons"]:
            assert _inside(button, screen), (name, button, dialog)
    profiles = seen["dialogs"]["profiles"]
    assert _inside(profiles["use"], screen), profiles
    for button in seen["history_buttons"]:
        assert _inside(button, screen), seen["history_buttons"]
    assert _inside(seen["window_with_qa"], screen), seen
    assert _inside(seen["status_with_qa"], screen), seen


def test_the_profiles_dialog_fits_a_screen_smaller_than_it_wants(
    cashier_app, memory_keyring, qtbot, monkeypatch
):
    available = QRect(0, 24, 1024, 576)  # 1024x600 with a 24 px panel on top
    monkeypatch.setattr(screen_fit, "available_geometry", lambda _widget: QRect(available))
    dialog = ProfilesDialog(backend=AppBackend())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.keys is not None and dialog.overview is not None)
    geometry = dialog.frameGeometry()
    assert available.contains(geometry), geometry
    assert dialog.minimumSizeHint().width() <= available.width()
    assert dialog.minimumSizeHint().height() <= available.height()
    close = dialog.close_buttons.buttons()[0]
    corner = close.mapToGlobal(QPoint(close.width() - 1, close.height() - 1))
    assert available.contains(close.mapToGlobal(QPoint(0, 0))) and available.contains(corner)
    dialog.done(0)
    dialog.tasks.shutdown(5000)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_profile_form_needs_no_sideways_scrolling_at_1024x600(
    cashier_app, memory_keyring, qtbot, monkeypatch, lang
):
    """In English at 1024x600 the Profiles form scrolled sideways (its fields' right edges
    cut off): the gateway preset list was as wide as its longest item's region and host.
    The field may now be narrower; the drop-down still shows every preset whole."""
    from layout_checks import clipped
    from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea

    from cashier_app.ui import ensure_application

    available = QRect(0, 24, 1024, 576)
    monkeypatch.setattr(screen_fit, "available_geometry", lambda _widget: QRect(available))
    ensure_application(lang=lang)
    try:
        dialog = ProfilesDialog(backend=AppBackend())
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.keys is not None and dialog.overview is not None)
        form = dialog.form
        area = next(a for a in dialog.findChildren(QScrollArea) if a.widget().isAncestorOf(form))
        qtbot.waitUntil(lambda: form.width() > 0)
        assert not area.horizontalScrollBar().isVisible()
        assert form.minimumSizeHint().width() <= area.viewport().width()
        widgets = form.findChildren(QLabel) + form.findChildren(QAbstractButton)
        assert clipped(form, widgets) == []  # whole in the form (it scrolls up and down)
        combo = form.gateway_combo
        view = combo.view()
        widest = max(
            view.sizeHintForIndex(combo.model().index(i, 0)).width() for i in range(combo.count())
        )
        assert max(view.minimumWidth(), combo.width()) >= widest  # the drop-down, whole
        dialog.done(0)
        dialog.tasks.shutdown(5000)
    finally:
        ensure_application(lang="en")
