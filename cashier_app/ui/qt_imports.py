"""PySide6 without its ``__feature__`` import hook, which the cashier never uses.

Importing PySide6 replaces ``builtins.__import__`` by ``__feature_import__`` (for ``from
__feature__ import snake_case, true_property``): from then on every ``import`` statement
runs two Python functions of PySide's, and every module imported for the first time has
its whole source read and searched for "PySide6" (``inspect.getsource``). Before the
window's first paint that is a couple of hundred import statements and some sixty source
files read, a good part of what the cashier's start-up costs over a bare Qt window.

The cashier selects no feature anywhere (a test checks), so Qt's lookups stay on the
default feature set whichever module calls them, as they do for a module that hook never
saw; ``drop_feature_import_hook`` puts the original ``__import__`` (kept by PySide as
``builtins.__orig_import__``) back, and only if PySide's hook is the one in place.
"""

from __future__ import annotations

import builtins

import PySide6.QtCore  # noqa: F401  (what installs the hook)


def drop_feature_import_hook() -> bool:
    """Restore the original ``__import__``; True when PySide's hook was removed."""
    original = getattr(builtins, "__orig_import__", None)
    current = builtins.__import__
    if original is None or current is original:
        return False
    if getattr(current, "__name__", "") != "__feature_import__":
        return False  # someone else's import hook: left alone
    builtins.__import__ = original
    return True


drop_feature_import_hook()
