"""Merchant profiles: the non-secret settings of one Antom account, kept in a JSON file.

A profile says which gateway to talk to and as whom (client id, key version), which wallets
are offered and in which currency. Secrets never live here: keys are in the key store
(``keystore/store.py``), looked up by profile name and key version.

The file is ``profiles.json`` in the platform config directory. Writes are atomic (temp
file, fsync, rename) and keep the previous good version as ``profiles.json.bak``. A file
that cannot be read (half-written by another tool, hand-edited into invalid JSON, a field
that fails validation) raises ``ProfileConfigError`` naming the file and the problem, and
is never overwritten: the user fixes it or restores the backup, we do not guess.
"""

from __future__ import annotations

import builtins
import contextlib
import json
import re
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

from cashier_app.domain import dialects, methods
from cashier_app.domain.errors import CashierError, Term
from cashier_app.domain.json_problems import JsonSyntaxProblem
from cashier_app.domain.limits import SaleLimitError, SaleLimits
from cashier_app.domain.money import MoneyError, check_currency
from cashier_app.domain.net import is_loopback_host
from cashier_app.domain.store import StoreInfo
from cashier_app.domain.values import asdict, dataclass, field, replace
from cashier_app.support import paths

from . import atomic
from .atomic import atomic_write

FILE_NAME = "profiles.json"
FORMAT = "cashier-profiles"
FORMAT_VERSION = 1
SANDBOX_PROFILE = "sandbox"
SANDBOX_CLIENT_ID = "SANDBOX_CASHIER_DEMO"
DEFAULT_KEY_VERSION = "1"


PRODUCT_ONLINE = "online"
PRODUCT_IN_STORE = "in-store"
PRODUCTS = (PRODUCT_ONLINE, PRODUCT_IN_STORE)
STORE_FIELDS = ("merchant_mcc", "store_id", "store_name", "store_mcc", "terminal_id")


class Environment(StrEnum):
    EMBEDDED_SANDBOX = "embedded-sandbox"  #: our in-process gateway; keys in memory only
    ANTOM_SANDBOX = "antom-sandbox"  #: Antom's sandbox: a ``SANDBOX_`` client id
    PRODUCTION = "production"


#: Region presets for the documented Antom domains (docs/antom-protocol.md §6). Antom's
#: sandbox uses the same hosts: it is selected by the ``SANDBOX_`` client id, not the domain.
GATEWAY_PRESETS: dict[str, str] = {
    "na": "https://open-na-global.alipay.com",
    "na-legacy": "https://open-na.alipay.com",
    "asia": "https://open-sea-global.alipay.com",
    "asia-legacy": "https://open-sea.alipay.com",
    "europe": "https://open-de-global.alipay.com",
    "europe-instore": "https://open-eu.alipay.com",
}

_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,39}")
_CLIENT_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
_MERCHANT_ID_RE = re.compile(r"[A-Za-z0-9]{1,32}")
_KEY_VERSION_RE = re.compile(r"[1-9][0-9]{0,5}")


