"""The jobs of the sandbox's signing worker processes (``sandbox/laneworker.py`` runs
them; ``sandbox/signpool.py`` and ``sandbox/fastlane.py`` send them).

A tiny framed protocol on the worker's standard input and output, each frame a 4-byte
big-endian length and that many bytes: the first frame in is the gateway private key
(PKCS#8 DER; it arrives over the pipe and lives only in this process's memory), every
later one a job, its first byte naming it:

- ``S`` + bytes: sign them; the answer is the raw RSASSA-PKCS1-v1_5 SHA-256 signature.
- ``V`` + a request's signature check + bytes (``check_job``): verify the request's
  signature (the RSA operation of ``Verifier.verify_bytes``, SHA-256 only, with the
  merchant public key sent along as SPKI DER), then sign the bytes, the answer to that
  request. The answer is ``\x01`` + the signature when the request's signature verified,
  a lone ``\x00`` when it did not (nothing is signed then: the caller answers the request
  itself, as a refusal).

An empty answer means the job failed (the caller signs itself). End of input ends the
worker, so it never outlives the sandbox that started it.
"""

from __future__ import annotations

import contextlib
import os
import struct

_LEN = struct.Struct(">I")
_CHECK = struct.Struct(">HHI")  #: a check job's lengths: key DER, signature, signed content
SIGN, CHECK = b"S", b"V"
VERIFIED, NOT_VERIFIED = b"\x01", b"\x00"
_KEYS_KEPT = 64  #: merchant public keys kept loaded (by DER); more start the cache again


def read_exactly(fd: int, n: int) -> bytes | None:
    """``n`` bytes from ``fd``, or None at end of input."""
    chunks = []
    while n:
        chunk = os.read(fd, n)
        if not chunk:
            return None
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def read_frame(fd: int) -> bytes | None:
    head = read_exactly(fd, _LEN.size)
    if head is None:
        return None
    (size,) = _LEN.unpack(head)
    return read_exactly(fd, size) if size else b""


def write_frame(fd: int, data: bytes) -> None:
    view = memoryview(_LEN.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def check_job(spki_der: bytes, signature: bytes, content: bytes, to_sign: bytes) -> bytes:
    """A ``V`` job: verify ``signature`` over ``content`` with the public key
    ``spki_der``, and if it holds sign ``to_sign``."""
    head = _CHECK.pack(len(spki_der), len(signature), len(content))
    return b"".join((CHECK, head, spki_der, signature, content, to_sign))


def batch_scheduling() -> None:
    """Run as a batch task (Linux ``SCHED_BATCH``): a worker woken by a job does not take
    the core from the event loop that sent it, which goes on answering the other
    connections (profiled under load, the loop lost about 0.3 ms of wall time at every
    job it wrote, the worker it woke running first). Elsewhere, or if refused, as is."""
    if hasattr(os, "sched_setscheduler") and hasattr(os, "SCHED_BATCH"):
        with contextlib.suppress(OSError):
            os.sched_setscheduler(0, os.SCHED_BATCH, os.sched_param(0))


class Jobs:
    """Answers the jobs of one worker: its gateway key (loaded from PKCS#8 DER) and the
    merchant public keys it was sent, kept loaded."""

    def __init__(self, der: bytes) -> None:
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import padding, rsa

        key = serialization.load_der_private_key(der, password=None)
        if not isinstance(key, rsa.RSAPrivateKey):
            raise TypeError("not an RSA key")
        self.key = key
        self._pad, self._sha256 = padding.PKCS1v15(), hashes.SHA256()
        self._keys: dict[bytes, rsa.RSAPublicKey] = {}

    def sign(self, data: bytes) -> bytes:
        """The raw RSASSA-PKCS1-v1_5 SHA-256 signature of ``data``."""
        return self.key.sign(data, self._pad, self._sha256)

    def answer(self, job: bytes) -> bytes:
        """A job's answer (empty: it failed; never the data or the key in a message)."""
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        try:
            if job[:1] == SIGN:
                return self.sign(job[1:])
            if job[:1] != CHECK:
                return b""
            n_key, n_sig, n_content = _CHECK.unpack_from(job, 1)
            at = 1 + _CHECK.size
            spki = job[at : at + n_key]
            at += n_key
            signature = job[at : at + n_sig]
            at += n_sig
            content = job[at : at + n_content]
            public = self._keys.get(spki)
            if public is None:
                loaded = serialization.load_der_public_key(spki)
                if not isinstance(loaded, rsa.RSAPublicKey):
                    raise TypeError("not an RSA key")
                if len(self._keys) >= _KEYS_KEPT:
                    self._keys.clear()
                public = self._keys[spki] = loaded
            try:
                public.verify(signature, content, self._pad, self._sha256)
            except InvalidSignature:
                return NOT_VERIFIED
            return VERIFIED + self.sign(job[at + n_content :])
        except Exception:  # the caller signs itself
            return b""
