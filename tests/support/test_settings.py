"""settings.json: the operator's language choice."""

from __future__ import annotations


def test_the_saved_language_is_read_with_or_without_a_file(monkeypatch, tmp_path):
    """settings.json is parsed only when it exists (json is not imported for nothing at
    every start); a file that is not UTF-8 reads as no choice, as a damaged one does."""
    from cashier_app.support import settings

    monkeypatch.setenv("CASHIER_CONFIG_DIR", str(tmp_path))
    assert settings.saved_language() is None
    settings.save_language("zh_CN")
    assert settings.saved_language() == "zh_CN"
    settings.settings_path().write_bytes(b'{"language": "\xff"}')
    assert settings.saved_language() is None
