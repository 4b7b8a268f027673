"""The store's PostgreSQL schema as a list of forward migrations (``cashier_schema.version``).

``MIGRATIONS[i]`` takes a store from version ``i`` to ``i + 1``; they only ever add, and a
shipped one is never edited. ``migrate`` runs the missing ones in one transaction under an
advisory lock, so two ``cashier store init`` at once do it once.

Rows are keyed by the till plus the journal's own ids, so a push repeated after a lost
connection (or received out of order) lands once: payments and refunds carry the outbox
seq of the journal state they hold (``journal_seq``), and an upsert only replaces an older
state. End of day reads ``day_totals`` / ``refund_day_totals``, kept by triggers in the
same transaction as the rows (a handful of rows per till and day, whatever the volume),
with the day taken in the store's time zone (``store_settings.timezone``, set by init).
"""

from __future__ import annotations

from typing import Any, ClassVar

from cashier_app.domain.errors import CashierError
from cashier_app.store.connect import StoreError

#: Key of the advisory lock ``migrate`` holds (any constant of ours).
_LOCK_KEY = 0x63617368_0017


def _keep_totals(source: str, table: str, *, made_on: bool = False) -> str:
    """The trigger function that keeps ``table`` in step with ``source``: static SQL (its
    plans are cached), one row per (day, till, operator, profile, wallet, currency, status;
    with ``made_on``, and environment: version 5 replaces version 1's function); an update
    moves the row's count and amount from its old key to its new one."""
    key = "business_day, till_id, operator, profile, client_id, method, currency, status"
    create, old_env, new_env, where_env, value_env = "CREATE", "", "", "", ""
    if made_on:
        key += ", made_on"
        create, old_env, new_env = "CREATE OR REPLACE", " OLD.made_on,", " NEW.made_on,"
        where_env, value_env = " AND made_on = OLD.made_on", " NEW.made_on,"
    return f"""
{create} FUNCTION keep_day_totals_{source}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF (OLD.business_day, OLD.till_id, OLD.operator, OLD.profile, OLD.client_id,
            OLD.method, OLD.currency, OLD.status,{old_env} OLD.amount_minor)
           IS NOT DISTINCT FROM
           (NEW.business_day, NEW.till_id, NEW.operator, NEW.profile, NEW.client_id,
            NEW.method, NEW.currency, NEW.status,{new_env} NEW.amount_minor) THEN
            RETURN NULL;
        END IF;
        UPDATE {table} SET n = n - 1, amount_minor = amount_minor - OLD.amount_minor
        WHERE business_day = OLD.business_day AND till_id = OLD.till_id
          AND operator = COALESCE(OLD.operator, '') AND profile = OLD.profile
          AND client_id = OLD.client_id AND method = OLD.method
          AND currency = OLD.currency AND status = OLD.status{where_env};
    END IF;
    INSERT INTO {table} AS t ({key}, n, amount_minor)
    VALUES (NEW.business_day, NEW.till_id, COALESCE(NEW.operator, ''), NEW.profile,
            NEW.client_id, NEW.method, NEW.currency, NEW.status,{value_env} 1, NEW.amount_minor)
    ON CONFLICT ({key}) DO UPDATE
        SET n = t.n + 1, amount_minor = t.amount_minor + EXCLUDED.amount_minor;
    RETURN NULL;
END $$;
"""


#: The key of a day's summary row as it is read off the rows, and the summary's columns it
#: fills (made_on was added last: named, not in table order).
_TOTALS_KEY = (
    "business_day, till_id, COALESCE(operator, ''), profile, client_id, method, "
    "currency, status, made_on"
)
_TOTALS_INTO = (
    "(business_day, till_id, operator, profile, client_id, method, currency, status, "
    "made_on, n, amount_minor)"
)


