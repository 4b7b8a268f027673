"""Issue 10 item 9: an unverifiable inquiry is not a timeout.

Every inquiry answer fails verification (the sandbox signs them wrongly), the customer has
paid, and ``cashier pay --timeout`` runs out. The old till cancelled and recorded "not paid
in time". Now the payment stays UNKNOWN with what was tried and what the cancel did, and
recovery settles it once answers verify again.
"""

from __future__ import annotations

import json

from cashier_app.cli import main
from cashier_app.journal import Journal
from cashier_app.support import paths


def test_timeout_with_unverifiable_answers_is_unknown_not_unpaid(gateway, capsys):
    gateway.sandbox.faults.add("bad_signature", api="inquiryPayment", count=None)
    code = main(
        [
            "pay",
            "--amount",
            "12.30",
            "--currency",
            "HKD",
            "--method",
            "ALIPAY_HK",
            "--simulate",
            "approve",
            "--timeout",
            "2",
            "--json",
            *gateway.options,
        ]
    )
    out = json.loads(capsys.readouterr().out)
    assert code == 1
    assert out["status"] == "UNKNOWN", out
    assert out["result_code"] == "CANCEL_UNVERIFIED"
    message = out["result_message"]
    assert "whether it was paid is unknown" in message and "could not be verified" in message
    assert "the gateway confirmed the cancel" in message and "returns the money" in message
    assert "not paid in time" not in message
    [at_gateway] = gateway.payments()
    assert at_gateway.status == "CANCELLED"  # paid, then cancelled: the money goes back
    with Journal(paths.journal_path()) as journal:
        events = journal.events(out["payment_request_id"])
    [did] = [e for e in events if e.kind == "cancelled_unverified"]
    assert did.detail["result"] == "S SUCCESS" and did.detail["inquiries_unverified"] >= 1

    gateway.sandbox.faults.clear()  # answers verify again: recovery learns the truth
    assert main(["recover", "--json", *gateway.options]) == 0
    [line] = json.loads(capsys.readouterr().out)
    assert (line["payment_request_id"], line["status"]) == (out["payment_request_id"], "CANCELLED")
