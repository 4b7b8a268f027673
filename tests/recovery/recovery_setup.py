"""Names the recovery tests share (importable by module name: every test folder has its
own ``conftest``, so ``from conftest import`` depends on which folder pytest loaded first)."""

from __future__ import annotations

from pathlib import Path

CLIENT_ID = "SANDBOX_RECOVERY_TEST"
REPO = Path(__file__).resolve().parents[2]
