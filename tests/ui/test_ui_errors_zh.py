"""Every kind of error the GUI shows an operator, made to happen with real parts, read in
zh_CN: the key store (wrong passphrase, a damaged key file, a locked keyring, bad key
files, a key pair with problems), a profile's bad fields, and the gateway's faults (the
sandbox's fault controls, the QA console's, over real HTTP on loopback). Each message is
scanned for English left (tests/ui/visible_text.py's scan, which can fail: see the last
test); the values it names (paths, ids, hosts, codes) stay as they are."""

from __future__ import annotations

import pytest
from profile_steps import fill_production_form
from PySide6.QtCore import Qt
from visible_text import chinese

from cashier_app.app import AppBackend
from cashier_app.gateway.signing import generate_private_key
from cashier_app.keystore.backends import FILE_FORMAT
from cashier_app.keystore.profiles import Environment, Profile, ProfileStore
from cashier_app.keystore.store import KeyStore, key_file_path
from cashier_app.sandbox.gateway import SandboxGateway
from cashier_app.ui import ensure_application
from cashier_app.ui.main_window import MainWindow

WAIT = 20_000
PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def zh(cashier_app):
    ensure_application(lang="zh_CN")
    yield
    ensure_application(lang="en")


@pytest.fixture
def kiosk(monkeypatch):
    """A production profile whose keys live in the passphrase-encrypted key file (no OS
    keyring), served by a sandbox on loopback."""
    monkeypatch.setenv("CASHIER_KEYSTORE", "file")
    monkeypatch.delenv("CASHIER_KEYSTORE_PASSPHRASE_FILE", raising=False)
    gateway = SandboxGateway("127.0.0.1", 0, gateway_private_key=generate_private_key()).start()
    profile = ProfileStore().save(
        Profile(
            "kiosk",
            Environment.PRODUCTION,
            "2188000000000009",
            "HKD",
            gateway.url,
            wallets=("ALIPAY_HK",),
            merchant_name="Kiosk",
        )
    )
    keys = KeyStore.open(passphrase=PASSPHRASE.encode())
    gateway.register_merchant(profile.client_id, keys.generate(profile).public_key_base64)
    keys.import_gateway_key(profile, gateway.gateway_public_key_base64)
    yield gateway
    gateway.stop()


def _start(qtbot, answers: list[str | None]) -> tuple[MainWindow, list[str]]:
    prompts: list[str] = []
    replies = iter(answers)

    def ask(_parent, prompt: str) -> str | None:
        prompts.append(prompt)
        return next(replies, None)

    win = MainWindow("kiosk", backend=AppBackend())
    win.ask_passphrase = ask
    qtbot.addWidget(win)
    win.show()
    return win, prompts


def test_a_wrong_passphrase_is_said_in_chinese(zh, qtbot, kiosk):
    win, prompts = _start(qtbot, ["wrong passphrase"])
    with qtbot.waitSignal(win.services_failed, timeout=WAIT) as failed:
        pass
    path = str(key_file_path())
    assert len(prompts) == 2
    chinese(prompts[0], "kiosk")
    assert "口令" in chinese(prompts[1], "kiosk", path)  # the second ask says the first was wrong
    assert path in prompts[1]
    chinese(failed.args[0], path)
    win.close()


@pytest.mark.parametrize(
    "damage",
    [
        b"{ not json",
        b'{"format": "something-else"}',
        b" " * (4 * 1024 * 1024 + 1),  # larger than any key file
    ],
)
def test_a_damaged_key_file_is_said_in_chinese(zh, qtbot, kiosk, damage):
    key_file_path().write_bytes(damage)
    win, _prompts = _start(qtbot, [PASSPHRASE])
    with qtbot.waitSignal(win.services_failed, timeout=WAIT) as failed:
        pass
    message = chinese(failed.args[0], str(key_file_path()), FILE_FORMAT)
    assert str(key_file_path()) in message
    win.close()


