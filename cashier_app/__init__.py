"""cashier: a desktop merchant cashier for Alipay and Alipay+ wallets on the Antom gateway."""

from pathlib import Path

__version__ = "0.1.0"

#: Top-level ``resources/`` folder (wallet tiles, stylesheet, translations).
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
