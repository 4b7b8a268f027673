"""Settings of this installation that are not a merchant profile: ``<config dir>/settings.json``.

Today one: ``language``, the operator's choice in Setup → Language (``en`` or ``zh_CN``;
absent: follow the system). Qt-free, so the CLI reads the same choice. A damaged file is
treated as empty (the language falls back to the system's) and is replaced by the next save.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from cashier_app.support import paths

log = logging.getLogger(__name__)

#: Languages an operator can choose (the first is the source language).
LANGUAGES = ("en", "zh_CN")


def settings_path() -> Path:
    return paths.config_dir() / "settings.json"


def _load() -> dict[str, Any]:
    path = settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}  # (no file, no json: its import and regexes, before the GUI's first paint)
    except (OSError, ValueError) as exc:  # unreadable, or not UTF-8
        log.warning("settings file %s is unreadable (%s); using the defaults", path, exc)
        return {}
    import json

    try:
        data = json.loads(text)
    except ValueError as exc:
        log.warning("settings file %s is unreadable (%s); using the defaults", path, exc)
        return {}
    return data if isinstance(data, dict) else {}


def saved_language() -> str | None:
    """The language the operator chose (``en`` / ``zh_CN``), or None: follow the system."""
    lang = _load().get("language")
    return lang if lang in LANGUAGES else None


def save_language(lang: str | None) -> None:
    """Remember ``lang`` for the next start (None: follow the system again)."""
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"language {lang!r} is not one of {', '.join(LANGUAGES)}")
    data = _load()
    if lang is None:
        data.pop("language", None)
    else:
        data["language"] = lang
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    import json

    text = json.dumps(data, indent=2, sort_keys=True) + "\n"
    partial = path.with_name(path.name + ".partial")  # never a half-written settings file
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)
