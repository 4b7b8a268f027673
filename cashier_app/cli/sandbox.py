"""``cashier sandbox``: serve the embedded Antom-compatible gateway until interrupted.

It prints ONE JSON line first (``url``, ``gateway_public_key`` as bare base64 SPKI,
``merchants``) so scripts can read it, then serves until SIGINT or SIGTERM (exit 0).

Only loopback hosts are accepted unless ``--allow-remote`` is given: the wallet simulator,
fault and merchant-registration endpoints are unauthenticated and the transport is plain
HTTP, so anyone who can reach the port could approve payments or inject faults.

``--lan ADDRESS[:PORT]`` is the safe way to put a real phone in the demo: a second listener
on that address serves the wallet pages (and the API, signature-checked), every
``/sandbox/`` route there needs the per-session token the QR codes carry, and the JSON
line gains ``lan_url`` and ``lan_token``.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Any

from cashier_app.cli import CliError
from cashier_app.cli.text import t


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "sandbox",
        help="serve the embedded sandbox gateway (prints one JSON line)",
        description="Serve the Antom-compatible sandbox gateway and wallet simulator until "
        "interrupted. The first output line is JSON with url and "
        "gateway_public_key.",
    )
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (loopback only unless --allow-remote)",
    )
    p.add_argument("--port", type=int, default=0, help="TCP port (default: any free port)")
    p.add_argument(
        "--merchant",
        action="append",
        default=[],
        metavar="CLIENT_ID=KEY_FILE",
        help="register a merchant's public key (PEM or bare base64 SPKI) under "
        "its client id; repeatable",
    )
    p.add_argument(
        "--expiry",
        type=float,
        default=None,
        metavar="SECONDS",
        help="paymentExpiryTime when pay gives none, in seconds (default: each "
        "method's from Antom's table, 14 minutes for every wallet here)",
    )
    p.add_argument(
        "--async-refunds",
        type=float,
        default=None,
        metavar="SECONDS",
        help="answer refunds U / REFUND_IN_PROCESS and settle them SECONDS later "
        "(notifyRefund to refundNotifyUrl), as asynchronous methods do",
    )
    p.add_argument(
        "--request-time-tolerance",
        type=float,
        default=None,
        metavar="SECONDS",
        help="refuse requests whose Request-Time is further than SECONDS from "
        "this machine's clock (default: off)",
    )
    p.add_argument(
        "--notify-compression",
        type=float,
        default=1.0,
        metavar="FACTOR",
        help="divide Antom's notification retry schedule (0 s, 2 min, 10 min, "
        "10 min, 1 h, 2 h, 6 h, 15 h) by FACTOR, e.g. 3600 for demos "
        "(default 1: real time)",
    )
    p.add_argument(
        "--gateway-private-key",
        metavar="FILE",
        help="use this gateway key (PEM/base64) instead of a fresh one, so the "
        "gateway public key stays the same across runs",
    )
    p.add_argument(
        "--state",
        metavar="FILE",
        help="keep payments and refunds in this SQLite file, so a restarted "
        "sandbox answers inquiries, cancels, refunds and repeated pays as "
        "before (refuses to start if the file is unusable)",
    )
    auto = p.add_mutually_exclusive_group()
    for action, what in (
        ("approve", "pays"),
        ("decline", "declines"),
        ("expire", "lets the code expire"),
    ):
        auto.add_argument(
            f"--auto-{action}",
            type=float,
            metavar="SECONDS",
            dest=f"auto_{action}",
            help=f"demo: the customer {what} by itself SECONDS (0-600) after "
            "each payment is created (also GET/POST/DELETE "
            "<url>/sandbox/autopay)",
        )
    p.add_argument(
        "--sign-workers",
        type=int,
        default=None,
        metavar="N",
        help="sign answers in N worker processes, for load tests (default: one "
        "per core when there are several; 0: on the server's threads)",
    )
    p.add_argument(
        "--lan",
        metavar="ADDRESS[:PORT]",
        help="also serve the wallet pages for a real phone on this computer's address on "
        "the phone's network (e.g. 192.168.1.20, or 192.168.1.20:8124 for a fixed port); "
        "the QR codes then point there and carry a per-session token (pages and "
        "control routes there refuse requests without it); the API stays on --host",
    )
    p.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow a non-loopback --host (the control endpoints are "
        "unauthenticated plain HTTP: use only on a trusted network)",
    )
    p.set_defaults(run=run)


def _read(path_text: str, what: str) -> str:
    try:
        return Path(path_text).expanduser().read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not text"
        raise CliError.of("cannot_read_2", what=what, path_text=path_text, reason=reason) from None


def _merchants(specs: list[str]) -> list[tuple[str, Any]]:
    from cashier_app.gateway.signing import KeyFormatError, load_public_key

    merchants = []
    for spec in specs:
        client_id, sep, key_file = spec.partition("=")
        if not sep or not client_id.strip() or not key_file.strip():
            raise CliError.of("merchant_expected_client_id_public_key", spec=spec)
        text = _read(key_file, f"--merchant {client_id}")
        try:
            merchants.append((client_id.strip(), load_public_key(text)))
        except KeyFormatError as exc:
            raise CliError.of("merchant", client_id=client_id, key_file=key_file, exc=exc) from None
    return merchants


def _autopay(args: argparse.Namespace) -> tuple[str, float] | None:
    from cashier_app.sandbox.autopay import MAX_DELAY

    for action in ("approve", "decline", "expire"):
        seconds = getattr(args, f"auto_{action}", None)
        if seconds is None:
            continue
        if not 0 <= seconds <= MAX_DELAY:  # also refuses nan
            raise CliError.of(
                "auto_must_from_0_seconds",
                action=action,
                seconds=f"{seconds:g}",
                max_delay=f"{MAX_DELAY:g}",
            )
        return action, seconds
    return None


def parse_lan(text: str) -> tuple[str, int]:
    """``ADDRESS[:PORT]`` (``[v6]:PORT`` for IPv6) -> (address, port); CliError names it."""
    from cashier_app.sandbox.gateway import SandboxError, lan_host

    value = text.strip()
    address, port_text = value, ""
    if value.startswith("["):
        address, _, rest = value[1:].partition("]")
        port_text = rest[1:] if rest.startswith(":") else rest
    elif value.count(":") == 1:
        address, _, port_text = value.partition(":")
    port = 0
    if port_text:
        if not port_text.isdigit() or not 0 <= int(port_text) <= 65535:
            raise CliError.of("lan_port_must_number_from_0", text=text)
        port = int(port_text)
    try:
        return lan_host(address), port
    except SandboxError as exc:
        raise CliError.of("lan", text=text, exc=exc) from None


def lan_help(lan_url: str) -> str:
    """What the operator reads once the LAN listener is up: where phones go, and why a
    phone might not get there."""
    from urllib.parse import urlsplit

    from cashier_app.domain.net import is_loopback_host

    parts = urlsplit(lan_url)
    lines = [
        t(
            "Wallet pages for phones: %1 (each sale's QR code carries the session token; "
            "without it the pages answer 403).",
            lan_url,
        ),
        t("If the phone cannot open the page:"),
        t(
            "  - the phone must be on the same network as this computer (a guest or "
            "'isolated' Wi-Fi keeps devices apart; mobile data cannot reach it);"
        ),
        t(
            "  - %1 must be this computer's address on that network (see `ip addr` or the "
            "Wi-Fi settings);",
            parts.hostname,
        ),
        t(
            "  - the firewall must let in TCP port %1 (e.g. `sudo ufw allow %1/tcp`);",
            parts.port,
        ),
        t("  - the address is plain http: some phone browsers warn first; choose to continue."),
    ]
    if is_loopback_host(parts.hostname):
        lines.insert(
            1,
            t(
                "Note: %1 is a loopback address: only this computer can open it, no phone can.",
                parts.hostname,
            ),
        )
    return "\n".join(lines)


def remote_warning(host: str, port: int) -> str:
    """What ``--allow-remote`` exposes, said before the port opens."""
    return t(
        "warning: --allow-remote: the sandbox will listen on %1:%2, beyond this machine, over "
        "plain HTTP with no authentication. Anyone who can reach it can approve, decline or "
        "expire payments (/sandbox/payments/<paymentId>/...), make wallet payment codes, turn "
        "on auto-pay (/sandbox/autopay), inject faults (/sandbox/faults), register merchant "
        "keys, and see every payment's details on its wallet pages. Use it only on a network "
        "you trust, never with real money.",
        host,
        port,
    )


def run(args: argparse.Namespace) -> int:
    from cashier_app.domain.net import is_loopback_host
    from cashier_app.gateway.signing import KeyFormatError, load_private_key
    from cashier_app.sandbox import SandboxError, SandboxGateway

    if not is_loopback_host(args.host) and not args.allow_remote:
        raise CliError.of("host_not_loopback_address_sandbox_s", host=args.host)
    if args.allow_remote and not is_loopback_host(args.host):
        print(remote_warning(args.host, args.port), file=sys.stderr)
    if not 0 <= args.port <= 65535:
        raise CliError.of("port_must_from_0_65535", port=args.port)
    if args.expiry is not None and not args.expiry > 0:
        raise CliError.of("expiry_must_greater_than_zero", expiry=f"{args.expiry:g}")
    if args.sign_workers is not None and not 0 <= args.sign_workers <= 64:
        raise CliError.of("sign_workers_must_from_0_64", sign_workers=args.sign_workers)
    cores = os.cpu_count() or 1
    sign_workers = (
        args.sign_workers if args.sign_workers is not None else (cores if cores > 1 else 0)
    )
    for flag, value in (
        ("--async-refunds", args.async_refunds),
        ("--request-time-tolerance", args.request_time_tolerance),
    ):
        if value is not None and not value > 0:
            raise CliError.of("must_greater_than_zero", flag=flag, value=f"{value:g}")
    if not args.notify_compression > 0:
        raise CliError.of(
            "notify_compression_must_greater_than_zero",
            notify_compression=f"{args.notify_compression:g}",
        )
    autopay = _autopay(args)
    lan = parse_lan(args.lan) if args.lan else None
    merchants = _merchants(args.merchant)
    key = None
    if args.gateway_private_key:
        try:
            key = load_private_key(_read(args.gateway_private_key, "--gateway-private-key"))
        except KeyFormatError as exc:
            raise CliError.of("gateway_private_key", exc=exc) from None
    try:
        gateway = SandboxGateway(
            args.host,
            args.port,
            gateway_private_key=key,
            default_expiry_seconds=args.expiry,
            async_refunds=args.async_refunds is not None,
            refund_settle_seconds=args.async_refunds or 2.0,
            request_time_tolerance=args.request_time_tolerance,
            notify_compression=args.notify_compression,
            allow_remote=args.allow_remote,
            state_path=args.state,
            bad_state="raise",
            sign_workers=sign_workers,
        )
        for client_id, public_key in merchants:
            gateway.register_merchant(client_id, public_key)
        if autopay is not None:
            gateway.set_autopay(*autopay)
    except SandboxError as exc:
        if "client id" in str(exc):
            raise CliError.of("option_error", option="--merchant", error=exc) from None
        raise CliError.of("error", error=exc) from None

    stop = threading.Event()

    def _on_signal(signum: int, frame: Any) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, _on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        try:
            gateway.start()
        except SandboxError as exc:
            raise CliError.of("port", port=args.port, exc=exc, exit_code=1) from None
        if lan is not None:
            try:
                gateway.start_lan(*lan)
            except SandboxError as exc:
                raise CliError.of("lan_2", lan=args.lan, exc=exc, exit_code=1) from None
        ready: dict[str, Any] = {
            "url": gateway.url,
            "gateway_public_key": gateway.gateway_public_key_base64,
            "merchants": gateway.merchants,
            "default_expiry_seconds": gateway.default_expiry_seconds,
            "sign_workers": sign_workers,
        }
        if gateway.autopay.active:
            ready["autopay"] = gateway.autopay.to_json()
        if gateway.lan_url:
            # The operator's own session token: scripts driving the LAN routes need it.
            ready["lan_url"] = gateway.lan_url
            ready["lan_token"] = gateway.lan_token
        if args.state:
            ready["state"] = str(gateway.store.state.path if gateway.store.state else "")
        print(json.dumps(ready), flush=True)
        if gateway.lan_url:
            print(lan_help(gateway.lan_url), file=sys.stderr, flush=True)
        while not stop.wait(0.5):
            pass
    finally:
        gateway.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    print(t("cashier sandbox: stopped"), file=sys.stderr, flush=True)
    return 0
