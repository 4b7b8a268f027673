"""The wallet simulator's routes, read without regular expressions, as the patterns they
stand for read them (the patterns are kept here, as the reference)."""

from __future__ import annotations

import itertools
import re

from cashier_app.sandbox.simulator import _match

_ID = r"([A-Za-z0-9_-]{1,64})"
PATTERNS = [
    (re.compile(rf"^/sandbox/wallet/{_ID}$"), "wallet"),
    (re.compile(rf"^/sandbox/wallet/{_ID}/(pay|decline)$"), "wallet_action"),
    (re.compile(rf"^/sandbox/(?:code|applink)/{_ID}$"), "to_wallet"),
    (re.compile(rf"^/sandbox/payments/{_ID}$"), "payment"),
    (re.compile(rf"^/sandbox/payments/{_ID}/(approve|decline|expire|pending)$"), "control"),
    (re.compile(rf"^/sandbox/refunds/{_ID}/settle$"), "settle_refund"),
    (re.compile(r"^/sandbox/faults$"), "faults"),
    (re.compile(r"^/sandbox/autopay$"), "autopay"),
    (re.compile(r"^/sandbox/scenarios$"), "scenarios"),
    (re.compile(r"^/sandbox/scenario$"), "scenario"),
    (re.compile(r"^/sandbox/notifications$"), "notifications"),
    (re.compile(r"^/sandbox/merchants$"), "merchants"),
    (re.compile(r"^/sandbox/?(?:info)?$"), "info"),
    (re.compile(r"^/sandbox/wallets/([A-Za-z_]{1,64})/payment-code$"), "payment_code"),
]


def _reference(path: str) -> tuple[str, tuple[str, ...]] | None:
    for pattern, route in PATTERNS:
        m = pattern.match(path)
        if m:
            return route, m.groups()
    return None


def test_every_route_is_read_as_its_pattern_reads_it():
    kinds = ["wallet", "wallets", "code", "applink", "payments", "refunds", "faults", "info", ""]
    keys = ["P1", "a-b_c", "x" * 64, "x" * 65, "", "é", "A B", "ALIPAY_HK", "1/2", "..."]
    tails = [
        "", "/", "/pay", "/decline", "/approve", "/expire", "/pending", "/settle",
        "/payment-code", "/pay/", "/other", "/approve/x",
    ]  # fmt: skip
    paths = {
        "/sandbox", "/sandbox/", "/sandbox/info", "/sandboxinfo", "/sandbox/info/",
        "/sandbox/faults", "/sandbox/autopay", "/sandbox/scenarios", "/sandbox/scenario",
        "/sandbox/notifications", "/sandbox/merchants", "/sandbox/faults/", "/sandboxes",
        "/Sandbox/faults", "sandbox/faults", "//sandbox/faults", "/sandbox//payments/P1",
    }  # fmt: skip
    for kind, key, tail in itertools.product(kinds, keys, tails):
        paths.add(f"/sandbox/{kind}/{key}{tail}")
    assert len(paths) > 900
    for path in sorted(paths):
        assert _match(path) == _reference(path), path
