"""The application log: a rotating file in ``paths.log_dir()`` that never holds a secret.

:func:`setup` (called once by the ``cashier`` command) attaches two handlers to the root
logger: a size-rotated file (INFO and up; DEBUG with ``--verbose``) and, with ``--verbose``,
the console. Both pass every record through :class:`RedactingFilter`, which rewrites the
message, its arguments and any traceback with :func:`redact`: private keys (PEM or bare
base64 DER), full signatures, passphrases (named ones and every passphrase the key store was
given, see :func:`register_secret`) and customers' payment codes. Cheap to call at start-up:
the file is opened on the first record, and only the standard library is imported.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
from functools import cache
from pathlib import Path

from cashier_app.support.redaction import redact_key_material

#: One file of at most 2 MiB, five older ones kept: weeks of a busy till, under 12 MiB.
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(process)d %(threadName)s] %(message)s"

REDACTED_SIGNATURE = "…[redacted: signature]"
REDACTED_PASSPHRASE = "[redacted: passphrase]"
REDACTED_PAYMENT_CODE = "[redacted: payment code]"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """What :func:`redact` masks, compiled at the first record (not at every start: the
    four took some 7 ms, before the GUI's first paint):

    - ``signature=<value>`` (the Antom header), ``"signature": "<value>"`` (JSON, the
      AlipayHK envelope), ``Signature: <value>``: the first 8 characters stay, to tell
      two apart;
    - ``passphrase=...``, ``"password": "..."``, ``pin: ...``;
    - ``paymentCode=...`` / ``"payment_code": "..."``: a customer's code from their wallet;
    - a bare user-presented wallet code: 16-24 digits starting 25-30 (Alipay, Alipay+).
    """
    signature = re.compile(
        r"""(?P<lead>signature["']?\s*[=:]\s*["']?)"""
        r"""(?P<keep>[A-Za-z0-9+/%_-]{8})[A-Za-z0-9+/=%_-]{32,}""",
        re.I,
    )
    named_passphrase = re.compile(
        r"""(?P<lead>\b(?:passphrase|password|passwd|pin)["']?\s*[=:]\s*["']?)"""
        r"""(?P<value>[^\s"',;}]+)""",
        re.I,
    )
    named_payment_code = re.compile(
        r"""(?P<lead>\bpayment[_-]?code["']?\s*[=:]\s*["']?)(?P<value>[0-9A-Za-z]{6,})""",
        re.I,
    )
    bare_payment_code = re.compile(r"(?<![\w.])(?:2[5-9]|30)\d{14,22}(?![\w.])")
    return signature, named_passphrase, named_payment_code, bare_payment_code


_secrets_lock = threading.Lock()
_secrets: set[str] = set()


def register_secret(value: str | bytes) -> None:
    """Mask ``value`` wherever it appears in the log from now on (a key file passphrase)."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    value = value.strip()
    if len(value) >= 4:  # shorter values would mask ordinary words
        with _secrets_lock:
            _secrets.add(value)


def redact(text: str) -> str:
    """``text`` with every secret this module knows about masked."""
    if not text:
        return text
    text = redact_key_material(text)
    signature, named_passphrase, named_payment_code, bare_payment_code = _patterns()
    text = signature.sub(lambda m: m["lead"] + m["keep"] + REDACTED_SIGNATURE, text)
    text = named_passphrase.sub(lambda m: m["lead"] + REDACTED_PASSPHRASE, text)
    text = named_payment_code.sub(lambda m: m["lead"] + REDACTED_PAYMENT_CODE, text)
    text = bare_payment_code.sub(REDACTED_PAYMENT_CODE, text)
    with _secrets_lock:
        known = sorted(_secrets, key=len, reverse=True)
    for secret in known:
        if secret in text:
            text = text.replace(secret, REDACTED_PASSPHRASE)
    return text


class RedactingFilter(logging.Filter):
    """Rewrites each record so that no handler after it can see a secret: the formatted
    message, the traceback and the stack are redacted once, in place."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_cashier_redacted", False):
            return True
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep what can be kept
            message = f"{record.msg!r} {record.args!r}"
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        record._cashier_redacted = True
        return True


class RotatingFile(logging.FileHandler):
    """``logging.handlers.RotatingFileHandler``'s size rotation (``cashier.log`` becomes
    ``cashier.log.1``, that one ``.2``, ...) on a plain ``logging.FileHandler``: importing
    ``logging.handlers`` (with pickle, socket and queue for handlers never used here) was
    a tenth of a headless ``cashier pay``'s own start-up. Opened at the first record."""

    def __init__(self, path: Path, max_bytes: int, backup_count: int) -> None:
        super().__init__(path, encoding="utf-8", delay=True)
        self.max_bytes, self.backup_count = max_bytes, backup_count

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full(record):
                self._rotate()
        except Exception:
            self.handleError(record)
            return
        super().emit(record)

    def _full(self, record: logging.LogRecord) -> bool:
        # as the standard library decides: only a regular file rotates (not /dev/null)
        if self.max_bytes <= 0 or (
            os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename)
        ):
            return False
        if self.stream is None:
            self.stream = self._open()
        size = self.stream.seek(0, 2)
        return bool(size) and size + len(self.format(record) + self.terminator) >= self.max_bytes

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None  # reopened by emit
        if self.backup_count > 0:
            for i in range(self.backup_count - 1, 0, -1):
                older = f"{self.baseFilename}.{i}"
                if os.path.exists(older):
                    os.replace(older, f"{self.baseFilename}.{i + 1}")
            os.replace(self.baseFilename, f"{self.baseFilename}.1")
        else:  # nothing kept: start the file again
            open(self.baseFilename, "w", encoding="utf-8").close()


