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


def private_file(path: Path) -> Path:
    """Make ``path`` a file only this user can read before anything is written to it (the
    journal, its SQLite ``-wal``/``-shm`` companions, which SQLite creates with the main
    file's mode, and the embedded sandbox's state): 0600, in a folder created 0700. The
    app's own data folder is tightened to 0700 if an older version left it open; existing
    files of ours are tightened to 0600. Other folders are left as their owner made them."""
    path = Path(path)
    folder = path.parent
    if not folder.exists():
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        _tighten(folder, 0o700)  # mkdir's mode is masked by the umask
    elif folder.resolve() == data_dir().resolve():
        _tighten(folder, 0o700)
    if os.name != "posix":  # pragma: no cover - Windows files inherit the profile's ACL
        return path
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for companion in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            _tighten(companion, 0o600)
    except OSError:
        return path  # the caller's own open reports what is wrong, in its words
    else:
        os.close(fd)
    return path


def _tighten(path: Path, mode: int) -> None:
    try:
        st = path.stat()
        if st.st_uid == os.getuid() and st.st_mode & 0o777 & ~mode:
            os.chmod(path, st.st_mode & 0o777 & mode)
    except (OSError, AttributeError):
        pass  # missing, not ours, or no getuid (Windows)
