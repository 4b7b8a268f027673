"""The QA console's Scenarios tab: the sandbox's catalog, played and cleared over loopback,
in English and Chinese."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QSpinBox

from cashier_app.sandbox import scenarios
from cashier_app.ui.tasks import TaskRunner


def test_the_tab_offers_the_whole_catalog_with_descriptions_and_parameters(qa_window, qtbot):
    panel = qa_window.qa_dock.console.scenario_panel
    combo = panel.name_combo
    assert [combo.itemData(i) for i in range(combo.count())] == list(scenarios.CATALOG)
    for name, scenario in scenarios.CATALOG.items():
        panel.select(name)
        assert panel.description.text() == scenario.description
        assert set(panel.editors) == {p.name for p in scenario.params}
        assert panel.params_from_form() == scenario.defaults()  # editors start at defaults
        for param in scenario.params:
            hint = panel.findChild(object, f"qaScenarioHelp_{param.name}")
            assert hint.text() == param.help


def test_play_and_clear_act_on_the_embedded_sandbox(qa_window, qtbot):
    panel = qa_window.qa_dock.console.scenario_panel
    sandbox = qa_window.services.sandbox
    qtbot.waitUntil(lambda: not panel.unavailable.isVisible() and panel.editor.isEnabled())
    panel.select("http_error")
    status = panel.findChild(QComboBox, "qaScenarioParam_status")
    status.setCurrentIndex(status.findData(502))
    panel.findChild(QSpinBox, "qaScenarioParam_count").setValue(3)
    with qtbot.waitSignal(panel.scenario_changed, timeout=10_000):
        qtbot.mouseClick(panel.set_button, Qt.MouseButton.LeftButton)
    assert [(f.kind, f.status, f.count) for f in sandbox.faults.active()] == [
        ("http_error", 502, 3)
    ]
    assert panel.active.text() == "Active scenario: http_error · status=502 count=3 api=all"
    panel.select("wallet_pays")
    panel.findChild(QDoubleSpinBox, "qaScenarioParam_seconds").setValue(7)
    with qtbot.waitSignal(panel.scenario_changed, timeout=10_000):
        qtbot.mouseClick(panel.set_button, Qt.MouseButton.LeftButton)
    assert sandbox.faults.active() == []  # replaced
    assert (sandbox.autopay.action, sandbox.autopay.after_seconds) == ("approve", 7)
    with qtbot.waitSignal(panel.scenario_changed, timeout=10_000):
        qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert sandbox.autopay.action == "off" and sandbox.scenario_state()["scenario"] is None
    assert panel.active.text() == "No active scenario"


def test_a_bad_parameter_is_refused_before_anything_is_sent(qa_window, qtbot):
    panel = qa_window.qa_dock.console.scenario_panel
    with qtbot.waitSignal(panel.scenario_failed, timeout=5000) as failed:
        panel.play("latency", {"ms": 0})
    assert "parameter ms" in failed.args[0]
    assert qa_window.services.sandbox.scenario_state()["scenario"] is None


def test_without_a_sandbox_the_tab_says_so(qtbot):
    from cashier_app.ui.qa.scenario_panel import ScenarioPanel

    tasks = TaskRunner()
    panel = ScenarioPanel(tasks)
    qtbot.addWidget(panel)
    assert panel.unavailable.isVisibleTo(panel) and not panel.editor.isEnabled()
    tasks.shutdown(1000)


def test_the_tab_is_translated_to_chinese(qapp, qtbot):
    from cashier_app.ui import ensure_application
    from cashier_app.ui.qa.console import QaConsole

    ensure_application(lang="zh_CN")
    try:
        tasks = TaskRunner()
        console = QaConsole(tasks)
        qtbot.addWidget(console)
        panel = console.scenario_panel
        assert (
            console.tabs.tabText(console.tabs.indexOf(panel.parentWidget().parentWidget()))
            == "场景"
        )
        assert panel.set_button.text() == "运行场景"
        panel.select("late_notification")
        assert panel.description.text() == "已付款，但查询失败：结果只通过延迟 N 秒的通知送达"
        for name in scenarios.CATALOG:  # every description and parameter text has Chinese
            panel.select(name)
            assert not panel.description.text().isascii(), name
            for param in scenarios.get(name).params:
                hint = panel.findChild(object, f"qaScenarioHelp_{param.name}")
                assert not hint.text().isascii(), (name, param.name)
        tasks.shutdown(1000)
    finally:
        ensure_application(lang="en")
