"""PyInstaller entry point: the ``cashier`` command."""

from cashier_app.cli import entry

entry()
