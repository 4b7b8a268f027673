"""The one error tree: every error of ours is a :class:`CashierError` with a stable code.

An error carries ``code`` (stable, for tests, logs and support), ``params`` (the details,
as text) and ``layer`` (where it came from: one of :data:`LAYERS`; ``app`` is the
composition root). Each class lists the
English templates of its codes in ``MESSAGES``; ``str(error)`` is the English text, and the
GUI shows the same template translated (context ``CashierError`` in resources/i18n, filled
in by :func:`cashier_app.ui.text.error_text`). An error raised with a plain message and no
code is still a CashierError; it is shown as it was written.

Compare stripe-python's ``stripe/_error.py``: one tree the UI maps to messages.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar, Self

#: The layers an error may come from, bottom first (DESIGN.md's layer table).
LAYERS = (
    "domain",
    "gateway",
    "keystore",
    "journal",
    "operators",
    "store",
    "checkout",
    "sandbox",
    "reports",
    "till",
    "app",
    "ui",
    "cli",
)


class Term(str):
    """A parameter that is one of the class's ``TERMS`` (an English word such as "gateway
    URL"): the UI translates it with the template instead of showing it as it is."""


class CashierError(Exception):
    """Base of every error the cashier raises on purpose.

    ``Error.of("some_code", name=value)`` builds one from its class's ``MESSAGES`` template;
    ``Error("plain text")`` keeps a caller's own English message (code ``""``)."""

    layer: ClassVar[str] = "domain"
    #: code -> English template with ``{name}`` placeholders (inherited by subclasses).
    MESSAGES: ClassVar[Mapping[str, str]] = {}
    #: English words passed as :class:`Term` parameters (translated like the templates).
    TERMS: ClassVar[tuple[str, ...]] = ()

    code: str
    params: dict[str, str]

    def __init__(
        self, message: str = "", *, code: str = "", params: Mapping[str, object] | None = None
    ) -> None:
        self.code = code
        self.params = {k: str(v) for k, v in (params or {}).items()}
        #: Parameters that are errors themselves (the cause a message names), so that a UI
        #: renders them in its language too rather than as their English ``str``.
        self.nested: dict[str, CashierError] = {
            k: v for k, v in (params or {}).items() if isinstance(v, CashierError)
        }
        #: Parameters that are :class:`Term` words, translated with the template.
        self.terms = frozenset(k for k, v in (params or {}).items() if isinstance(v, Term))
        if not message and code:
            message = self.english()
        super().__init__(message)

    @classmethod
    def of(cls, code: str, /, **params: object) -> Self:
        """The error for ``code`` with its template filled from ``params``."""
        if cls.template_for(code) is None:
            raise LookupError(f"{cls.__name__} has no message for code {code!r}")
        return cls(code=code, params=params)

    @classmethod
    def template_for(cls, code: str) -> str | None:
        """The English template of ``code`` (searched up the class tree)."""
        for klass in cls.__mro__:
            messages = getattr(klass, "MESSAGES", None)
            if isinstance(messages, Mapping) and code in messages:
                return str(messages[code])
        return None

    @property
    def template(self) -> str | None:
        return self.template_for(self.code) if self.code else None

    def english(self) -> str:
        template = self.template
        if template is None:
            return str(self.args[0]) if self.args else self.code
        return fill_template(template, self.params)

    def __str__(self) -> str:
        return str(self.args[0]) if self.args and self.args[0] else self.english()


def fill_template(template: str, params: Mapping[str, str]) -> str:
    """``template`` with its ``{name}`` placeholders filled; a missing or extra name does
    not raise (a broken translation must never hide the error it reports)."""
    try:
        return template.format_map(_Lenient(params))
    except (IndexError, ValueError):
        return template


class _Lenient(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def error_classes(root: type[CashierError] = CashierError) -> Iterator[type[CashierError]]:
    """``root`` and every subclass defined so far (import modules first to see theirs)."""
    yield root
    for sub in root.__subclasses__():
        yield from error_classes(sub)


def all_templates() -> set[str]:
    """Every English template of every error class imported so far."""
    return {
        str(t)
        for klass in error_classes()
        for t in (*klass.__dict__.get("MESSAGES", {}).values(), *klass.__dict__.get("TERMS", ()))
    }
