"""The version is read from the distribution's metadata file, as importlib.metadata
reads it, without importing importlib.metadata."""

from __future__ import annotations

import subprocess
import sys

import cashier_app


def _dist(folder, name: str, file: str, version: str) -> None:
    (folder / name).mkdir(parents=True)
    (folder / name / file).write_text(
        f"Metadata-Version: 2.4\nName: cashier\nVersion: {version}\n\nVersion: not-a-header\n",
        encoding="utf-8",
    )


def test_the_first_cashier_distribution_on_the_path_names_the_version(tmp_path, monkeypatch):
    first, second = tmp_path / "a", tmp_path / "b"
    _dist(first, "cashier_extras-9.9.dist-info", "METADATA", "9.9")  # another project
    _dist(first, "cashier.egg-info", "PKG-INFO", "1.2.3")
    _dist(second, "cashier-4.5.6.dist-info", "METADATA", "4.5.6")
    monkeypatch.setattr(sys, "path", [str(tmp_path / "missing"), str(first), str(second)])
    assert cashier_app._version_from_files() == "1.2.3"
    monkeypatch.setattr(sys, "path", [str(second), str(first)])
    assert cashier_app._version_from_files() == "4.5.6"
    monkeypatch.setattr(sys, "path", [str(tmp_path / "missing")])
    assert cashier_app._version_from_files() is None  # then importlib.metadata looks


def test_a_fresh_process_agrees_with_importlib_metadata_without_importing_it():
    script = (
        "import sys, cashier_app\n"
        "v = cashier_app.version()\n"
        "loaded = 'importlib.metadata' in sys.modules\n"
        "from importlib.metadata import version\n"
        "print(v == version('cashier'), loaded)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert out.stdout.split() == ["True", "False"], out.stderr
