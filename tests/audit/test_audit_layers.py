"""Audit: every module of the package sits in a layer of the import-linter contract that
`make lint` checks, so a new package or top-level module cannot slip outside the rules."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import cashier_app

PACKAGE = Path(cashier_app.__file__).parent
PYPROJECT = PACKAGE.parent / "pyproject.toml"


def _layered_modules() -> set[str]:
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    (layers,) = [c for c in config["contracts"] if c["type"] == "layers"]
    return {name.strip() for layer in layers["layers"] for name in re.split(r"[|:]", layer)}


def _top_level_modules() -> set[str]:
    """cashier_app's children: its packages and its modules, but not the package root."""
    found = set()
    for entry in PACKAGE.iterdir():
        if entry.is_dir() and (entry / "__init__.py").exists():
            found.add(f"cashier_app.{entry.name}")
        elif entry.suffix == ".py" and entry.name != "__init__.py":
            found.add(f"cashier_app.{entry.stem}")
    return found


def test_every_module_of_the_package_is_in_a_layer():
    outside = _top_level_modules() - _layered_modules()
    assert not outside, f"modules outside the layer contract (pyproject.toml): {sorted(outside)}"


def test_the_layer_contract_names_only_modules_that_exist():
    stale = _layered_modules() - _top_level_modules()
    assert not stale, f"the layer contract names modules that do not exist: {sorted(stale)}"


def test_nothing_but_package_data_sits_beside_the_packages():
    """A folder of .py files without __init__.py would be a namespace package the contract
    does not see (resources/ is package data only)."""
    loose = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if not (path.parent / "__init__.py").exists()
    ]
    assert not loose, f"modules outside any package: {loose}"
