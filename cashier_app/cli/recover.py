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
from cashier_app.cli.errors import Doing
from cashier_app.cli.gateway_options import (
    add_gateway_options,
    gateway_from_args,
    in_use_text,
    open_services,
)
from cashier_app.cli.history import open_journal
from cashier_app.cli.text import error_text, t


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
        raise CliError.of("error", error=exc, exit_code=1) from None
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
            print(t("nothing to recover: every payment in the journal is final"))
        for r in results:
            code = f" ({r['result_code']})" if r.get("result_code") else ""
            what = t("refund %1 of ", r["refund_request_id"]) if "refund_request_id" in r else ""
            line = (
                f"{what}{r['payment_request_id']}: {t(r['previous_status'])} -> "
                f"{t(r['status'])}{code} {r['amount']} {r['currency']} {r.get('method', '')}"
            )
            print(line.rstrip())
    groups: dict[tuple[str, str], int] = defaultdict(int)
    for rec in skipped:
        groups[(rec.profile, rec.gateway_url)] += 1
    for (name, url), count in sorted(groups.items()):
        if url and gateway is not None:
            line = t(
                "skipped %1 payment(s) of profile %2, made at %3 (not the gateway given)",
                count,
                repr(name),
                url,
            )
        elif gateway is not None:
            line = t(
                "skipped %1 payment(s) of profile %2 (not the gateway given)", count, repr(name)
            )
        else:
            line = t(
                "skipped %1 payment(s) of profile %2 (not the profile given)", count, repr(name)
            )
        print(line, file=sys.stderr)
    for problem in problems:
        print(t("cashier %1: error: %2", "recover", problem), file=sys.stderr)
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
            Doing.of("recover", count=len(recs), profile=repr(profile)),
            dialect=args.dialect,
            purpose=RECOVERY,
        )
    except CliError as exc:
        problems.append(error_text(exc))
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
                in_use_text(services)
                if not services.exclusive
                else t(
                    "another cashier process (pid %1) is using profile %2; its unfinished "
                    "payments are left to it",
                    holder or "?",
                    repr(profile),
                )
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
                t(
                    "payment %1 of profile %2 was made at %3 as client %4, but the profile "
                    "now uses %5 as %6: only the gateway it was made at can finish it; run "
                    "cashier recover --gateway %3 --client-id %7 with that merchant's key files",
                    rec.payment_request_id,
                    repr(profile),
                    rec.gateway_url,
                    repr(rec.client_id),
                    checkout.gateway_url,
                    repr(checkout.client_id),
                    rec.client_id,
                )
            )
    before_refunds = {r.refund_request_id: r for r in journal.non_final_refunds()}
    try:
        recovered = checkout.recover(
            cancel_pending=not args.keep_pending, payments=recs if gateway is not None else None
        )
    except Exception as exc:  # the journal or gateway failed mid-way: say so, keep going
        problems.append(t("recovery of profile %1 stopped: %2", repr(profile), error_text(exc)))
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
