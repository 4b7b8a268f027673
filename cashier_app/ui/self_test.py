"""``cashier --self-test``: does this installation work? Offscreen, in throw-away directories.

Checks, one line each: the package data (stylesheet, icons, wallet tiles) is there and
renders; the chosen language's compiled translations load; the main window starts its
services (the embedded sandbox on loopback) and opens its pages; the key store round-trips
a key through the encrypted key file (scrypt + AES-GCM) and names the OS keyring backend;
one payment makes a signed ``pay`` round trip, is approved by the sandbox wallet and polled
to SUCCESS, and its QR code paints. The window, the sandbox and the journal are the real
ones, pointed at a temporary directory, so the user's journal and profiles are never
touched. Blocking work runs on the window's task runner, never on the GUI thread. Exit
status 0 when all passed.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: How long one step may take before the self-test gives up on it (slow CI machines).
STEP_TIMEOUT_S = 60


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    ok: bool
    detail: str


def run(lang: str, echo: Callable[[str], None] = print) -> int:
    """Run every check; print one line per check; 0 when all passed."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before the QApplication exists
    saved = {k: os.environ.get(k) for k in ("CASHIER_CONFIG_DIR", "CASHIER_DATA_DIR")}
    with tempfile.TemporaryDirectory(prefix="cashier-self-test-") as tmp:
        os.environ["CASHIER_CONFIG_DIR"] = str(Path(tmp) / "config")
        os.environ["CASHIER_DATA_DIR"] = str(Path(tmp) / "data")
        try:
            checks = _run_checks(lang, Path(tmp))
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    for c in checks:
        echo(f"{'✓' if c.ok else '✗'} {c.name:<9} {c.detail}")
    failed = [c for c in checks if not c.ok]
    echo(f"self-test: {len(failed)} check(s) failed" if failed else "self-test: all passed")
    return 1 if failed else 0


def _run_checks(lang: str, tmp: Path) -> list[Check]:
    from cashier_app.ui import create_main_window, ensure_application
    from cashier_app.ui.i18n import TranslationError
    from cashier_app.ui.widgets.qr_code import encode_matrix

    try:
        app = ensure_application(["cashier"], lang)
        language = _check_language(app)
    except TranslationError as exc:
        language = Check("language", False, str(exc))
        app = ensure_application(["cashier"], "en")  # the rest can still be checked
    checks = [_check_resources(), language]
    window = create_main_window(None)
    window.resize(1280, 800)
    window.show()
    try:
        ok, result = _wait_for(window.services_ready, window.services_failed)
        if not ok:
            checks.append(Check("window", False, f"services did not start: {result}"))
            return checks
        services = result
        charge = window.order_page.charge_button.text()
        checks.append(Check("window", True, f"started; the order page shows {charge!r}"))
        sandbox = services.sandbox
        checks.append(
            Check(
                "sandbox",
                sandbox is not None,
                f"embedded gateway at {sandbox.url}"
                if sandbox is not None
                else "the default profile did not start the embedded sandbox",
            )
        )
        checks.append(_check_pages(window))
        ok, value = _on_worker(window, "keys", _key_store_round_trip, tmp)
        checks.append(Check("keys", ok, str(value)))
        ok, record = _on_worker(window, "pay", _pay_round_trip, services)
        if not ok:
            checks.append(Check("pay", False, str(record)))
            return checks
        checks.append(
            Check(
                "pay",
                True,
                f"signed pay round trip: {record.amount} "
                f"{record.method} {record.status.value} "
                f"(paymentId {record.payment_id})",
            )
        )
        ok, matrix = _on_worker(window, "qr", encode_matrix, record.qr_payload(), False)
        modules = len(matrix) if ok else 0
        detail = f"{modules}×{modules} modules for the wallet's code" if ok else str(matrix)
        checks.append(Check("qr", ok and modules >= 21, detail))
    finally:
        window.close()
    return checks


def _check_pages(window: Any) -> Check:
    """History and End of day are imported by name when first opened: a bundle that lacks
    them would only say so then."""
    missing = [name for name in ("history", "report") if window.open_extra_page(name) is None]
    window.flow.new_sale()
    return Check(
        "pages",
        not missing,
        f"cannot open {', '.join(missing)}"
        if missing
        else "history and end of day open (the sale pages come with the window)",
    )


def _check_resources() -> Check:
    from PySide6.QtCore import QSize

    from cashier_app.ui import resources as res

    root = res.resources_dir()
    problems: list[str] = []
    if not res.stylesheet():
        problems.append("the stylesheet is missing")
    for name in ("app", "success", "failed"):
        if res.render_svg(res.icon_path(name), QSize(32, 32)) is None:
            problems.append(f"icon {name} does not render")
    for method in ("ALIPAY_HK", "ALIPAY_CN", "GCASH"):
        if res.render_svg(res.wallet_tile_path(method), QSize(48, 48)) is None:
            problems.append(f"wallet tile {method} does not render")
    tiles = len(list((root / "wallets").glob("*.svg")))
    return Check(
        "resources",
        not problems,
        "; ".join(problems) if problems else f"{root} (style, icons, {tiles} tiles)",
    )


