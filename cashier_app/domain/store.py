"""Who and where an in-store sale happens: the merchant, the store and the till."""

from __future__ import annotations

import re
from typing import Any

from cashier_app.domain.errors import InvalidValue
from cashier_app.domain.values import dataclass

_MCC = re.compile(r"[0-9]{4}")
_ID = re.compile(r"[A-Za-z0-9_.-]{1,64}")


@dataclass(frozen=True, slots=True)
class StoreInfo:
    """Who and where is selling: the merchant, the store and this till (terminal)."""

    merchant_id: str  #: referenceMerchantId (the merchant's own id)
    merchant_mcc: str  #: ISO 18245 merchant category code, 4 digits
    merchant_name: str
    store_id: str  #: referenceStoreId
    store_name: str
    store_mcc: str
    terminal_id: str  #: storeTerminalId: this till

    def check(self) -> StoreInfo:
        """ValueError naming the first bad field."""
        for name in ("merchant_id", "store_id", "terminal_id"):
            if not _ID.fullmatch(getattr(self, name) or ""):
                raise InvalidValue.of("must_1_64_letters_digits", name=name)
        for name in ("merchant_mcc", "store_mcc"):
            if not _MCC.fullmatch(getattr(self, name) or ""):
                raise InvalidValue.of("must_4_digit_merchant_category_code", name=name)
        for name in ("merchant_name", "store_name"):
            value = getattr(self, name) or ""
            if not value.strip() or len(value) > 256:
                raise InvalidValue.of("must_1_256_characters", name=name)
        return self

    def order_merchant(self) -> dict[str, Any]:
        return {
            "referenceMerchantId": self.merchant_id,
            "merchantMCC": self.merchant_mcc,
            "merchantName": self.merchant_name,
            "store": {
                "referenceStoreId": self.store_id,
                "storeName": self.store_name,
                "storeMCC": self.store_mcc,
                "storeTerminalId": self.terminal_id,
            },
        }
