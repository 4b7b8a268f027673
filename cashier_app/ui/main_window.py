"""The cashier window: starts the services on a worker, then hosts the sale pages.

Start-up is ordered for the first paint: the window, its menus and the order page are
built at once, so the first frame on screen is the order page, ready for the amount (Charge
waits for the services); the other sale pages, the services (on a worker) and everything
they import come after the window is on screen; the starting page only when a start fails
or is retried; the QA console, the history and report pages and the customer display are
built (and imported) when first opened.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cashier_app.ui.close_guard import CloseGuard
from cashier_app.ui.i18n import current_language
from cashier_app.ui.language_menu import LanguageMenu
from cashier_app.ui.pages.order_page import OrderPage
from cashier_app.ui.qa.launcher import QaLauncher
from cashier_app.ui.qt_imports import action as qt_action
from cashier_app.ui.resources import icon
from cashier_app.ui.tasks import TaskRunner
from cashier_app.ui.text import environment_name, error_text, fill
from cashier_app.ui.widgets.layouts import PageStack
from cashier_app.ui.widgets.status_text import StatusText

if TYPE_CHECKING:
    from pathlib import Path

    # (PySide sets up each Qt class's Python type on first use: these wait for the paint)
    from PySide6.QtGui import QCloseEvent, QKeyEvent, QPaintEvent

    from cashier_app.checkout.resume import Recovery
    from cashier_app.ui.customer_display import CustomerDisplay
    from cashier_app.ui.journal_watch import JournalWatch
    from cashier_app.ui.pages.picker_page import PickerPage
    from cashier_app.ui.pages.redirect_page import RedirectPage, UrlOpener
    from cashier_app.ui.pages.result_page import ResultPage
    from cashier_app.ui.pages.scan_page import ScanPage
    from cashier_app.ui.pages.starting_page import StartingPage
    from cashier_app.ui.ports import Backend, Services
    from cashier_app.ui.sale_flow import SaleFlow

log = logging.getLogger(__name__)

#: Builds a profile's services (on a worker); by default the backend's ``build_services``.
ServicesFactory = Callable[[str | None], "Services"]


def _is_profile_damage(exc: BaseException) -> bool:
    """A damaged profiles file (ProfileConfigError): its ``backup`` may be restored."""
    from cashier_app.keystore.profiles import ProfileConfigError

    return isinstance(exc, ProfileConfigError)


def _ask_passphrase(parent: QWidget, prompt: str) -> str | None:
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    title = QCoreApplication.translate("MainWindow", "Unlock keys")
    text, ok = QInputDialog.getText(parent, title, prompt, QLineEdit.EchoMode.Password)
    return text if ok and text else None


def _replace_services(old: Any, factory: ServicesFactory, profile_name: str) -> Any:
    """Close ``old`` (its journal, gateway and till lock) and build the profile's services."""
    if old is not None:
        old.close()
    return factory(profile_name)


