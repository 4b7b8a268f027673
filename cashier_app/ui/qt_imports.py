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
from typing import TYPE_CHECKING

import PySide6.QtCore  # noqa: F401  (what installs the hook)

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QAction


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


# -- Qt's enum values for widgets built before the first paint -------------------------------
# PySide builds the Python types of all of the ``Qt`` namespace's enums on its first use
# (about a quarter of a bare window's start-up). The order page is on screen at the first
# paint, so what it sets then is set through the Qt property of that name with the enum's
# key names (QMetaProperty converts them, as a stylesheet's qproperty-... does): a number
# there would set up QByteArray's Python type first, PySide's int-to-QVariant conversion
# checking for one (some 0.4% of the start-up); tests/ui/test_ui_startup.py checks every
# value against ``Qt``'s own. After the first paint, code uses ``Qt`` as usual.

#: ``Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter`` (the ``alignment`` property)
ALIGN_RIGHT_VCENTER = "AlignRight|AlignVCenter"
#: ``Qt.AlignmentFlag.AlignRight``
ALIGN_RIGHT = "AlignRight"
#: ``Qt.FocusPolicy.NoFocus`` (the ``focusPolicy`` property)
NO_FOCUS = "NoFocus"


def action(text: str, parent: QObject) -> QAction:
    """``QAction(text, parent)``, but without that constructor's overload look-up, which
    sets up QIcon's Python type (and its 151-member ThemeIcon enum) before the first paint.
    The same action: Qt's constructor only sets the text."""
    from PySide6.QtGui import QAction

    made = QAction(parent)
    made.setText(text)
    return made
