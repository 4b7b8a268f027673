"""``dataclass`` for the cashier's own classes: the standard library's, with the methods it
writes (``__init__``, ``__repr__``, ``__eq__``, ``__hash__``) compiled when first called.

``dataclasses.dataclass`` compiles each of those methods from source text as the class is
made: about a millisecond for a frozen class (six functions), and a headless ``cashier
pay`` imports some fifty of them, most of whose ``__repr__``, ``__eq__`` and ``__hash__``
no run ever calls (a fifth of the whole run went there). Here the standard library still
makes the class (fields, ``__slots__``, ``__match_args__``: ``dataclasses.fields``,
``replace``, ``asdict`` and ``is_dataclass`` work as ever) and each method is compiled from
the same text at its first call, then replaces itself on the class; a frozen class's
``__setattr__`` and ``__delattr__`` need no compiling at all. Same behaviour otherwise
(test_values.py holds it against the standard library's).

Supported: ``init``, ``repr``, ``eq``, ``frozen``, ``slots`` and the ``field()`` options
(``default``, ``default_factory``, ``init``, ``repr``, ``compare``, ``hash``, ``kw_only``),
``__post_init__`` and ``ClassVar``; ``InitVar``, ``order`` and ``unsafe_hash`` are not
(a class that needs them uses ``dataclasses.dataclass`` itself). Type checkers see the
standard library's decorator.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dataclasses import dataclass as dataclass
else:

    def dataclass(
        cls: type | None = None,
        /,
        *,
        init: bool = True,
        repr: bool = True,  # dataclass's own parameter names
        eq: bool = True,
        frozen: bool = False,
        slots: bool = False,
    ) -> Any:
        """``dataclasses.dataclass`` with these options, its methods compiled when used."""

        def wrap(cls: type) -> type:
            return _make(cls, init, repr, eq, frozen, slots)

        return wrap if cls is None else wrap(cls)


_MISSING = dataclasses.MISSING


class _Factory:
    """The default of a parameter whose field has a ``default_factory``."""

    def __repr__(self) -> str:
        return "<factory>"


_HAS_DEFAULT_FACTORY = _Factory()


def _make(cls: type, init: bool, repr_: bool, eq: bool, frozen: bool, slots: bool) -> type:
    own = cls.__dict__
    if frozen and ("__setattr__" in own or "__delattr__" in own):
        raise TypeError(f"cannot overwrite __setattr__ or __delattr__ in {cls.__name__}")
    class_hash = own.get("__hash__", _MISSING)
    explicit_hash = not (class_hash is _MISSING or (class_hash is None and "__eq__" in own))
    wanted = {
        name
        for name, on in (("__init__", init), ("__repr__", repr_), ("__eq__", eq))
        if on and name not in own
    }
    if not own.get("__doc__"):
        # dataclass would compute inspect.signature(cls) for it; the fields say as much
        cls.__doc__ = f"{cls.__name__}({', '.join(own.get('__annotations__', {}))})"
    made: type = dataclasses.dataclass(cls, init=False, repr=False, eq=False, slots=slots)
    fields = list(dataclasses.fields(made))  # not the ClassVar and InitVar pseudo-fields
    initvar = getattr(dataclasses, "_FIELD_INITVAR", None)
    if any(f._field_type is initvar for f in made.__dict__["__dataclass_fields__"].values()):
        raise TypeError(f"{made.__name__}: InitVar fields need dataclasses.dataclass itself")
    _check_defaults(fields)
    methods: dict[str, Any] = {}
    if "__init__" in wanted:
        methods["__init__"] = _lazy(made, "__init__", lambda: _init(made, fields, frozen, slots))
    if "__repr__" in wanted:
        methods["__repr__"] = _repr_of(made, [f.name for f in fields if f.repr])
    if "__eq__" in wanted:
        compared = [f for f in fields if f.compare]
        methods["__eq__"] = _lazy(made, "__eq__", lambda: _eq(compared))
    if eq and not explicit_hash:
        if frozen:
            hashed = [f for f in fields if (f.compare if f.hash is None else f.hash)]
            methods["__hash__"] = _lazy(made, "__hash__", lambda: _hash(hashed))
        else:
            methods["__hash__"] = None  # mutable and compared: unhashable, as dataclasses
    if frozen:
        methods.update(_frozen(made, tuple(f.name for f in fields), slots))
    for name, method in methods.items():
        setattr(made, name, method)
    return made


def _check_defaults(fields: list[dataclasses.Field[Any]]) -> None:
    seen_default = False
    for f in fields:
        if f.init and not f.kw_only:
            if f.default is not _MISSING or f.default_factory is not _MISSING:
                seen_default = True
            elif seen_default:
                raise TypeError(f"non-default argument {f.name!r} follows default argument")


def _lazy(cls: type, name: str, make: Callable[[], Callable[..., Any]]) -> Callable[..., Any]:
    """``name`` of ``cls`` as a stand-in that compiles the method at its first call (from
    any thread: two at once compile it twice, the same), puts it in its place and calls it."""

    def first_call(self: Any, *args: Any, **kwargs: Any) -> Any:
        method = make()
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, method)
        return method(self, *args, **kwargs)

    first_call.__name__ = name
    first_call.__qualname__ = f"{cls.__qualname__}.{name}"
    return first_call


def _compile(name: str, source: str, namespace: dict[str, Any]) -> Callable[..., Any]:
    exec(source, namespace)  # dataclasses' own way: source text from the field names
    fn: Callable[..., Any] = namespace[name]
    return fn


def _init(
    cls: type, fields: list[dataclasses.Field[Any]], frozen: bool, slots: bool
) -> Callable[..., Any]:
    """The ``__init__`` dataclasses writes (its _init_fn): the same parameters, defaults,
    factories, assignments (``object.__setattr__`` when frozen) and ``__post_init__``."""
    me = "__dataclass_self__" if any(f.name == "self" for f in fields) else "self"
    namespace: dict[str, Any] = {
        "_HAS_DEFAULT_FACTORY": _HAS_DEFAULT_FACTORY,
        "__dataclass_builtins_object__": object,
    }
    params: list[str] = []
    keywords: list[str] = []
    body: list[str] = []
    for f in fields:
        default = f"_dflt_{f.name}"
        if f.default_factory is not _MISSING:
            namespace[default] = f.default_factory
            value = f"{default}() if {f.name} is _HAS_DEFAULT_FACTORY else {f.name}"
            if not f.init:
                value = f"{default}()"
            param = f"{f.name}=_HAS_DEFAULT_FACTORY"
        elif f.default is not _MISSING:
            namespace[default] = f.default
            value = f.name if f.init else default
            param = f"{f.name}={default}"
            if not f.init and not slots:
                value = ""  # read from the class attribute, as dataclasses leaves it
        else:
            value = f.name if f.init else ""
            param = f.name
        if f.init:
            (keywords if f.kw_only else params).append(param)
        if value:
            if frozen:
                body.append(f"__dataclass_builtins_object__.__setattr__({me},{f.name!r},{value})")
            else:
                body.append(f"{me}.{f.name}={value}")
    if hasattr(cls, "__post_init__"):
        body.append(f"{me}.__post_init__()")
    signature = ", ".join([me, *params, *(["*", *keywords] if keywords else [])])
    lines = "".join(f"  {line}\n" for line in body or ["pass"])
    return _compile("__init__", f"def __init__({signature}):\n{lines}", namespace)


def _fields_tuple(who: str, fields: list[dataclasses.Field[Any]]) -> str:
    return "(" + "".join(f"{who}.{f.name}," for f in fields) + ")"


def _eq(fields: list[dataclasses.Field[Any]]) -> Callable[..., Any]:
    source = (
        "def __eq__(self, other):\n"
        "  if other.__class__ is self.__class__:\n"
        f"    return {_fields_tuple('self', fields)}=={_fields_tuple('other', fields)}\n"
        "  return NotImplemented\n"
    )
    return _compile("__eq__", source, {})


def _hash(fields: list[dataclasses.Field[Any]]) -> Callable[..., Any]:
    source = f"def __hash__(self):\n  return hash({_fields_tuple('self', fields)})\n"
    return _compile("__hash__", source, {})


def _repr_of(cls: type, names: list[str]) -> Callable[[Any], str]:
    """dataclasses' ``__repr__`` (``Name(a=1, b='x')``, ``...`` for an object inside its
    own repr), written out: a repr is never in a hot loop."""
    running: set[tuple[int, int]] = set()

    def __repr__(self: Any) -> str:
        key = (id(self), threading.get_ident())
        if key in running:
            return "..."
        running.add(key)
        try:
            inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        finally:
            running.discard(key)
        return f"{self.__class__.__qualname__}({inner})"

    __repr__.__qualname__ = f"{cls.__qualname__}.__repr__"
    return __repr__


def _frozen(cls: type, names: tuple[str, ...], slots: bool) -> dict[str, Any]:
    """dataclasses' frozen ``__setattr__`` and ``__delattr__`` (and, with slots, the
    ``__getstate__`` / ``__setstate__`` that let copy and pickle restore one)."""
    error = dataclasses.FrozenInstanceError

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise error(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)  # type: ignore[arg-type]

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise error(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)  # type: ignore[arg-type]

    def __getstate__(self: Any) -> list[Any]:
        return [getattr(self, name) for name in names]

    def __setstate__(self: Any, state: list[Any]) -> None:
        for name, value in zip(names, state, strict=False):
            object.__setattr__(self, name, value)

    methods: dict[str, Any] = {"__setattr__": __setattr__, "__delattr__": __delattr__}
    if slots:
        methods.update(__getstate__=__getstate__, __setstate__=__setstate__)
    return methods
