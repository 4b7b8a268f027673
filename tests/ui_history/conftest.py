"""Fixtures for the history and report pages: a real SQLite journal of generated payments."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from history_data import generate_payments

from cashier_app.journal import Journal


@pytest.fixture
def make_journal(tmp_path):
    """``make_journal(n)`` -> a Journal holding ``n`` generated payments."""
    opened: list[Journal] = []

    def make(count: int = 0, **kwargs) -> Journal:
        journal = Journal(tmp_path / f"journal{len(opened)}.sqlite3")
        opened.append(journal)
        if count:
            journal.create_payments(generate_payments(count, **kwargs))
        return journal

    yield make
    for journal in opened:
        journal.close()


@pytest.fixture
def tasks(qapp):
    from cashier_app.ui.tasks import TaskRunner

    runner = TaskRunner()
    yield runner
    runner.shutdown()
    runner.deleteLater()


@pytest.fixture
def local_services():
    """Services with a journal only (no gateway): for tests that never reach checkout."""

    def make(journal: Journal) -> SimpleNamespace:
        return SimpleNamespace(
            journal=journal, checkout=None, profile=None, simulator=None, sandbox=None
        )

    return make
