"""``httpx`` without its command-line interface, for every gateway module to import.

``import httpx`` also imports ``httpx._main`` (the ``httpx`` console command) and with it
rich, click and pygments whenever they are installed: about a third of httpx's import
time, a good part of every headless ``cashier pay``, for a command we never run. httpx
itself falls back to a stub ``main`` when ``httpx._main`` cannot be imported; a ``None``
in ``sys.modules`` (the documented way to stop an import) makes it so while httpx loads,
and is taken away again so that ``import httpx._main`` later works as usual.
"""

from __future__ import annotations

import sys

if "httpx" not in sys.modules:
    _block = "httpx._main" not in sys.modules
    if _block:
        sys.modules["httpx._main"] = None  # type: ignore[assignment]
    try:
        import httpx
    finally:
        if _block and sys.modules.get("httpx._main", False) is None:
            del sys.modules["httpx._main"]

import httpx

__all__ = ["httpx"]
