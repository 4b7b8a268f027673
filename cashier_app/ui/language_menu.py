"""Setup → Language: the operator's language, saved in the settings for every next start.

Each language is named in itself (English, 简体中文) so that an operator who cannot read the
current one still finds theirs. The choice is written on a worker (settings.save_language)
and applies when the cashier starts next: the pages build their texts once, so switching
live would leave half the window in the old language. ``cashier --lang`` still wins for one
run.

Signals:
    language_saved(str lang): the choice is on disk.
    language_failed(str message): it could not be saved (the message is translated).
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from cashier_app.support import settings
from cashier_app.ui.qt_imports import action as qt_action
from cashier_app.ui.tasks import TaskRunner
from cashier_app.ui.text import error_text, fill

#: Each language's name in that language (never translated).
NAMES = {"en": "English", "zh_CN": "简体中文"}


class LanguageMenu(QMenu):
    language_saved = Signal(str)
    language_failed = Signal(str)

    def __init__(self, tasks: TaskRunner, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageMenu")
        self.setTitle(self.tr("&Language"))
        self.tasks = tasks
        self.current = current  #: the language this window is shown in
        self.chosen = current  #: the one saved for the next start
        group = QActionGroup(self)
        group.setExclusive(True)
        self.actions_by_lang: dict[str, QAction] = {}
        for lang in settings.LANGUAGES:
            action = qt_action(NAMES[lang], self)
            action.setObjectName(f"language_{lang}Action")
            action.setCheckable(True)
            action.setChecked(lang == current)
            action.setData(lang)
            group.addAction(action)
            self.addAction(action)
            self.actions_by_lang[lang] = action
        group.triggered.connect(self._on_group_triggered)

    @Slot(QAction)
    def _on_group_triggered(self, action: QAction) -> None:
        lang = str(action.data())
        self.tasks.run(
            "app:language",
            settings.save_language,
            lang,
            on_done=lambda _result: self._on_saved(lang),
            on_error=self._on_failed,
            owner=self,
        )

    def _on_saved(self, lang: str) -> None:
        self.chosen = lang
        self.language_saved.emit(lang)

    def _on_failed(self, exc: BaseException) -> None:
        self.actions_by_lang[self.chosen].setChecked(True)
        self.language_failed.emit(
            fill(self.tr("The language could not be saved: %1"), error_text(exc))
        )

    def saved_text(self, lang: str) -> str:
        """What the window says once ``lang`` is saved, in the current language and in
        the chosen one's own words (the operator may read only that one)."""
        if lang == self.current:
            return fill(self.tr("Language: %1"), NAMES[lang])
        ahead = {
            "en": "The cashier starts in English next time.",
            "zh_CN": "下次启动时，收银台将使用简体中文。",
        }[lang]
        return fill(self.tr("%1 — from the next start."), NAMES[lang]) + " " + ahead
