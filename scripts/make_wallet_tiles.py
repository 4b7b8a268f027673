"""Generate our own wallet tile artwork (cashier_app/resources/wallets/<TYPE>.svg) from the catalog.

Each tile is a rounded square in the colour the catalog gives the wallet, with the wallet's
initials; Alipay+ partners carry a small "+" badge. No brand files are copied. Run it again
after changing ``cashier_app/domain/methods.py``:

    .venv/bin/python scripts/make_wallet_tiles.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cashier_app.domain.methods import CATALOG, PaymentMethod  # noqa: E402

FONT = "'Noto Sans', 'DejaVu Sans', 'WenQuanYi Micro Hei', 'Microsoft YaHei', sans-serif"


def _luminance(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _darker(hex_colour: str, factor: float = 0.82) -> str:
    r, g, b = (int(int(hex_colour[i : i + 2], 16) * factor) for i in (1, 3, 5))
    return f"#{r:02X}{g:02X}{b:02X}"


def tile_svg(method: PaymentMethod) -> str:
    """The SVG text of one tile (96 x 96 user units, scales to any size)."""
    ink = "#FFFFFF" if _luminance(method.brand_color) < 0.62 else "#1B1B1B"
    text = escape(method.initials)
    size = {1: 46, 2: 40, 3: 30}.get(len(method.initials), 26)
    badge = ""
    if method.alipay_plus and method.type != "CONNECT_WALLET":
        badge = (
            '  <circle cx="78" cy="78" r="14" fill="#FFFFFF"/>\n'
            '  <circle cx="78" cy="78" r="11" fill="#1677FF"/>\n'
            '  <rect x="72" y="76.5" width="12" height="3" rx="1.5" fill="#FFFFFF"/>\n'
            '  <rect x="76.5" y="72" width="3" height="12" rx="1.5" fill="#FFFFFF"/>\n'
        )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" width="96" height="96">\n'
        f"  <title>{escape(method.name_en)} (cashier artwork)</title>\n"
        '  <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">'
        f'<stop offset="0" stop-color="{method.brand_color}"/>'
        f'<stop offset="1" stop-color="{_darker(method.brand_color)}"/>'
        "</linearGradient></defs>\n"
        '  <rect x="0" y="0" width="96" height="96" rx="22" fill="url(#g)"/>\n'
        f'  <text x="48" y="{48 + size * 0.36:.1f}" text-anchor="middle" font-family="{FONT}" '
        f'font-weight="bold" font-size="{size}" fill="{ink}">{text}</text>\n'
        f"{badge}"
        "</svg>\n"
    )


def main() -> int:
    out = ROOT / "cashier_app" / "resources" / "wallets"
    out.mkdir(parents=True, exist_ok=True)
    for method in CATALOG.values():
        (out / f"{method.type}.svg").write_text(tile_svg(method), encoding="utf-8")
    print(f"wrote {len(CATALOG)} tiles to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
