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
from typing import TYPE_CHECKING, Any

from cashier_app.cli.keys import add_keystore_options, backend_said, key_problem_text
from cashier_app.cli.text import Said, both, joined, pad, profile_environment, t
from cashier_app.domain.values import dataclass

if TYPE_CHECKING:
    from cashier_app.checkout.probe import ProbeResult


@dataclass(frozen=True, slots=True)
class Check:
    name: str  #: a code (log, journal, profile, keys, gateway, clock)
    ok: bool
    detail: str  #: in English, for the JSON output
    shown: str = ""  #: in the operator's language, for the checklist

    @classmethod
    def of(cls, name: str, ok: bool, said: Said) -> Check:
        """A check from ``both(...)``: its English and its local text."""
        return cls(name, ok, *said)

    def as_json(self) -> dict[str, object]:
        return {"name": self.name, "ok": self.ok, "detail": self.detail}


def _check_names() -> dict[str, str]:
    return {
        "log": t("log"),
        "journal": t("journal"),
        "profile": t("profile"),
        "keys": t("keys"),
        "gateway": t("gateway"),
        "clock": t("clock"),
    }


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
        print(json.dumps([c.as_json() for c in checks], ensure_ascii=False))
    else:
        names = _check_names()
        for c in checks:
            print(
                f"{'✓' if c.ok else '✗'} {pad(names.get(c.name, c.name), 8)} {c.shown or c.detail}"
            )
    failed = [c for c in checks if not c.ok]
    if failed and not args.json:
        print(t("%1 check(s) failed", len(failed)), file=sys.stderr)
    return 1 if failed else 0


def _check_log(checks: list[Check]) -> None:
    """Where this till's log is (what to look at when it misbehaves), and that it is
    writable."""
    import os

    from cashier_app.support import logs

    path = logs.log_file()
    if path is None:
        checks.append(
            Check.of("log", False, both("%1 cannot be written", logs.describe_log_file()))
        )
        return
    ok = os.access(path if path.exists() else path.parent, os.W_OK)
    checks.append(Check.of("log", ok, both("%1" if ok else "%1 is not writable", path)))


def _check_journal(checks: list[Check]) -> None:
    from cashier_app.journal import SCHEMA_VERSION, Journal, JournalError
    from cashier_app.support import paths

    try:
        journal = Journal(paths.journal_path())
    except JournalError as exc:
        checks.append(Check.of("journal", False, both("%1 (no payment can be taken)", exc)))
        return
    try:
        open_count = len(journal.non_final_payments())
    finally:
        journal.close()
    where = paths.journal_path()
    said = (
        both(
            "%1 (schema %2); %3 unfinished payment(s): run 'cashier recover'",
            where,
            SCHEMA_VERSION,
            open_count,
        )
        if open_count
        else both("%1 (schema %2); no unfinished payments", where, SCHEMA_VERSION)
    )
    checks.append(Check.of("journal", True, said))


def _check_profile(checks: list[Check], name: str | None) -> Any:
    from cashier_app.keystore.profiles import ProfileError, ProfileStore

    try:
        profile = ProfileStore().resolve(name)
    except ProfileError as exc:
        checks.append(Check.of("profile", False, both("%1", exc)))
        return None
    where = profile.gateway_url or both("embedded sandbox (in-process)")
    said = both(
        "%1: %2, %3, client id %4, %5, dialect %6",
        profile.name,
        Said(profile.environment.value, profile_environment(profile.environment.value)),
        where,
        profile.client_id,
        profile.currency,
        profile.dialect,
    )
    checks.append(Check.of("profile", True, said))
    return profile


