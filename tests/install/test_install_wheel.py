"""Installed as a user installs it: a wheel built from the tree, in a fresh virtualenv.

The wheel is built from a copy of the tree (so stale ``build/`` files cannot leak in) and
installed with ``--no-deps`` into a new virtualenv whose dependencies come from this one
(a ``.pth`` naming our site-packages: fast and offline). Then the installed ``cashier``
runs its self-test in Chinese, offscreen, from a directory that is not the checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def build_wheel(dest: Path) -> Path:
    """``pip wheel`` over a clean copy of the tree; returns the wheel's path."""
    src = dest / "src"
    src.mkdir(parents=True)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    shutil.copytree(
        ROOT / "cashier_app",
        src / "cashier_app",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    out = dest / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(src),
        ],
        check=True,
    )
    (wheel,) = out.glob("cashier-*.whl")
    return wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh virtualenv holding the wheel; its ``bin`` directory."""
    base = tmp_path_factory.mktemp("wheel")
    wheel = build_wheel(base)
    env_dir = base / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    fresh_site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # Dependencies (PySide6, httpx, ...) from our venv; a plain path line, so our editable
    # install's own .pth hook is not run and the checkout stays invisible.
    Path(fresh_site, "deps-from-test-venv.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
    )
    return env_dir / "bin"


def run_installed(
    bin_dir: Path, tmp_path: Path, *args: str, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        CASHIER_CONFIG_DIR=str(tmp_path / "config"),
        CASHIER_DATA_DIR=str(tmp_path / "data"),
        CASHIER_LOG_DIR=str(tmp_path / "logs"),
    )
    return subprocess.run(
        [str(bin_dir / "cashier"), *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_the_installed_wheel_self_tests_in_chinese_with_its_own_resources(installed, tmp_path):
    proc = run_installed(installed, tmp_path, "--lang", "zh_CN", "--self-test")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    for check in ("resources", "language", "window", "sandbox", "keys", "pay"):
        assert f"✓ {check}" in out, out
    assert "✗" not in out, out
    # everything came from the installed package, nothing from the checkout
    site = str(installed.parent / "lib")
    assert f"resources {site}" in out.replace("✓ ", ""), out
    assert str(ROOT) not in out, out
    assert "收款" in out  # the order page's Charge button, from the compiled translations


def test_the_installed_wheel_holds_every_resource_file(installed):
    python = installed / "python"
    listing = subprocess.run(
        [
            str(python),
            "-c",
            "import importlib.resources as r; "
            "root = r.files('cashier_app') / 'resources'; "
            "print('\\n'.join(sorted(str(p.relative_to(root)) for p in "
            "__import__('pathlib').Path(str(root)).rglob('*') if p.is_file())))",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    tree = sorted(
        str(p.relative_to(ROOT / "cashier_app" / "resources"))
        for p in (ROOT / "cashier_app" / "resources").rglob("*")
        if p.is_file()
    )
    assert listing == tree
    assert "i18n/cashier_zh_CN.qm" in listing and "style.qss" in listing


def test_the_self_test_fails_naming_what_the_install_lacks(installed, tmp_path):
    """Take the compiled translations and a wallet tile out of the installed package."""
    site = next((installed.parent / "lib").glob("python3*/site-packages/cashier_app"))
    removed = [
        site / "resources" / "i18n" / "cashier_zh_CN.qm",
        site / "resources" / "wallets" / "GCASH.svg",
    ]
    saved = {path: path.read_bytes() for path in removed}
    for path in removed:
        path.unlink()
    try:
        proc = run_installed(installed, tmp_path, "--lang", "zh_CN", "--self-test")
        gui = run_installed(installed, tmp_path, "--lang", "zh_CN", timeout=60)
    finally:
        for path, data in saved.items():
            path.write_bytes(data)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "✗ resources wallet tile GCASH does not render" in proc.stdout
    assert "✗ language" in proc.stdout and "cashier_zh_CN.qm" in proc.stdout
    assert "✓ pay" in proc.stdout  # the rest is still checked
    # the GUI itself says what is missing in one line, no traceback
    assert gui.returncode == 1 and "Traceback" not in gui.stderr, gui.stderr
    assert "translations for zh_CN are missing" in gui.stderr
