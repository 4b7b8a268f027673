"""``SandboxGateway``: the embedded Antom-compatible gateway, its keys, merchants and threads."""

from __future__ import annotations

import contextlib
import hmac
import ipaddress
import logging
import secrets
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from cryptography.hazmat.primitives.asymmetric import rsa

from cashier_app.domain import methods
from cashier_app.domain.errors import CashierError
from cashier_app.domain.net import is_loopback_host
from cashier_app.domain.values import replace
from cashier_app.gateway.signing import (
    DEFAULT_KEY_VERSION,
    Signer,
    Verifier,
    generate_private_key,
    load_private_key,
    load_public_key,
    public_key_base64,
)
from cashier_app.sandbox import api, persist
from cashier_app.sandbox import store as st
from cashier_app.sandbox.autopay import AutoPayer, AutoPayPolicy, parse_policy
from cashier_app.sandbox.faults import FaultPlan, parse_fault
from cashier_app.sandbox.instore import Confirmations
from cashier_app.sandbox.notifier import DEFAULT_DELAYS, Notifier
from cashier_app.sandbox.payment_codes import PaymentCode, PaymentCodeBook
from cashier_app.sandbox.server import MAX_CONNECTIONS, READ_TIMEOUT, HttpServer

if TYPE_CHECKING:
    from cashier_app.sandbox.fastlane import FastLaneServer
    from cashier_app.sandbox.signpool import SigningPool

log = logging.getLogger(__name__)


class SandboxError(CashierError, ValueError):
    """A sandbox set-up problem (bad host, bad merchant key...); the message says which."""

    layer = "sandbox"
    MESSAGES: ClassVar[dict[str, str]] = {
        "lan_not_our_address": "cannot serve on {host}: it is not an address of this computer "
        "(choose one of its network addresses, as `ip addr` or the Wi-Fi settings show)",
        "lan_port_in_use": "cannot serve on {host}:{port}: the port is in use (choose another, or "
        "0)",
        "lan_cannot_serve": "cannot serve on {host}:{port}: {problem}",
        "lan_address_not_ip_address_give": "LAN address {address!r} is not an IP address; give "
        "this computer's address on the phone's Wi-Fi network, e.g. 192.168.1.20",
        "lan_address_cannot_put_qr_code": "LAN address {address!r} cannot be put in a QR code; "
        "give this computer's own address on the phone's Wi-Fi network, e.g. 192.168.1.20",
        "read_timeout_must_positive_max_connections": "read_timeout must be positive and "
        "max_connections at least 1",
        "host_not_loopback_address_sandbox_s": "host {host!r} is not a loopback address; the "
        "sandbox's control endpoints are unauthenticated (allow_remote=True to override)",
        "port_must_number_from_0_65535": "port {port!r} must be a number from 0 to 65535",
        "default_expiry_seconds_must_greater_than": "default_expiry_seconds must be greater than "
        "zero",
        "refund_settle_seconds_must_not_negative": "refund_settle_seconds must not be negative",
        "retention_seconds_must_greater_than_zero": "retention_seconds must be greater than zero "
        "(or None)",
        "notify_compression_must_greater_than_zero": "notify_compression {notify_compression!r} "
        "must be greater than zero",
        "request_time_tolerance_must_greater_than": "request_time_tolerance must be greater than "
        "zero (or None)",
        "bad_state_must_raise_move_aside": "bad_state {bad_state!r} must be 'raise' or "
        "'move_aside'",
        "error": "{error}",
        "cannot_moved_aside": "{exc}; and it cannot be moved aside: {problem}",
        "cannot_listen": "cannot listen on {host}:{port}: {problem}",
        "lan_port_must_number_from_0": "LAN port {port!r} must be a number from 0 to 65535",
        "start_sandbox_before_lan_listener": "start the sandbox before its LAN listener",
        "unknown_method_rule_s_allowed": "unknown method rule(s) {unknown}; allowed: {allowed}",
        "client_id_must_1_64_characters": "client id must be 1 to 64 characters",
        "client_id_contains_whitespace_control_characters": "client id {client_id!r} contains "
        "whitespace or control characters",
        "keyversion_must_number": "keyVersion {key_version!r} must be a number",
    }


