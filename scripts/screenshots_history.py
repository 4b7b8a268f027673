"""Screenshots of the History and End-of-day pages with a populated journal (en and zh_CN).

Run under Xvfb:  ``xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python
scripts/screenshots_history.py``  -> docs/screenshots/history_{en,zh}.png, report_{en,zh}.png.
Each language runs in its own process (a translator is installed once per application).
Payments are made through the real embedded sandbox (so they have event timelines and a
refund), plus a few hundred generated ones for volume; nothing touches the user's files.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as dt_time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
LANGS = {"en": "en", "zh": "zh_CN"}


def busy_day() -> date:
    """The day the report screenshot shows: yesterday, full of generated sales."""
    return (datetime.now().astimezone() - timedelta(days=1)).date()


def populate(services) -> str:
    """Fill the journal; return the paymentRequestId to show selected in History."""
    from cashier_app.domain.money import Money
    from cashier_app.domain.outcome import Status
    from cashier_app.domain.payment_kit import PaymentInfo
    from cashier_app.domain.records import PaymentRecord, RefundRecord

    rnd = random.Random(5)
    day = busy_day()
    opening = datetime.combine(day, dt_time(8, 0)).astimezone()
    wallets = (
        ("GCASH", "PHP"),
        ("TNG", "MYR"),
        ("ALIPAY_CN", "CNY"),
        ("ALIPAY_HK", "HKD"),
        ("ALIPAY_CN", "HKD"),
        ("CONNECT_WALLET", "HKD"),
    )
    statuses = (Status.SUCCESS,) * 8 + (Status.FAILED, Status.EXPIRED, Status.CANCELLED)
    items = (
        "Flat white",
        "Oat latte x2",
        "Croissant",
        "Lunch set A",
        "Matcha latte",
        "Cheesecake",
        "Sparkling water",
        "Egg tart x6",
    )
    # 300 sales on the busy day (08:00-21:30) and 100 over the four days before it.
    times = [opening + timedelta(seconds=162 * i) for i in range(300)]
    times += [opening - timedelta(days=1 + i // 25, minutes=29 * (i % 25)) for i in range(100)]
    generated = []
    # Generated sales belong to another till, so start-up recovery leaves them alone.
    for i, local in enumerate(sorted(times)):
        created = local.astimezone(UTC).replace(microsecond=0)
        method, currency = wallets[rnd.randrange(len(wallets))]
        status = statuses[rnd.randrange(len(statuses))]
        value = rnd.randrange(1800, 16_000) if currency != "PHP" else rnd.randrange(9000, 80_000)
        generated.append(
            PaymentRecord(
                f"P{created:%Y%m%d%H%M%S}{i:04d}",
                "till-2",
                Money(value, currency),
                method,
                status,
                created,
                created,
                trade_summary=items[i % len(items)],
                reference_order_id=f"T2-{i + 1:05d}",
                payment_id=f"2026{rnd.getrandbits(60):018d}",
                result_code="SUCCESS" if status is Status.SUCCESS else "USER_BALANCE_NOT_ENOUGH",
                paid_at=created + timedelta(seconds=18) if status is Status.SUCCESS else None,
            )
        )
    for back in (5, 40):  # two sales of the busy day the gateway never answered
        generated[-back] = generated[-back].with_changes(
            status=Status.UNKNOWN, result_code="", paid_at=None, trade_summary="Lunch set B"
        )
    services.journal.create_payments(generated)
    paid = [
        p
        for p in generated
        if p.status is Status.SUCCESS and p.created_at.astimezone().date() == day
    ]
    for n, sale in enumerate(paid[-12::4]):
        at = sale.created_at + timedelta(minutes=7)
        services.journal.create_refund(
            RefundRecord(
                f"R-DEMO-{n}",
                sale.payment_request_id,
                Money(max(sale.amount.value // 2, 100), sale.amount.currency),
                Status.SUCCESS,
                at,
                at,
                refund_id=f"2026RF000{n}",
                reason="item returned",
                refunded_at=at,
            )
        )

    checkout, sandbox = services.checkout, services.sandbox
    shown = ""
    for value, method, summary, outcome in (
        (4800, "ALIPAY_HK", "Flat white x2, croissant", "approve"),
        (3200, "CONNECT_WALLET", "Matcha latte", "approve"),
        (12800, "ALIPAY_CN", "Lunch set A x2", "decline"),
        (2600, "ALIPAY_HK", "Egg tart x4", "cancel"),
        (8650, "ALIPAY_HK", "Cheesecake, oat latte", "refund"),
        (1500, "ALIPAY_CN", "Sparkling water", "pending"),
    ):
        rec = checkout.create_payment(PaymentInfo(value, "HKD", summary, ""), method)
        if outcome in ("approve", "refund"):
            sandbox.approve(rec.payment_id)
        elif outcome == "decline":
            sandbox.decline(rec.payment_id)
        if outcome == "cancel":
            checkout.cancel(rec.payment_request_id)
        elif outcome != "pending":
            checkout.refresh(rec.payment_request_id)
        if outcome == "refund":
            checkout.refund(rec.payment_request_id, Money(2450, "HKD"), "cheesecake returned")
            shown = rec.payment_request_id
    return shown


def wait_for(app, condition, timeout: float = 20.0) -> None:
    from PySide6.QtCore import QEventLoop

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get ready in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def shoot(lang: str, size: str = "1280x800", suffix: str = "") -> None:
    from cashier_app.app import build_services
    from cashier_app.ui import create_main_window, ensure_application

    app = ensure_application(["cashier"], lang=LANGS[lang])
    services = build_services(journal_path=Path(os.environ["CASHIER_DATA_DIR"]) / "j.sqlite3")
    selected = populate(services)
    window = create_main_window(services_factory=lambda _name: services)
    width, height = (int(v) for v in size.split("x"))
    window.resize(width, height)
    window.show()
    wait_for(app, lambda: window.services is not None)

    history = window.open_extra_page("history")
    assert history is not None, "the history page did not load"
    wait_for(app, lambda: history.model.total is not None and not history.model.is_loading)
    history.table.selectRow(history.model.row_of(selected))
    wait_for(
        app,
        lambda: (
            history._details is not None and history._details.payment.payment_request_id == selected
        ),
    )
    wait_for(app, lambda: not window.tasks.is_busy())
    window.grab().save(str(OUT / f"history_{lang}{suffix}.png"))

    report = window.open_extra_page("report")
    assert report is not None, "the report page did not load"
    wait_for(app, lambda: report.report is not None)
    report.set_day(busy_day())
    wait_for(app, lambda: report.report is not None and report.report.day == busy_day())
    window.grab().save(str(OUT / f"report_{lang}{suffix}.png"))
    window.close()
    wait_for(app, lambda: not window.tasks.is_busy())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(LANGS), help="just this language")
    parser.add_argument("--child", choices=sorted(LANGS), help=argparse.SUPPRESS)
    parser.add_argument("--size", default="1280x800", help="window size, e.g. 1024x600")
    parser.add_argument("--suffix", default="", help="added to the file names")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if args.child:
        shoot(args.child, args.size, args.suffix)
        return 0
    for lang in [args.only] if args.only else list(LANGS):
        with tempfile.TemporaryDirectory() as home:
            env = dict(
                os.environ,
                CASHIER_CONFIG_DIR=f"{home}/config",
                CASHIER_DATA_DIR=f"{home}/data",
                PYTHONPATH=str(ROOT),
            )
            subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    lang,
                    "--size",
                    args.size,
                    "--suffix",
                    args.suffix,
                ],
                env=env,
                check=True,
            )
            print(
                f"wrote docs/screenshots/history_{lang}{args.suffix}.png and "
                f"report_{lang}{args.suffix}.png"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
