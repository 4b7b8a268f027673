"""Keeps the window's menu shortcuts working while a text field has the keyboard."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

_COMMAND_KEYS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class MenuKeysFirst(QObject):
    """An event filter on the widget of ``window`` that has the keyboard: one of
    ``actions``' shortcuts pressed there goes to the menu, even where the widget binds
    the same key.
    On X11 every line edit takes Ctrl+E ("end of line"), so End of day never opened from
    the order page's amount field."""

    def __init__(self, window: QWidget, actions: Iterable[QAction]) -> None:
        super().__init__(window)
        self._window = window
        self._actions = list(actions)
        # On the widget with the keyboard only, not the whole application: the filter
        # then sees that widget's events, not every event of every object.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)
        self._on_app_focus_changed(None, window.focusWidget())

    @Slot(QWidget, QWidget)
    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new.window() is self._window:
            new.installEventFilter(self)  # again on a widget that has it: still one filter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if not event.modifiers() & _COMMAND_KEYS:
            return False  # typing: digits, letters, Enter, arrows stay the field's
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        pressed = QKeySequence(event.keyCombination())
        for action in self._actions:
            if action.isEnabled() and any(
                keys.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                for keys in action.shortcuts()
            ):
                event.ignore()  # not claimed by the field: the shortcut fires
                return True
        return False