_HANDLER_NAME = "cashier-log"
_current: Path | None = None


def setup(
    verbose: bool = False,
    *,
    path: Path | None = None,
    max_bytes: int = MAX_BYTES,
    backup_count: int = BACKUP_COUNT,
) -> Path | None:
    """Log to the rotating file (and, ``verbose``, to stderr at DEBUG); return the file's
    path, or None when its directory cannot be made (the app runs on without a file).
    Calling it again replaces the handlers it attached before."""
    global _current
    from cashier_app.support import paths

    reset()
    root = logging.getLogger()
    redacting = RedactingFilter()
    level = logging.DEBUG if verbose else logging.INFO
    target = path or paths.log_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        file_handler = RotatingFile(target, max_bytes, backup_count)
    except OSError as exc:
        print(f"cashier: cannot write the log in {target.parent}: {exc}", file=sys.stderr)
        _current = None
    else:
        _attach(root, file_handler, level, redacting)
        _current = target
    if verbose:
        _attach(root, logging.StreamHandler(sys.stderr), logging.DEBUG, redacting)
    root.setLevel(level)
    # httpx logs every request at INFO; our own one-line exchange summary says more.
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if verbose else logging.WARNING)
    return _current


def _attach(
    root: logging.Logger, handler: logging.Handler, level: int, redacting: logging.Filter
) -> None:
    handler.set_name(_HANDLER_NAME)
    handler.setLevel(level)
    handler.addFilter(redacting)
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)


def reset() -> None:
    """Detach what :func:`setup` attached (tests, and a process that is done)."""
    global _current
    root = logging.getLogger()
    for handler in [h for h in root.handlers if h.get_name() == _HANDLER_NAME]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(logging.WARNING)
    _current = None


def log_file() -> Path | None:
    """The file :func:`setup` logs to (None before it ran or when it could not)."""
    return _current


def describe_log_file() -> str:
    """Where the log is, for ``cashier doctor`` and About."""
    if _current is not None:
        return str(_current)
    from cashier_app.support import paths

    return str(paths.log_path())


def flush() -> None:
    for handler in logging.getLogger().handlers:
        if handler.get_name() == _HANDLER_NAME:
            handler.flush()
