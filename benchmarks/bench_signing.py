"""Antom RSA256 sign and verify: ours (key parsed once, SHA-256 only) vs the SDK's
``signature_tool`` (which re-parses the PEM key on every ``sign`` and verifies with the
pure-Python ``rsa`` package). Same key (RSA-2048), same ~1 KB body, same signed string."""

from __future__ import annotations

import json
from typing import Any

from benchmarks.timing import interleaved_rates, rate
from cashier_app.gateway.signing import (
    Signer,
    Verifier,
    generate_private_key,
    private_key_pkcs8_base64,
    public_key_base64,
)

PATH = "/ams/sandbox/api/v1/payments/pay"
CLIENT_ID = "SANDBOX_BENCH"
TIME = "2026-11-21T23:48:15+00:00"


def sample_body() -> str:
    """A realistic pay body padded to about 1 KB, as the SDK would send it (indent=3)."""
    body: dict[str, Any] = {
        "productCode": "CASHIER_PAYMENT",
        "paymentRequestId": "bench-0001",
        "paymentAmount": {"currency": "HKD", "value": "1230"},
        "order": {
            "referenceOrderId": "order-0001",
            "orderDescription": "",
            "orderAmount": {"currency": "HKD", "value": "1230"},
        },
        "paymentMethod": {"paymentMethodType": "ALIPAY_HK"},
        "env": {"terminalType": "WEB"},
    }
    pad = 1024 - len(json.dumps(body, indent=3))
    body["order"]["orderDescription"] = ("Flat white, oat milk; " * 64)[:pad]
    return json.dumps(body, indent=3)


def run(seconds: float) -> dict[str, Any]:
    """Rates per second and ratios; each loop runs about ``seconds``."""
    from com.alipay.ams.api.tools import signature_tool

    key = generate_private_key()
    sdk_private = private_key_pkcs8_base64(key)  # the Dashboard's form; SDK accepts it
    sdk_public = public_key_base64(key.public_key())
    body = sample_body()
    signer, verifier = Signer(key), Verifier(key.public_key())
    signature = signer.sign("POST", PATH, CLIENT_ID, TIME, body)
    assert signature == signature_tool.sign("POST", PATH, CLIENT_ID, TIME, body, sdk_private)

    # ours against raw cryptography (same key object, the same bytes signed), in
    # alternating slices so that load from elsewhere falls on both alike
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    content = f"POST {PATH}\n{CLIENT_ID}.{TIME}.{body}".encode()
    pad, sha = padding.PKCS1v15(), hashes.SHA256()
    ours_sign, raw_sign = interleaved_rates(
        lambda: signer.sign("POST", PATH, CLIENT_ID, TIME, body),
        lambda: key.sign(content, pad, sha),
        seconds * 2,
    )
    sdk_sign = rate(
        lambda: signature_tool.sign("POST", PATH, CLIENT_ID, TIME, body, sdk_private), seconds * 1.5
    )
    ours_verify = rate(
        lambda: verifier.verify("POST", PATH, CLIENT_ID, TIME, body, signature), seconds
    )
    sdk_verify = rate(
        lambda: signature_tool.verify("POST", PATH, CLIENT_ID, TIME, body, signature, sdk_public),
        seconds,
    )
    # one sign + one verify: what a request/response pair costs each side
    ours_pair = 1 / (1 / ours_sign + 1 / ours_verify)
    sdk_pair = 1 / (1 / sdk_sign + 1 / sdk_verify)
    return {
        "body_bytes": len(body.encode()),
        "ours_sign_per_s": ours_sign,
        "sdk_sign_per_s": sdk_sign,
        "raw_sign_per_s": raw_sign,
        "sign_of_raw": ours_sign / raw_sign,
        "sign_ratio": ours_sign / sdk_sign,
        "ours_verify_per_s": ours_verify,
        "sdk_verify_per_s": sdk_verify,
        "verify_ratio": ours_verify / sdk_verify,
        "ours_sign_verify_per_s": ours_pair,
        "sdk_sign_verify_per_s": sdk_pair,
        "sign_verify_ratio": ours_pair / sdk_pair,
    }
