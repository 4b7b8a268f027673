"""A real phone in the demo: the LAN listener, its per-session token, and the links that
point there (issue 16 item 3). 127.0.0.2 plays the LAN: never a non-loopback address."""

from __future__ import annotations

import http.client
import json
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from sandbox_support import CLIENT_ID, RawClient, pay_body
from zh_errors import zh

from cashier_app.gateway.signing import Signer, Verifier, generate_private_key
from cashier_app.sandbox import SandboxError
from cashier_app.sandbox.wallet import language

LAN = "127.0.0.2"
ROOT = Path(__file__).resolve().parents[2]


def _http(url: str, method: str = "GET", body: bytes = b"", headers=None):
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        conn.request(method, target, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read().decode()
    finally:
        conn.close()


def _links(answer: dict) -> dict[str, str]:
    qr = parse_qs(urlsplit(answer["schemeUrl"]).query)["qrcode"][0]
    return {
        "normalUrl": answer["normalUrl"],
        "applinkUrl": answer["applinkUrl"],
        "codeValue": answer["orderCodeForm"]["codeDetails"][0]["codeValue"],
        "schemeUrl qrcode": unquote(qr),
    }


def _without_token(url: str) -> str:
    return url.split("?", 1)[0]


@pytest.fixture
def lan(sandbox):
    url = sandbox.start_lan(LAN)
    yield url
    sandbox.stop_lan()


def test_pay_answer_links_point_to_the_lan_with_the_token(sandbox, client, lan):
    answer = client.post("pay", pay_body("lan-1")).json
    assert lan.startswith(f"http://{LAN}:") and sandbox.lan_token
    for name, url in _links(answer).items():
        parts = urlsplit(url)
        assert f"{parts.scheme}://{parts.netloc}" == lan, name
        assert parse_qs(parts.query) == {"t": [sandbox.lan_token]}, name
    assert answer["schemeUrl"].startswith("alipayhk://platformapi/startApp?")


def test_links_stay_on_loopback_without_lan(sandbox, client):
    answer = client.post("pay", pay_body("loop-1")).json
    for name, url in _links(answer).items():
        assert url.startswith(sandbox.url + "/sandbox/") and "?" not in url, name


def test_every_lan_route_refuses_without_the_token(sandbox, client, lan):
    answer = client.post("pay", pay_body("lan-2")).json
    pid = answer["paymentId"]
    routes = [
        ("GET", f"/sandbox/wallet/{pid}"),
        ("POST", f"/sandbox/wallet/{pid}/pay"),
        ("POST", f"/sandbox/wallet/{pid}/decline"),
        ("GET", f"/sandbox/code/{pid}"),
        ("GET", f"/sandbox/applink/{pid}"),
        ("GET", f"/sandbox/payments/{pid}"),
        ("POST", f"/sandbox/payments/{pid}/approve"),
        ("POST", f"/sandbox/payments/{pid}/expire"),
        ("GET", "/sandbox/faults"),
        ("POST", "/sandbox/faults"),
        ("POST", "/sandbox/autopay"),
        ("GET", "/sandbox/info"),
        ("POST", "/sandbox/merchants"),
        ("GET", "/sandbox/wallets/ALIPAY_HK/payment-code"),
        ("GET", "/sandbox/no-such-route"),
    ]
    wrong = "x" * len(sandbox.lan_token)
    for method, path in routes:
        for query, headers in (
            ("", {}),
            (f"?t={wrong}", {}),
            ("?t=", {}),
            ("", {"X-Sandbox-Token": wrong}),
        ):
            status, _, text = _http(f"{lan}{path}{query}", method, b"{}", headers)
            assert status == 403, (method, path, query, headers)
            assert sandbox.lan_token not in text
    assert sandbox.payment(pid)["paymentStatus"] == "PROCESSING"  # nothing was paid
    assert sandbox.faults.active() == [] and not sandbox.autopay.active


def test_the_phone_pays_with_the_token_and_sees_the_result(sandbox, client, lan):
    answer = client.post("pay", pay_body("lan-3")).json
    token = sandbox.lan_token
    # The QR's code URL leads to the page, keeping the token.
    status, headers, _ = _http(answer["orderCodeForm"]["codeDetails"][0]["codeValue"])
    assert status == 302
    assert headers["Location"] == f"/sandbox/wallet/{answer['paymentId']}?t={token}"
    status, _, page = _http(answer["normalUrl"])
    assert status == 200 and 'data-status="PROCESSING"' in page
    assert f'action="/sandbox/wallet/{answer["paymentId"]}/pay?t={token}"' in page
    assert f'action="/sandbox/wallet/{answer["paymentId"]}/decline?t={token}"' in page
    page_url = _without_token(answer["normalUrl"])
    status, headers, _ = _http(f"{page_url}/pay?t={token}", "POST")
    assert status == 303 and headers["Location"].endswith(f"?t={token}")
    status, _, page = _http(f"{lan}{headers['Location']}")
    assert 'data-status="SUCCESS"' in page and 'id="pay"' not in page
    assert sandbox.payment(answer["paymentId"])["paymentStatus"] == "SUCCESS"


def test_the_token_as_a_header_drives_the_control_routes(sandbox, client, lan):
    pid = client.post("pay", pay_body("lan-4")).json["paymentId"]
    status, _, text = _http(
        f"{lan}/sandbox/payments/{pid}/decline",
        "POST",
        b"{}",
        {"X-Sandbox-Token": sandbox.lan_token, "Content-Type": "application/json"},
    )
    assert status == 200 and json.loads(text)["paymentStatus"] == "FAIL"


def test_loopback_routes_need_no_token_while_the_lan_runs(sandbox, client, lan):
    answer = client.post("pay", pay_body("lan-5")).json
    local = f"{sandbox.url}/sandbox/wallet/{answer['paymentId']}"
    status, _, page = _http(local)
    assert status == 200 and "?t=" not in page  # loopback pages carry no token
    status, _, _ = _http(f"{local}/pay", "POST")
    assert status == 303
    status, _, info = _http(f"{sandbox.url}/sandbox/info")
    assert json.loads(info)["lan_url"] == lan and sandbox.lan_token not in info


def test_the_api_on_the_lan_stays_signature_checked(sandbox, merchant_key, gateway_key, lan):
    good = RawClient(lan, CLIENT_ID, Signer(merchant_key), Verifier(gateway_key.public_key()))
    reply = good.post("pay", pay_body("lan-6"))
    assert reply.verified and reply.result["resultCode"] == "PAYMENT_IN_PROCESS"
    stranger = RawClient(
        lan, CLIENT_ID, Signer(generate_private_key()), Verifier(gateway_key.public_key())
    )
    reply = stranger.post("pay", pay_body("lan-7"))
    assert reply.verified and reply.result["resultCode"] == "INVALID_SIGNATURE"
    # a token does not stand in for a signature
    reply = good.post(
        "pay",
        pay_body("lan-8"),
        drop=("Signature",),
        path=f"/ams/api/v1/payments/pay?t={sandbox.lan_token}",
    )
    assert reply.result["resultCode"] == "INVALID_SIGNATURE"


def test_each_lan_session_has_a_new_token_and_stop_voids_it(sandbox, client):
    first_url = sandbox.start_lan(LAN)
    first = sandbox.lan_token
    answer = client.post("pay", pay_body("lan-9")).json
    sandbox.stop_lan()
    assert sandbox.lan_url == "" and sandbox.lan_token == ""
    with pytest.raises(OSError):
        _http(answer["normalUrl"])  # the LAN port is closed
    # links point to loopback again (a repeated pay answers with the current links)
    again = client.post("pay", pay_body("lan-9")).json
    assert again["normalUrl"] == f"{sandbox.url}/sandbox/wallet/{answer['paymentId']}"
    second_url = sandbox.start_lan(LAN)
    try:
        assert sandbox.lan_token != first and len(sandbox.lan_token) >= 22
        status, _, _ = _http(
            f"{_without_token(answer['normalUrl'])}?t={first}".replace(first_url, second_url)
        )
        assert status == 403  # the old session's token opens nothing
    finally:
        sandbox.stop_lan()


@pytest.mark.parametrize(
    "address, words",
    [
        ("0.0.0.0", "cannot be put in a QR code"),
        ("::", "cannot be put in a QR code"),
        ("my-laptop", "is not an IP address"),
        ("", "is not an IP address"),
    ],
)
def test_a_bad_lan_address_is_refused_naming_it(sandbox, address, words):
    with pytest.raises(SandboxError, match=words):
        sandbox.start_lan(address)
    assert sandbox.lan_url == ""


def test_a_taken_lan_port_is_refused_clearly(sandbox):
    url = sandbox.start_lan(LAN)
    port = int(url.rsplit(":", 1)[1])
    try:
        from cashier_app.sandbox import SandboxGateway

        other = SandboxGateway(gateway_private_key=generate_private_key()).start()
        try:
            with pytest.raises(SandboxError, match="port is in use") as info:
                other.start_lan(LAN, port)
            assert (
                zh(info.value)
                == f"无法在 {LAN}:{port} 上提供服务：端口已被占用（请换一个，或填 0）"
            )
        finally:
            other.stop()
    finally:
        sandbox.stop_lan()


def test_the_token_never_reaches_the_log(sandbox, client, lan, caplog):
    answer = client.post("pay", pay_body("lan-10")).json
    with caplog.at_level(logging.DEBUG, logger="cashier_app.sandbox"):
        _http(answer["normalUrl"])
    assert "t=***" in caplog.text and sandbox.lan_token not in caplog.text


def test_the_page_speaks_chinese_to_a_chinese_phone(sandbox, client, lan):
    answer = client.post("pay", pay_body("lan-11")).json
    _, _, zh = _http(answer["normalUrl"], headers={"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"})
    assert '<html lang="zh-Hans">' in zh and "支付 HK$12.30" in zh and "拒绝" in zh
    assert "付款给" in zh and "等待付款" in zh
    _, _, en = _http(answer["normalUrl"], headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert "Pay HK$12.30" in en and "Decline" in en and "Pay to" in en
    status, _, refused = _http(
        _without_token(answer["normalUrl"]), headers={"Accept-Language": "zh-CN"}
    )
    assert status == 403 and "链接不完整" in refused


@pytest.mark.parametrize(
    "header, lang",
    [
        ("zh-CN,zh;q=0.9", "zh"),
        ("en-US,zh;q=0.5", "en"),
        ("zh-TW;q=0.4, en;q=0.8", "en"),
        ("fr-FR,zh;q=0.3", "zh"),
        ("", "en"),
        (None, "en"),
        ("de;q=abc", "en"),
    ],
)
def test_language_from_accept_language(header, lang):
    assert language(header) == lang


def test_the_page_is_phone_sized_and_self_contained(sandbox, client, lan):
    answer = client.post("pay", pay_body("lan-12")).json
    _, _, page = _http(answer["normalUrl"])
    assert 'name="viewport" content="width=device-width' in page
    assert "min-height:52px" in page  # touch-sized buttons
    for external in ("http://", "https://", "<script", "src="):
        assert external not in page.split("</title>", 1)[1], external


# -- cashier sandbox --lan ------------------------------------------------------------------


def test_cli_lan_prints_the_lan_url_and_token_and_explains(merchant_key, gateway_key, tmp_path):
    from cashier_app.gateway.signing import private_key_pkcs8_base64, public_key_pem

    key_file = tmp_path / "merchant.pem"
    key_file.write_text(public_key_pem(merchant_key.public_key()))
    gw_file = tmp_path / "gateway.key"
    gw_file.write_text(private_key_pkcs8_base64(gateway_key))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "cashier_app",
            "sandbox",
            "--sign-workers",
            "0",
            "--gateway-private-key",
            str(gw_file),
            "--merchant",
            f"{CLIENT_ID}={key_file}",
            "--lan",
            LAN,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    try:
        info = json.loads(proc.stdout.readline())
        assert info["url"].startswith("http://127.0.0.1:")
        assert info["lan_url"].startswith(f"http://{LAN}:") and len(info["lan_token"]) >= 22
        client = RawClient(
            info["url"], CLIENT_ID, Signer(merchant_key), Verifier(gateway_key.public_key())
        )
        answer = client.post("pay", pay_body("cli-lan")).json
        assert answer["normalUrl"].startswith(info["lan_url"])
        assert answer["normalUrl"].endswith(f"?t={info['lan_token']}")
        assert _http(_without_token(answer["normalUrl"]))[0] == 403
        assert _http(answer["normalUrl"])[0] == 200
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    err = proc.stderr.read()
    assert f"Wallet pages for phones: {info['lan_url']}" in err
    assert "loopback address: only this computer can open it" in err
    assert "same network" in err and "firewall" in err
    assert info["lan_token"] not in err


@pytest.mark.parametrize(
    "value, words",
    [
        ("0.0.0.0", "cannot be put in a QR code"),
        ("laptop.local", "is not an IP address"),
        (f"{LAN}:99999", "port must be a number from 0 to 65535"),
        (f"{LAN}:http", "port must be a number from 0 to 65535"),
    ],
)
def test_cli_lan_refuses_a_bad_address_naming_it(value, words):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "cashier_app", "sandbox", "--lan", value],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=30,
    )
    assert done.returncode == 2
    assert f"--lan {value}" in done.stderr and words in done.stderr
    assert done.stdout == "" and "Traceback" not in done.stderr


@pytest.fixture
def hong_kong_clock(monkeypatch):
    """This computer's clock in Hong Kong's zone (a POSIX TZ string: no tzdata needed)."""
    import time

    monkeypatch.setenv("TZ", "HKT-8")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_page_tells_the_time_of_the_shop_not_utc(sandbox, client, lan, hong_kong_clock):
    # a stakeholder in Hong Kong read "Expires 17:50:56 UTC" at 01:36 local time
    from datetime import timedelta, timezone

    answer = client.post("pay", pay_body("lan-13")).json
    _, _, page = _http(answer["normalUrl"])
    [payment] = [p for p in sandbox.store.payments() if p.payment_request_id == "lan-13"]
    local = payment.expires.astimezone(timezone(timedelta(hours=8)))
    assert f"{local:%Y-%m-%d %H:%M:%S} HKT" in page, page
    assert "UTC" not in page.split("</style>", 1)[1]
