"""Scenarios tab: pick a named sandbox scenario, set its parameters, play or clear it.

The catalog is the sandbox's own (``cashier_app/sandbox/scenarios.py``), the one ``cashier
scenario list`` prints; its descriptions and parameter texts are translated in the
``Scenario`` context (scripts/update_translations.py writes it from the catalog).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cashier_app.sandbox import scenarios
from cashier_app.ui.tasks import TaskRunner
from cashier_app.ui.text import error_text, fill

CONTEXT = scenarios.TEXT_CONTEXT  #: the translation context of the catalog's texts


def scenario_text(text: str) -> str:
    """A catalog text (description, parameter help) in the operator's language."""
    return QCoreApplication.translate(CONTEXT, text)


def describe_state(state: dict[str, Any]) -> str:
    """``http_error · status=502 count=3 api=all`` for the active scenario, or ``""``."""
    name = state.get("scenario")
    if not name:
        return ""
    params = " ".join(
        f"{key}={scenarios.value_text(value)}" for key, value in (state.get("params") or {}).items()
    )
    return f"{name} · {params}" if params else str(name)


class ScenarioPanel(QWidget):
    """The catalog as a form: name, description, one editor per parameter, Set / Clear.

    Every HTTP call runs on the task runner (``qa:scenario``). Signals:
        scenario_changed(object state): the sandbox's answer (``GET /sandbox/scenario``).
        scenario_failed(str message): the sandbox refused or could not be reached.
    """

    scenario_changed = Signal(object)
    scenario_failed = Signal(str)

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qaScenarioPanel")
        self.tasks = tasks
        self.client: Any = None
        self.state: dict[str, Any] = {}
        self.editors: dict[str, QWidget] = {}

        self.unavailable = QLabel(
            self.tr(
                "Scenarios work only with the embedded sandbox or a sandbox on this "
                "computer (a loopback http:// gateway)."
            ),
            self,
        )
        self.unavailable.setObjectName("qaScenariosUnavailable")
        self.unavailable.setWordWrap(True)
        self.name_combo = QComboBox(self)
        self.name_combo.setObjectName("qaScenarioName")
        for scenario in scenarios.CATALOG.values():
            self.name_combo.addItem(scenario.name, scenario.name)
        self.description = QLabel(self)
        self.description.setObjectName("qaScenarioDescription")
        self.description.setWordWrap(True)
        self.params_box = QWidget(self)
        self.params_form = QFormLayout(self.params_box)
        self.params_form.setContentsMargins(0, 0, 0, 0)

        self.set_button = QPushButton(self.tr("Play scenario"), self)
        self.set_button.setObjectName("qaScenarioSet")
        self.clear_button = QPushButton(self.tr("Clear scenario"), self)
        self.clear_button.setObjectName("qaScenarioClear")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("qaScenarioRefresh")
        buttons = QHBoxLayout()
        buttons.addWidget(self.set_button)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        self.active = QLabel(self)
        self.active.setObjectName("qaScenarioActive")
        self.active.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("qaScenarioMessage")
        self.message.setWordWrap(True)

        self.editor = QWidget(self)
        form = QFormLayout()
        form.addRow(self.tr("Scenario"), self.name_combo)
        inner = QVBoxLayout(self.editor)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(form)
        inner.addWidget(self.description)
        inner.addWidget(self.params_box)
        inner.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.unavailable)
        layout.addWidget(self.editor)
        layout.addWidget(self.active)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self.name_combo.currentIndexChanged.connect(self._on_name_combo_changed)
        self.set_button.clicked.connect(self.play_from_form)
        self.clear_button.clicked.connect(self.clear_scenario)
        self.refresh_button.clicked.connect(self.refresh)
        self._on_name_combo_changed()
        self._show_state({})
        self.set_sandbox(None)

    # -- wiring -------------------------------------------------------------------------
    def set_sandbox(self, url: str | None) -> None:
        from cashier_app.sandbox.control import SimulatorClient

        self.client = SimulatorClient(url) if url else None
        available = self.client is not None
        self.unavailable.setVisible(not available)
        self.editor.setEnabled(available)
        if available:
            self.refresh()

    def showEvent(self, event: Any) -> None:
        # the CLI or curl may have changed it meanwhile: show what the sandbox plays now
        super().showEvent(event)
        self.refresh()

    def current(self) -> scenarios.Scenario:
        return scenarios.get(str(self.name_combo.currentData()))

    def select(self, name: str) -> None:
        self.name_combo.setCurrentIndex(self.name_combo.findData(name))

    def params_from_form(self) -> dict[str, Any]:
        """The parameters as the form holds them (JSON values)."""
        values: dict[str, Any] = {}
        for param in self.current().params:
            widget = self.editors[param.name]
            if isinstance(widget, QComboBox):
                values[param.name] = widget.currentData()
            elif isinstance(widget, QCheckBox):
                values[param.name] = widget.isChecked()
            elif isinstance(widget, QSpinBox | QDoubleSpinBox):
                values[param.name] = widget.value()
        return values

    # -- actions ------------------------------------------------------------------------
    @Slot()
    def play_from_form(self) -> None:
        self.play(self.current().name, self.params_from_form())

    def play(self, name: str, params: dict[str, Any]) -> None:
        """Set scenario ``name`` on the sandbox (checked here first with its own parser)."""
        if self.client is None:
            self._fail(self.unavailable.text())
            return
        try:
            scenario = scenarios.get(name)
            values = scenarios.parse_params(scenario, params)
            scenario.plan(values)
        except scenarios.ScenarioError as exc:
            self._fail(error_text(exc))
            return
        client = self.client
        self._run(lambda: client.set_scenario(name, values), fill(self.tr("Playing %1."), name))

    @Slot()
    def clear_scenario(self) -> None:
        if self.client is not None:
            self._run(self.client.clear_scenario, self.tr("Scenario cleared."))

    @Slot()
    def refresh(self) -> None:
        if self.client is not None:
            self._run(self.client.scenario, "")

    def _run(self, fn: Any, done_text: str) -> None:
        self.message.setText(self.tr("Talking to the sandbox…"))
        self.tasks.run(
            "qa:scenario",
            fn,
            owner=self,
            on_done=lambda state: self._done(state, done_text),
            on_error=lambda exc: self._fail(error_text(exc)),
        )

    def _done(self, state: dict[str, Any], text: str) -> None:
        self._show_state(state)
        self.message.setProperty("tone", "info")
        self.message.setText(text)
        self.scenario_changed.emit(state)

    def _show_state(self, state: dict[str, Any]) -> None:
        self.state = dict(state)
        line = describe_state(self.state)
        self.active.setText(
            fill(self.tr("Active scenario: %1"), line) if line else self.tr("No active scenario")
        )

    def _fail(self, text: str) -> None:
        self.message.setProperty("tone", "warning")
        self.message.setText(fill(self.tr("Sandbox: %1"), text))
        self.scenario_failed.emit(text)

    @Slot()
    def _on_name_combo_changed(self) -> None:
        scenario = self.current()
        self.description.setText(scenario_text(scenario.description))
        while self.params_form.rowCount():
            self.params_form.removeRow(0)
        self.editors = {}
        for param in scenario.params:
            widget = self._editor_for(param)
            widget.setObjectName(f"qaScenarioParam_{param.name}")
            widget.setToolTip(scenario_text(param.help))
            self.editors[param.name] = widget
            row = QHBoxLayout()
            row.addWidget(widget)
            hint = QLabel(scenario_text(param.help), self.params_box)
            hint.setObjectName(f"qaScenarioHelp_{param.name}")
            hint.setWordWrap(True)
            row.addWidget(hint, 1)
            self.params_form.addRow(param.name, row)

    def _editor_for(self, param: scenarios.Param) -> QWidget:
        if param.kind == "choice":
            combo = QComboBox(self.params_box)
            for choice in param.choices:
                text = self.tr("all APIs") if choice is None else str(choice)
                combo.addItem(text, choice)
            combo.setCurrentIndex(param.choices.index(param.default))
            return combo
        if param.kind == "bool":
            check = QCheckBox(self.params_box)
            check.setChecked(bool(param.default))
            return check
        spin: QSpinBox | QDoubleSpinBox
        if param.kind == "int":
            spin = QSpinBox(self.params_box)
            spin.setRange(int(param.low or 0), int(param.high or 0))
        else:
            spin = QDoubleSpinBox(self.params_box)
            spin.setDecimals(1)
            spin.setRange(float(param.low or 0), float(param.high or 0))
        spin.setValue(param.default)
        return spin
