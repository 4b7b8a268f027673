"""domain.values.dataclass behaves as dataclasses.dataclass: the same class made both ways,
the same answers (its methods are only compiled later)."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import subprocess
import sys
from dataclasses import field
from pathlib import Path
from typing import Any, ClassVar  # noqa: F401 (dataclasses looks up ClassVar here)

import pytest

from cashier_app.domain import values


def _both(**options: Any) -> list[Any]:
    return [dataclasses.dataclass(**options), values.dataclass(**options)]


def _field(decorate: Any) -> Any:
    """The field() that goes with the decorator (each reads its own)."""
    return values.field if getattr(decorate, "__module__", "") == values.__name__ else field


def _make(decorate: Any, name: str) -> type:
    field = _field(decorate)

    def post_init(self: Any) -> None:
        if self.amount < 0:
            raise ValueError("negative")

    namespace: dict[str, Any] = {
        "__annotations__": {
            "amount": "int",
            "currency": "str",
            "note": "str",
            "tags": "list[str]",
            "secret": "str",
            "cached": "int",
            "limit": "ClassVar[int]",
        },
        "__module__": __name__,
        "__qualname__": name,
        "currency": "HKD",
        "note": field(default="", compare=False),
        "tags": field(default_factory=list, hash=False),
        "secret": field(default="", repr=False),
        "cached": field(default=0, init=False),
        "limit": 9,
        "__post_init__": post_init,
    }
    return decorate(type(name, (), namespace))  # type: ignore[no-any-return]


OPTIONS = [
    {"frozen": True, "slots": True},
    {"frozen": True},
    {"slots": True},
    {},
]


@pytest.mark.parametrize("options", OPTIONS, ids=str)
def test_the_same_class_both_ways(options):
    std, lean = (_make(d, "Sale") for d in _both(**options))
    for cls in (std, lean):
        a = cls(1230, "HKD", "x", ["a"], "pw")
        b = cls(1230, tags=["a"], note="other", secret="pw")
        assert a == b and a != cls(1) and a.__eq__(object()) is NotImplemented
        assert repr(a) == "Sale(amount=1230, currency='HKD', note='x', tags=['a'], cached=0)"
        assert cls(5).tags == [] and cls(5).tags is not cls(5).tags  # a fresh list each
        assert cls(5).cached == 0 and cls.limit == 9
        with pytest.raises(ValueError, match="negative"):
            cls(-1)
        with pytest.raises(TypeError):
            cls()
        with pytest.raises(TypeError):
            cls(1, cached=3)  # not an __init__ parameter
        assert [f.name for f in dataclasses.fields(cls)] == [
            "amount", "currency", "note", "tags", "secret", "cached",
        ]  # fmt: skip
        assert dataclasses.is_dataclass(a) and dataclasses.asdict(a)["tags"] == ["a"]
        changed = dataclasses.replace(a, amount=1)
        assert changed.amount == 1 and changed.note == "x" and type(changed) is cls
        assert copy.deepcopy(a) == a
        assert copy.copy(a).secret == "pw"
        assert cls.__match_args__ == ("amount", "currency", "note", "tags", "secret")
        assert ("__slots__" in cls.__dict__) == bool(options.get("slots"))
        if options.get("frozen"):
            assert hash(a) == hash(b) and hash(a) == hash(copy.copy(a))
            with pytest.raises(dataclasses.FrozenInstanceError, match="'amount'"):
                a.amount = 2
            with pytest.raises(dataclasses.FrozenInstanceError, match="'amount'"):
                del a.amount
        else:
            assert cls.__hash__ is None  # compared and mutable: unhashable, as dataclasses
            a.amount = 2
            assert a.amount == 2


StdSale = _make(dataclasses.dataclass(frozen=True, slots=True), "StdSale")
LeanSale = _make(values.dataclass(frozen=True, slots=True), "LeanSale")


def test_a_frozen_slotted_one_pickles():
    for cls in (StdSale, LeanSale):
        sale = cls(1230, tags=["a"], secret="pw")
        assert pickle.loads(pickle.dumps(sale)) == sale


def test_a_class_s_own_methods_are_kept():
    for decorate in _both(frozen=True, slots=True):

        @decorate
        class Code:
            value: str

            def __repr__(self) -> str:
                return "Code(…)"

            def __hash__(self) -> int:
                return 7

        assert repr(Code("x")) == "Code(…)" and hash(Code("x")) == 7
        assert Code("x") == Code("x")


def test_subclasses_and_keyword_only_fields():
    for decorate in _both(frozen=True):

        @decorate
        class Base:
            a: int
            b: int = 2

        @decorate
        class Child(Base):
            c: int = 3
            d: int = _field(decorate)(default=4, kw_only=True)

        assert Child(1, d=5) == Child(1, 2, 3, d=5)
        assert repr(Child(1)).endswith(".<locals>.Child(a=1, b=2, c=3, d=4)")
        with pytest.raises(TypeError):
            Child(1, 2, 3, 4)  # d is keyword-only
        assert Child(1) != Base(1)  # another class: not equal


def test_the_same_mistakes_are_refused():
    for decorate in _both():
        with pytest.raises(TypeError, match="non-default argument 'b'"):

            @decorate
            class Bad:
                a: int = 1
                b: int

    for decorate in _both(frozen=True):
        with pytest.raises(TypeError):

            @decorate
            class Frozen:
                a: int

                def __setattr__(self, name: str, value: object) -> None:
                    pass


def test_methods_are_compiled_only_when_first_called():
    @values.dataclass(frozen=True, slots=True)
    class Quiet:
        a: int

    stand_in = Quiet.__dict__["__init__"]
    Quiet(1)
    assert Quiet.__dict__["__init__"] is not stand_in  # replaced by the compiled one
    assert (
        Quiet.__init__.__qualname__
        == stand_in.__qualname__
        == ("test_methods_are_compiled_only_when_first_called.<locals>.Quiet.__init__")
    )
    assert Quiet(1) == Quiet(1) and hash(Quiet(1)) == hash((1,))


def test_the_helpers_and_dataclasses_own_functions_agree():
    std, lean = _make(dataclasses.dataclass(frozen=True), "S"), LeanSale
    for cls, helpers in ((std, dataclasses), (lean, values), (lean, dataclasses)):
        sale = cls(1230, tags=["a"], secret="pw")
        assert [f.name for f in helpers.fields(sale)] == [f.name for f in dataclasses.fields(std)]
        assert helpers.asdict(sale) == {
            "amount": 1230, "currency": "HKD", "note": "", "tags": ["a"], "secret": "pw",
            "cached": 0,
        }  # fmt: skip
        assert helpers.replace(sale, note="n").note == "n"
        with pytest.raises(ValueError, match="init=False"):
            helpers.replace(sale, cached=1)
        assert dataclasses.is_dataclass(sale)
    assert values.fields(LeanSale)[2].compare is False and values.fields(LeanSale)[3].hash is False


def test_dataclasses_is_not_imported_for_them():
    # dataclasses imports inspect, ast and dis: a twentieth of a headless pay
    script = (
        "import sys\n"
        "from cashier_app.domain.values import dataclass, field, fields, replace\n"
        "@dataclass(frozen=True, slots=True)\n"
        "class Sale:\n"
        "    amount: int\n"
        "    tags: tuple = field(default_factory=tuple)\n"
        "s = replace(Sale(1), amount=2)\n"
        "assert s == Sale(2) and hash(s) == hash(Sale(2)) and repr(s) and fields(s)\n"
        "print(sorted(m for m in sys.modules if m in ('dataclasses', 'inspect')))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=30
    )
    assert proc.stdout.strip() == "[]", proc.stderr


def test_a_standard_field_is_refused():
    with pytest.raises(TypeError, match=r"values\.field"):

        @values.dataclass
        class Mixed:
            tags: list[str] = field(default_factory=list)


def _compiling(monkeypatch, paths: tuple[str, str]) -> list[str]:
    """A fresh run's cache at ``paths`` (beside the module, the user's), bytecode written:
    the sources compiled from now on, as they are."""
    monkeypatch.setattr(values, "_cache_paths", lambda: paths)
    monkeypatch.setattr(values, "_cache", None)
    monkeypatch.setattr(values, "_cache_file", None)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    compiled: list[str] = []

    def counting(source: str, *args: Any, **kwargs: Any) -> Any:
        compiled.append(source)
        return compile(source, *args, **kwargs)

    monkeypatch.setattr(values, "compile", counting, raising=False)
    return compiled


def test_compiled_methods_are_cached_for_the_next_run(tmp_path, monkeypatch):
    cache = tmp_path / "methods.bin"
    compiled = _compiling(monkeypatch, (str(cache), str(tmp_path / "user.bin")))

    def make() -> Any:
        @values.dataclass(frozen=True, slots=True)
        class Cached:
            amount: int
            note: str = ""

        return Cached

    first = make()
    assert first(1, "x") == first(1, "x")
    assert len(compiled) == 2 and cache.exists()  # __init__ and __eq__, once each
    monkeypatch.setattr(values, "_cache", None)  # the next run: read from the file
    again = make()
    assert again(2).note == "" and again(2) == again(2)
    assert len(compiled) == 2
    cache.write_bytes(b"damaged")  # anything unreadable: compiled as without the cache
    monkeypatch.setattr(values, "_cache", None)
    third = make()
    assert third(3) == third(3) and len(compiled) == 4
    monkeypatch.setattr(values, "_cache", None)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)  # PYTHONDONTWRITEBYTECODE
    cache.unlink()
    fourth = make()
    assert fourth(4) == fourth(4) and not cache.exists()


def test_an_install_that_cannot_be_written_keeps_its_methods_in_the_users_cache(
    tmp_path, monkeypatch
):
    """A system site-packages or a bundle in a read-only folder: its ``__pycache__``
    cannot be made (here: its parent is a file, which not even root can write into), so
    the methods go to ``$XDG_CACHE_HOME/cashier`` and the next run reads them there."""
    installed = tmp_path / "read-only"
    installed.write_text("a file, not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    beside, user = values._cache_paths()
    assert user == str(tmp_path / "cache" / "cashier" / Path(beside).name)
    compiled = _compiling(monkeypatch, (str(installed / "__pycache__" / "m.bin"), user))

    def make() -> Any:
        @values.dataclass(frozen=True)
        class Kept:
            amount: int

        return Kept

    first = make()
    assert first(1) == first(1)
    assert len(compiled) == 2 and Path(user).exists()
    monkeypatch.setattr(values, "_cache", None)  # the next run
    monkeypatch.setattr(values, "_cache_file", None)
    again = make()
    assert again(2) == again(2) and len(compiled) == 2  # read from the user's cache
