"""``cashier store``: a store of many tills on a shared PostgreSQL.

``init`` creates or migrates the schema; ``join`` links this installation (its journal)
as a till, the DSN's password going to the key store; ``status`` lists the tills with
their last contact and replication lag; ``report`` prints the whole store's end of day;
``sync`` pushes this till's outbox now; ``notify-listener`` takes Antom's notifications
for every till (behind the merchant's HTTPS reverse proxy).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
import threading
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from cashier_app.cli import CliError
from cashier_app.cli.errors import Doing
from cashier_app.cli.history import parse_date
from cashier_app.cli.text import environment_text, method_text, t, table


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "store",
        help="a store of many tills on a shared PostgreSQL (init, join, status, report)",
        description="Store mode: every till keeps its own journal and replicates it to the "
        "store's PostgreSQL; the store's end of day adds up every till.",
    )
    sub = p.add_subparsers(dest="store_command", metavar="ACTION")

    q = sub.add_parser("init", help="create or migrate the store schema")
    q.add_argument("--dsn", required=True, help="PostgreSQL connection string (an owner's)")
    q.add_argument(
        "--timezone",
        metavar="ZONE",
        help="IANA zone of the store's business day (default: this machine's, else UTC)",
    )
    q.set_defaults(run=run_init)

    q = sub.add_parser("join", help="link this installation to a store as a till")
    q.add_argument("--dsn", required=True, help="PostgreSQL connection string")
    q.add_argument("--till-id", metavar="ID", help="this till's id (default: generated)")
    q.set_defaults(run=run_join)

    q = sub.add_parser("status", help="each till, its last contact and replication lag")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(run=run_status)

    q = sub.add_parser("report", help="the whole store's end of day")
    q.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default: today)")
    q.add_argument("--tz", metavar="ZONE", help="time zone of the day (default: the store's)")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(run=run_report)

    q = sub.add_parser("sync", help="push this till's journal changes to the store now")
    q.add_argument(
        "--follow", action="store_true", help="keep pushing until interrupted (a till's link)"
    )
    q.add_argument("--timeout", type=float, default=60.0, help="give up after S seconds")
    q.add_argument("--profile", metavar="NAME", help="with --follow: the merchant profile")
    q.set_defaults(run=run_sync)

    q = sub.add_parser(
        "notify-listener", help="take Antom's notifications for every till, into the store"
    )
    q.add_argument("--bind", required=True, metavar="ADDR", help="HOST:PORT to listen on")
    q.add_argument("--path", default="/notify", help="URL path (default /notify)")
    q.add_argument("--profile", metavar="NAME", help="merchant profile (its gateway key)")
    q.add_argument("--client-id", metavar="ID", help="merchant client id (without --profile)")
    q.add_argument(
        "--gateway-public-key", metavar="FILE", help="the gateway's public key (PEM/base64)"
    )
    q.set_defaults(run=run_listener)
    p.set_defaults(run=lambda args: _usage(p))


def _usage(p: argparse.ArgumentParser) -> int:
    p.print_help()
    return 2


def _store_error(exc: BaseException) -> CliError:
    return CliError.of("error", error=exc, exit_code=1)


def local_timezone() -> str:
    """This machine's IANA zone name: $TZ, else /etc/localtime's target, else UTC."""
    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        return name
    try:
        target = os.path.realpath("/etc/localtime")
    except OSError:
        return "UTC"
    marker = "/zoneinfo/"
    return target.split(marker, 1)[1] if marker in target else "UTC"


def run_init(args: argparse.Namespace) -> int:
    from cashier_app.store.connect import StoreError, connect, describe
    from cashier_app.store.schema import StoreSchemaError, migrate

    try:
        with connect(args.dsn) as conn:
            before, after = migrate(conn, timezone=args.timezone, default_timezone=local_timezone())
            row = conn.execute("SELECT store_timezone()").fetchone()
            zone = row[0] if row else "UTC"
    except (StoreError, StoreSchemaError) as exc:
        raise _store_error(exc) from None
    except ValueError as exc:
        raise CliError.of("timezone", exc=exc) from None
    what = "created" if before == 0 else ("migrated" if before < after else "up to date")
    print(
        json.dumps(
            {
                "store": describe(args.dsn),
                "schema": after,
                "was": before,
                "result": what,
                "timezone": zone,
            }
        )
    )
    return 0


def _open_keys() -> Any:
    from cashier_app.keystore.store import KeyStore

    return KeyStore.open()


def run_join(args: argparse.Namespace) -> int:
    from cashier_app.cli.history import open_journal
    from cashier_app.journal.errors import JournalError
    from cashier_app.journal.outbox import Outbox, check_till_id
    from cashier_app.keystore.backends import KeyStoreError
    from cashier_app.store.connect import StoreError, StoreLink, connect, describe, split_password
    from cashier_app.store.push import heartbeat
    from cashier_app.store.schema import SCHEMA_VERSION, current_version

    try:
        dsn, password = split_password(args.dsn)
    except StoreError as exc:
        raise CliError.of("dsn", exc=exc) from None
    if password is None:  # libpq's own variable: keeps the password out of the process list
        password = os.environ.get("PGPASSWORD") or None
    journal = open_journal()
    try:
        outbox = Outbox(journal)
        linked = outbox.till_id()
        till_id = args.till_id or linked or _new_till_id()
        try:
            till_id = check_till_id(till_id)
        except ValueError as exc:
            raise CliError.of("till_id", exc=exc) from None
        if linked and linked != till_id:
            raise CliError.of(
                "installation_till_store_cannot_join_till", linked=linked, till_id=till_id
            )
        try:
            with connect(dsn, password) as conn:
                version = current_version(conn)
                if version == 0:
                    raise CliError.of(
                        "not_cashier_store_yet_run_cashier", dsn=describe(dsn), exit_code=1
                    )
                if version > SCHEMA_VERSION:
                    raise CliError.of(
                        "store_has_schema_newer_than_cashier",
                        version=version,
                        schema_version=SCHEMA_VERSION,
                        exit_code=1,
                    )
                if version < SCHEMA_VERSION:
                    raise CliError.of(
                        "store_has_schema_older_than_cashier",
                        version=version,
                        schema_version=SCHEMA_VERSION,
                        exit_code=1,
                    )
                heartbeat(conn, till_id, hostname=_hostname())
        except StoreError as exc:
            raise _store_error(exc) from None
        if password is not None:
            try:
                _open_keys().set_store_password(dsn, password)
            except KeyStoreError as exc:
                raise CliError.of("store_s_password_must_go_key", exc=exc, exit_code=1) from None
        operators = _adopt_operators(dsn, password, till_id)
        try:
            outbox.link(till_id)
        except JournalError as exc:
            raise CliError.of("error", error=exc, exit_code=1) from None
        path = StoreLink(dsn, till_id).save()
        print(
            json.dumps(
                {
                    "till_id": till_id,
                    "store": describe(dsn),
                    "link": str(path),
                    "queued": outbox.backlog(),
                    "password_in_keystore": password is not None,
                    "operators": operators,
                }
            )
        )
    finally:
        journal.close()
    return 0


def _adopt_operators(dsn: str, password: str | None, till_id: str) -> dict[str, list[str]]:
    """In store mode operators are the store's: this till's own accounts go to the store
    (their PIN hashes as they are), and its operators file becomes the store's copy."""
    from cashier_app.operators import OperatorError, OperatorStore
    from cashier_app.store.connect import connect
    from cashier_app.store.operators import StoreOperators

    accounts = StoreOperators(lambda: connect(dsn, password), OperatorStore(), till_id=till_id)
    try:
        added, kept = accounts.adopt_local()
    except OperatorError as exc:
        raise CliError.of("error", error=exc, exit_code=1) from None
    finally:
        accounts.close()
    if kept:
        print(
            t(
                "the store has operators named %1 already: theirs are kept, this till's are "
                "replaced by them",
                ", ".join(kept),
            ),
            file=sys.stderr,
        )
    return {"added": added, "store_had": kept}


