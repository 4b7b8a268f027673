"""The wallet simulator page and the JSON control endpoints, over real HTTP."""

from __future__ import annotations

import http.client
import json
from urllib.parse import urlsplit

import pytest
from sandbox_support import pay_body
from zh_errors import english_left, zh

from cashier_app.sandbox import SimulatorClient, SimulatorError


def _get(url: str, method: str = "GET", body: bytes = b"", headers=None):
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    conn.request(method, parts.path, body=body, headers=headers or {})
    resp = conn.getresponse()
    data = resp.read()
    conn.close()
    return resp.status, dict(resp.getheaders()), data.decode()


def test_wallet_page_shows_the_payment_and_buttons(client, sandbox):
    answer = client.post(
        "pay", pay_body(order={"referenceOrderId": "o1", "orderDescription": "<b>Tea</b>"})
    ).json
    status, headers, page = _get(answer["normalUrl"])
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "HK$12.30" in page and "AlipayHK" in page and "支付宝香港" in page
    assert "&lt;b&gt;Tea&lt;/b&gt;" in page and "<b>Tea</b>" not in page  # escaped
    assert 'id="pay"' in page and 'id="decline"' in page
    assert f'action="/sandbox/wallet/{answer["paymentId"]}/pay"' in page


def test_code_and_applink_redirect_to_wallet(client, sandbox):
    answer = client.post("pay", pay_body()).json
    for url in (answer["applinkUrl"], answer["orderCodeForm"]["codeDetails"][0]["codeValue"]):
        status, headers, _ = _get(url)
        assert status == 302 and headers["Location"] == urlsplit(answer["normalUrl"]).path


def test_pay_button_form_post(client, sandbox):
    answer = client.post("pay", pay_body()).json
    status, _, _ = _get(
        answer["normalUrl"] + "/pay",
        "POST",
        b"",
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert status == 303
    _, _, page = _get(answer["normalUrl"])
    assert 'data-status="SUCCESS"' in page and 'id="pay"' not in page
    status, _, page = _get(answer["normalUrl"] + "/decline", "POST")
    assert status == 409 and "already SUCCESS" in page


def test_decline_button_form_post(client, sandbox):
    answer = client.post("pay", pay_body()).json
    assert _get(answer["normalUrl"] + "/decline", "POST")[0] == 303
    inquiry = client.post("inquiryPayment", {"paymentId": answer["paymentId"]}).json
    assert inquiry["paymentStatus"] == "FAIL"


def test_unknown_payment_page(sandbox):
    status, _, page = _get(f"{sandbox.url}/sandbox/wallet/doesnotexist")
    assert status == 404 and "not found" in page.lower()


def test_simulator_client_controls(client, sandbox):
    sim = SimulatorClient(sandbox.url)
    a = client.post("pay", pay_body("a")).json["paymentId"]
    b = client.post("pay", pay_body("b")).json["paymentId"]
    c = client.post("pay", pay_body("c")).json["paymentId"]
    assert sim.approve(a) == {
        "paymentId": a,
        "paymentRequestId": "a",
        "paymentStatus": "SUCCESS",
        "paymentResultCode": "SUCCESS",
    }
    assert sim.decline(b, "USER_BALANCE_NOT_ENOUGH")["paymentResultCode"] == (
        "USER_BALANCE_NOT_ENOUGH"
    )
    assert sim.expire(c)["paymentResultCode"] == "ORDER_IS_CLOSED"
    assert sim.payment(a)["paymentStatus"] == "SUCCESS"
    with pytest.raises(SimulatorError, match="already FAIL") as info:
        sim.approve(c)
    assert info.value.status == 409
    with pytest.raises(SimulatorError) as info:
        sim.approve("nope")
    assert info.value.status == 404
    with pytest.raises(SimulatorError) as info:
        sim.decline(a, "WHATEVER")
    assert info.value.status in (400, 409)


def test_simulator_client_unreachable():
    with pytest.raises(SimulatorError, match="unreachable") as info:
        SimulatorClient("http://127.0.0.1:9", timeout=1).approve("x")
    # a zh_CN operator reads the OS's errno in Chinese, not "[Errno 111] Connection refused"
    assert zh(info.value) == "无法连接 http://127.0.0.1:9 上的沙箱：连接被拒绝"
    with pytest.raises(ValueError, match="http://"):
        SimulatorClient("ftp://x")


def test_register_merchant_over_http(sandbox, merchant_key):
    from cashier_app.gateway.signing import public_key_base64

    sim = SimulatorClient(sandbox.url)
    answer = sim.register_merchant("SANDBOX_NEW", public_key_base64(merchant_key.public_key()))
    assert answer["fingerprint"] and "SANDBOX_NEW" in sim.info()["merchants"]
    assert sim.info()["gateway_public_key"] == sandbox.gateway_public_key_base64
    with pytest.raises(SimulatorError, match="key") as info:
        sim.register_merchant("SANDBOX_BAD", "AAAA")
    assert info.value.status == 400


def test_control_route_errors(sandbox):
    status, _, body = _get(f"{sandbox.url}/sandbox/payments/x/approve", "GET")
    assert status == 405 and "not allowed" in json.loads(body)["error"]
    status, _, body = _get(f"{sandbox.url}/sandbox/teleport")
    assert status == 404
    # coded, so a client shows it in its operator's language
    sim = SimulatorClient(sandbox.url)
    with pytest.raises(SimulatorError) as info:
        sim._call("GET", "/sandbox/teleport")
    text = zh(info.value)
    assert english_left(text, "GET", "/sandbox/teleport") == [], text


def test_a_refused_wallet_act_reads_in_the_operators_language(client, sandbox):
    """Approving a payment that is already final: the sandbox's refusal (a StateError)
    reaches the QA console and the redirect page's simulator through SimulatorClient; it
    reads in zh_CN there (it was English: "cannot approve payment ...: it is already
    SUCCESS"), and on the phone's wallet page in Chinese too; the API's resultMessage
    stays the protocol's English."""
    answer = client.post("pay", pay_body()).json
    pid = answer["paymentId"]
    sim = SimulatorClient(sandbox.url)
    sim.approve(pid)
    for act in (sim.approve, sim.decline, sim.expire):
        with pytest.raises(SimulatorError) as info:
            act(pid)
        assert info.value.status == 409
        text = zh(info.value)
        path = f"/sandbox/payments/{pid}/{act.__name__}"
        assert english_left(text, "POST", path, pid) == [], text
        assert act.__name__ not in text.replace(path, ""), text  # the act named in Chinese
        assert "SUCCESS" in text
    status, _, page = _get(
        answer["normalUrl"] + "/decline", "POST", headers={"Accept-Language": "zh-CN"}
    )
    notice = page.split('<p class="notice" role="alert">', 1)[1].split("</p>", 1)[0]
    assert status == 409 and english_left(notice, pid) == [], notice
    cancel = client.post("cancel", {"paymentId": pid}).json  # within the window: allowed
    assert cancel["result"]["resultStatus"] == "S"
    refund = client.post(
        "refund",
        {
            "refundRequestId": "r-1",
            "paymentId": pid,
            "refundAmount": {"currency": "HKD", "value": "1230"},
        },
    ).json
    assert refund["result"]["resultCode"] == "ORDER_IS_CLOSED"
    assert refund["result"]["resultMessage"] == (
        "payment is CANCELLED (ORDER_IS_CLOSED); only a paid payment can be refunded"
    )
