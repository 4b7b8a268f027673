"""Help → About: what is running where (cashier_app/support/about.py), selectable and copyable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cashier_app.ui.resources import icon_pixmap
from cashier_app.ui.text import environment_name


class AboutDialog(QDialog):
    """Version (importlib.metadata), Qt and PySide6, platform, the running profile and its
    environment, the data, config and log paths. Values are selectable; Copy takes all."""

    def __init__(self, services: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from cashier_app.support import about

        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Cashier"))
        profile = getattr(services, "profile", None)
        sandbox = getattr(services, "sandbox", None)
        self._text = about.facts_text(profile, getattr(sandbox, "url", "") or "")
        labels = {
            "Version": self.tr("Version"),
            "Qt": "Qt",
            "PySide6": "PySide6",
            "Python": "Python",
            "Platform": self.tr("Platform"),
            "Bundle": self.tr("Bundle"),
            "Profile": self.tr("Profile"),
            "Gateway": self.tr("Gateway"),
            "Data": self.tr("Data"),
            "Config": self.tr("Settings"),
            "Log": self.tr("Log file"),
        }
        box = QVBoxLayout(self)
        head = QHBoxLayout()
        logo = QLabel(self)
        logo.setPixmap(icon_pixmap("app", 64))
        head.addWidget(logo)
        title = QLabel(
            self.tr("<b>Cashier</b><br>Alipay and Alipay+ wallet payments on the Antom gateway"),
            self,
        )
        title.setWordWrap(True)
        head.addWidget(title, 1)
        box.addLayout(head)
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        shown = dict(about.facts(profile, getattr(sandbox, "url", "") or ""))
        if profile is not None:  # the copied report stays as it is; the labels speak
            env = str(getattr(profile.environment, "value", profile.environment))
            shown["Profile"] = f"{profile.name} ({environment_name(env)})"
            if not (getattr(sandbox, "url", "") or profile.gateway_url):
                shown["Gateway"] = environment_name("embedded-sandbox")
        for key, value in shown.items():
            label = QLabel(value, self)
            label.setObjectName(f"about{key}")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            form.addRow(labels.get(key, key), label)
            self.values[key] = label
        box.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setObjectName("aboutCopyButton")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        box.addWidget(buttons)
        self.setMinimumWidth(600)  # paths on one line at 1024x600 and up

    def text(self) -> str:
        return self._text

    @Slot()
    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self._text)
