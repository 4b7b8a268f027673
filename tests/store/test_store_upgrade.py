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


def test_a_version_4_store_totals_its_sandbox_sales_apart_once_migrated(pg_server: PgServer):
    """Version 5 keeps End of day per environment as the tills journaled it: a store of
    version 4 with an embedded-sandbox sale under a profile of another name (counted as
    real money then) and its refund is rebuilt so, and stays so as rows change."""
    from datetime import date

    from cashier_app.domain.records import EMBEDDED_SANDBOX, PRODUCTION
    from cashier_app.store.reader import StoreReader

    name = "store_upgrade_env"
    owner, _ = pg_server.create_store(name)
    sale = (
        "INSERT INTO payments (till_id, payment_request_id, profile, amount_minor, currency, "
        "method, status, created_at, updated_at, client_id, journal_seq, made_on) VALUES "
        "('till-1', %s, 'Demo shop', %s, 'HKD', 'ALIPAY_HK', 'SUCCESS', "
        "'2026-11-21T09:00:00Z', '2026-11-21T09:00:00Z', %s, 1, %s)"
    )
    refund = (
        "INSERT INTO refunds (till_id, refund_request_id, payment_request_id, amount_minor, "
        "currency, status, created_at, updated_at, profile, client_id, method, journal_seq) "
        "VALUES ('till-1', %s, %s, %s, 'HKD', 'SUCCESS', '2026-11-21T10:00:00Z', "
        "'2026-11-21T10:00:00Z', 'Demo shop', 'DEMO_1', 'ALIPAY_HK', 2)"
    )
    with connect(owner) as conn, conn.transaction():  # what a version-4 cashier left
        conn.execute("CREATE TABLE cashier_schema (version integer NOT NULL)")
        for sql in MIGRATIONS[:4]:
            conn.execute(sql)
        conn.execute("INSERT INTO cashier_schema (version) VALUES (4)")
        conn.execute(sale, ("P-demo", 500, "DEMO_1", EMBEDDED_SANDBOX))
        conn.execute(sale, ("P-real", 300, "2188120001234567", ""))
        conn.execute(refund, ("R-demo-1", "P-demo", 200))
    with connect(owner) as conn:
        assert migrate(conn) == (4, SCHEMA_VERSION)
        conn.execute(refund, ("R-demo-2", "P-demo", 50))  # its environment from its sale
        conn.execute("UPDATE payments SET status = 'FAILED' WHERE payment_request_id = 'P-real'")
    day = StoreReader(lambda: connect(owner)).end_of_day(date(2026, 11, 21))
    assert {
        (t.environment, t.sales_minor, t.refunds_minor, t.unsuccessful_count) for t in day.totals
    } == {(EMBEDDED_SANDBOX, 500, 250, 0), (PRODUCTION, 0, 0, 1)}
