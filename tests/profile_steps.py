"""Steps an operator takes in Profiles & keys, shared by the GUI tests."""

from __future__ import annotations

from PySide6.QtCore import Qt

from cashier_app.keystore.profiles import Environment
from cashier_app.ui.dialogs.profiles_dialog import ProfilesDialog


def fill_production_form(
    dlg: ProfilesDialog,
    qtbot,
    *,
    client_id: str = "2188000000000001",
    gateway: str = "https://open-sea-global.alipay.com",
) -> None:
    qtbot.mouseClick(dlg.new_button, Qt.MouseButton.LeftButton)
    form = dlg.form
    form.name_edit.setText("shop-live")
    form.env_combo.setCurrentIndex(form.env_combo.findData(Environment.PRODUCTION.value))
    form.gateway_combo.setCurrentIndex(form.gateway_combo.findData("custom"))
    form.gateway_edit.setText(gateway)
    form.client_edit.setText(client_id)
    form.merchant_edit.setText("Harbour Café")
    form.currency_combo.setCurrentText("HKD")
