"""``cashier doctor``: is this till ready to take payments? A checklist, one line per check.

The log file (where it is), journal (opens, schema, unfinished payments), profile, key
store and keys (present, the classic mistakes), and the gateway: one harmless signed
``inquiryPayment`` for an id that cannot exist proves it is reachable, accepts our merchant
key, and signs with the gateway key we hold (checkout/probe.py). Exit status 0 only when
every check passed.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass
from typing import Any

from cashier_app.cli.keys import add_keystore_options


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    ok: bool
    detail: str


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "doctor",
        help="check the journal, profile, keys and gateway before taking payments",
        description=__doc__,
    )
    p.add_argument("--profile", metavar="NAME", help="the profile to check (default: active)")
    p.add_argument("--json", action="store_true", help="print the checks as JSON")
    add_keystore_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    checks: list[Check] = []
    _check_log(checks)
    _check_journal(checks)
    profile = _check_profile(checks, args.profile)
    # the embedded sandbox's keys are made in memory at start: nothing to check before
    if profile is not None and (profile.is_embedded_sandbox or _check_keys(checks, profile, args)):
        _check_gateway(checks, profile, args)
    if args.json:
        print(json.dumps([asdict(c) for c in checks], ensure_ascii=False))
    else:
        for c in checks:
            print(f"{'✓' if c.ok else '✗'} {c.name:<8} {c.detail}")
    failed = [c for c in checks if not c.ok]
    if failed and not args.json:
        print(f"{len(failed)} check(s) failed", file=sys.stderr)
    return 1 if failed else 0


def _check_log(checks: list[Check]) -> None:
    """Where this till's log is (what to look at when it misbehaves), and that it is
    writable."""
    import os

    from cashier_app.support import logs

    path = logs.log_file()
    if path is None:
        checks.append(Check("log", False, f"{logs.describe_log_file()} cannot be written"))
        return
    ok = os.access(path if path.exists() else path.parent, os.W_OK)
    checks.append(Check("log", ok, f"{path}" + ("" if ok else " is not writable")))


def _check_journal(checks: list[Check]) -> None:
    from cashier_app.journal import SCHEMA_VERSION, Journal, JournalError
    from cashier_app.support import paths

    try:
        journal = Journal(paths.journal_path())
    except JournalError as exc:
        checks.append(Check("journal", False, f"{exc} (no payment can be taken)"))
        return
    try:
        open_count = len(journal.non_final_payments())
    finally:
        journal.close()
    note = (
        f"; {open_count} unfinished payment(s): run 'cashier recover'"
        if open_count
        else "; no unfinished payments"
    )
    checks.append(Check("journal", True, f"{paths.journal_path()} (schema {SCHEMA_VERSION}){note}"))


def _check_profile(checks: list[Check], name: str | None) -> Any:
    from cashier_app.keystore.profiles import ProfileError, ProfileStore

    try:
        profile = ProfileStore().resolve(name)
    except ProfileError as exc:
        checks.append(Check("profile", False, str(exc)))
        return None
    where = profile.gateway_url or "embedded sandbox (in-process)"
    checks.append(
        Check(
            "profile",
            True,
            f"{profile.name}: {profile.environment.value}, "
            f"{where}, client id {profile.client_id}, "
            f"{profile.currency}, dialect {profile.dialect}",
        )
    )
    return profile


def _check_keys(checks: list[Check], profile: Any, args: argparse.Namespace) -> bool:
    from cashier_app.keystore.backends import KeyStoreError
    from cashier_app.keystore.store import KeyStore

    try:
        keys = KeyStore.open(args.keystore, passphrase_file=args.keystore_passphrase_file)
        status = keys.status(profile)
        problems = keys.problems(profile)
    except KeyStoreError as exc:
        checks.append(Check("keys", False, str(exc)))
        return False
    ok = status.merchant is not None and status.gateway is not None and not problems
    parts = [f"in {status.backend}"]
    parts.append(
        f"merchant key v{status.active_version} {status.merchant.fingerprint[:23]}…"
        if status.merchant
        else f"no merchant key (version {status.active_version})"
    )
    parts.append(
        f"gateway key {status.gateway.fingerprint[:23]}…" if status.gateway else "no gateway key"
    )
    parts += [str(p) for p in problems]
    checks.append(Check("keys", ok, "; ".join(parts)))
    return ok


def _check_gateway(checks: list[Check], profile: Any, args: argparse.Namespace) -> None:
    from cashier_app.app import build_services
    from cashier_app.checkout.probe import probe_gateway
    from cashier_app.keystore.backends import read_passphrase_file

    passphrase = (
        read_passphrase_file(args.keystore_passphrase_file)
        if args.keystore_passphrase_file
        else None
    )
    try:
        services = build_services(profile.name, notifications=False, keystore_passphrase=passphrase)
    except Exception as exc:  # whatever stops the services from starting is the finding
        checks.append(Check("gateway", False, f"cannot start: {exc}"))
        return
    with services:
        result = probe_gateway(services.client)
        where = services.sandbox.url if services.sandbox is not None else profile.gateway_url
    checks.append(
        Check("gateway", result.ok, f"{where}: {result.summary} ({result.elapsed_ms:.0f} ms)")
    )
    if result.skew_seconds is not None:
        checks.append(_clock_check(result.skew_seconds))


#: More than this between the till's clock and the gateway's is reported as a problem:
#: notification ages and any gateway-side time check go wrong long before an hour.
CLOCK_TOLERANCE_SECONDS = 60.0


def _clock_check(skew: float) -> Check:
    """The skew between this machine and the gateway's signed Response-Time."""
    if abs(skew) < 2:  # Response-Time often has whole seconds only
        return Check("clock", True, "in step with the gateway's Response-Time (within 2 s)")
    where = "behind" if skew > 0 else "ahead of"
    detail = f"this machine is {abs(skew):.0f} s {where} the gateway's Response-Time"
    if abs(skew) <= CLOCK_TOLERANCE_SECONDS:
        return Check("clock", True, detail)
    return Check(
        "clock",
        False,
        f"{detail}: set this machine's clock (NTP); more than "
        f"{CLOCK_TOLERANCE_SECONDS:.0f} s apart breaks time checks",
    )
