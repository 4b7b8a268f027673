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


def _translations() -> list[tuple[str, str]]:
    import xml.etree.ElementTree as ET

    ts = ROOT / "cashier_app" / "resources" / "i18n" / "cashier_zh_CN.ts"
    return [
        (m.findtext("source", default=""), m.findtext("translation", default=""))
        for m in ET.parse(ts).getroot().iter("message")
    ]


def _glossary():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import update_translations
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return update_translations.GLOSSARY, update_translations.GLOSSARY_EXCEPTIONS


def test_one_term_per_concept_in_chinese():
    """The glossary in scripts/update_translations.py: no translation uses a word it
    names as wrong for a concept (History once said 已撤销 where the result page said
    支付已取消)."""
    glossary, exceptions = _glossary()
    wrong = []
    for source, text in _translations():
        for concept, term, avoided in glossary:
            for word in avoided:
                allowed = any(e in source for e in exceptions.get(word, ()))
                if word in text and not allowed:
                    wrong.append(f"{source!r} -> {text!r}: {word} for {concept} (use {term})")
    assert not wrong, "\n".join(wrong)


def test_the_glossary_terms_are_in_use():
    """Every term the glossary asks for is the one the translations actually use."""
    glossary, _ = _glossary()
    texts = " ".join(text for _, text in _translations())
    assert [term for _, term, _ in glossary if term not in texts] == []
