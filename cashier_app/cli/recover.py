"""``cashier recover``: drive every payment left unfinished (crash, network drop) to a final state.

Without gateway options each payment's recorded profile is used (see gateway_options.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from cashier_app.cli import CliError
from cashier_app.cli.gateway_options import add_gateway_options, gateway_from_args, open_services
from cashier_app.cli.history import open_journal

if TYPE_CHECKING:
    pass




def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "recover", help="finish payments left unfinished by a crash or network drop",
        description="Re-inquire every non-final payment (and unsettled refund) in the "
                    "journal and drive it to a final state: paid, failed, expired or "
                    "cancelled at the gateway. With gateway options only that merchant's "
                    "payments are recovered; without, each payment's recorded profile is "
                    "used. Prints one line per payment.")
    add_gateway_options(p)
    p.add_argument("--keep-pending", action="store_true",
                   help="leave payments still waiting for the customer open instead of "
                        "cancelling them")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(run=run)


def _line(before: Any, after: Any) -> dict[str, Any]:
    out: dict[str, Any] = after.summary_json()
    out["previous_status"] = before.status.value
    out["result_message"] = after.result_message
    return out


def run(args: argparse.Namespace) -> int:
    from cashier_app.journal import JournalError

    gateway = gateway_from_args(args)
    journal = open_journal()
    try:
        pending = journal.non_final_payments()
        refunds = journal.non_final_refunds()
        owners = {r.payment_request_id: journal.get_payment(r.payment_request_id)
                  for r in refunds}
    except JournalError as exc:
        raise CliError(str(exc), exit_code=1) from None
    finally:
        journal.close()
    by_profile: dict[str, list[Any]] = defaultdict(list)
    for rec in pending:
        by_profile[rec.profile].append(rec)
    for owner in owners.values():
        if owner is not None and owner.profile not in by_profile:
            by_profile[owner.profile] = []
    if gateway is not None:
        wanted = {gateway[1]}
    elif args.profile:
        wanted = {args.profile}
    else:
        wanted = set(by_profile)
    results: list[dict[str, Any]] = []
    problems: list[str] = []
    for profile in sorted(wanted & set(by_profile)):
        results.extend(_recover_profile(profile, by_profile[profile], gateway, args, problems))
    skipped = sorted(set(by_profile) - wanted)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    else:
        if not results and not problems:
            print("nothing to recover: every payment in the journal is final")
        for r in results:
            code = f" ({r['result_code']})" if r.get("result_code") else ""
            what = f"refund {r['refund_request_id']} of " if "refund_request_id" in r else ""
            print(f"{what}{r['payment_request_id']}: {r['previous_status']} -> "
                  f"{r['status']}{code} {r['amount']} {r['currency']} {r.get('method', '')}"
                  .rstrip())
        for name in skipped:
            print(f"skipped {len(by_profile[name])} payment(s) of profile {name!r} "
                  "(not the gateway given)", file=sys.stderr)
    for problem in problems:
        print(f"cashier recover: error: {problem}", file=sys.stderr)
    unfinished = [r for r in results if r["status"] not in ("SUCCESS", "FAILED", "CANCELLED",
                                                            "EXPIRED")]
    return 1 if problems or unfinished else 0


def _recover_profile(profile: str, recs: list[Any], gateway: tuple[Any, ...] | None,
                     args: argparse.Namespace, problems: list[str]) -> list[dict[str, Any]]:
    try:
        services = open_services(gateway, None if gateway else profile,
                                 f"recover {len(recs)} payment(s) of profile {profile!r}",
                                 dialect=args.dialect)
    except CliError as exc:
        problems.append(str(exc))
        return []
    out: list[dict[str, Any]] = []
    with services:
        if not services.exclusive:
            problems.append(services.in_use_message())
            return out
        journal = services.journal
        before_refunds = {r.refund_request_id: r for r in journal.non_final_refunds()}
        try:
            recovered = services.checkout.recover(cancel_pending=not args.keep_pending)
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
            out.append({"refund_request_id": rrid, "payment_request_id": now.payment_request_id,
                        "previous_status": prev.status.value, "status": now.status.value,
                        "result_code": now.result_code, "amount": now.amount.decimal_str(),
                        "currency": now.amount.currency})
    return out
