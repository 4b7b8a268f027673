"""Shared fixtures: offscreen Qt, isolated config/data dirs, an in-memory keyring."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test gets its own config/data/log dirs: nothing touches the user's files."""
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CASHIER_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("CASHIER_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("CASHIER_LOG_DIR", str(base / "logs"))
    # the CLI speaks the environment's language (LC_ALL, LC_MESSAGES, LANG): English here,
    # whatever the machine running the tests speaks (tests that want another set it)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    yield base
    from cashier_app.support import logs

    logs.reset()  # an in-process `cashier` command attached the log file's handlers


@pytest.fixture
def memory_keyring():
    """A real keyring backend in a dict, installed with ``keyring.set_keyring``."""
    import keyring
    from keyring_fakes import DictKeyring

    previous = keyring.get_keyring()
    backend = DictKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def cashier_app(qapp):
    """pytest-qt's application with our stylesheet and English texts."""
    from cashier_app.ui import ensure_application

    return ensure_application(lang="en")


@pytest.fixture
def make_window(cashier_app, qtbot):
    """Build a started window: ``make_window(expiry_seconds=600, opener=None)``."""
    windows: list = []

    def make(*, expiry_seconds: int = 600, opener=None, factory=None, wait: bool = True):
        from cashier_app.app import AppBackend
        from cashier_app.ui.main_window import MainWindow

        window = MainWindow(
            None,
            backend=AppBackend(expiry_seconds=expiry_seconds),
            services_factory=factory,
            opener=opener,
        )
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(1280, 800)
        window.show()
        if wait:
            with qtbot.waitSignal(window.services_ready, timeout=30_000):
                pass
        return window

    yield make
    for window in windows:
        window.close_guard.answer = "later"  # a live payment is left for the next start
        window.close()


@pytest.fixture
def pdftotext():
    """Text of a PDF, read by poppler's pdftotext (skips when it is not installed)."""
    import shutil
    import subprocess

    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("poppler-utils' pdftotext is not installed; cannot read PDF text")

    def read(path, layout: bool = False) -> str:
        args = [exe, *(["-layout"] if layout else []), str(path), "-"]
        return subprocess.run(args, capture_output=True, text=True, check=True, timeout=30).stdout

    return read
