"""Notifications on Antom's documented retry schedule (0 s, 2 min, 10 min, 10 min, 1 h, 2 h,
6 h, 15 h until acknowledged), compressed in time for demos and tests."""

from __future__ import annotations

from itertools import pairwise

import pytest
from sandbox_support import ACK, CLIENT_ID, RawClient, Receiver, pay_body, wait_for

from cashier_app.gateway.signing import Signer, Verifier, public_key_base64
from cashier_app.sandbox import SandboxError, SandboxGateway
from cashier_app.sandbox.notifier import ANTOM_SCHEDULE, Notifier

COMPRESSION = 36_000.0  # 24.4 h of schedule in 2.4 s


def test_the_schedule_is_antoms():
    assert ANTOM_SCHEDULE == (0, 120, 600, 600, 3600, 7200, 21600, 54000)


def _notify_once(gateway_key, merchant_key, answers, outcome):
    """One payment with a notify URL answering ``answers``, settled by ``outcome``
    (approve / decline), on the compressed schedule; the attempts once it is quiet."""
    rx = Receiver(answers)
    try:
        gw = SandboxGateway(gateway_private_key=gateway_key, notify_compression=COMPRESSION)
        gw.register_merchant(CLIENT_ID, public_key_base64(merchant_key.public_key()))
        with gw:
            raw = RawClient(
                gw.url, CLIENT_ID, Signer(merchant_key), Verifier(gateway_key.public_key())
            )
            pid = raw.post("pay", pay_body(paymentNotifyUrl=rx.url)).json["paymentId"]
            getattr(gw, outcome)(pid)
            assert wait_for(
                lambda: (
                    len(gw.notifier.attempts()) == 8 or any(a.acked for a in gw.notifier.attempts())
                ),
                timeout=30,
            )
            assert gw.notifier.wait_idle(5)
            return gw.notifier.attempts(), len(rx.received)
    finally:
        rx.close()


def test_unacknowledged_notification_follows_the_compressed_schedule(gateway_key, merchant_key):
    attempts, received = _notify_once(gateway_key, merchant_key, [(503, b"down")], "decline")
    assert received == 8 and [a.attempt for a in attempts] == list(range(1, 9))
    gaps = [b.sent_at - a.sent_at for a, b in pairwise(attempts)]
    for gap, documented in zip(gaps, ANTOM_SCHEDULE[1:], strict=True):
        assert gap >= documented / COMPRESSION * 0.9, (gaps, documented)


def test_acknowledged_at_the_third_try_stops_there(gateway_key, merchant_key):
    attempts, received = _notify_once(
        gateway_key, merchant_key, [(500, b"busy"), (500, b"busy"), (200, ACK)], "approve"
    )
    assert received == 3 and attempts[-1].acked


def test_uncompressed_by_default_and_bad_factors_refused(gateway_key):
    from cashier_app.sandbox.faults import FaultPlan

    notifier = Notifier(Signer(gateway_key), FaultPlan())
    assert notifier.delays == tuple(float(d) for d in ANTOM_SCHEDULE)
    assert Notifier(Signer(gateway_key), FaultPlan(), compression=60).delays[1] == 2.0
    with pytest.raises(ValueError, match="compression"):
        Notifier(Signer(gateway_key), FaultPlan(), compression=0)
    with pytest.raises(SandboxError, match="compression"):
        SandboxGateway(gateway_private_key=gateway_key, notify_compression=-1)
