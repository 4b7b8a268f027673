"""Screenshots of store-mode operators on a real PostgreSQL: an account made with
``cashier operator`` at this till signs in against the store; Setup → Operators lists the
store's accounts; the server stops while the window runs and the next sign-in comes from
the till's copy, said in the form and the status bar; the server starts again.

Needs Debian's PostgreSQL (``scripts/system-deps.sh``); a throw-away cluster
(tests/pg_server.py) reached over its local socket (no password), throw-away folders:

    Xvfb :57 -screen 0 1366x768x24 & DISPLAY=:57 openbox &
    DISPLAY=:57 .venv/bin/python scripts/screenshots_store_operators.py --lang zh_CN
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from screenshots import OUT, settle_paint, wait_for
from screenshots_operators import BOSS, BOSS_PIN, CLERK, CLERK_PIN, form, type_pin

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from pg_server import PgServer

from cashier_app.app import AppBackend
from cashier_app.cli import main as cli
from cashier_app.ui import ensure_application
from cashier_app.ui.main_window import MainWindow


def shot(app, name: str) -> None:
    settle_paint(400)
    path = OUT / f"{name}.png"
    if not app.primaryScreen().grabWindow(0).save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"  {path.name}")


def set_up_store(server: PgServer) -> None:
    from cashier_app.store.connect import connect
    from cashier_app.store.schema import migrate

    owner, _till = server.create_store("shop")
    with connect(owner) as conn:
        migrate(conn, timezone="UTC")
    server.grant_till("shop")
    dsn = f"host={server.base} port={server.port} dbname=shop user=shop_till"  # socket: trust
    assert cli(["store", "join", "--dsn", dsn, "--till-id", "front-1"]) == 0
    os.environ["CASHIER_NEW_PIN"] = BOSS_PIN
    assert cli(["operator", "add", BOSS, "--role", "manager"]) == 0
    os.environ["CASHIER_PIN"], os.environ["CASHIER_NEW_PIN"] = BOSS_PIN, CLERK_PIN
    assert cli(["operator", "add", CLERK, "--operator", BOSS]) == 0
    for name in ("CASHIER_PIN", "CASHIER_NEW_PIN"):
        del os.environ[name]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    server = PgServer().start()
    try:
        set_up_store(server)
        return run(server, args.lang)
    finally:
        server.destroy()


def run(server: PgServer, lang: str) -> int:
    app = ensure_application(lang=lang)
    screen = app.primaryScreen().size()
    p = f"store_operators_{lang}_{screen.width()}x{screen.height()}"
    OUT.mkdir(parents=True, exist_ok=True)
    window = MainWindow(None, backend=AppBackend())
    window.showMaximized()
    wait_for(lambda: window.services is not None, what="services")
    dialog = form(window, "signInDialog")
    type_pin(dialog, CLERK, CLERK_PIN)
    wait_for(lambda: window.operators.dialog is None, what="signed in at the store")
    shot(app, f"{p}-1-signed-in-at-the-store")

    window.operators.accounts_action.trigger()
    type_pin(form(window, "approvalDialog"), BOSS, BOSS_PIN)
    wait_for(lambda: window.operators.accounts_dialog is not None, what="the operators")
    accounts = window.operators.accounts_dialog
    wait_for(lambda: accounts.list.count() == 2, what="the store's operators listed")
    shot(app, f"{p}-2-the-stores-operators")
    accounts.accept()
    wait_for(lambda: window.operators.accounts_dialog is None)

    server.stop()  # the store server goes away while the till runs
    window.operators.sign_out_action.trigger()
    dialog = form(window, "signInDialog")
    type_pin(dialog, CLERK, CLERK_PIN)
    wait_for(lambda: window.operators.dialog is None, what="signed in from the copy")
    shot(app, f"{p}-3-server-down-signed-in-from-the-copy")
    window.operators.sign_out_action.trigger()
    dialog = form(window, "signInDialog")
    wait_for(lambda: dialog.store_note.isVisible(), what="the store-offline note")
    shot(app, f"{p}-4-server-down-sign-in-form")
    server.start()
    window.close_guard.answer = "later"
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
