"""What the UI is handed by the composition root (``app.AppBackend``): typed, Qt-free.

The window and its dialogs never build services, key stores or profile stores themselves
and never import ``cashier_app.app``: they receive a :class:`Backend` and the
:class:`Services` it builds (on a worker thread: every call here may touch the keyring,
the journal or the network)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from cashier_app.checkout.operators import TillSession
    from cashier_app.checkout.paykit import PaymentKit
    from cashier_app.checkout.service import CheckoutService
    from cashier_app.gateway.antom import AntomClient
    from cashier_app.journal import Journal
    from cashier_app.keystore.profiles import Profile, ProfileStore
    from cashier_app.keystore.store import KeyStore
    from cashier_app.sandbox.control import SimulatorClient
    from cashier_app.sandbox.gateway import SandboxGateway


class Services(Protocol):
    """One profile's running services (``app.Services`` is the implementation)."""

    checkout: CheckoutService
    journal: Journal
    profile: Profile
    client: AntomClient
    simulator: SimulatorClient | None
    sandbox: SandboxGateway | None
    paykit: PaymentKit
    session: TillSession | None

    @property
    def exclusive(self) -> bool: ...

    def in_use_message(self) -> str: ...

    def close(self) -> None: ...


class Backend(Protocol):
    """How the UI gets its services and stores; each call runs on a worker."""

    def build_services(
        self, profile_name: str | None, *, keystore_passphrase: bytes | None = None
    ) -> Services:
        """Start a profile's services (None: the active profile); raises
        ``PassphraseRequiredError`` when the keys are in the encrypted file and no
        passphrase was given."""
        ...

    def open_keystore(self, passphrase: bytes | None = None) -> KeyStore:
        """The key store the services use; ``PassphraseRequiredError`` as above."""
        ...

    def profile_store(self) -> ProfileStore:
        """The merchant profiles file."""
        ...
