"""The Qt GUI: pages, widgets and dialogs over the checkout service (no HTTP, SQL or crypto).

``create_main_window(profile_name=None)`` builds the cashier window; the services start on a
worker thread, so the window appears at once in a "Starting…" state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from cashier_app.ui.main_window import MainWindow
    from cashier_app.ui.ports import Backend


def ensure_application(argv: list[str] | None = None, lang: str | None = None) -> Any:
    """The QApplication (created once), with our stylesheet, fonts and translations."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from cashier_app.ui import i18n
    from cashier_app.ui.resources import stylesheet

    # instance() is typed QCoreApplication; in this GUI process it is our QApplication
    app = cast("QApplication | None", QApplication.instance())
    if app is None:
        app = QApplication(argv or ["cashier"])
        app.setApplicationName("cashier")
        app.setApplicationDisplayName("Cashier")
        app.setOrganizationName("cashier")
        app.setDesktopFileName("io.github.cashier.cashier")  # the menu entry and its icon
    if not app.property("cashierConfigured"):
        font = QFont(app.font())
        font.setFamilies(
            [
                "Noto Sans",
                "DejaVu Sans",
                "WenQuanYi Micro Hei",
                "Microsoft YaHei",
                "PingFang SC",
                "sans-serif",
            ]
        )
        app.setFont(font)
        app.setStyleSheet(stylesheet())
        app.setProperty("cashierConfigured", True)
    if lang is not None or not app.property("cashierLanguage"):
        app.setProperty("cashierLanguage", i18n.install(app, lang or "en"))
        # the window manager shows "<title> — <display name>": the name in the UI language
        app.setApplicationDisplayName(app.translate("MainWindow", "Cashier"))
    return app


def create_main_window(
    profile_name: str | None = None, *, backend: Backend | None = None, **kwargs: Any
) -> MainWindow:
    """Build the main window for ``profile_name`` (None: the active profile, on first start
    the embedded sandbox), handed ``backend`` (``ui.ports.Backend``). Keyword arguments go
    to MainWindow (``services_factory``, ``opener``) for tests and tools.

    Without ``backend`` the composition root's ``app.AppBackend()`` is used: this entry
    point, kept for tests and QA tools (DESIGN's interfaces), is the one place in ``ui``
    that names ``app`` (an ignored import in the import-linter contract); the window and
    its dialogs only ever see the backend they are handed."""
    ensure_application()
    from cashier_app.ui.main_window import MainWindow

    if backend is None:
        from cashier_app.app import AppBackend

        backend = AppBackend()
    return MainWindow(profile_name, backend=backend, **kwargs)


__all__ = ["create_main_window", "ensure_application"]
