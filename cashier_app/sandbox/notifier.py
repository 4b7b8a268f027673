"""Sends signed ``notifyPayment`` / ``notifyRefund`` requests, retrying until acknowledged.

Antom resends an unacknowledged notification on a fixed schedule: at 0 s, 2 min, 10 min,
10 min, 1 h, 2 h, 6 h and 15 h (8 tries in about 24 h; docs notify_vaulting / nrs pages,
protocol doc §9). The sandbox follows that schedule, divided by a time-compression factor
for demos and tests (``compression=3600``: the 24 h pass in 24 s). Only loopback notify URLs
are contacted unless ``allow_remote`` is set, so tests and demos never send traffic
off-machine.
"""

from __future__ import annotations

import heapq
import http.client
import itertools
import json
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from cashier_app.domain.net import is_loopback_host
from cashier_app.domain.values import dataclass
from cashier_app.gateway.signing import Signer, request_time
from cashier_app.sandbox.control import connect
from cashier_app.sandbox.faults import FaultPlan

#: Antom's schedule: seconds before each attempt (the first at once), 8 attempts.
ANTOM_SCHEDULE: tuple[int, ...] = (0, 120, 600, 600, 3600, 7200, 21600, 54000)
DEFAULT_DELAYS: tuple[float, ...] = tuple(float(d) for d in ANTOM_SCHEDULE)
#: Delivery attempts kept for ``attempts()`` (the QA console, tests): the latest ones, so a
#: sandbox that runs for days does not keep every notification it ever sent.
MAX_ATTEMPTS_KEPT = 1000


def is_ack(status: int, body: bytes) -> bool:
    """HTTP 200 with the fixed ``{"result": {"resultCode": "SUCCESS", "resultStatus": "S",
    "resultMessage": "success"}}`` (any casing of resultMessage, as merchants differ)."""
    if status != 200:
        return False
    try:
        res = json.loads(body.decode("utf-8")).get("result")
    except (ValueError, AttributeError, UnicodeDecodeError):
        return False
    return (
        isinstance(res, dict)
        and res.get("resultCode") == "SUCCESS"
        and res.get("resultStatus") == "S"
        and str(res.get("resultMessage", "")).lower() == "success"
    )


def is_loopback_url(url: str) -> bool:
    return is_loopback_host(urlsplit(url).hostname)


@dataclass(frozen=True, slots=True)
class Attempt:
    """One delivery attempt, for tests and the QA console (slots: up to
    ``MAX_ATTEMPTS_KEPT`` of them live as long as the sandbox)."""

    payment_id: str
    url: str
    attempt: int  #: 1-based
    status: int | None  #: HTTP status, None when no answer
    acked: bool
    error: str = ""
    duplicate: bool = False
    sent_at: float = 0.0  #: time.monotonic() when the attempt started


@dataclass
class _Job:
    payment_id: str
    client_id: str
    url: str
    body: bytes
    attempt: int = 0
    duplicate: bool = False


