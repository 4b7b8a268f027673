"""Allow ``python -m cashier_app``."""

import gc

gc.disable()  # from the first import: cli.main lets it go once the command has started

from cashier_app.cli import entry  # noqa: E402

entry(collector_held=True)
