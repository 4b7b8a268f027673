"""Fixtures of the store tests: one real PostgreSQL per session (tests/pg_server.py), a
fresh store database per test, and journals of tills joined to it."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from pg_server import PgServer

_names = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    server = PgServer().start()
    try:
        yield server
    finally:
        server.destroy()


@dataclass
class StoreDb:
    """A fresh store database: ``owner_dsn`` ran ``store init``; tills use ``till_dsn``."""

    server: PgServer
    name: str
    owner_dsn: str
    till_dsn: str

    def connect(self, dsn: str | None = None):
        from cashier_app.store.connect import connect

        return connect(dsn or self.owner_dsn)

    def scalar(self, sql: str, *params):
        with self.connect() as conn:
            return conn.execute(sql, params).fetchone()[0]


@pytest.fixture
def store_db(pg_server: PgServer) -> StoreDb:
    """A store database created and migrated (time zone UTC), the till role granted."""
    from cashier_app.store.connect import connect
    from cashier_app.store.schema import migrate

    name = f"store{next(_names)}"
    owner, till = pg_server.create_store(name)
    with connect(owner) as conn:
        migrate(conn, timezone="UTC")
    pg_server.grant_till(name)
    return StoreDb(pg_server, name, owner, till)