class ProfileError(CashierError, ValueError):
    """A profile value that cannot be used; the message names the field and the fix."""

    layer = "keystore"
    TERMS: ClassVar[tuple[str, ...]] = ("gateway URL", "notify URL")
    MESSAGES: ClassVar[dict[str, str]] = {
        "bad_environment": "environment {environment} is not one of {choices}",
        "in_profile": "profile {name}: {problem}",
        "embedded_has_url": "an embedded-sandbox profile has no gateway URL (the sandbox "
        "starts in-process); use environment 'production' or 'antom-sandbox' for a "
        "standalone gateway",
        "alipayhk_currency": "profile {name}: the alipayhk dialect takes HKD only, not {currency}",
        "merchant_name": "merchant name must be at most 128 printable characters",
        "merchant_id": "merchant id must be 1-32 letters or digits",
        "alipayhk_wallets": "profile {name}: the alipayhk dialect offers only ALIPAY_HK, not "
        "{wallets}",
        "bad_product": "profile {name}: product {product} is not one of {choices}",
        "instore_dialect": "profile {name}: in-store payments use the antom dialect",
        "bad_name": "profile name {name} is invalid: use 1-40 letters, digits, '_', '-' or "
        "'.', starting with a letter or digit",
        "client_id_missing": "client id is missing: copy it from the Antom Dashboard",
        "client_id_invalid": "client id {client_id} is invalid: at most 64 letters, digits, "
        "'_', '-' or '.' (no spaces)",
        "client_id_not_sandbox": "client id {client_id} is not an Antom sandbox id (those "
        "start with 'SANDBOX_'); use environment 'production' for a live id",
        "client_id_sandbox": "client id {client_id} is an Antom sandbox id; use environment "
        "'antom-sandbox' for it",
        "key_version": "key version {version} is invalid: a positive whole number such as 1 "
        "(the Antom Dashboard shows it next to the key)",
        "gateway_url_missing": "gateway URL is missing (a preset: {presets}; or an https:// URL)",
        "notify_url_missing": "notify URL is missing",
        "url_invalid": "{what} {url} is not a valid URL: {problem}",
        "url_not_https": "{what} {url} must be an https:// URL with a host name",
        "url_plain_http": "{what} {url} uses plain http: only https is allowed, except to a "
        "gateway on this machine (127.0.0.1 / localhost)",
        "url_credentials": "{what} must not contain a user name or password",
        "url_query": "{what} {url} must not have a query or fragment",
        "url_path": "{what} {url} must be the base URL only (no path such as /ams/api: the "
        "client adds it)",
        "wallets_not_list": "wallets must be a list of paymentMethodType names",
        "wallet_unknown": "wallet {wallet} is not a known paymentMethodType (known: {known})",
        "no_wallet": "no wallet enabled: enable at least one paymentMethodType",
        "no_wallet_for_currency": "none of the enabled wallets ({wallets}) accepts "
        "{currency}; enable a wallet for {currency} or change the currency",
        "embedded_sandbox_profile_cannot_deleted": "the embedded sandbox profile cannot be deleted",
        "profile_must_json_object": "a profile must be a JSON object",
        "unknown_field_s": "unknown field(s) {unknown}",
        "missing_field_s": "missing field(s) {missing}",
        "wallets_must_list_paymentmethodtype_strings": "wallets must be a list of "
        "paymentMethodType strings",
        "must_string": "{key} must be a string",
        "notify_url_must_string_null": "notify_url must be a string or null",
        "profile_already_exists_use_replace_option": "profile {name!r} already exists (use the "
        "replace option to update it)",
        "profile_sandbox_embedded_sandbox_give_real": "profile 'sandbox' is the embedded sandbox; "
        "give a real account another name",
        "profile_cannot_renamed_create_new_one": "a profile cannot be renamed; create a new one",
        "profile_not_embedded_sandbox": "profile {name!r} is not the embedded sandbox",
    }


class ProfileNotFoundError(ProfileError):
    """No profile of that name."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "no_profile_named_profiles": "no profile named {name!r} (profiles: {profiles})",
        "no_profile_named": "no profile named {name!r}",
    }


class ProfileConfigError(ProfileError):
    """The profiles file exists but cannot be read; it is left exactly as it is. ``path``
    names it, ``backup`` the good ``.bak`` that can be restored (None if there is none)."""

    path: Path | None = None
    backup: Path | None = None
    MESSAGES: ClassVar[dict[str, str]] = {
        "damaged": "profiles file {path} is damaged: {problem}. It was left unchanged: fix "
        "or remove it",
        "damaged_with_backup": "profiles file {path} is damaged: {problem}. It was left "
        "unchanged: fix or remove it; the previous good version is "
        "{backup}: restore it with 'cashier profile restore-backup'",
        "unreadable": "profiles file {path} is unreadable: {problem}. It was left unchanged: "
        "fix or remove it",
        "unreadable_with_backup": "profiles file {path} is unreadable: {problem}. It was left "
        "unchanged: fix or remove it; the previous good version is "
        "{backup}: restore it with 'cashier profile restore-backup'",
        "no_usable_backup": "no usable backup {backup_path}: {problem}",
        "folder_move_away_first": "{path} is a folder: move it away first",
        "cannot_save_profiles_file": "cannot save profiles file {path}: {problem}",
        "nothing_was_changed": "{exc}; nothing was changed",
    }


class ProfileFileProblem(ProfileError):
    """What is wrong inside a damaged profiles file (the ``problem`` of its
    ProfileConfigError), so that the GUI says it in the operator's language."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "cannot_read": "it cannot be read ({problem})",
        "empty": "it is empty (a half-written save?)",
        "not_utf8": "it is not UTF-8 text",
        "not_format": "it is not a {format} document",
        "version": "format version {version} is not supported (this app reads version {supported})",
        "profiles_not_object": "'profiles' must be an object",
        "bad_profile": "profile {key}: {problem}",
        "wrong_name": "profile {key} has name {name}",
        "sandbox_not_embedded": "profile 'sandbox' must stay the embedded sandbox",
        "active_not_name": "'active' must be a profile name",
        "active_undefined": "active profile {name} is not defined in it",
    }


