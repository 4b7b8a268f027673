"""A store made by an older cashier, its tills' role granted then, is migrated by
``store init``: the tills may use the tables the new versions add, with no hand-made GRANT
(found trying it: after schema 2 the tills could not read ``operators``)."""

from __future__ import annotations

import psycopg
from pg_server import PgServer

from cashier_app.store.connect import connect
from cashier_app.store.schema import MIGRATIONS, SCHEMA_VERSION, current_version, migrate


def test_an_upgraded_store_lets_its_tills_use_the_new_tables(pg_server: PgServer):
    name = "store_upgrade"
    owner, till = pg_server.create_store(name)
    with connect(owner) as conn, conn.transaction():  # what a version-1 cashier left
        conn.execute("CREATE TABLE cashier_schema (version integer NOT NULL)")
        conn.execute(MIGRATIONS[0])
        conn.execute("INSERT INTO cashier_schema (version) VALUES (1)")
    pg_server.grant_till(name)  # the DBA granted the tills' role on version 1's tables
    with connect(owner) as conn:
        assert migrate(conn) == (1, SCHEMA_VERSION)
        assert current_version(conn) == SCHEMA_VERSION
    with psycopg.connect(till, autocommit=True) as conn:
        conn.execute("SELECT count(*) FROM operators").fetchone()
        conn.execute("SELECT count(*) FROM refund_claims").fetchone()
