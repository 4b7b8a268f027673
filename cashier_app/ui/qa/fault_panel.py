"""Fault panel: set and clear the sandbox's fault scenarios over HTTP, list the active ones."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cashier_app.domain.net import is_loopback_host
from cashier_app.sandbox.faults import (
    APIS,
    HTTP_ERROR_STATUSES,
    MAX_SECONDS,
    MAX_SKEW_SECONDS,
    REQUEST_KINDS,
    SIGNATURE_MODES,
    FaultError,
    parse_fault,
)
from cashier_app.ui.tasks import TaskRunner
from cashier_app.ui.text import error_text, fill

#: Kinds with a "seconds" parameter (entered in milliseconds).
_TIMED = ("latency", "late_notification", "async_refund", "timeout")
_REQUEST_KINDS = tuple(sorted(REQUEST_KINDS))


def sandbox_control_url(services: Any) -> str | None:
    """The sandbox to send faults to: the embedded one, or a profile's plain-http loopback
    gateway (a standalone ``cashier sandbox``); None for anything else (never a real
    gateway)."""
    if services is None:
        return None
    sandbox = getattr(services, "sandbox", None)
    if sandbox is not None:
        return str(sandbox.url)
    url = str(getattr(services.profile, "gateway_url", "") or "")
    parts = urlsplit(url)
    if parts.scheme == "http" and parts.hostname and is_loopback_host(parts.hostname):
        return f"http://{parts.netloc}"
    return None


#: Named so that pyside6-lupdate finds the texts (context "FaultPanel", as the panel's tr).
translate = QCoreApplication.translate


def kind_names() -> dict[str, str]:
    """Fault kind -> its name in the UI language, in the order the form offers them."""
    return {
        "latency": translate("FaultPanel", "Latency"),
        "http_error": translate("FaultPanel", "HTTP error (5xx)"),
        "reset": translate("FaultPanel", "Connection reset"),
        "bad_signature": translate("FaultPanel", "Bad response signature"),
        "unknown_exception": translate("FaultPanel", "Forced U / UNKNOWN_EXCEPTION"),
        "rate_limited": translate("FaultPanel", "Rate limited (U / REQUEST_TRAFFIC_EXCEED_LIMIT)"),
        "timeout": translate("FaultPanel", "Timeout (never answered)"),
        "malformed_json": translate("FaultPanel", "Malformed JSON answer"),
        "duplicate_notification": translate("FaultPanel", "Duplicate notification"),
        "late_notification": translate("FaultPanel", "Late notification"),
        "async_refund": translate("FaultPanel", "Asynchronous refund (U / REFUND_IN_PROCESS)"),
        "clock_skew": translate("FaultPanel", "Skewed Response-Time"),
    }


def mode_names() -> dict[str, str]:
    """How a bad signature is spoiled (sandbox.faults.SIGNATURE_MODES), in the UI language."""
    names = {
        "flip": translate("FaultPanel", "one bit flipped"),
        "missing": translate("FaultPanel", "signature missing"),
        "wrong_key": translate("FaultPanel", "signed with another key"),
        "tamper_body": translate("FaultPanel", "body changed after signing"),
        "bad_time": translate("FaultPanel", "Response-Time changed after signing"),
    }
    return {mode: names.get(mode, mode) for mode in SIGNATURE_MODES}


def describe_fault(fault: dict[str, Any]) -> str:
    """One line for the active list, e.g. ``#3 bad_signature (one bit flipped) ·
    inquiryPayment · 2 left``, in the UI language."""
    kind = str(fault.get("kind"))
    detail = ""
    if kind in _TIMED:
        ms = f"{float(fault.get('seconds') or 0) * 1000:.0f}"
        detail = fill(translate("FaultPanel", " (%1 ms)"), ms)
    elif kind == "http_error":
        detail = fill(translate("FaultPanel", " (HTTP %1)"), fault.get("status"))
    elif kind == "bad_signature":
        mode = str(fault.get("mode"))
        detail = fill(translate("FaultPanel", " (%1)"), mode_names().get(mode, mode))
    elif kind == "clock_skew":
        seconds = f"{float(fault.get('seconds') or 0):+.0f}"
        detail = fill(translate("FaultPanel", " (%1 s)"), seconds)
    scope = fault.get("api") or (
        translate("FaultPanel", "all APIs")
        if kind in _REQUEST_KINDS
        else "refund"
        if kind == "async_refund"
        else translate("FaultPanel", "notifications")
    )
    count = fault.get("count")
    left = (
        translate("FaultPanel", "until cleared")
        if count is None
        else fill(translate("FaultPanel", "%1 left"), count)
    )
    # the kind stays a code: it is what `cashier scenario set` and the sandbox API take
    return f"#{fault.get('id')} {kind}{detail} · {scope} · {left}"


class FaultPanel(QWidget):
    """Form to add one fault scenario, buttons to clear / refresh, the active list.

    Every HTTP call runs on the task runner (``qa:faults``). Signals:
        faults_changed(object faults): the active list as the sandbox reported it.
        fault_failed(str message): the sandbox refused or could not be reached.
    """

    faults_changed = Signal(object)
    fault_failed = Signal(str)

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qaFaultPanel")
        self.tasks = tasks
        self.client: Any = None  #: a SimulatorClient for the sandbox, or None
        self.faults: list[dict[str, Any]] = []

        self.unavailable = QLabel(
            self.tr(
                "Fault injection works only with the embedded sandbox or a sandbox on this "
                "computer (a loopback http:// gateway)."
            ),
            self,
        )
        self.unavailable.setObjectName("qaFaultsUnavailable")
        self.unavailable.setWordWrap(True)

        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("qaFaultKind")
        for kind, text in kind_names().items():
            self.kind_combo.addItem(text, kind)
        self.api_combo = QComboBox(self)
        self.api_combo.setObjectName("qaFaultApi")
        self.api_combo.addItem(self.tr("All APIs"), None)
        for api in ("pay", "inquiryPayment", "cancel", "refund", "inquiryRefund"):
            assert api in APIS
            self.api_combo.addItem(api, api)
        self.count_spin = QSpinBox(self)
        self.count_spin.setObjectName("qaFaultCount")
        self.count_spin.setRange(1, 999)
        self.persistent_check = QCheckBox(self.tr("Until cleared"), self)
        self.persistent_check.setObjectName("qaFaultPersistent")
        self.ms_spin = QSpinBox(self)
        self.ms_spin.setObjectName("qaFaultMs")
        self.ms_spin.setRange(1, int(MAX_SECONDS * 1000))
        self.ms_spin.setSingleStep(250)
        self.ms_spin.setValue(2000)
        self.ms_spin.setSuffix(self.tr(" ms"))
        self.skew_spin = QSpinBox(self)
        self.skew_spin.setObjectName("qaFaultSkew")
        self.skew_spin.setRange(-int(MAX_SKEW_SECONDS), int(MAX_SKEW_SECONDS))
        self.skew_spin.setSingleStep(60)
        self.skew_spin.setValue(600)
        self.skew_spin.setSuffix(self.tr(" s"))
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("qaFaultStatus")
        for status in HTTP_ERROR_STATUSES:
            self.status_combo.addItem(str(status), status)
        self.mode_combo = QComboBox(self)
        self.mode_combo.setObjectName("qaFaultMode")
        for mode, name in mode_names().items():
            self.mode_combo.addItem(name, mode)

        count_row = QHBoxLayout()
        count_row.addWidget(self.count_spin)
        count_row.addWidget(self.persistent_check)
        count_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Fault"), self.kind_combo)
        form.addRow(self.tr("API"), self.api_combo)
        form.addRow(self.tr("Next N"), count_row)
        form.addRow(self.tr("Delay"), self.ms_spin)
        form.addRow(self.tr("Clock skew"), self.skew_spin)
        form.addRow(self.tr("HTTP status"), self.status_combo)
        form.addRow(self.tr("Signature"), self.mode_combo)

        self.add_button = QPushButton(self.tr("Add fault"), self)
        self.add_button.setObjectName("qaFaultAdd")
        self.clear_button = QPushButton(self.tr("Clear all"), self)
        self.clear_button.setObjectName("qaFaultClear")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("qaFaultRefresh")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.clear_button, self.refresh_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.active_list = QListWidget(self)
        self.active_list.setObjectName("qaActiveFaults")
        self.message = QLabel(self)
        self.message.setObjectName("qaFaultMessage")
        self.message.setWordWrap(True)

        # The form scrolls inside a short dock (a 1024x600 till); its buttons and the
        # sandbox's answer stay below it, always on screen.
        self.editor = QWidget(self)
        left = QVBoxLayout(self.editor)
        left.setContentsMargins(0, 0, 0, 0)
        fields = QWidget()
        fields.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        self.form_scroll = QScrollArea(self.editor)
        self.form_scroll.setObjectName("qaFaultForm")
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_scroll.setWidget(fields)
        self.form_scroll.setMinimumHeight(fields.sizeHint().height() // 5)
        left.addWidget(self.form_scroll, 1)
        left.addLayout(buttons)
        left.addWidget(self.message)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Active faults"), self))
        right.addWidget(self.active_list, 1)
        row = QHBoxLayout()
        row.addWidget(self.editor, 1)
        row.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.unavailable)
        layout.addLayout(row, 1)

        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.persistent_check.toggled.connect(lambda on: self.count_spin.setEnabled(not on))
        self.add_button.clicked.connect(self.add_from_form)
        self.clear_button.clicked.connect(self.clear_faults)
        self.refresh_button.clicked.connect(self.refresh)
        self._on_kind_changed()
        self.set_sandbox(None)

    # -- wiring -------------------------------------------------------------------------
    def set_sandbox(self, url: str | None) -> None:
        """Point the panel at a sandbox (``http://127.0.0.1:PORT``), or disable it."""
        from cashier_app.sandbox.control import SimulatorClient

        self.client = SimulatorClient(url) if url else None
        available = self.client is not None
        self.unavailable.setVisible(not available)
        self.editor.setEnabled(available)
        self.active_list.setEnabled(available)
        self.faults = []
        self.active_list.clear()
        if available:
            self.refresh()

    def fault_from_form(self) -> dict[str, Any]:
        """The JSON the sandbox's ``POST /sandbox/faults`` takes, built from the form."""
        kind = self.kind_combo.currentData()
        data: dict[str, Any] = {"kind": kind}
        if self.persistent_check.isChecked():
            data["persistent"] = True
        else:
            data["count"] = self.count_spin.value()
        api = self.api_combo.currentData()
        if kind in _REQUEST_KINDS and api:
            data["api"] = api
        if kind in _TIMED:
            data["seconds"] = self.ms_spin.value() / 1000
        if kind == "http_error":
            data["status"] = self.status_combo.currentData()
        if kind == "bad_signature":
            data["mode"] = self.mode_combo.currentData()
        if kind == "clock_skew":
            data["seconds"] = self.skew_spin.value()
        return data

    # -- actions ------------------------------------------------------------------------
    @Slot()
    def add_from_form(self) -> None:
        self.add_fault(self.fault_from_form())

    def add_fault(self, data: dict[str, Any]) -> None:
        """Send one fault (checked here first with the sandbox's own parser)."""
        if self.client is None:
            self._fail(self.unavailable.text())
            return
        try:
            parse_fault(data)
        except FaultError as exc:
            self._fail(error_text(exc))
            return
        kind = data.pop("kind")
        self._run(lambda: self.client.add_fault(kind, **data)["faults"], self.tr("Added."))

    @Slot()
    def clear_faults(self) -> None:
        if self.client is None:
            return
        client = self.client

        def clear() -> list[dict[str, Any]]:
            client.clear_faults()
            faults: list[dict[str, Any]] = client.faults()
            return faults

        self._run(clear, self.tr("All faults cleared."))

    @Slot()
    def refresh(self) -> None:
        if self.client is not None:
            self._run(self.client.faults, "")

    def _run(self, fn: Any, done_text: str) -> None:
        self.message.setText(self.tr("Talking to the sandbox…"))
        self.tasks.run(
            "qa:faults",
            fn,
            owner=self,
            on_done=lambda faults: self._show(faults, done_text),
            on_error=lambda exc: self._fail(error_text(exc)),
        )

    def _show(self, faults: list[dict[str, Any]], text: str) -> None:
        self.faults = list(faults)
        self.active_list.clear()
        for fault in self.faults:
            self.active_list.addItem(describe_fault(fault))
        if not self.faults:
            self.active_list.addItem(self.tr("No active faults"))
        self.message.setProperty("tone", "info")
        self.message.setText(text)
        self.faults_changed.emit(self.faults)

    def _fail(self, text: str) -> None:
        self.message.setProperty("tone", "warning")
        self.message.setText(fill(self.tr("Sandbox: %1"), text))
        self.fault_failed.emit(text)

    @Slot()
    def _on_kind_changed(self) -> None:
        kind = self.kind_combo.currentData()
        self.api_combo.setEnabled(kind in _REQUEST_KINDS)
        self.ms_spin.setEnabled(kind in _TIMED)
        self.skew_spin.setEnabled(kind == "clock_skew")
        self.status_combo.setEnabled(kind == "http_error")
        self.mode_combo.setEnabled(kind == "bad_signature")