@dataclass(frozen=True, slots=True)
class Profile:
    """One merchant account on one gateway. Immutable; ``validated()`` checks every field."""

    name: str
    environment: Environment
    client_id: str
    currency: str
    gateway_url: str = ""  #: empty for the embedded sandbox (started in-process)
    key_version: str = DEFAULT_KEY_VERSION
    notify_url: str | None = None
    wallets: tuple[str, ...] = field(default_factory=tuple)
    merchant_name: str = ""
    dialect: str = dialects.ANTOM  #: "antom", or "alipayhk" for the legacy envelope (seed 004)
    merchant_id: str = ""  #: AlipayHK merchantId (the envelope's body.merchantId)
    #: the largest sale, in minor units; None: the currency's default (domain/limits.py)
    max_sale_minor: int | None = None
    #: from this amount on the till asks before charging; None: the currency's default
    confirm_sale_minor: int | None = None

    #: "online" (Checkout Payment, CASHIER_PAYMENT) or "in-store" (IN_STORE_PAYMENT: scan
    #: the customer's code, or show an order code).
    product: str = PRODUCT_ONLINE
    #: In-store: the merchant category code (4 digits), the store (id, name, MCC) and this
    #: till's terminal id, as Antom's in-store pay asks for them.
    merchant_mcc: str = ""
    store_id: str = ""
    store_name: str = ""
    store_mcc: str = ""
    terminal_id: str = ""

    def sale_limits(self) -> SaleLimits:
        """The largest sale and the confirmation threshold, defaults filled in."""
        return SaleLimits.for_profile(self.currency, self.max_sale_minor, self.confirm_sale_minor)

    @property
    def is_embedded_sandbox(self) -> bool:
        return self.environment == Environment.EMBEDDED_SANDBOX

    def validated(self) -> Profile:
        """This profile with values normalised; raises ProfileError naming a bad field."""
        name = check_name(self.name)
        try:
            env = Environment(self.environment)
        except ValueError:
            raise ProfileError.of(
                "bad_environment",
                environment=repr(self.environment),
                choices=", ".join(e.value for e in Environment),
            ) from None
        client_id = check_client_id(self.client_id, env)
        try:
            currency = check_currency(self.currency)
        except MoneyError as exc:
            raise ProfileError.of("in_profile", name=repr(name), problem=exc) from None
        if env is Environment.EMBEDDED_SANDBOX:
            if self.gateway_url:
                raise ProfileError.of("embedded_has_url")
            gateway = ""
        else:
            gateway = check_url(self.gateway_url, Term("gateway URL"), base_only=True)
        notify = check_url(self.notify_url, Term("notify URL")) if self.notify_url else None
        try:
            dialect = dialects.check_dialect(self.dialect)
        except ValueError as exc:
            raise ProfileError.of("in_profile", name=repr(name), problem=exc) from None
        raw_wallets = self.wallets
        if dialect == dialects.ALIPAYHK:
            if currency != dialects.ALIPAYHK_CURRENCY:
                raise ProfileError.of("alipayhk_currency", name=repr(name), currency=currency)
            raw_wallets = raw_wallets or dialects.ALIPAYHK_METHODS
        wallets = check_wallets(raw_wallets, currency)
        key_version = check_key_version(self.key_version)
        merchant = str(self.merchant_name or "").strip()
        if len(merchant) > 128 or any(ord(c) < 32 for c in merchant):
            raise ProfileError.of("merchant_name")
        merchant_id = str(self.merchant_id or "").strip()
        if merchant_id and not _MERCHANT_ID_RE.fullmatch(merchant_id):
            raise ProfileError.of("merchant_id")
        if dialect == dialects.ALIPAYHK:
            extra = sorted(set(wallets) - set(dialects.ALIPAYHK_METHODS))
            if extra:
                raise ProfileError.of("alipayhk_wallets", name=repr(name), wallets=", ".join(extra))
        try:
            SaleLimits.for_profile(currency, self.max_sale_minor, self.confirm_sale_minor)
        except SaleLimitError as exc:
            raise ProfileError.of("in_profile", name=repr(name), problem=exc) from None
        product = str(self.product or PRODUCT_ONLINE).strip()
        if product not in PRODUCTS:
            raise ProfileError.of(
                "bad_product", name=repr(name), product=repr(product), choices=", ".join(PRODUCTS)
            )
        store = {k: str(getattr(self, k) or "").strip() for k in STORE_FIELDS}
        done = Profile(
            name,
            env,
            client_id,
            currency,
            gateway,
            key_version,
            notify,
            wallets,
            merchant,
            dialect,
            merchant_id,
            self.max_sale_minor,
            self.confirm_sale_minor,
            product,
            **store,
        )
        if product == PRODUCT_IN_STORE:
            if dialect != dialects.ANTOM:
                raise ProfileError.of("instore_dialect", name=repr(name))
            try:
                done.store_info().check()
            except ValueError as exc:
                raise ProfileError.of("in_profile", name=repr(name), problem=exc) from None
        return done

    def store_info(self) -> StoreInfo:
        """The in-store merchant/store/terminal fields, with demo values for the embedded
        sandbox where a field is left empty."""
        demo = self.is_embedded_sandbox
        return StoreInfo(
            merchant_id=self.merchant_id or ("DEMO-MERCHANT" if demo else ""),
            merchant_mcc=self.merchant_mcc or ("5812" if demo else ""),
            merchant_name=self.merchant_name or ("Demo Store" if demo else ""),
            store_id=self.store_id or ("DEMO-STORE-1" if demo else ""),
            store_name=self.store_name or self.merchant_name or ("Demo Store" if demo else ""),
            store_mcc=self.store_mcc or self.merchant_mcc or ("5812" if demo else ""),
            terminal_id=self.terminal_id or ("TILL-01" if demo else ""),
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["environment"] = self.environment.value
        data["wallets"] = list(self.wallets)
        return data

    @classmethod
    def from_json(cls, data: object) -> Profile:
        if not isinstance(data, dict):
            raise ProfileError.of("profile_must_json_object")
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(data) - known)
        if unknown:
            raise ProfileError.of("unknown_field_s", unknown=", ".join(unknown))
        missing = sorted({"name", "environment", "client_id", "currency"} - set(data))
        if missing:
            raise ProfileError.of("missing_field_s", missing=", ".join(missing))
        wallets = data.get("wallets", [])
        if not isinstance(wallets, list) or not all(isinstance(w, str) for w in wallets):
            raise ProfileError.of("wallets_must_list_paymentmethodtype_strings")
        for key in (
            "name",
            "environment",
            "client_id",
            "currency",
            "gateway_url",
            "key_version",
            "merchant_name",
            "dialect",
            "merchant_id",
            "product",
            *STORE_FIELDS,
        ):
            if key in data and not isinstance(data[key], str):
                raise ProfileError.of("must_string", key=key)
        if data.get("notify_url") is not None and not isinstance(data["notify_url"], str):
            raise ProfileError.of("notify_url_must_string_null")
        return cls(**{**data, "wallets": tuple(wallets)}).validated()


