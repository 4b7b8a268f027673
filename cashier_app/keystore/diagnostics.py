"""Key parsing with diagnoses: each classic key mistake becomes a message plus its fix.

The parsing itself is ``gateway.signing`` (load_private_key / load_public_key); this module
tidies what people paste (quotes, ``\\n`` escapes from JSON, a byte-order mark), recognises
the mistakes Antom and Alipay SDK users report most, and says how to fix each one:

* the "gateway key" is the merchant's own public key (the two keys are swapped);
* a private key where a public key belongs, or the reverse;
* a PKCS#1 ``RSA PUBLIC KEY`` where Antom wants X.509 SubjectPublicKeyInfo;
* a key shorter than 2048 bits;
* a truncated paste (the DER length header promises more bytes than arrived);
* an encrypted private key without (or with the wrong) passphrase; a certificate.

Messages never quote the key text.
"""

from __future__ import annotations

import base64
import binascii
import re

from cryptography.hazmat.primitives.asymmetric import rsa

from cashier_app.domain.values import dataclass
from cashier_app.gateway.signing import (
    KeyFormatError,
    fingerprint,
    load_private_key,
    load_public_key,
)

_MAX_KEY_TEXT = 64 * 1024


@dataclass(frozen=True, slots=True)
class KeyProblem:
    """One diagnosed mistake: a stable ``code`` for tests and UIs, what is wrong, the fix."""

    code: str
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.message}. Fix: {self.fix}"


class KeyDiagnosisError(KeyFormatError):
    """A key that cannot be used here; ``.problem`` says what it is and how to fix it."""

    layer = "keystore"

    def __init__(self, problem: KeyProblem, cause: KeyFormatError | None = None) -> None:
        super().__init__(str(problem), code=problem.code)
        self.problem = problem
        #: The key error it was diagnosed from, when its message is the problem's (a UI
        #: renders it, with its code, in its own language).
        self.cause = cause


FIX_GENERATE = "generate a new RSA-2048 pair with 'cashier keys generate' and upload its public key"
FIX_REPASTE = (
    "copy the whole key again: a 2048-bit private key in base64 is one line of "
    "about 1,620 characters (PKCS#8 starts 'MIIEv' or 'MIIEu'), a public key "
    "about 392 characters starting 'MIIBIj'"
)
FIX_GATEWAY = (
    "use the *Antom* (gateway) public key: the Antom Dashboard shows it next to "
    "your own public key, labelled as Antom's; for a standalone 'cashier sandbox' "
    "it is the 'gateway_public_key' it prints at start"
)


def normalise_key_text(data: str | bytes) -> str:
    """What the user meant: strip a BOM, surrounding quotes, ``\\n`` escapes copied out of a
    JSON or .env file, and CR characters. Raises KeyDiagnosisError for non-text input."""
    if isinstance(data, bytes):
        if len(data) > _MAX_KEY_TEXT:
            raise _problem(
                "too-large",
                "the input is far larger than a key",
                "give the key file itself, not an archive or a keystore",
            )
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise _problem(
                "binary",
                "the input is binary (DER?), not PEM or base64 text",
                "convert it: 'openssl pkey -inform DER -in key.der' (private) or "
                "'openssl pkey -pubin -inform DER -in key.der' (public)",
            ) from None
    text = data.lstrip("\ufeff").strip()
    if len(text) > _MAX_KEY_TEXT:
        raise _problem(
            "too-large", "the input is far larger than a key", "give the key file itself"
        )
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1].strip()
    if "\\n" in text and "\n" not in text:
        text = text.replace("\\r", "").replace("\\n", "\n")
    return text.replace("\r", "")


def _problem(
    code: str, message: str, fix: str, cause: KeyFormatError | None = None
) -> KeyDiagnosisError:
    return KeyDiagnosisError(KeyProblem(code, message, fix), cause)


_PEM_BODY = re.compile(r"-----BEGIN [A-Z0-9 ]+-----(.*?)(?:-----END [A-Z0-9 ]+-----|$)", re.S)


def _der_of(text: str) -> bytes | None:
    match = _PEM_BODY.search(text)
    body = match.group(1) if match else text
    if "Proc-Type:" in body:  # legacy OpenSSL encrypted PEM: headers, not plain DER
        return None
    compact = "".join(body.split())
    if not compact or not re.fullmatch(r"[A-Za-z0-9+/]+={0,2}", compact):
        return None
    try:
        return base64.b64decode(compact + "=" * (-len(compact) % 4))
    except (binascii.Error, ValueError):
        return None


def _truncation(text: str) -> KeyDiagnosisError | None:
    """A paste cut short: the outer DER SEQUENCE announces more bytes than there are."""
    if "-----BEGIN" in text and "-----END" not in text:
        return _problem(
            "truncated", "the key's END line is missing: the paste was cut short", FIX_REPASTE
        )
    der = _der_of(text)
    if not der or der[0] != 0x30 or len(der) < 2:
        return None
    first = der[1]
    if first < 0x80:
        declared, header = first, 2
    else:
        count = first & 0x7F
        if count == 0 or count > 4 or len(der) < 2 + count:
            return None
        declared, header = int.from_bytes(der[2 : 2 + count], "big"), 2 + count
    if header + declared > len(der):
        return _problem(
            "truncated",
            f"the key is truncated: {len(der)} of {header + declared} bytes arrived",
            FIX_REPASTE,
        )
    return None