class MainWindow(QMainWindow):
    """Menus, status bar and a QStackedWidget of pages.

    Signals:
        services_ready(object services): the services started; the order page charges.
        services_failed(str message): start-up failed; the starting page says why.
        payments_recovered(object records): ``checkout.recover()`` finished on start.
        payment_resumed(object record): on start, an interrupted sale whose code can still
            be paid was shown again on the redirect page (checkout/resume.py).
        gateway_checked(object result): the start-up gateway probe (checkout/probe.py)
            answered; its ``ok`` and ``summary`` are also shown in the status bar.
        first_painted(): the window has been on screen once, and what waited for its
            first paint (the services, the other sale pages, the shortcuts) has started.
    """

    services_ready = Signal(object)
    services_failed = Signal(str)
    payments_recovered = Signal(object)
    payment_resumed = Signal(object)
    gateway_checked = Signal(object)
    first_painted = Signal()

    def __init__(
        self,
        profile_name: str | None = None,
        *,
        backend: Backend,
        services_factory: ServicesFactory | None = None,
        opener: UrlOpener | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Cashier"))
        # Small enough for a 1024x600 screen with a panel and a frame: the pages scroll.
        self.setMinimumSize(800, 480)
        self.profile_name = profile_name
        self.backend = backend
        self._factory: ServicesFactory = services_factory or backend.build_services
        #: asks the operator for the encrypted key file's passphrase (tests replace it)
        self.ask_passphrase: Callable[[QWidget, str], str | None] = _ask_passphrase
        self.services: Any = None
        self.tasks = TaskRunner(self)
        self.flow: SaleFlow | None = None
        self.journal_watch: JournalWatch | None = None  #: the services' one change signal
        self.display: CustomerDisplay | None = None
        self._extra_pages: dict[str, QWidget | None] = {}
        self.close_guard = CloseGuard(self)  # closing while a payment is live asks first
        self._waiting_resume: Any = None  # a payment to show again once back at the order
        self._back_to = "order"  # the stage History / End of day return to on Escape

        self._opener = opener
        self._sale_pages: (
            tuple[OrderPage, PickerPage, RedirectPage, ResultPage, ScanPage] | None
        ) = None
        self._painted = False  # the window has been on screen once
        self._start_due = True  # the first start of the services is still to come
        self._type_ahead: Any = None  # keys typed on the starting page (ui/typeahead.py)
        self._starting_page: StartingPage | None = None  # built when a start fails or retries

        # Built from the outside in, each widget made in the parent it stays in: a widget
        # reparented once polished is polished again (the whole order page, had the stack
        # moved into the scroll area after the page was shown in it).
        central = QWidget(self)
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        self.banner = QLabel(central)
        self.banner.setObjectName("recoveryBanner")
        self.banner.setProperty("role", "banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        box.addWidget(self.banner)
        # Pages fit 1024x600; when the QA dock or a small screen leaves less room, the page
        # scrolls instead of clipping its bottom buttons.
        self.page_scroll = QScrollArea(central)
        self.page_scroll.setObjectName("pageScroll")
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.stack = PageStack()
        self.page_scroll.setWidget(self.stack)  # empty yet: nothing to polish again
        box.addWidget(self.page_scroll, 1)
        # What the first paint shows: the amount can be typed at once; Charge waits for
        # the services (set_starting), which start on a worker once the window is on screen.
        self._order_page = OrderPage(self.stack)
        self._order_page.set_starting(True)
        self.stack.addWidget(self._order_page)
        self.setCentralWidget(central)

        from cashier_app.ui.operator_gate import OperatorGate

        self.operators = OperatorGate(self, self.tasks)  # sign-in, approvals, who is here
        self.operators.signed_out.connect(self._on_operator_signed_out)
        self._build_actions()
        self.qa = QaLauncher(self)  # F12: exchanges, faults, notifications
        # each shows a shorter form where the full one does not fit (a 1024x600 screen)
        bar = self.statusBar()  # (its texts are made in it, as the pages are: one polish)
        self.profile_label = StatusText(bar)
        self.profile_label.setObjectName("profileLabel")
        self.sandbox_notice = StatusText(bar)
        self.sandbox_notice.setObjectName("sandboxNotice")
        self.sandbox_notice.hide()
        bar.addWidget(self.profile_label, 1)
        bar.addPermanentWidget(self.operators.label)
        bar.addPermanentWidget(self.sandbox_notice)
        self.gateway_label = StatusText(bar)
        self.gateway_label.setObjectName("gatewayStatus")
        bar.addPermanentWidget(self.gateway_label)
        self._restorable: Path | None = None  # the good backup of a damaged profiles file
        self._set_sale_actions_enabled(False)
        self.stack.setCurrentWidget(self._order_page)
        self._order_page.amount_input.setFocus()  # (adding the page to the stack cleared it)
        QTimer.singleShot(0, self._start_after_first_paint)

    # -- built when first needed ------------------------------------------------------------
    @property
    def qa_dock(self) -> Any:
        """The QA console's dock (built on first use; F12 opens it)."""
        return self.qa.dock()

    @property
    def starting_page(self) -> StartingPage:
        """ "Starting…" and why a start failed (built the first time it is needed)."""
        if self._starting_page is None:
            from cashier_app.ui.pages.starting_page import StartingPage

            page = StartingPage(self)
            page.retry_requested.connect(self.start_services)
            page.restore_requested.connect(self._on_starting_page_restore_requested)
            self.stack.addWidget(page)
            self._starting_page = page
        return self._starting_page

    @property
    def order_page(self) -> OrderPage:
        return self._order_page

    @property
    def picker_page(self) -> PickerPage:
        return self._build_sale_pages()[1]

    @property
    def redirect_page(self) -> RedirectPage:
        return self._build_sale_pages()[2]

    @property
    def result_page(self) -> ResultPage:
        return self._build_sale_pages()[3]

    @property
    def scan_page(self) -> ScanPage:
        return self._build_sale_pages()[4]

    def _build_sale_pages(self) -> tuple[OrderPage, PickerPage, RedirectPage, ResultPage, ScanPage]:
        """The order page (built with the window) and the picker, redirect, result and
        (in-store) scan pages: built right after the first paint, while the services start
        (or when first asked for)."""
        if self._sale_pages is None:
            focused = self.focusWidget()  # the order page's field: the operator may be typing
            from cashier_app.ui.pages.picker_page import PickerPage
            from cashier_app.ui.pages.redirect_page import RedirectPage
            from cashier_app.ui.pages.result_page import ResultPage
            from cashier_app.ui.pages.scan_page import ScanPage

            pages = (
                self._order_page,
                PickerPage(self),
                RedirectPage(self, opener=self._opener),
                ResultPage(self),
                ScanPage(self),
            )
            for page in pages[1:]:
                self.stack.addWidget(page)
            self._sale_pages = pages
            if focused is not None and self.focusWidget() is not focused:
                focused.setFocus()  # a page's own setFocus, then its move into the stack
        return self._sale_pages

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True  # the order page is on screen: keys typed go to its amount
            QTimer.singleShot(0, self._finish_start)  # right after this frame

    @Slot()
    def _start_after_first_paint(self) -> None:
        if self.isVisible() and not self._painted:
            # shown: the first paint starts the rest (the timer only if it never comes)
            QTimer.singleShot(1000, self._finish_start)
            return
        self._finish_start()  # not shown (tests, tools): start now

    @Slot()
    def _finish_start(self) -> None:
        if not self._start_due:
            return
        self._start_due = False
        try:
            self.set_shortcuts()
            self._start(show_starting=False)  # the order page stays: typing goes on
            self._build_sale_pages()  # on this thread while the services start on a worker
            self.setWindowIcon(icon("app"))  # Qt's SVG icon engine: after the first paint
            # (viewport() is the first call that hands PySide a plain QWidget: it then sets
            # up the Python types of every widget class, some 20 ms, so it waits too)
            self.page_scroll.viewport().setAutoFillBackground(False)
            # The scroll area is a frame, not a field: as a Tab stop it showed no focus and
            # took no key, so the keyboard seemed lost between a page's last and first button.
            from PySide6.QtCore import Qt  # here: no Qt enums before the first paint

            self.page_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        finally:
            self.first_painted.emit()  # (also if one of these failed: the crash report)

    # -- menus ----------------------------------------------------------------------------
    def _build_actions(self) -> None:
        # the shortcuts are set right after the first paint (set_shortcuts)
        self.new_sale_action = qt_action(self.tr("New sale"), self)
        self.new_sale_action.setObjectName("newSaleAction")
        self.new_sale_action.triggered.connect(self._on_new_sale_action_triggered)
        self.history_action = qt_action(self.tr("History"), self)
        self.history_action.setObjectName("historyAction")
        self.history_action.triggered.connect(lambda: self.open_extra_page("history"))
        self.report_action = qt_action(self.tr("End of day"), self)
        self.report_action.setObjectName("reportAction")
        self.report_action.triggered.connect(lambda: self.open_extra_page("report"))
        self.display_action = qt_action(self.tr("Customer display"), self)
        self.display_action.setObjectName("customerDisplayAction")
        self.display_action.setCheckable(True)
        self.display_action.toggled.connect(self._on_display_action_toggled)
        quit_action = self.quit_action = qt_action(self.tr("Quit"), self)
        quit_action.setObjectName("quitAction")
        quit_action.triggered.connect(self.close)

        sale_menu = self.menuBar().addMenu(self.tr("&Sale"))
        sale_menu.addAction(self.new_sale_action)
        sale_menu.addAction(self.display_action)
        sale_menu.addSeparator()
        sale_menu.addAction(self.operators.sign_out_action)
        sale_menu.addAction(quit_action)
        records_menu = self.menuBar().addMenu(self.tr("&Records"))
        records_menu.addAction(self.history_action)
        records_menu.addAction(self.report_action)
        self.profiles_action = qt_action(self.tr("Profiles && keys…"), self)
        self.profiles_action.setObjectName("profilesAction")
        self.profiles_action.triggered.connect(self.open_profiles_dialog)
        setup_menu = self.menuBar().addMenu(self.tr("S&etup"))
        setup_menu.addAction(self.profiles_action)
        setup_menu.addAction(self.operators.accounts_action)
        self.phone_action = qt_action(self.tr("Wallet page for phones…"), self)
        self.phone_action.setObjectName("phoneWalletAction")
        self.phone_action.setCheckable(True)  # checked while phones can reach the page
        self.phone_action.setEnabled(False)  # the embedded sandbox only
        self.phone_action.triggered.connect(self.open_phone_dialog)
        setup_menu.addAction(self.phone_action)
        app = QCoreApplication.instance()
        current = str(app.property("cashierLanguage") or "en") if app is not None else "en"
        self.language_menu = LanguageMenu(self.tasks, current, self)
        self.language_menu.language_saved.connect(self._on_language_menu_language_saved)
        self.language_menu.language_failed.connect(self._show_banner)
        setup_menu.addMenu(self.language_menu)
        self.about_action = qt_action(self.tr("About Cashier"), self)
        self.about_action.setObjectName("aboutAction")
        self.about_action.triggered.connect(self.open_about_dialog)
        self.menuBar().addMenu(self.tr("&Help")).addAction(self.about_action)
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolBar")
        toolbar.setMovable(False)
        for action in (
            self.new_sale_action,
            self.history_action,
            self.report_action,
            self.display_action,
        ):
            toolbar.addAction(action)

    def set_shortcuts(self) -> None:
        """The menus' keyboard shortcuts, set right after the first paint (nothing can be
        charged or opened before the services anyway): QKeySequence's Python type and its
        70-key StandardKey enum are then set up after it. setShortcuts([...]), not
        setShortcut(...): the same shortcut, but PySide resolves setShortcut's overloads by
        building the Python types of all of ``Qt``'s enums."""
        from PySide6.QtGui import QKeySequence

        for action, keys in (
            (self.new_sale_action, "Ctrl+N"),
            (self.history_action, "Ctrl+H"),
            (self.report_action, "Ctrl+E"),
            (self.display_action, "Ctrl+D"),
        ):
            action.setShortcuts([QKeySequence(keys)])
        # Some platforms (a bare X session, offscreen) bind nothing to the standard Quit.
        self.quit_action.setShortcuts(
            QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")]
        )
        self.operators.set_shortcuts()
        self.qa.set_shortcuts()
        from cashier_app.ui.menu_keys import MenuKeysFirst

        self.menu_keys = MenuKeysFirst(
            self,
            (
                self.new_sale_action,
                self.history_action,
                self.report_action,
                self.display_action,
                self.quit_action,
            ),
        )

    @Slot(str)
    def _on_language_menu_language_saved(self, lang: str) -> None:
        self.statusBar().showMessage(self.language_menu.saved_text(lang), 15_000)

    def _set_sale_actions_enabled(self, enabled: bool) -> None:
        in_sale = self.flow is not None and self.flow.in_progress()
        self.new_sale_action.setEnabled(enabled and not in_sale)
        for name, action in (("history", self.history_action), ("report", self.report_action)):
            available = self._extra_pages.get(name, True) is not None
            action.setEnabled(enabled and available and not in_sale)
        self.display_action.setEnabled(enabled)

    # -- start-up -------------------------------------------------------------------------
    @Slot()
    def start_services(self) -> None:
        """Build the services on a worker (again: Try again after a failed start); the
        window shows "Starting…" meanwhile and keeps the keys typed for the amount."""
        self._start(show_starting=True)

    def _start(self, *, show_starting: bool) -> None:
        if show_starting:
            self.starting_page.show_starting()
            self.stack.setCurrentWidget(self.starting_page)
            self._typeahead().start()  # keys typed meanwhile are kept for the amount
        self.order_page.set_starting(True)
        self.tasks.run(
            "app:start",
            self._factory,
            self.profile_name,
            on_done=self._on_services_built,
            on_error=self._on_services_failed,
        )

    def _on_services_built(self, services: Any) -> None:
        from cashier_app.checkout.resume import recover_resuming
        from cashier_app.ui.journal_watch import JournalWatch
        from cashier_app.ui.sale_flow import SaleFlow

        self.services = services
        profile = services.profile
        # the order page was on screen while starting: what was typed there stays
        kept = self.stack.currentWidget() is self.order_page and self.order_page.is_starting()
        entered = self.order_page.take_enter_while_starting()
        self.order_page.set_starting(False)
        self.order_page.set_currency(profile.currency)  # the typed amount judged in it
        self.order_page.set_limits(profile.sale_limits())
        self._drop_journal_watch()
        self.journal_watch = JournalWatch(services.checkout, self)
        # the store server going away or coming back, whatever page is shown
        self.journal_watch.store_contact_changed.connect(self.operators.on_store_contact_changed)
        self.flow = SaleFlow(
            services,
            self.tasks,
            self.stack,
            self.order_page,
            self.picker_page,
            self.redirect_page,
            self.result_page,
            self,
            scan=self.scan_page,
        )
        self.flow.follow_journal(self.journal_watch)
        self.flow.stage_changed.connect(self._on_flow_stage_changed)
        # a scanned code refused or not confirmed in time: the sale has ended on the scan
        # page, as on the result page online; a start-up notice about it is stale
        self.flow.code_refused.connect(self.banner.hide)
        self._show_profile(services)
        self.phone_action.setEnabled(services.sandbox is not None)
        self.phone_action.setChecked(
            services.sandbox is not None and bool(services.sandbox.lan_url)
        )
        self.operators.attach(services)  # asks who is at the till, once operators are set up
        self.flow.new_sale(keep_order=kept)
        self._set_sale_actions_enabled(True)
        self._replay_typeahead()
        if kept:
            self._typed_while_starting(entered)
        self.services_ready.emit(services)
        self._check_gateway(services)
        if not services.exclusive:  # another live cashier owns this profile's open sales
            self._show_banner(
                self.tr(
                    "Another cashier is using this profile; its unfinished payments are left to it."
                )
            )
            return
        self.tasks.run(
            "app:recover",
            recover_resuming,
            services.checkout,
            on_done=self._on_recovered,
            on_error=lambda exc: self._show_banner(
                fill(self.tr("Could not check unfinished payments: %1"), error_text(exc))
            ),
        )

    def _typeahead(self) -> Any:
        from cashier_app.ui.typeahead import TypeAhead

        if self._type_ahead is None:
            self._type_ahead = TypeAhead(self)
        return self._type_ahead

    def _replay_typeahead(self) -> None:
        """The keys typed while starting go to the amount field, or the operator is told
        they were not used (a sign-in or a resumed payment came first)."""
        from PySide6.QtWidgets import QApplication

        from cashier_app.ui import typeahead

        if self._type_ahead is None:
            return
        on_order = (
            self.stack.currentWidget() is self.order_page
            and QApplication.activeModalWidget() is None
        )
        done = self._type_ahead.replay(self.order_page.amount_input if on_order else None)
        if done == typeahead.STOPPED_AT_ENTER:
            self._show_banner(
                self.tr(
                    "The amount typed while the cashier was starting is in the field: "
                    "check the amount and press Enter to charge."
                )
            )
        elif done == typeahead.NOT_USED:
            self._show_banner(
                self.tr("The keys typed while the cashier was starting were not used.")
            )

    def _typed_while_starting(self, entered: bool) -> None:
        """The amount typed on the order page while the services started is kept; an Enter
        pressed then charged nothing, and the operator is told so (the currency, the
        limits may have changed the verdict). If something else came first (a sign-in),
        the amount is dropped and the operator told."""
        from PySide6.QtWidgets import QApplication

        page = self.order_page
        if not page.amount_input.text():
            return
        if self.stack.currentWidget() is not page or QApplication.activeModalWidget() is not None:
            page.reset()
            self._show_banner(
                self.tr("The keys typed while the cashier was starting were not used.")
            )
        elif entered:
            self._show_banner(
                self.tr(
                    "The amount typed while the cashier was starting is in the field: "
                    "check the amount and press Enter to charge."
                )
            )

    @Slot(str)
    def _on_flow_stage_changed(self, stage: str) -> None:
        self._set_sale_actions_enabled(True)
        if stage == "order":
            self.operators.recheck()  # set up from the CLI meanwhile: ask who is here
        waiting, self._waiting_resume = self._waiting_resume, None
        if stage == "order" and waiting is not None:  # back at the order: show it now
            self._resume(waiting)
            return
        if stage in ("picker", "result"):  # the operator has moved on, or the resumed
            self.banner.hide()  # sale ended: the start-up notice is stale

    def _on_services_failed(self, exc: BaseException) -> None:
        from cashier_app.keystore.backends import PassphraseRequiredError, WrongPassphraseError

        if self._type_ahead is not None and self._type_ahead.replay(None):
            self._show_banner(
                self.tr("The keys typed while the cashier was starting were not used.")
            )

        if isinstance(exc, PassphraseRequiredError):
            # No OS keyring here: the keys are in the encrypted file. Ask, then build again;
            # the passphrase lives only in this call and the worker's key store.
            prompt = fill(
                self.tr(
                    "The keys of profile %1 are in the encrypted key file.\nEnter its passphrase:"
                ),
                str(self.profile_name or ""),
            )
            if isinstance(exc, WrongPassphraseError):  # asked again: say why
                prompt = error_text(exc) + "\n\n" + prompt
            passphrase = self.ask_passphrase(self, prompt)
            if passphrase:
                if self._starting_page is not None:
                    self._starting_page.show_starting()  # if it is what is on screen
                self.tasks.run(
                    "app:start",
                    self._build_unlocked,
                    self.profile_name,
                    passphrase.encode("utf-8"),
                    on_done=self._on_services_built,
                    on_error=self._on_services_failed,
                )
                return
        page = self.order_page
        if self.stack.currentWidget() is page and page.is_starting() and page.amount_input.text():
            page.reset()  # the starting page says why; the amount typed meanwhile is dropped
            self._show_banner(
                self.tr("The keys typed while the cashier was starting were not used.")
            )
        message = error_text(exc)
        log.warning("start-up failed: %s", exc)
        self._restorable = getattr(exc, "backup", None) if _is_profile_damage(exc) else None
        self.starting_page.show_failure(message, can_restore=self._restorable is not None)
        self.stack.setCurrentWidget(self.starting_page)
        self.services_failed.emit(message)

    @Slot()
    def _on_starting_page_restore_requested(self) -> None:
        """Restore backup: asked first (the damaged file is kept beside it), then the
        backup replaces profiles.json on a worker and the cashier starts again."""
        from cashier_app.ui.dialogs.questions import ask

        backup = self._restorable
        if backup is None:
            return
        store = self.backend.profile_store()
        ask(
            self,
            "restoreBackupQuestion",
            self.tr("Restore backup"),
            fill(
                self.tr(
                    "Replace the damaged profiles file %1 with its previous good version "
                    "%2? The damaged file is kept as %3."
                ),
                str(store.path),
                str(backup),
                store.path.name + ".damaged",
            ),
            [("restore", self.tr("Restore backup")), ("keep", self.tr("Keep the file"))],
            default="restore",
            escape="keep",
            on_answer=self._on_restore_question_answered,
        )

    def _on_restore_question_answered(self, key: str) -> None:
        if key != "restore" or self._restorable is None:
            return
        self.starting_page.restore_button.setEnabled(False)
        self.tasks.run(
            "app:restore",
            lambda: self.backend.profile_store().restore_backup(),
            on_done=lambda _profile: self.start_services(),
            on_error=self._on_services_failed,
        )

    def _build_unlocked(self, profile_name: str | None, passphrase: bytes) -> Services:
        """Services for a profile whose keys are in the passphrase-encrypted key file."""
        return self.backend.build_services(profile_name, keystore_passphrase=passphrase)

    def _show_profile(self, services: Any) -> None:
        profile = services.profile
        env = str(getattr(profile.environment, "value", profile.environment))
        where = services.sandbox.url if services.sandbox is not None else profile.gateway_url
        name, env_name = profile.name, environment_name(env)
        self.profile_label.set_forms(
            fill(
                self.tr("Profile %1 · %2 · %3 · %4"),
                name,
                env_name,
                profile.currency,
                where or "—",
            ),
            fill(self.tr("Profile %1 · %2 · %3"), name, env_name, profile.currency),
            fill(self.tr("%1 · %2"), name, env_name),
            name,
        )
        embedded = services.sandbox is not None
        self.sandbox_notice.set_forms(
            self.tr("Demo keys live in memory only — nothing is charged"),
            self.tr("Demo keys: nothing is charged"),
            self.tr("Nothing is charged"),
        )
        self.sandbox_notice.setVisible(embedded)
        if self.display is not None:
            self.display.set_merchant(profile.merchant_name)

    def _check_gateway(self, services: Any) -> None:
        """One harmless signed call on a worker: reachable, our key accepted, theirs right."""
        from cashier_app.checkout.probe import probe_gateway

        self.gateway_label.set_forms(self.tr("Gateway: checking…"))
        self.gateway_label.setProperty("state", "")
        self.tasks.run(
            "app:probe",
            probe_gateway,
            services.client,
            on_done=self._on_gateway_checked,
            on_error=lambda exc: self._on_gateway_checked(None, error_text(exc)),
        )

    def _on_gateway_checked(self, result: Any, error: str = "") -> None:
        from cashier_app.ui.reasons import probe_text  # its records and codes: after the paint

        ok = result is not None and result.ok
        summary = probe_text(result) if result is not None else error
        if ok:
            elapsed = f"{result.elapsed_ms:.0f}"
            self.gateway_label.set_forms(
                fill(self.tr("Gateway ✓ %1 ms"), elapsed), self.tr("Gateway ✓"), detail=summary
            )
        else:
            self.gateway_label.set_forms(self.tr("Gateway ✗"), detail=summary)
            self._show_banner(fill(self.tr("Gateway check failed: %1"), summary))
        self.gateway_label.setProperty("state", "ok" if ok else "bad")
        self.gateway_label.style().unpolish(self.gateway_label)
        self.gateway_label.style().polish(self.gateway_label)
        self.gateway_checked.emit(result)

    def _on_recovered(self, recovery: Recovery) -> None:
        records, resumed = recovery.records, recovery.resumed
        self.payments_recovered.emit(records)
        texts = []
        if resumed is not None and self.flow is not None and self.flow.stage == "order":
            self.flow.resume(resumed)
            self.payment_resumed.emit(resumed)
            texts.append(self._resumed_text(resumed))
        elif resumed is not None:  # the operator is elsewhere (History...): on coming back
            self._waiting_resume = resumed
        settled = [
            r
            for r in records
            if resumed is None or r.payment_request_id != resumed.payment_request_id
        ]
        if settled:
            from cashier_app.domain.outcome import Status

            counts: dict[str, int] = {}
            for record in settled:
                counts[record.status.value] = counts.get(record.status.value, 0) + 1
            titles = self.result_page.titles()
            parts = ", ".join(
                f"{n} × {titles.get(Status(s), s)}" for s, n in sorted(counts.items())
            )
            texts.append(
                fill(
                    self.tr(
                        "Recovered %1 unfinished payment(s) from the last "
                        "session: %2. See History for details."
                    ),
                    str(len(settled)),
                    parts,
                )
            )
        if texts:
            self._show_banner("\n".join(texts))

    def _resume(self, record: Any) -> None:
        from datetime import UTC, datetime

        from cashier_app.checkout.resume import can_resume

        if record.expires_at is not None and not can_resume(record, datetime.now(UTC)):
            return  # it ran out meanwhile: the poller of the next start settles it
        if self.flow is None:
            return  # no services (yet): there is no sale flow to resume it on
        self.flow.resume(record)
        self.payment_resumed.emit(record)
        self._show_banner(self._resumed_text(record))

    def _resumed_text(self, record: Any) -> str:
        from cashier_app.domain import methods

        try:
            wallet = methods.get(record.method).name(current_language())
        except methods.UnknownMethodError:
            wallet = record.method
        started = record.created_at.astimezone().strftime("%H:%M")
        if record.scenario == "PaymentCode":  # a scanned code: nothing is shown again
            return fill(
                self.tr(
                    "The payment of %1 with %2 started at %3 is still waiting for the "
                    "customer to confirm it in the wallet."
                ),
                record.amount.display(),
                wallet,
                started,
            )
        return fill(
            self.tr(
                "The payment of %1 with %2 started at %3 is still waiting for the "
                "customer: the same code is shown again."
            ),
            record.amount.display(),
            wallet,
            started,
        )

    def _show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.show()

    # -- actions --------------------------------------------------------------------------
    @Slot()
    def _on_new_sale_action_triggered(self) -> None:
        if self.flow is not None and not self.flow.in_progress():
            self.banner.hide()
            self.flow.new_sale()

    @Slot()
    def _on_operator_signed_out(self) -> None:
        """Nothing of the last operator's sale stays on screen for the next one (its
        result page, amount and Refund button): an empty order page, as a new sale."""
        if self.flow is not None and not self.flow.in_progress():
            self.banner.hide()
            self.flow.new_sale()

    def open_extra_page(self, name: str) -> QWidget | None:
        """Show the History or End-of-day page (built by another module, when present)."""
        if self.services is None or (self.flow is not None and self.flow.in_progress()):
            return None
        page = self._extra_pages.get(name)
        if page is None and name not in self._extra_pages:
            page = self._load_extra_page(name)
            self._extra_pages[name] = page
            if page is not None:
                self.stack.addWidget(page)
                from PySide6.QtCore import Qt  # here: no Qt enums before the first paint
                from PySide6.QtGui import QKeySequence, QShortcut

                back = QShortcut(QKeySequence(Qt.Key.Key_Escape), page)
                back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                back.activated.connect(self.back_from_extra_page)
                if self.journal_watch is not None and hasattr(page, "on_journal_changed"):
                    self.journal_watch.journal_changed.connect(page.on_journal_changed)
        if page is None:
            self._set_sale_actions_enabled(True)
            return None
        if self.flow is not None and self.flow.stage not in self._extra_pages:
            self._back_to = self.flow.stage  # where Escape goes back to
        self.stack.setCurrentWidget(page)
        if self.flow is not None:
            self.flow.stage = name
        return page

    @Slot()
    def back_from_extra_page(self) -> None:
        """Escape on History or End of day: back one step, to the page left (an amount
        being typed is kept)."""
        if self.flow is not None and self.flow.stage in self._extra_pages:
            self.flow.show_stage(self._back_to if self._back_to in ("order", "result") else "order")

    def _load_extra_page(self, name: str) -> QWidget | None:
        module_name, class_name = {
            "history": ("history_page", "HistoryPage"),
            "report": ("report_page", "ReportPage"),
        }[name]
        try:
            module = importlib.import_module(f"cashier_app.ui.pages.{module_name}")
            page: QWidget = getattr(module, class_name)(self.services, self.tasks, self)
            return page
        except Exception as exc:
            log.warning("the %s page is not available: %s", name, exc)
            self.statusBar().showMessage(
                fill(self.tr("This page is not available: %1"), error_text(exc)), 8000
            )
            return None

    @Slot()
    def open_profiles_dialog(self) -> QWidget | None:
        """Profiles & keys (window-modal), after a manager's PIN once operators are set up;
        a change of the active profile rebuilds services."""
        shown: list[QWidget] = []
        asking = self.operators.approve(
            self.tr("A manager's PIN is needed to change profiles and keys."),
            lambda _entry: shown.append(self._open_profiles_dialog()),
        )
        return shown[0] if shown else asking

    def _open_profiles_dialog(self) -> QWidget:
        from cashier_app.ui.dialogs.profiles_dialog import ProfilesDialog

        sandbox = self.services.sandbox if self.services is not None else None
        dialog = ProfilesDialog(
            self,
            backend=self.backend,
            embedded_gateway_key=(
                sandbox.gateway_public_key_base64 if sandbox is not None else None
            ),
            sale_in_progress=lambda: self.flow is not None and self.flow.in_progress(),
        )
        from PySide6.QtCore import Qt  # here: no Qt enums before the first paint

        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.active_profile_changed.connect(self.switch_profile)
        dialog.open()
        return dialog

    @Slot()
    def open_phone_dialog(self) -> QWidget | None:
        """Setup → Wallet page for phones: the embedded sandbox's LAN listener."""
        sandbox = self.services.sandbox if self.services is not None else None
        if sandbox is None:
            self.phone_action.setChecked(False)
            return None
        from cashier_app.ui.dialogs.phone_dialog import PhoneDialog

        self.phone_action.setChecked(bool(sandbox.lan_url))  # the dialog changes it
        dialog = PhoneDialog(self, sandbox, self.tasks)
        from PySide6.QtCore import Qt  # here: no Qt enums before the first paint

        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.lan_changed.connect(lambda url: self.phone_action.setChecked(bool(url)))
        dialog.open()
        return dialog

    @Slot()
    def open_about_dialog(self) -> QWidget:
        """Help → About: version, Qt, PySide6, profile environment, data and log paths."""
        from cashier_app.ui.dialogs.about_dialog import AboutDialog

        dialog = AboutDialog(self.services, self)
        from PySide6.QtCore import Qt  # here: no Qt enums before the first paint

        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    @Slot(str)
    def switch_profile(self, name: str) -> bool:
        """Run on profile ``name``: close the services and build new ones on a worker, as at
        start-up. Refused (False) while a sale is between Charge and its result."""
        if self.flow is not None and self.flow.in_progress():
            self.statusBar().showMessage(
                self.tr("Finish the current sale first, then choose the profile again."), 8000
            )
            return False
        flow, self.flow = self.flow, None
        self._waiting_resume = None  # it belongs to the old profile's till
        if flow is not None:
            flow.detach()
            flow.deleteLater()
        for page in filter(None, self._extra_pages.values()):  # they hold the old services
            self.stack.removeWidget(page)
            page.deleteLater()
        self._extra_pages.clear()
        self._drop_journal_watch()
        self._set_sale_actions_enabled(False)
        old, self.services = self.services, None
        self.profile_name = name
        self.starting_page.show_starting()
        self.stack.setCurrentWidget(self.starting_page)
        self.tasks.run(
            "app:start",
            _replace_services,
            old,
            self._factory,
            name,
            on_done=self._on_services_switched,
            on_error=self._on_services_failed,
        )
        return True

    def _drop_journal_watch(self) -> None:
        watch, self.journal_watch = self.journal_watch, None
        if watch is not None:
            watch.detach()
            watch.deleteLater()

    def _on_services_switched(self, services: Any) -> None:
        self._on_services_built(services)
        if self.display is not None and self.flow is not None:
            self.flow.display = self.display
            self.flow.refresh_display()

    @Slot(bool)
    def _on_display_action_toggled(self, on: bool) -> None:
        if on:
            if self.display is None:
                from cashier_app.ui.customer_display import CustomerDisplay

                merchant = self.services.profile.merchant_name if self.services else ""
                self.display = CustomerDisplay(merchant, self)
                self.display.setStyleSheet(self.styleSheet())
            self.display.open_on_best_screen()
            self.activateWindow()  # the keyboard stays with the operator, not the display
            if self.flow is not None:
                self.flow.display = self.display
                self.flow.refresh_display()
        elif self.display is not None:
            self.display.hide()

    # -- shutdown -------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_guard.holds_back(event):  # a customer may be paying: asked first
            return
        self._start_due = False  # closed before the services were started: never start
        if self.display is not None:
            self.display.hide()
        if self.flow is not None:
            self.flow.poller.stop()
            if self.flow.in_store is not None:  # a customer confirming in the wallet
                self.flow.in_store.poller.stop()
        self.tasks.cancel("sale")
        if self.journal_watch is not None:
            self.journal_watch.detach()
        services, self.services = self.services, None
        if services is not None:
            # Closing stops the embedded gateway and the journal: off the GUI thread too.
            self.tasks.run("app:close", services.close)
        self.tasks.shutdown(5000)
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt  # here: no Qt enums before the first paint

        if event.key() == Qt.Key.Key_F11:
            self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)
            return
        super().keyPressEvent(event)
