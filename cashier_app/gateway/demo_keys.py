"""The embedded sandbox's two published demo key pairs: fixed, public, and refused anywhere else.

The embedded sandbox (the default profile: nothing is ever charged there) used to make two
fresh RSA-2048 keys in every process, about 0.2 s of a headless ``cashier pay``; it now
uses these two pairs, printed here for anyone to read: the merchant's (the ``sandbox``
profile signs its requests with it) and the gateway's (the embedded sandbox signs its
answers and notifications with it). Because their private halves are public, anything
signed with them proves nothing; so they are good for the embedded sandbox only, and the
key store, ``resolve_credentials`` and ``AntomClient`` refuse them for every other profile
and every gateway that is not plain http on loopback (see :func:`refuse_demo_keys`).

The keys are parsed once per process without OpenSSL's slow consistency check (about
0.1 s each); ``tests/gateway/test_demo_keys.py`` runs that check on both.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, ClassVar

from cashier_app.domain.errors import CashierError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric import rsa

    from cashier_app.gateway.signing import Signer, Verifier

#: SHA-256 fingerprints (``signing.fingerprint``) of the two demo public keys.
MERCHANT_FINGERPRINT = (
    "5C:CE:4A:B8:DE:9D:93:BD:99:87:D5:88:2A:9F:2E:59:"
    "E8:19:F6:B3:19:F2:56:C7:9F:6E:B5:F9:D3:ED:87:78"
)
GATEWAY_FINGERPRINT = (
    "3F:EA:36:C0:81:A9:69:E3:61:85:28:2D:DE:03:A8:B1:"
    "B9:E8:50:94:D8:04:19:45:99:F7:23:CF:9D:09:78:A2"
)
FINGERPRINTS = frozenset({MERCHANT_FINGERPRINT, GATEWAY_FINGERPRINT})

#: The merchant demo key (PKCS#8 PEM): the embedded ``sandbox`` profile's request key.
MERCHANT_PRIVATE_KEY_PEM = """\
-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCpUZfjk/HuE9sg
xjarsf135IKl3plD6SW9OwY+aoHkv+eiRiy6gs2oCRWjSQYjrxtIBDySSk6NBrDQ
LtiXkz4TdWDIcU299kBOC5HInI8s+jVQxLriXOxKZCQqDd27gvc3C2Mfajk18/Fy
JLc/RYUYtxDwtJ0IwaIVbFJJaKlH7zlsZaUBUfwjDbeP9YFMzHCVe7cBusb4JJr1
9494hDO+cznBlbXkP52QHVOxsdNxln8cZuUFEy7j6thyr6SUDYc2kSk23UBle3B2
tcfeZu7nr31YqNHZAAyPRvdlmnVvPvqinaDcHR6cJsFcRHdKRbih6NVzPhqFwiig
WFZ0MNUTAgMBAAECggEAMjfKekt/VjLaa4qOXXcRa7VBEIwIXg1wzYKLlAiH1P4b
59OzYW/5Kgzjt4Wphfzh9QaYpnTWflpNJ7m1MKORpjjKhzifq6c1JFCnIN5aUqc1
F+r5WLjhtiCkXzq0mHA7/T3p3L/nDvr2kfmUxfXLB20IX7PZ3WZ8uajicPZTOsub
9zWEgBPXoCeRUCQMmRXXHz07g/NwhORk8CeOVbZ7evg/tUFxmuXK3k547JSQnuz+
myfbikpNcgMHY8pofsOXwQ5oQVYJ3Th001nCbS2W2+diLRvs8W2HrT/Bi4j2ox4/
JNYc/gzYGEUVhJPzZqLWQsEsT1Xiv+duwyxromJ7BQKBgQDQTenb0OF9Px8dVjei
GbsQEmRwgix8TqvlGl8tF6HqTCBTUjdwezo5RK6SPYg/MFQIQtamCPpSTKhdQTbD
zSOjDDtfHqOe5uCsL2/xmGVF3WnfIAv74cpX2K/RSny5EGga7uqaiDi5dvOoQKf4
opCOQoaI7Vk6FeFX+c9dkilSFwKBgQDQFnnkp6WfWVFDMVPd2rVW4inbAWdQbs/G
kgZ+5uvzkcqhS/9BRt1sMhM5jdn5do8MwOpeXi+VifU5j5PViKY6XtEt0V1Jf+Qb
ByUZKQZXh0un15x1ssvhVmhiJxF1bvsxxAb5p9YC1v3GGxJdGjHqxX0Pc6F0ypf3
ntJEopleZQKBgBqBP3eD3Z1FMd1Wwh9zLLU/0d3rAmQS0paFQ4UGU8jvRNG1TW6X
j3IIBjp/b92ydY7TimJ4E/ny3R14ldJWQOmXPdq9mE44zG+8XX8dSA2avcTxW/UB
5vBElyKHWtVlfAmpStq86JLYyuomx/jAHqqrVlkH8mmMrS63j6Y1WeKjAoGBAJGv
GrneMZNlmgIb9+Z8J7djcgBVdDqYyjjwpUGVdJ47dQ0GQvg1n/IPAOyrhm8j9TTt
n2hgMppUUu5wugSmvhJhrbuRN+msc0wE7ZE26qy/GVWyG2U/v4PM1hnZ1lxMTeti
nauOOMQWNufKrkmmfEos58i4oNI+wLRpajcJS60NAoGBALEUOf91L25zhIiljvOr
OESkI9TWKlvVCf1jmIyZJh1A/sm4A8hfxv8meGEobETEjAF5/bhD5kPJwjrC7IA0
4ozHLwkW5RntFDY1x/6rC/bOXut6/at4MPc/ArHkNY4hWE5U7nan+wxfyK0PBanb
WdScgdQQm0Cd3gsY1P/IqWLV
-----END PRIVATE KEY-----
"""

#: The gateway demo key (PKCS#8 PEM): the embedded sandbox's answer and notification key.
GATEWAY_PRIVATE_KEY_PEM = """\
-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCrODDgCEnGQBL9
m3az+dMPFK7zIF91xmqdNEMPUdSt7RAcIjz5q14CH4B7tAcnnNRQvhS/G8PBXxnQ
mxu8g34t4IcA/+B+2ddi3AWN/WPkfo0mETbOuQ5Wfd+EYu9zvdZgs4n0H575Jz62
DYw7LnS7Xq0g6E0Nik62FAJXJx5ae6C58VdnoV+DFPgsxIy7V26qMmaWCCxycAK1
pexW10jZ4LCIvd2JkIFkDc3rWHRxLb5kDmuR7ibJh5+ZFnm9v54l7m5BJup0lFsL
FYAKeYZZppZVTwzQ1QPdXzhjtGbLKvSrp9qtJB3dc7qikTKxXooizwco4kfyW5+x
LJs7lqZFAgMBAAECggEABNNNlVLGeX7eyiTygHn+98LWd2WnKxOPd6S8axccTlaL
CK/yVfr9aEPpBBN7zCMAXNIulYA70RxUBuwIKRTvnm1ggKe1dP3AszmOMoU8pnjm
k3cSu1q9y7Q6c2myY+mqvAjzT10AxvbTLqBNHnHdulYdvPqvCT2noDwKINiqY1Ri
zdgAgbN3mUe+Ss1uI8xwrwEZVOESs3LJStHwN3ecCnx8wJ34YytQ4/RVLoU6loy+
614bDgwGx1XvpP2Hi3x+MRUujNN01ReE+n5covpvKkvR/Z8Ps3NGjU3ejlbvlErI
Id9K5wRVQVKIl9jsFQfj7IktDUDHXSsPCdsEvwqn4QKBgQDeN7U8ecP71z5UA4G7
8igQ6VM74PlLjg1ESQet62+v9pr7AoBBFYta9qoBOd4Ex2IOShgHlOiK+bUbo2J0
1S3lLeng3jF6Sy71UlMcxDAm1Csb2EIojBvN1Rxiwf9U9CSf9HW46xc3fBhihVRd
oQ5zfpt2huJTCKTDG2yoxnydmQKBgQDFP7tu00GyS1LAFVcyvyANlEWMSXItMLBC
SlnoSnDzqNjfXjkJYD2xIa584NLZljTSmQ7dYjDggj59dKO6efVsPdJtyLFK8Kic
MOGOMcN2baUFB8judESBxJB4vRUiBmCAs2UHy9vL9HGrxxf5PuMnE3xjhv7mpOiX
bxJVInBBjQKBgAw1wWaWRjeDRzB0lN9P2fW77E/g97G4F3CGFr7urc9cXH2oUIXC
+kpAPW0d0d4vWmrwlUttWi2wtMvU+Wb0A7aRBEXPz6YplWXzZQ+yk/a+N7Qq+M+j
iy+PIyUmBbKUS6LiWsmTWU46KljXfKA8Zj/gWAh2Nt9bHTp/OkQ3y8cZAoGBAJHQ
Bj/r/ZHO6tJCNF64OPqw1CTbmoLbjkDC8+mrNgp5lDCzV5idw50w1+tKy7O7vTq9
mOaBEr60qXtWgT51r76fiPJNPPq4IvyrieHy2ZqvfSDV22yjGI2RgHcw1/F6I1ag
xxvXUJlaD7m7iPZgzczyM67jeYWI/MQNgNDcj311AoGBANhFVGP28f2wWbmk9smU
1QnbrGmnhFECNA5eH5LZZwI68zUbzUl4ifr/4in4EG1mD6y2HEwVqK6dNj+BKtNz
hCeabebaR0+Q0Qbh/OQMyAqApMmyROThYf7RxFV1vvASDk8YYQfiAwCfbInYxsOJ
wRX2tUbrR681OBSUsmqi+ncW
-----END PRIVATE KEY-----
"""

_lock = threading.Lock()
_parsed: dict[str, rsa.RSAPrivateKey] = {}


class DemoKeyError(CashierError, ValueError):
    """A published demo key offered for a real gateway or a saved profile."""

    layer = "gateway"
    MESSAGES: ClassVar[dict[str, str]] = {
        "demo_merchant_key": "the published embedded-sandbox demo merchant key cannot be "
        "used for {target}: its private half is public, so nothing "
        "signed with it can be trusted; generate or import this "
        "profile's own keys",
        "demo_gateway_key": "the published embedded-sandbox demo gateway key cannot be "
        "used for {target}: its private half is public, so nothing "
        "signed with it can be trusted; import the gateway's real "
        "public key",
    }


def _load(pem: str) -> rsa.RSAPrivateKey:
    with _lock:
        key = _parsed.get(pem)
        if key is None:
            from cryptography.hazmat.primitives.asymmetric import rsa as rsa_keys

            from cashier_app.gateway.signing import keys  # the loaders, lean

            loaded = keys.load_pem_private_key(
                pem.encode("ascii"), password=None, unsafe_skip_rsa_key_validation=True
            )
            if not isinstance(loaded, rsa_keys.RSAPrivateKey):
                raise TypeError("a published demo key is not an RSA private key")
            key = _parsed[pem] = loaded
        return key


def merchant_key() -> rsa.RSAPrivateKey:
    """The embedded sandbox profile's merchant private key (parsed once per process)."""
    return _load(MERCHANT_PRIVATE_KEY_PEM)


