"""Snapshots of a payment and a refund as the journal stores them and the UI shows them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.values import dataclass, field, replace

#: Where a payment was made, as reports, history and receipts label it. Sandbox money is
#: never real money: these are never added together.
EMBEDDED_SANDBOX = "embedded-sandbox"  #: the in-process demo gateway
ANTOM_SANDBOX = "antom-sandbox"  #: a SANDBOX_ client id (Antom's sandbox or a local one)
PRODUCTION = "production"
ENVIRONMENTS = (PRODUCTION, ANTOM_SANDBOX, EMBEDDED_SANDBOX)
ENVIRONMENT_LABELS = {
    PRODUCTION: "production",
    ANTOM_SANDBOX: "Antom sandbox - not real money",
    EMBEDDED_SANDBOX: "embedded demo sandbox - not real money",
}
#: The embedded sandbox's profile name (reserved: keystore/profiles.py keeps it embedded).
EMBEDDED_PROFILE = "sandbox"


def environment_of(profile: str, client_id: str, made_on: str = "") -> str:
    """The environment of a payment journaled under ``profile`` as ``client_id``:
    ``made_on`` when the journal recorded it (the embedded sandbox's sales, whatever the
    profile's name or client id), else guessed from the name and id (older rows)."""
    if made_on in ENVIRONMENTS:
        return made_on
    if profile == EMBEDDED_PROFILE:
        return EMBEDDED_SANDBOX
    if (client_id or profile).startswith("SANDBOX_"):
        return ANTOM_SANDBOX
    return PRODUCTION


@dataclass(frozen=True, slots=True)
class PaymentRecord:
    """One sale. ``payment_request_id`` is ours (the idempotency key); ``payment_id`` is
    the gateway's. Times are timezone-aware UTC."""

    payment_request_id: str
    profile: str
    amount: Money
    method: str  #: paymentMethodType
    status: Status
    created_at: datetime
    updated_at: datetime
    trade_summary: str = ""
    reference_order_id: str = ""
    result_code: str = ""
    result_message: str = ""
    payment_id: str = ""
    paid_at: datetime | None = None
    expires_at: datetime | None = None
    normal_url: str = ""
    scheme_url: str = ""
    applink_url: str = ""
    code_value: str = ""
    gateway_url: str = ""
    client_id: str = ""
    #: "" for an online Checkout Payment; for In-store (IN_STORE_PAYMENT) the scenario:
    #: "PaymentCode" (the till scanned the customer's code) or "OrderCode" (QR shown).
    scenario: str = ""
    #: The customer's payment code, masked (``2812••••••••••3456``); never the code itself.
    masked_code: str = ""
    #: Who took the sale (an operator id); None where nobody signed in (issue 17).
    operator: str | None = None
    #: EMBEDDED_SANDBOX for a sale made on the embedded sandbox (any profile name or client
    #: id); "" otherwise and in rows journaled before it was recorded (see environment_of).
    made_on: str = ""

    @property
    def is_final(self) -> bool:
        return self.status.is_final

    def __post_init__(self) -> None:
        digits = sum(c.isdigit() for c in self.masked_code)
        if self.masked_code and ("•" not in self.masked_code or digits > 8):
            raise ValueError("masked_code must be a masked payment code, never the code")

    @property
    def in_store(self) -> bool:
        return bool(self.scenario)

    @property
    def wallet_unknown(self) -> bool:
        """A scanned code the gateway refused without naming its wallet: the request said
        CONNECT_WALLET (any Alipay+ wallet), so which wallet the code was of is unknown."""
        return self.scenario == "PaymentCode" and self.method == "CONNECT_WALLET"

    @property
    def product(self) -> str:
        return "IN_STORE_PAYMENT" if self.scenario else "CASHIER_PAYMENT"

    @property
    def environment(self) -> str:
        """PRODUCTION, ANTOM_SANDBOX or EMBEDDED_SANDBOX (see ``environment_of``)."""
        return environment_of(self.profile, self.client_id, self.made_on)

    def with_changes(self, **changes: Any) -> PaymentRecord:
        return replace(self, **changes)

    def deep_link(self) -> str:
        """What "Open" launches: applinkUrl first, then schemeUrl, then normalUrl."""
        return self.applink_url or self.scheme_url or self.normal_url

    def qr_payload(self) -> str:
        """What the QR encodes: the order code value, else the H5 page."""
        return self.code_value or self.normal_url

    def summary_json(self) -> dict[str, Any]:
        """The fields of ``cashier pay --json`` / ``cashier history --json``."""
        return {
            "status": self.status.value,
            "result_code": self.result_code,
            "payment_request_id": self.payment_request_id,
            "payment_id": self.payment_id,
            "amount": self.amount.decimal_str(),
            "currency": self.amount.currency,
            "method": self.method,
            "created_at": self.created_at.isoformat(),
            "paid_at": self.paid_at.isoformat() if self.paid_at else None,
            "profile": self.profile,
            "product": self.product,
            **({"scenario": self.scenario} if self.scenario else {}),
            "environment": self.environment,
            **({"operator": self.operator} if self.operator else {}),
        }


@dataclass(frozen=True, slots=True)
class RefundRecord:
    """One refund of (part of) a successful payment."""

    refund_request_id: str
    payment_request_id: str
    amount: Money
    status: Status  #: PENDING while unanswered, SUCCESS, FAILED, UNKNOWN
    created_at: datetime
    updated_at: datetime
    refund_id: str = ""
    result_code: str = ""
    result_message: str = ""
    reason: str = ""
    refunded_at: datetime | None = None
    #: Who asked for the refund (an operator id); None where nobody signed in.
    operator: str | None = None
    approved_by: str | None = None  #: the manager whose PIN approved it (None: nobody)


@dataclass(frozen=True, slots=True)
class PaymentEvent:
    """One line of a payment's append-only timeline (never key material)."""

    payment_request_id: str
    at: datetime
    kind: str  #: e.g. "journaled", "request", "response", "poll", "notify", "state", "error"
    detail: dict[str, Any] = field(default_factory=dict)
    elapsed_ms: float | None = None
    operator: str | None = None  #: who was signed in when it happened (None: nobody)
