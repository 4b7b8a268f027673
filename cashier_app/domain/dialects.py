"""Wire dialects a merchant profile can speak: plain Antom AMS v1, or the AlipayHK envelope."""

from __future__ import annotations

from cashier_app.domain.errors import InvalidValue

ANTOM = "antom"
ALIPAYHK = "alipayhk"
DIALECTS = (ANTOM, ALIPAYHK)

#: The AlipayHK envelope (seed 004) creates AlipayHK payments in HKD only.
ALIPAYHK_METHODS = ("ALIPAY_HK",)
ALIPAYHK_CURRENCY = "HKD"


def check_dialect(value: object) -> str:
    """Missing/empty means "antom"; raises ValueError naming the allowed values otherwise."""
    if value in (None, ""):
        return ANTOM
    if not isinstance(value, str) or value.strip().lower() not in DIALECTS:
        raise InvalidValue.of("dialect_not_one", value=value, dialects=", ".join(DIALECTS))
    return value.strip().lower()
