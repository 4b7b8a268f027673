"""cashier: a desktop merchant cashier for Alipay and Alipay+ wallets on the Antom gateway."""

from __future__ import annotations

from pathlib import Path


def version() -> str:
    """The installed distribution's version, as ``importlib.metadata.version("cashier")``
    gives it (the ``Version`` that pyproject.toml declared, the one source of truth).
    Looked up on first use, not at import, and read straight from the distribution's
    metadata file where ``sys.path`` has it as files: ``importlib.metadata`` itself (with
    zipfile, csv and email) cost more than the rest of a request's headers."""
    global _version
    if _version is None:
        found = _version_from_files()
        if found is None:  # a zip import, a bundle: the full lookup
            from importlib.metadata import PackageNotFoundError
            from importlib.metadata import version as dist_version

            try:
                found = dist_version("cashier")
            except PackageNotFoundError:  # a tree that was never installed
                found = "0+unknown"
        _version = found
    return _version


def _version_from_files() -> str | None:
    """The first ``cashier`` distribution on ``sys.path`` (``*.dist-info/METADATA`` or
    ``*.egg-info/PKG-INFO``, in sys.path order): its ``Version`` header."""
    import os
    import sys

    for entry in sys.path:
        folder = entry or "."
        try:
            names = sorted(os.listdir(folder))
        except (OSError, TypeError):
            continue
        for name in names:
            stem, _, suffix = name.rpartition(".")
            if suffix not in ("dist-info", "egg-info"):
                continue
            if stem.partition("-")[0].lower().replace(".", "_") != "cashier":
                continue
            meta = os.path.join(folder, name, "METADATA" if suffix == "dist-info" else "PKG-INFO")
            try:
                with open(meta, encoding="utf-8") as lines:
                    for line in lines:
                        if line.startswith("Version:"):
                            return line.partition(":")[2].strip()
                        if not line.strip():  # the headers end at the first blank line
                            break
            except OSError:
                continue
    return None


_version: str | None = None


def __getattr__(name: str) -> str:
    if name == "__version__":  # ``from cashier_app import __version__`` still works
        return version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def resources() -> Path:
    """The package's data folder (icons, stylesheet, wallet tiles, translations): beside
    this file when the package is files (a checkout, a wheel, the PyInstaller bundle), else
    found with ``importlib.resources`` (which costs the GUI's start-up a few milliseconds)."""
    here = Path(__file__).parent / "resources"
    if here.is_dir():
        return here
    from importlib.resources import files

    root = files(__name__) / "resources"
    if not isinstance(root, Path):  # a zip import: Qt needs real files
        raise RuntimeError("cashier must be installed as files, not run from a zip archive")
    return root
