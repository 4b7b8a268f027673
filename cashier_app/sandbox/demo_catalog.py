"""What a demo file (``checkout/demo.py``) is checked against: the sandbox's one scenario
catalog (``scenarios.py``) and the in-store codes' scenarios (``payment_codes.py``).

The demo players depend on the catalog through this module only: its names, and whether a
scenario takes the parameters a demo gives it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cashier_app.domain.errors import CashierError
from cashier_app.sandbox import scenarios
from cashier_app.sandbox.payment_codes import SCENARIOS as _CODE_SCENARIOS


class SandboxCatalog:
    """``checkout.demo.Catalog`` over the sandbox's own lists."""

    code_scenarios: tuple[str, ...] = tuple(_CODE_SCENARIOS)
    scenario_names: tuple[str, ...] = tuple(scenarios.CATALOG)

    def params_problem(self, name: str, params: Mapping[str, Any]) -> CashierError | None:
        try:
            scenarios.parse_params(scenarios.get(name), params)
        except scenarios.ScenarioError as exc:
            return exc
        return None

    def plays_customer(self, name: str, params: Mapping[str, Any]) -> bool:
        """Whether the scenario plays the customer (its plan sets the auto-payer)."""
        scenario = scenarios.get(name)
        return scenario.plan(params).autopay is not None


CATALOG = SandboxCatalog()
