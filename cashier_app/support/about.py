"""What is running where: version, Python, Qt and PySide6, platform, the profile's
environment, data, config and log paths. Qt-free (Qt versions only when PySide6 is already
importable); shown by the About dialog and at the head of every crash report."""

from __future__ import annotations

import platform
import sys
from typing import Any


def qt_versions() -> tuple[str, str]:
    """(Qt run-time version, PySide6 version); ("-", "-") without PySide6."""
    try:
        import PySide6
        from PySide6.QtCore import qVersion
    except ImportError:
        return "-", "-"
    return qVersion(), PySide6.__version__


def facts(profile: Any = None, gateway_url: str = "") -> list[tuple[str, str]]:
    """(label, value) pairs, in the order they are shown. ``profile`` is the running one."""
    from cashier_app import version
    from cashier_app.support import logs, paths

    qt, pyside = qt_versions()
    rows = [
        ("Version", f"cashier {version()}"),
        ("Qt", qt),
        ("PySide6", pyside),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
        ("Platform", platform.platform()),
    ]
    if getattr(sys, "frozen", False):
        rows.append(("Bundle", sys.executable))
    if profile is not None:
        env = str(getattr(profile.environment, "value", profile.environment))
        rows.append(("Profile", f"{profile.name} ({env})"))
        rows.append(("Gateway", gateway_url or profile.gateway_url or "embedded sandbox"))
    rows += [
        ("Data", str(paths.data_dir())),
        ("Config", str(paths.config_dir())),
        ("Log", logs.describe_log_file()),
    ]
    return rows


def facts_text(profile: Any = None, gateway_url: str = "") -> str:
    return "\n".join(f"{label}: {value}" for label, value in facts(profile, gateway_url))
