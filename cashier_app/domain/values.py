"""``dataclass`` for the cashier's own classes: what ``dataclasses.dataclass`` makes, without
importing ``dataclasses`` and with the methods it writes compiled when first called.

``dataclasses`` imports ``inspect`` (with ``ast`` and ``dis``): some 13 ms of every headless
``cashier pay`` on this machine; and it compiles each method it writes from source text as
the class is made, about a millisecond for a frozen class (six functions), for some fifty
classes a pay imports, most of whose ``__repr__``, ``__eq__`` and ``__hash__`` no run ever
calls. Here the fields are read as ``dataclasses`` reads them (annotations in order,
``ClassVar`` left out, defaults and ``field()``, the bases' fields first, ``__slots__``,
``__match_args__``) and each method is compiled from the same text at its first call, then
replaces itself on the class; a frozen class's ``__setattr__`` and ``__delattr__`` need no
compiling. ``fields``, ``replace`` and ``asdict`` here work on them, and so do
``dataclasses``' own (``fields``, ``replace``, ``asdict``, ``is_dataclass``: the class
hands ``dataclasses`` its fields when asked, importing it then). test_values.py holds the
two against each other.

Supported: ``init``, ``repr``, ``eq``, ``frozen``, ``slots`` and the ``field()`` options
(``default``, ``default_factory``, ``init``, ``repr``, ``compare``, ``hash``, ``metadata``,
``kw_only``), ``__post_init__`` and ``ClassVar``; ``InitVar``, ``order`` and ``unsafe_hash``
are not (a class that needs them uses ``dataclasses.dataclass`` itself, and cannot be a base
or a subclass of these). Type checkers see ``dataclasses`` itself.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


#: No default (``dataclasses.MISSING``'s part here).
MISSING: Any = _Missing()


class Field:
    """One field, as ``dataclasses.Field`` describes it (the same attributes)."""

    __slots__ = (
        "compare", "default", "default_factory", "hash", "init", "kw_only", "metadata",
        "name", "repr", "type",
    )  # fmt: skip

    def __init__(
        self,
        default: Any = MISSING,
        default_factory: Any = MISSING,
        init: bool = True,
        repr: bool = True,
        hash: bool | None = None,
        compare: bool = True,
        metadata: Any = None,
        kw_only: bool = False,
    ) -> None:
        if default is not MISSING and default_factory is not MISSING:
            raise ValueError("cannot specify both default and default_factory")
        self.name: str = ""
        self.type: Any = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = metadata if metadata is not None else {}
        self.kw_only = bool(kw_only)

    def __repr__(self) -> str:
        return (
            f"Field(name={self.name!r},type={self.type!r},default={self.default!r},"
            f"default_factory={self.default_factory!r},init={self.init!r},repr={self.repr!r},"
            f"hash={self.hash!r},compare={self.compare!r},metadata={self.metadata!r},"
            f"kw_only={self.kw_only!r})"
        )

    def standard(self) -> Any:
        """The same field as a ``dataclasses.Field`` (what ``dataclasses`` reads)."""
        import dataclasses

        options: dict[str, Any] = {
            "init": self.init, "repr": self.repr, "hash": self.hash, "compare": self.compare,
            "metadata": self.metadata or None, "kw_only": self.kw_only,
        }  # fmt: skip
        if self.default is not MISSING:
            options["default"] = self.default
        if self.default_factory is not MISSING:
            options["default_factory"] = self.default_factory
        std = dataclasses.field(**options)
        std.name, std.type = self.name, self.type
        std._field_type = dataclasses._FIELD  # type: ignore[attr-defined]  # a real field
        return std


if TYPE_CHECKING:
    from dataclasses import asdict as asdict
    from dataclasses import dataclass as dataclass
    from dataclasses import field as field
    from dataclasses import fields as fields
    from dataclasses import replace as replace
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

    def field(
        *,
        default: Any = MISSING,
        default_factory: Any = MISSING,
        init: bool = True,
        repr: bool = True,
        hash: bool | None = None,
        compare: bool = True,
        metadata: Any = None,
        kw_only: bool = False,
    ) -> Any:
        """``dataclasses.field``."""
        return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)

    def fields(class_or_instance: Any) -> tuple[Field, ...]:
        """``dataclasses.fields`` (of one of these classes, its ``Field`` objects)."""
        found = getattr(class_or_instance, "__values_fields__", None)
        if found is None:
            import dataclasses

            return dataclasses.fields(class_or_instance)  # type: ignore[return-value]
        return found  # type: ignore[no-any-return]

    def replace(obj: Any, /, **changes: Any) -> Any:
        """``dataclasses.replace``: a copy of ``obj`` with ``changes``."""
        own = getattr(type(obj), "__values_fields__", None)
        if own is None:
            import dataclasses

            return dataclasses.replace(obj, **changes)
        for f in own:
            if not f.init:
                if f.name in changes:
                    raise ValueError(
                        f"field {f.name} is declared with init=False, "
                        "it cannot be specified with replace()"
                    )
                continue
            if f.name not in changes:
                changes[f.name] = getattr(obj, f.name)
        return obj.__class__(**changes)

    def asdict(obj: Any, *, dict_factory: Any = dict) -> Any:
        """``dataclasses.asdict`` (which these classes hand their fields)."""
        import dataclasses

        return dataclasses.asdict(obj, dict_factory=dict_factory)


_MISSING = MISSING


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
    made, fields = _with_fields(cls, slots)
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


def _check_defaults(fields: list[Field]) -> None:
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
    exec(_code(source), namespace)  # dataclasses' own way: source text from the field names
    fn: Callable[..., Any] = namespace[name]
    return fn


# -- the compiled methods, cached as Python caches a module's bytecode ------------------
#
# Compiling an ``__init__`` costs about a million instructions, and a headless pay compiles
# some thirty: as much as the rest of its own code. Their code objects are kept beside this
# module's bytecode (``__pycache__/values-methods.<tag>.bin``, marked with the bytecode's
# magic number), keyed by their source text, so a run compiles only what no run has before.
# An install that cannot be written there (a system site-packages, a bundle in a read-only
# folder) keeps them in the user's cache folder instead (``$XDG_CACHE_HOME/cashier``, else
# ``~/.cache/cashier``; ``%LOCALAPPDATA%\cashier`` on Windows): keyed by source text and
# marked with the magic number, the same methods serve any install of one Python. Never
# written when Python writes no bytecode (``PYTHONDONTWRITEBYTECODE``); nothing is lost
# when neither can be written or a file is damaged (compiled here, as without it).

_cache_lock = threading.Lock()
_cache: dict[str, Any] | None = None
#: where the cache was read from or last written (None: not yet)
_cache_file: str | None = None
#: A cache that has grown past this many methods (old sources after many upgrades) starts
#: again empty.
_CACHE_LIMIT = 4000


def _cache_paths() -> tuple[str, str]:
    """Beside this module's bytecode, and in the user's cache folder."""
    import os

    name = f"values-methods.{sys.implementation.cache_tag}.bin"
    beside = os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__", name)
    user = os.environ.get("XDG_CACHE_HOME") or (
        os.environ.get("LOCALAPPDATA") if sys.platform == "win32" else None
    )
    folder = user or os.path.join(os.path.expanduser("~"), ".cache")
    return beside, os.path.join(folder, "cashier", name)


def _magic() -> bytes:
    external = sys.modules.get("_frozen_importlib_external")
    return bytes(getattr(external, "MAGIC_NUMBER", b"")) or b"?"


def _load_cache() -> dict[str, Any]:
    global _cache_file
    import marshal

    magic = _magic()
    for path in _cache_paths():
        try:
            with open(path, "rb") as fh:
                data = fh.read()
            if data.startswith(magic):
                loaded = marshal.loads(data[len(magic) :])
                if isinstance(loaded, dict) and len(loaded) <= _CACHE_LIMIT:
                    _cache_file = path
                    return loaded
        except (OSError, ValueError, EOFError, TypeError):
            pass
    return {}


def _save_cache(cache: dict[str, Any]) -> None:
    global _cache_file
    if sys.dont_write_bytecode:
        return
    import marshal
    import os

    paths: tuple[str, ...] = _cache_paths()
    if _cache_file == paths[1]:
        paths = paths[1:]  # the install's own folder could not be written, or had none
    data = _magic() + marshal.dumps(cache)
    for path in paths:
        tmp = f"{path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(tmp, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)  # another process's copy, or this one: whole either way
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            continue
        _cache_file = path
        return


def _code(source: str) -> Any:
    """The code of ``source`` (a method's definition), compiled once for all runs."""
    global _cache
    with _cache_lock:
        if _cache is None:
            _cache = _load_cache()
        code = _cache.get(source)
        if code is None:
            code = compile(source, "<dataclass>", "exec", dont_inherit=True)
            _cache[source] = code
            _save_cache(_cache)
    return code


def _init(cls: type, fields: list[Field], frozen: bool, slots: bool) -> Callable[..., Any]:
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


def _fields_tuple(who: str, fields: list[Field]) -> str:
    return "(" + "".join(f"{who}.{f.name}," for f in fields) + ")"


def _eq(fields: list[Field]) -> Callable[..., Any]:
    source = (
        "def __eq__(self, other):\n"
        "  if other.__class__ is self.__class__:\n"
        f"    return {_fields_tuple('self', fields)}=={_fields_tuple('other', fields)}\n"
        "  return NotImplemented\n"
    )
    return _compile("__eq__", source, {})


def _hash(fields: list[Field]) -> Callable[..., Any]:
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

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise _frozen_error(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)  # type: ignore[arg-type]

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise _frozen_error(f"cannot delete field {name!r}")
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


def _frozen_error(message: str) -> Exception:
    """``dataclasses.FrozenInstanceError`` (imported only when one is raised)."""
    from dataclasses import FrozenInstanceError

    return FrozenInstanceError(message)


# -- reading the fields -----------------------------------------------------------------


def _type_name(annotation: Any) -> str:
    """``ClassVar`` / ``InitVar`` when the annotation is one (text or object), else ""."""
    if isinstance(annotation, str):
        head = annotation.strip().split("[", 1)[0].strip()
        return head.rsplit(".", 1)[-1] if head.count(".") <= 1 else ""
    typing = sys.modules.get("typing")
    if typing is not None and (
        annotation is typing.ClassVar or getattr(annotation, "__origin__", None) is typing.ClassVar
    ):
        return "ClassVar"
    std = sys.modules.get("dataclasses")
    if std is not None and (annotation is std.InitVar or isinstance(annotation, std.InitVar)):
        return "InitVar"
    return ""


class _StandardFields:
    """``__dataclass_fields__`` for ``dataclasses``' own functions (``fields``, ``asdict``,
    ``replace``, ``is_dataclass``): the class's fields as ``dataclasses.Field`` objects,
    made (and ``dataclasses`` imported) at the first look."""

    def __get__(self, obj: Any, owner: type) -> dict[str, Any]:
        made = {f.name: f.standard() for f in owner.__values_fields__}  # type: ignore[attr-defined]
        owner.__dataclass_fields__ = made  # type: ignore[attr-defined]
        return made


def _with_fields(cls: type, slots: bool) -> tuple[type, list[Field]]:
    """``cls`` with its fields read (the bases' first, then its own annotations in order,
    ``ClassVar`` left out), their defaults in place, ``__slots__`` (a new class, as
    dataclasses makes one) and ``__match_args__``: dataclasses' _process_class, short of
    the methods."""
    fields: dict[str, Field] = {}
    for base in cls.__mro__[-1:0:-1]:
        if "__values_fields__" in base.__dict__:
            for f in base.__dict__["__values_fields__"]:
                fields[f.name] = f
        elif "__dataclass_fields__" in base.__dict__:
            raise TypeError(f"{cls.__name__}: a base made by dataclasses.dataclass itself")
    own = cls.__dict__
    annotations = own.get("__annotations__", {})
    for name, value in own.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f"{name!r} is a field but has no type annotation")
    for name, annotation in annotations.items():
        kind = _type_name(annotation)
        if kind == "ClassVar":
            continue
        if kind == "InitVar":
            raise TypeError(f"{cls.__name__}: InitVar fields need dataclasses.dataclass itself")
        default = own.get(name, MISSING)
        if type(default).__module__ == "dataclasses":  # dataclasses.field(): not read here
            raise TypeError(f"{cls.__name__}.{name}: use cashier_app.domain.values.field")
        f = default if isinstance(default, Field) else Field(default)
        f.name, f.type = name, annotation
        if f.default is not MISSING and f.default.__class__.__hash__ is None:
            raise ValueError(
                f"mutable default {type(f.default)} for field {name} is not allowed: "
                "use default_factory"
            )
        if isinstance(default, Field):  # the class attribute is the default, as ever
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        fields[name] = f
    found = list(fields.values())
    if slots:
        namespace = dict(own)
        inherited = {
            slot for base in cls.__mro__[1:-1] for slot in _slots_of(base.__dict__.get("__slots__"))
        }
        namespace["__slots__"] = tuple(f.name for f in found if f.name not in inherited)
        for f in found:
            namespace.pop(f.name, None)
        namespace.pop("__dict__", None)
        namespace.pop("__weakref__", None)
        qualname = getattr(cls, "__qualname__", None)
        cls = type(cls)(cls.__name__, cls.__bases__, namespace)
        if qualname is not None:
            cls.__qualname__ = qualname
    cls.__values_fields__ = tuple(found)  # type: ignore[attr-defined]
    cls.__dataclass_fields__ = _StandardFields()  # type: ignore[attr-defined]
    if "__match_args__" not in cls.__dict__:
        matched = tuple(f.name for f in found if f.init and not f.kw_only)
        type.__setattr__(cls, "__match_args__", matched)
    return cls, found


def _slots_of(slots: Any) -> tuple[str, ...]:
    if slots is None:
        return ()
    if isinstance(slots, str):
        return (slots,)
    return tuple(slots)
