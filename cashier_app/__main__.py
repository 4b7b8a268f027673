"""Allow ``python -m cashier_app``."""

from cashier_app.cli import entry

entry()
