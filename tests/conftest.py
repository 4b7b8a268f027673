"""Shared fixtures: offscreen Qt, isolated config/data dirs, an in-memory keyring."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test gets its own config/data dirs, so nothing touches the user's real files."""
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CASHIER_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("CASHIER_DATA_DIR", str(base / "data"))
    yield base


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
