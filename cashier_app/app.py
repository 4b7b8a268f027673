"""Composition root: builds the gateway client, journal, checkout service (and sandbox)."""

from __future__ import annotations

import contextlib
import shutil
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from cashier_app.domain.errors import CashierError
from cashier_app.domain.values import dataclass, field
from cashier_app.support import paths

if TYPE_CHECKING:  # the GUI imports this module before its first paint: no crypto yet
    from cryptography.hazmat.primitives.asymmetric import rsa

    from cashier_app.checkout.operators import TillSession
    from cashier_app.checkout.service import CheckoutService
    from cashier_app.gateway.antom import AntomClient
    from cashier_app.gateway.notify import Notification, NotificationListener
    from cashier_app.gateway.signing import Signer, Verifier
    from cashier_app.journal import Journal
    from cashier_app.journal.tilllock import TillLock
    from cashier_app.keystore.profiles import Profile, ProfileStore
    from cashier_app.keystore.store import KeyStore
    from cashier_app.sandbox.control import SimulatorClient
    from cashier_app.sandbox.gateway import SandboxGateway
    from cashier_app.store.reader import StoreReader
    from cashier_app.store.replicator import Replicator
    from cashier_app.store.views import StoreView

#: Profile name and client id of the embedded sandbox (same as the keystore's defaults).
EMBEDDED_PROFILE = "sandbox"
EMBEDDED_CLIENT_ID = "SANDBOX_CASHIER_DEMO"


def _embedded_gateway_key() -> rsa.RSAPrivateKey:
    """The embedded sandbox's signing key: the published demo gateway key
    (``gateway/demo_keys.py``), which every real profile and gateway refuses."""
    from cashier_app.gateway import demo_keys

    return demo_keys.gateway_key()


@dataclass(slots=True)
class Credentials:
    """Everything needed to talk to one gateway as one merchant."""

    profile: Profile
    gateway_url: str  #: empty for the embedded sandbox (known once it has started)
    client_id: str
    signer: Signer = field(repr=False)
    verifier: Verifier | None = field(repr=False)  #: None: the embedded sandbox's key
    embedded: bool = False


class SetupError(CashierError):
    """The services cannot be composed from what was given; the message names what."""

    layer = "app"
    MESSAGES: ClassVar[dict[str, str]] = {
        "standalone_needs": "a standalone gateway needs {missing} as well",
    }


def resolve_credentials(
    profile_name: str | None = None,
    *,
    gateway_url: str | None = None,
    client_id: str | None = None,
    signer: Signer | None = None,
    verifier: Verifier | None = None,
    keystore_passphrase: bytes | None = None,
    dialect: str = "antom",
) -> Credentials:
    """Decide which gateway and keys to use. Explicit ``gateway_url`` + ``client_id`` +
    keys win (the CLI's options); else the named (or active) profile; the embedded sandbox
    profile gets an in-memory key pair. Raises SetupError naming what is missing, a
    ProfileError or a KeyStoreError (PassphraseRequiredError: ask the operator for the key
    file's passphrase and call again with ``keystore_passphrase``)."""
    from cashier_app.keystore.profiles import Environment, Profile, ProfileStore

    explicit = {
        "gateway_url": gateway_url,
        "client_id": client_id,
        "signer": signer,
        "verifier": verifier,
    }
    if any(v is not None for v in explicit.values()):
        missing = [k for k, v in explicit.items() if v is None]
        if missing:
            raise SetupError.of("standalone_needs", missing=", ".join(missing))
        assert gateway_url and client_id and signer and verifier
        from cashier_app.gateway.antom import check_gateway_url

        url = check_gateway_url(gateway_url)
        from cashier_app.gateway.demo_keys import refuse_demo_keys

        refuse_demo_keys(signer, verifier, target=url)
        env = (
            Environment.ANTOM_SANDBOX
            if client_id.startswith("SANDBOX_")
            else Environment.PRODUCTION
        )
        profile = Profile(
            client_id,
            env,
            client_id,
            "HKD",
            gateway_url=url,
            key_version=signer.key_version,
            dialect=dialect,
        )
        return Credentials(profile, url, client_id, signer, verifier)

    store = ProfileStore()
    profile = store.resolve(profile_name) if profile_name else _default_profile(store)
    from cashier_app.keystore.store import KeyStore

    if profile.is_embedded_sandbox:
        # The key store keeps the sandbox profile's key pair in process memory (never
        # the keyring, never a file); build_services registers its public half with
        # the embedded sandbox.
        keys = KeyStore(None)
        keys.ensure_sandbox_key(profile)
        return Credentials(
            profile,
            "",
            profile.client_id or EMBEDDED_CLIENT_ID,
            keys.signer(profile),
            None,
            embedded=True,
        )
    # A locked keyring, no backend, a missing key: the KeyStoreError names the profile.
    keys = KeyStore.open(passphrase=keystore_passphrase)
    signer, verifier = keys.signer(profile), keys.verifier(profile)
    from cashier_app.gateway.demo_keys import refuse_demo_keys

    refuse_demo_keys(signer, verifier, target=profile.name)
    return Credentials(profile, profile.gateway_url, profile.client_id, signer, verifier)


