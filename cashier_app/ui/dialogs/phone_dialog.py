"""Setup ▸ "Wallet page for phones…": serve the embedded sandbox's wallet page on the LAN.

A real phone on the same network then opens the sale's QR code and pays on it (issue 16).
The operator picks this computer's address (the list is this machine's own interfaces,
read from Qt; nothing is sent) and a port; the listener starts and stops on a worker
(``SandboxGateway.start_lan`` binds a socket), the dialog shows the URL and what to check
when the phone cannot reach it. Each start makes a new token, carried by the QR codes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cashier_app.ui.text import error_text, fill


def local_addresses() -> list[str]:
    """This computer's own addresses a phone could reach: IPv4 first, no loopback, no
    link-local (Qt reads the interfaces; no packet is sent)."""
    from PySide6.QtNetwork import QAbstractSocket, QHostAddress, QNetworkInterface

    v4: list[str] = []
    v6: list[str] = []
    for address in QNetworkInterface.allAddresses():
        if address.isLoopback() or address.isLinkLocal():
            continue
        if address.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
            v4.append(address.toString())
        elif address.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv6Protocol:
            v6.append(QHostAddress(address.toIPv6Address()).toString())
    return list(dict.fromkeys(v4 + v6))


class PhoneDialog(QDialog):
    """Start / stop the LAN listener of ``sandbox`` (a SandboxGateway).

    Signals:
        lan_changed(str url): the listener started (its URL) or stopped ("").
    """

    lan_changed = Signal(str)

    def __init__(self, parent: QWidget, sandbox: Any, tasks: Any) -> None:
        super().__init__(parent)
        self.setObjectName("phoneDialog")
        self.setWindowTitle(self.tr("Wallet page for phones"))
        self.sandbox, self.tasks = sandbox, tasks
        box = QVBoxLayout(self)
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "Serve the sandbox's wallet page on this computer's network address, so a "
                "phone on the same Wi-Fi can scan a sale's QR code and pay on it. Each start "
                "makes a new secret token that the QR codes carry; without it the pages refuse."
            ),
            self,
        )
        intro.setWordWrap(True)
        box.addWidget(intro)
        form = QFormLayout()
        self.address_box = QComboBox(self)
        self.address_box.setObjectName("lanAddressBox")
        self.address_box.setEditable(True)
        self.address_box.addItems(local_addresses())
        form.addRow(self.tr("This computer's address"), self.address_box)
        self.port_box = QSpinBox(self)
        self.port_box.setObjectName("lanPortBox")
        self.port_box.setRange(0, 65535)
        self.port_box.setSpecialValueText(self.tr("any free port"))
        form.addRow(self.tr("Port"), self.port_box)
        box.addLayout(form)
        # The URL and the reachability checks: selectable, scrolls on a small screen.
        self.status = QPlainTextEdit(self)
        self.status.setObjectName("lanStatusText")
        self.status.setReadOnly(True)
        self.status.setFrameShape(QFrame.Shape.NoFrame)
        self.status.setMinimumHeight(120)
        box.addWidget(self.status, 1)
        buttons = QDialogButtonBox(self)
        self.start_button = QPushButton(self.tr("Start"), self)
        self.start_button.setObjectName("startLanButton")
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setObjectName("stopLanButton")
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("closeLanButton")
        for button, role in (
            (self.start_button, QDialogButtonBox.ButtonRole.AcceptRole),
            (self.stop_button, QDialogButtonBox.ButtonRole.DestructiveRole),
            (close, QDialogButtonBox.ButtonRole.RejectRole),
        ):
            buttons.addButton(button, role)
            button.setAutoDefault(False)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        close.clicked.connect(self.reject)
        box.addWidget(buttons)
        self._show_state(sandbox.lan_url)

    def _say(self, text: str) -> None:
        self.status.setPlainText(text)

    def _show_state(self, url: str, busy: bool = False) -> None:
        running = bool(url)
        self.start_button.setEnabled(not busy and not running)
        self.stop_button.setEnabled(not busy and running)
        self.address_box.setEnabled(not busy and not running)
        self.port_box.setEnabled(not busy and not running)
        if running:
            self._say(self.help_text(url))
        elif not self.address_box.count() and not busy:
            self._say(
                self.tr(
                    "This computer shows no network address a phone could reach: connect it "
                    "to the phone's Wi-Fi, or type the address."
                )
            )

    def help_text(self, url: str) -> str:
        """The URL, and what to check when the phone cannot open it."""
        host = url.split("//", 1)[-1].rsplit(":", 1)[0].strip("[]")
        port = url.rsplit(":", 1)[-1]
        lines = [
            fill(self.tr("Phones open the wallet page at %1"), url),
            "",
            self.tr("Sales started from now on show a QR code a phone can open."),
            "",
            self.tr("If the phone cannot open the page:"),
            self.tr(
                "• the phone must be on the same network as this computer (a guest or "
                "isolated Wi-Fi keeps devices apart; mobile data cannot reach it);"
            ),
            fill(self.tr("• %1 must be this computer's address on that network;"), host),
            fill(self.tr("• the firewall must let in TCP port %1;"), port),
            self.tr("• it is plain http: if the phone's browser warns, choose to continue."),
        ]
        if host.startswith("127.") or host == "::1":
            lines.insert(
                1,
                fill(
                    self.tr("%1 is a loopback address: only this computer can open it."),
                    host,
                ),
            )
        return "\n".join(lines)

    def start(self) -> None:
        address = self.address_box.currentText().strip()
        self._show_state("", busy=True)
        self._say(fill(self.tr("Starting on %1…"), address))
        self.tasks.run(
            "sandbox:lan",
            self.sandbox.start_lan,
            address,
            self.port_box.value(),
            on_done=self._started,
            on_error=self._failed,
            owner=self,
        )

    def stop(self) -> None:
        self._show_state("", busy=True)
        self.tasks.run("sandbox:lan", self.sandbox.stop_lan, on_done=self._stopped, owner=self)

    def _started(self, url: str) -> None:
        self._show_state(url)
        self.lan_changed.emit(url)

    def _stopped(self, _result: object) -> None:
        self._show_state("")
        self._say(self.tr("Stopped: the QR codes point to this computer only."))
        self.lan_changed.emit("")

    def _failed(self, exc: BaseException) -> None:
        self._show_state(self.sandbox.lan_url)
        self._say(fill(self.tr("Could not start: %1"), error_text(exc)))
