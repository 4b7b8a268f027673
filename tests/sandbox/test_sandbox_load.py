"""The sandbox under load, signing in worker processes: every answer still verifies and
answers its own request (a bounded load: four keep-alive clients, a fixed count each),
whether the lane or a worker itself (laneworker.py) answers it."""

from __future__ import annotations

import base64
import json
import os
import threading

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from sandbox_support import CLIENT_ID, RawClient, pay_body

from cashier_app.gateway.signing import Signer, Verifier, generate_private_key, public_key_base64
from cashier_app.sandbox import SandboxGateway
from cashier_app.sandbox.fastlane import FastLaneServer
from cashier_app.sandbox.signpool import PooledSigner, SigningPool
from cashier_app.support.signworker import (
    NOT_VERIFIED,
    SIGN,
    VERIFIED,
    check_job,
    read_frame,
    write_frame,
)

CLIENTS = 4
REQUESTS_EACH = 60


@pytest.fixture
def pool(gateway_key):
    pool = SigningPool(gateway_key, 2).start()
    assert pool.wait_ready(60) and pool.workers == 2
    yield pool
    pool.close()


def test_pooled_signatures_are_the_in_process_ones(pool, gateway_key):
    pooled, local = PooledSigner(gateway_key, pool), Signer(gateway_key)
    for i in range(20):
        body = json.dumps({"n": i, "pad": "x" * (i * 37)})
        args = (
            "POST",
            f"/ams/sandbox/api/v1/payments/p{i}",
            CLIENT_ID,
            "2026-12-01T10:00:00+00:00",
            body,
        )
        assert pooled.sign(*args) == local.sign(*args)


def test_a_worker_signs_an_answer_only_when_the_requests_signature_verifies(
    pool, gateway_key, merchant_key
):
    """The ``V`` job (signworker.py): the request's signature checked with the merchant
    key sent along, the answer signed only if it holds."""
    merchant = Verifier(merchant_key.public_key())
    content = b"POST /ams/api/v1/payments/inquiryPayment\nX.2026-12-01T10:00:00+00:00.{}"
    signature = merchant_key.sign(content, padding.PKCS1v15(), hashes.SHA256())
    answer = b"POST /ams/api/v1/payments/inquiryPayment\nX.2026-12-01T10:00:01+00:00.{}"
    worker = pool.borrow()
    assert worker is not None
    try:

        def job(frame: bytes) -> bytes | None:
            write_frame(worker.fd_in, frame)
            return read_frame(worker.fd_out)

        good = job(check_job(merchant.spki_der, signature, content, answer))
        assert good == VERIFIED + base64.b64decode(Signer(gateway_key).sign_bytes(answer))
        tampered = check_job(merchant.spki_der, signature, content + b" ", answer)
        assert job(tampered) == NOT_VERIFIED
        stranger = Verifier(generate_private_key().public_key()).spki_der
        assert job(check_job(stranger, signature, content, answer)) == NOT_VERIFIED
        assert job(check_job(merchant.spki_der, signature[:-1], content, answer)) == NOT_VERIFIED
        assert job(SIGN + answer) == good[1:]  # a plain signature, as before
        assert job(b"?" + answer) == b""  # a job it does not know: it failed
        assert job(check_job(b"not a key", signature, content, answer)) == b""
        assert job(SIGN + answer) == good[1:]  # and it goes on
    finally:
        pool.give_back(worker)


@pytest.mark.skipif(not hasattr(os, "SCHED_BATCH"), reason="Linux scheduling policy")
def test_the_workers_run_as_batch_tasks_beside_the_loop_that_feeds_them(pool):
    workers = [pool.borrow() for _ in range(pool.workers)]
    try:
        for worker in workers:
            assert worker is not None
            assert worker.sign(b"warm")  # it set its policy before it read its key
            assert os.sched_getscheduler(worker.proc.pid) == os.SCHED_BATCH
    finally:
        for worker in workers:
            if worker is not None:
                pool.give_back(worker)


def test_a_failed_worker_is_dropped_and_signing_goes_on(pool, gateway_key):
    pooled, local = PooledSigner(gateway_key, pool), Signer(gateway_key)
    for worker in list(pool._all):
        worker.proc.kill()
        worker.proc.wait(10)
    for i in range(4):  # each dead worker fails once, then the answer is signed here
        assert pooled.sign_bytes(b"data %d" % i) == local.sign_bytes(b"data %d" % i)
    assert pool.workers == 0
    pool.close()
    assert pooled.sign_bytes(b"after close") == local.sign_bytes(b"after close")


def test_every_answer_under_load_is_signed_right_and_answers_its_request(gateway_key, merchant_key):
    gw = SandboxGateway(gateway_private_key=gateway_key, sign_workers=2)
    gw.register_merchant(CLIENT_ID, public_key_base64(merchant_key.public_key()))
    with gw:
        assert gw.sign_pool is not None and gw.sign_pool.wait_ready(60)
        assert gw.sign_pool.workers == 2
        verifier = Verifier(gateway_key.public_key())
        clients = [
            RawClient(gw.url, CLIENT_ID, Signer(merchant_key), verifier, keep_alive=True)
            for _ in range(CLIENTS)
        ]
        # half the clients pay on their own connection, which the lane then serves (a
        # pay goes back to it); the other half only inquire, each on a connection a
        # worker serves itself (laneworker.py): both ways under load at once
        payer = RawClient(gw.url, CLIENT_ID, Signer(merchant_key), verifier, keep_alive=True)
        for i, client in enumerate(clients):
            reply = (client if i % 2 == 0 else payer).post(
                "pay", pay_body(f"load-{i}", value=str(100 + i))
            )
            assert reply.verified and reply.json["result"]["resultCode"] == "PAYMENT_IN_PROCESS", (
                reply.error
            )
        payer.close()
        failures: list[str] = []
        checked = [0] * CLIENTS

        def load(i: int) -> None:
            try:
                for n in range(REQUESTS_EACH):
                    reply = clients[i].post("inquiryPayment", {"paymentRequestId": f"load-{i}"})
                    if reply.status != 200 or not reply.verified:
                        failures.append(f"client {i} request {n}: {reply.status} {reply.error}")
                        return
                    answer = reply.json
                    if answer["paymentRequestId"] != f"load-{i}" or answer["paymentAmount"][
                        "value"
                    ] != str(100 + i):
                        failures.append(f"client {i} got another request's answer")
                        return
                    checked[i] += 1
            except Exception as exc:
                failures.append(f"client {i}: {exc!r}")

        threads = [threading.Thread(target=load, args=(i,)) for i in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        server = gw._server
        assert isinstance(server, FastLaneServer)
        in_worker = [server.in_worker(client.local_address) for client in clients]
        for client in clients:
            client.close()
        assert failures == []
        assert checked == [REQUESTS_EACH] * CLIENTS  # every answer verified
        assert gw.sign_pool.workers == 2
        assert in_worker == [i % 2 == 1 for i in range(CLIENTS)]  # the ones that only inquired
        # every answer the lane made (4 pays, 120 inquiries) was signed by a worker
        assert gw.sign_pool.signed >= CLIENTS * (REQUESTS_EACH + 2) // 2
    assert gw.sign_pool.workers == 0  # stop() ended them