def _default_profile(store: Any) -> Profile:
    """The active profile. A damaged profiles file raises ProfileConfigError naming it: it
    is never taken for "no profiles yet", since falling back to the embedded demo sandbox
    would let a till take demo "payments" for real goods."""
    return store.active()  # type: ignore[no-any-return]


@dataclass(slots=True)
class Services:
    """What the UI and CLI get: use ``.checkout``; call ``.close()`` when done."""

    checkout: CheckoutService
    journal: Journal
    profile: Profile
    client: AntomClient
    simulator: SimulatorClient | None = None
    sandbox: SandboxGateway | None = None
    listener: NotificationListener | None = None  #: embedded sandbox: pushes land here
    till_lock: TillLock | None = None  #: held: this process may recover the profile
    session: TillSession | None = None  #: who is signed in (checkout.session, the same)
    store_link: Replicator | None = None  #: joined to a store: replicates the journal
    #: joined to a store: what the store views read (call it off the GUI thread)
    store_reader: StoreReader | None = None
    #: joined to a store: the whole store as History and End of day read it (workers only)
    store: StoreView | None = None
    _closed: bool = False
    _paykit: Any = None

    @property
    def paykit(self) -> Any:
        """The Payment Kit over ``checkout`` (the GUI's sale flow; AppBackend makes it with
        the services, on their worker), made at its first use: a headless pay never needs
        it, nor checkout/paykit.py's imports."""
        if self._paykit is None:
            self._paykit = _build_paykit(self.checkout, self.profile)
        return self._paykit

    @paykit.setter
    def paykit(self, kit: Any) -> None:
        self._paykit = kit

    @property
    def exclusive(self) -> bool:
        """True when no other live cashier process uses this profile on this journal, so
        recovering its unfinished payments cannot cancel a sale someone else is showing."""
        return self.till_lock is not None and self.till_lock.held

    def claim(self, wait: float = 30.0) -> None:
        """Make sure this process owns the profile before it creates a sale: take the till
        lock if it is free, waiting up to ``wait`` s while a recovery run holds it. Raises
        TillBusy (nothing journaled, nothing sent) when another live till owns it."""
        from cashier_app.checkout.errors import TillBusy

        lock = self.till_lock
        if lock is None or not lock.acquire_waiting(wait):
            raise TillBusy.for_profile(self.profile.name, lock.holder() if lock is not None else "")

    def in_use_message(self) -> str:
        holder = self.till_lock.holder() if self.till_lock is not None else ""
        who = f" (pid {holder})" if holder else ""
        return (
            f"another cashier process{who} is using profile {self.profile.name!r}; "
            "its unfinished payments are left to it"
        )

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self.till_lock is not None:
            self.till_lock.release()
        if self.listener is not None:
            self.listener.stop()
        if self.store_link is not None:
            self.store_link.stop()  # before the journal closes: it reads the outbox
        self.client.close()
        self.journal.close()
        if self.session is not None and self.session.store is not None:
            self.session.store.close()
        if self.sandbox is not None:
            self.sandbox.stop()

    def __enter__(self) -> Services:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _embedded_wrong_key() -> rsa.RSAPrivateKey:
    """What the embedded sandbox's ``wrong_key`` fault signs with: the published demo
    merchant key (anything but the gateway's key), already parsed; making a fresh RSA key
    there would hold the GIL, and so the GUI thread, for up to half a second."""
    from cashier_app.gateway import demo_keys

    return demo_keys.merchant_key()


