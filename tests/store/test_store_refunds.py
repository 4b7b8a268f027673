"""Refunds across tills (issue 17 item 3): a sale taken at another till of the same merchant
profile is refunded here; the store's claim (under a PostgreSQL lock keyed by the sale)
keeps tills refunding one sale at once from refunding more than was paid; with the store
unreachable a refund of another till's sale is refused and nothing is written. Real
PostgreSQL, real journals, two tills' checkouts over one real sandbox gateway."""

from __future__ import annotations

import threading
from datetime import UTC

import pytest

from cashier_app.checkout.errors import RefundRefused
from cashier_app.checkout.service import CheckoutService
from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.payment_kit import PaymentInfo
from cashier_app.gateway import demo_keys
from cashier_app.gateway.antom import AntomClient
from cashier_app.gateway.signing import Signer, Verifier
from cashier_app.journal import Journal
from cashier_app.journal.outbox import Outbox
from cashier_app.reports.eod import compute_report
from cashier_app.sandbox import SandboxGateway
from cashier_app.store.connect import StoreError, connect
from cashier_app.store.reader import StoreReader
from cashier_app.store.refunds import StoreRefunds
from cashier_app.store.replicator import Replicator

CLIENT_ID = "SANDBOX_CASHIER_DEMO"  # one merchant: both tills use its profile


@pytest.fixture
def sandbox():
    gw = SandboxGateway(gateway_private_key=demo_keys.gateway_key())
    gw.start()
    gw.register_merchant(CLIENT_ID, demo_keys.merchant_key().public_key())
    yield gw
    gw.stop()


def at_gateway(sandbox, sale):
    """The sale as the gateway holds it (its refunds)."""
    return sandbox.store.find_payment(CLIENT_ID, payment_id=sale.payment_id)


class Till:
    """One till: its journal linked to the store, its checkout with the store's refunds."""

    def __init__(self, tmp_path, store_db, sandbox, till_id: str, dsn: str | None = None):
        self.id = till_id
        self.journal = Journal(tmp_path / f"{till_id}.sqlite3")
        Outbox(self.journal).link(till_id)
        client = AntomClient(
            sandbox.url,
            CLIENT_ID,
            Signer(demo_keys.merchant_key()),
            Verifier(sandbox.gateway_public_key),
            timeout=5,
            retry_base_delay=0.01,
        )
        self.checkout = CheckoutService(client, self.journal, profile="shop")
        dsn = dsn or store_db.till_dsn
        self.checkout.store_refunds = StoreRefunds(lambda: connect(dsn, timeout=1), till_id)
        self.replicator = Replicator(self.journal, lambda: connect(store_db.till_dsn), till_id)

    def paid_sale(self, sandbox, minor: int = 1000):
        rec = self.checkout.create_payment(PaymentInfo(minor, "HKD", "tea"), "ALIPAY_HK")
        sandbox.approve(rec.payment_id)
        assert self.checkout.refresh(rec.payment_request_id).status is Status.SUCCESS
        return rec

    def push(self) -> None:
        assert self.replicator.drain(30)

    def close(self) -> None:
        self.checkout.client.close()
        self.journal.close()


@pytest.fixture
def tills(tmp_path, store_db, sandbox):
    made: list[Till] = []

    def make(till_id: str, dsn: str | None = None) -> Till:
        made.append(Till(tmp_path, store_db, sandbox, till_id, dsn))
        return made[-1]

    yield make
    for till in made:
        till.close()