def _hostname() -> str:
    import socket

    return socket.gethostname()[:128]


def _new_till_id() -> str:
    import secrets

    host = "".join(c for c in _hostname().split(".")[0] if c.isalnum() or c in "-_")[:40]
    return f"{host or 'till'}-{secrets.token_hex(3)}"


def _link() -> Any:
    from cashier_app.store.connect import StoreError, StoreLink

    try:
        link = StoreLink.load()
    except StoreError as exc:
        raise _store_error(exc) from None
    if link is None:
        raise CliError.of("installation_has_not_joined_store_run", exit_code=1)
    return link


def _reader(link: Any) -> Any:
    from cashier_app.store.reader import StoreReader

    keys = _open_keys()
    return StoreReader(lambda: link.connect(keys))


def run_status(args: argparse.Namespace) -> int:
    from cashier_app.store.connect import StoreError, describe

    link = _link()
    try:
        tills = _reader(link).tills()
    except StoreError as exc:
        raise _store_error(exc) from None
    now = datetime.now(UTC)
    rows = [t.as_json(now) for t in tills]
    if args.json:
        print(json.dumps({"store": describe(link.dsn), "this_till": link.till_id, "tills": rows}))
        return 0
    print(t("store %1; this till: %2", describe(link.dsn), link.till_id))
    head = (
        t("till"), t("last contact"), t("ago s"), t("lag ms"), t("backlog"), t("payments")
    )  # fmt: skip

    def known(value: object) -> str:
        return "-" if value is None else str(value)

    body = [
        (
            r["till_id"],
            r["last_contact"] or "-",
            known(r["seconds_since_contact"]),
            known(r["replication_lag_ms"]),
            str(r["backlog"]),
            str(r["payments"]),
        )
        for r in rows
    ]
    print(table([head, *body], right={2, 3, 4, 5}))
    return 0


