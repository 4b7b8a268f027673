"""Desktop integration for one user (XDG): the ``.desktop`` entry, the AppStream metadata and
our application icon (SVG plus 16-512 px PNGs) under ``$XDG_DATA_HOME`` (by default
``~/.local/share``). ``make install-desktop`` / ``make uninstall-desktop`` run this:

    python -m cashier_app.cli.desktop install [--exec /path/to/cashier] [--data-home DIR]
    python -m cashier_app.cli.desktop uninstall [--data-home DIR]

Uninstall removes exactly the files install writes, nothing else. The files come from the
package data (``cashier_app/resources/desktop``), so a wheel install can do it too.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from cashier_app import resources

APP_ID = "io.github.cashier.cashier"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def source_dir() -> Path:
    return resources() / "desktop"


def hicolor_png(size: int) -> Path:
    """The committed PNG of ``size`` in the package data."""
    return source_dir() / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def app_svg() -> Path:
    return resources() / "icons" / "app.svg"


def render_icon(size: int) -> Any:
    """The app icon as a QImage of ``size`` (scripts/make_app_icons.py and its test)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(app_svg()))
    if not renderer.isValid():
        raise RuntimeError(f"{app_svg()} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def data_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit)
    env = os.environ.get("XDG_DATA_HOME")
    return Path(env) if env else Path.home() / ".local" / "share"


def targets(home: Path) -> dict[Path, Path]:
    """Installed file -> package file, for everything install writes."""
    src = source_dir()
    out = {
        home / "applications" / f"{APP_ID}.desktop": src / f"{APP_ID}.desktop",
        home / "metainfo" / f"{APP_ID}.metainfo.xml": src / f"{APP_ID}.metainfo.xml",
        home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg": app_svg(),
    }
    for size in ICON_SIZES:
        out[home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = hicolor_png(
            size
        )
    return out


def desktop_entry(exec_path: str | None) -> str:
    """The .desktop text; with ``exec_path`` its Exec and TryExec name that program."""
    text = (source_dir() / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    if not exec_path:
        return text
    quoted = exec_quote(exec_path)
    lines = []
    for line in text.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={quoted}"
        elif line.startswith("TryExec="):
            line = f"TryExec={exec_path}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def exec_quote(program: str) -> str:
    """``program`` as one argument of a desktop entry's Exec key (Desktop Entry spec:
    double quotes, with ``"`` `` ` `` ``$`` ``\\`` escaped; then a string value's own
    backslash escaping)."""
    if not any(c in program for c in " \t\n\"'\\><~|&;$*?#()`"):
        return program
    inner = "".join("\\" + c if c in '"`$\\' else c for c in program)
    return ('"' + inner + '"').replace("\\", "\\\\")


def install(home: Path, exec_path: str | None = None) -> list[Path]:
    written = []
    for dest, src in targets(home).items():
        dest.parent.mkdir(parents=True, exist_ok=True)
        if dest.suffix == ".desktop":
            dest.write_text(desktop_entry(exec_path), encoding="utf-8")
        else:
            shutil.copyfile(src, dest)
        written.append(dest)
    _refresh_caches(home)
    return written


def uninstall(home: Path) -> list[Path]:
    removed = []
    for dest in targets(home):
        if dest.exists():
            dest.unlink()
            removed.append(dest)
    _refresh_caches(home)
    return removed


def _refresh_caches(home: Path) -> None:
    """Tell the desktop, when its tools are there; a missing tool is not an error."""
    tools = [
        ("update-desktop-database", "-q", str(home / "applications")),
        ("gtk-update-icon-cache", "-q", "-t", "-f", str(home / "icons" / "hicolor")),
    ]
    for tool, *args in tools:
        if shutil.which(tool) and Path(args[-1]).is_dir():
            subprocess.run([tool, *args], check=False, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m cashier_app.cli.desktop", description=__doc__.splitlines()[0]
    )
    parser.add_argument("action", choices=("install", "uninstall"))
    parser.add_argument(
        "--exec",
        dest="exec_path",
        metavar="PATH",
        help="the cashier program the menu entry starts (default: cashier on PATH)",
    )
    parser.add_argument(
        "--data-home", metavar="DIR", help="instead of $XDG_DATA_HOME or ~/.local/share"
    )
    args = parser.parse_args(argv)
    home = data_home(args.data_home)
    if args.action == "install":
        if args.exec_path and not os.access(args.exec_path, os.X_OK):
            print(f"install: {args.exec_path} is not an executable program", file=sys.stderr)
            return 2
        for path in install(home, args.exec_path):
            print(path)
    else:
        for path in uninstall(home):
            print(f"removed {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
