"""One operator language: walk every page and dialog in zh_CN and read what is on screen.

Any visible English word that is not a proper name (wallet names, Antom, Alipay+), a code
(HKD, ALIPAY_HK) or an id fails the walk, with the widget and the text that holds it.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QTabWidget, QWidget
from sale_steps import SaleDriver, answer
from visible_text import english_on_screen, english_words

from cashier_app.ui import ensure_application


@pytest.fixture
def zh_window(make_window, qtbot):
    ensure_application(lang="zh_CN")
    try:
        window = make_window()
        window.resize(1366, 768)
        # What start-up puts on screen is settled before the walk reads it: the gateway
        # check answers on a worker and then sets the status bar's text and tooltip.
        qtbot.waitUntil(
            lambda: window.gateway_label.property("state") in ("ok", "bad"), timeout=30_000
        )
        yield window
    finally:
        ensure_application(lang="en")


def _profile_data(window) -> set[str]:
    """Values shown as configured (profile name, merchant name): data, not UI text."""
    profile = window.services.profile
    return {profile.name, *profile.merchant_name.split(), profile.client_id}


def _question(qtbot, parent, name: str) -> QMessageBox:
    """The window-modal question ``name`` under ``parent``, once it is shown."""

    def shown():
        return next((b for b in parent.findChildren(QMessageBox, name) if b.isVisible()), None)

    qtbot.waitUntil(lambda: shown() is not None, timeout=10_000)
    return shown()


class Walk:
    """Collects the English found on each screen; fails once at the end with all of it."""

    def __init__(self, qtbot, window) -> None:
        self.qtbot, self.window = qtbot, window
        self.found: list[str] = []
        self.data = _profile_data(window)

    def look(self, name: str, root=None) -> None:
        QApplication.processEvents()  # the texts of a just-shown page
        for line in english_on_screen(root or self.window, self.data):
            self.found.append(f"[{name}] {line}")

    def tabs(self, name: str, root) -> None:
        for tabs in root.findChildren(QTabWidget):
            if not tabs.isVisible():
                continue
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                self.look(f"{name} tab {i}", root)

    def check(self) -> None:
        assert not self.found, "English on screen in zh_CN:\n" + "\n".join(self.found)


def test_the_word_finder():
    assert english_words("支付已取消") == []
    assert english_words("金额（HKD）· ALIPAY_HK · 2026-11-21 · GCash · Alipay+") == []
    assert english_words("结果代码：ORDER_IS_CLOSED  ·  Payment Kit 代码：1001930000") == []
    assert english_words("http://127.0.0.1:8123/pay?x=1 /tmp/a.pdf") == []
    assert english_words("the payer declined the payment") == [
        "the",
        "payer",
        "declined",
        "the",
        "payment",
    ]
    assert english_words("Refund…") == ["Refund"]
    # protocol names pass, exactly: API names, header names, preset hosts, keys
    assert english_words("接口：pay · inquiryPayment · Response-Time 时钟偏差") == []
    assert english_words("亚洲 — open-sea-global.alipay.com · https:// · 返回（Esc）") == []
    assert english_words("Cancel · cancel the payment") == ["Cancel", "the", "payment"]
    # a command line to type is not prose; words after it are
    assert english_words("请运行 cashier operator add 名字 --role manager") == []
    assert english_words("Run cashier recover to settle it") == ["Run", "to", "settle", "it"]


def test_every_page_and_dialog_speaks_chinese(zh_window, qtbot):
    window = zh_window
    walk = Walk(qtbot, window)
    sale = SaleDriver(qtbot, window)
    walk.look("order page")
    field = window.order_page.amount_input
    qtbot.keyClicks(field, "12/50")  # kept as typed and refused, with the reason
    walk.look("order page, not an amount")
    field.clear()

    # a declined sale: picker, redirect, result with the gateway's reason
    sale.charge("12.30")
    walk.look("picker")
    sale.confirm()
    walk.look("redirect")
    sale.settle(window.redirect_page.simulate_decline)
    walk.look("result declined")

    # a paid sale, then the refund dialog
    window.result_page.new_sale_button.click()
    sale.charge("20.00")
    sale.confirm()
    sale.settle(window.redirect_page.simulate_pay)
    walk.look("result paid")

    window.result_page.refund_button.click()
    qtbot.waitUntil(
        lambda: (
            getattr(window.flow, "refund_dialog", None) is not None
            and window.flow.refund_dialog.isVisible()
        ),
        timeout=10_000,
    )
    dialog = window.flow.refund_dialog
    walk.look("refund dialog", dialog)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    walk.look("refund question", _question(qtbot, dialog, "refundQuestion"))
    answer(qtbot, dialog, "refundQuestion", "keep")
    dialog.reject()

    # the pay answer never verifies: no code, Retry / Cancel, on both screens; the QA
    # console lists the fault
    faults = window.services.sandbox.faults
    faults.add("bad_signature", count=None, api="pay", mode="missing")
    window.display_action.setChecked(True)
    window.result_page.new_sale_button.click()
    sale.charge("23.40")
    qtbot.mouseClick(window.picker_page.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.redirect_page.retry_button.isVisible, timeout=20_000)
    walk.look("redirect, code not verified")
    walk.look("customer display, waiting", window.display)
    window.display_action.setChecked(False)
    window.qa_dock.show()
    fault_panel = window.qa_dock.findChild(QWidget, "qaFaultPanel")
    fault_panel.refresh_button.click()
    qtbot.waitUntil(lambda: fault_panel.active_list.count() == 1, timeout=10_000)
    walk.tabs("qa console with a fault", window.qa_dock)
    window.qa_dock.hide()
    faults.clear()
    with qtbot.waitSignal(window.flow.qr_shown, timeout=20_000):
        qtbot.mouseClick(window.redirect_page.retry_button, Qt.MouseButton.LeftButton)

    # closing with a live payment asks first
    window.close()
    walk.look("close question", _question(qtbot, window, "closeQuestion"))
    answer(qtbot, window, "closeQuestion", "wait")
    sale.settle(window.redirect_page.simulate_pay)

    # an expired code, then the result of a sale the operator cancels
    window.result_page.new_sale_button.click()
    sale.charge("7.00")
    sale.confirm()
    window.redirect_page.simulate_expire.click()
    qtbot.waitUntil(window.redirect_page.is_expired, timeout=20_000)
    walk.look("redirect expired")
    sale.settle(window.redirect_page.cancel_button)
    walk.look("result after expiry")
    window.result_page.new_sale_button.click()
    sale.charge("8.00")
    sale.confirm()
    redirect = window.redirect_page
    with qtbot.waitSignal(window.flow.sale_settled, timeout=20_000):
        qtbot.mouseClick(redirect.cancel_button, Qt.MouseButton.LeftButton)
        walk.look("cancel question", _question(qtbot, redirect, "cancelPaymentQuestion"))
        answer(qtbot, redirect, "cancelPaymentQuestion", "cancel")
    walk.look("result cancelled")

    # History (with the rows and the details of one), End of day
    history = window.open_extra_page("history")
    qtbot.waitUntil(lambda: history.model.rowCount() >= 3, timeout=10_000)
    history.table.selectRow(0)
    qtbot.waitUntil(lambda: history.selected_payment() is not None, timeout=10_000)
    walk.look("history")
    walk.tabs("history details", history)
    report = window.open_extra_page("report")
    qtbot.waitUntil(lambda: report.isVisible(), timeout=10_000)
    walk.look("end of day")

    # customer display
    window.display_action.setChecked(True)
    walk.look("customer display", window.display)
    window.display_action.setChecked(False)

    # QA console, every tab
    window.qa_dock.show()
    walk.look("qa console", window.qa_dock)
    walk.tabs("qa console", window.qa_dock)
    window.qa_dock.hide()

    # Profiles & keys on the embedded sandbox profile, every tab
    dialog = window.open_profiles_dialog()
    qtbot.waitUntil(lambda: dialog.keys is not None, timeout=15_000)
    walk.look("profiles", dialog)
    walk.tabs("profiles", dialog)
    dialog.reject()
    about = window.open_about_dialog()
    walk.look("about", about)
    about.close()
    walk.check()


def test_menus_and_status_bar_speak_chinese(zh_window):
    walk = Walk(None, zh_window)
    walk.look("main window")
    walk.check()


def test_the_language_chosen_in_setup_is_kept_for_the_next_start(make_window, qtbot):
    """Setup → Language → 简体中文 is saved in the settings; the next start comes up in
    Chinese (without --lang), with that language checked; English switches back."""
    from cashier_app.cli.gui import startup_language
    from cashier_app.support import settings

    ensure_application(lang="en")
    window = make_window()
    menu = window.language_menu
    assert menu.actions_by_lang["en"].isChecked()
    assert [a.text() for a in menu.actions()] == ["English", "简体中文"]
    assert menu.menuAction() in window.menuBar().actions()[2].menu().actions()  # Setup
    with qtbot.waitSignal(menu.language_saved, timeout=10_000):
        menu.actions_by_lang["zh_CN"].trigger()
    assert settings.saved_language() == "zh_CN"
    assert "简体中文" in window.statusBar().currentMessage()
    assert window.menuBar().actions()[0].text() == "&Sale"  # this window stays as it is

    try:
        ensure_application(lang=startup_language())  # what `cashier` does at its next start
        again = make_window()
        assert again.menuBar().actions()[0].text() == "交易(&S)"
        assert again.language_menu.actions_by_lang["zh_CN"].isChecked()
        with qtbot.waitSignal(again.language_menu.language_saved, timeout=10_000):
            again.language_menu.actions_by_lang["en"].trigger()
        assert settings.saved_language() == "en" and startup_language() == "en"
    finally:
        ensure_application(lang="en")


def test_a_damaged_settings_file_falls_back_to_the_system_language(cashier_app):
    from cashier_app.support import settings

    settings.settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings.settings_path().write_text("{not json", encoding="utf-8")
    assert settings.saved_language() is None
    settings.save_language("zh_CN")  # the next save replaces it
    assert settings.saved_language() == "zh_CN"


def test_a_refused_profile_is_explained_in_chinese(zh_window, qtbot):
    """Profiles & keys: every message under a field the key store refuses is Chinese (the
    key store's errors are rendered from their codes, the field names too)."""
    from profile_steps import fill_production_form

    window = zh_window
    walk = Walk(qtbot, window)
    dialog = window.open_profiles_dialog()
    qtbot.waitUntil(lambda: dialog.keys is not None, timeout=15_000)
    fill_production_form(dialog, qtbot, client_id="", gateway="http://example.com/ams/api")
    dialog.form.version_edit.setText("0")
    dialog.form.currency_combo.setCurrentText("XYZ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.form.errors["gateway"].isVisible()
    walk.look("profile refused", dialog)
    fill_production_form(dialog, qtbot, client_id="SANDBOX_5Y0001")
    for row in range(dialog.form.wallet_list.count()):
        dialog.form.wallet_list.item(row).setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    walk.look("profile with a sandbox id", dialog)
    dialog.form.client_edit.setText("2188000000000001")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.form.errors["wallets"].isVisible()
    walk.look("profile without a wallet", dialog)
    walk.tabs("new profile", dialog)
    dialog.reject()
    walk.check()


def test_the_system_keyring_is_named_as_its_maker_names_it():
    """Profiles & keys says where keys are kept in words, not a Python class path
    (系统密钥环（keyring.backends.SecretService.Keyring） read as English in zh_CN)."""
    from cashier_app.ui.widgets.key_panel import keyring_name

    assert keyring_name("keyring.backends.SecretService.Keyring") == "Secret Service"
    assert keyring_name("keyring.backends.kwallet.DBusKeyring") == "KWallet"
    assert (
        english_words("系统密钥环（" + keyring_name("keyring.backends.macOS.Keyring") + "）") == []
    )
    assert keyring_name("my.own.Backend") == "my.own.Backend"  # unknown: as it is


def test_the_file_dialogs_speak_chinese(qtbot):
    """Under Xvfb (zh_CN): Save PDF… opened Qt's file dialog with "Look in:" and "Files of
    type:" in English: Qt 6.11's own zh_CN catalog has those labels only without their
    mnemonics ("Look in:"), and the dialog asks for "&Look in:"."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    ensure_application(lang="zh_CN")
    try:
        dialog = QFileDialog(None, "t")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        labels = [label.text().replace("&", "") for label in dialog.findChildren(QLabel)]
        found = [word for text in labels for word in english_words(text)]
        assert not found, labels
    finally:
        ensure_application(lang="en")
