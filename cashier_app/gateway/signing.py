"""Antom RSA256 request signing and response/notification verification.

Byte for byte what the official SDK (global-open-sdk-python 1.7.1,
``tools/signature_tool.py``) produces: the string to sign is
``"<METHOD> <PATH>\\n<CLIENT_ID>.<TIME>.<BODY>"`` in UTF-8, signed with RSASSA-PKCS1-v1_5 and
SHA-256, standard base64, then ``urllib.parse.quote_plus``. Unlike the SDK we parse the
private key once, and verification insists on SHA-256 (the SDK's pure-Python verifier takes
the hash from the signature and so accepts SHA-1 too).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from datetime import UTC, datetime
from typing import ClassVar
from urllib.parse import unquote_plus

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import _serialization as formats
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from cashier_app.domain.errors import CashierError
from cashier_app.domain.values import dataclass

try:
    # What ``cryptography.hazmat.primitives.serialization`` is made of (its base.py names
    # these very functions), without that package's __init__, which imports its SSH key
    # format and with it the ciphers, bcrypt, DSA, EC and Ed25519 modules and a dataclass:
    # a tenth of every headless ``cashier pay``, for keys that are always RSA PEM or DER.
    from cryptography.hazmat.bindings._rust import openssl as _rust_openssl

    keys = _rust_openssl.keys
    keys.load_pem_private_key, keys.load_der_private_key  # noqa: B018 (all four there?)
    keys.load_pem_public_key, keys.load_der_public_key  # noqa: B018
except (ImportError, AttributeError):  # a cryptography laid out otherwise: the public API
    from cryptography.hazmat.primitives import serialization as keys  # type: ignore[no-redef]

MIN_KEY_BITS = 2048
ALGORITHM = "RSA256"
DEFAULT_KEY_VERSION = "1"


class KeyFormatError(CashierError, ValueError):
    """Key text that is not a usable key of the wanted kind; the message says why."""

    layer = "gateway"
    MESSAGES: ClassVar[dict[str, str]] = {
        "key_binary_not_pem_base64_text": "key is binary, not PEM or base64 text",
        "key_must_text": "key must be text",
        "key_empty": "key is empty",
        "key_neither_pem_nor_base64_text": "key is neither PEM nor base64 text (unexpected "
        "characters)",
        "key_base64_damaged_truncated_paste": "key base64 is damaged (truncated paste?)",
        "rsa_key_bits_antom_needs_least": "RSA key is {bits} bits; Antom needs at least "
        "{min_key_bits}",
        "pem_key_has_no_end_line": "PEM key has no END line (truncated paste?)",
        "pem_key_armour_damaged_begin_end": "PEM key armour is damaged (BEGIN and END labels "
        "differ)",
        "public_key_private_key_needed_here": "this is a public key; a private key is needed here",
        "certificate_private_key_needed_here": "this is a certificate; a private key is needed "
        "here",
        "unsupported_pem_block_private_key": "unsupported PEM block {label!r} for a private key",
        "private_key_encrypted_passphrase_needed": "private key is encrypted: a passphrase is "
        "needed",
        "private_key_passphrase_problem": "private key passphrase problem: {exc}",
        "wrong_passphrase_encrypted_private_key": "wrong passphrase for the encrypted private key",
        "private_key_data_damaged_truncated": "private key data is damaged or truncated",
        "private_key_not_rsa": "private key is {name}, not RSA",
        "pkcs_1_rsa_public_key_antom": "this is a PKCS#1 'RSA PUBLIC KEY'; Antom uses X.509 "
        "SubjectPublicKeyInfo ('PUBLIC KEY'): convert it with 'openssl rsa -RSAPublicKey_in "
        "-pubout'",
        "private_key_public_key_needed_here": "this is a private key; a public key is needed here",
        "unsupported_pem_block_public_key": "unsupported PEM block {label!r} for a public key",
        "pkcs_1_rsa_public_key_antom_2": "this is a PKCS#1 RSA public key; Antom uses X.509 "
        "SubjectPublicKeyInfo (base64 starting 'MIIBIj...')",
        "public_key_data_damaged_truncated": "public key data is damaged or truncated",
        "public_key_not_rsa": "public key is {name}, not RSA",
        "signer_needs_rsa_private_key_object": "Signer needs an RSA private key object",
        "verifier_needs_rsa_public_key_object": "Verifier needs an RSA public key object",
    }


class SignatureError(CashierError):
    """A signature that is missing, malformed, or does not verify."""

    layer = "gateway"
    MESSAGES: ClassVar[dict[str, str]] = {
        "header_missing": "signature header is missing",
        "no_signature_part": "signature header has no 'signature=' part",
        "part_not_key_value": "signature header part {part} is not key=value",
        "not_rsa256": "signature algorithm {algorithm} is not RSA256",
        "empty": "signature is empty",
        "not_base64": "signature is not valid base64",
        "does_not_verify": "signature does not verify with the gateway public key "
        "(tampered, wrong key, or not SHA-256)",
        "time_missing": "{name} header is missing",
        "time_digits": "{name} {value} is neither ISO 8601 with a UTC offset nor epoch "
        "milliseconds (13 digits)",
        "time_form": "{name} {value} is neither ISO 8601 with a UTC offset nor epoch milliseconds",
        "time_no_offset": "{name} {value} has no UTC offset",
        "envelope_has_no_signature": "envelope has no signature",
    }


# -- key parsing ----------------------------------------------------------------------

_PEM_RE = re.compile(r"-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \1-----", re.S)


def _text(data: str | bytes) -> str:
    if isinstance(data, bytes):
        try:
            return data.decode("ascii")
        except UnicodeDecodeError:
            raise KeyFormatError.of("key_binary_not_pem_base64_text") from None
    if not isinstance(data, str):
        raise KeyFormatError.of("key_must_text")
    return data


def _der_from_base64(body: str) -> bytes:
    compact = "".join(body.split())
    if not compact:
        raise KeyFormatError.of("key_empty")
    if not re.fullmatch(r"[A-Za-z0-9+/]+={0,2}", compact):
        raise KeyFormatError.of("key_neither_pem_nor_base64_text")
    try:
        return base64.b64decode(compact + "=" * (-len(compact) % 4), validate=True)
    except binascii.Error:
        raise KeyFormatError.of("key_base64_damaged_truncated_paste") from None


def _check_rsa_size(bits: int) -> None:
    if bits < MIN_KEY_BITS:
        raise KeyFormatError.of(
            "rsa_key_bits_antom_needs_least", bits=bits, min_key_bits=MIN_KEY_BITS
        )


def _armour(text: str) -> tuple[str | None, str]:
    m = _PEM_RE.search(text)
    if m:
        return m.group(1), text
    if "-----BEGIN" in text:
        if "-----END" not in text:
            raise KeyFormatError.of("pem_key_has_no_end_line")
        raise KeyFormatError.of("pem_key_armour_damaged_begin_end")
    return None, text


def load_private_key(data: str | bytes, passphrase: bytes | None = None) -> rsa.RSAPrivateKey:
    """Parse an RSA private key: PEM PKCS#1 / PKCS#8 / encrypted PKCS#8, or bare base64 DER
    (what the Antom Dashboard hands out). Raises KeyFormatError naming the problem."""
    label, text = _armour(_text(data).strip())
    if label in ("PUBLIC KEY", "RSA PUBLIC KEY"):
        raise KeyFormatError.of("public_key_private_key_needed_here")
    if label == "CERTIFICATE":
        raise KeyFormatError.of("certificate_private_key_needed_here")
    try:
        if label is not None:
            if label not in ("RSA PRIVATE KEY", "PRIVATE KEY", "ENCRYPTED PRIVATE KEY"):
                raise KeyFormatError.of("unsupported_pem_block_private_key", label=label)
            if label == "ENCRYPTED PRIVATE KEY" and not passphrase:
                raise KeyFormatError.of("private_key_encrypted_passphrase_needed")
            key = keys.load_pem_private_key(text.encode(), password=passphrase)
        else:
            der = _der_from_base64(text)
            try:
                key = keys.load_der_private_key(der, password=passphrase)
            except ValueError:
                if _is_public_der(der):
                    raise KeyFormatError.of("public_key_private_key_needed_here") from None
                raise
    except KeyFormatError:
        raise
    except TypeError as exc:  # passphrase given for a plain key, or missing for an encrypted
        raise KeyFormatError.of("private_key_passphrase_problem", exc=exc) from None
    except (ValueError, UnsupportedAlgorithm) as exc:
        if passphrase and ("password" in str(exc).lower() or "decrypt" in str(exc).lower()):
            raise KeyFormatError.of("wrong_passphrase_encrypted_private_key") from None
        raise KeyFormatError.of("private_key_data_damaged_truncated") from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise KeyFormatError.of("private_key_not_rsa", name=type(key).__name__)
    _check_rsa_size(key.key_size)
    return key


def _is_public_der(der: bytes) -> bool:
    try:
        keys.load_der_public_key(der)
        return True
    except (ValueError, UnsupportedAlgorithm):
        return False


def load_public_key(data: str | bytes) -> rsa.RSAPublicKey:
    """Parse an RSA public key: PEM ``PUBLIC KEY`` (X.509 SubjectPublicKeyInfo) or its bare
    base64 DER. A PKCS#1 ``RSA PUBLIC KEY`` is refused, as Antom and its SDK refuse it."""
    label, text = _armour(_text(data).strip())
    if label == "RSA PUBLIC KEY":
        raise KeyFormatError.of("pkcs_1_rsa_public_key_antom")
    if label in ("RSA PRIVATE KEY", "PRIVATE KEY", "ENCRYPTED PRIVATE KEY"):
        raise KeyFormatError.of("private_key_public_key_needed_here")
    try:
        if label is not None:
            if label != "PUBLIC KEY":
                raise KeyFormatError.of("unsupported_pem_block_public_key", label=label)
            key = keys.load_pem_public_key(text.encode())
        else:
            der = _der_from_base64(text)
            if _first_inner_tag(der) == 0x02:  # SEQUENCE { INTEGER ... }: not SPKI
                try:
                    keys.load_der_private_key(der, password=None)
                except (ValueError, TypeError, UnsupportedAlgorithm):
                    pass
                else:
                    raise KeyFormatError.of("private_key_public_key_needed_here")
                raise KeyFormatError.of("pkcs_1_rsa_public_key_antom_2")
            try:
                key = keys.load_der_public_key(der)
            except ValueError:
                if _looks_like_pkcs1_public(der):
                    raise KeyFormatError.of("pkcs_1_rsa_public_key_antom_2") from None
                try:
                    keys.load_der_private_key(der, password=None)
                except (ValueError, TypeError, UnsupportedAlgorithm):
                    raise KeyFormatError.of("public_key_data_damaged_truncated") from None
                raise KeyFormatError.of("private_key_public_key_needed_here") from None
    except KeyFormatError:
        raise
    except (ValueError, UnsupportedAlgorithm):
        raise KeyFormatError.of("public_key_data_damaged_truncated") from None
    if not isinstance(key, rsa.RSAPublicKey):
        raise KeyFormatError.of("public_key_not_rsa", name=type(key).__name__)
    _check_rsa_size(key.key_size)
    return key


