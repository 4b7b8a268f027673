"""Window-modal questions with named answers, for steps that cannot be undone.

The question is opened with ``open()`` (never a nested event loop), so a payment keeps being
polled while the operator reads it; the answer arrives as a key through ``on_answer``. Tests
and QA automation find the box by its objectName and its buttons as ``<key>Answer``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QPushButton, QWidget


def ask(
    parent: QWidget,
    name: str,
    title: str,
    text: str,
    answers: Sequence[tuple[str, str]],
    *,
    default: str,
    escape: str,
    on_answer: Callable[[str], None],
) -> QMessageBox:
    """Show ``text`` with one button per ``(key, label)``; ``default`` is what Enter picks
    and ``escape`` what Escape (or closing the box) picks. The keys go to ``on_answer``."""
    # Not WA_DeleteOnClose: deleting the box right after its answer (the answer may end a
    # dialog's exec() that holds the box) killed the window under X11 ("shared QObject was
    # deleted directly", then SIGBUS: History's Refund… → Refund). The box an earlier
    # question of this name left is deleted now, long after its answer ran.
    for old in parent.findChildren(QMessageBox, name):
        if not old.isVisible():
            old.deleteLater()
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    box.setObjectName(name)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    keys: dict[str, QPushButton] = {}
    for key, label in answers:
        button = box.addButton(label, QMessageBox.ButtonRole.ActionRole)
        button.setObjectName(f"{key}Answer")
        keys[key] = button
    box.setDefaultButton(keys[default])
    box.setEscapeButton(keys[escape])
    by_button: dict[QAbstractButton, str] = {button: key for key, button in keys.items()}
    answered: list[str] = []

    def on_clicked(button: QAbstractButton) -> None:
        if not answered:
            answered.append(by_button.get(button, escape))
            on_answer(answered[0])

    def on_finished(_code: int) -> None:
        if not answered:  # closed with the title bar: the safe answer
            answered.append(escape)
            on_answer(escape)

    box.buttonClicked.connect(on_clicked)
    box.finished.connect(on_finished)
    box.open()
    return box
