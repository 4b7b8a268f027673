"""The QA console's menu entry (View ▸ QA console, F12) and what it records until opened.

The console itself (``console.py``: three tabs of widgets, the fault panel, the gateway
and sandbox modules it imports) was about a third of the window's start-up, for a tool
most operators never open; it is now built the first time it is opened. Until then a
``QaRecorder`` keeps what the gateway client and the notification listener report, and the
console starts with it, so no exchange is lost.
"""

from __future__ import annotations

import threading
from collections import deque
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot
from PySide6.QtWidgets import QMainWindow

from cashier_app.ui.qt_imports import action as qt_action

#: As many as the console's own logs keep (``qa/models.py`` DEFAULT_CAPACITY).
RECORDED = 500


class QaRecorder:
    """Exchanges and notification deliveries, oldest first, from any thread."""

    def __init__(self, capacity: int = RECORDED) -> None:
        self._items: deque[tuple[str, Any]] = deque(maxlen=capacity)
        self._lock = threading.Lock()

    def observe_exchange(self, exchange: Any) -> None:
        with self._lock:
            self._items.append(("exchange", exchange))

    def observe_notification(self, delivery: Any) -> None:
        with self._lock:
            self._items.append(("notification", delivery))

    def drain(self) -> list[tuple[str, Any]]:
        with self._lock:
            items = list(self._items)
            self._items.clear()
        return items


class QaLauncher(QObject):
    """Adds the View menu and the checkable "QA console" action (object name
    ``qaConsoleAction``) to ``window``; :meth:`dock` builds the console on first use."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.recorder = QaRecorder()
        self.services: Any = None
        self._dock: Any = None
        self.action = qt_action(QCoreApplication.translate("QaDock", "QA console"), window)
        self.action.setObjectName("qaConsoleAction")
        self.action.setCheckable(True)
        self.action.toggled.connect(self._on_action_toggled)
        self._lent = 0  #: px of the console's height lent to the page shown
        menu = window.menuBar().addMenu(QCoreApplication.translate("QaDock", "&View"))
        menu.setObjectName("viewMenu")
        menu.addAction(self.action)
        window.addAction(self.action)
        window.services_ready.connect(self._on_services_ready)  # type: ignore[attr-defined]
        # Each page shown asks the console for room (or a page with room to spare gives
        # it back); so does a page grown to scroll, once the console is built (dock()).
        stack = getattr(window, "stack", None)
        if stack is not None:
            stack.currentChanged.connect(self._on_page_changed)

    def set_shortcuts(self) -> None:
        """F12 opens the console (set after the first paint: see MainWindow.set_shortcuts)."""
        from PySide6.QtGui import QKeySequence

        self.action.setShortcuts([QKeySequence("F12")])  # not setShortcut: see main_window

    _sized = False  #: the dock has had its first height

    @property
    def built(self) -> bool:
        return self._dock is not None

    def dock(self) -> Any:
        """The QA console's dock (``QaDock``), built and attached on first call, hidden."""
        if self._dock is None:
            from PySide6.QtCore import Qt

            from cashier_app.ui.qa.console import QaDock

            dock = QaDock(self.window.tasks, self.window)  # type: ignore[attr-defined]
            # (not before: the scroll bar's Python type, QAbstractSlider's with it, would
            # be set up before the first paint for a console most operators never open)
            scroll = getattr(self.window, "page_scroll", None)
            if scroll is not None:
                scroll.verticalScrollBar().rangeChanged.connect(self._on_page_changed)
            self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            dock.hide()
            dock.toggleViewAction().toggled.connect(self.action.setChecked)
            self.window.services_ready.connect(  # type: ignore[attr-defined]
                dock.console.attach_services
            )
            self._dock = dock
            if self.services is not None:
                dock.console.attach_services(self.services)  # its observers from now on
                for kind, item in self.recorder.drain():  # and what came before
                    if kind == "exchange":
                        dock.console.exchanges.add(item)
                    else:
                        dock.console.notifications.add(item)
        return self._dock

    @Slot(object)
    def _on_services_ready(self, services: Any) -> None:
        self.services = services
        if self._dock is not None:
            return  # the console attaches itself
        self.recorder.drain()  # a new profile's exchanges start afresh
        client = getattr(services, "client", None)
        if client is not None:
            client.observer = self.recorder.observe_exchange
        listener = getattr(services, "listener", None)
        if listener is not None and hasattr(listener, "observer"):
            listener.observer = self.recorder.observe_notification

    @Slot(bool)
    def _on_action_toggled(self, on: bool) -> None:
        dock = self.dock()
        if dock.isHidden() == on:
            dock.setVisible(on)
            if on and not self._sized:
                self._sized = True  # once: after that the tester's splitter decides
                self._size_dock(dock)

    def _size_dock(self, dock: Any) -> None:
        """About a third of the window, so the sale stays in view (the pages scroll)."""
        from PySide6.QtCore import Qt

        height = max(200, self.window.height() // 3)
        self.window.resizeDocks([dock], [height], Qt.Orientation.Vertical)
        QTimer.singleShot(0, lambda: self._leave_the_page_whole(dock))

    #: The console's least first height: its tabs and three rows of its log.
    LEAST = 160

    def _leave_the_page_whole(self, dock: Any) -> None:
        """Once laid out, lend the page shown what it lacks (the order page's Charge went
        below the fold at a 1366x768 till, the redirect page's code and actions scrolled),
        as far as the console keeps ``LEAST``; a page with room to spare gets the console
        its lent height back."""
        from PySide6.QtCore import Qt

        scroll = getattr(self.window, "page_scroll", None)
        if scroll is None or not dock.isVisible():
            return
        page, view = scroll.widget(), scroll.viewport()
        need = page.minimumSizeHint().height()
        if page.hasHeightForWidth():  # a word-wrapped line makes it taller where narrower
            need = max(need, page.heightForWidth(view.width()))
        lacking = need - view.height()
        height = dock.height()
        if lacking > 0 and height > self.LEAST:
            height = max(self.LEAST, height - lacking)
            self._lent += dock.height() - height
        elif lacking < 0 and self._lent > 0:
            back = min(self._lent, -lacking)
            height += back
            self._lent -= back
        if height != dock.height():
            self.window.resizeDocks([dock], [height], Qt.Orientation.Vertical)

    @Slot()
    def _on_page_changed(self, *_args: int) -> None:
        """Another page shows (or the page's height changed): lend or take back room once
        it is laid out."""
        if self._dock is not None and self._dock.isVisible():
            dock = self._dock
            QTimer.singleShot(0, self, lambda: self._leave_the_page_whole(dock))
