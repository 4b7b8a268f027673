"""What a JSON parser said about a damaged file, as an error with a code per message.

``json.JSONDecodeError.msg`` is English prose from the standard library; an operator who
reads Chinese should read the line, the column and what is wrong there in Chinese too.
Each message the parser raises (CPython 3.11 to 3.13, C scanner and Python decoder) has a
code and a template here; one it does not know keeps its English text as ``{detail}``.
"""

from __future__ import annotations

import json
from typing import ClassVar

from cashier_app.domain.errors import CashierError

#: json.JSONDecodeError.msg (its start: some carry a character) -> our code
_CODES: tuple[tuple[str, str], ...] = (
    ("Expecting value", "expecting_value"),
    ("Expecting property name enclosed in double quotes", "expecting_name"),
    ("Expecting ':' delimiter", "expecting_colon"),
    ("Expecting ',' delimiter", "expecting_comma"),
    ("Unterminated string starting at", "unterminated_string"),
    ("Invalid control character", "control_character"),
    ("Invalid \\uXXXX escape", "invalid_unicode_escape"),
    ("Invalid \\escape", "invalid_escape"),
    ("Extra data", "extra_data"),
    ("Illegal trailing comma before end of object", "trailing_comma"),
    ("Illegal trailing comma before end of array", "trailing_comma"),
)


class JsonSyntaxProblem(CashierError, ValueError):
    """Where and why a JSON document could not be parsed (``line``, ``column``)."""

    layer = "domain"
    MESSAGES: ClassVar[dict[str, str]] = {
        "expecting_value": "invalid JSON at line {line} column {column} (a value is "
        "expected there; a half-written save?)",
        "expecting_name": "invalid JSON at line {line} column {column} (a name in double "
        "quotes is expected there; a half-written save?)",
        "expecting_colon": "invalid JSON at line {line} column {column} (a ':' is expected "
        "there; a half-written save?)",
        "expecting_comma": "invalid JSON at line {line} column {column} (a ',' is expected "
        "there; a half-written save?)",
        "unterminated_string": "invalid JSON at line {line} column {column} (a text value "
        "starts there and never ends; a half-written save?)",
        "control_character": "invalid JSON at line {line} column {column} (a control "
        "character inside a text value)",
        "invalid_unicode_escape": "invalid JSON at line {line} column {column} (a \\uXXXX "
        "escape that is not four hex digits)",
        "invalid_escape": "invalid JSON at line {line} column {column} (a backslash escape "
        "that JSON does not have)",
        "extra_data": "invalid JSON at line {line} column {column} (more text after the end "
        "of the document)",
        "trailing_comma": "invalid JSON at line {line} column {column} (a comma before the "
        "closing bracket)",
        "other": "invalid JSON at line {line} column {column} ({detail}; a half-written save?)",
    }

    @classmethod
    def of_decode_error(cls, exc: json.JSONDecodeError) -> JsonSyntaxProblem:
        code = next((c for start, c in _CODES if exc.msg.startswith(start)), "other")
        return cls.of(code, line=exc.lineno, column=exc.colno, detail=exc.msg)
