"""Catalog of the Alipay and Alipay+ wallets the cashier can offer (Antom paymentMethodType)."""

from __future__ import annotations

from typing import Any, ClassVar

from cashier_app.domain.errors import CashierError
from cashier_app.domain.values import dataclass


@dataclass(frozen=True, slots=True)
class PaymentMethod:
    """One wallet as the picker shows it and as the gateway names it."""

    type: str  #: Antom ``paymentMethodType``
    name_en: str
    name_zh: str
    region: str  #: ISO 3166 alpha-2, or "multi"
    currencies: tuple[str, ...]
    brand_color: str  #: tile background, our own choice of colour (no brand files copied)
    alipay_plus: bool  #: shown under the Alipay+ heading with the Alipay+ mark
    initials: str  #: text painted on our own tile artwork
    #: (currency, minimum, maximum) per accepted currency, in minor units; a currency not
    #: listed has no limit known to us. Sources in cashier_app/sandbox/README.md.
    limits: tuple[tuple[str, int, int | None], ...] = ()
    #: Antom's default paymentExpiryTime for the method (docs.antom.com/ac/pm/default_timeout:
    #: 14 minutes for every wallet here).
    default_expiry_minutes: int = 14
    #: Refund rules (Alipay+ handbook, cashier-payment/refund-detail: full, partial and
    #: multiple refunds within one calendar year for the wallets it lists).
    refundable: bool = True
    partial_refund: bool = True
    multiple_refunds: bool = True
    refund_window_days: int = 365

    def accepts(self, currency: str) -> bool:
        return currency.upper() in self.currencies

    def limit_for(self, currency: str) -> tuple[int, int | None] | None:
        """(minimum, maximum or None) in minor units for ``currency``; None: no limit."""
        for cur, low, high in self.limits:
            if cur == currency.upper():
                return low, high
        return None

    def check_amount(self, value: int, currency: str) -> str:
        """ "" when ``value`` minor units are within the method's limits, else the MoneyError
        code that says which (``amount_below_minimum`` / ``amount_above_maximum``)."""
        limit = self.limit_for(currency)
        if limit is None:
            return ""
        low, high = limit
        if value < low:
            return "amount_below_minimum"
        if high is not None and value > high:
            return "amount_above_maximum"
        return ""

    def name(self, language: str = "en") -> str:
        return self.name_zh if language.lower().startswith("zh") else self.name_en


def _m(
    type_: str,
    en: str,
    zh: str,
    region: str,
    cur: str,
    colour: str,
    plus: bool,
    initials: str,
    **rules: Any,
) -> PaymentMethod:
    return PaymentMethod(type_, en, zh, region, tuple(cur.split()), colour, plus, initials, **rules)


# Alipay (ALIPAY_CN) is listed on its own, as Payment Kit lists "ali_pay"; the other wallets
# are Alipay+ partners and are grouped under the Alipay+ heading (docs/cashier-ux.md §4).
CATALOG: dict[str, PaymentMethod] = {m.type: m for m in (
    # minimum 0.10 CNY: docs.alipayplus.com (protocol doc §10); the maximum is ours
    _m("ALIPAY_CN", "Alipay", "支付宝", "CN", "CNY HKD USD EUR GBP SGD JPY KRW THB MYR AUD",
       "#1677FF", False, "支", limits=(("CNY", 10, 5_000_000),)),
    _m("ALIPAY_HK", "AlipayHK", "支付宝香港", "HK", "HKD", "#1A73E8", True, "HK"),
    _m("GCASH", "GCash", "GCash", "PH", "PHP", "#0057E4", True, "G"),
    _m("MAYA", "Maya", "Maya", "PH", "PHP", "#00A86B", True, "M"),
    _m("DANA", "DANA", "DANA", "ID", "IDR", "#118EEA", True, "D"),
    _m("TNG", "Touch 'n Go eWallet", "Touch 'n Go 电子钱包", "MY", "MYR", "#005ABB", True, "TNG"),
    _m("BOOST", "Boost", "Boost", "MY", "MYR", "#E4002B", True, "B"),
    _m("TRUEMONEY", "TrueMoney", "TrueMoney", "TH", "THB", "#F47B20", True, "TM"),
    _m("RABBIT_LINE_PAY", "Rabbit LINE Pay", "Rabbit LINE Pay", "TH", "THB", "#06B754", True,
       "RL"),
    _m("KPLUS", "K PLUS", "K PLUS", "TH", "THB", "#00A950", True, "K+"),
    _m("KAKAOPAY", "KakaoPay", "KakaoPay", "KR", "KRW", "#FEE500", True, "K"),
    _m("NAVERPAY", "NAVER Pay", "NAVER Pay", "KR", "KRW", "#03C75A", True, "N"),
    # 100 KRW to 2,000,000 KRW (bank-account payer): PPRO's Toss Pay method page
    _m("TOSSPAY", "Toss Pay", "Toss Pay", "KR", "KRW", "#0064FF", True, "T",
       limits=(("KRW", 100, 2_000_000),)),
    _m("BKASH", "bKash", "bKash", "BD", "BDT", "#E2136E", True, "bK"),
    _m("EASYPAISA", "Easypaisa", "Easypaisa", "PK", "PKR", "#3BB54A", True, "E"),
    _m("CONNECT_WALLET", "Alipay+ (any partner wallet)", "Alipay+（任一合作钱包）", "multi",
       "CNY HKD USD EUR GBP SGD JPY KRW THB MYR PHP IDR AUD", "#1B2B5A", True, "A+"),
)}  # fmt: skip


class UnknownMethodError(CashierError):
    """A paymentMethodType that is not in the catalog."""

    MESSAGES: ClassVar[dict[str, str]] = {"unknown_method": "unknown payment method {method}"}


def get(method_type: str) -> PaymentMethod:
    """The catalog entry for ``method_type``; raises UnknownMethodError."""
    try:
        return CATALOG[method_type.strip().upper()]
    except (KeyError, AttributeError):
        raise UnknownMethodError.of("unknown_method", method=repr(method_type)) from None


def methods_for(
    currency: str, enabled: tuple[str, ...] | list[str] | None = None
) -> list[PaymentMethod]:
    """Wallets that accept ``currency``, in catalog order, limited to ``enabled`` if given.

    Alipay is first, then the Alipay+ partners (the picker groups them under one heading).
    """
    wanted = {e.upper() for e in enabled} if enabled is not None else None
    return [
        m for m in CATALOG.values() if m.accepts(currency) and (wanted is None or m.type in wanted)
    ]
