"""On-screen numeric keypad for touch tills: digits, decimal point, backspace, clear."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget

from cashier_app.ui.qt_imports import NO_FOCUS

BACKSPACE = "\b"
CLEAR = "C"


class Keypad(QWidget):
    """A 4 x 4 grid of big keys; it never takes focus, so the amount field keeps it.

    Signals:
        key_pressed(str): a digit, ``"."``, ``"00"``, :data:`BACKSPACE` or :data:`CLEAR`.
    """

    key_pressed = Signal(str)

    _LAYOUT = (
        ("7", "8", "9", BACKSPACE),
        ("4", "5", "6", CLEAR),
        ("1", "2", "3", None),
        ("00", "0", ".", None),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keypad")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(10)
        self._buttons: dict[str, QPushButton] = {}
        for r, row in enumerate(self._LAYOUT):
            for c, key in enumerate(row):
                if key is None:
                    continue
                # (not QPushButton(text, parent): its overloads set up QIcon's Python type,
                # with a 151-member enum, before the first paint)
                button = QPushButton(self)
                button.setText(self._label(key))
                button.setProperty("role", "key")
                # Qt.FocusPolicy.NoFocus: built before the first paint (ui/qt_imports.py)
                button.setProperty("focusPolicy", NO_FOCUS)
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
                button.setObjectName(f"key_{self._name(key)}")
                button.setAccessibleName(self._accessible(key))
                button.clicked.connect(lambda _=False, k=key: self.key_pressed.emit(k))
                self._buttons[key] = button
                grid.addWidget(button, r, c)

    def button(self, key: str) -> QPushButton:
        return self._buttons[key]

    def _label(self, key: str) -> str:
        if key == BACKSPACE:
            return "⌫"
        if key == CLEAR:
            return self.tr("C")
        return key

    def _accessible(self, key: str) -> str:
        if key == BACKSPACE:
            return self.tr("Delete last digit")
        if key == CLEAR:
            return self.tr("Clear amount")
        if key == ".":
            return self.tr("Decimal point")
        return key

    @staticmethod
    def _name(key: str) -> str:
        return {BACKSPACE: "backspace", CLEAR: "clear", ".": "point"}.get(key, key)