def default_sandbox_profile() -> Profile:
    """The profile that exists on first start: the embedded sandbox, every wallet, HKD."""
    return Profile(
        SANDBOX_PROFILE,
        Environment.EMBEDDED_SANDBOX,
        SANDBOX_CLIENT_ID,
        "HKD",
        wallets=tuple(methods.CATALOG),
        merchant_name="Demo Store",
    )


# -- field checks ---------------------------------------------------------------------


def check_name(name: object) -> str:
    if not isinstance(name, str) or not _NAME_RE.fullmatch(name):
        raise ProfileError.of("bad_name", name=repr(name))
    return name


def check_client_id(client_id: object, env: Environment) -> str:
    text = client_id.strip() if isinstance(client_id, str) else ""
    if not text:
        raise ProfileError.of("client_id_missing")
    if not _CLIENT_ID_RE.fullmatch(text):
        raise ProfileError.of("client_id_invalid", client_id=repr(text))
    sandbox_id = text.startswith("SANDBOX_")
    if env is Environment.ANTOM_SANDBOX and not sandbox_id:
        raise ProfileError.of("client_id_not_sandbox", client_id=repr(text))
    if env is Environment.PRODUCTION and sandbox_id:
        raise ProfileError.of("client_id_sandbox", client_id=repr(text))
    return text