def _looks_like_pkcs1_public(der: bytes) -> bool:
    # PKCS#1 RSAPublicKey is SEQUENCE { INTEGER n, INTEGER e }: wrap it as SPKI and retry.
    try:
        spki_prefix = bytes.fromhex("300d06092a864886f70d0101010500")
        bitstring = b"\x03" + _der_len(len(der) + 1) + b"\x00" + der
        body = spki_prefix + bitstring
        keys.load_der_public_key(b"\x30" + _der_len(len(body)) + body)
        return True
    except (ValueError, UnsupportedAlgorithm):
        return False


def _first_inner_tag(der: bytes) -> int | None:
    """Tag of the first element inside the outer DER SEQUENCE (None if not a SEQUENCE)."""
    if len(der) < 4 or der[0] != 0x30:
        return None
    n = der[1]
    offset = 2 + (n & 0x7F if n & 0x80 else 0)
    return der[offset] if offset < len(der) else None


def _der_len(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(raw)]) + raw


#: AlgorithmIdentifier { rsaEncryption, NULL }: how every RSA SubjectPublicKeyInfo begins.
_RSA_ALGORITHM = bytes.fromhex("300d06092a864886f70d0101010500")


def _der(tag: int, body: bytes) -> bytes:
    return bytes([tag]) + _der_len(len(body)) + body


