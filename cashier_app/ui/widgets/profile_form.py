"""The profile editor: every non-secret setting of one merchant account, checked inline.

Validation is the key store's own (``keystore/profiles.py`` check functions): the form calls
them field by field only to know *which* field a message belongs under.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cashier_app.domain import methods
from cashier_app.domain.errors import CashierError, Term
from cashier_app.domain.limits import SaleLimitError, SaleLimits
from cashier_app.domain.money import CURRENCY_EXPONENTS, Money, MoneyError, check_currency
from cashier_app.keystore import profiles as kp
from cashier_app.keystore.profiles import Environment, Profile, ProfileError
from cashier_app.ui.i18n import current_language
from cashier_app.ui.text import error_text, fill

CUSTOM = "custom"
EMBEDDED = "embedded"  #: the gateway choice of the embedded sandbox: no URL


class ProfileForm(QWidget):
    """Name, environment, gateway (region preset or custom URL), client id, key version,
    notify URL, merchant name, currency and the wallets for that currency.

    Signals:
        edited(): the operator changed a field.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileForm")
        self._wallets: set[str] = set()
        self._loading = False
        self.errors: dict[str, QLabel] = {}

        self.name_edit = self._line("profileNameEdit")
        self.env_combo = QComboBox(self)
        self.env_combo.setObjectName("environmentCombo")
        for env, text in (
            (Environment.EMBEDDED_SANDBOX, self.tr("Embedded sandbox (offline)")),
            (Environment.ANTOM_SANDBOX, self.tr("Antom sandbox")),
            (Environment.PRODUCTION, self.tr("Production (live)")),
        ):
            self.env_combo.addItem(text, env.value)
        self.gateway_combo = QComboBox(self)
        self.gateway_combo.setObjectName("gatewayPresetCombo")
        regions = {
            "na": self.tr("North America"),
            "na-legacy": self.tr("North America (legacy)"),
            "asia": self.tr("Asia"),
            "asia-legacy": self.tr("Asia (legacy)"),
            "europe": self.tr("Europe"),
            "europe-instore": self.tr("Europe (in-store)"),
        }
        for key, url in kp.GATEWAY_PRESETS.items():
            self.gateway_combo.addItem(f"{regions.get(key, key)} — {url.split('//')[1]}", url)
        self.gateway_combo.addItem(self.tr("Custom URL…"), CUSTOM)
        self.gateway_combo.addItem(self.tr("Embedded sandbox"), EMBEDDED)
        # Not as wide as its longest "region — host" (the form scrolled sideways at
        # 1024x600): the URL field below shows the chosen host whole, the drop-down every
        # preset whole.
        self.gateway_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.gateway_combo.setMinimumContentsLength(16)
        view = self.gateway_combo.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 2 * view.frameWidth())
        self.gateway_edit = self._line("gatewayUrlEdit", "https://")
        self.gateway_note = QLabel(self.tr("Runs inside this app: no URL."), self)
        self.gateway_note.setObjectName("gatewayNote")
        self.gateway_note.setWordWrap(True)
        self.gateway_note.hide()
        self.client_edit = self._line("clientIdEdit", self.tr("From the Antom Dashboard"))
        self.version_edit = self._line("keyVersionEdit", "1")
        self.notify_edit = self._line("notifyUrlEdit", self.tr("Optional: https://…"))
        self.merchant_edit = self._line("merchantNameEdit", self.tr("Shown to the customer"))
        self.currency_combo = QComboBox(self)
        self.currency_combo.setObjectName("currencyCombo")
        self.currency_combo.setEditable(True)
        self.currency_combo.addItems(sorted(CURRENCY_EXPONENTS))
        self.max_sale_edit = self._line("maxSaleEdit")
        self.confirm_sale_edit = self._line("confirmSaleEdit")
        self.wallet_list = QListWidget(self)
        self.wallet_list.setObjectName("walletList")
        self.wallet_list.setMinimumHeight(150)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        gateway_box = QVBoxLayout()
        gateway_box.setSpacing(4)
        gateway_box.addWidget(self.gateway_combo)
        gateway_box.addWidget(self.gateway_edit)
        gateway_box.addWidget(self.gateway_note)
        rows = (
            ("name", self.tr("Profile name"), self.name_edit),
            ("environment", self.tr("Environment"), self.env_combo),
            ("gateway", self.tr("Gateway"), gateway_box),
            ("client_id", self.tr("Client ID"), self.client_edit),
            ("key_version", self.tr("Key version"), self.version_edit),
            ("notify_url", self.tr("Notify URL"), self.notify_edit),
            ("merchant_name", self.tr("Merchant name"), self.merchant_edit),
            ("currency", self.tr("Currency"), self.currency_combo),
            ("max_sale", self.tr("Largest sale"), self.max_sale_edit),
            ("confirm_sale", self.tr("Ask before charging from"), self.confirm_sale_edit),
            ("wallets", self.tr("Wallets enabled"), self.wallet_list),
        )
        for key, label, field in rows:
            cell = QVBoxLayout()
            cell.setSpacing(2)
            if isinstance(field, QWidget):
                cell.addWidget(field)
            else:
                cell.addLayout(field)
            error = QLabel(self)
            error.setObjectName(f"{key}Error")
            error.setProperty("role", "error")
            error.setWordWrap(True)
            error.hide()
            cell.addWidget(error)
            self.errors[key] = error
            form.addRow(label, cell)
        self.general_error = QLabel(self)
        self.general_error.setObjectName("profileFormError")
        self.general_error.setProperty("role", "error")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(form)
        box.addWidget(self.general_error)

        self.env_combo.currentIndexChanged.connect(self._on_environment_changed)
        self.gateway_combo.currentIndexChanged.connect(self._on_gateway_combo_changed)
        self.currency_combo.currentTextChanged.connect(self._fill_wallets)
        self.currency_combo.currentTextChanged.connect(self._show_default_limits)
        self.wallet_list.itemChanged.connect(self._on_wallet_item_changed)
        for edit in (
            self.name_edit,
            self.gateway_edit,
            self.client_edit,
            self.version_edit,
            self.notify_edit,
            self.merchant_edit,
            self.max_sale_edit,
            self.confirm_sale_edit,
        ):
            edit.textEdited.connect(self._on_field_edited)
        self.load(None)

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    # -- loading --------------------------------------------------------------------------
    def load(self, profile: Profile | None) -> None:
        """Show ``profile``, or a blank production profile to create when None."""
        self._loading = True
        try:
            new = profile is None
            if profile is None:
                profile = Profile(
                    "",
                    Environment.PRODUCTION,
                    "",
                    "HKD",
                    kp.GATEWAY_PRESETS["asia"],
                    wallets=("ALIPAY_HK", "ALIPAY_CN"),
                )
            self.is_new = new
            self.name_edit.setText(profile.name)
            self.name_edit.setReadOnly(not new)
            self.env_combo.setCurrentIndex(self.env_combo.findData(profile.environment.value))
            if profile.is_embedded_sandbox:
                preset = self.gateway_combo.findData(EMBEDDED)
            else:
                preset = self.gateway_combo.findData(profile.gateway_url)
            self.gateway_combo.setCurrentIndex(
                preset if preset >= 0 else self.gateway_combo.findData(CUSTOM)
            )
            self.gateway_edit.setText(profile.gateway_url)
            self.client_edit.setText(profile.client_id)
            self.version_edit.setText(profile.key_version)
            self.notify_edit.setText(profile.notify_url or "")
            self.merchant_edit.setText(profile.merchant_name)
            for edit, minor in (
                (self.max_sale_edit, profile.max_sale_minor),
                (self.confirm_sale_edit, profile.confirm_sale_minor),
            ):
                edit.setText(
                    Money(minor, profile.currency).decimal_str() if minor is not None else ""
                )
            self._wallets = set(profile.wallets)
            self.currency_combo.setCurrentText(profile.currency)
            self._fill_wallets(profile.currency)
            self._show_default_limits(profile.currency)
            sandbox_profile = profile.name == kp.SANDBOX_PROFILE
            self.env_combo.setEnabled(not sandbox_profile)
            self._on_environment_changed()
            self.clear_errors()
        finally:
            self._loading = False

    @Slot(str)
    def _show_default_limits(self, currency: str) -> None:
        """An empty limit field means the currency's default: the placeholder shows it."""
        try:
            limits = SaleLimits.for_profile(currency.strip().upper())
        except CashierError:
            return
        self.max_sale_edit.setPlaceholderText(
            fill(self.tr("Default: %1"), limits.max_money.display())
        )
        self.confirm_sale_edit.setPlaceholderText(
            fill(self.tr("Default: %1"), limits.confirm_money.display())
        )

    def _limit(self, edit: QLineEdit, currency: str) -> int | None:
        """The limit typed in ``edit`` in minor units; None when empty (the default)."""
        text = edit.text().strip()
        return Money.parse(text, currency).value if text else None

    @Slot(str)
    def _fill_wallets(self, currency: str) -> None:
        """The wallets that accept ``currency``, checked as the profile has them."""
        was_loading, self._loading = self._loading, True
        self.wallet_list.clear()
        try:
            code = check_currency(currency)
        except MoneyError:
            code = ""
        zh = current_language() == "zh"
        for method in methods.methods_for(code) if code else []:
            name = method.name_zh if zh else method.name_en
            item = QListWidgetItem(f"{name} ({method.type})", self.wallet_list)
            item.setData(Qt.ItemDataRole.UserRole, method.type)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if method.type in self._wallets else Qt.CheckState.Unchecked
            )
        self._loading = was_loading
        if not self._loading:
            self.edited.emit()

    def _on_wallet_item_changed(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        kind = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self._wallets.add(kind)
        else:
            self._wallets.discard(kind)
        self.edited.emit()

    def set_wallet_checked(self, method_type: str, checked: bool) -> None:
        for row in range(self.wallet_list.count()):
            item = self.wallet_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == method_type:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def checked_wallets(self) -> tuple[str, ...]:
        items = (self.wallet_list.item(r) for r in range(self.wallet_list.count()))
        return tuple(
            i.data(Qt.ItemDataRole.UserRole)
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        )

    @Slot()
    def _on_environment_changed(self) -> None:
        embedded = self.env_combo.currentData() == Environment.EMBEDDED_SANDBOX.value
        # The embedded gateway is the embedded environment's only choice, and no other's.
        model = self.gateway_combo.model()
        assert isinstance(model, QStandardItemModel)  # a QComboBox's own model
        model.item(self.gateway_combo.findData(EMBEDDED)).setEnabled(embedded)
        if embedded:
            self.gateway_combo.setCurrentIndex(self.gateway_combo.findData(EMBEDDED))
        elif self.gateway_combo.currentData() == EMBEDDED:
            self.gateway_combo.setCurrentIndex(0)  # the first region preset
        self.gateway_combo.setEnabled(not embedded)
        self.gateway_edit.setVisible(not embedded)
        self.gateway_note.setVisible(embedded)
        if not self._loading:
            self.edited.emit()

    @Slot()
    def _on_gateway_combo_changed(self) -> None:
        url = self.gateway_combo.currentData()
        custom = url == CUSTOM
        self.gateway_edit.setReadOnly(not custom)
        if url == EMBEDDED:
            self.gateway_edit.clear()
        elif not custom and not self._loading:
            self.gateway_edit.setText(url)
        if not self._loading:
            self.edited.emit()

    def _on_field_edited(self) -> None:
        if not self._loading:
            self.edited.emit()

    # -- validation -----------------------------------------------------------------------
    def clear_errors(self) -> None:
        for label in (*self.errors.values(), self.general_error):
            label.clear()
            label.hide()

    def show_error(self, field: str | None, message: str) -> None:
        label = self.errors.get(field or "", self.general_error)
        label.setText(message)
        label.show()

    def profile(self) -> Profile | None:
        """The profile as entered, validated; None (and inline messages) when a field is
        wrong. Each message is the key store's own and names its field."""
        self.clear_errors()
        env = Environment(self.env_combo.currentData())
        embedded = env is Environment.EMBEDDED_SANDBOX
        gateway = "" if embedded else self.gateway_edit.text().strip()
        notify = self.notify_edit.text().strip() or None
        currency = self.currency_combo.currentText().strip().upper()
        wallets = self.checked_wallets()
        checks: list[tuple[str, Callable[[], object]]] = [
            ("name", lambda: kp.check_name(self.name_edit.text().strip())),
            ("client_id", lambda: kp.check_client_id(self.client_edit.text(), env)),
            ("key_version", lambda: kp.check_key_version(self.version_edit.text())),
            ("currency", lambda: check_currency(currency)),
        ]
        if not embedded:
            checks.append(
                ("gateway", lambda: kp.check_url(gateway, Term("gateway URL"), base_only=True))
            )
        if notify:
            checks.append(("notify_url", lambda: kp.check_url(notify, Term("notify URL"))))
        limits: dict[str, int | None] = {}
        for field, edit in (
            ("max_sale", self.max_sale_edit),
            ("confirm_sale", self.confirm_sale_edit),
        ):

            def check_limit(f: str = field, e: QLineEdit = edit) -> None:
                limits[f] = self._limit(e, currency)

            checks.append((field, check_limit))
        failed = False
        for field, check in checks:
            try:
                check()
            except MoneyError as exc:
                self.show_error(field, error_text(exc))
                failed = True
            except ProfileError as exc:
                self.show_error(field, error_text(exc))
                failed = True
        if not failed:
            try:
                SaleLimits.for_profile(currency, limits["max_sale"], limits["confirm_sale"])
            except SaleLimitError as exc:
                self.show_error("confirm_sale", error_text(exc))
                failed = True
        if not failed:
            try:
                kp.check_wallets(wallets, currency)
            except ProfileError as exc:
                self.show_error("wallets", error_text(exc))
                failed = True
        if failed:
            return None
        draft = Profile(
            self.name_edit.text().strip(),
            env,
            self.client_edit.text().strip(),
            currency,
            gateway,
            self.version_edit.text().strip(),
            notify,
            wallets,
            self.merchant_edit.text().strip(),
            max_sale_minor=limits["max_sale"],
            confirm_sale_minor=limits["confirm_sale"],
        )
        try:
            return draft.validated()
        except ProfileError as exc:
            bad = "merchant_name" if exc.code == "merchant_name" else None
            self.show_error(bad, error_text(exc))
            return None
