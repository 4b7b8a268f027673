"""Screenshots of the Profiles & keys dialog (en and zh_CN) with a production profile set up.

Run under Xvfb:  ``xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python
scripts/screenshots_profiles.py``  -> docs/screenshots/profiles_{en,zh}.png.
Each language runs in its own process with throwaway config/data directories and an
in-memory keyring; the keys are generated for the picture and never leave the process.
Only fingerprints appear in the images, never key text. The in-memory keyring is labelled
as the Secret Service one, so the backend line reads as it does on a Linux desktop.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from cashier_app.app import AppBackend

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
LANGS = {"en": "en", "zh": "zh_CN"}
WAIT_MS = 20_000


def _memory_keyring():
    import keyring.backend

    class ScreenshotKeyring(keyring.backend.KeyringBackend):
        """Passwords in a dict: a real keyring backend for the picture only."""

        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.values: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.values.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.values[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.values.pop((service, username), None)

    # Shown as a Linux desktop shows its Secret Service keyring (the values stay in memory).
    ScreenshotKeyring.__module__ = "keyring.backends.SecretService"
    ScreenshotKeyring.__name__ = ScreenshotKeyring.__qualname__ = "Keyring"
    return ScreenshotKeyring()


def _wait(app, condition, what: str) -> None:
    import time

    deadline = time.monotonic() + WAIT_MS / 1000
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        app.processEvents()
        time.sleep(0.01)


def child(lang: str) -> None:
    import keyring

    keyring.set_keyring(_memory_keyring())
    from cashier_app.gateway.signing import generate_private_key, public_key_base64
    from cashier_app.keystore.profiles import Environment, Profile, ProfileStore
    from cashier_app.keystore.store import KeyStore
    from cashier_app.ui import ensure_application
    from cashier_app.ui.dialogs.profiles_dialog import ProfilesDialog

    app = ensure_application(["cashier"], lang=LANGS[lang])
    store = ProfileStore()
    live = store.save(
        Profile(
            "harbour-cafe",
            Environment.PRODUCTION,
            "2188120012345678",
            "HKD",
            "https://open-sea-global.alipay.com",
            notify_url="https://pos.example.com/antom/notify",
            wallets=("ALIPAY_HK", "ALIPAY_CN", "CONNECT_WALLET"),
            merchant_name="Harbour Café",
        )
    )
    store.save(
        Profile(
            "harbour-cafe-test",
            Environment.ANTOM_SANDBOX,
            "SANDBOX_5YBZ2J2Y7",
            "HKD",
            "https://open-sea-global.alipay.com",
            wallets=("ALIPAY_HK",),
            merchant_name="Harbour Café (test)",
        )
    )
    store.use("harbour-cafe")
    keys = KeyStore.open()
    keys.generate(live)
    keys.import_gateway_key(live, public_key_base64(generate_private_key().public_key()))

    dialog = ProfilesDialog(backend=AppBackend())
    dialog.resize(1320, 860)
    dialog.show()
    _wait(app, lambda: dialog.overview is not None and dialog.keys is not None, "profiles")
    dialog.table.selectRow([p.name for p in dialog.overview.profiles].index("harbour-cafe"))
    _wait(
        app,
        lambda: dialog.key_panel.status is not None and dialog.key_panel.status.gateway is not None,
        "key status",
    )
    dialog.tabs.setCurrentIndex(1)
    dialog.key_panel.say(dialog.key_panel.tr("Gateway public key imported."))
    for _ in range(20):
        app.processEvents()
    OUT.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(OUT / f"profiles_{lang}.png"))
    dialog.tabs.setCurrentIndex(0)
    for _ in range(20):
        app.processEvents()
    dialog.grab().save(str(OUT / f"profiles_form_{lang}.png"))
    dialog.done(0)
    dialog.tasks.shutdown(5000)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", choices=sorted(LANGS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    for lang in LANGS:
        with tempfile.TemporaryDirectory(prefix="cashier-shots-") as home:
            env = dict(
                os.environ,
                CASHIER_CONFIG_DIR=f"{home}/config",
                CASHIER_DATA_DIR=f"{home}/data",
                CASHIER_KEYSTORE="keyring",
            )
            subprocess.run(
                [sys.executable, __file__, "--child", lang], env=env, check=True, cwd=ROOT
            )
        print(f"wrote {OUT / f'profiles_{lang}.png'}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
