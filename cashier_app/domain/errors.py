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

from collections.abc import Callable, Iterator, Mapping
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
        given = {
            k: SystemProblem.of_os_error(v) if isinstance(v, OSError) else v
            for k, v in (params or {}).items()
        }
        self.params = {k: _shown(v) for k, v in given.items()}
        #: Parameters that are errors themselves (the cause a message names; an OSError
        #: becomes a :class:`SystemProblem`), so that a UI renders them in its language too
        #: rather than as their English ``str``.
        self.nested: dict[str, CashierError] = {
            k: v for k, v in given.items() if isinstance(v, CashierError)
        }
        #: Parameters that are :class:`Term` words, translated with the template.
        self.terms = frozenset(k for k, v in given.items() if isinstance(v, Term))
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


class InvalidValue(CashierError, ValueError):
    """A value that is not valid where it was given (a store id, a dialect name...); the
    message names it and what it must be."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "unknown_code_source_alipay_client_alipay": "unknown code source {source!r} "
        "(alipay-client, alipay-spi, payment-kit)",
        "dialect_not_one": "dialect {value!r} is not one of: {dialects}",
        "must_1_64_letters_digits": "{name} must be 1-64 letters, digits, '_', '-' or '.'",
        "must_4_digit_merchant_category_code": "{name} must be a 4-digit merchant category code "
        "(MCC)",
        "must_1_256_characters": "{name} must be 1-256 characters",
    }


class SystemProblem(CashierError):
    """What the operating system said (an OSError), by its errno, in words an operator
    reads in their language; an errno without words of ours keeps the system's text."""

    MESSAGES: ClassVar[Mapping[str, str]] = {
        "ENOENT": "no such file or folder",
        "EACCES": "permission denied",
        "EPERM": "the operation is not permitted",
        "ENOSPC": "the disk is full",
        "EDQUOT": "the disk quota is used up",
        "EROFS": "the file system is read-only",
        "EEXIST": "it already exists",
        "EISDIR": "it is a folder, not a file",
        "ENOTDIR": "a part of the path is not a folder",
        "EIO": "disk I/O error",
        "EMFILE": "too many open files",
        "ENAMETOOLONG": "the name is too long",
        "EBUSY": "it is in use",
        "ECONNREFUSED": "the connection was refused",
        "ECONNRESET": "the connection was reset",
        "ETIMEDOUT": "the connection timed out",
        "EADDRINUSE": "the address is already in use",
        "EADDRNOTAVAIL": "the address is not one of this computer's",
        "EHOSTUNREACH": "the host cannot be reached",
        "ENETUNREACH": "the network cannot be reached",
        "other": "{detail}",
    }

    @classmethod
    def of_os_error(cls, exc: OSError) -> SystemProblem:
        import errno

        name = errno.errorcode.get(exc.errno or 0, "")
        if name in cls.MESSAGES:
            return cls.of(name, detail=str(exc.strerror or exc))
        return cls.of("other", detail=exc.strerror or str(exc) or type(exc).__name__)


def render(exc: BaseException, translate: Callable[[str], str]) -> str:
    """``exc`` as the operator reads it: a coded CashierError from its template in the
    language of ``translate`` (English template -> the template in that language), its
    nested errors and :class:`Term` parameters rendered the same way; an OSError by its
    errno; anything else ``str(exc)``. The GUI (Qt's translator) and the CLI (the same
    compiled catalog read without Qt) both render through here."""
    if isinstance(exc, OSError) and not isinstance(exc, CashierError):
        exc = SystemProblem.of_os_error(exc)
    if isinstance(exc, CashierError):
        template = exc.template
        if template is not None:
            params = dict(exc.params)
            for name, cause in exc.nested.items():
                params[name] = render(cause, translate)
            for name in exc.terms:
                params[name] = translate(params[name])
            return fill_template(translate(template), params)
    return str(exc) or type(exc).__name__


class _Text(str):
    """A parameter's text that keeps the repr of the value it came from: ``{n!r}`` of the
    number 5 reads ``5``, as it did in an f-string, not ``'5'``."""

    __slots__ = ("_repr",)
    _repr: str

    def __new__(cls, value: object) -> _Text:
        text = super().__new__(cls, str(value))
        text._repr = repr(value)
        return text

    def __repr__(self) -> str:
        return self._repr


def _shown(value: object) -> str:
    return str(value) if isinstance(value, str) else _Text(value)


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
