"""Qt's libraries and PySide6's modules of them loaded, and fontconfig's configuration
read, on a worker thread while the GUI thread imports PySide6 (``cashier gui``, cli/gui.py).

Before the window can show, the GUI thread imports PySide6, whose own Python start-up (its
signature support, some 60 ms) comes before it loads any Qt library; then the dynamic
loader mapping and relocating Qt's Core, Gui and Widgets libraries and PySide6's QtCore,
QtGui and QtWidgets modules (some 20 ms), and fontconfig parsing its dozens of
configuration files at the first text laid out (some 9 ms), came one after the other on the
GUI thread. :func:`start` has a worker do them meanwhile, with Python's lock released (it
calls ``dlopen`` and ``FcInit`` through ``_ctypes``: the ``ctypes`` package's own Python
was 3 ms more), so a second core takes them off the start-up; the GUI thread then finds
the libraries loaded and fontconfig initialised, and nothing is loaded or parsed twice (the
loader and fontconfig are thread-safe, each done once, by whoever comes first). Nothing of
Qt's or Python's is touched: no Qt function is called (Qt's main thread stays the GUI
thread), and the modules' initialisers make no Python call (Python's import runs their
``PyInit_`` as before). Linux only, and only what is there: anything missing is left to the
GUI thread as before.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from ctypes import CDLL


#: Qt's libraries, each loaded before those that need it: one short load at a time, as the
#: loader serialises loads (the GUI thread's own, of the standard library's, wait at most
#: for one of these)
QT_LIBRARIES = ("libQt6Core.so.6", "libQt6DBus.so.6", "libQt6Gui.so.6", "libQt6Widgets.so.6")
#: PySide6's modules of them (their initialisers make no Python call: Python's import of
#: each then only finds it loaded and runs its PyInit_)
BINDINGS = ("QtCore.abi3.so", "QtGui.abi3.so", "QtWidgets.abi3.so")


def _libraries() -> list[bytes]:
    """What the GUI thread would load, in that order: Qt's libraries that PySide6 brings,
    then PySide6's modules of them; empty when PySide6 keeps no Qt of its own (a system
    Qt: then the GUI thread loads it, as before)."""
    from importlib.util import find_spec

    spec = find_spec("PySide6")  # found, not imported
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        qt = [os.path.join(folder, "Qt", "lib", name) for name in QT_LIBRARIES]
        if os.path.isfile(qt[-1]):
            bindings = [os.path.join(folder, name) for name in BINDINGS]
            return [os.fsencode(path) for path in qt + bindings if os.path.isfile(path)]
    return []


#: the worker :func:`start` started (None: none yet, or nothing to do here)
_worker: threading.Thread | None = None


def settle(timeout: float = 10.0) -> None:
    """Wait for the worker, if one was started: called before the first text is laid out.
    Qt then finds fontconfig initialised instead of reading its configuration a second
    time beside a worker that a loaded machine left behind (fontconfig lets both finish
    and keeps one); the loads are all done by then, the GUI thread having needed them."""
    if _worker is not None:
        _worker.join(timeout)


def start() -> threading.Thread | None:
    """Start the worker (a daemon: it never holds the exit); None where there is nothing
    to do (not Linux, or no ``_ctypes``)."""
    global _worker
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
        # fontconfig first: its configuration is read with the loader free, while the GUI
        # thread loads shiboken and the standard library's modules that PySide6 imports
        handle = dlopen(b"libfontconfig.so.1", _Int(os.RTLD_NOW | os.RTLD_LOCAL))
        if handle:
            _Function(("FcInit", library(handle)))()
        for path in libraries:
            dlopen(path, _Int(os.RTLD_NOW | os.RTLD_LOCAL))

    thread = threading.Thread(target=warm, name="qt-preload", daemon=True)
    thread.start()
    _worker = thread
    return thread
