"""Is the gateway reachable, and do both keys work? One harmless signed call tells.

``inquiryPayment`` for a paymentRequestId that cannot exist: a gateway that knows our
client id and our public key answers ``ORDER_NOT_EXIST`` *signed*; verifying that answer
proves the gateway public key too. Any other answer names the broken link, so an operator
setting up a real account learns which key is wrong before the first customer is waiting.
"""

from __future__ import annotations

import time
import uuid

from cashier_app.checkout.codes import CODE_NOT_AT_GATEWAY
from cashier_app.domain.values import dataclass, replace
from cashier_app.gateway.antom import AntomClient, Exchange
from cashier_app.gateway.errors import (
    GatewayError,
    GatewayResultError,
    GatewayTimeout,
    MalformedResponse,
    ResponseSignatureError,
    TransportError,
)
from cashier_app.gateway.signing import SignatureError, parse_header_time

#: Codes meaning "the gateway does not accept how we sign" and what to do about each.
_KEY_PROBLEMS = {
    "INVALID_SIGNATURE": "the gateway rejects our signature: the public key registered in "
    "the Antom Dashboard is not this profile's merchant key (export it "
    "with 'cashier keys export-public' and upload it)",
    "KEY_NOT_FOUND": "the gateway has no public key for this client id and key version: "
    "upload the merchant public key in the Antom Dashboard, or check the "
    "profile's key version",
    "CLIENT_INVALID": "the gateway does not know this client id: check the profile's client "
    "id and environment (SANDBOX_ ids need the sandbox)",
    "INVALID_CLIENT_STATUS": "the gateway says this client id is not active",
    "ACCESS_DENIED": "the gateway refuses this client id access to inquiryPayment",
}


@dataclass(frozen=True, slots=True)
class ProbeResult:
    ok: bool
    summary: str  #: one line for a status bar or a checklist
    code: str = ""  #: the gateway's result code, or the local one for transport problems
    elapsed_ms: float = 0.0
    #: The gateway's clock minus ours (its signed Response-Time against the middle of the
    #: round trip), in seconds; None when no verified answer came back.
    skew_seconds: float | None = None


def probe_gateway(client: AntomClient) -> ProbeResult:
    """One signed ``inquiryPayment`` for an id that cannot exist; blocking (a worker's job).
    Also measures how far the gateway's clock is from ours (``skew_seconds``)."""
    with client.capture() as exchanges:
        result = _probe(client)
    return replace(result, skew_seconds=clock_skew(exchanges))


def clock_skew(exchanges: list[Exchange]) -> float | None:
    """Seconds the gateway's clock is ahead of ours (negative: behind), from the last
    verified answer's Response-Time; None without one."""
    for x in reversed(exchanges):
        sent = x.response_headers.get("response-time", "")
        if x.verified and sent:
            try:
                theirs = parse_header_time(sent).timestamp()
            except SignatureError:
                return None
            return theirs - (x.started_at + x.elapsed_ms / 2000)
    return None


def _probe(client: AntomClient) -> ProbeResult:
    started = time.perf_counter()
    request_id = f"PROBE-{uuid.uuid4().hex}"

    def done(ok: bool, summary: str, code: str = "") -> ProbeResult:
        return ProbeResult(ok, summary, code, (time.perf_counter() - started) * 1000)

    try:
        client.inquiry_payment(payment_request_id=request_id)
    except GatewayResultError as exc:
        if exc.result_code == CODE_NOT_AT_GATEWAY:
            return done(
                True,
                "gateway reachable; merchant key accepted; gateway key verified",
                exc.result_code,
            )
        problem = _KEY_PROBLEMS.get(exc.result_code)
        if problem:
            return done(False, problem, exc.result_code)
        return done(
            False, f"unexpected answer {exc.result_code}: {exc.result_message}", exc.result_code
        )
    except ResponseSignatureError as exc:
        return done(
            False,
            "the gateway's answer does not verify with this profile's gateway "
            "public key (was the merchant's own public key imported as the "
            f"gateway key?): {exc}",
            "RESPONSE_SIGNATURE_INVALID",
        )
    except GatewayTimeout as exc:
        return done(False, f"the gateway did not answer in time: {exc}", "GATEWAY_TIMEOUT")
    except TransportError as exc:
        return done(False, f"the gateway is unreachable: {exc}", "NETWORK_ERROR")
    except MalformedResponse as exc:
        return done(False, f"the gateway's answer is not Antom's: {exc}", "RESPONSE_MALFORMED")
    except GatewayError as exc:
        return done(False, str(exc), type(exc).__name__)
    # A signed S for an id that cannot exist: the signature is fine, the gateway is odd.
    return done(
        True, "gateway reachable; keys verified (it answered an unknown id with S)", "SUCCESS"
    )