_V1 = """
CREATE TABLE store_settings (
    name  text PRIMARY KEY,
    value text NOT NULL
);

CREATE FUNCTION store_timezone() RETURNS text LANGUAGE sql STABLE AS
$$ SELECT COALESCE((SELECT value FROM store_settings WHERE name = 'timezone'), 'UTC') $$;

CREATE TABLE tills (
    till_id        text PRIMARY KEY,
    joined_at      timestamptz NOT NULL DEFAULT now(),
    hostname       text NOT NULL DEFAULT '',
    last_contact   timestamptz,
    last_seq       bigint NOT NULL DEFAULT 0,
    last_lag_ms    double precision,
    backlog        bigint NOT NULL DEFAULT 0
);

CREATE TABLE payments (
    till_id            text NOT NULL,
    payment_request_id text NOT NULL,
    profile            text NOT NULL,
    amount_minor       bigint NOT NULL CHECK (amount_minor > 0),
    currency           text NOT NULL,
    method             text NOT NULL,
    status             text NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    trade_summary      text NOT NULL DEFAULT '',
    reference_order_id text NOT NULL DEFAULT '',
    result_code        text NOT NULL DEFAULT '',
    result_message     text NOT NULL DEFAULT '',
    payment_id         text NOT NULL DEFAULT '',
    paid_at            timestamptz,
    expires_at         timestamptz,
    normal_url         text NOT NULL DEFAULT '',
    scheme_url         text NOT NULL DEFAULT '',
    applink_url        text NOT NULL DEFAULT '',
    code_value         text NOT NULL DEFAULT '',
    gateway_url        text NOT NULL DEFAULT '',
    client_id          text NOT NULL DEFAULT '',
    scenario           text NOT NULL DEFAULT '',
    masked_code        text NOT NULL DEFAULT '',
    operator           text,
    business_day       date NOT NULL,
    journal_seq        bigint NOT NULL,
    replicated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (till_id, payment_request_id)
);
CREATE INDEX payments_created ON payments (created_at DESC);
CREATE INDEX payments_till_created ON payments (till_id, created_at DESC);
CREATE INDEX payments_status_created ON payments (status, created_at DESC);
CREATE INDEX payments_request_id ON payments (payment_request_id);
CREATE INDEX payments_payment_id ON payments (payment_id) WHERE payment_id <> '';

CREATE TABLE refunds (
    till_id            text NOT NULL,
    refund_request_id  text NOT NULL,
    payment_request_id text NOT NULL,
    amount_minor       bigint NOT NULL CHECK (amount_minor > 0),
    currency           text NOT NULL,
    status             text NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    refund_id          text NOT NULL DEFAULT '',
    result_code        text NOT NULL DEFAULT '',
    result_message     text NOT NULL DEFAULT '',
    reason             text NOT NULL DEFAULT '',
    refunded_at        timestamptz,
    operator           text,
    approved_by        text,
    -- the sale's, copied from the journal: per-wallet totals need no join
    profile            text NOT NULL DEFAULT '',
    client_id          text NOT NULL DEFAULT '',
    method             text NOT NULL DEFAULT '',
    business_day       date NOT NULL,
    journal_seq        bigint NOT NULL,
    replicated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (till_id, refund_request_id)
);
CREATE INDEX refunds_payment ON refunds (payment_request_id);
CREATE INDEX refunds_created ON refunds (created_at DESC);

CREATE TABLE events (
    till_id            text NOT NULL,
    event_id           bigint NOT NULL,
    payment_request_id text NOT NULL,
    at                 timestamptz NOT NULL,
    kind               text NOT NULL,
    detail             jsonb NOT NULL DEFAULT '{}',
    elapsed_ms         double precision,
    operator           text,
    PRIMARY KEY (till_id, event_id)
);
CREATE INDEX events_payment ON events (till_id, payment_request_id, event_id);

-- End of day without reading the day's payments: one row per day, till, operator,
-- profile, wallet, currency and status, kept by the triggers below.
CREATE TABLE day_totals (
    business_day date NOT NULL,
    till_id      text NOT NULL,
    operator     text NOT NULL,
    profile      text NOT NULL,
    client_id    text NOT NULL,
    method       text NOT NULL,
    currency     text NOT NULL,
    status       text NOT NULL,
    n            bigint NOT NULL,
    amount_minor bigint NOT NULL,
    PRIMARY KEY (business_day, till_id, operator, profile, client_id, method, currency, status)
);
CREATE TABLE refund_day_totals (LIKE day_totals INCLUDING ALL);

CREATE FUNCTION set_business_day() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.business_day := (NEW.created_at AT TIME ZONE store_timezone())::date;
    RETURN NEW;
END $$;

{day_totals_payments}
{day_totals_refunds}
CREATE TRIGGER payments_business_day BEFORE INSERT OR UPDATE ON payments
    FOR EACH ROW EXECUTE FUNCTION set_business_day();
CREATE TRIGGER payments_day_totals AFTER INSERT OR UPDATE ON payments
    FOR EACH ROW EXECUTE FUNCTION keep_day_totals_payments();
CREATE TRIGGER refunds_business_day BEFORE INSERT OR UPDATE ON refunds
    FOR EACH ROW EXECUTE FUNCTION set_business_day();
CREATE TRIGGER refunds_day_totals AFTER INSERT OR UPDATE ON refunds
    FOR EACH ROW EXECUTE FUNCTION keep_day_totals_refunds();

-- Antom's notifications as the store listener verified and committed them; a till
-- settles its own (matched by request id) and marks them applied.
CREATE TABLE notifications (
    id                 bigserial PRIMARY KEY,
    received_at        timestamptz NOT NULL DEFAULT now(),
    notify_type        text NOT NULL,
    client_id          text NOT NULL,
    payment_request_id text NOT NULL DEFAULT '',
    payment_id         text NOT NULL DEFAULT '',
    refund_request_id  text NOT NULL DEFAULT '',
    result_status      text NOT NULL DEFAULT '',
    result_code        text NOT NULL DEFAULT '',
    path               text NOT NULL,
    headers            jsonb NOT NULL,
    body               bytea NOT NULL,
    body_sha256        text NOT NULL,
    applied_at         timestamptz,
    applied_by         text,
    apply_result       text NOT NULL DEFAULT ''
);
-- Antom resends a notification until acknowledged (new time, new signature, same body):
-- one row per body.
CREATE UNIQUE INDEX notifications_body ON notifications (body_sha256);
CREATE INDEX notifications_pending ON notifications (payment_request_id) WHERE applied_at IS NULL;

CREATE FUNCTION announce_notification() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('cashier_notifications', NEW.id::text);
    RETURN NULL;
END $$;
CREATE TRIGGER notifications_announce AFTER INSERT ON notifications
    FOR EACH ROW EXECUTE FUNCTION announce_notification();
"""

