"""Who is at the till, and what needs a manager's PIN (enforced here, not only in the UI).

With no operators set up the till works as it always has: nobody signs in, nothing is
approved, and the journal records no operator. Once the first (manager) account exists,
a sale needs someone signed in, and refunds, the cancel of a paid payment and changes of
profiles, keys or operators need a manager's PIN, typed for that one act.
"""

from __future__ import annotations

import logging
import threading

from cashier_app.checkout.errors import ApprovalRequired, SignInRequired
from cashier_app.operators import Operator, OperatorError, PinEntry
from cashier_app.operators.store import OperatorBook

log = logging.getLogger(__name__)

#: What a manager approves -> the ApprovalRequired code naming it.
REFUND, CANCEL_PAID, SETUP = "approve_refund", "approve_cancel_paid", "approve_setup"


class TillSession:
    """The operator signed in at this till (None: nobody) over an OperatorStore (None: the
    till keeps no operators, e.g. a throw-away CLI run with ``--journal``). Every method
    may block on SQLite and scrypt: workers only."""

    def __init__(self, store: OperatorBook | None = None) -> None:
        self.store = store
        self._current: Operator | None = None
        self._guard = threading.Lock()
        #: what ``required()`` last found: the GUI reads this without touching SQLite
        #: (checkout itself always asks the file)
        self.enforced = False

    @property
    def current(self) -> Operator | None:
        return self._current

    @property
    def operator_name(self) -> str | None:
        """Who the journal records (None when nobody is signed in)."""
        current = self._current
        return current.name if current is not None else None

    @property
    def store_offline(self) -> bool:
        """Store mode: the store server did not answer when last asked, so operators are
        signed in from this till's copy of the store's accounts (the UI says so)."""
        return bool(getattr(self.store, "offline", False))

    def required(self) -> bool:
        """Whether operators are set up (then sign-in and approvals are enforced)."""
        self.enforced = self.store is not None and self.store.configured()
        return self.enforced

    def carry_over(self, operator: Operator | None) -> None:
        """Keep the operator signed in when the till's services are rebuilt (a change of
        profile): same till, same person, already checked."""
        with self._guard:
            self._current = operator

    def accounts(self, approval: PinEntry | None) -> Accounts:
        """The accounts, to change, after a manager's PIN (none needed while no operator
        exists: the first one must then be a manager). ApprovalRequired / OperatorError."""
        if self.store is None:
            raise OperatorError.of("no_operators")
        manager = self.approve(approval, SETUP)
        return Accounts(self.store, self, manager)

    def check_manager(self, entry: PinEntry) -> Operator:
        """The manager ``entry`` names, when the PIN is theirs (OperatorError otherwise):
        the approval dialog's check before the act, which checks again."""
        if self.store is None:
            raise OperatorError.of("unknown", name=entry.name)
        return self.store.verify_manager(entry.name, entry.pin)

    def sign_in(self, entry: PinEntry) -> Operator:
        """Sign ``entry.name`` in; OperatorError (wrong PIN, locked, ...) otherwise."""
        if self.store is None:
            raise OperatorError.of("unknown", name=entry.name)
        op = self.store.verify(entry.name, entry.pin)
        with self._guard:
            self._current = op
        log.info("operator %s (%s) signed in", op.name, op.role)
        return op

    def sign_out(self) -> None:
        with self._guard:
            op, self._current = self._current, None
        if op is not None:
            log.info("operator %s signed out", op.name)

    def require_signed_in(self) -> None:
        if self._current is None and self.required():
            raise SignInRequired.of("sign_in_first")

    def approve(self, approval: PinEntry | None, act: str) -> str:
        """The approving manager's name; "" when no operators are set up. ApprovalRequired
        when none was given, OperatorError for a wrong PIN, a lock or a cashier."""
        if not self.required():
            return ""
        if approval is None:
            raise ApprovalRequired.of(act)
        assert self.store is not None
        manager = self.store.verify_manager(approval.name, approval.pin)
        log.info("%s approved by manager %s", act.removeprefix("approve_"), manager.name)
        return manager.name


class Accounts:
    """Changes of operator accounts, handed out by :meth:`TillSession.accounts` once a
    manager's PIN was right (or to set up the first manager): holds no PIN itself."""

    def __init__(self, store: OperatorBook, session: TillSession, manager: str) -> None:
        self._store = store
        self._session = session
        self.manager = manager  #: who approved ("" while no operator exists yet)

    def list(self) -> list[Operator]:
        return self._store.list()

    def _done(self, what: str, name: str) -> None:
        log.info("operator %s: %s (by %s)", name, what, self.manager or "first set-up")
        self._session.required()  # the GUI's cached flag follows at once

    def add(self, name: str, role: str, pin: str) -> Operator:
        op = self._store.add(name, role, pin)
        self._done(f"added as {role}", op.name)
        return op

    def set_pin(self, name: str, pin: str) -> None:
        self._store.set_pin(name, pin)
        self._done("PIN changed", name)

    def set_role(self, name: str, role: str) -> Operator:
        op = self._store.set_role(name, role)
        self._done(f"now {role}", op.name)
        return op

    def unlock(self, name: str) -> None:
        self._store.unlock(name)
        self._done("unlocked", name)

    def remove(self, name: str) -> None:
        self._store.remove(name)
        current = self._session.current
        if current is not None and current.name.casefold() == name.strip().casefold():
            self._session.sign_out()
        self._done("removed", name)
