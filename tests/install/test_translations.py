"""The compiled translations: each committed ``.qm`` is what its ``.ts`` compiles to, and the
app loads it with QTranslator (there is no run-time ``.ts`` parser)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_every_qm_matches_its_ts():
    """Fails after a .ts edit until `make translations` rebuilds the .qm (commit both)."""
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_translations.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr


def test_chinese_loads_from_the_compiled_file(cashier_app):
    from PySide6.QtCore import QTranslator

    from cashier_app.ui import i18n

    translator = i18n.load_translator("zh_CN")
    assert isinstance(translator, QTranslator) and not translator.isEmpty()
    assert Path(translator.filePath()) == i18n.qm_path("zh_CN")
    assert translator.language() == "zh_CN"
    assert translator.translate("OrderPage", "Charge") == "收款"
    assert translator.translate("PickerPage", "Confirm") == "确认支付"
    assert translator.translate("OrderPage", "no such text") == ""
    assert i18n.load_translator("en") is None


def test_a_missing_qm_is_named(cashier_app, monkeypatch, tmp_path):
    from cashier_app.ui import i18n

    monkeypatch.setattr(i18n, "resources_dir", lambda: tmp_path)
    with pytest.raises(i18n.TranslationError, match=r"missing .*cashier_zh_CN\.qm"):
        i18n.load_translator("zh_CN")


def test_the_run_time_ts_parser_is_gone():
    from cashier_app.ui import i18n

    assert not hasattr(i18n, "TsTranslator")
    assert "xml.etree" not in Path(i18n.__file__).read_text()
