"""Sale limits of a till: the largest sale it takes, and from which amount it asks first.

A profile may set both (in minor units of its currency); when it does not, the defaults
below apply. They are round figures of about USD 5,000 (largest sale) and a tenth of that
(ask for confirmation), in each currency's own terms, so a slip of the finger (an extra
zero) is caught before the customer is asked to pay it.
"""

from __future__ import annotations

from enum import Enum
from typing import ClassVar

from cashier_app.domain.errors import CashierError
from cashier_app.domain.money import CURRENCY_EXPONENTS, Money, check_currency
from cashier_app.domain.values import dataclass

#: Largest sale by default, in major units (about USD 5,000, rounded).
DEFAULT_MAX_SALE: dict[str, int] = {
    "AUD": 10_000, "BDT": 500_000, "BRL": 50_000, "CAD": 10_000, "CLP": 5_000_000,
    "CNY": 50_000, "EUR": 5_000, "GBP": 5_000, "HKD": 50_000, "IDR": 100_000_000,
    "JPY": 1_000_000, "KRW": 10_000_000, "MXN": 100_000, "MYR": 20_000, "NZD": 10_000,
    "PEN": 20_000, "PHP": 500_000, "PKR": 2_000_000, "PLN": 20_000, "SGD": 10_000,
    "THB": 200_000, "TWD": 200_000, "USD": 5_000, "VND": 200_000_000,
}  # fmt: skip

#: By default the till asks for confirmation from a tenth of the largest sale.
CONFIRM_FRACTION = 10


class SaleLimitError(CashierError):
    """A sale amount outside what the profile allows, or limits that do not fit."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "over_max": "{amount} is more than the largest sale this till takes ({limit})",
        "bad_limit": "{field} must be a positive whole number of minor units",
        "confirm_over_max": "the amount that asks for confirmation ({confirm}) is more than "
        "the largest sale ({limit})",
    }


class Verdict(Enum):
    OK = "ok"
    CONFIRM = "confirm"  #: a large sale: ask the operator first
    REFUSED = "refused"  #: over the largest sale


@dataclass(frozen=True, slots=True)
class SaleLimits:
    """``max_minor``: the largest sale; ``confirm_minor``: from this amount on, ask."""

    currency: str
    max_minor: int
    confirm_minor: int

    @classmethod
    def for_profile(
        cls, currency: str, max_minor: int | None = None, confirm_minor: int | None = None
    ) -> SaleLimits:
        """The profile's limits, each missing one taken from the currency's default."""
        code = check_currency(currency)
        default_max = DEFAULT_MAX_SALE.get(code, 10_000) * 10 ** CURRENCY_EXPONENTS[code]
        top = default_max if max_minor is None else check_limit(max_minor, "max_sale_minor")
        if confirm_minor is None:
            ask = min(top, default_max // CONFIRM_FRACTION)
        else:
            ask = check_limit(confirm_minor, "confirm_sale_minor")
        if ask > top:
            raise SaleLimitError.of(
                "confirm_over_max",
                confirm=Money(ask, code).display(),
                limit=Money(top, code).display(),
            )
        return cls(code, top, ask)

    @property
    def max_money(self) -> Money:
        return Money(self.max_minor, self.currency)

    @property
    def confirm_money(self) -> Money:
        return Money(self.confirm_minor, self.currency)

    def verdict(self, amount: Money) -> Verdict:
        if amount.value > self.max_minor:
            return Verdict.REFUSED
        if amount.value >= self.confirm_minor:
            return Verdict.CONFIRM
        return Verdict.OK

    def check(self, amount: Money) -> None:
        """Raise SaleLimitError when ``amount`` is over the largest sale."""
        if self.verdict(amount) is Verdict.REFUSED:
            raise SaleLimitError.of(
                "over_max", amount=amount.display(), limit=self.max_money.display()
            )


def check_limit(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 10**16:
        raise SaleLimitError.of("bad_limit", field=field)
    return value