_V1 = _V1.replace("{day_totals_payments}", _keep_totals("payments", "day_totals")).replace(
    "{day_totals_refunds}", _keep_totals("refunds", "refund_day_totals")
)

#: Version 2: the store's operator accounts (store mode of issue 17 item 5). One set for the
#: whole store: an account made at one till signs in at every till and a wrong PIN counts
#: at every till. Only salted scrypt hashes (``scrypt$n$r$p$salt$hash``) are accepted, never
#: a PIN. An account is marked removed, not deleted (a till's role may not delete rows).
_V2 = """
CREATE TABLE operators (
    name         text PRIMARY KEY,
    role         text NOT NULL CHECK (role IN ('cashier', 'manager')),
    pin_hash     text NOT NULL CHECK (pin_hash LIKE 'scrypt$%$%$%$%$%' AND length(pin_hash) >= 60),
    failures     integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
    locked_until timestamptz,
    removed      boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    updated_by   text NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX operators_name_nocase ON operators (lower(name));
DO $$
DECLARE r record;
BEGIN
    -- a store migrated from version 1: its tills' roles may use the accounts as well
    FOR r IN SELECT DISTINCT grantee FROM information_schema.role_table_grants
             WHERE table_name = 'refunds' AND privilege_type = 'INSERT'
               AND grantee <> current_user LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON operators TO %I', r.grantee);
    END LOOP;
END $$;
"""

