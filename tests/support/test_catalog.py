"""The CLI's translations read from Qt's ``.qm`` without Qt (``support/catalog.py``): each
looked up through the file's hashes block, as QTranslator does, with the same answers as
reading every message."""

from __future__ import annotations

import logging

import pytest

from cashier_app.support import catalog
from cashier_app.support.catalog import Catalog, QmFile, parse_qm, qm_path


def test_every_message_is_found_through_the_hashes_as_reading_them_all_finds_it():
    data = qm_path("zh_CN").read_bytes()
    every = parse_qm(data)
    assert len(every) > 1000
    qm = QmFile(data)
    assert {key: qm.find(*key) for key in every} == every
    (context, source), _ = next(iter(every.items()))
    assert qm.find(context + "X", source) is None  # the same words in another context
    assert qm.find(context, source + " ") is None
    assert qm.find("CashierError", "no such sentence anywhere") is None


def test_a_translation_is_looked_up_without_reading_the_whole_file(monkeypatch):
    """``cashier gui --lang zh_CN`` sets the CLI's language before its window opens: the
    whole file read in Python there was about 11 ms of the start."""

    def whole_file(data: bytes) -> dict:
        raise AssertionError("the whole file was read")

    monkeypatch.setattr(catalog, "parse_qm", whole_file)
    catalog._load.cache_clear()
    try:
        zh = Catalog.load("zh_CN")
        assert zh.translate("argparse", "positional arguments") not in (None, "")
        assert zh.translate("argparse", "no such words") is None
    finally:
        catalog._load.cache_clear()


@pytest.mark.parametrize("damage", [b"not a qm file", catalog.MAGIC + b"\x42\x00\x00\x00\x08"])
def test_an_unreadable_file_reads_as_english_and_is_logged(tmp_path, caplog, damage):
    path = tmp_path / "cashier_zh_CN.qm"
    path.write_bytes(damage)
    with caplog.at_level(logging.WARNING, logger="cashier_app.support.catalog"):
        zh = Catalog("zh_CN", None, path)
        assert zh.translate("argparse", "positional arguments") is None
        assert len(zh) == 0
    assert "English is shown" in caplog.text
