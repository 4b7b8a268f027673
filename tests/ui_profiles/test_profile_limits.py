"""Issue 9 item 2: the profile form edits the largest sale and the large-sale threshold."""

from __future__ import annotations

from cashier_app.keystore.profiles import GATEWAY_PRESETS, Environment, Profile
from cashier_app.ui.widgets.profile_form import ProfileForm


def _shop(**changes) -> Profile:
    return Profile(
        "shop",
        Environment.PRODUCTION,
        "2188000000000001",
        "HKD",
        GATEWAY_PRESETS["asia"],
        wallets=("ALIPAY_HK",),
        **changes,
    )


def test_the_form_shows_the_defaults_and_saves_the_limits_typed(cashier_app, qtbot):
    form = ProfileForm()
    qtbot.addWidget(form)
    form.load(_shop())
    assert form.max_sale_edit.text() == "" and form.confirm_sale_edit.text() == ""
    assert form.max_sale_edit.placeholderText() == "Default: HK$50,000.00"
    assert form.confirm_sale_edit.placeholderText() == "Default: HK$5,000.00"
    assert form.profile().sale_limits().max_minor == 5_000_000  # empty: the default
    form.max_sale_edit.setText("2,000")
    form.confirm_sale_edit.setText("500.50")
    profile = form.profile()
    assert (profile.max_sale_minor, profile.confirm_sale_minor) == (200_000, 50_050)
    form.load(profile)
    assert (form.max_sale_edit.text(), form.confirm_sale_edit.text()) == ("2000.00", "500.50")


def test_bad_limits_are_named_under_their_field(cashier_app, qtbot):
    form = ProfileForm()
    qtbot.addWidget(form)
    form.show()
    form.load(_shop())
    form.max_sale_edit.setText("12/50")
    assert form.profile() is None
    assert form.errors["max_sale"].isVisible()
    assert "not a number" in form.errors["max_sale"].text()
    form.max_sale_edit.setText("100")
    form.confirm_sale_edit.setText("200")
    assert form.profile() is None
    assert "more than the largest sale" in form.errors["confirm_sale"].text()
