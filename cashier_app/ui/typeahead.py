"""Keys typed while the cashier is starting: kept, then given to the amount field.

A hurried operator types the amount as soon as the window appears. Without this, the keys
typed on the "Starting the cashier…" page were lost, and those typed after the order page
came up were kept: ``23.50`` became HK$50.00. Here every key typed into the window while it
starts is held back and replayed, in order, into the amount field once the order page is
shown, where the field's own rules judge it (a bad character is shown as invalid, never
dropped). An Enter is not replayed: nothing is charged from keys typed blind; the operator
sees the amount and presses Enter. Keys with Ctrl or Alt (shortcuts, menus) pass through.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


@dataclass(frozen=True)
class _Key:
    key: int
    text: str


#: What happened to the held keys, for the window to tell the operator.
REPLAYED, STOPPED_AT_ENTER, NOT_USED = "replayed", "stopped_at_enter", "not_used"


def _typed(event: QKeyEvent) -> bool:
    """A key that types: printable text, Backspace, or Enter (held, never replayed)."""
    if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return True
    text = event.text()
    return bool(text) and text.isprintable()


class TypeAhead(QObject):
    """Holds the keys typed into ``window`` while ``holding()`` says it is starting."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._keys: list[_Key] = []
        self._active = False

    def start(self) -> None:
        if not self._active:
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            self._active = True
        self._keys.clear()

    def held(self) -> int:
        return len(self._keys)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._active or event.type() not in (
            QEvent.Type.KeyPress,
            QEvent.Type.KeyRelease,
            QEvent.Type.ShortcutOverride,
        ):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        assert isinstance(event, QKeyEvent)
        mods = event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if mods != Qt.KeyboardModifier.NoModifier or not _typed(event):
            return False  # a shortcut, a menu, F12, Escape, Tab: not part of an amount
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # no one-key shortcut fires: the key comes as a KeyPress
        elif event.type() == QEvent.Type.KeyPress:
            self._keys.append(_Key(int(event.key()), event.text()))
        return True

    def stop(self) -> None:
        """Hold nothing more (the keys held stay until :meth:`replay`)."""
        if self._active:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._active = False

    def replay(self, field: QWidget | None) -> str:
        """Stop holding and give the held keys to ``field`` (None: the order page is not
        what is shown, e.g. a resumed payment or a sign-in). Returns what was done, one
        of :data:`REPLAYED`, :data:`STOPPED_AT_ENTER`, :data:`NOT_USED`, or "" when no key
        was held."""
        self.stop()
        keys, self._keys = self._keys, []
        if not keys:
            return ""
        if field is None:
            return NOT_USED
        for k in keys:
            if k.key in (int(Qt.Key.Key_Return), int(Qt.Key.Key_Enter)):
                return STOPPED_AT_ENTER
            key = Qt.Key(k.key)
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    field, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, k.text)
                )
        return REPLAYED
