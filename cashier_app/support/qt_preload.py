"""Qt's libraries loaded, and fontconfig's configuration read, on a worker thread while the
GUI thread imports PySide6 (``cashier gui``, cli/gui.py).

Before the window can show, the GUI thread imports PySide6, whose own Python start-up
comes before it loads any Qt library: the dynamic loader mapping and relocating libQt6Core,
Gui and Widgets and running their initialisers (some 14 ms), then fontconfig parsing its
dozens of configuration files at the first text laid out (some 9 ms) came after that,
one after the other on the GUI thread. :func:`start` has a worker do both meanwhile, with
Python's lock released (the worker calls C functions through ``_ctypes``: the ``ctypes``
package's own Python was 3 ms more), so a second core takes them off the start-up; the GUI
thread then finds the libraries loaded and fontconfig initialised, and loads and parses
nothing twice (the loader and fontconfig are thread-safe, each done once whoever asks
first). Nothing here touches Qt's own state: no Qt function is called, so Qt's main
thread stays the GUI thread. Linux only, and only what is there: anything missing is
left to the GUI thread as before.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from ctypes import CDLL


def _libraries() -> list[bytes]:
    """What the GUI thread would load first: PySide6's Qt Widgets library (with Gui and
    Core, which it needs); empty when PySide6 keeps none of its own (a system Qt)."""
    from importlib.util import find_spec

    spec = find_spec("PySide6")  # found, not imported
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        widgets = os.path.join(folder, "Qt", "lib", "libQt6Widgets.so.6")
        if os.path.isfile(widgets):
            return [os.fsencode(widgets)]
    return []


def start() -> threading.Thread | None:
    """Start the worker (a daemon: it never holds the exit); None where there is nothing
    to do (not Linux, or no ``_ctypes``)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import _ctypes
    except ImportError:
        return None

    class _Int(_ctypes._SimpleCData):  # type: ignore[type-arg]
        _type_ = "i"

    class _Pointer(_ctypes._SimpleCData):  # type: ignore[type-arg]
        _type_ = "P"

    class _Function(_ctypes.CFuncPtr):
        _flags_ = _ctypes.FUNCFLAG_CDECL
        _restype_ = _Pointer

    class _Library:  # what CFuncPtr looks a function up in: a ctypes.CDLL's handle
        def __init__(self, handle: int) -> None:
            self._handle = handle

    def library(handle: int) -> CDLL:
        return cast("CDLL", _Library(handle))

    process = library(_ctypes.dlopen(None, os.RTLD_NOW))  # type: ignore[arg-type]
    dlopen = _Function(("dlopen", process))
    libraries = _libraries()

    def warm() -> None:
        for path in libraries:
            dlopen(path, _Int(os.RTLD_NOW | os.RTLD_LOCAL))
        handle = dlopen(b"libfontconfig.so.1", _Int(os.RTLD_NOW | os.RTLD_LOCAL))
        if handle:
            _Function(("FcInit", library(handle)))()

    thread = threading.Thread(target=warm, name="qt-preload", daemon=True)
    thread.start()
    return thread
