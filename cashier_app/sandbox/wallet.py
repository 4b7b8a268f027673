"""The wallet simulator page served at ``normalUrl``: plain HTML with Pay and Decline forms."""

from __future__ import annotations

from datetime import datetime
from html import escape

from cashier_app.domain import methods
from cashier_app.sandbox import store as st

_STYLE = """
body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0;padding:24px;color:#1d2129}
.card{max-width:420px;margin:0 auto;background:#fff;border-radius:12px;padding:24px;
box-shadow:0 2px 12px rgba(0,0,0,.08)}
.wallet{color:#fff;border-radius:8px;padding:8px 12px;display:inline-block;font-weight:600}
.amount{font-size:2.2em;font-weight:700;margin:16px 0 4px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;font-size:.9em}
dt{color:#6b7280}dd{margin:0;word-break:break-all}
.status{font-weight:700;padding:8px 0}.actions{display:flex;gap:12px;margin-top:16px}
button{flex:1;font-size:1.1em;padding:12px;border:0;border-radius:8px;cursor:pointer}
.pay{background:#1677ff;color:#fff}.decline{background:#e5e7eb;color:#1d2129}
.note{font-size:.8em;color:#6b7280;margin-top:16px}
"""

_STATUS_TEXT = {
    st.PROCESSING: "Waiting for the payer",
    st.SUCCESS: "Paid",
    st.FAIL: "Failed",
    st.CANCELLED: "Cancelled by the merchant",
}


def _page(title: str, content: str) -> str:
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
            f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
            f"<body><main class=\"card\">{content}</main></body></html>")


def render_wallet(p: st.Payment, now: datetime, notice: str = "") -> str:
    """The simulator page for one payment; the buttons only while it is unpaid."""
    method = methods.get(p.method_type)
    status = _STATUS_TEXT.get(p.status, p.status)
    if p.status == st.FAIL:
        status = f"{status}: {p.result_code}"
    rows = [
        ("Merchant", p.client_id),
        ("Order", f"{p.order_description} ({p.reference_order_id})"),
        ("Payment id", p.payment_id),
        ("Expires", p.expires.strftime("%Y-%m-%d %H:%M:%S UTC")),
    ]
    details = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows)
    actions = ""
    if p.status == st.PROCESSING and now < p.expires:
        base = f"/sandbox/wallet/{escape(p.payment_id)}"
        actions = (
            f"<div class=\"actions\">"
            f"<form method=\"post\" action=\"{base}/pay\" style=\"flex:1;display:flex\">"
            f"<button class=\"pay\" id=\"pay\" type=\"submit\">Pay</button></form>"
            f"<form method=\"post\" action=\"{base}/decline\" style=\"flex:1;display:flex\">"
            f"<button class=\"decline\" id=\"decline\" type=\"submit\">Decline</button>"
            f"</form></div>")
    note_html = f"<p class=\"status\">{escape(notice)}</p>" if notice else ""
    content = (
        f"<span class=\"wallet\" style=\"background:{escape(method.brand_color)}\">"
        f"{escape(method.name_en)} · {escape(method.name_zh)}</span>"
        f"<div class=\"amount\">{escape(p.amount.display())}</div>"
        f"<p class=\"status\" id=\"status\" data-status=\"{escape(p.status)}\">"
        f"{escape(status)}</p>{note_html}<dl>{details}</dl>{actions}"
        f"<p class=\"note\">Cashier sandbox wallet simulator: no real money moves.</p>")
    return _page(f"{method.name_en} – {p.amount.display()}", content)


def render_message(title: str, message: str) -> str:
    """A small page for 'not found' and refused actions."""
    return _page(title, f"<h1>{escape(title)}</h1><p>{escape(message)}</p>")
