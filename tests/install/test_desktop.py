"""Desktop integration: our icon in every hicolor size, validators clean (when installed:
scripts/system-deps.sh installs them), per-user install and uninstall (XDG)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cashier_app import version
from cashier_app.cli import desktop

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = desktop.source_dir() / f"{desktop.APP_ID}.desktop"
METAINFO = desktop.source_dir() / f"{desktop.APP_ID}.metainfo.xml"


def _validate(*cmd: str) -> None:
    if shutil.which(cmd[0]) is None:
        pytest.skip(f"{cmd[0]} is not installed (scripts/system-deps.sh installs it)")
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and not proc.stdout.strip().startswith(("E:", "W:")), (
        proc.stdout + proc.stderr
    )
    return proc


def test_desktop_file_validates(tmp_path):
    proc = _validate("desktop-file-validate", str(DESKTOP))
    assert proc.stdout.strip() == ""  # not even a hint
    # the installed one too, with this checkout's program in Exec
    (installed,) = [
        p
        for p in desktop.install(tmp_path, "/opt/my cashier/bin/cashier")
        if p.suffix == ".desktop"
    ]
    assert _validate("desktop-file-validate", str(installed)).stdout.strip() == ""


def test_appstream_metadata_validates_pedantically():
    proc = _validate(
        "appstreamcli", "validate", "--no-net", "--pedantic", "--explain", str(METAINFO)
    )
    assert "Validation was successful" in proc.stdout


def test_metadata_agrees_with_the_package():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == desktop.APP_ID
    assert root.findtext("launchable") == f"{desktop.APP_ID}.desktop"
    assert root.findtext("icon") == desktop.APP_ID
    assert root.find("releases/release").get("version") == version()
    entry = DESKTOP.read_text()
    assert f"Icon={desktop.APP_ID}\n" in entry and "Exec=cashier\n" in entry


def test_every_icon_size_is_the_svg_rendered(cashier_app):
    from PySide6.QtGui import QImage

    assert desktop.app_svg().is_file()
    for size in desktop.ICON_SIZES:
        committed = QImage(str(desktop.hicolor_png(size)))
        assert (committed.width(), committed.height()) == (size, size), size
        fresh = desktop.render_icon(size).convertToFormat(committed.format())
        worst = max(
            abs(committed.pixelColor(x, y).rgba() != fresh.pixelColor(x, y).rgba())
            for x in range(0, size, max(1, size // 16))
            for y in range(0, size, max(1, size // 16))
        )
        assert worst == 0, f"{size}px differs: run scripts/make_app_icons.py"
    assert min(desktop.ICON_SIZES) == 16 and max(desktop.ICON_SIZES) == 512


def test_install_and_uninstall_for_one_user(tmp_path, monkeypatch):
    home = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    keep = home / "applications" / "someone-else.desktop"
    keep.parent.mkdir(parents=True)
    keep.write_text("[Desktop Entry]\n")
    venv_cashier = Path(sys.executable).parent / "cashier"  # this venv's entry point
    assert desktop.main(["install", "--exec", str(venv_cashier)]) == 0
    entry = (home / "applications" / f"{desktop.APP_ID}.desktop").read_text()
    assert f"Exec={venv_cashier}\n" in entry and f"TryExec={venv_cashier}\n" in entry
    assert (
        home / "metainfo" / f"{desktop.APP_ID}.metainfo.xml"
    ).read_bytes() == METAINFO.read_bytes()
    assert (home / "icons/hicolor/scalable/apps" / f"{desktop.APP_ID}.svg").is_file()
    for size in desktop.ICON_SIZES:
        assert (home / f"icons/hicolor/{size}x{size}/apps/{desktop.APP_ID}.png").is_file()
    assert desktop.main(["uninstall"]) == 0
    left = sorted(str(p.relative_to(home)) for p in home.rglob("*") if p.is_file())
    assert [p for p in left if desktop.APP_ID in p] == []
    assert keep.is_file()  # nothing of anyone else's


def test_install_refuses_a_program_that_is_not_there(tmp_path, capsys):
    assert (
        desktop.main(["install", "--exec", str(tmp_path / "nope"), "--data-home", str(tmp_path)])
        == 2
    )
    assert "is not an executable program" in capsys.readouterr().err
    assert not (tmp_path / "applications").exists()


def test_make_targets_call_the_installer():
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    for target, expected in (
        ("install-desktop", "-m cashier_app.cli.desktop install --exec"),
        ("uninstall-desktop", "-m cashier_app.cli.desktop uninstall"),
    ):
        proc = subprocess.run(
            ["make", "-n", "-C", str(ROOT), target], capture_output=True, text=True, timeout=60
        )
        assert proc.returncode == 0 and expected in proc.stdout, proc.stdout + proc.stderr
