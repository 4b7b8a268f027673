"""Where the app keeps its config, data and logs; ``CASHIER_CONFIG_DIR``, ``CASHIER_DATA_DIR``
and ``CASHIER_LOG_DIR`` override the platform directories (tests and portable installs)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "cashier"

#: The XDG base directory variables of the three folders, with their defaults under HOME
#: (what platformdirs answers on Linux; the log folder is ``log`` in the state folder).
_XDG = {
    "config": ("XDG_CONFIG_HOME", ".config"),
    "data": ("XDG_DATA_HOME", ".local/share"),
    "log": ("XDG_STATE_HOME", ".local/state"),
}


def _xdg_dir(kind: str) -> str | None:
    """The folder platformdirs gives on Linux in the plain cases (the variable unset or
    an absolute path; HOME absolute), read without importing it: platformdirs, with the
    tempfile, shutil and re it loads, cost some 10 ms of every start, the GUI's before
    its first paint. None: any other case, where platformdirs itself decides
    (tests/support/test_paths.py compares the two)."""
    if not sys.platform.startswith("linux"):
        return None
    variable, default = _XDG[kind]
    base = os.environ.get(variable)
    if base is None:
        home = os.environ.get("HOME", "")
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, default)
    elif not os.path.isabs(base):
        return None  # relative or empty: platformdirs' own rules
    folder = os.path.join(base, APP_NAME)
    return os.path.join(folder, "log") if kind == "log" else folder


def _platform_dir(kind: str) -> Path:
    fast = _xdg_dir(kind)
    if fast is not None:
        return Path(fast)
    import platformdirs

    if kind == "config":
        return Path(platformdirs.user_config_dir(APP_NAME))
    if kind == "data":
        return Path(platformdirs.user_data_dir(APP_NAME))
    return Path(platformdirs.user_log_dir(APP_NAME))


def config_dir() -> Path:
    override = os.environ.get("CASHIER_CONFIG_DIR")
    return Path(override) if override else _platform_dir("config")


def data_dir() -> Path:
    override = os.environ.get("CASHIER_DATA_DIR")
    return Path(override) if override else _platform_dir("data")


def journal_path() -> Path:
    return data_dir() / "journal.sqlite3"


def store_link_path() -> Path:
    """Where ``cashier store join`` keeps this installation's store link (store/connect.py)."""
    return config_dir() / "store.json"


def log_dir() -> Path:
    override = os.environ.get("CASHIER_LOG_DIR")
    return Path(override) if override else _platform_dir("log")


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
