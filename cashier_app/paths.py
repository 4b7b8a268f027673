"""Where the app keeps its config, data and logs; ``CASHIER_CONFIG_DIR``, ``CASHIER_DATA_DIR``
and ``CASHIER_LOG_DIR`` override the platform directories (tests and portable installs)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "cashier"


def config_dir() -> Path:
    override = os.environ.get("CASHIER_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    override = os.environ.get("CASHIER_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME))


def journal_path() -> Path:
    return data_dir() / "journal.sqlite3"


def log_dir() -> Path:
    override = os.environ.get("CASHIER_LOG_DIR")
    return Path(override) if override else Path(platformdirs.user_log_dir(APP_NAME))


def log_path() -> Path:
    return log_dir() / "cashier.log"
