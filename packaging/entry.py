"""PyInstaller entry point: the ``cashier`` command."""

from cashier_app.cli import main

raise SystemExit(main())
