"""Every sub-command is there or the command fails loudly: no silent skipping in the CLI,
and the PyInstaller spec takes its list from the package (tests/install/test_bundle.py
checks the built bundle)."""

from __future__ import annotations

from pathlib import Path

import pytest

import cashier_app.cli as cli

ROOT = Path(__file__).resolve().parents[2]


def test_a_missing_sub_command_module_is_an_error(monkeypatch):
    monkeypatch.setattr(cli, "COMMAND_MODULES", (*cli.COMMAND_MODULES, "vanished"))
    with pytest.raises(ModuleNotFoundError, match=r"cashier_app\.cli\.vanished"):
        cli.build_parser()


def test_every_listed_module_is_a_sub_command():
    parser = cli.build_parser()
    (sub,) = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    assert list(sub.choices) == list(cli.COMMAND_MODULES)
    for name in cli.COMMAND_MODULES:
        assert (ROOT / "cashier_app" / "cli" / f"{name}.py").is_file()


def test_the_spec_derives_its_modules_from_the_package():
    spec = (ROOT / "packaging" / "cashier.spec").read_text()
    assert 'collect_submodules("cashier_app")' in spec
    assert "from cashier_app.cli import COMMAND_MODULES" in spec
    assert "raise SystemExit" in spec  # a module it could not collect stops the build
    assert not any(f'"cashier_app.cli.{m}"' in spec for m in cli.COMMAND_MODULES)  # no hand list
    assert '(str(ROOT / "cashier_app" / "resources"), "cashier_app/resources")' in spec
