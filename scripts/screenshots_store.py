"""Screenshots of the store views: History and End of day of the whole store (three tills
on a real PostgreSQL), and the whole store's History with the store server stopped.

One language and one screen size per run, under a virtual display with a window manager:

    Xvfb :58 -screen 0 1366x768x24 & DISPLAY=:58 openbox &
    DISPLAY=:58 .venv/bin/python scripts/screenshots_store.py --lang zh_CN

A throw-away PostgreSQL (tests/pg_server.py) and throw-away config and data folders; the
store's password goes to an in-memory keyring through ``cashier store join``, as a till's
does to its key store.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from screenshots import OUT, ROOT, settle_paint, wait_for

sys.path.insert(0, str(ROOT / "tests"))

from keyring_fakes import DictKeyring
from pg_server import PgServer

from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import PaymentRecord, RefundRecord
from cashier_app.journal import Journal

WALLETS = ("ALIPAY_HK", "ALIPAY_CN", "GCASH", "ALIPAY_HK", "TNG")
ITEMS = ("Flat white", "Oat latte x2", "Lunch set A", "Egg tart x6", "Matcha latte")


def sales(journal: Journal, till: str, count: int, operators: tuple[str, ...]) -> None:
    """Today's sales of ``till`` (final: start-up recovery leaves them alone)."""
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=6)
    for n in range(count):
        at = start + timedelta(minutes=7 * n + len(till))
        status = Status.FAILED if n % 7 == 3 else Status.SUCCESS
        currency = {"GCASH": "PHP", "TNG": "MYR"}.get(WALLETS[n % 5], "HKD")
        rec = PaymentRecord(
            f"P{at:%Y%m%d%H%M%S}{till[:2].upper()}{n:03d}",
            "sandbox",
            Money(1800 + (n * 733) % 9000, currency),
            WALLETS[n % 5],
            status,
            at,
            at,
            trade_summary=ITEMS[n % 5],
            reference_order_id=f"{till[:2].upper()}-{n + 1:04d}",
            payment_id=f"2026{n:04d}{len(till):02d}77310",
            client_id="SANDBOX_CASHIER_DEMO",
            paid_at=at if status is Status.SUCCESS else None,
            operator=operators[n % len(operators)],
        )
        journal.create_payment(rec)
        journal.add_event(rec.payment_request_id, "journaled", {}, operator=rec.operator)
        if status is Status.SUCCESS and n % 6 == 1:
            journal.create_refund(
                RefundRecord(
                    f"R{rec.payment_request_id[1:]}",
                    rec.payment_request_id,
                    Money(rec.amount.value // 2, currency),
                    Status.SUCCESS,
                    at + timedelta(minutes=3),
                    at + timedelta(minutes=3),
                    refunded_at=at + timedelta(minutes=3),
                    operator=rec.operator,
                )
            )


def store_with_three_tills(server: PgServer, scratch: Path) -> str:
    """A store with two other tills' day replicated; returns the till role's DSN."""
    from cashier_app.journal.outbox import Outbox
    from cashier_app.store.connect import connect
    from cashier_app.store.replicator import Replicator
    from cashier_app.store.schema import migrate

    owner, till = server.create_store("shop")
    with connect(owner) as conn:
        migrate(conn, timezone="UTC")
    server.grant_till("shop")
    for name, count, operators in (("counter-2", 23, ("Ana", "Bo")), ("kiosk-3", 14, ("Kai",))):
        journal = Journal(scratch / f"{name}.sqlite3")
        Outbox(journal).link(name)
        sales(journal, name, count, operators)
        if not Replicator(journal, lambda: connect(till), name).drain(30):
            raise RuntimeError(f"{name} did not replicate")
        journal.close()
    return till


def shot(app, name: str) -> None:
    settle_paint(500)
    path = OUT / f"{name}.png"
    if not app.primaryScreen().grabWindow(0).save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"  {path.name}")


def main() -> int:
    import keyring

    from cashier_app.app import AppBackend
    from cashier_app.cli import main as cashier
    from cashier_app.support import paths
    from cashier_app.ui import ensure_application
    from cashier_app.ui.main_window import MainWindow

    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    keyring.set_keyring(DictKeyring())
    server = PgServer().start()
    try:
        dsn = store_with_three_tills(server, paths.data_dir().parent)
        here = Journal(paths.journal_path())
        sales(here, "front-1", 9, ("Mei",))
        here.close()
        if cashier(["store", "join", "--dsn", dsn, "--till-id", "front-1"]) != 0:
            raise RuntimeError("store join failed")
        app = ensure_application(lang=args.lang)
        screen = app.primaryScreen().size()
        p = f"store_{args.lang}_{screen.width()}x{screen.height()}"
        OUT.mkdir(parents=True, exist_ok=True)
        window = MainWindow(None, backend=AppBackend())
        window.showMaximized()
        wait_for(lambda: window.services is not None, what="services")
        link = window.services.store_link
        wait_for(lambda: link.outbox.backlog() == 0, what="this till replicated")

        history = window.open_extra_page("history")
        history.scope.setCurrentIndex(history.scope.findData("store"))
        model = history.model
        wait_for(lambda: model.total is not None and not model.is_loading, what="the store")
        row = next(
            r for r in range(model.rowCount()) if model.index(r, model.COL_TILL).data() != "front-1"
        )
        history.table.selectRow(row)
        wait_for(lambda: history._details is not None, what="the details")
        shot(app, f"{p}-1-history-whole-store")

        window.back_from_extra_page()
        report = window.open_extra_page("report")
        report.scope.setCurrentIndex(report.scope.findData("store"))
        wait_for(lambda: report.store_day is not None, what="the store's day")
        report.grouping.setCurrentIndex(report.grouping.findData("till"))
        shot(app, f"{p}-2-end-of-day-by-till")
        report.grouping.setCurrentIndex(report.grouping.findData("operator"))
        shot(app, f"{p}-3-end-of-day-by-operator")

        server.stop()  # the store server goes away: the till sells and shows its own
        report.reload()
        wait_for(lambda: report.store_day is None, what="the store down")
        shot(app, f"{p}-4-end-of-day-store-down")
        window.back_from_extra_page()
        history = window.open_extra_page("history")
        history.reload()
        wait_for(lambda: "C62828" in history.message.styleSheet(), what="the store down")
        shot(app, f"{p}-5-history-store-down")
        window.close_guard.answer = "later"
        window.close()
    finally:
        server.destroy()
    return 0


if __name__ == "__main__":
    sys.exit(main())