def _start_embedded_sandbox(state_path: Path) -> SandboxGateway:
    """The embedded sandbox, back on the port it had last time when that port is free:
    the codes and links of a sale resumed after a restart embed its address."""
    from cashier_app.sandbox.gateway import SandboxError, SandboxGateway

    port_file = state_path.with_name(state_path.stem + ".port")
    try:
        last = int(port_file.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        last = 0
    for port in dict.fromkeys((last if 0 < last < 65536 else 0, 0)):
        sandbox = SandboxGateway(
            "127.0.0.1",
            port,
            gateway_private_key=_embedded_gateway_key(),
            state_path=state_path,
            bad_state="move_aside",
            wrong_key=_embedded_wrong_key(),
        )
        try:
            sandbox.start()
            break
        except SandboxError:
            if sandbox.store.state is not None:
                sandbox.store.state.close()  # the port is taken: let go, try any port
            if port == 0:
                raise
    with contextlib.suppress(OSError):  # a read-only data dir: next time any free port
        paths.private_file(port_file)  # 0600 like everything else in the data folder
        port_file.write_text(sandbox.url.rsplit(":", 1)[1], encoding="ascii")
    return sandbox


def build_services(
    profile_name: str | None = None,
    *,
    gateway_url: str | None = None,
    client_id: str | None = None,
    signer: Signer | None = None,
    verifier: Verifier | None = None,
    journal_path: Path | str | None = None,
    observer: Any = None,
    timeout: float = 10.0,
    expiry_seconds: int = 600,
    notifications: bool = True,
    keystore_passphrase: bytes | None = None,
    phases: Any = None,
    dialect: str = "antom",
    lock_purpose: str | None = None,
    store_link: bool = False,
) -> Services:
    """Build every service. With no arguments: the embedded sandbox, started in-process on
    127.0.0.1 with in-memory keys, and the journal at ``paths.journal_path()``.

    ``observer`` receives every HTTP exchange (the QA console). With the embedded sandbox
    and ``notifications``, a loopback listener receives its signed notifyPayment pushes
    (polling still runs: whichever verified answer comes first wins).

    ``phases`` (``cli.timings.Phases``) records how long each part took.

    ``store_link``: when this installation joined a store (``cashier store join``), start
    the replicator thread that pushes the journal to the store and settles the sales the
    store's notify listener heard of (the GUI; a one-sale ``cashier pay`` leaves its
    changes in the outbox for the next push)."""
    step = (
        (lambda name: phases.sub("services", name))
        if phases is not None
        else (lambda name: nullcontext())
    )
    with step("imports"):
        from cashier_app.checkout.service import CheckoutService
        from cashier_app.gateway.antom import AntomClient
        from cashier_app.gateway.notify import NotificationListener
        from cashier_app.journal import Journal

    with step("keys"):
        creds = resolve_credentials(
            profile_name,
            gateway_url=gateway_url,
            client_id=client_id,
            signer=signer,
            verifier=verifier,
            keystore_passphrase=keystore_passphrase,
            dialect=dialect,
        )
    with step("journal"):
        path = Path(journal_path or paths.journal_path())
        journal = Journal(path)
        from cashier_app.journal.crashpoints import notifications_suppressed
        from cashier_app.journal.tilllock import TILL, TillLock

        till_lock = TillLock(path.parent / "locks", creds.profile.name, lock_purpose or TILL)
        till_lock.acquire()
    try:
        session = open_session(path.parent)
    except BaseException:
        till_lock.release()
        journal.close()
        raise
    sandbox: SandboxGateway | None = None
    simulator: SimulatorClient | None = None
    client: AntomClient | None = None
    listener: NotificationListener | None = None
    try:
        url, gateway_verifier = creds.gateway_url, creds.verifier
        if creds.embedded:
            with step("sandbox"):
                from cashier_app.sandbox.control import SimulatorClient

                # Durable like a real gateway: a restart after a crash still knows the
                # payment. Kept beside the journal (the data dir by default): the two
                # sides of one till.
                sandbox = _start_embedded_sandbox(path.parent / "embedded-sandbox.sqlite3")
                sandbox.register_merchant(
                    creds.client_id, creds.signer.public_key(), creds.signer.key_version
                )
                url = sandbox.url
                from cashier_app.gateway.signing import Verifier

                gateway_verifier = Verifier(sandbox.gateway_public_key)
                simulator = SimulatorClient(sandbox.url)
        assert gateway_verifier is not None
        with step("client"):
            client = AntomClient(
                url,
                creds.client_id,
                creds.signer,
                gateway_verifier,
                timeout=timeout,
                observer=observer,
            )
        profile = creds.profile
        checkout = CheckoutService(
            _client_for_profile(client, profile),
            journal,
            profile=profile.name,
            merchant_name=profile.merchant_name,
            notify_url=profile.notify_url,
            expiry_seconds=expiry_seconds,
            gateway_url=url,
            client_id=creds.client_id,
            sale_limits=profile.sale_limits(),
            store=profile.store_info(),
            embedded=creds.embedded,
            owner=lambda: services.claim(),
            session=session,
        )
        if creds.embedded and notifications and not notifications_suppressed():

            def on_notification(n: Notification) -> None:
                checkout.handle_notification(n.path, n.headers, n.body)

            listener = NotificationListener(
                gateway_verifier, on_notification, expected_client_id=creds.client_id
            ).start()
            checkout.notify_url = listener.url
        services = Services(
            checkout,
            journal,
            profile,
            client,
            simulator,
            sandbox,
            listener=listener,
            till_lock=till_lock,
            session=session,
        )
        if store_link:
            linked = _start_store_link(checkout, journal, session.store)
            if linked is not None:
                services.store_link, services.store_reader, services.store = linked
        return services
    except BaseException:
        if session.store is not None:
            session.store.close()
        till_lock.release()
        if listener is not None:
            listener.stop()
        if client is not None:
            client.close()
        journal.close()
        if sandbox is not None:
            sandbox.stop()
        raise


def open_session(folder: Path | None = None) -> TillSession:
    """The till's session over its operators (nobody is signed in yet). Single-till
    installations keep them in ``operators.sqlite3`` beside the journal (the data folder by
    default); once the installation joined a store (``cashier store join``) they are the
    store's accounts in PostgreSQL, that file their copy for when the server is down."""
    from cashier_app.checkout.operators import TillSession

    return TillSession(open_operators(folder))


def open_operators(folder: Path | None = None) -> Any:
    """The operator accounts this till signs in against: an OperatorStore, or in store
    mode a StoreOperators over it (nothing is connected here)."""
    from cashier_app.operators.store import FILE_NAME, OperatorStore

    local = OperatorStore((folder or paths.data_dir()) / FILE_NAME)
    linked = store_connector(timeout=OPERATORS_CONNECT_TIMEOUT)
    if linked is None:
        return local
    from cashier_app.store.operators import StoreOperators

    link, connect = linked
    return StoreOperators(connect, local, till_id=link.till_id)


#: Seconds a sign-in waits for the store server before it uses the till's copy.
OPERATORS_CONNECT_TIMEOUT = 2.0


def store_connector(**connect_options: Any) -> tuple[Any, Any] | None:
    """``(StoreLink, connect)`` when this installation joined a store, else None (also when
    its link file is unusable: logged). ``connect()`` opens a new connection, the key store
    (the DSN's password) opened at its first call: on the caller's worker, never here."""
    if not paths.store_link_path().exists():  # a single till: store/ is not even imported
        return None
    import logging

    from cashier_app.store.connect import StoreError, StoreLink

    try:
        link = StoreLink.load()
    except StoreError as exc:
        logging.getLogger(__name__).warning("store link ignored: %s", exc)
        return None
    if link is None:
        return None
    keys: list[Any] = []

    def connect() -> Any:
        if not keys:
            from cashier_app.keystore.backends import KeyStoreError
            from cashier_app.keystore.store import KeyStore

            try:
                keys.append(KeyStore.open())
            except KeyStoreError as exc:
                raise StoreError.of("store_s_password_key_store_which", exc=exc) from None
        return link.connect(keys[0], **connect_options)

    return link, connect


def _start_store_link(
    checkout: CheckoutService, journal: Journal, operators: Any = None
) -> tuple[Replicator, StoreReader, StoreView] | None:
    """The store replicator of this installation, started, the store's reader and the
    whole store's view for History and End of day; None
    when it has not joined a store (or its link is unusable: logged, the till sells on its
    own journal). ``operators`` (store mode's StoreOperators) refresh the till's copy at
    every heartbeat and learn from the link when the store goes away; each time they go
    offline or back, ``checkout.changes`` says so (the status bar follows it)."""
    import logging

    from cashier_app.journal.outbox import Outbox
    from cashier_app.store.connect import StoreError, StoreLink

    log = logging.getLogger(__name__)
    try:
        link = StoreLink.load()
    except StoreError as exc:
        log.warning("store link ignored: %s", exc)
        return None
    if link is None:
        return None
    if Outbox(journal).till_id() != link.till_id:
        log.warning(
            "store link ignored: the journal %s is not till %r's", journal.path, link.till_id
        )
        return None
    from cashier_app.keystore.store import KeyStore
    from cashier_app.store.reader import StoreReader
    from cashier_app.store.replicator import Replicator

    keys = KeyStore.open()

    def settle(path: str, headers: dict[str, str], body: bytes) -> str:
        return settle_store_notification(checkout, path, headers, body)

    def connect() -> Any:
        return link.connect(keys)

    from cashier_app.store.refunds import StoreRefunds
    from cashier_app.store.views import StoreView

    checkout.store_refunds = StoreRefunds(connect, link.till_id)
    from cashier_app.checkout.changes import StoreContact

    if hasattr(operators, "on_offline_changed"):
        operators.on_offline_changed = lambda offline: checkout.changes.publish(
            StoreContact(online=not offline)
        )
    replicator = Replicator(
        journal,
        connect,
        link.till_id,
        settle=settle,
        on_contact=getattr(operators, "refresh", None),
        on_lost=getattr(operators, "went_down", None),
    ).start()
    reader = StoreReader(connect)
    return replicator, reader, StoreView(reader, link.till_id, journal)


def settle_store_notification(
    checkout: CheckoutService, path: str, headers: dict[str, str], body: bytes
) -> str:
    """Apply a notification the store recorded for this till: verified again with this
    till's own gateway key (``handle_notification``); one it refuses (too old: the till was
    off while Antom retried) is answered by asking the gateway, the polling fallback."""
    import json

    from cashier_app.checkout.errors import NotificationRejected

    try:
        settled = checkout.handle_notification(path, headers, body)
        return f"settled {settled.status.value}"
    except NotificationRejected as exc:
        try:
            prid = json.loads(body).get("paymentRequestId")
        except ValueError:
            prid = None
        rec = checkout.journal.get_payment(prid) if isinstance(prid, str) and prid else None
        if rec is not None and not rec.is_final and checkout.made_here(rec):
            rec = checkout.refresh(rec.payment_request_id)
            return f"inquired {rec.status.value} (notification refused: {exc})"
        return f"refused: {exc}"


def _client_for_profile(client: AntomClient, profile: Profile) -> AntomClient:
    """The profile's wire dialect: plain Antom, or the AlipayHK envelope for ``pay``."""
    if profile.dialect == "antom":
        return client
    from cashier_app.gateway.alipayhk import client_for_dialect

    wrapped = client_for_dialect(
        client,
        profile.dialect,
        merchant_id=profile.merchant_id,
        merchant_name=profile.merchant_name,
    )
    return cast("AntomClient", wrapped)  # an AntomClient look-alike (same methods)


def _build_paykit(checkout: CheckoutService, profile: Profile) -> Any:
    from cashier_app.checkout.paykit import PaymentKit

    return PaymentKit(
        checkout, enabled_methods=profile.wallets or None, merchant_name=profile.merchant_name
    )


@dataclass(frozen=True, slots=True)
class AppBackend:
    """What the GUI is handed (``ui.ports.Backend``): it builds services and opens the key
    and profile stores, so the UI never decides how they are made. ``expiry_seconds`` is
    passed to every ``build_services`` (tests shorten it). ``journal_path``: a journal of
    its own, with the embedded sandbox's state and the operators beside it (a GUI demo,
    which never writes the till's journal and never joins its store); None: the till's."""

    expiry_seconds: int = 600
    journal_path: Path | None = None

    def build_services(
        self, profile_name: str | None, *, keystore_passphrase: bytes | None = None
    ) -> Services:
        services = build_services(
            profile_name,
            keystore_passphrase=keystore_passphrase,
            expiry_seconds=self.expiry_seconds,
            journal_path=self.journal_path,
            store_link=self.journal_path is None,
        )
        services.paykit  # noqa: B018  # made here, on the caller's worker (not the GUI thread)
        return services

    def discard(self) -> None:
        """Remove the folder of a journal of its own (after the window has closed)."""
        if self.journal_path is not None:
            shutil.rmtree(self.journal_path.parent, ignore_errors=True)

    def open_keystore(self, passphrase: bytes | None = None) -> KeyStore:
        from cashier_app.keystore.store import KeyStore

        return KeyStore.open_interactive(passphrase)

    def profile_store(self) -> ProfileStore:
        from cashier_app.keystore.profiles import ProfileStore

        return ProfileStore()
