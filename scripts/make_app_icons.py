"""Render the application icon (cashier_app/resources/icons/app.svg, our own artwork) into
the hicolor PNG sizes the desktop installs (cashier_app/resources/desktop/hicolor/). Run it
after changing the SVG and commit the PNGs; tests/install/test_desktop.py checks they match.

    .venv/bin/python scripts/make_app_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cashier_app.cli.desktop import APP_ID, ICON_SIZES, hicolor_png, render_icon  # noqa: E402


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["make_app_icons"])
    for size in ICON_SIZES:
        path = hicolor_png(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not render_icon(size).save(str(path), "PNG"):
            raise SystemExit(f"cannot write {path}")
        print(path.relative_to(ROOT))
    del app
    print(f"{len(ICON_SIZES)} sizes of {APP_ID}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
