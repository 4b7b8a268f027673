"""A drop-down of demo delays in seconds ("At once", "3 s", "5 s", …), touch-friendly."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QWidget

from cashier_app.ui.text import fill

PRESETS = (0, 1, 3, 5, 10, 20, 30, 60, 120)


class DelayChooser(QComboBox):
    """Signals:
    value_changed(int seconds): the operator picked another delay.
    """

    value_changed = Signal(int)

    def __init__(self, seconds: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for value in PRESETS:
            self.addItem("", value)
        self.setValue(seconds)
        self.retranslate()
        self.currentIndexChanged.connect(self._on_index_changed)

    def retranslate(self) -> None:
        for i in range(self.count()):
            seconds = int(self.itemData(i))
            self.setItemText(
                i, self.tr("at once") if seconds == 0 else fill(self.tr("%1 s"), str(seconds))
            )

    def value(self) -> int:
        return int(self.currentData())

    def setValue(self, seconds: int) -> None:
        index = self.findData(int(seconds))
        if index < 0:  # not a preset: add it in order, so any delay the sandbox takes works
            index = sum(1 for i in range(self.count()) if int(self.itemData(i)) < seconds)
            self.insertItem(index, "", int(seconds))
            self.retranslate()
        self.setCurrentIndex(index)

    @Slot(int)
    def _on_index_changed(self, index: int) -> None:
        if index >= 0:
            self.value_changed.emit(int(self.itemData(index)))
