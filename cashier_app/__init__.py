"""cashier: a desktop merchant cashier for Alipay and Alipay+ wallets on the Antom gateway."""

from __future__ import annotations

from pathlib import Path


def version() -> str:
    """The installed distribution's version: ``importlib.metadata`` reads what pyproject.toml
    declared (the one source of truth). Looked up on first use, not at import: start-up and
    ``cashier pay`` should not pay for importlib.metadata."""
    global _version
    if _version is None:
        from importlib.metadata import PackageNotFoundError
        from importlib.metadata import version as dist_version

        try:
            _version = dist_version("cashier")
        except PackageNotFoundError:  # a tree that was never installed
            _version = "0+unknown"
    return _version


_version: str | None = None


def __getattr__(name: str) -> str:
    if name == "__version__":  # ``from cashier_app import __version__`` still works
        return version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def resources() -> Path:
    """The package's data folder (icons, stylesheet, wallet tiles, translations), found with
    ``importlib.resources`` so it works from a checkout, a wheel and the PyInstaller bundle."""
    from importlib.resources import files

    root = files(__name__) / "resources"
    if not isinstance(root, Path):  # a zip import: Qt needs real files
        raise RuntimeError("cashier must be installed as files, not run from a zip archive")
    return root
