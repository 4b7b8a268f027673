"""A real browser (Debian's headless Chromium, at a phone's viewport) opens the QR's URL on
the LAN listener (127.0.0.2) and gets the wallet page; skipped when Chromium is absent."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from sandbox_support import pay_body

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(BROWSER is None, reason="chromium is not installed")


#: What the brief asks for a headless Chromium that stays off every network but ours.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=390,844",
]


def _dom(url: str, tmp_path, lang: str = "en-US") -> str:
    done = subprocess.run(
        [
            str(BROWSER),
            *FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--accept-lang={lang}",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_chromium_follows_the_qr_to_the_wallet_page(sandbox, client, tmp_path):
    sandbox.start_lan("127.0.0.2")
    try:
        answer = client.post("pay", pay_body("browser-1")).json
        code = answer["orderCodeForm"]["codeDetails"][0]["codeValue"]
        dom = _dom(code, tmp_path, "zh-CN")
        assert 'data-status="PROCESSING"' in dom and "支付 HK$12.30" in dom
        assert f"/pay?t={sandbox.lan_token}" in dom  # the Pay form keeps the token
        refused = _dom(code.split("?")[0], tmp_path)
        assert "Link incomplete" in refused and 'id="pay"' not in refused
    finally:
        sandbox.stop_lan()
