"""`@record`, the package's lean stand-in for frozen dataclasses."""

from __future__ import annotations

import pytest

from appealkit.records import (
    MISSING,
    FrozenInstanceError,
    field,
    fields,
    is_record,
    record,
    replace,
)


@record
class Point:
    """A point."""

    x: float
    y: float = 0.0
    tags: tuple[str, ...] = ()


@record
class Other:
    """Same fields as Point, another type."""

    x: float
    y: float = 0.0
    tags: tuple[str, ...] = ()


@record(order=True)
class Place:
    line: int
    column: int
    note: str = field(default="", compare=False)


@record(frozen=False)
class Bag:
    name: str
    items: list[int] = field(default_factory=list)
    size: int = 0

    def __post_init__(self) -> None:
        self.size = len(self.items)


def test_fields_defaults_and_repr() -> None:
    p = Point(1.5)
    assert (p.x, p.y, p.tags) == (1.5, 0.0, ())
    assert Point(1, y=2, tags=("a",)).tags == ("a",)
    assert repr(Point(1, 2)) == "Point(x=1, y=2, tags=())"
    assert [f.name for f in fields(Point)] == ["x", "y", "tags"]
    assert fields(Point)[0].default is MISSING and fields(Point)[1].default == 0.0
    assert is_record(Point) and is_record(p) and not is_record(object())
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, z=3)  # type: ignore[call-arg]


def test_equality_is_by_type_and_value_and_hash_follows_it() -> None:
    assert Point(1, 2) == Point(1, 2) and Point(1, 2) != Point(2, 1)
    assert Point(1, 2) != Other(1, 2)  # same values, another type: never equal
    assert hash(Point(1, 2)) == hash(Point(1, 2))
    assert len({Point(1, 2), Point(1, 2), Point(3)}) == 2


def test_frozen_records_refuse_changes() -> None:
    p = Point(1, 2)
    with pytest.raises(FrozenInstanceError):
        p.x = 5  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del p.y  # type: ignore[misc]
    assert p.x == 1


def test_replace_makes_a_changed_copy() -> None:
    p = Point(1, 2, ("a",))
    q = replace(p, y=7)
    assert q == Point(1, 7, ("a",)) and p == Point(1, 2, ("a",))
    with pytest.raises(TypeError, match="no field 'z'"):
        replace(p, z=1)


def test_order_and_fields_left_out_of_comparison() -> None:
    assert Place(1, 5) < Place(2, 1) < Place(2, 3)
    assert sorted([Place(3, 1), Place(1, 9), Place(1, 2)]) == [Place(1, 2), Place(1, 9), Place(3, 1)]
    assert Place(1, 2, "a") == Place(1, 2, "b")  # note is not compared
    assert hash(Place(1, 2, "a")) == hash(Place(1, 2, "b"))


def test_mutable_records_factories_and_post_init() -> None:
    a, b = Bag("a"), Bag("b", [1, 2])
    a.items.append(1)
    assert Bag("c").items == []  # each instance gets its own list
    assert (b.size, a.size) == (2, 0)
    a.name = "renamed"
    assert a.name == "renamed"
    assert Bag.__hash__ is None  # mutable and compared by value: unhashable, as with dataclasses


def test_a_required_field_may_not_follow_a_default() -> None:
    with pytest.raises(TypeError, match="without a default follows"):
        @record
        class Bad:
            a: int = 0
            b: int  # type: ignore[misc]


def test_classes_with_as_many_fields_share_a_template_but_not_their_names() -> None:
    @record
    class Size:
        width: float
        height: float

    @record
    class Span2:
        start: int
        end: int = 9

    assert Size.__init__.__code__.co_code == Span2.__init__.__code__.co_code
    assert (Size(height=2, width=1).width, Span2(end=3, start=1).end, Span2(4).end) == (1, 3, 9)
    assert Size.__init__.__qualname__.endswith("Size.__init__")
    with pytest.raises(TypeError, match="Size.__init__.. missing 1 required positional argument: 'height'"):
        Size(1)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword argument 'depth'"):
        Size(1, 2, depth=3)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="may not be called"):
        @record
        class Bad:
            self: int  # type: ignore[misc]


def test_methods_a_class_defines_itself_are_kept() -> None:
    @record
    class Cached:
        value: int

        def __hash__(self) -> int:
            return 7

        def __repr__(self) -> str:
            return "cached"

    assert hash(Cached(1)) == 7 and repr(Cached(1)) == "cached"
    assert Cached(1) == Cached(1) and Cached(1) != Cached(2)  # equality is still the record's
