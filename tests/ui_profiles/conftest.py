"""Fixtures for the Profiles & keys dialog: an in-memory keyring and a key-leak scanner."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from profiles_fakes import DictKeyring
from PySide6.QtWidgets import QApplication

from cashier_app.ui import ensure_application


@pytest.fixture
def memory_keyring() -> Iterator[DictKeyring]:
    """A real keyring backend in a dict, installed with ``keyring.set_keyring``."""
    previous = keyring.get_keyring()
    backend = DictKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def cashier_app(qapp: QApplication) -> QApplication:
    return ensure_application(lang="en")
