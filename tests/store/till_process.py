"""One till as its own process, for the store tests: ``python till_process.py SALES GAP``.

Builds the services as the GUI does (embedded sandbox, its journal in $CASHIER_DATA_DIR,
the store link started because this installation joined a store), takes SALES sales
GAP seconds apart (approved, declined or left open; every fourth paid one half
refunded), then waits up to $TILL_DRAIN seconds for the store to have everything and
prints one JSON line: what it sold and what is left in its outbox.
"""

from __future__ import annotations

import json
import os
import sys
import time

from cashier_app.app import build_services
from cashier_app.domain.money import Money
from cashier_app.domain.payment_kit import PaymentInfo
from cashier_app.journal.outbox import Outbox

#: (wallet, currency) of sale n % 3: two currencies, so totals must not mix them.
SALES = (("ALIPAY_HK", "HKD"), ("ALIPAY_CN", "HKD"), ("ALIPAY_CN", "CNY"))


def main() -> int:
    sales, gap = int(sys.argv[1]), float(sys.argv[2])
    drain = float(os.environ.get("TILL_DRAIN", "60"))
    services = build_services(store_link=True)
    assert services.store_link is not None, "this installation has not joined a store"
    checkout, outbox = services.checkout, Outbox(services.journal)
    sold = []
    try:
        for n in range(sales):
            wallet, currency = SALES[n % 3]
            rec = checkout.create_payment(
                PaymentInfo(amount=100 + 17 * n, currency=currency, trade_summary=f"sale {n}"),
                wallet,
            )
            if n % 5 == 3:
                services.simulator.decline(rec.payment_id)
            elif n % 5 != 4:  # n % 5 == 4 stays open (PENDING) at the till
                services.simulator.approve(rec.payment_id)
            rec = checkout.refresh(rec.payment_request_id)
            if rec.status.value == "SUCCESS" and n % 4 == 0:
                checkout.refund(rec.payment_request_id, Money(rec.amount.value // 2, currency))
            sold.append(rec.payment_request_id)
            time.sleep(gap)
        deadline = time.monotonic() + drain
        while outbox.backlog() and time.monotonic() < deadline:
            time.sleep(0.1)
        print(
            json.dumps(
                {
                    "till_id": outbox.till_id(),
                    "sold": sold,
                    "left": outbox.backlog(),
                    "error": services.store_link.state.last_error,
                    "failures": services.store_link.state.failures,
                }
            ),
            flush=True,
        )
    finally:
        services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
