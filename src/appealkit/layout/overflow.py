"""Say which kit sections to shorten when the fact sheet does not fit on its page.

The page holds two regions: the flow from the banner down (headline, summary, figures,
timeline) and the take-action band at the foot (steps, whom to write to, QR code, address).
The band may take BAND_ROOM points; past that, it is the band that grew, and its tallest
entry is named. The flow is named where it runs past the room the band leaves it.
"""

from __future__ import annotations

import math

from .flow import Column

BAND_ROOM = 200.0  # points at the smallest size: the example kit's band takes 197 on both papers
_ROW_GAP, _PAD = 4.0, 8.0  # between the band's columns and its address row; its inner margin
_ADDRESS_ROOM = 24.0  # the address row's share of BAND_ROOM: two lines at 9 pt


def overflow_problems(flow: Column, band: tuple[Column, ...], height: float,
                      size: float) -> list[tuple[str, str]]:
    """(key path, message) for each region that does not fit: the band, the flow or both."""
    problems = []
    over = flow.overflow
    if height > BAND_ROOM:
        problems.append((_band_section(band), (
            f"the take-action band at the foot of the fact sheet is {height:.0f} pt tall "
            f"even at {size:g} pt, more than the {BAND_ROOM:.0f} pt it may take, so the page "
            f"overflows by {_points(over)} pt; this takes the most room there. Shorten it or "
            f"the band's other entries (tallest first: {_tallest(band)})")))
    line = max(flow.bottom, flow.bottom + height - BAND_ROOM)  # where the band leaves off
    if flow.y > line + 0.01:
        key = flow.overflowing_section(line)
        problems.append((key, (
            f"text does not fit on the one-page fact sheet by {_points(flow.y - line)} pt "
            f"even at {size:g} pt; the page runs out here. Shorten this or the "
            f"sections above it (tallest first: {_tallest([flow], by_name=True)})")))
    return problems


def _points(amount: float) -> int:
    """A shortfall in whole points, rounded up: a page short of 0.3 pt is short of 1, not 0."""
    return max(1, math.ceil(amount - 1e-6))


def _band_section(band: tuple[Column, ...]) -> str:
    """The band's entry that grew: the address row if it is more over its share of BAND_ROOM
    than the tallest column, else the tallest column's tallest entry (copy targets, a step
    each, count as one entry)."""
    *columns, address = band
    tallest = max(columns, key=lambda c: c.y)
    address_over = address.y - address.top - _ADDRESS_ROOM
    columns_over = tallest.y - (BAND_ROOM - _PAD - _ROW_GAP - _ADDRESS_ROOM)
    if address_over > columns_over and address.sections:
        return address.sections[0][0]
    return max(_entries(tallest).items(), key=lambda kv: kv[1])[0]


def _entries(column: Column) -> dict[str, float]:
    """Height of each entry of a column, copy targets added up under the first one's key."""
    heights: dict[str, float] = {}
    first_copy = ""
    for key, top, bottom in column.sections:
        if _is_copy(key):
            first_copy = first_copy or key
            key = first_copy
        heights[key] = heights.get(key, 0.0) + bottom - top
    return heights


def _is_copy(key: str) -> bool:
    parts = key.split(".")
    return len(parts) == 2 and parts[0] == "targets" and parts[1] != "0"


def _tallest(columns: list[Column] | tuple[Column, ...], by_name: bool = False) -> str:
    """`figures 285 pt, summary 118 pt, ...`: entries by the height they take, tallest first.

    `by_name` joins the entries of a section (`figures.0.label`, `figures.1.label`) as one.
    """
    spans: dict[str, tuple[float, float]] = {}
    for column in columns:
        for key, top, bottom in column.sections:
            name = key.split(".")[0] if by_name else ("copy targets" if _is_copy(key) else key)
            low, high = spans.get(name, (top, bottom))
            spans[name] = (min(low, top), max(high, bottom))
    heights = sorted(((b - t, name) for name, (t, b) in spans.items()), reverse=True)
    return ", ".join(f"{name} {height:.0f} pt" for height, name in heights[:4])
