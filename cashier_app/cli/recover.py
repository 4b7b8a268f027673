"""``cashier recover``: drive every payment left unfinished (crash, network drop) to a final state.

Without gateway options each payment's recorded profile is used (see gateway_options.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from typing import Any

from cashier_app.cli import CliError
from cashier_app.cli.gateway_options import add_gateway_options, gateway_from_args, open_services
from cashier_app.cli.history import open_journal


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "recover",
        help="finish payments left unfinished by a crash or network drop",
        description="Re-inquire every non-final payment (and unsettled refund) in the "
        "journal and drive it to a final state: paid, failed, expired or "
        "cancelled at the gateway. With gateway options only that merchant's "
        "payments are recovered; without, each payment's recorded profile is "
        "used. Prints one line per payment.",
    )
    add_gateway_options(p)
    p.add_argument(
        "--keep-pending",
        action="store_true",
        help="leave payments still waiting for the customer open instead of cancelling them",
    )
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(run=run)


def _line(before: Any, after: Any) -> dict[str, Any]:
    out: dict[str, Any] = after.summary_json()
    out["previous_status"] = before.status.value
    out["result_message"] = after.result_message
    return out


def _made_at(rec: Any, url: str, client_id: str) -> bool:
    """Whether ``rec`` was made at gateway ``url`` as ``client_id`` (rows journaled before
    the gateway was recorded go by their profile, which is the client id for these)."""
    if not rec.gateway_url:
        return bool(rec.profile == client_id)
    return bool(rec.client_id == client_id and rec.gateway_url.rstrip("/") == url.rstrip("/"))


def run(args: argparse.Namespace) -> int:
    from cashier_app.journal import JournalError

    gateway = gateway_from_args(args)
    journal = open_journal()
    try:
        pending = journal.non_final_payments()
        refunds = journal.non_final_refunds()
        owners = {r.payment_request_id: journal.get_payment(r.payment_request_id) for r in refunds}
    except JournalError as exc:
        raise CliError(str(exc), exit_code=1) from None
    finally:
        journal.close()
    by_profile: dict[str, list[Any]] = defaultdict(list)
    skipped: list[Any] = []
    for rec in pending:
        if gateway is not None and not _made_at(rec, gateway[0], gateway[1]):
            skipped.append(rec)
            continue
        if gateway is None and args.profile and rec.profile != args.profile:
            skipped.append(rec)
            continue
        by_profile[rec.profile].append(rec)
    for owner in owners.values():
        if owner is None or owner.profile in by_profile:
            continue
        if (gateway is not None and _made_at(owner, gateway[0], gateway[1])) or (
            gateway is None and args.profile in (None, owner.profile)
        ):
            by_profile[owner.profile] = []
    results: list[dict[str, Any]] = []
    problems: list[str] = []
    for profile in sorted(by_profile):
        results.extend(_recover_profile(profile, by_profile[profile], gateway, args, problems))
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    else:
        if not results and not problems:
            print("nothing to recover: every payment in the journal is final")
        for r in results:
            code = f" ({r['result_code']})" if r.get("result_code") else ""
            what = f"refund {r['refund_request_id']} of " if "refund_request_id" in r else ""
            print(
                f"{what}{r['payment_request_id']}: {r['previous_status']} -> "
                f"{r['status']}{code} {r['amount']} {r['currency']} {r.get('method', '')}".rstrip()
            )
    groups: dict[tuple[str, str], int] = defaultdict(int)
    for rec in skipped:
        groups[(rec.profile, rec.gateway_url)] += 1
    for (name, url), count in sorted(groups.items()):
        where = f", made at {url}" if url and gateway is not None else ""
        print(
            f"skipped {count} payment(s) of profile {name!r}{where} "
            f"(not the {'gateway' if gateway is not None else 'profile'} given)",
            file=sys.stderr,
        )
    for problem in problems:
        print(f"cashier recover: error: {problem}", file=sys.stderr)
    unfinished = [
        r for r in results if r["status"] not in ("SUCCESS", "FAILED", "CANCELLED", "EXPIRED")
    ]
    return 1 if problems or unfinished else 0


def _recover_profile(
    profile: str,
    recs: list[Any],
    gateway: tuple[Any, ...] | None,
    args: argparse.Namespace,
    problems: list[str],
) -> list[dict[str, Any]]:
    from cashier_app.journal.tilllock import RECOVERY, TillLock
    from cashier_app.support import paths

    try:
        services = open_services(
            gateway,
            None if gateway else profile,
            f"recover {len(recs)} payment(s) of profile {profile!r}",
            dialect=args.dialect,
            purpose=RECOVERY,
        )
    except CliError as exc:
        problems.append(str(exc))
        return []
    out: list[dict[str, Any]] = []
    # With gateway options the services run as that client id; the payments' own profile
    # may be another name, whose till (if one is live) owns them.
    owner_lock = (
        TillLock(paths.journal_path().parent / "locks", profile, RECOVERY)
        if services.profile.name != profile
        else None
    )
    with services:
        if not services.exclusive or (owner_lock is not None and not owner_lock.acquire()):
            holder = owner_lock.holder() if owner_lock is not None else ""
            problems.append(
                services.in_use_message()
                if not services.exclusive
                else f"another cashier process{f' (pid {holder})' if holder else ''} "
                f"is using profile {profile!r}; its unfinished payments are left "
                "to it"
            )
            return out
        try:
            out.extend(_recover_with(services, profile, recs, gateway, args, problems))
        finally:
            if owner_lock is not None:
                owner_lock.release()
    return out


def _recover_with(
    services: Any,
    profile: str,
    recs: list[Any],
    gateway: tuple[Any, ...] | None,
    args: argparse.Namespace,
    problems: list[str],
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    checkout = services.checkout
    journal = services.journal
    for rec in recs:
        if not checkout.made_here(rec):
            problems.append(
                f"payment {rec.payment_request_id} of profile {profile!r} was made at "
                f"{rec.gateway_url} as client {rec.client_id!r}, but the profile now uses "
                f"{checkout.gateway_url} as {checkout.client_id!r}: only the gateway it was "
                f"made at can finish it; run cashier recover --gateway {rec.gateway_url} "
                f"--client-id {rec.client_id} with that merchant's key files"
            )
    before_refunds = {r.refund_request_id: r for r in journal.non_final_refunds()}
    try:
        recovered = checkout.recover(
            cancel_pending=not args.keep_pending, payments=recs if gateway is not None else None
        )
    except Exception as exc:  # the journal or gateway failed mid-way: say so, keep going
        problems.append(f"recovery of profile {profile!r} stopped: {exc}")
        recovered = []
    before = {r.payment_request_id: r for r in recs}
    for after in recovered:
        prev = before.get(after.payment_request_id, after)
        out.append(_line(prev, after))
    for rrid, prev in before_refunds.items():
        now = journal.get_refund(rrid)
        if now is None or now.status is prev.status:
            continue
        out.append(
            {
                "refund_request_id": rrid,
                "payment_request_id": now.payment_request_id,
                "previous_status": prev.status.value,
                "status": now.status.value,
                "result_code": now.result_code,
                "amount": now.amount.decimal_str(),
                "currency": now.amount.currency,
            }
        )
    return out