class Notifier:
    """Delivers notifications on its own daemon threads."""

    def __init__(
        self,
        signer: Signer,
        faults: FaultPlan,
        *,
        delays: Sequence[float] = DEFAULT_DELAYS,
        timeout: float = 5.0,
        allow_remote: bool = False,
        clock: Callable[[], datetime] | None = None,
        compression: float = 1.0,
    ) -> None:
        if not delays or any(d < 0 for d in delays):
            raise ValueError("notification delays must be a non-empty list of seconds >= 0")
        if isinstance(compression, bool) or not compression > 0:
            raise ValueError(f"notification time compression {compression!r} must be > 0")
        self._signer = signer
        self._faults = faults
        self.compression = float(compression)
        self.delays = tuple(float(d) / self.compression for d in delays)
        self.timeout = timeout
        self.allow_remote = allow_remote
        self._clock = clock
        self._queue: list[tuple[float, int, _Job]] = []
        self._seq = itertools.count()
        self._cond = threading.Condition()
        self._attempts: deque[Attempt] = deque(maxlen=MAX_ATTEMPTS_KEPT)
        self._in_flight = 0
        self._stopped = False
        self._thread: threading.Thread | None = None

    # -- lifecycle ----------------------------------------------------------------------
    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="sandbox-notifier", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout=2)

    # -- API ----------------------------------------------------------------------------
    def submit(
        self, client_id: str, url: str, body: dict[str, Any], key: str | None = None
    ) -> None:
        """Queue a notification (a payment reached SUCCESS or FAIL, or a refund settled);
        ``key`` names it in :meth:`attempts` (default: its paymentId)."""
        raw = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        job = _Job(key or str(body.get("paymentId", "")), client_id, url, raw)
        if not (self.allow_remote or is_loopback_url(url)):
            self._record(
                Attempt(
                    job.payment_id,
                    url,
                    1,
                    None,
                    False,
                    "refused: notify URL is not on loopback (sandbox safety)",
                )
            )
            return
        delay = self.delays[0]
        for fault in self._faults.take({"late_notification"}):
            delay += fault.seconds
        self._schedule(job, delay)

    def attempts(self) -> list[Attempt]:
        with self._cond:
            return list(self._attempts)

    def wait_idle(self, timeout: float) -> bool:
        """Wait until nothing is queued or being sent; True if that happened in time."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._queue or self._in_flight:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        return True

    # -- machinery ----------------------------------------------------------------------
    def _schedule(self, job: _Job, delay: float) -> None:
        with self._cond:
            heapq.heappush(self._queue, (time.monotonic() + delay, next(self._seq), job))
            self._cond.notify_all()

    def _record(self, attempt: Attempt) -> None:
        with self._cond:
            self._attempts.append(attempt)
            self._cond.notify_all()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._stopped and (
                    not self._queue or self._queue[0][0] > time.monotonic()
                ):
                    wait = self._queue[0][0] - time.monotonic() if self._queue else None
                    self._cond.wait(wait)
                if self._stopped:
                    return
                _, _, job = heapq.heappop(self._queue)
                self._in_flight += 1
            threading.Thread(
                target=self._deliver,
                args=(job,),
                daemon=True,
                name=f"sandbox-notify-{job.payment_id}",
            ).start()

    def _deliver(self, job: _Job) -> None:
        try:
            job.attempt += 1
            started = time.monotonic()
            status, acked, error = self._post(job)
            self._record(
                Attempt(
                    job.payment_id,
                    job.url,
                    job.attempt,
                    status,
                    acked,
                    error,
                    job.duplicate,
                    started,
                )
            )
            if acked:
                if not job.duplicate and self._faults.take({"duplicate_notification"}):
                    self._schedule(
                        _Job(job.payment_id, job.client_id, job.url, job.body, duplicate=True), 0.0
                    )
            elif job.attempt < len(self.delays):
                self._schedule(job, self.delays[job.attempt])
        finally:
            with self._cond:
                self._in_flight -= 1
                self._cond.notify_all()

    def _post(self, job: _Job) -> tuple[int | None, bool, str]:
        parts = urlsplit(job.url)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        sent_at = request_time(self._clock() if self._clock else None)
        headers = {
            "Content-Type": "application/json; charset=UTF-8",
            "client-id": job.client_id,
            "request-time": sent_at,
            "signature": self._signer.header("POST", path, job.client_id, sent_at, job.body),
        }
        conn_cls = (
            http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        )
        conn = conn_cls(parts.hostname or "", parts.port, timeout=self.timeout)
        try:
            if conn_cls is http.client.HTTPConnection:  # connected without the idna codec
                conn.sock = connect(conn.host, conn.port, self.timeout)
            conn.request("POST", path, body=job.body, headers=headers)
            response = conn.getresponse()
            answer = response.read(64 * 1024)
            return (
                response.status,
                is_ack(response.status, answer),
                ("" if is_ack(response.status, answer) else "no acknowledgement"),
            )
        except (OSError, http.client.HTTPException) as exc:
            return None, False, f"{type(exc).__name__}: {exc}"
        finally:
            conn.close()