#: Version 3 (refunds across tills): a till claims the amount of a refund at the store
#: before it journals and sends it, under a lock keyed by the sale (store/refunds.py), so two
#: tills refunding one sale at once never refund more than was paid. The roles that may
#: write the store's rows may write claims too (``store init`` migrates as the owner).
_V3 = """
CREATE TABLE refund_claims (
    refund_request_id  text PRIMARY KEY,
    sale_till_id       text NOT NULL,
    payment_request_id text NOT NULL,
    till_id            text NOT NULL,
    amount_minor       bigint NOT NULL CHECK (amount_minor > 0),
    currency           text NOT NULL,
    claimed_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refund_claims_sale ON refund_claims (sale_till_id, payment_request_id);
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT DISTINCT grantee FROM information_schema.role_table_grants
             WHERE table_name = 'refunds' AND privilege_type = 'INSERT'
               AND grantee <> current_user LOOP
        EXECUTE format('GRANT SELECT, INSERT ON refund_claims TO %I', r.grantee);
    END LOOP;
END $$;
"""

#: Version 4: the environment a sale was made on, as the till's journal records it
#: ('embedded-sandbox' for the embedded sandbox's sales, whatever the profile's name).
_V4 = """
ALTER TABLE payments ADD COLUMN made_on text NOT NULL DEFAULT '';
"""

#: Version 5: End of day per environment from what the tills journaled, not guessed from
#: the profile's name and client id (an embedded-sandbox sale under a profile of any other
#: name was counted as real money): a refund carries its sale's ``made_on`` as it carries
#: its wallet, and both summaries are kept per environment too (rebuilt from the rows).
_V5 = f"""
ALTER TABLE refunds ADD COLUMN made_on text NOT NULL DEFAULT '';
UPDATE refunds r SET made_on = p.made_on FROM payments p
    WHERE p.payment_request_id = r.payment_request_id AND p.made_on <> '';
ALTER TABLE day_totals ADD COLUMN made_on text NOT NULL DEFAULT '';
ALTER TABLE day_totals DROP CONSTRAINT day_totals_pkey;
ALTER TABLE day_totals ADD PRIMARY KEY (business_day, till_id, operator, profile, client_id,
    method, currency, status, made_on);
ALTER TABLE refund_day_totals ADD COLUMN made_on text NOT NULL DEFAULT '';
ALTER TABLE refund_day_totals DROP CONSTRAINT refund_day_totals_pkey;
ALTER TABLE refund_day_totals ADD PRIMARY KEY (business_day, till_id, operator, profile,
    client_id, method, currency, status, made_on);
-- a refund of a sale taken at another till: its sale's environment, from the store's row
CREATE FUNCTION set_refund_made_on() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.made_on = '' THEN
        NEW.made_on := COALESCE((SELECT made_on FROM payments
                                 WHERE payment_request_id = NEW.payment_request_id
                                   AND made_on <> '' LIMIT 1), '');
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER refunds_made_on BEFORE INSERT OR UPDATE ON refunds
    FOR EACH ROW EXECUTE FUNCTION set_refund_made_on();
{_keep_totals("payments", "day_totals", made_on=True)}
{_keep_totals("refunds", "refund_day_totals", made_on=True)}
DELETE FROM day_totals;
INSERT INTO day_totals {_TOTALS_INTO} SELECT {_TOTALS_KEY}, COUNT(*), SUM(amount_minor)
    FROM payments GROUP BY {_TOTALS_KEY};
DELETE FROM refund_day_totals;
INSERT INTO refund_day_totals {_TOTALS_INTO} SELECT {_TOTALS_KEY}, COUNT(*), SUM(amount_minor)
    FROM refunds GROUP BY {_TOTALS_KEY};
"""

#: Each entry is one migration's SQL, run as one script.
MIGRATIONS: list[str] = [_V1, _V2, _V3, _V4, _V5]

#: The version this code writes.
SCHEMA_VERSION = len(MIGRATIONS)

