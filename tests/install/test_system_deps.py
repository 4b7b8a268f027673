"""scripts/system-deps.sh (run by every `make run` and `make test`): what it finds missing,
asked of dpkg once for all the packages (once per package took about half a second of
every `make run`, before the window could open)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "system-deps.sh"


def _missing(packages: str) -> list[str]:
    env = dict(os.environ, CASHIER_SYSTEM_PKGS=packages)
    proc = subprocess.run(
        ["bash", str(SCRIPT), "--missing"], capture_output=True, text=True, env=env, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()


def test_what_is_missing_is_found_in_one_look():
    if shutil.which("dpkg-query") is None:
        pytest.skip("not a Debian system: the script installs nothing there")
    assert _missing("bash coreutils") == []  # installed on every Debian system
    assert _missing("bash no-such-package-cashier coreutils zz-nor-this-one") == [
        "no-such-package-cashier",
        "zz-nor-this-one",
    ]
    # the real list: every package this machine has is found (this run installs nothing)
    assert "bash" not in _missing("bash libgl1 fonts-dejavu-core")
