"""Where the store server is: the DSN without its password (``store.json`` in the config
folder) and the password in the key store; connections opened from the two.

psycopg is imported here and in the rest of ``store/`` only, and only ever called off the
GUI thread (the replicator's thread, the CLI, a QThreadPool worker of the store views).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from cashier_app.domain.errors import CashierError
from cashier_app.domain.values import dataclass
from cashier_app.support import paths

if TYPE_CHECKING:
    import psycopg

    from cashier_app.keystore.store import KeyStore

#: Seconds a connection attempt may take before the store counts as unreachable.
CONNECT_TIMEOUT = 5


class StoreError(CashierError):
    """The store server cannot be used (not joined, unreachable, refused); the message
    says which, never with the password."""

    layer = "store"
    MESSAGES: ClassVar[dict[str, str]] = {
        "unreachable": "cannot reach the store at {where}: {why}",
        "view_unreachable": "the store server cannot be reached, so the whole store cannot "
        "be shown now ({problem}); this till's own view still works",
        "refund_unreachable": "the store server cannot be reached, so a sale of till {till} "
        "cannot be refunded here now ({problem}); nothing was sent: refund it at till {till} "
        "or try again once the store is back",
        "dsn_not_postgresql_connection_string_e": "the DSN is not a PostgreSQL connection string "
        "(e.g. 'host=db.example user=cashier dbname=store' or "
        "'postgresql://cashier@db.example/store')",
        "store_push_failed_kept_later": "store push failed (kept for later): {exc}",
        "store_unreachable": "store unreachable: {exc}",
        "still_down": "{error}",
        "no_operators_yet": "the store keeps no operators yet (its schema is older): run "
        "'cashier store init --dsn ...' with this cashier",
        "server_stopped_answering": "the store server stopped answering: {detail}",
        "server_refused": "the store server refused: {detail}",
        "store_link_unreadable": "the store link {path} is unreadable: {exc}",
        "store_link_lacks_dsn_till_id": "the store link {path} lacks 'dsn' or 'till_id'",
        "store_s_password_key_store_which": "the store's password is in the key store, which "
        "cannot be opened: {exc}",
    }


def config_path() -> Path:
    return paths.store_link_path()


def split_password(dsn: str) -> tuple[str, str | None]:
    """``(dsn without its password, the password or None)``; both libpq forms
    (``host=... password=...`` and ``postgresql://user:pw@host/db``). StoreError naming the
    problem when it is not a DSN (the text is never repeated: it may hold the password)."""
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    try:
        params = conninfo_to_dict(dsn.strip())
    except Exception:
        raise StoreError.of("dsn_not_postgresql_connection_string_e") from None
    password = params.pop("password", None)
    return make_conninfo("", **{k: str(v) for k, v in params.items()}), (
        str(password) if password is not None else None
    )


def describe(dsn: str) -> str:
    """``user@host:port/dbname`` of a DSN, for messages (never the password)."""
    from psycopg.conninfo import conninfo_to_dict

    p = conninfo_to_dict(dsn)
    where = p.get("host") or p.get("hostaddr") or "local socket"
    port = f":{p['port']}" if p.get("port") else ""
    user = f"{p['user']}@" if p.get("user") else ""
    return f"{user}{where}{port}/{p.get('dbname') or p.get('user') or ''}"


def connect(
    dsn: str,
    password: str | None = None,
    *,
    autocommit: bool = True,
    timeout: float = CONNECT_TIMEOUT,
) -> psycopg.Connection[Any]:
    """A connection, or StoreError saying why not (server down, refused, wrong password)."""
    import psycopg

    kwargs: dict[str, Any] = {"connect_timeout": max(1, int(timeout))}
    if password is not None:
        kwargs["password"] = password
    try:
        return psycopg.connect(dsn, autocommit=autocommit, application_name="cashier", **kwargs)
    except psycopg.Error as exc:
        raise StoreError.of("unreachable", where=describe(dsn), why=_first_line(exc)) from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


@dataclass(frozen=True, slots=True)
class StoreLink:
    """This installation's link to its store: the DSN (no password) and its till id."""

    dsn: str
    till_id: str

    def save(self, path: Path | None = None) -> Path:
        path = path or config_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(
            json.dumps({"dsn": self.dsn, "till_id": self.till_id}, indent=2) + "\n",
            encoding="utf-8",
        )
        os.replace(tmp, path)
        return path

    @classmethod
    def load(cls, path: Path | None = None) -> StoreLink | None:
        """The saved link, None when this installation has not joined a store."""
        path = path or config_path()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise StoreError.of("store_link_unreadable", path=path, exc=exc) from None
        if not isinstance(data, dict) or not data.get("dsn") or not data.get("till_id"):
            raise StoreError.of("store_link_lacks_dsn_till_id", path=path)
        return cls(str(data["dsn"]), str(data["till_id"]))

    def password(self, keys: KeyStore) -> str | None:
        return keys.store_password(self.dsn)

    def connect(self, keys: KeyStore | None, **kwargs: Any) -> psycopg.Connection[Any]:
        return connect(self.dsn, self.password(keys) if keys is not None else None, **kwargs)
