"""Every result code the sandbox can answer is listed, with its source, in its README."""

from __future__ import annotations

import re
from pathlib import Path

SANDBOX = Path(__file__).resolve().parents[2] / "cashier_app" / "sandbox"

#: How codes appear in the sandbox's source: raised, answered, or chosen for a decline.
_PATTERNS = (
    r'ApiError\(\s*"([A-Z_]+)"',
    r'StateError\.of\([^)]*?answer="([A-Z_]+)"',
    r'result\(\s*"([A-Z_]+)"',
    r'result_info\(\s*"[SFU]",\s*"([A-Z_]+)"',
    r'_CODE\s*=\s*"([A-Z_]+)"',
    r'REFUND_IN_PROCESS\s*=\s*"([A-Z_]+)"',
)
#: Codes in the source that never reach an API client (control routes only).
_NOT_ANSWERED = {"REFUND_ALREADY_FINAL"}


def codes_in_source() -> set[str]:
    found: set[str] = set()
    for path in SANDBOX.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for pattern in _PATTERNS:
            found.update(re.findall(pattern, text))
        block = re.search(r"DECLINE_CODES = frozenset\(\s*\{(.*?)\}\s*\)", text, re.S)
        if block:
            found.update(re.findall(r'"([A-Z_]+)"', block.group(1)))
    return found - _NOT_ANSWERED


def readme_table() -> dict[str, str]:
    """code -> source column of the README's code table."""
    text = (SANDBOX / "README.md").read_text(encoding="utf-8")
    section = text.split("## Every result code the sandbox answers", 1)[1]
    rows: dict[str, str] = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].startswith("`"):
            for code in re.findall(r"`([A-Z_]+)`", cells[0]):
                rows[code] = cells[3]
    return rows


def test_every_code_the_sandbox_answers_has_a_row_with_a_source():
    table = readme_table()
    missing = codes_in_source() - set(table)
    assert not missing, f"codes without a row in cashier_app/sandbox/README.md: {missing}"
    for code, source in table.items():
        assert "[docs]" in source or "[SDK]" in source or "sandbox choice" in source, (code, source)


def test_the_table_lists_no_code_the_sandbox_never_answers():
    assert set(readme_table()) - codes_in_source() - {"SUCCESS"} == set()
