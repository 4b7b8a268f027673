"""The config, data and log folders: the same as platformdirs says, without importing it
in the plain Linux cases (it cost some 10 ms of every start)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from cashier_app.support import paths

CASES = [
    {},  # no XDG variable: under HOME
    {"XDG_CONFIG_HOME": "/srv/c", "XDG_DATA_HOME": "/srv/d", "XDG_STATE_HOME": "/srv/s"},
    {"XDG_CONFIG_HOME": "", "XDG_DATA_HOME": "", "XDG_STATE_HOME": ""},  # set but empty
    {"XDG_CONFIG_HOME": "rel/c", "XDG_DATA_HOME": "rel/d", "XDG_STATE_HOME": "rel/s"},
    {"HOME": "relative-home"},
]


@pytest.mark.parametrize("env", CASES, ids=["unset", "absolute", "empty", "relative", "home"])
def test_the_folders_are_platformdirs_own(monkeypatch, tmp_path, env):
    for name in ("CASHIER_CONFIG_DIR", "CASHIER_DATA_DIR", "CASHIER_LOG_DIR"):
        monkeypatch.delenv(name, raising=False)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    expected = [
        Path(platformdirs.user_config_dir("cashier")),
        Path(platformdirs.user_data_dir("cashier")),
        Path(platformdirs.user_log_dir("cashier")),
    ]
    assert [paths.config_dir(), paths.data_dir(), paths.log_dir()] == expected


def test_the_plain_case_does_not_import_platformdirs(tmp_path):
    script = (
        "import sys\n"
        "from cashier_app.support import paths\n"
        "print(paths.config_dir(), paths.data_dir(), paths.log_dir(),"
        " 'platformdirs' in sys.modules)\n"
    )
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 0, out.stderr
    home = tmp_path
    expected = f"{home}/.config/cashier {home}/.local/share/cashier {home}/.local/state/cashier/log"
    assert out.stdout.split(" False")[0].strip() == expected
    assert out.stdout.strip().endswith("False")
