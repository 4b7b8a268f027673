"""``cashier scenario list|set|clear``: the sandbox's named scenarios, from a script.

``list`` prints the catalog (``cashier_app/sandbox/scenarios.py``), one scenario a line:
name, parameters with their defaults and bounds, description (``--json`` for the full
record). ``set NAME [k=v ...]`` and ``clear`` act on a running sandbox through its control
endpoint (``--sandbox URL``, or ``$CASHIER_SANDBOX_URL``): the URL ``cashier sandbox``
printed. A bad name or parameter exits 2 naming it, before anything is sent; a sandbox that
cannot be reached exits 1.
"""

from __future__ import annotations

import argparse
import json
import os
from typing import Any

from cashier_app.cli import EXIT_FAILED, CliError
from cashier_app.cli.text import catalog_text, width, wrapped_row

ENV_URL = "CASHIER_SANDBOX_URL"


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "scenario",
        help="list the sandbox's named scenarios, set or clear one on a running sandbox",
        description="Named, parameterised sandbox scenarios (wallet outcomes, late or "
        "duplicate notifications, latency, 5xx, resets, timeouts, bad signatures, ...).",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    ls = actions.add_parser("list", help="print every scenario, one per line")
    ls.add_argument("--json", action="store_true", help="print the catalog as JSON")
    for name, text in (
        ("set", "play scenario NAME on a running sandbox (replaces the active one)"),
        ("clear", "drop the active scenario (its faults and its customer)"),
        ("show", "print the active scenario of a running sandbox as JSON"),
    ):
        sub = actions.add_parser(name, help=text, description=text)
        if name == "set":
            sub.add_argument("name", metavar="NAME", help="a name from `cashier scenario list`")
            sub.add_argument(
                "params", nargs="*", metavar="k=v", help="parameters, e.g. status=502 count=3"
            )
        sub.add_argument(
            "--sandbox",
            metavar="URL",
            default=os.environ.get(ENV_URL),
            help=f"the sandbox's url, as `cashier sandbox` printed it (default: ${ENV_URL})",
        )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from cashier_app.sandbox import scenarios

    if args.action is None:
        raise CliError.of("say_what_do_cashier_scenario_list")
    if args.action == "list":
        if args.json:
            print(json.dumps([s.to_json() for s in scenarios.CATALOG.values()], indent=2))
        else:
            _print_list(scenarios.CATALOG.values())
        return 0
    params: dict[str, Any] = {}
    if args.action == "set":
        try:  # checked here first: a typo never reaches the sandbox
            scenario = scenarios.get(args.name)
            params = scenarios.parse_params(scenario, scenarios.parse_assignments(args.params))
            scenario.plan(params)
        except scenarios.ScenarioError as exc:
            raise CliError.of("error", error=exc) from None
    client = _client(args.sandbox)
    from cashier_app.sandbox.control import SimulatorError

    try:
        if args.action == "set":
            state = client.set_scenario(scenario.name, params)
        elif args.action == "clear":
            state = client.clear_scenario()
        else:
            state = client.scenario()
    except SimulatorError as exc:
        code = 2 if exc.status == 400 else EXIT_FAILED
        raise CliError.of("sandbox", base_url=client.base_url, exc=exc, exit_code=code) from None
    print(json.dumps(state))
    return 0


def _print_list(catalog: Any) -> None:
    """One row per scenario in three columns sized to the terminal: name, parameters,
    description; a long cell wraps inside its own column (by display width)."""
    import re
    import shutil

    from cashier_app.sandbox import scenarios

    rows = []
    for scenario in catalog:
        usage = " ".join(p.describe() for p in scenario.params) or "-"
        description = catalog_text(scenarios.TEXT_CONTEXT, scenario.description)
        rows.append((scenario.name, usage, description or scenario.description))
    total = shutil.get_terminal_size().columns
    name_w = max(width(r[0]) for r in rows)
    # wide enough for the longest choice ("USER_PAYMENT_VERIFICATION_FAILED|") kept whole
    longest_item = max(width(item) for r in rows for item in re.findall(r"[^ |]+\|?", r[1]))
    usage_w = max(width(r[1]) for r in rows)
    if name_w + usage_w + max(width(r[2]) for r in rows) + 4 > total:  # does not fit: share
        usage_w = min(usage_w, max(longest_item, (total - name_w - 4) * 2 // 5))
    text_w = max(20, total - name_w - usage_w - 4)
    for row in rows:
        for line in wrapped_row(row, (name_w, usage_w, text_w)):
            print(line)


def _client(url: str | None) -> Any:
    from cashier_app.sandbox.control import SimulatorClient

    if not url:
        raise CliError.of("sandbox_url_needed_url_cashier_sandbox", env_url=ENV_URL)
    try:
        return SimulatorClient(url)
    except ValueError as exc:
        raise CliError.of("sandbox_2", exc=exc) from None