def spki_der(key: rsa.RSAPublicKey) -> bytes:
    """The key as X.509 SubjectPublicKeyInfo DER, byte for byte what
    ``public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)`` gives (test_signing.py),
    encoded here from its numbers: cryptography's ``public_bytes`` imports its whole
    serialization package (the SSH key format, ciphers, bcrypt) at its first call, a tenth
    of every headless ``cashier pay`` that only ever needs this one DER form."""
    numbers = key.public_numbers()
    ints = b"".join(
        _der(0x02, v.to_bytes(v.bit_length() // 8 + 1, "big")) for v in (numbers.n, numbers.e)
    )
    return _der(0x30, _RSA_ALGORITHM + _der(0x03, b"\x00" + _der(0x30, ints)))


def public_key_base64(key: rsa.RSAPublicKey) -> str:
    """Bare base64 SPKI DER on one line: the form the Antom Dashboard asks for."""
    return base64.b64encode(spki_der(key)).decode("ascii")


def public_key_pem(key: rsa.RSAPublicKey) -> str:
    return key.public_bytes(formats.Encoding.PEM, formats.PublicFormat.SubjectPublicKeyInfo).decode(
        "ascii"
    )


def fingerprint(key: rsa.RSAPublicKey | rsa.RSAPrivateKey) -> str:
    """SHA-256 of the SPKI DER, as colon-separated upper-case hex pairs."""
    pub = key.public_key() if isinstance(key, rsa.RSAPrivateKey) else key
    digest = hashlib.sha256(spki_der(pub)).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


# -- signing and verifying ------------------------------------------------------------

#: Made once: both are immutable, and making them per signature cost about 2% of it.
_PKCS1 = padding.PKCS1v15()
_SHA256 = hashes.SHA256()


def quote_base64(text: str) -> str:
    """``urllib.parse.quote_plus`` for standard base64 text, about 20 times faster: of
    base64's alphabet only ``+``, ``/`` and ``=`` need escaping (see test_signing.py)."""
    return text.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")


def sign_content(method: str, path: str, client_id: str, time: str, body: str | bytes) -> bytes:
    """The exact bytes that are signed: ``METHOD PATH\\nCLIENT_ID.TIME.BODY`` in UTF-8."""
    head = f"{method} {path}\n{client_id}.{time}.".encode()
    return head + (body if isinstance(body, bytes) else body.encode("utf-8"))


class Signer:
    """Signs Antom requests with one merchant private key, parsed once.

    The key object never leaves this instance; ``repr`` shows only the fingerprint.
    """

    __slots__ = ("_key", "fingerprint", "key_version")

    def __init__(
        self, private_key: rsa.RSAPrivateKey, key_version: str = DEFAULT_KEY_VERSION
    ) -> None:
        if not isinstance(private_key, rsa.RSAPrivateKey):
            raise KeyFormatError.of("signer_needs_rsa_private_key_object")
        _check_rsa_size(private_key.key_size)
        self._key = private_key
        self.key_version = str(key_version)
        self.fingerprint = fingerprint(private_key)

    @classmethod
    def from_text(
        cls,
        data: str | bytes,
        key_version: str = DEFAULT_KEY_VERSION,
        passphrase: bytes | None = None,
    ) -> Signer:
        return cls(load_private_key(data, passphrase), key_version)

    def public_key(self) -> rsa.RSAPublicKey:
        return self._key.public_key()

    def sign(self, method: str, path: str, client_id: str, time: str, body: str | bytes) -> str:
        """URL-encoded base64 signature, as the SDK puts after ``signature=``."""
        return quote_base64(self.sign_bytes(sign_content(method, path, client_id, time, body)))

    def sign_bytes(self, data: bytes) -> str:
        """Standard base64 RSA PKCS#1 v1.5 SHA-256 signature of ``data`` exactly (no
        URL-encoding): for envelopes that sign their own bytes (gateway/alipayhk.py)."""
        raw = self._key.sign(data if type(data) is bytes else bytes(data), _PKCS1, _SHA256)
        return base64.b64encode(raw).decode("ascii")

    def header(self, method: str, path: str, client_id: str, time: str, body: str | bytes) -> str:
        """The whole ``Signature`` header value."""
        sig = self.sign(method, path, client_id, time, body)
        return f"algorithm={ALGORITHM},keyVersion={self.key_version},signature={sig}"

    def __repr__(self) -> str:
        return f"Signer(keyVersion={self.key_version}, fingerprint={self.fingerprint[:23]}…)"

    def __reduce__(self) -> tuple[object, ...]:  # never pickle key material
        raise TypeError("Signer holds a private key and cannot be pickled")


@dataclass(frozen=True, slots=True)
class SignatureHeader:
    algorithm: str
    key_version: str
    signature: str  #: still URL-encoded, exactly as received


#: The header as every client writes it: parsed by one match (the same fields as below).
_CANONICAL_HEADER = re.compile(r"algorithm=RSA256,keyVersion=(\w+),signature=(\S+)")


def parse_signature_header(value: str | None) -> SignatureHeader:
    """Parse ``algorithm=RSA256,keyVersion=1,signature=...``; raises SignatureError."""
    canonical = _CANONICAL_HEADER.fullmatch(value) if value else None
    if canonical is not None:
        return SignatureHeader(ALGORITHM, canonical[1], canonical[2])
    if not value or not value.strip():
        raise SignatureError.of("header_missing")
    head, sep, sig = value.strip().partition("signature=")
    if not sep or not sig:
        raise SignatureError.of("no_signature_part")
    fields: dict[str, str] = {}
    for part in head.split(","):
        if part.strip():
            k, eq, v = part.strip().partition("=")
            if not eq:
                raise SignatureError.of("part_not_key_value", part=repr(part.strip()))
            fields[k.strip()] = v.strip()
    algorithm = fields.get("algorithm", ALGORITHM)
    if algorithm != ALGORITHM:
        raise SignatureError.of("not_rsa256", algorithm=repr(algorithm))
    return SignatureHeader(algorithm, fields.get("keyVersion", DEFAULT_KEY_VERSION), sig)


#: Epoch milliseconds as the official Java and Go SDKs send them (``1685599933871``):
#: 12 to 14 digits covers 1973 to 5138, so a seconds value or garbage is not taken for one.
_EPOCH_MS_DIGITS = range(12, 15)
#: Epoch nanoseconds (19 digits), as the Go SDK's README example still sends
#: (``time.Now().UnixNano()``; its code now uses ``UnixMilli()``).
_EPOCH_NS_DIGITS = 19


def parse_header_time(value: str | None, name: str = "Response-Time") -> datetime:
    """The moment a ``Request-Time`` / ``Response-Time`` / ``request-time`` header names.

    Both forms Antom's clients use are accepted: ISO 8601 with a UTC offset (the Python and
    PHP SDKs, ``2026-11-21T23:48:15+00:00``) and epoch milliseconds (the Java and Go SDKs,
    ``BaseAlipayClient.execute``: ``DateTool.getCurrentTimeMillis()``). Raises SignatureError
    naming the header for anything else. Signatures are always checked over the header text
    exactly as sent, never over a re-formatted time.
    """
    if not value or not value.strip():
        raise SignatureError.of("time_missing", name=name)
    text = value.strip()
    if text.isascii() and text.isdigit():
        if len(text) == _EPOCH_NS_DIGITS:
            return datetime.fromtimestamp(int(text) / 1_000_000_000, tz=UTC)
        if len(text) not in _EPOCH_MS_DIGITS:
            raise SignatureError.of("time_digits", name=name, value=repr(value))
        return datetime.fromtimestamp(int(text) / 1000, tz=UTC)
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise SignatureError.of("time_form", name=name, value=repr(value)) from None
    if parsed.tzinfo is None:
        raise SignatureError.of("time_no_offset", name=name, value=repr(value))
    return parsed.astimezone(UTC)


def check_time(value: str | None, name: str = "Response-Time") -> str:
    """Insist on a header time in one of the two accepted forms; returns it unchanged."""
    parse_header_time(value, name)
    assert value is not None
    return value


def epoch_millis(now: datetime | None = None) -> str:
    """``1685599933871``: the header time as the official Java/Go SDKs write it."""
    return str(int((now or datetime.now(UTC)).timestamp() * 1000))


def unquote_signature(text: str) -> str:
    """``urllib.parse.unquote_plus`` of a received signature, about 3 times faster for the
    URL-encoded base64 every client sends (only ``%2B``, ``%2F`` and ``%3D`` escaped); any
    other text takes ``unquote_plus`` itself, so the result is always the same."""
    plain = text.replace("%2B", "+").replace("%2F", "/").replace("%3D", "=")
    if "%" in plain or "+" in text:
        return unquote_plus(text)
    return plain


def _raw_signature(signature: str) -> bytes:
    if not signature or not isinstance(signature, str):
        raise SignatureError.of("empty")
    try:
        return base64.b64decode(signature, validate=True)
    except (binascii.Error, ValueError):
        raise SignatureError.of("not_base64") from None


class Verifier:
    """Verifies Antom-signed responses and notifications with one public key, SHA-256 only."""

    __slots__ = ("_key", "fingerprint", "spki_der")

    def __init__(self, public_key: rsa.RSAPublicKey) -> None:
        if not isinstance(public_key, rsa.RSAPublicKey):
            raise KeyFormatError.of("verifier_needs_rsa_public_key_object")
        _check_rsa_size(public_key.key_size)
        self._key = public_key
        #: the public key as SPKI DER (what a signing worker verifies with, signworker.py)
        self.spki_der = spki_der(public_key)
        self.fingerprint = fingerprint(public_key)

    @classmethod
    def from_text(cls, data: str | bytes) -> Verifier:
        return cls(load_public_key(data))

    def verify(
        self, method: str, path: str, client_id: str, time: str, body: str | bytes, signature: str
    ) -> None:
        """Raise SignatureError unless ``signature`` (URL-encoded base64, the part after
        ``signature=``) is an RSA PKCS#1 v1.5 SHA-256 signature of the content."""
        self.verify_raw(*self.prepare(method, path, client_id, time, body, signature))

    def prepare(
        self, method: str, path: str, client_id: str, time: str, body: str | bytes, signature: str
    ) -> tuple[bytes, bytes]:
        """What ``verify`` checks, short of the RSA operation: the signed content and the
        raw signature; raises SignatureError when ``signature`` is empty or not base64.
        ``verify_raw`` (or a signing worker, signworker.py) does the rest."""
        if not signature:
            raise SignatureError.of("empty")
        return sign_content(method, path, client_id, time, body), _raw_signature(
            unquote_signature(signature)
        )

    def verify_bytes(self, data: bytes, signature: str) -> None:
        """Raise SignatureError unless ``signature`` (standard base64) is an RSA PKCS#1 v1.5
        SHA-256 signature of ``data`` exactly (the counterpart of ``Signer.sign_bytes``)."""
        self.verify_raw(bytes(data), _raw_signature(signature))

    def verify_raw(self, data: bytes, raw: bytes) -> None:
        """Raise SignatureError unless ``raw`` is an RSA PKCS#1 v1.5 SHA-256 signature of
        ``data`` exactly."""
        try:
            self._key.verify(raw, data, _PKCS1, _SHA256)
        except InvalidSignature:
            raise SignatureError.of("does_not_verify") from None

    def verify_header(
        self,
        method: str,
        path: str,
        client_id: str,
        time: str,
        body: str | bytes,
        header_value: str | None,
    ) -> SignatureHeader:
        """Verify using a whole ``Signature`` header value; returns the parsed header."""
        parsed = parse_signature_header(header_value)
        self.verify(
            method, path, client_id, check_time(time, "signed time"), body, parsed.signature
        )
        return parsed

    def __repr__(self) -> str:
        return f"Verifier(fingerprint={self.fingerprint[:23]}…)"


def generate_private_key(bits: int = MIN_KEY_BITS) -> rsa.RSAPrivateKey:
    """A fresh RSA key (public exponent 65537)."""
    _check_rsa_size(bits)
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


def private_key_pkcs8_base64(key: rsa.RSAPrivateKey) -> str:
    """Bare base64 PKCS#8 DER (the Dashboard's form). Callers must keep it out of logs."""
    der = key.private_bytes(
        formats.Encoding.DER, formats.PrivateFormat.PKCS8, formats.NoEncryption()
    )
    return base64.b64encode(der).decode("ascii")


def request_time(now: datetime | None = None) -> str:
    """``2026-11-21T23:48:15+00:00``: ISO 8601, UTC, seconds, like the official SDK."""
    moment = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    return moment.isoformat()


def body_time(moment: datetime) -> str:
    """A time field of a request body (``paymentExpiryTime``) in the ``request_time`` form;
    a naive datetime is refused rather than guessed to be local or UTC."""
    if moment.tzinfo is None:
        raise ValueError("expiry must be timezone-aware")
    return request_time(moment)
