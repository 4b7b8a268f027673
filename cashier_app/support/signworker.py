"""A signing worker process of the sandbox (``python -m cashier_app.support.signworker``).

Outside the ``sandbox`` package so that starting one imports nothing but ``cryptography``.

Speaks a tiny framed protocol on its standard input and output, each frame a 4-byte
big-endian length and that many bytes: the first frame in is the gateway private key
(PKCS#8 DER; it arrives over the pipe and lives only in this process's memory), every
later one is bytes to sign; each answer is the raw RSASSA-PKCS1-v1_5 SHA-256 signature,
or an empty frame when signing failed. End of input ends the process, so a worker never
outlives the sandbox that started it.
"""

from __future__ import annotations

import os
import struct
import sys

_LEN = struct.Struct(">I")


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


def main() -> int:
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    fd_in, fd_out = sys.stdin.fileno(), sys.stdout.fileno()
    der = read_frame(fd_in)
    if not der:
        return 1
    key = serialization.load_der_private_key(der, password=None)
    del der
    if not isinstance(key, rsa.RSAPrivateKey):
        return 1
    pad, sha256 = padding.PKCS1v15(), hashes.SHA256()
    while True:
        data = read_frame(fd_in)
        if data is None:
            return 0
        try:
            signature = key.sign(data, pad, sha256)
        except Exception:  # never the data or the key in a message: the caller signs itself
            signature = b""
        write_frame(fd_out, signature)


if __name__ == "__main__":
    raise SystemExit(main())