def _translate(exc: KeyFormatError, text: str, *, wanted: str) -> KeyDiagnosisError:
    msg = str(exc)
    low = msg.lower()
    truncated = _truncation(text)
    if "at least" in low and "bits" in low:
        return _problem("key-too-small", msg, FIX_GENERATE, exc)
    if (
        truncated is not None
        and "private key is needed" not in low
        and "public key is needed" not in low
    ):
        return truncated
    if wanted == "private":
        if "public key" in low:
            return _problem(
                "public-as-private",
                "this is a public key; the merchant *private* key is needed here",
                "use the private key you generated (or that the Antom Dashboard "
                "showed once when it generated your pair); public keys go to the "
                "Dashboard or to 'cashier keys import-gateway-key'",
            )
        if "certificate" in low:
            return _problem(
                "certificate",
                "this is a certificate, not a private key",
                "export the private key itself (e.g. 'openssl pkcs12 -nocerts')",
            )
        if "passphrase is needed" in low or "not given" in low:
            return _problem(
                "passphrase-needed",
                "the private key is encrypted",
                "give its passphrase with --passphrase-file FILE",
            )
        if "wrong passphrase" in low:
            return _problem(
                "wrong-passphrase",
                "the passphrase does not open this encrypted private key",
                "check the passphrase file",
            )
        if "passphrase" in low:
            return _problem(
                "passphrase-not-needed",
                "a passphrase was given but the key is not encrypted",
                "leave out --passphrase-file",
            )
    else:
        if "pkcs#1" in low:
            return _problem(
                "pkcs1-public",
                "this is a PKCS#1 'RSA PUBLIC KEY'; Antom uses "
                "X.509 SubjectPublicKeyInfo ('PUBLIC KEY', base64 'MIIBIj...')",
                "convert it: 'openssl rsa -RSAPublicKey_in -in key.pem -pubout'",
            )
        if "private key" in low:
            return _problem(
                "private-as-public",
                "this is a PRIVATE key where a public key belongs",
                "never paste a private key here; " + FIX_GATEWAY,
            )
        if "certificate" in low or "unsupported pem block 'certificate'" in low:
            return _problem(
                "certificate",
                "this is a certificate, not a public key",
                "extract the key: 'openssl x509 -in cert.pem -pubkey -noout'",
            )
    if "damaged" in low or "truncated" in low or "base64" in low:
        return _problem("damaged", msg, FIX_REPASTE, exc)
    if "empty" in low:
        return _problem("empty", "no key text was given", "paste or pipe the key")
    return _problem("unusable", msg, FIX_REPASTE, exc)


def parse_private_key(data: str | bytes, passphrase: bytes | None = None) -> rsa.RSAPrivateKey:
    """A merchant private key from PEM (PKCS#1, PKCS#8, encrypted PKCS#8) or bare base64."""
    text = normalise_key_text(data)
    if not text:
        raise _problem("empty", "no key text was given", "paste or pipe the private key")
    try:
        return load_private_key(text, passphrase)
    except KeyFormatError as exc:
        raise _translate(exc, text, wanted="private") from None


def parse_public_key(data: str | bytes) -> rsa.RSAPublicKey:
    """An RSA public key in X.509 SubjectPublicKeyInfo form (PEM or bare base64)."""
    text = normalise_key_text(data)
    if not text:
        raise _problem("empty", "no key text was given", "paste or pipe the public key")
    try:
        return load_public_key(text)
    except KeyFormatError as exc:
        raise _translate(exc, text, wanted="public") from None


def parse_gateway_key(
    data: str | bytes, merchant_keys: list[rsa.RSAPublicKey] | tuple[rsa.RSAPublicKey, ...] = ()
) -> rsa.RSAPublicKey:
    """The gateway (Antom) public key; refuses the merchant's own public key."""
    key = parse_public_key(data)
    if any(same_key(key, own) for own in merchant_keys):
        raise _problem(
            "merchant-key-as-gateway",
            "this is your own merchant public key (it matches your private key), not the gateway's",
            FIX_GATEWAY,
        )
    return key


def same_key(
    a: rsa.RSAPublicKey | rsa.RSAPrivateKey, b: rsa.RSAPublicKey | rsa.RSAPrivateKey
) -> bool:
    """True when both are (halves of) the same RSA key."""
    return fingerprint(a) == fingerprint(b)


def diagnose_pair(
    merchant: rsa.RSAPublicKey | None, gateway: rsa.RSAPublicKey | None
) -> list[KeyProblem]:
    """Problems with a profile's stored keys as a whole (for ``cashier keys check``)."""
    problems: list[KeyProblem] = []
    if merchant is None:
        problems.append(
            KeyProblem(
                "no-merchant-key",
                "no merchant private key is stored",
                "'cashier keys generate' or 'cashier keys import'",
            )
        )
    if gateway is None:
        problems.append(
            KeyProblem(
                "no-gateway-key",
                "no gateway public key is stored",
                "'cashier keys import-gateway-key --from-file FILE'",
            )
        )
    if merchant is not None and gateway is not None and same_key(merchant, gateway):
        problems.append(
            KeyProblem(
                "merchant-key-as-gateway",
                "the stored gateway key is your own merchant public key",
                FIX_GATEWAY,
            )
        )
    return problems