def run_report(args: argparse.Namespace) -> int:
    from cashier_app.cli.report import parse_tz
    from cashier_app.reports.amounts import minor_str
    from cashier_app.store.connect import StoreError

    day = parse_date("--date", args.date) if args.date else date.today()
    tz = parse_tz(args.tz)
    link = _link()
    try:
        result = _reader(link).end_of_day(day, tz)
    except StoreError as exc:
        raise _store_error(exc) from None
    doc = result.as_json(minor_str)
    if args.json:
        print(json.dumps(doc, ensure_ascii=False))
        return 0
    print(t("Store end of day %1 (%2)", doc["date"], doc["timezone"]))
    for title, key, name in (
        (t("Per wallet"), "by_wallet", "method"),
        (t("Per till"), "by_till", "till_id"),
        (t("Per operator"), "by_operator", "operator"),
    ):
        print(f"\n{title}")
        rows = [
            (
                "",
                (method_text(line[name]) if name == "method" else line[name])
                or t("(nobody signed in)"),
                line["currency"],
                t("sales"),
                str(line["sales_count"]),
                line["sales"],
                t("refunds"),
                str(line["refunds_count"]),
                line["refunds"],
                t("net"),
                line["net"],
                t("(%1)", environment_text(line["environment"])),
            )
            for line in doc[key]
        ]
        if rows:
            print(table(rows, right={4, 5, 7, 8, 10}))
    return 0


def run_sync(args: argparse.Namespace) -> int:
    if args.follow:
        return _follow(args)
    from cashier_app.cli.history import open_journal
    from cashier_app.journal.outbox import Outbox
    from cashier_app.store.replicator import Replicator

    link = _link()
    keys = _open_keys()
    journal = open_journal()
    try:
        if Outbox(journal).till_id() != link.till_id:
            raise CliError.of("journal_not_till_s_run_cashier", till_id=link.till_id, exit_code=1)
        rep = Replicator(journal, lambda: link.connect(keys), link.till_id)
        done = rep.drain(args.timeout)
        left = rep.outbox.backlog()
        print(json.dumps({"till_id": link.till_id, "pushed": rep.state.pushed_changes,
                          "left": left, "error": rep.state.last_error or None}))  # fmt: skip
        return 0 if done else 1
    finally:
        journal.close()


def _follow(args: argparse.Namespace) -> int:
    """A headless till's link (the GUI runs its own): push as changes come, and settle
    the sales the store's notify listener heard of, until interrupted."""
    from cashier_app.cli.gateway_options import open_services

    link = _link()
    services = open_services(None, args.profile, Doing.of("follow_store"), store_link=True)
    try:
        if services.store_link is None:
            raise CliError.of("journal_not_till_s_run_cashier", till_id=link.till_id, exit_code=1)
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        print(json.dumps({"till_id": link.till_id, "following": True}), flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            stop.wait()
    finally:
        services.close()
    return 0


def _bind(text: str) -> tuple[str, int]:
    host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit() or not 0 <= int(port) < 65536:
        raise CliError.of("bind_must_host_port_e_g", text=text)
    return host.strip("[]") or "127.0.0.1", int(port)


def run_listener(args: argparse.Namespace) -> int:
    from cashier_app.checkout.service import NOTIFICATION_TOLERANCE
    from cashier_app.gateway.signing import KeyFormatError, Verifier
    from cashier_app.store.listener import StoreNotifyListener

    host, port = _bind(args.bind)
    if args.profile and (args.client_id or args.gateway_public_key):
        raise CliError.of("profile_cannot_combined_client_id_gateway")
    keys = _open_keys()
    if args.profile:
        from cashier_app.keystore.profiles import ProfileStore

        try:
            profile = ProfileStore().resolve(args.profile)
            verifier = keys.verifier(profile)
        except Exception as exc:
            raise CliError.of("profile", profile=args.profile, exc=exc, exit_code=1) from None
        client_id = profile.client_id
    else:
        if not (args.client_id and args.gateway_public_key):
            raise CliError.of("give_profile_name_client_id_id")
        try:
            verifier = Verifier.from_text(Path(args.gateway_public_key).read_text("utf-8"))
        except (OSError, UnicodeDecodeError, KeyFormatError) as exc:
            raise CliError.of("gateway_public_key", exc=exc) from None
        client_id = args.client_id
    link = _link()
    try:
        listener = StoreNotifyListener(
            verifier,
            lambda: link.connect(keys),
            client_id=client_id,
            host=host,
            port=port,
            path=args.path,
            tolerance=NOTIFICATION_TOLERANCE,
        ).start()
    except OSError as exc:
        raise CliError.of("bind", bind=args.bind, problem=exc, exit_code=1) from None
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    print(json.dumps({"url": listener.url, "client_id": client_id}), flush=True)
    try:
        with contextlib.suppress(KeyboardInterrupt):
            stop.wait()
    finally:
        listener.stop()
    print(t("notify listener stopped"), file=sys.stderr)
    return 0