@pytest.fixture
def keys_dialog(zh, memory_keyring, qtbot):
    """Profiles & keys in zh_CN with a production profile saved (keys in a real keyring
    backend kept in a dict: tests/keyring_fakes.py)."""
    from cashier_app.ui.dialogs.profiles_dialog import ProfilesDialog

    dlg = ProfilesDialog(backend=AppBackend())
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.keys is not None and dlg.overview is not None, timeout=WAIT)
    fill_production_form(dlg, qtbot)
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dlg.key_panel.status is not None and dlg.key_panel.status.profile == "shop-live",
        timeout=WAIT,
    )
    yield dlg
    dlg.done(0)
    dlg.tasks.shutdown(5000)


def _panel_says(qtbot, panel, act) -> str:
    with qtbot.waitSignal(panel.message_shown, timeout=WAIT) as shown:
        act()
    return shown.args[0]


def test_key_store_errors_in_the_keys_panel_are_chinese(
    keys_dialog, qtbot, tmp_path, memory_keyring
):
    panel = keys_dialog.key_panel
    files = {
        "binary.der": b"\x30\x82\x04\xbd\xff\xfe" * 50,
        "huge.pem": b"A" * (200 * 1024),
        "damaged.pem": b"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADAN!!!\n-----END PRIVATE KEY-----\n",
        "public.pem": generate_private_key()
        .public_key()
        .public_bytes(
            __import__("cryptography.hazmat.primitives.serialization", fromlist=["x"]).Encoding.PEM,
            __import__(
                "cryptography.hazmat.primitives.serialization", fromlist=["x"]
            ).PublicFormat.SubjectPublicKeyInfo,
        ),
    }
    said = {}
    for name, data in [*files.items(), ("missing.pem", None)]:
        path = tmp_path / name
        if data is not None:
            path.write_bytes(data)
        panel.ask_key_file = lambda _title, path=path: str(path)
        said[name] = chinese(
            _panel_says(qtbot, panel, panel.private_box.file_button.click),
            name,
            str(path),
            "openssl pkey -inform DER",  # a command the operator types, as it is typed
        )
    assert all(name in said[name] for name in ("binary.der", "missing.pem")), said
    memory_keyring.locked = True
    said["locked"] = chinese(_panel_says(qtbot, panel, panel.generate_button.click))
    assert "锁" in said["locked"]
    memory_keyring.locked = False
    _panel_says(qtbot, panel, panel.generate_button.click)
    panel.ask_public_key = lambda: ""  # the stored keys only: no gateway key yet
    said["check"] = chinese(_panel_says(qtbot, panel, panel.check_button.click))
    assert "网关公钥" in said["check"], said["check"]


def test_a_profiles_bad_fields_are_named_in_chinese(keys_dialog, qtbot):
    form = keys_dialog.form
    fill_production_form(
        keys_dialog, qtbot, client_id="bad id!", gateway="http://gateway.example.com/ams"
    )
    form.version_edit.setText("0")
    qtbot.mouseClick(keys_dialog.save_button, Qt.MouseButton.LeftButton)
    shown = {name: label.text() for name, label in form.errors.items() if label.isVisible()}
    assert {"client_id", "gateway", "key_version"} <= set(shown), shown
    for text in shown.values():
        chinese(text, "bad id!", "http://gateway.example.com/ams", "127.0.0.1", "::1", "localhost")
    chinese(keys_dialog.message.text())