def _check_keys(checks: list[Check], profile: Any, args: argparse.Namespace) -> bool:
    from cashier_app.keystore.backends import KeyStoreError
    from cashier_app.keystore.store import KeyStore

    try:
        keys = KeyStore.open(args.keystore, passphrase_file=args.keystore_passphrase_file)
        status = keys.status(profile)
        problems = keys.problems(profile)
    except KeyStoreError as exc:
        checks.append(Check.of("keys", False, both("%1", exc)))
        return False
    ok = status.merchant is not None and status.gateway is not None and not problems
    parts = [both("in %1", backend_said(status))]
    parts.append(
        both("merchant key v%1 %2…", status.active_version, status.merchant.fingerprint[:23])
        if status.merchant
        else both("no merchant key (version %1)", status.active_version)
    )
    parts.append(
        both("gateway key %1…", status.gateway.fingerprint[:23])
        if status.gateway
        else both("no gateway key")
    )
    parts += [key_problem_text(p) for p in problems]
    checks.append(Check.of("keys", ok, joined(parts)))
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
        checks.append(Check.of("gateway", False, both("cannot start: %1", exc)))
        return
    with services:
        result = probe_gateway(services.client)
        where = services.sandbox.url if services.sandbox is not None else profile.gateway_url
    said = both("%1: %2 (%3 ms)", where, probe_said(result), f"{result.elapsed_ms:.0f}")
    checks.append(Check.of("gateway", result.ok, said))
    if result.skew_seconds is not None:
        checks.append(_clock_check(result.skew_seconds))


def probe_said(result: ProbeResult) -> Said:
    """What the gateway check found (checkout.probe's summary), in both languages."""
    head, _, detail = result.summary.partition(": ")
    static = {
        "ORDER_NOT_EXIST": t("gateway reachable; merchant key accepted; gateway key verified"),
        "SUCCESS": t("gateway reachable; keys verified (it answered an unknown id with S)"),
        "INVALID_SIGNATURE": t(
            "the gateway rejects our signature: the public key registered in the Antom "
            "Dashboard is not this profile's merchant key (export it with 'cashier keys "
            "export-public' and upload it)"
        ),
        "KEY_NOT_FOUND": t(
            "the gateway has no public key for this client id and key version: upload the "
            "merchant public key in the Antom Dashboard, or check the profile's key version"
        ),
        "CLIENT_INVALID": t(
            "the gateway does not know this client id: check the profile's client id and "
            "environment (SANDBOX_ ids need the sandbox)"
        ),
        "INVALID_CLIENT_STATUS": t("the gateway says this client id is not active"),
        "ACCESS_DENIED": t("the gateway refuses this client id access to inquiryPayment"),
    }
    with_detail = {
        "RESPONSE_SIGNATURE_INVALID": t(
            "the gateway's answer does not verify with this profile's gateway public key "
            "(was the merchant's own public key imported as the gateway key?): %1",
            detail,
        ),
        "GATEWAY_TIMEOUT": t("the gateway did not answer in time: %1", detail),
        "NETWORK_ERROR": t("the gateway is unreachable: %1", detail),
        "RESPONSE_MALFORMED": t("the gateway's answer is not Antom's: %1", detail),
    }
    if result.code in static:
        shown = static[result.code]
    elif result.code in with_detail and detail:
        shown = with_detail[result.code]
    elif head.startswith("unexpected answer ") and detail:
        shown = t("unexpected answer %1: %2", result.code, detail)
    else:
        shown = result.summary
    return Said(result.summary, shown)


#: More than this between the till's clock and the gateway's is reported as a problem:
#: notification ages and any gateway-side time check go wrong long before an hour.
CLOCK_TOLERANCE_SECONDS = 60.0


def _clock_check(skew: float) -> Check:
    """The skew between this machine and the gateway's signed Response-Time."""
    if abs(skew) < 2:  # Response-Time often has whole seconds only
        return Check.of(
            "clock", True, both("in step with the gateway's Response-Time (within 2 s)")
        )
    seconds = f"{abs(skew):.0f}"
    detail = (
        both("this machine is %1 s behind the gateway's Response-Time", seconds)
        if skew > 0
        else both("this machine is %1 s ahead of the gateway's Response-Time", seconds)
    )
    if abs(skew) <= CLOCK_TOLERANCE_SECONDS:
        return Check.of("clock", True, detail)
    return Check.of(
        "clock",
        False,
        both(
            "%1: set this machine's clock (NTP); more than %2 s apart breaks time checks",
            detail,
            f"{CLOCK_TOLERANCE_SECONDS:.0f}",
        ),
    )