def check_key_version(version: object) -> str:
    text = str(version).strip() if isinstance(version, (str, int)) else ""
    if not _KEY_VERSION_RE.fullmatch(text):
        raise ProfileError.of("key_version", version=repr(version))
    return text


def resolve_gateway(value: str) -> str:
    """A preset name (``asia``, ``na``...) or a URL, as the user typed it, to a URL."""
    return GATEWAY_PRESETS.get(value.strip().lower(), value.strip())


def check_url(url: object, what: str, *, base_only: bool = False) -> str:
    """``https://host[:port]`` (or plain http to a loopback host, for local gateways)."""
    text = url.strip() if isinstance(url, str) else ""
    if not text:
        if base_only:
            raise ProfileError.of("gateway_url_missing", presets=", ".join(GATEWAY_PRESETS))
        raise ProfileError.of("notify_url_missing")
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
        _ = parts.port  # raises ValueError on a bad port
    except ValueError as exc:
        raise ProfileError.of("url_invalid", what=what, url=repr(text), problem=exc) from None
    if parts.scheme not in ("https", "http") or not host:
        raise ProfileError.of("url_not_https", what=what, url=repr(text))
    if parts.scheme == "http" and not is_loopback_host(host):
        raise ProfileError.of("url_plain_http", what=what, url=repr(text))
    if parts.username or parts.password:
        raise ProfileError.of("url_credentials", what=what)
    if parts.fragment or (base_only and parts.query):
        raise ProfileError.of("url_query", what=what, url=repr(text))
    if base_only:
        if parts.path not in ("", "/"):
            raise ProfileError.of("url_path", what=what, url=repr(text))
        return f"{parts.scheme}://{parts.netloc}"
    return text


def check_wallets(wallets: object, currency: str) -> tuple[str, ...]:
    if isinstance(wallets, str) or not isinstance(wallets, (list, tuple)):
        raise ProfileError.of("wallets_not_list")
    result: list[str] = []
    for raw in wallets:
        try:
            method = methods.get(str(raw))
        except methods.UnknownMethodError:
            raise ProfileError.of(
                "wallet_unknown", wallet=repr(raw), known=", ".join(methods.CATALOG)
            ) from None
        if method.type not in result:
            result.append(method.type)
    if not result:
        raise ProfileError.of("no_wallet")
    if not methods.methods_for(currency, result):
        raise ProfileError.of(
            "no_wallet_for_currency", wallets=", ".join(result), currency=currency
        )
    return tuple(result)


# -- the store ------------------------------------------------------------------------


@dataclass(slots=True)
class _State:
    active: str
    profiles: dict[str, Profile]