def test_gateway_faults_from_the_sandbox_are_said_in_chinese(zh, make_window, qtbot):
    """Faults the QA console's fault panel injects (the sandbox's fault controls, over
    HTTP on loopback): on pay the redirect page says why there is no code; on cancel it
    says why the payment was not cancelled."""
    from sale_steps import answer, to_picker

    window = make_window()
    sandbox = window.services.sandbox
    page = window.redirect_page
    said = []
    for kind in ("http_error", "bad_signature"):
        sandbox.faults.add(kind, count=None, api="pay")
        to_picker(qtbot, window, "8.80")
        qtbot.mouseClick(window.picker_page.confirm_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(page.retry_button.isVisible, timeout=WAIT)
        said.append(page.status_label.text())
        sandbox.faults.clear()
        with qtbot.waitSignal(window.flow.qr_shown, timeout=WAIT):
            qtbot.mouseClick(page.retry_button, Qt.MouseButton.LeftButton)
        other = "malformed_json" if kind == "http_error" else "reset"
        sandbox.faults.add(other, count=None, api="cancel")
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
        answer(qtbot, page, "cancelPaymentQuestion", "cancel")
        qtbot.waitUntil(lambda: "无法取消" in page.status_label.text(), timeout=WAIT)
        said.append(page.status_label.text())
        sandbox.faults.clear()
        with qtbot.waitSignal(window.flow.sale_settled, timeout=WAIT):
            qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
            answer(qtbot, page, "cancelPaymentQuestion", "cancel")
        window.flow.new_sale()
    prids = [r.payment_request_id for r in window.services.journal.list_payments()]
    for text in said:
        chinese(text, "127.0.0.1", "HTTP", "JSON", "UTF-8", "SHA-256", *prids)


def test_the_scan_finds_an_error_left_in_english(zh, qtbot, kiosk, monkeypatch):
    """The check above is not blind: a template left untranslated is found."""
    from cashier_app.ui import text as ui_text

    monkeypatch.setattr(ui_text, "translate_error_template", lambda template: template)
    key_file_path().write_bytes(b"{ not json")
    win, _prompts = _start(qtbot, [PASSPHRASE])
    with qtbot.waitSignal(win.services_failed, timeout=WAIT) as failed:
        pass
    with pytest.raises(AssertionError, match="English left"):
        chinese(failed.args[0], str(key_file_path()))
    win.close()


def test_payment_kit_errors_are_said_by_their_code_in_chinese(zh):
    """A Payment Kit BusinessError carries an English message for the calling app; the
    operator reads its code's meaning, or the coded error it was raised from."""
    from cashier_app.domain import payment_kit as pk
    from cashier_app.gateway.errors import TransportError
    from cashier_app.ui.text import error_text

    plain = pk.PaymentKitError(pk.DUPLICATE_REQUEST, "this cashier was already confirmed")
    assert "1001930010" in chinese(error_text(plain), "Payment Kit", "1001930010")
    try:
        try:
            raise TransportError.of("connect_refused", api="pay", host="127.0.0.1")
        except TransportError as cause:
            raise pk.PaymentKitError(pk.NETWORK_ERROR, f"gateway not reachable: {cause}") from cause
    except pk.PaymentKitError as exc:
        shown = chinese(error_text(exc), "Payment Kit", "127.0.0.1", "pay")
    assert "127.0.0.1" in shown and "1001930011" in shown


def test_profiles_and_keys_asks_again_after_a_wrong_passphrase_saying_why(zh, qtbot, kiosk):
    """The key file opens lazily: a wrong passphrase was found only when the Keys tab read
    the keys, said at the foot of the tab, and never asked again."""
    from cashier_app.ui.dialogs.profiles_dialog import ProfilesDialog

    prompts: list[str] = []
    answers = iter(["wrong passphrase", PASSPHRASE])

    def ask(_parent, reason: str) -> str | None:
        prompts.append(reason)
        return next(answers, None)

    dlg = ProfilesDialog(backend=AppBackend(), passphrase_prompt=ask)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.keys is not None and dlg.overview is not None, timeout=WAIT)
    names = [p.name for p in dlg.overview.profiles]
    dlg.table.selectRow(names.index("kiosk"))

    def unlocked() -> bool:
        status = dlg.key_panel.status
        return status is not None and status.profile == "kiosk" and status.merchant is not None

    qtbot.waitUntil(unlocked, timeout=WAIT)
    assert len(prompts) == 2, prompts
    path = str(key_file_path())
    assert path in prompts[1] and "口令错误" in chinese(prompts[1], path)
    dlg.done(0)
    dlg.tasks.shutdown(5000)