def gateway_key() -> rsa.RSAPrivateKey:
    """The embedded sandbox gateway's private key (parsed once per process)."""
    return _load(GATEWAY_PRIVATE_KEY_PEM)


def _pkcs8_base64(pem: str) -> str:
    """The key store's form of a published key (bare base64 PKCS#8 DER, what
    ``signing.private_key_pkcs8_base64`` makes of it: test_demo_keys.py), read off its PEM:
    encoding it again would import cryptography's whole serialization package (its SSH key
    format, ciphers, bcrypt) into every headless ``cashier pay``."""
    return "".join(line.strip() for line in pem.splitlines() if "-----" not in line)


def stored_form(key: rsa.RSAPrivateKey) -> str | None:
    """``key`` in the key store's form when it is a parsed published demo key, else None."""
    with _lock:
        for pem, parsed in _parsed.items():
            if parsed is key:
                return _pkcs8_base64(pem)
    return None


def parsed_demo_key(stored: str) -> rsa.RSAPrivateKey | None:
    """The parsed demo key when ``stored`` is one in the key store's form (bare base64
    PKCS#8 DER), else None: spares the key store the slow check of a key it knows."""
    if not stored.startswith("MII"):
        return None
    for pem in (MERCHANT_PRIVATE_KEY_PEM, GATEWAY_PRIVATE_KEY_PEM):
        if stored == _pkcs8_base64(pem):
            return _load(pem)
    return None


def is_demo_fingerprint(value: str) -> bool:
    return value in FINGERPRINTS


def refuse_demo_keys(*keys: Signer | Verifier | None, target: str) -> None:
    """Raise DemoKeyError when any of ``keys`` (Signer or Verifier) holds a demo key;
    ``target`` names what refused it (a profile name, a gateway URL)."""
    for key in keys:
        if key is not None and key.fingerprint in FINGERPRINTS:
            code = (
                "demo_merchant_key"
                if key.fingerprint == MERCHANT_FINGERPRINT
                else "demo_gateway_key"
            )
            raise DemoKeyError.of(code, target=target)