def _check_language(app: Any) -> Check:
    from PySide6.QtCore import QCoreApplication

    from cashier_app.ui import i18n

    code = app.property("cashierLanguage") or "en"
    if code == "en":
        return Check("language", True, "en (source texts)")
    text = QCoreApplication.translate("OrderPage", "Charge")
    ok = text != "Charge"
    return Check(
        "language",
        ok,
        f"{code} from {i18n.qm_path(code).name}: Charge = {text}"
        if ok
        else f"{code}: texts are not translated ({i18n.qm_path(code)})",
    )


def _key_store_round_trip(tmp: Path) -> str:
    """Store a fresh key in an encrypted key file, read it back through a new store, sign
    with it and verify. Also names the OS keyring backend this machine would use."""
    import keyring

    from cashier_app.gateway.signing import Verifier, request_time
    from cashier_app.keystore.backends import EncryptedFileBackend
    from cashier_app.keystore.profiles import Environment, Profile
    from cashier_app.keystore.store import KeyStore

    path = tmp / "self-test-keys.enc"
    passphrase = os.urandom(16).hex().encode()
    profile = Profile(
        "selftest",
        Environment.ANTOM_SANDBOX,
        "SANDBOX_SELF_TEST",
        "HKD",
        gateway_url="https://127.0.0.1:1",
        wallets=("ALIPAY_HK",),
    ).validated()
    info = KeyStore(EncryptedFileBackend(path, passphrase)).generate(profile)
    signer = KeyStore(EncryptedFileBackend(path, passphrase)).signer(profile)
    path_, when = "/ams/api/v1/payments/pay", request_time()
    header = signer.header("POST", path_, profile.client_id, when, b"{}")
    Verifier(signer.public_key()).verify_header(
        "POST", path_, profile.client_id, when, b"{}", header
    )  # raises SignatureError
    try:
        chosen = type(keyring.get_keyring())
        backend = f"{chosen.__module__}.{chosen.__name__}"
    except Exception as exc:  # informative only: the sandbox needs no keyring
        backend = f"none ({exc})"
    return f"encrypted file round trip, key {info.fingerprint[:23]}…; OS keyring backend {backend}"


def _pay_round_trip(services: Any) -> Any:
    """One signed ``pay`` on the embedded sandbox, approved by its wallet, polled to final."""
    from cashier_app.domain.payment_kit import PaymentInfo

    checkout = services.checkout
    record = checkout.create_payment(PaymentInfo(1230, "HKD", "self-test"), "ALIPAY_HK")
    if not record.payment_id or record.is_final:
        raise RuntimeError(f"pay answered {record.status.value} {record.result_code}")
    services.simulator.approve(record.payment_id)
    record = checkout.run_to_completion(record.payment_request_id, timeout=30)
    if record.status.value != "SUCCESS":
        raise RuntimeError(f"the approved payment ended {record.status.value} {record.result_code}")
    return record


def _on_worker(window: Any, name: str, fn: Callable[..., Any], *args: Any) -> tuple[bool, Any]:
    """Run ``fn`` on the window's task runner and wait while the GUI thread keeps turning:
    (True, result) or (False, a one-line reason)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    outcome: list[tuple[bool, Any]] = []

    def finish(ok: bool, value: Any) -> None:
        outcome.append((ok, value))
        loop.quit()

    window.tasks.run(
        f"self-test:{name}",
        fn,
        *args,
        on_done=lambda v: finish(True, v),
        on_error=lambda e: finish(False, f"{type(e).__name__}: {e}"),
    )
    QTimer.singleShot(STEP_TIMEOUT_S * 1000, loop.quit)
    if not outcome:
        loop.exec()
    return outcome[0] if outcome else (False, f"no answer within {STEP_TIMEOUT_S} s")


def _wait_for(done: Any, failed: Any) -> tuple[bool, Any]:
    """Turn the event loop until ``done`` or ``failed`` is emitted (or the step times out)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    outcome: list[tuple[bool, Any]] = []

    def on_done(value: Any) -> None:
        outcome.append((True, value))
        loop.quit()

    def on_failed(message: Any) -> None:
        outcome.append((False, message))
        loop.quit()

    done.connect(on_done)
    failed.connect(on_failed)
    QTimer.singleShot(STEP_TIMEOUT_S * 1000, loop.quit)
    loop.exec()
    done.disconnect(on_done)
    failed.disconnect(on_failed)
    return outcome[0] if outcome else (False, f"no answer within {STEP_TIMEOUT_S} s")
