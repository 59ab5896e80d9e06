"""Value types that are cheap to define: `@record`, a lean stand-in for `@dataclass(frozen=True)`.

Every build starts a new process, and `dataclasses` compiles five or six methods per class from
source (one `exec` each, plus `inspect.signature` for a class without a docstring): about 1.4 ms
a class, some 60 ms over the package. A record compiles nothing of its own: `__init__` is a
template shared by classes with as many fields, and equality, hashing, ordering and repr are
shared functions over the fields, so a class costs about a tenth.

What a record is: its fields are the class's annotations, in order, with the class attribute as
default or `field(default_factory=...)`. It is immutable unless `frozen=False`; two records are
equal when they are of the same class and their compared fields are equal, and a frozen one
hashes like that tuple. `fields`, `replace` and `is_record` work as their `dataclasses` namesakes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from operator import attrgetter
from types import CodeType, FunctionType
from typing import Any, TypeVar, dataclass_transform

__all__ = ["MISSING", "Field", "FrozenInstanceError", "field", "fields", "is_record", "record",
           "replace"]

T = TypeVar("T")


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class FrozenInstanceError(AttributeError):
    """Raised on assigning to or deleting a field of a frozen record."""


class Field:
    """One field of a record: its name, annotation (a string), and default or default factory."""

    __slots__ = ("compare", "default", "default_factory", "name", "repr", "type")

    def __init__(self, default: Any = MISSING, default_factory: Any = MISSING,
                 compare: bool = True, repr: bool = True) -> None:
        self.name = ""
        self.type: Any = None
        self.default = default
        self.default_factory = default_factory
        self.compare = compare
        self.repr = repr

    def __repr__(self) -> str:
        return f"Field(name={self.name!r}, type={self.type!r})"


def field(*, default: Any = MISSING, default_factory: Callable[[], Any] | Any = MISSING,
          compare: bool = True, repr: bool = True) -> Any:
    """A field with a default factory, or left out of equality (`compare`) or repr."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("a field cannot have both a default and a default_factory")
    return Field(default, default_factory, compare, repr)


@dataclass_transform(frozen_default=True, field_specifiers=(field,))  # for type checkers
def record(cls: type[T] | None = None, /, *, frozen: bool = True, eq: bool = True,
           order: bool = False) -> Any:
    """Make `cls` a record (used bare, `@record`, or with options, `@record(frozen=False)`)."""

    def wrap(cls: type[T]) -> type[T]:
        return _make(cls, frozen, eq, order)

    return wrap if cls is None else wrap(cls)


def fields(class_or_instance: Any) -> tuple[Field, ...]:
    """The fields of a record class or instance, in order."""
    try:
        return class_or_instance.__record_fields__  # type: ignore[no-any-return]
    except AttributeError:
        raise TypeError(f"{class_or_instance!r} is not a record") from None


def is_record(obj: Any) -> bool:
    """Whether `obj` is a record class or an instance of one."""
    return hasattr(obj, "__record_fields__")


def replace(obj: T, /, **changes: Any) -> T:
    """A copy of the record `obj` with `changes` to some of its fields."""
    values = {f.name: getattr(obj, f.name) for f in fields(obj)}
    unknown = changes.keys() - values.keys()
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field {min(unknown)!r}")
    values.update(changes)
    return type(obj)(**values)


def _make(cls: type[T], frozen: bool, eq: bool, order: bool) -> type[T]:
    own = cls.__dict__
    found = []
    for name, hint in own.get("__annotations__", {}).items():
        value = own.get(name, MISSING)
        spec = value if isinstance(value, Field) else Field(default=value)
        spec.name, spec.type = name, hint
        if spec.default_factory is not MISSING or isinstance(value, Field):
            if spec.default is MISSING:
                delattr(cls, name)  # no class attribute stands in for a factory's value
            else:
                setattr(cls, name, spec.default)
        found.append(spec)
    specs = tuple(found)
    cls.__record_fields__ = specs  # type: ignore[attr-defined]
    cls.__init__ = _init(cls, specs)  # type: ignore[method-assign]
    cls.__record_key__ = staticmethod(_key_of([f.name for f in specs if f.compare]))  # type: ignore[attr-defined]
    # As with dataclasses, a method the class defines itself is kept.
    methods: dict[str, Any] = {"__repr__": _repr}
    if eq:
        methods.update(__eq__=_eq, __hash__=_hash if frozen else None)
    if order:
        methods.update(_ORDER)
    if frozen:
        methods.update(__setattr__=_frozen_setattr, __delattr__=_frozen_delattr)
    for name, method in methods.items():
        # (a class that defines __eq__ gets __hash__ = None from Python: not a choice of its own)
        if own.get(name) is None:
            setattr(cls, name, method)
    return cls