def test_a_sale_of_another_till_is_refunded_here_and_counted_at_this_till(tills, sandbox, store_db):
    a, b = tills("till-a"), tills("till-b")
    sale = a.paid_sale(sandbox)
    a.push()
    done = b.checkout.refund(sale.payment_request_id, Money(300, "HKD"), sale_till="till-a")
    assert done.status is Status.SUCCESS
    assert at_gateway(sandbox, sale).refunded == 300
    b.push()
    # the sale stays till A's: till B pushed its refund, never the sale as its own
    assert store_db.scalar("SELECT COUNT(*) FROM payments WHERE till_id = 'till-b'") == 0
    assert (
        store_db.scalar("SELECT till_id || ' ' || status || ' ' || method FROM refunds")
        == "till-b SUCCESS ALIPAY_HK"
    )
    assert b.journal.list_payments(limit=None) == [] and b.journal.count_payments() == 0
    # each till's journal adds up to its line of the store's day
    day = sale.created_at.astimezone(UTC).date()
    store_day = StoreReader(lambda: connect(store_db.till_dsn)).end_of_day(day)
    by_till = {t.group: (t.sales_minor, t.refunds_minor) for t in store_day.by_till}
    for till in (a, b):
        (line,) = compute_report(till.journal, day, UTC).currency_totals
        assert by_till[till.id] == (line.sales_minor, line.refunds_minor)
    assert by_till == {"till-a": (1000, 0), "till-b": (0, 300)}
    # till A now sees the store's refunds: what is left is what both know of
    with pytest.raises(RefundRefused) as refused:
        a.checkout.refund(sale.payment_request_id, Money(800, "HKD"))
    assert refused.value.code == "too_much"
    rest = a.checkout.refund(sale.payment_request_id)  # the whole rest: 700
    assert (rest.status, rest.amount) == (Status.SUCCESS, Money(700, "HKD"))
    assert at_gateway(sandbox, sale).refunded == 1000


def test_two_tills_claiming_one_sale_at_once_never_claim_more_than_was_paid(
    tills, sandbox, store_db
):
    a = tills("till-a")
    sale = a.paid_sale(sandbox)
    a.push()
    claimers = [StoreRefunds(lambda: connect(store_db.till_dsn), f"till-{n}") for n in range(6)]
    start = threading.Barrier(len(claimers))
    granted: list[int] = []

    def claim(n: int) -> None:
        start.wait(10)
        answer = claimers[n].claim("till-a", sale, f"R-race-{n}", 600, [])
        granted.append(answer.granted)

    threads = [threading.Thread(target=claim, args=(n,)) for n in range(len(claimers))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(granted) == [0, 0, 0, 0, 0, 600]
    # a retry of the granted claim (same refund request id) is the same claim, not another
    winner = next(n for n in range(6) if store_db.scalar(
        "SELECT COUNT(*) FROM refund_claims WHERE refund_request_id = %s", f"R-race-{n}"
    ))  # fmt: skip
    again = claimers[winner].claim("till-a", sale, f"R-race-{winner}", 600, [])
    assert (again.granted, again.left) == (600, 1000)
    assert store_db.scalar("SELECT SUM(amount_minor) FROM refund_claims") == 600
    # what is left after the claim, and no more, can still be claimed
    assert claimers[0].claim("till-a", sale, "R-late", 401, []).granted == 0
    assert claimers[0].claim("till-a", sale, "R-late", None, []).granted == 400


def test_without_the_store_a_refund_of_another_tills_sale_is_refused_and_nothing_written(
    tills, sandbox, store_db
):
    from pg_server import free_port

    a = tills("till-a")
    sale = a.paid_sale(sandbox)
    a.push()
    dead = store_db.till_dsn.replace(f"port={store_db.server.port}", f"port={free_port()}")
    b = tills("till-b", dsn=dead)
    with pytest.raises(StoreError) as caught:
        b.checkout.refund(sale.payment_request_id, Money(300, "HKD"), sale_till="till-a")
    assert caught.value.code == "refund_unreachable"
    assert "nothing was sent" in str(caught.value) and "till till-a" in str(caught.value)
    assert b.journal.get_payment(sale.payment_request_id) is None
    assert b.journal.refunds_for(sale.payment_request_id) == []
    assert Outbox(b.journal).backlog() == 0
    assert at_gateway(sandbox, sale).refunds == []
    # this till's own sale is still refunded with the store down (its journal knows it)
    own = b.paid_sale(sandbox, 500)
    assert b.checkout.refund(own.payment_request_id).status is Status.SUCCESS


def test_a_sale_of_another_merchant_profile_is_not_refunded_here(tills, sandbox, store_db):
    a, b = tills("till-a"), tills("till-b")
    sale = a.paid_sale(sandbox)
    a.push()
    b.checkout.profile = "other-shop"
    with pytest.raises(RefundRefused) as refused:
        b.checkout.refund(sale.payment_request_id, sale_till="till-a")
    assert refused.value.code == "other_profile"
    assert b.journal.get_payment(sale.payment_request_id) is None
    assert store_db.scalar("SELECT COUNT(*) FROM refund_claims") == 0