#: The channel tills LISTEN on: the payload is the new notification's id.
NOTIFY_CHANNEL = "cashier_notifications"


class StoreSchemaError(StoreError):
    """The database holds a newer store schema than this cashier knows."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "store_database_has_schema_newer_than": "the store database has schema {before}, newer "
        "than this cashier's {schema_version}; upgrade cashier",
    }


class StoreTimezoneError(CashierError, ValueError):
    """A store time zone that the server does not know, or that cannot change any more
    (a bad value, as the command line gave it: not a store that cannot be used)."""

    layer = "store"
    MESSAGES: ClassVar[dict[str, str]] = {
        "time_zone_not_known_database_server": "time zone {timezone!r} is not known to the "
        "database server",
        "store_s_time_zone_cannot_become": "the store's time zone is {current}; it cannot become "
        "{timezone} once payments are recorded (their business days would move)",
    }


def current_version(conn: Any) -> int:
    """The store schema version of ``conn``'s database (0: not a store yet)."""
    row = conn.execute("SELECT to_regclass('cashier_schema') IS NOT NULL").fetchone()
    if not row[0]:
        return 0
    got = conn.execute("SELECT version FROM cashier_schema").fetchone()
    return int(got[0]) if got else 0


def migrate(
    conn: Any, *, timezone: str | None = None, default_timezone: str | None = None
) -> tuple[int, int]:
    """Create or migrate the schema on ``conn`` (a psycopg connection, not in a transaction)
    and return ``(from_version, to_version)``. ``timezone`` (IANA) is the store's business
    day zone, refused when it would move the days of recorded payments;
    ``default_timezone`` is taken only by a store that has none yet."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
        conn.execute("CREATE TABLE IF NOT EXISTS cashier_schema (version integer NOT NULL)")
        before = current_version(conn)
        if before > SCHEMA_VERSION:
            raise StoreSchemaError.of(
                "store_database_has_schema_newer_than", before=before, schema_version=SCHEMA_VERSION
            )
        for sql in MIGRATIONS[before:]:
            conn.execute(sql)
        if before == 0:
            conn.execute("INSERT INTO cashier_schema (version) VALUES (%s)", (SCHEMA_VERSION,))
        else:
            conn.execute("UPDATE cashier_schema SET version = %s", (SCHEMA_VERSION,))
        if timezone is not None:
            _set_timezone(conn, timezone)
        elif default_timezone is not None:
            has = conn.execute("SELECT 1 FROM store_settings WHERE name = 'timezone'").fetchone()
            if has is None:
                _set_timezone(conn, default_timezone)
    return before, SCHEMA_VERSION


def rebuild_day_totals(conn: Any) -> None:
    """Recompute the per-day summaries from the rows (after a bulk load with the summary
    triggers disabled, or to check them): in one transaction, under the migration lock."""
    key = _TOTALS_KEY
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
        for source, table in (("payments", "day_totals"), ("refunds", "refund_day_totals")):
            conn.execute(f"DELETE FROM {table}")
            conn.execute(
                f"INSERT INTO {table} {_TOTALS_INTO} SELECT {key}, COUNT(*), SUM(amount_minor) "
                f"FROM {source} GROUP BY {key}"
            )


def _set_timezone(conn: Any, timezone: str) -> None:
    known = conn.execute("SELECT 1 FROM pg_timezone_names WHERE name = %s", (timezone,)).fetchone()
    if known is None:
        raise StoreTimezoneError.of("time_zone_not_known_database_server", timezone=timezone)
    row = conn.execute("SELECT value FROM store_settings WHERE name = 'timezone'").fetchone()
    if row is not None and row[0] != timezone:
        has_rows = conn.execute("SELECT EXISTS (SELECT 1 FROM payments)").fetchone()[0]
        if has_rows:
            raise StoreTimezoneError.of(
                "store_s_time_zone_cannot_become", current=row[0], timezone=timezone
            )
    conn.execute(
        "INSERT INTO store_settings (name, value) VALUES ('timezone', %s) "
        "ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value",
        (timezone,),
    )
