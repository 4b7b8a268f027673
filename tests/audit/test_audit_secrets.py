"""Audit: a whole sale (pay, poll, notification, refund, failures) at DEBUG logging leaves
no private key text in logs, the journal, exceptions or reprs."""

from __future__ import annotations

import logging

import httpx
from antom_fakes import FakeAntom, key

from cashier_app.app import Credentials
from cashier_app.checkout.service import CheckoutService
from cashier_app.domain.payment_kit import PaymentInfo
from cashier_app.gateway.antom import AntomClient
from cashier_app.gateway.signing import (
    Signer,
    Verifier,
    load_private_key,
    private_key_pkcs8_base64,
)
from cashier_app.journal import Journal
from cashier_app.keystore.profiles import default_sandbox_profile


def _fragments(text: str) -> list[str]:
    return [text[i : i + 24] for i in range(40, len(text) - 24, 24)]


def test_no_private_key_text_anywhere_in_a_logged_sale(tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    fake = FakeAntom()
    secret = private_key_pkcs8_base64(fake.merchant_key)
    signer = Signer(load_private_key(secret))
    fake.failures.extend([httpx.ConnectError("boom"), 503])
    client = AntomClient(
        "https://gw.example",
        fake.client_id,
        signer,
        Verifier(fake.gateway_key.public_key()),
        transport=fake.transport(),
        sleep=lambda _s: None,
    )
    exchanges: list[object] = []
    client.observer = exchanges.append
    journal = Journal(tmp_path / "j.sqlite3")
    service = CheckoutService(client, journal, profile="t")
    rec = service.create_payment(PaymentInfo(1230, "HKD", "tea"), "ALIPAY_HK")
    fake.payments[rec.payment_request_id].status = "SUCCESS"
    service.refresh(rec.payment_request_id)
    service.refund(rec.payment_request_id)
    bad = Verifier(key("impostor").public_key())
    client.verifier = bad
    service.refresh(rec.payment_request_id)  # unverifiable answer: logged, not believed
    everything = "\n".join(
        [
            caplog.text,
            repr(signer),
            repr(client),
            repr(service.get(rec.payment_request_id)),
            repr(Credentials(default_sandbox_profile(), "", "C", signer, None)),
            *(repr(x) for x in exchanges),
            *(repr(e) for e in journal.events(rec.payment_request_id)),
            *(f.read_bytes().decode("latin-1") for f in tmp_path.glob("j.sqlite3*")),
        ]
    )
    assert "PRIVATE KEY" not in everything
    leaked = [f for f in _fragments(secret) if f in everything]
    assert not leaked
