"""Fixtures for the Profiles & keys dialog tests (the in-memory keyring is in tests/conftest.py)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from cashier_app.ui import ensure_application


@pytest.fixture
def cashier_app(qapp: QApplication) -> QApplication:
    return ensure_application(lang="en")
