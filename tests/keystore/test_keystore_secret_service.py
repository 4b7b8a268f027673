"""Integration: the key store against a REAL Secret Service (gnome-keyring under
dbus-run-session), with the default ``keyring`` backend selection."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.keyring_integration

# Run twice in the same D-Bus session: "store" writes through one process, "verify" reads
# back, rotates and deletes through another, so the values really live in gnome-keyring.
SCRIPT = textwrap.dedent("""
    import sys
    import keyring
    from cashier_app.keystore.backends import KeyringBackend
    from cashier_app.keystore.profiles import Profile
    from cashier_app.keystore.store import KeyStore

    default = keyring.get_keyring()
    store = KeyStore.open("keyring")
    backend = store.persistent_backend
    assert isinstance(backend, KeyringBackend), store.unavailable_reason
    used = type(backend.keyring)
    assert used.__module__ == "keyring.backends.SecretService", used
    print("backend", used.__module__ + "." + used.__name__, type(default).__name__)
    profile = Profile("itest", "production", "2188000000000007", "HKD",
                      "https://open-sea-global.alipay.com", wallets=("ALIPAY_HK",)).validated()
    if sys.argv[1] == "store":
        info = store.generate(profile)
        print("stored", info.fingerprint)
    else:
        expected = sys.argv[2]
        assert store.merchant_info(profile).fingerprint == expected, "read-back mismatch"
        assert store.signer(profile).fingerprint == expected
        print("read", expected)
        new = store.rotate(profile)
        assert store.versions(profile) == ("1", "2")
        assert store.merchant_info(profile, "1").fingerprint == expected
        print("rotated", new.key_version)
        store.delete_version(profile, "1")
        store.delete_all(profile)
        assert store.versions(profile) == ()
        assert backend.get("itest/merchant/2") is None
        assert keyring.get_password("cashier", "itest/merchant/1") is None
        print("deleted")
""")


def test_store_read_rotate_delete_in_gnome_keyring(tmp_path: Path) -> None:
    missing = [
        tool for tool in ("dbus-run-session", "gnome-keyring-daemon") if shutil.which(tool) is None
    ]
    if missing:
        pytest.skip(
            f"real Secret Service test needs {' and '.join(missing)} "
            "(apt install dbus gnome-keyring)"
        )
    assert (
        importlib.util.find_spec("keyrings") is None
        or importlib.util.find_spec("keyrings.alt") is None
    ), "keyrings.alt is installed: it must not be (plain-text fallback)"
    script = tmp_path / "itest.py"
    script.write_text(SCRIPT)
    python = sys.executable
    shell = (
        f"printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1;"
        f' "{python}" "{script}" store > "{tmp_path}/store.out" || exit 1;'
        f' "{python}" "{script}" verify "$(sed -n "s/^stored //p" "{tmp_path}/store.out")"'
        f' && cat "{tmp_path}/store.out"'
    )
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DBUS_SESSION_BUS_ADDRESS", "PYTHON_KEYRING_BACKEND", "CASHIER_KEYSTORE")
    }
    env.update(
        XDG_DATA_HOME=str(tmp_path / "data"),
        HOME=str(tmp_path),
        PYTHONPATH=str(Path(__file__).resolve().parents[2]),
    )
    proc = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", shell],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    assert "backend keyring.backends.SecretService.Keyring" in out
    assert "read " in out and "rotated 2" in out and "deleted" in out
    assert "stored " in out
    # gnome-keyring kept its data under our XDG_DATA_HOME, not the user's keyring
    assert any((tmp_path / "data" / "keyrings").iterdir())
