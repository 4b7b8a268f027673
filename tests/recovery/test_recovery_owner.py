"""Issue 10 item 4: one owner per sale.

``cashier recover`` started a few milliseconds before a till's ``pay`` cancelled the sale
that till was showing: the till journaled its sale after recover took the profile's lock
but before recover listed its work. A sale is now created only by the holder of the
profile's till lock, and recovery touches only payments no live process owns. The race is
run many times, with the till starting 0-60 ms after (or before) recover.
"""

from __future__ import annotations

import threading
import time

from recovery_setup import CLIENT_ID
from test_recovery_answers import INFO, services_at

from cashier_app.checkout.errors import TillBusy
from cashier_app.cli import main
from cashier_app.domain.outcome import Status
from cashier_app.journal import Journal
from cashier_app.journal.tilllock import RECOVERY, TillLock
from cashier_app.support import paths

RUNS = 12


def test_recover_never_takes_the_sale_a_live_till_is_creating(gateway, _keys, capsys):
    with services_at(gateway.sandbox.url, _keys) as services:  # something left to recover
        services.checkout.create_payment(INFO, "ALIPAY_HK")
    taken = []
    for run in range(RUNS):
        offset = (run % 6) * 0.011  # 0 .. 55 ms
        till_first = run >= 6
        shown: dict = {}
        recovered = threading.Event()

        def till(shown=shown, recovered=recovered):
            with services_at(gateway.sandbox.url, _keys) as services:
                try:
                    rec = services.checkout.create_payment(INFO, "ALIPAY_HK")
                except TillBusy as exc:
                    shown["busy"] = str(exc)
                    return
                shown["rec"] = rec
                recovered.wait(30)  # the till shows the QR while recover runs
                shown["after"] = services.checkout.get(rec.payment_request_id)

        def recover(recovered=recovered):
            try:
                main(["recover", "--json", *gateway.options])
            finally:
                recovered.set()

        first, second = (till, recover) if till_first else (recover, till)
        threads = [threading.Thread(target=first)]
        threads[0].start()
        time.sleep(offset)
        threads.append(threading.Thread(target=second))
        threads[1].start()
        for t in threads:
            t.join(60)
        assert "busy" not in shown, shown  # a recovery run is waited for, not a reason to fail
        rec, after = shown["rec"], shown["after"]
        assert after.status is Status.PENDING, (run, after)  # nobody cancelled it under the till
        with Journal(paths.journal_path()) as journal:
            assert "recover" not in [
                e.kind for e in journal.events(rec.payment_request_id) if e.at <= after.updated_at
            ]
        taken.append(rec.payment_request_id)
    capsys.readouterr()
    assert len(set(taken)) == RUNS


def test_a_till_waits_for_a_recovery_run_before_it_journals_a_sale(gateway, _keys):
    """The interleaving of the race, pinned: recovery holds the profile's lock (and may be
    about to list its work); a till asked for a sale now must not journal it until
    recovery is done."""
    recovery = TillLock(paths.journal_path().parent / "locks", CLIENT_ID, RECOVERY)
    assert recovery.acquire()
    done: dict = {}
    with services_at(gateway.sandbox.url, _keys) as services:
        till = threading.Thread(
            target=lambda: done.setdefault(
                "rec", services.checkout.create_payment(INFO, "ALIPAY_HK")
            )
        )
        try:
            till.start()
            time.sleep(0.5)
            with Journal(paths.journal_path()) as journal:
                assert journal.list_payments(limit=None) == []  # nothing for recovery to take
        finally:
            recovery.release()
        till.join(30)
        assert done["rec"].status is Status.PENDING
        assert services.exclusive  # the till owns its sale now


def test_a_second_till_takes_no_sale_of_a_profile_a_live_till_owns(gateway, _keys):
    live = TillLock(paths.journal_path().parent / "locks", CLIENT_ID)
    assert live.acquire()
    try:
        with services_at(gateway.sandbox.url, _keys) as services:
            assert not services.exclusive
            started = time.monotonic()
            try:
                services.checkout.create_payment(INFO, "ALIPAY_HK")
            except TillBusy as exc:
                assert "another cashier process" in str(exc) and "no payment was taken" in str(exc)
            else:
                raise AssertionError("a second till created a sale")
            assert time.monotonic() - started < 5  # a live till is not waited for
    finally:
        live.release()
    with Journal(paths.journal_path()) as journal:
        assert journal.list_payments(limit=None) == []
    assert gateway.payments() == []