def lan_host(address: str) -> str:
    """The IP address to serve the wallet pages on for phones; SandboxError says why an
    address cannot be one (not an IP, 0.0.0.0, multicast...)."""
    text = (address or "").strip().strip("[]")
    try:
        ip = ipaddress.ip_address(text)
    except ValueError:
        raise SandboxError.of("lan_address_not_ip_address_give", address=address) from None
    if ip.is_unspecified or ip.is_multicast:
        raise SandboxError.of("lan_address_cannot_put_qr_code", address=address)
    return str(ip)


def lan_bind_error(host: str, port: int, exc: OSError) -> SandboxError:
    """Why the wallet pages cannot be served on ``host:port``, in words an operator can
    act on (the address is not this computer's, the port is taken)."""
    import errno

    if exc.errno == errno.EADDRNOTAVAIL:
        return SandboxError.of("lan_not_our_address", host=host)
    if exc.errno == errno.EADDRINUSE:
        return SandboxError.of("lan_port_in_use", host=host, port=port)
    return SandboxError.of("lan_cannot_serve", host=host, port=port, problem=exc)


class SandboxGateway:
    """An Antom AMS v1 gateway on loopback that any Antom client (the official SDK included)
    can use: it verifies every request's RSA256 signature against the registered merchant
    key and signs every answer with its own key.

    Serves on daemon threads after :meth:`start`; use as a context manager or call
    :meth:`stop`. ``clock`` (UTC ``datetime`` factory) exists so tests can move time.

    ``state_path``: keep payments and refunds in this SQLite file (see ``persist.py``) so a
    restarted gateway answers as before; loaded here, payments that expired meanwhile are
    closed. An unusable file raises SandboxError naming it (``bad_state="raise"``), or with
    ``bad_state="move_aside"`` is renamed to ``<name>.corrupt-<time>`` with a logged warning
    and the gateway starts empty. Merchant keys and the gateway key are never stored.

    ``sign_workers``: sign answers and notifications in that many worker processes
    (``signpool.py``), for load; 0 signs in-process.

    ``wrong_key``: the key the ``wrong_key`` fault signs answers with (any key but the
    gateway's); None makes one at the first such fault. Making an RSA key holds the GIL
    for 0.1-0.5 s, so an in-process sandbox beside a GUI is handed one (app.py).

    ``retention_seconds``: how long a settled payment (its refunds settled too) is kept
    and answered as before; past it the sandbox forgets it, in memory within a second and
    in the state file at the next start (default: ``store.RETENTION_DAYS``). A soak with
    thousands of payments shortens it (``store.retention`` may be changed while running).
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        gateway_private_key: rsa.RSAPrivateKey | str | bytes | None = None,
        default_expiry_seconds: float | None = None,
        async_refunds: bool = False,
        refund_settle_seconds: float = 2.0,
        method_rules: dict[str, dict[str, Any]] | None = None,
        notify_delays: Sequence[float] = DEFAULT_DELAYS,
        notify_compression: float = 1.0,
        request_time_tolerance: float | None = None,
        notify_timeout: float = 5.0,
        allow_remote: bool = False,
        allow_remote_notify: bool = False,
        clock: Callable[[], datetime] | None = None,
        state_path: Path | str | None = None,
        bad_state: Literal["raise", "move_aside"] = "raise",
        sign_workers: int = 0,
        read_timeout: float = READ_TIMEOUT,
        max_connections: int = MAX_CONNECTIONS,
        wrong_key: rsa.RSAPrivateKey | None = None,
        retention_seconds: float | None = None,
    ) -> None:
        if not read_timeout > 0 or max_connections < 1:
            raise SandboxError.of("read_timeout_must_positive_max_connections")
        self.read_timeout = float(read_timeout)  #: a silent connection is closed after it
        self.max_connections = int(max_connections)  #: more are refused at once
        if not allow_remote and not is_loopback_host(host):
            raise SandboxError.of("host_not_loopback_address_sandbox_s", host=host)
        if not isinstance(port, int) or not 0 <= port <= 65535:
            raise SandboxError.of("port_must_number_from_0_65535", port=port)
        if default_expiry_seconds is not None and default_expiry_seconds <= 0:
            raise SandboxError.of("default_expiry_seconds_must_greater_than")
        if refund_settle_seconds < 0:
            raise SandboxError.of("refund_settle_seconds_must_not_negative")
        if isinstance(notify_compression, bool) or not notify_compression > 0:
            raise SandboxError.of(
                "notify_compression_must_greater_than_zero", notify_compression=notify_compression
            )
        if request_time_tolerance is not None and not request_time_tolerance > 0:
            raise SandboxError.of("request_time_tolerance_must_greater_than")
        #: The fast lane's replicas of what an inquiry reads, in its worker processes
        #: (``fastlane.Replicas``), told of every change here before it is acknowledged.
        self.replicas: Any = None
        self._merchant_lock = threading.Lock()  #: merchants' keys, the tolerance
        self._tolerance: float | None = None
        self.request_time_tolerance = request_time_tolerance
        if bad_state not in ("raise", "move_aside"):
            raise SandboxError.of("bad_state_must_raise_move_aside", bad_state=bad_state)
        if gateway_private_key is None:
            key = generate_private_key()
        elif isinstance(gateway_private_key, rsa.RSAPrivateKey):
            key = gateway_private_key
        else:
            key = load_private_key(gateway_private_key)
        self.sign_pool: SigningPool | None = None
        if sign_workers:  # sign answers on every core (see signpool.py)
            from cashier_app.sandbox.signpool import PooledSigner, SigningPool

            self.sign_pool = SigningPool(key, sign_workers)
            self.signer: Signer = PooledSigner(key, self.sign_pool, DEFAULT_KEY_VERSION)
        else:
            self.signer = Signer(key, DEFAULT_KEY_VERSION)
        self.gateway_public_key = key.public_key()
        self.gateway_public_key_base64 = public_key_base64(self.gateway_public_key)
        #: None: each method's default paymentExpiryTime (Antom's table: 14 minutes).
        self.default_expiry_seconds = (
            None if default_expiry_seconds is None else float(default_expiry_seconds)
        )
        #: Answer every refund U / REFUND_IN_PROCESS and settle it refund_settle_seconds
        #: later (notifyRefund then goes out), as asynchronous payment methods do.
        self.async_refunds = async_refunds
        self.refund_settle_seconds = float(refund_settle_seconds)
        self._methods: dict[str, methods.PaymentMethod] = dict(methods.CATALOG)
        for method_type, changes in (method_rules or {}).items():
            self.set_method_rules(method_type, **changes)
        self._clock = clock or (lambda: datetime.now(UTC))
        #: The gateway's clock is the wall clock (no ``clock`` given): worker processes,
        #: which read their own, may answer inquiries (``sandbox/laneworker.py``).
        self.wall_clock = clock is None
        self._host, self._port = host, port
        self._merchants: dict[str, dict[str, Verifier]] = {}
        self._throwaway: Signer | None = None if wrong_key is None else Signer(wrong_key)
        self.faults = FaultPlan()
        self.notifier = Notifier(
            self.signer,
            self.faults,
            delays=notify_delays,
            timeout=notify_timeout,
            allow_remote=allow_remote_notify,
            clock=self._clock,
            compression=notify_compression,
        )
        if retention_seconds is not None and not retention_seconds > 0:
            raise SandboxError.of("retention_seconds_must_greater_than_zero")
        self.store = st.Store(
            on_final=self._payment_final,
            retention=timedelta(
                seconds=retention_seconds
                if retention_seconds is not None
                else st.RETENTION_DAYS * 86400.0
            ),
        )
        self.autopayer = AutoPayer(self._autopay_act, self._autopay_lookup, self.pend)
        self._scenario: dict[str, Any] | None = None
        self._scenario_lock = threading.Lock()
        self.store.on_created = self.autopayer.payment_created
        self.store.on_cancelled = lambda p: self.autopayer.payment_final(p.payment_id)
        self.store.on_refund_final = self._refund_final
        self.store.on_pended = self._payment_pended
        #: The wallets' payment codes (in-store; memory only) and the customers' confirm
        #: taps due later.
        self.codes = PaymentCodeBook()
        self.confirmations = Confirmations()
        self.moved_aside: Path | None = None  #: where an unusable state file went
        if state_path is not None:
            self._load_state(Path(state_path).expanduser(), bad_state)
        self._server: HttpServer | FastLaneServer | None = None
        self._threads: list[threading.Thread] = []
        self._stopping = threading.Event()
        self.url = ""
        #: The LAN listener (see :meth:`start_lan`): its server, base URL and token.
        self._lan_server: HttpServer | None = None
        self._lan_thread: threading.Thread | None = None
        self._lan_lock = threading.Lock()
        self.lan_url = ""
        self.lan_token = ""

    def _load_state(self, path: Path, bad_state: str) -> None:
        state = persist.StateFile(path, retention_days=self.store.retention / timedelta(days=1))
        self.store.state = state
        try:
            self.store.load(self.now())
        except persist.StateFileError as exc:
            state.close()
            if bad_state == "raise":
                raise SandboxError.of("error", error=exc) from None
            try:
                self.moved_aside = persist.move_aside(path, self.now())
            except OSError as move_exc:
                raise SandboxError.of("cannot_moved_aside", exc=exc, problem=move_exc) from None
            log.warning(
                "%s; moved it to %s and starting with an empty sandbox", exc, self.moved_aside
            )
            try:
                self.store.load(self.now())
            except persist.StateFileError as again:
                raise SandboxError.of("error", error=again) from None

    # -- lifecycle ----------------------------------------------------------------------
    def start(self) -> SandboxGateway:
        if self._server is not None:
            return self
        try:
            if self.sign_pool is not None:  # for load: one event loop, signing in workers
                from cashier_app.sandbox.fastlane import FastLaneServer

                self._server = FastLaneServer((self._host, self._port), self)
            else:
                self._server = HttpServer((self._host, self._port), self)
        except OSError as exc:
            raise SandboxError.of(
                "cannot_listen", host=self._host, port=self._port, problem=exc
            ) from None
        port = self._server.server_address[1]
        self._port = port  # a restart after stop() comes back on the same address
        host = f"[{self._host}]" if ":" in self._host else self._host
        self.url = f"http://{host}:{port}"
        self.notifier.start()
        if self.sign_pool is not None:
            self.sign_pool.start()
        self._stopping.clear()
        for target, name in (
            (self._server_loop, "sandbox-http"),
            (self._expiry_loop, "sandbox-expiry"),
        ):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self.stop_lan()
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._server.close_open_connections()
        self.notifier.stop()
        if self.sign_pool is not None:
            self.sign_pool.close()
        for thread in self._threads:
            thread.join(timeout=2)
        self._threads.clear()
        self._server = None
        self.store.flush()
        if self.store.state is not None:
            self.store.state.close()  # reopened by the next write (a restart)

    def __enter__(self) -> SandboxGateway:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"SandboxGateway(url={self.url or 'not started'!r})"

    def now(self) -> datetime:
        return self._clock()

    @property
    def request_time_tolerance(self) -> float | None:
        """Refuse requests whose Request-Time is further than this from our clock
        (seconds); None (the default): any time is taken, as a loopback sandbox needs no
        replay guard."""
        return self._tolerance

    @request_time_tolerance.setter
    def request_time_tolerance(self, seconds: float | None) -> None:
        with self._merchant_lock:
            self._tolerance = seconds
            if self.replicas is not None:
                self.replicas.tolerance(seconds)

    @property
    def stopping(self) -> threading.Event:
        """Set while the gateway stops (a held connection lets go then)."""
        return self._stopping

    # -- the LAN listener (a real phone in the demo) ----------------------------------------
    def start_lan(self, address: str, port: int = 0) -> str:
        """Also serve on ``address`` (an IP address of this machine on the phone's network)
        so a phone that scans the QR opens the wallet page; returns the LAN base URL.

        From then on the pay answer's links and codes (``normalUrl``, ``schemeUrl``,
        ``applinkUrl``, ``codeValue``) point there and carry a fresh per-session token
        (``?t=``): on the LAN listener every ``/sandbox/`` page and control route answers
        403 without it. The Antom API there stays signature-checked, as on loopback; the
        loopback listener is unchanged. SandboxError names a bad address or port."""
        host = lan_host(address)
        if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port <= 65535:
            raise SandboxError.of("lan_port_must_number_from_0", port=port)
        if self._server is None:
            raise SandboxError.of("start_sandbox_before_lan_listener")
        with self._lan_lock:
            self._stop_lan_locked()
            try:
                server = HttpServer((host, port), self, lan=True)
            except OSError as exc:
                raise lan_bind_error(host, port, exc) from None
            bound = server.server_address[1]
            shown = f"[{host}]" if ":" in host else host
            self.lan_token = secrets.token_urlsafe(16)
            self.lan_url = f"http://{shown}:{bound}"
            self._lan_server = server
            self._lan_thread = threading.Thread(
                target=server.serve_forever, name="sandbox-lan", daemon=True
            )
            self._lan_thread.start()
        log.info("sandbox: wallet pages also on %s (token-protected)", self.lan_url)
        return self.lan_url

    def stop_lan(self) -> None:
        """Stop the LAN listener (links point to loopback again; the token is void)."""
        with self._lan_lock:
            self._stop_lan_locked()

    def _stop_lan_locked(self) -> None:
        server, self._lan_server = self._lan_server, None
        self.lan_url, self.lan_token = "", ""
        if server is None:
            return
        server.shutdown()
        server.server_close()
        server.close_open_connections()
        if self._lan_thread is not None:
            self._lan_thread.join(timeout=2)
            self._lan_thread = None

    @property
    def lan_active(self) -> bool:
        return self._lan_server is not None

    def lan_token_ok(self, offered: str | None) -> bool:
        """Constant-time check of a token offered on the LAN listener."""
        token = self.lan_token
        if not token or not offered:
            return False
        return hmac.compare_digest(offered.encode("utf-8"), token.encode("utf-8"))

    def link(self, path: str) -> str:
        """The absolute URL of a payer-facing ``/sandbox/...`` page as the pay answer
        gives it: on the LAN listener with its token while that runs, else on loopback."""
        lan, token = self.lan_url, self.lan_token
        if lan and token:
            return f"{lan}{path}?t={token}"
        return f"{self.url}{path}"

    def _server_loop(self) -> None:
        assert self._server is not None
        self._server.serve_forever()  # shutdown() wakes it: stop() returns at once

    def _expiry_loop(self) -> None:
        # Close unpaid payments at their expiry even when nobody asks (so notifications go).
        # The auto-payer's due actions run here too, on the same clock; about once a second
        # the payments settled longer ago than the retention window are forgotten.
        evicted_at = 0.0
        while not self._stopping.wait(0.2):
            if time.monotonic() - evicted_at >= 1.0:
                evicted_at = time.monotonic()
                self.store.evict_settled(self.now())
            self.store.expire_due(self.now())
            self.store.settle_due_refunds(self.now())
            self.autopayer.run_due(self.now())
            self.confirmations.run_due(self.now(), self._confirm_act)
            if self.store.unsaved:
                self.store.flush()

    # -- payment methods ----------------------------------------------------------------
    def method(self, method_type: str) -> methods.PaymentMethod:
        """The catalog entry as this sandbox applies it (UnknownMethodError if none)."""
        return self._methods[methods.get(method_type).type]

    def set_method_rules(self, method_type: str, **changes: Any) -> methods.PaymentMethod:
        """Change what a method allows here, e.g. ``set_method_rules("TRUEMONEY",
        partial_refund=False, refund_window_days=30, limits=(("THB", 2000, 5000000),))``.
        SandboxError names a field the catalog does not have."""
        method = methods.get(method_type)
        allowed = {
            "limits",
            "default_expiry_minutes",
            "refundable",
            "partial_refund",
            "multiple_refunds",
            "refund_window_days",
        }
        unknown = set(changes) - allowed
        if unknown:
            raise SandboxError.of(
                "unknown_method_rule_s_allowed",
                unknown=", ".join(sorted(unknown)),
                allowed=", ".join(sorted(allowed)),
            )
        if "limits" in changes:
            changes["limits"] = tuple(tuple(limit) for limit in changes["limits"])
        updated = replace(self._methods[method.type], **changes)
        self._methods[method.type] = updated
        return updated

    def refund_settle_after(self) -> float | None:
        """Seconds until the refund being made settles; None: at once (synchronous)."""
        for fault in self.faults.take({"async_refund"}, "refund"):
            return fault.seconds or self.refund_settle_seconds
        return self.refund_settle_seconds if self.async_refunds else None

    def settle_refund(
        self, refund_id: str, status: str = st.SUCCESS, code: str = ""
    ) -> dict[str, Any]:
        """Settle an asynchronous refund now (SUCCESS or FAIL); notifyRefund goes out."""
        r = self.store.settle_refund(refund_id, self.now(), status, code)
        return {
            "refundId": r.refund_id,
            "refundRequestId": r.refund_request_id,
            "refundStatus": r.status,
            "refundResultCode": r.result_code,
        }

    def _refund_final(self, r: st.Refund) -> None:
        if r.notify_url:
            self.notifier.submit(
                r.client_id, r.notify_url, api.refund_notification(r), key=r.refund_id
            )

    # -- merchants ----------------------------------------------------------------------
    def register_merchant(
        self,
        client_id: str,
        public_key: rsa.RSAPublicKey | str | bytes,
        key_version: str = DEFAULT_KEY_VERSION,
    ) -> Verifier:
        """Accept requests from ``client_id`` signed with this key (PEM or bare base64
        SPKI); several keyVersions per client may be registered."""
        if not isinstance(client_id, str) or not client_id.strip() or len(client_id) > 64:
            raise SandboxError.of("client_id_must_1_64_characters")
        if any(c.isspace() or not c.isprintable() for c in client_id):
            raise SandboxError.of(
                "client_id_contains_whitespace_control_characters", client_id=client_id
            )
        version = str(key_version).strip()
        if not version.isdigit():
            raise SandboxError.of("keyversion_must_number", key_version=key_version)
        key = (
            public_key if isinstance(public_key, rsa.RSAPublicKey) else load_public_key(public_key)
        )
        verifier = Verifier(key)
        with self._merchant_lock:
            keys = self._merchants.setdefault(client_id, {})
            keys[version] = verifier
            if self.replicas is not None:
                self.replicas.merchant(client_id, keys)
        return verifier

    @contextlib.contextmanager
    def merchants_held(self) -> Iterator[tuple[dict[str, dict[str, bytes]], float | None]]:
        """Every merchant's keys (SPKI DER by keyVersion) and the Request-Time tolerance,
        held still (no key registered, no tolerance set) while the caller's block runs."""
        with self._merchant_lock:
            keys = {
                client_id: {version: v.spki_der for version, v in by_version.items()}
                for client_id, by_version in self._merchants.items()
            }
            yield keys, self._tolerance

    def merchant_keys(self, client_id: str) -> dict[str, Verifier] | None:
        with self._merchant_lock:
            keys = self._merchants.get(client_id)
            return dict(keys) if keys is not None else None

    @property
    def merchants(self) -> list[str]:
        with self._merchant_lock:
            return sorted(self._merchants)

    def throwaway_signer(self) -> Signer:
        """A key that is not the gateway's, for the 'wrong key' signature fault."""
        if self._throwaway is None:
            self._throwaway = Signer(generate_private_key())
        return self._throwaway

    # -- wallet simulator (in-process control) ------------------------------------------
    def approve(self, payment_id: str) -> dict[str, Any]:
        """The payer pays. Raises store.NotFound / store.StateError (e.g. after expiry)."""
        return self.payment_summary(self.store.approve(payment_id, self.now()))

    def decline(self, payment_id: str, code: str = st.DECLINED_CODE) -> dict[str, Any]:
        return self.payment_summary(self.store.decline(payment_id, self.now(), code))

    def expire(self, payment_id: str) -> dict[str, Any]:
        return self.payment_summary(self.store.expire(payment_id, self.now()))

    def pend(self, payment_id: str) -> dict[str, Any]:
        """The payer completed the payment but its result is pending: inquiryPayment says
        PENDING and a PAYMENT_PENDING notification goes out; approve / decline end it."""
        return self.payment_summary(self.store.pend(payment_id, self.now()))

    # -- in-store: the customer's payment code ----------------------------------------
    def issue_payment_code(
        self, method_type: str, scenario: str = "pay", confirm_seconds: float = 3.0
    ) -> PaymentCode:
        """A fresh code of ``method_type``'s wallet (60 s, usable once) that plays
        ``scenario`` when the till sends it; CodeRequestError names a bad field."""
        return self.codes.issue(method_type, self.now(), scenario, confirm_seconds)

    def _confirm_act(self, payment_id: str, action: str) -> None:
        if action == "approve":
            self.approve(payment_id)
        else:
            self.decline(payment_id)

    # -- auto-payer (a pretend customer for demos; see autopay.py) ------------------------
    @property
    def autopay(self) -> AutoPayPolicy:
        """What every new payment's customer does by itself (``action`` "off": nothing)."""
        return self.autopayer.policy

    @autopay.setter
    def autopay(self, policy: AutoPayPolicy | dict[str, Any] | None) -> None:
        if policy is None:
            policy = AutoPayPolicy()
        elif isinstance(policy, dict):
            policy = AutoPayPolicy(**policy)
        self._apply_policy(policy)

    def set_autopay(
        self,
        action: str,
        after_seconds: float = 0.0,
        *,
        result_code: str = st.DECLINED_CODE,
        pending: bool = False,
        pend_seconds: float | None = None,
    ) -> AutoPayPolicy:
        """``action`` ("approve", "decline", "expire" or "off") ``after_seconds`` (0-600)
        after each new payment is created. ``pending``: also schedule the payments already
        waiting, from now. "off" drops every scheduled action. AutoPayError names a bad
        field. ``pend_seconds``: the payer completes it first (PAYMENT_PENDING) and the
        result follows that much later."""
        policy = AutoPayPolicy(action, after_seconds, result_code, pend_seconds)
        waiting = None
        if pending and policy.active:
            with self.store.lock:
                waiting = self.store.pending_payments(self.now())
        self.autopayer.set_policy(policy, now=self.now(), pending=waiting)
        return policy

    # -- named scenarios (scenarios.py) ------------------------------------------------
    def set_scenario(self, name: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """Play the catalog's scenario ``name`` with ``params`` (text or JSON values): its
        faults replace the active ones; a scenario that plays the customer also replaces
        the auto-payer's policy. All or nothing: ScenarioError / FaultError / AutoPayError
        name a bad name or parameter and nothing changes."""
        from cashier_app.sandbox import scenarios  # the catalog: when one is played

        scenario = scenarios.get(name)
        values = scenarios.parse_params(scenario, params or {})
        plan = scenario.build(values)
        faults = [parse_fault(data) for data in plan.faults]
        policy = None
        if plan.autopay is not None:
            policy, _ = parse_policy(plan.autopay)
        with self._scenario_lock:
            self.faults.clear()
            for fault in faults:
                self.faults.add_fault(fault)
            installed = None
            if policy is not None:
                self._apply_policy(policy)
                installed = self.autopay  # this very object: a policy set later is another
            else:
                self._drop_scenario_customer()  # the last scenario's customer leaves with it
            self._scenario = {"name": scenario.name, "params": values, "autopay": installed}
        log.info("sandbox scenario: %s %s", scenario.name, values)
        return self.scenario_state()

    def clear_scenario(self) -> dict[str, Any]:
        """Drop the scenario: every fault, and the auto-payer when the scenario set it."""
        with self._scenario_lock:
            self.faults.clear()
            self._drop_scenario_customer()
            self._scenario = None
        return self.scenario_state()

    def _drop_scenario_customer(self) -> None:
        """Turn the auto-payer off if the active scenario set it and nobody changed it
        since (an auto-payer set by hand, ``--auto-approve``, stays)."""
        policy = self._scenario["autopay"] if self._scenario is not None else None
        if policy is not None and self.autopay is policy:
            self.set_autopay("off")

    def scenario_state(self) -> dict[str, Any]:
        """``{"scenario": name or None, "params", "faults", "autopay"}``."""
        with self._scenario_lock:
            current = self._scenario
        return {
            "scenario": current["name"] if current else None,
            "params": dict(current["params"]) if current else {},
            "faults": [f.to_json() for f in self.faults.active()],
            "autopay": self.autopay.to_json(),
        }

    def _apply_policy(self, policy: AutoPayPolicy) -> None:
        self.set_autopay(
            policy.action,
            policy.after_seconds,
            result_code=policy.result_code,
            pend_seconds=policy.pend_seconds,
        )

    def _autopay_act(self, payment_id: str, policy: AutoPayPolicy) -> None:
        if policy.action == "approve":
            self.approve(payment_id)
        elif policy.action == "decline":
            self.decline(payment_id, policy.result_code)
        elif policy.action == "expire":
            self.expire(payment_id)

    def _autopay_lookup(self, payment_id: str) -> st.Payment | None:
        return self.store.find_payment(None, payment_id=payment_id)

    def payment(self, payment_id: str) -> dict[str, Any]:
        """The payment as inquiryPayment would show it (any merchant)."""
        with self.store.lock:
            return api.payment_status(self.store.payment(payment_id, self.now()))

    @staticmethod
    def payment_summary(p: st.Payment) -> dict[str, Any]:
        return {
            "paymentId": p.payment_id,
            "paymentRequestId": p.payment_request_id,
            "paymentStatus": p.status,
            "paymentResultCode": p.result_code,
        }

    # -- notifications ------------------------------------------------------------------
    def _payment_final(self, p: st.Payment) -> None:
        self.autopayer.payment_final(p.payment_id)
        if not p.notify_url:
            return
        if p.status == st.SUCCESS:
            res = api.result()
        else:
            res = api.result(p.result_code, "F", p.result_message)
        self.notifier.submit(
            p.client_id, p.notify_url, self._payment_notice(p, "PAYMENT_RESULT", res)
        )

    def _payment_pended(self, p: st.Payment) -> None:
        if p.notify_url:  # docs paymentrn_online: result S, notifyType PAYMENT_PENDING
            self.notifier.submit(
                p.client_id,
                p.notify_url,
                self._payment_notice(p, "PAYMENT_PENDING", api.result()),
                key=f"{p.payment_id}:pending",
            )

    @staticmethod
    def _payment_notice(p: st.Payment, notify_type: str, res: dict[str, str]) -> dict[str, Any]:
        body: dict[str, Any] = {
            "notifyType": notify_type,
            "result": res,
            "paymentRequestId": p.payment_request_id,
            "paymentId": p.payment_id,
            "paymentAmount": p.amount.to_amount(),
            "paymentCreateTime": api.iso(p.created),
            "paymentMethodType": p.method_type,
        }
        if p.paid_at is not None:
            body["paymentTime"] = api.iso(p.paid_at)
        return body