def _init(cls: type, specs: tuple[Field, ...]) -> Callable[..., None]:
    """`__init__`: a shared template for the number of fields, its parameters renamed.

    Compiling an `__init__` per class would cost most of what a record costs to define; a
    template is compiled once per number of fields and hooks, and renaming its parameters
    makes each class's own (keywords, defaults and error messages included).
    """
    names = tuple(spec.name for spec in specs)
    if {"self", "_values"} & set(names):
        raise TypeError(f"{cls.__name__}: a field may not be called 'self' or '_values'")
    defaults: list[Any] = []
    for spec in specs:
        if spec.default_factory is not MISSING:
            defaults.append(MISSING)  # replaced by the factory's value in _finish
        elif spec.default is not MISSING:
            defaults.append(spec.default)
        elif defaults:
            raise TypeError(f"{cls.__name__}: field {spec.name!r} without a default follows one with")
    factories = tuple((s.name, s.default_factory) for s in specs if s.default_factory is not MISSING)
    post_init = "__post_init__" in cls.__dict__
    template = _template(len(names), bool(factories or post_init))
    code = template.replace(co_varnames=("self", *names, "_values"),
                            co_qualname=f"{cls.__qualname__}.__init__")
    env: dict[str, Any] = {f"_n{i}": name for i, name in enumerate(names)}
    env["_finish"] = partial(_finish, factories, post_init)
    return FunctionType(code, env, "__init__", tuple(defaults) or None)


_TEMPLATES: dict[tuple[int, bool], CodeType] = {}


def _template(count: int, finish: bool) -> CodeType:
    found = _TEMPLATES.get((count, finish))
    if found is None:
        params = "".join(f", f{i}" for i in range(count))
        lines = [f"def __init__(self{params}):", "    _values = self.__dict__",  # frozen: no setattr
                 *(f"    _values[_n{i}] = f{i}" for i in range(count))]  # _n0 …: field names
        if finish:
            lines.append("    _finish(self)")
        env: dict[str, Any] = {}
        exec("\n".join(lines), env)  # noqa: S102 (our own source text, no names from outside)
        found = _TEMPLATES[count, finish] = env["__init__"].__code__
    return found


def _finish(factories: tuple[tuple[str, Callable[[], Any]], ...], post_init: bool,
            self: Any) -> None:
    values = self.__dict__
    for name, factory in factories:
        if values[name] is MISSING:
            values[name] = factory()
    if post_init:
        self.__post_init__()


def _key_of(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    if len(names) >= 2:
        return attrgetter(*names)
    if len(names) == 1:
        get = attrgetter(names[0])
        return lambda obj: (get(obj),)
    return lambda obj: ()


def _repr(self: Any) -> str:
    shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in self.__record_fields__ if f.repr)
    return f"{type(self).__qualname__}({shown})"


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    key = self.__record_key__
    return self is other or key(self) == key(other)


def _hash(self: Any) -> int:
    return hash(self.__record_key__(self))


def _comparison(test: Callable[[Any, Any], bool]) -> Callable[[Any, Any], Any]:
    def compare(self: Any, other: Any) -> Any:
        if other.__class__ is not self.__class__:
            return NotImplemented
        key = self.__record_key__
        return test(key(self), key(other))

    return compare


_ORDER = {
    "__lt__": _comparison(lambda a, b: a < b),
    "__le__": _comparison(lambda a, b: a <= b),
    "__gt__": _comparison(lambda a, b: a > b),
    "__ge__": _comparison(lambda a, b: a >= b),
}


def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r} of a {type(self).__name__}")


def _frozen_delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r} of a {type(self).__name__}")
