"""Operator accounts on a real SQLite file: salted scrypt PIN hashes with their parameters,
constant-time checks, lock-out counted on disk, and no PIN anywhere but its hash."""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from cashier_app.operators import CASHIER, MANAGER, OperatorError, OperatorStore, check_pin
from cashier_app.operators.lockout import LOCK_MINUTES, MAX_FAILURES
from cashier_app.operators.pins import hash_pin, verify_pin

PIN = "284917"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def store(tmp_path, clock):
    s = OperatorStore(tmp_path / "operators.sqlite3", clock=clock)
    s.add("Mei", MANAGER, PIN)
    s.add("Ana", CASHIER, "5801")
    yield s
    s.close()


def test_pin_hash_is_salted_scrypt_with_its_parameters():
    a, b = hash_pin(PIN), hash_pin(PIN)
    assert a != b  # a fresh salt each time
    scheme, n, r, p, _salt, _digest = a.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert verify_pin(PIN, a) and verify_pin(PIN, b)
    assert not verify_pin("284918", a)
    # stronger parameters later: a hash says how it was made
    assert verify_pin(PIN, hash_pin(PIN, n=2**15))
    assert not verify_pin(PIN, "scrypt$garbage")


@pytest.mark.parametrize(
    ("pin", "code"),
    [
        ("57", "pin_length"),
        ("1234567890123", "pin_length"),
        ("12a4", "pin_digits"),
        ("１２８４", "pin_digits"),  # full-width digits are not 0-9
        ("0000", "pin_trivial"),
        ("1234", "pin_trivial"),
        ("9876", "pin_trivial"),
    ],
)
def test_bad_new_pins_are_refused_by_name(pin, code):
    with pytest.raises(OperatorError) as info:
        check_pin(pin)
    assert info.value.code == code
    assert pin not in "".join(info.value.params.values())  # only the rule, never the PIN


def test_verify_signs_in_and_names_the_role(store):
    op = store.verify("mei", PIN)  # names are case-insensitive
    assert (op.name, op.role, op.is_manager) == ("Mei", MANAGER, True)
    assert store.verify("Ana", "5801").role == CASHIER
    with pytest.raises(OperatorError) as info:
        store.verify_manager("Ana", "5801")
    assert info.value.code == "not_manager"


def test_wrong_pins_lock_the_account_on_disk_with_when_it_lifts(tmp_path, store, clock):
    for left in range(MAX_FAILURES - 1, 0, -1):
        with pytest.raises(OperatorError) as info:
            store.verify("Ana", "0001")
        assert info.value.code == "wrong_pin" and info.value.params["left"] == str(left)
    with pytest.raises(OperatorError) as info:
        store.verify("Ana", "0001")
    assert info.value.code == "locked_now"
    assert info.value.params["minutes"] == str(LOCK_MINUTES)
    until = (clock.now + timedelta(minutes=LOCK_MINUTES)).astimezone().strftime("%H:%M")
    assert info.value.params["until"] == until
    store.close()
    # a restart lifts nothing; even the right PIN is refused while locked
    again = OperatorStore(tmp_path / "operators.sqlite3", clock=clock)
    with pytest.raises(OperatorError) as info:
        again.verify("Ana", "5801")
    assert info.value.code == "locked" and info.value.params["until"] == until
    assert "until " + until in str(info.value)
    clock.now += timedelta(minutes=LOCK_MINUTES, seconds=1)
    assert again.verify("Ana", "5801").name == "Ana"  # lifted: the counter starts again
    assert again.get("Ana").failures == 0
    again.close()


def test_the_lock_doubles_after_it_lifts_and_a_manager_unlocks(store, clock):
    for _ in range(MAX_FAILURES):
        with pytest.raises(OperatorError):
            store.verify("Ana", "0001")
    clock.now += timedelta(minutes=LOCK_MINUTES + 1)
    with pytest.raises(OperatorError) as info:
        store.verify("Ana", "0001")
    assert info.value.code == "locked_now" and info.value.params["minutes"] == str(2 * LOCK_MINUTES)
    store.unlock("Ana")
    assert store.verify("Ana", "5801").name == "Ana"


def test_unknown_names_and_the_first_operator(tmp_path):
    s = OperatorStore(tmp_path / "o.sqlite3")
    assert not s.configured()
    with pytest.raises(OperatorError) as info:
        s.add("Ana", CASHIER, "5801")
    assert info.value.code == "first_is_manager"
    s.add("Mei", MANAGER, PIN)
    assert s.configured()
    with pytest.raises(OperatorError) as info:
        s.verify("Nobody", PIN)
    assert info.value.code == "unknown"
    with pytest.raises(OperatorError) as info:
        s.add("MEI", CASHIER, "5801")
    assert info.value.code == "exists"
    with pytest.raises(OperatorError) as info:
        s.add("bad;name", CASHIER, "5801")
    assert info.value.code == "name_bad"
    s.close()


def test_the_last_manager_stays_while_others_remain(store):
    with pytest.raises(OperatorError) as info:
        store.remove("Mei")
    assert info.value.code == "last_manager"
    with pytest.raises(OperatorError):
        store.set_role("Mei", CASHIER)
    store.set_role("Ana", MANAGER)
    store.remove("Mei")
    store.remove("Ana")  # the last of all may go: the till is back to no sign-in
    assert not store.configured()


def test_a_pin_is_nowhere_but_in_its_hash(tmp_path, store, caplog):
    caplog.set_level(logging.DEBUG)
    store.set_pin("Ana", "739164")
    for attempt in ("739160", "739164"):
        try:
            store.verify("Ana", attempt)
        except OperatorError as exc:
            assert attempt not in str(exc) and attempt not in repr(exc.params)
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("operators.sqlite3*"))
    for pin in (PIN, "5801", "739164", "739160"):
        assert pin.encode() not in raw
        assert pin not in caplog.text
    db = sqlite3.connect(tmp_path / "operators.sqlite3")
    hashes = [r[0] for r in db.execute("SELECT pin_hash FROM operators")]
    db.close()
    assert all(h.startswith("scrypt$16384$8$1$") for h in hashes)
    assert (tmp_path / "operators.sqlite3").stat().st_mode & 0o077 == 0


def test_a_copy_of_the_store_accounts_signs_in_the_same(tmp_path, clock):
    """Store mode keeps a copy of the store's accounts at each till (signing in while the
    server is down): the copy checks the same hash, the lock-out comes along."""
    store = OperatorStore(tmp_path / "store.sqlite3", clock=clock)
    store.add("Mei", MANAGER, PIN)
    hashed = store._read("SELECT pin_hash FROM operators")[0][0]
    copy = OperatorStore(tmp_path / "till.sqlite3", clock=clock)
    until = clock.now + timedelta(minutes=3)
    copy.mirror([("Mei", MANAGER, hashed, 5, until), ("Ana", CASHIER, hash_pin("5801"), 0, None)])
    with pytest.raises(OperatorError) as info:
        copy.verify("Mei", PIN)
    assert info.value.code == "locked"
    copy.mirror_one("Mei", MANAGER, hashed, 0, None)
    assert copy.verify("Mei", PIN).is_manager
    copy.mirror([("Ana", CASHIER, hash_pin("5801"), 0, None)])  # Mei removed at the store
    assert [o.name for o in copy.list()] == ["Ana"]
    store.close()
    copy.close()
