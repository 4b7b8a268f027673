"""The wallet simulator's payment-code screen: what the customer shows the cashier.

A barcode (Code 128) and a QR of the 18-digit code, the digits themselves masked as a real
wallet shows them (the full code is in the symbols only, so a screenshot of the page does
not spell it out), a countdown to the next refresh (the page reloads itself every 60 s
with a fresh code) and links to the other scenarios. Plain HTML, inline SVG, no script.
"""

from __future__ import annotations

import io
from datetime import datetime
from html import escape
from urllib.parse import quote

from cashier_app.domain import methods
from cashier_app.domain.payment_code import mask
from cashier_app.sandbox import wallet
from cashier_app.sandbox.payment_codes import CODE_LIFETIME, SCENARIOS, PaymentCode

_SCENARIO_TEXT = {
    "pay": "Pays at once",
    "confirm": "Asks me to confirm",
    "confirm_then_pay": "Confirms, then pays",
    "confirm_then_decline": "Confirms, then declines",
    "balance": "Balance too low",
    "expired": "Code already expired",
    "unknown": "Code the wallet never issued",
}

_STYLE = """
.code{background:#fff;border-radius:14px;padding:14px 10px;text-align:center}
.code svg{display:block;margin:0 auto;max-width:100%;height:auto}
.bars svg{width:100%;height:92px}
.qr svg{width:196px;height:196px;margin-top:10px}
.digits{font:600 17px ui-monospace,Menlo,Consolas,monospace;letter-spacing:.08em;
color:#374151;margin:8px 0 0}
.refresh{font-size:13px;color:#6b7280;text-align:center;margin:10px 0 0}
.scen{display:flex;flex-wrap:wrap;gap:6px;padding:14px 14px 0}
.scen a{font-size:13px;text-decoration:none;color:#374151;background:#fff;
border:1px solid #d8dde5;border-radius:999px;padding:6px 10px}
.scen a.on{background:var(--brand);color:#fff;border-color:var(--brand)}
"""


def _svg_barcode(value: str) -> str:
    import barcode
    from barcode.writer import SVGWriter

    out = io.BytesIO()
    barcode.get("code128", value, writer=SVGWriter()).write(
        out, options={"write_text": False, "module_height": 18.0, "quiet_zone": 3.0}
    )
    svg = out.getvalue().decode("utf-8")
    return svg[svg.index("<svg") :]


def _svg_qr(value: str) -> str:
    import qrcode
    import qrcode.image.svg

    img = qrcode.make(value, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    svg = img.to_string(encoding="unicode")
    return str(svg[svg.index("<svg") :])


def render_code(code: PaymentCode, now: datetime, *, suffix: str = "") -> str:
    """The code screen; ``suffix`` (``?t=<token>`` on the LAN) rides on its links."""
    token = f"&{suffix[1:]}" if suffix else ""
    method = methods.get(code.method_type)
    assert code.expires is not None
    left = max(0, int((code.expires - now).total_seconds()))
    refresh_in = max(1, left) if code.scenario != "expired" else int(CODE_LIFETIME.total_seconds())
    base = f"/sandbox/wallets/{quote(method.type)}/payment-code"
    links = "".join(
        f'<a class="{"on" if s == code.scenario else ""}" '
        f'href="{base}?scenario={s}{escape(token)}">'
        f"{escape(_SCENARIO_TEXT[s])}</a>"
        for s in SCENARIOS
    )
    content = (
        f"<style>{_STYLE}</style>"
        f'<header class="bar"><span class="tile" aria-hidden="true">'
        f'{escape(method.initials)}</span><span><span class="name">'
        f'{escape(method.name_en)}</span><br><span class="sub">Pay at the counter · '
        f'付款码</span></span><span class="pill">Sandbox</span></header>'
        f'<section class="sheet"><div class="code" id="payment-code" '
        f'data-scenario="{escape(code.scenario)}">'
        f'<div class="bars">{_svg_barcode(code.value)}</div>'
        f'<p class="digits">{escape(mask(code.value))}</p>'
        f'<div class="qr">{_svg_qr(code.value)}</div></div>'
        f'<p class="refresh">{escape(_SCENARIO_TEXT[code.scenario])} · refreshes in '
        f"{left} s · usable once</p></section>"
        f'<nav class="scen" aria-label="Scenario">{links}</nav>'
    )
    page = wallet._page(f"{method.name_en} payment code", content, method.brand_color)
    return page.replace(
        '<meta name="robots"',
        f'<meta http-equiv="refresh" content="{refresh_in}"><meta name="robots"',
        1,
    )