class ProfileStore:
    """Profiles in ``<config_dir>/profiles.json``, re-read on every call (several processes
    such as the GUI and the CLI may share it). The sandbox profile always exists."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else paths.config_dir() / FILE_NAME
        self._checking_backup = False

    @property
    def backup_path(self) -> Path:
        return self.path.with_name(self.path.name + ".bak")

    # reading ---------------------------------------------------------------------------
    def _load(self) -> _State:
        sandbox = default_sandbox_profile()
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return _State(SANDBOX_PROFILE, {SANDBOX_PROFILE: sandbox})
        except OSError as exc:
            raise self._corrupt(
                ProfileFileProblem.of("cannot_read", problem=exc),
                damaged="unreadable",
            ) from None
        state = self._parse(raw)
        state.profiles.setdefault(SANDBOX_PROFILE, sandbox)
        if state.active not in state.profiles:
            raise self._corrupt(ProfileFileProblem.of("active_undefined", name=repr(state.active)))
        return state

    def _corrupt(self, problem: str | CashierError, damaged: str = "damaged") -> ProfileConfigError:
        """The error for a profiles file that cannot be used. Nothing falls back to the
        demo sandbox on it: a till that quietly took demo "payments" would hand over goods
        that were never paid."""
        backup = not self._checking_backup and self._backup_usable()
        code = f"{damaged}_with_backup" if backup else damaged
        error = ProfileConfigError.of(
            code, path=self.path, problem=problem, backup=self.backup_path
        )
        error.path = self.path
        error.backup = self.backup_path if backup else None
        return error

    def _backup_usable(self) -> bool:
        try:
            self._parse_plain(self.backup_path.read_bytes())
        except (OSError, ProfileConfigError):
            return False
        return True

    def _parse_plain(self, raw: bytes) -> _State:
        """Parse without naming a backup (used to check the backup itself)."""
        saved, self.path, self._checking_backup = self.path, self.backup_path, True
        try:
            return self._parse(raw)
        finally:
            self.path, self._checking_backup = saved, False

    def restore_backup(self) -> Profile:
        """Replace a damaged profiles file with its ``.bak`` (the previous good version),
        keeping the damaged one as ``profiles.json.damaged``; returns the active profile.
        Refused (ProfileConfigError) when the backup is missing or damaged too."""
        with atomic.locked(self.path):
            try:
                raw = self.backup_path.read_bytes()
            except OSError as exc:
                raise ProfileConfigError.of(
                    "no_usable_backup", backup_path=self.backup_path, problem=exc
                ) from None
            state = self._parse_plain(raw)
            if self.path.is_file():
                atomic_write(
                    self.path.with_name(self.path.name + ".damaged"),
                    self.path.read_bytes(),
                    mode=0o600,
                )
            elif self.path.is_dir():
                raise ProfileConfigError.of("folder_move_away_first", path=self.path)
            atomic_write(self.path, raw, mode=0o600)
        state.profiles.setdefault(SANDBOX_PROFILE, default_sandbox_profile())
        return state.profiles.get(state.active, state.profiles[SANDBOX_PROFILE])

    def _parse(self, raw: bytes) -> _State:
        if not raw.strip():
            raise self._corrupt(ProfileFileProblem.of("empty"))
        try:
            doc = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise self._corrupt(ProfileFileProblem.of("not_utf8")) from None
        except json.JSONDecodeError as exc:
            raise self._corrupt(JsonSyntaxProblem.of_decode_error(exc)) from None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise self._corrupt(ProfileFileProblem.of("not_format", format=FORMAT))
        if doc.get("version") != FORMAT_VERSION:
            raise self._corrupt(
                ProfileFileProblem.of(
                    "version", version=repr(doc.get("version")), supported=FORMAT_VERSION
                )
            )
        items = doc.get("profiles")
        if not isinstance(items, dict):
            raise self._corrupt(ProfileFileProblem.of("profiles_not_object"))
        profiles: dict[str, Profile] = {}
        for key, value in items.items():
            try:
                profile = Profile.from_json(value)
            except ProfileError as exc:
                raise self._corrupt(
                    ProfileFileProblem.of("bad_profile", key=repr(key), problem=exc)
                ) from None
            if profile.name != key:
                raise self._corrupt(
                    ProfileFileProblem.of("wrong_name", key=repr(key), name=repr(profile.name))
                )
            if key == SANDBOX_PROFILE and not profile.is_embedded_sandbox:
                raise self._corrupt(ProfileFileProblem.of("sandbox_not_embedded"))
            profiles[key] = profile
        active = doc.get("active", SANDBOX_PROFILE)
        if not isinstance(active, str):
            raise self._corrupt(ProfileFileProblem.of("active_not_name"))
        return _State(active, profiles)

    # writing ---------------------------------------------------------------------------
    def _write(self, state: _State) -> None:
        doc = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "active": state.active,
            "profiles": {n: p.to_json() for n, p in sorted(state.profiles.items())},
        }
        data = (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
        try:
            if self.path.exists():
                # _load() has just parsed it, so this is a good version worth keeping.
                atomic_write(self.backup_path, self.path.read_bytes(), mode=0o600)
            atomic_write(self.path, data, mode=0o600)
        except OSError as exc:
            raise ProfileConfigError.of(
                "cannot_save_profiles_file", path=self.path, problem=exc
            ) from None

    @contextlib.contextmanager
    def _changing(self) -> Iterator[_State]:
        """Load, let the caller change, and write the state, under a lock shared with every
        other cashier process (nothing is written when the caller raises)."""
        try:
            with atomic.locked(self.path):
                state = self._load()
                yield state
                self._write(state)
        except atomic.FileLockTimeout as exc:
            raise ProfileConfigError.of("nothing_was_changed", exc=exc) from None

    # API -------------------------------------------------------------------------------
    def list(self) -> list[Profile]:
        """All profiles, the sandbox first, then by name."""
        state = self._load()
        return sorted(
            state.profiles.values(), key=lambda p: (p.name != SANDBOX_PROFILE, p.name.lower())
        )

    def names(self) -> builtins.list[str]:
        return [p.name for p in self.list()]

    def get(self, name: str) -> Profile:
        state = self._load()
        try:
            return state.profiles[name]
        except KeyError:
            raise ProfileNotFoundError.of(
                "no_profile_named_profiles", name=name, profiles=", ".join(sorted(state.profiles))
            ) from None

    def active_name(self) -> str:
        return self._load().active

    def active(self) -> Profile:
        state = self._load()
        return state.profiles[state.active]

    def resolve(self, name: str | None) -> Profile:
        """The named profile, or the active one when ``name`` is None or empty."""
        return self.get(name) if name else self.active()

    def save(self, profile: Profile, *, replace_existing: bool = False) -> Profile:
        """Create (or with ``replace_existing`` update) a profile; returns it validated."""
        checked = profile.validated()
        with self._changing() as state:
            if checked.name in state.profiles and not replace_existing:
                raise ProfileError.of(
                    "profile_already_exists_use_replace_option", name=checked.name
                )
            if checked.name == SANDBOX_PROFILE and not checked.is_embedded_sandbox:
                raise ProfileError.of("profile_sandbox_embedded_sandbox_give_real")
            state.profiles[checked.name] = checked
        return checked

    def update(self, name: str, /, **changes: Any) -> Profile:
        """Change some fields of an existing profile (e.g. ``key_version`` after a rotation)."""
        current = self.get(name)
        if "name" in changes and changes["name"] != name:
            raise ProfileError.of("profile_cannot_renamed_create_new_one")
        return self.save(replace(current, **changes), replace_existing=True)

    def use(self, name: str) -> Profile:
        """Make ``name`` the active profile."""
        with self._changing() as state:
            if name not in state.profiles:
                raise ProfileNotFoundError.of("no_profile_named", name=name)
            state.active = name
        return state.profiles[name]

    def delete(self, name: str) -> None:
        """Remove a profile (its keys are the key store's business). The sandbox stays."""
        if name == SANDBOX_PROFILE:
            raise ProfileError.of("embedded_sandbox_profile_cannot_deleted")
        with self._changing() as state:
            if name not in state.profiles:
                raise ProfileNotFoundError.of("no_profile_named", name=name)
            del state.profiles[name]
            if state.active == name:
                state.active = SANDBOX_PROFILE
