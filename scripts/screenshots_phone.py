"""Phone-viewport screenshots of the wallet page as a real phone sees it over the LAN.

Starts a sandbox with its LAN listener on 127.0.0.2 (a second loopback address standing in
for the LAN), creates a payment with a signed pay, and has headless Chromium (Debian's
``chromium``) open the pay answer's ``normalUrl`` at 390x844 before and after Pay, in
English and Chinese (the page follows the browser's Accept-Language). Writes
docs/screenshots/phone_wallet_{en,zh}_{before,paid}.png. Usage:

    .venv/bin/python scripts/screenshots_phone.py [OUT_DIR]
"""

from __future__ import annotations

import http.client
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cashier_app.gateway.signing import Signer, generate_private_key, request_time  # noqa: E402
from cashier_app.sandbox import SandboxGateway  # noqa: E402

CLIENT_ID = "TEA_HOUSE_DEMO"
LAN = "127.0.0.2"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--window-size=390,844",
    "--force-device-scale-factor=1",
]


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def shoot(url: str, out: Path, lang: str) -> None:
    """Chromium at a phone's viewport, ``lang`` as its Accept-Language."""
    browser = chromium()
    if browser is None:
        raise SystemExit("chromium is not installed (apt-get install -y chromium)")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                browser,
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--lang={lang}",
                f"--accept-lang={lang}",
                f"--screenshot={out}",
                url,
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def pay(gw: SandboxGateway, signer: Signer, request_id: str, value: str) -> dict:
    path = "/ams/api/v1/payments/pay"
    body = json.dumps(
        {
            "productCode": "CASHIER_PAYMENT",
            "paymentRequestId": request_id,
            "paymentAmount": {"currency": "CNY", "value": value},
            "order": {
                "referenceOrderId": f"order-{request_id}",
                "orderDescription": "Oolong tea ×2, almond cookies",
            },
            "paymentMethod": {"paymentMethodType": "ALIPAY_CN"},
            "env": {"terminalType": "WEB"},
        }
    ).encode()
    sent = request_time()
    parts = urlsplit(gw.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request(
        "POST",
        path,
        body=body,
        headers={
            "Content-Type": "application/json; charset=UTF-8",
            "client-id": CLIENT_ID,
            "Request-Time": sent,
            "Signature": signer.header("POST", path, CLIENT_ID, sent, body),
        },
    )
    answer = json.loads(conn.getresponse().read())
    conn.close()
    return answer


def press_pay(url: str) -> None:
    """Tap Pay as the phone does: the page's form target, with the token it carries."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request("GET", f"{parts.path}?{parts.query}")
    page = conn.getresponse().read().decode()
    target = page.split('action="', 1)[1].split('"', 1)[0]
    conn.request("POST", target, body=b"", headers={"Content-Length": "0"})
    response = conn.getresponse()
    response.read()
    conn.close()
    if response.status != 303:
        raise SystemExit(f"Pay answered HTTP {response.status}")


def main() -> int:
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out_dir.mkdir(parents=True, exist_ok=True)
    key = generate_private_key()
    with SandboxGateway(default_expiry_seconds=900) as gw:
        gw.register_merchant(CLIENT_ID, key.public_key())
        gw.start_lan(LAN)
        signer = Signer(key)
        for lang, accept in (("en", "en-US"), ("zh", "zh-CN")):
            answer = pay(gw, signer, f"phone-{lang}", "4280")
            url = answer["normalUrl"]
            assert url.startswith(gw.lan_url), url
            before = out_dir / f"phone_wallet_{lang}_before.png"
            shoot(url, before, accept)
            press_pay(url)
            paid = out_dir / f"phone_wallet_{lang}_paid.png"
            shoot(url, paid, accept)
            print(before.relative_to(ROOT) if before.is_relative_to(ROOT) else before)
            print(paid.relative_to(ROOT) if paid.is_relative_to(ROOT) else paid)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
