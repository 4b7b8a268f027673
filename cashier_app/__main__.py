"""Allow ``python -m cashier_app``."""

from cashier_app.cli import main

raise SystemExit(main())
