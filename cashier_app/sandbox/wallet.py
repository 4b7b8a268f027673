"""The wallet simulator page served at ``normalUrl``: a phone-sized confirmation screen.

Plain HTML and inline CSS (no script, no external resource), so it works on any phone that
scans the sandbox's QR code. The wallet is drawn with our own colour tile and initials from the
method catalog (no brand artwork). Pay and Decline are plain form posts, touch-sized.

The page speaks the phone's language where we have it: Simplified Chinese when the
browser's ``Accept-Language`` prefers ``zh`` (:func:`language`), English otherwise.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from cashier_app.domain import methods
from cashier_app.sandbox import store as st

_STYLE = """
*{box-sizing:border-box}
html{background:#eef1f5}
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC",sans-serif;
margin:0;color:#1d2129;-webkit-text-size-adjust:100%}
.phone{max-width:440px;min-height:100vh;margin:0 auto;background:#f6f7f9;display:flex;
flex-direction:column}
.bar{background:var(--brand);color:#fff;padding:18px 20px 56px;display:flex;
align-items:center;gap:12px}
.tile{width:44px;height:44px;border-radius:11px;background:#fff;color:var(--brand);
display:flex;align-items:center;justify-content:center;font-weight:800;font-size:17px;
flex:none;box-shadow:0 1px 3px rgba(0,0,0,.18)}
.bar .name{font-weight:700;font-size:18px;line-height:1.2}
.bar .sub{font-size:13px;opacity:.85}
.pill{margin-left:auto;font-size:11px;font-weight:700;letter-spacing:.06em;
text-transform:uppercase;border:1px solid rgba(255,255,255,.7);border-radius:999px;
padding:3px 9px}
.sheet{background:#fff;margin:-40px 14px 0;border-radius:18px;padding:22px 20px 20px;
box-shadow:0 6px 24px rgba(20,30,50,.10)}
.payee{display:flex;align-items:center;gap:10px;color:#4b5563;font-size:14px}
.avatar{width:34px;height:34px;border-radius:50%;background:#e8ecf2;color:#374151;
display:flex;align-items:center;justify-content:center;font-weight:700;flex:none}
.payee b{display:block;color:#1d2129;font-size:16px;word-break:break-all}
.amount{text-align:center;font-size:44px;font-weight:800;letter-spacing:-.02em;
margin:26px 0 4px;font-variant-numeric:tabular-nums}
.what{text-align:center;color:#6b7280;font-size:15px;margin:0 0 18px;word-break:break-word}
dl{margin:0;border-top:1px solid #eef0f3;padding-top:12px;display:grid;
grid-template-columns:max-content 1fr;gap:8px 14px;font-size:13px}
dt{color:#8a93a1}dd{margin:0;text-align:right;word-break:break-all;color:#374151}
.state{display:flex;align-items:center;gap:12px;border-radius:14px;padding:14px 16px;
margin:18px 0 0;font-weight:700;font-size:16px}
.state small{display:block;font-weight:500;font-size:13px;opacity:.85;margin-top:2px}
.icon{width:34px;height:34px;border-radius:50%;color:#fff;display:flex;align-items:center;
justify-content:center;font-size:19px;flex:none}
.PROCESSING{background:#eef4ff;color:#1d4ed8}.PROCESSING .icon{background:#3b82f6}
.SUCCESS{background:#e9f8ef;color:#157a3c}.SUCCESS .icon{background:#22a05a}
.FAIL{background:#fdeceb;color:#b42318}.FAIL .icon{background:#e5483d}
.EXPIRED,.CANCELLED{background:#f1f2f4;color:#4b5563}
.EXPIRED .icon,.CANCELLED .icon{background:#9aa3af}
.notice{margin:12px 0 0;padding:10px 14px;border-radius:10px;background:#fff7e6;
color:#8a5a00;font-size:14px}
.actions{padding:18px 14px 0;display:flex;flex-direction:column;gap:10px}
.actions form{margin:0;display:flex}
button{flex:1;font:inherit;font-size:17px;font-weight:700;padding:15px;min-height:52px;
border-radius:12px;touch-action:manipulation;
cursor:pointer;border:0}
.pay{background:var(--brand);color:#fff;box-shadow:0 4px 12px rgba(20,60,140,.25)}
.decline{background:#fff;color:#b42318;border:1px solid #f0c8c4}
.note{margin:auto 0 0;padding:22px 20px 18px;text-align:center;font-size:12px;color:#8a93a1}
h1{font-size:20px;margin:0 0 8px}
"""

_STATES = {  # class, icon, title
    st.PROCESSING: ("PROCESSING", "&#8230;", "Waiting for the payer"),
    st.SUCCESS: ("SUCCESS", "&#10003;", "Paid"),
    st.FAIL: ("FAIL", "&#10005;", "Failed"),
    st.CANCELLED: ("CANCELLED", "&#8211;", "Cancelled by the merchant"),
}
_EXPIRED = ("EXPIRED", "!", "This code has expired")

#: Kept for callers that want the plain words of a status.
_STATUS_TEXT = {status: title for status, (_c, _i, title) in _STATES.items()}

#: The page's words in Simplified Chinese (English is the key).
_ZH = {
    "Waiting for the payer": "等待付款",
    "Paid": "已支付",
    "Failed": "支付失败",
    "Cancelled by the merchant": "商家已取消",
    "This code has expired": "付款码已过期",
    "Declined": "已拒绝",
    "Expired at {time} unpaid": "{time} 已过期，未支付",
    "Confirm below to pay or decline": "请在下方确认支付或拒绝",
    "Paid at {time}": "支付时间 {time}",
    "Order": "订单",
    "Payment id": "支付单号",
    "Expires": "有效期至",
    "Pay {amount}": "支付 {amount}",
    "Decline": "拒绝",
    "Pay to": "付款给",
    "Sandbox": "沙箱",
    "Cashier sandbox wallet simulator · no real money moves": (
        "收银台沙箱钱包模拟器 · 不涉及真实资金"
    ),
    "Payment not found": "找不到该支付",
    "Link incomplete": "链接不完整",
    "This wallet page needs the link from the cashier's QR code. "
    "Scan the QR code on the cashier's screen again.": (
        "此钱包页面需要收银台二维码中的链接。请重新扫描收银台屏幕上的二维码。"
    ),
}


def language(accept_language: str | None) -> str:
    """``"zh"`` when the browser prefers Chinese over English, else ``"en"``."""
    best, best_q = "en", -1.0
    for part in (accept_language or "").split(","):
        tag, _, params = part.strip().partition(";")
        tag = tag.strip().lower()
        q = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                q = float(params[2:])
            except ValueError:
                q = 0.0
        primary = tag.split("-", 1)[0]
        if primary in ("zh", "en") and q > best_q:
            best, best_q = primary, q
    return best


def _t(text: str, lang: str, **values: str) -> str:
    words = _ZH.get(text, text) if lang == "zh" else text
    return words.format(**values) if values else words


def error_text(exc: BaseException, lang: str) -> str:
    """A refusal (a coded StateError, NotFound...) as the page's reader reads it: from
    its template in zh_CN's catalog (the one the till's GUI and CLI load) when ``lang``
    is ``zh``."""
    if lang != "zh":
        return str(exc)
    from cashier_app.domain.errors import render
    from cashier_app.support.catalog import Catalog

    catalog = Catalog.load("zh_CN")
    return render(exc, lambda s: catalog.translate("CashierError", s) or s)


def _page(title: str, content: str, brand: str = "#5f6b7a", lang: str = "en") -> str:
    html_lang = "zh-Hans" if lang == "zh" else "en"
    note = escape(_t("Cashier sandbox wallet simulator · no real money moves", lang))
    return (
        f'<!doctype html><html lang="{html_lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1,'
        f'viewport-fit=cover">'
        f'<meta name="robots" content="noindex">'
        f'<meta name="referrer" content="no-referrer">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f'<body style="--brand:{escape(brand)}"><main class="phone">{content}'
        f'<p class="note">{note}</p></main></body></html>'
    )


def _shop_time(at: datetime, form: str) -> str:
    """``at`` on this computer's clock with its zone's name ("01:50:56 HKT"): the phone
    and the till stand in the same shop, and a customer reads local time, not UTC."""
    local = at.astimezone()
    return f"{local.strftime(form)} {local.tzname() or local.strftime('%z')}"


def _state(p: st.Payment, lang: str) -> tuple[str, str, str, str]:
    """(css class, icon, title, detail) of the payment's state box."""
    if p.status == st.FAIL and p.result_code == st.EXPIRED_CODE:
        css, icon, title = _EXPIRED
        at = _shop_time(p.expires, "%H:%M:%S")
        return css, icon, _t(title, lang), _t("Expired at {time} unpaid", lang, time=at)
    css, icon, title = _STATES.get(p.status, ("PROCESSING", "?", p.status))
    if p.status == st.PROCESSING:
        return css, icon, _t(title, lang), _t("Confirm below to pay or decline", lang)
    if p.status == st.SUCCESS and p.paid_at is not None:
        at = _shop_time(p.paid_at, "%H:%M:%S")
        return css, icon, _t(title, lang), _t("Paid at {time}", lang, time=at)
    if p.status == st.FAIL:
        if p.result_code in st.DECLINE_CODES:
            title = "Declined"
        return css, icon, _t(title, lang), f"{p.result_code}: {p.result_message}"
    return css, icon, _t(title, lang), p.result_message


def render_wallet(
    p: st.Payment, now: datetime, notice: str = "", *, suffix: str = "", lang: str = "en"
) -> str:
    """The simulator page for one payment; the buttons only while it is unpaid.
    ``suffix`` (``?t=<token>`` on the LAN listener) rides on the form targets."""
    method = methods.get(p.method_type)
    css, icon, title, detail = _state(p, lang)
    merchant = p.client_id
    rows = [
        (_t("Order", lang), p.reference_order_id),
        (_t("Payment id", lang), p.payment_id),
        (_t("Expires", lang), _shop_time(p.expires, "%Y-%m-%d %H:%M:%S")),
    ]
    details = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows)
    actions = ""
    if p.status == st.PROCESSING and now < p.expires:
        base = f"/sandbox/wallet/{escape(p.payment_id)}"
        tail = escape(suffix)
        pay = escape(_t("Pay {amount}", lang, amount=p.amount.display()))
        actions = (
            f'<div class="actions">'
            f'<form method="post" action="{base}/pay{tail}">'
            f'<button class="pay" id="pay" type="submit">{pay}</button></form>'
            f'<form method="post" action="{base}/decline{tail}">'
            f'<button class="decline" id="decline" type="submit">'
            f"{escape(_t('Decline', lang))}</button>"
            f"</form></div>"
        )
    name, other = (
        (method.name_zh, method.name_en) if lang == "zh" else (method.name_en, method.name_zh)
    )
    sub = f'<br><span class="sub">{escape(other)}</span>' if other != name else ""
    notice_html = f'<p class="notice" role="alert">{escape(notice)}</p>' if notice else ""
    content = (
        f'<header class="bar"><span class="tile" aria-hidden="true">'
        f'{escape(method.initials)}</span><span><span class="name">'
        f"{escape(name)}</span>{sub}</span>"
        f'<span class="pill">{escape(_t("Sandbox", lang))}</span></header>'
        f'<section class="sheet">'
        f'<div class="payee"><span class="avatar" aria-hidden="true">'
        f"{escape(merchant[:1].upper())}</span><span>{escape(_t('Pay to', lang))}"
        f"<b>{escape(merchant)}</b></span>"
        f"</div>"
        f'<div class="amount" id="amount">{escape(p.amount.display())}</div>'
        f'<p class="what">{escape(p.order_description)}</p>'
        f"<dl>{details}</dl>"
        f'<div class="state {css}" id="status" data-status="{escape(p.status)}">'
        f'<span class="icon" aria-hidden="true">{icon}</span>'
        f"<span>{escape(title)}<small>{escape(detail)}</small></span></div>"
        f"{notice_html}</section>{actions}"
    )
    return _page(f"{name} – {p.amount.display()}", content, method.brand_color, lang)


def render_message(title: str, message: str, lang: str = "en") -> str:
    """A small page for 'not found' and refused actions."""
    return _page(
        _t(title, lang),
        f'<section class="sheet" style="margin-top:24px">'
        f"<h1>{escape(_t(title, lang))}</h1><p>{escape(_t(message, lang))}</p></section>",
        lang=lang,
    )
