"""Glyph ink as skylines (lowest and highest ink per narrow column), and how close lines may sit.

Ink boxes of Nastaliq glyphs are far larger than their ink (diagonal strokes, long swashes), so
boxes alone set Urdu lines much further apart than their ink needs. A skyline keeps, for each
column 1/64 em wide, the lowest and highest ink of the glyph's outline. HarfBuzz's rasteriser
(uharfbuzz 0.57+) draws the outline; without it the skyline is the glyph's box, as loose as
before but still safe.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from operator import attrgetter, itemgetter, sub
from typing import NamedTuple

import uharfbuzz as hb

__all__ = ["CLEARANCE", "COLUMNS", "GlyphBox", "Skyline", "SkylineCache", "pair_need", "placed_ink"]

COLUMNS = 64  # skyline columns per em
ROWS = 128  # raster rows per em: heights are exact to 1/128 em, rounded outwards
CLEARANCE = 0.06  # em; the least white between the ink of two lines, across and along
_REACH = math.ceil(CLEARANCE * COLUMNS)  # columns a top reaches sideways to keep CLEARANCE


class GlyphBox(NamedTuple):
    """Ink box of a glyph in font units, y up: the glyph covers x..x+width and bottom..top."""

    x: int
    bottom: int
    width: int
    top: int


class Skyline:
    """Ink of one glyph per column, font units, y up; column c covers c/COLUMNS em onwards.

    ``bottoms[i]`` is the lowest ink of column ``start + i`` (+inf where the column has none);
    ``reach[i]`` is the highest ink of any column that, drawn at any fraction of a column off
    the grid, comes within CLEARANCE across of column ``start + i - _REACH`` (-inf if none).
    Each is read from the glyph's raster when first asked for: most glyphs meet the next line
    only from above or only from below.
    """

    __slots__ = ("_bottoms", "_image", "_reach", "start")

    def __init__(
        self,
        start: int,
        bottoms: list[float] | None = None,
        reach: list[float] | None = None,
        image: _Image | None = None,
    ) -> None:
        self.start, self._bottoms, self._reach, self._image = start, bottoms, reach, image

    @property
    def bottoms(self) -> list[float]:
        if self._bottoms is None:
            assert self._image is not None
            self._bottoms = _raster_bottoms(self._image)
            self._forget_image()
        return self._bottoms

    @property
    def reach(self) -> list[float]:
        if self._reach is None:
            assert self._image is not None
            self._reach = _widen(_raster_tops(self._image))
            self._forget_image()
        return self._reach

    def _forget_image(self) -> None:
        if self._bottoms is not None and self._reach is not None:
            self._image = None


class SkylineCache(dict[int, "Skyline | None"]):
    """Skylines by glyph id (None for glyphs without ink), made the first time each is asked for."""

    def __init__(self, hb_font: hb.Font, units_per_em: int, boxes: dict[int, GlyphBox]) -> None:
        super().__init__()
        self.hb_font, self.units_per_em, self.boxes = hb_font, units_per_em, boxes

    def __missing__(self, gid: int) -> Skyline | None:
        box = self.boxes[gid]
        sky = None
        if box.top != box.bottom:
            sky = _raster_skyline(self.hb_font, gid, self.units_per_em, box) or _box_skyline(
                box, self.units_per_em
            )
        self[gid] = sky
        return sky


_Raster = getattr(hb, "RasterDraw", None)  # experimental in HarfBuzz; absent before 0.57


# A glyph's raster: pixels (rows bottom up), stride, columns, rows, y of the first row in
# rows, row height and the ink box, both in font units
_Image = tuple[bytes, int, int, int, int, float, "GlyphBox"]


def _raster_skyline(hb_font: hb.Font, gid: int, upem: int, box: GlyphBox) -> Skyline | None:
    """The skyline of a glyph's rasterised outline, never outside its ink box.

    Glyph pairs are tried in order of the distance their boxes need, and stop once no box can
    need more than a skyline already did: that only holds if skylines stay within the boxes.
    """
    if _Raster is None:
        return None
    draw = _Raster()
    draw.scale_factor = (upem / COLUMNS, upem / ROWS)  # one pixel per column, 1/ROWS em high
    draw.draw_glyph(hb_font, gid)
    image = draw.render()
    ext = image.extents if image is not None else None
    if ext is None or not ext.width or not ext.height or not image.buffer.strip(b"\0"):
        return None
    raster = (image.buffer, ext.stride, ext.width, ext.height, ext.y_origin, upem / ROWS, box)
    return Skyline(ext.x_origin, image=raster)


def _raster_bottoms(image: _Image) -> list[float]:
    pixels, stride, width, height, y_origin, row, box = image
    end = stride * height
    bottoms = []
    for c in range(width):
        above = len(pixels[c:end:stride].lstrip(b"\0"))  # rows from the lowest ink up
        # one more row: a sliver of ink too thin to reach 1/255 coverage
        bottoms.append(
            max((y_origin + height - above - 1) * row, box.bottom) if above else math.inf
        )
    return bottoms


def _raster_tops(image: _Image) -> list[float]:
    pixels, stride, width, height, y_origin, row, box = image
    end = stride * height
    tops = []
    for c in range(width):
        below = len(pixels[c:end:stride].rstrip(b"\0"))  # rows up to the highest ink
        tops.append(min((y_origin + below + 1) * row, box.top) if below else -math.inf)
    return tops


def _box_skyline(box: GlyphBox, upem: int) -> Skyline:
    width = upem / COLUMNS
    first = math.floor(box.x / width)
    count = max(1, math.ceil((box.x + box.width) / width) - first)
    return Skyline(first, [float(box.bottom)] * count, _widen([float(box.top)] * count))


def _widen(tops: list[float]) -> list[float]:
    """reach[i] = max(tops[i - 2R - 1 .. i]) with R = _REACH, for i in 0 .. len + 2R.

    A glyph drawn a fraction of a column off the grid covers two grid columns, and CLEARANCE
    across adds _REACH columns on each side.
    """
    span = 2 * _REACH + 2
    padded = [-math.inf] * (span - 1) + tops + [-math.inf] * (span - 1)
    return [max(padded[i : i + span]) for i in range(len(tops) + span - 1)]


# --- lines ---------------------------------------------------------------------------------

class PlacedInk(NamedTuple):
    """The ink of a glyph placed on a line, in points, y up from the baseline."""

    left: float
    right: float
    top: float
    bottom: float
    pen: float  # x of the glyph's origin
    dy: float  # its offset above the baseline
    scale: float  # points per font unit
    skylines: Mapping[int, Skyline | None]  # of its font, by glyph id
    gid: int


def placed_ink(
    pens: Sequence[float],
    dys: Sequence[float],
    gids: Sequence[int],
    boxes: Mapping[int, GlyphBox],
    skylines: Mapping[int, Skyline | None],
    scale: float,
) -> list[PlacedInk]:
    """Inked glyphs of one font at glyph origins ``pens`` (points) on a line."""
    found = []
    for pen, dy, gid in zip(pens, dys, gids):
        box = boxes[gid]
        if box.top != box.bottom:
            left = pen + box.x * scale
            found.append(PlacedInk(left, left + box.width * scale, dy + box.top * scale,
                                   dy + box.bottom * scale, pen, dy, scale, skylines, gid))
    return found


def pair_need(above: list[PlacedInk], below: list[PlacedInk], floor: float, size: float) -> float:
    """Least baseline distance at which the ink of ``below`` stays CLEARANCE from ``above``.

    Never less than ``floor``. Glyph pairs are tried from the largest need their boxes allow,
    and skylines are read only while a box could still need more than the pairs seen so far.
    """
    clear = CLEARANCE * size
    if not above or not below:
        return floor
    highest = max(t.top for t in below)
    lowest = min(d.bottom for d in above)
    if highest - lowest + clear <= floor:
        return floor  # even the extremes clear each other
    best = floor - clear  # the need so far, without the clearance
    deep = [d for d in above if highest - d.bottom > best]
    tall = sorted((t for t in below if t.top - lowest > best), key=_LEFT)
    pairs = _overlapping(deep, tall, _REACH * size / COLUMNS, best)
    pairs.sort(key=_FIRST, reverse=True)
    column = size / COLUMNS
    for box_need, d, t in pairs:
        if box_need <= best:
            break
        best = max(best, _skyline_need(d, t, column))
    return best + clear


_LEFT, _FIRST = attrgetter("left"), itemgetter(0)


def _overlapping(
    deep: list[PlacedInk], tall: list[PlacedInk], across: float, least: float
) -> list[tuple[float, PlacedInk, PlacedInk]]:
    """(box need, deep, tall) for boxes within ``across`` sideways whose need exceeds ``least``."""
    if not tall:
        return []
    lefts = [t.left for t in tall]
    widest = max(t.right - t.left for t in tall)
    pairs = []
    for d in deep:
        d_left, d_right, d_bottom = d.left - across, d.right + across, d.bottom
        k = bisect_left(lefts, d_right)
        stop = d_left - widest
        while k > 0:
            k -= 1
            t = tall[k]
            if t.left < stop:
                break
            if t.right > d_left and t.top - d_bottom > least:
                pairs.append((t.top - d_bottom, d, t))
    return pairs


def _skyline_need(d: PlacedInk, t: PlacedInk, column: float) -> float:
    """How far above ``d``'s baseline ``t``'s baseline must sit, less the clearance (points)."""
    deep, tall = d.skylines[d.gid], t.skylines[t.gid]
    if deep is None or tall is None:
        return -math.inf
    shift = math.floor((t.pen - d.pen) / column)
    offset = deep.start - shift - tall.start + _REACH  # index into tall.reach of deep column 0
    lo = max(0, -offset)
    hi = min(len(deep.bottoms), len(tall.reach) - offset)
    if lo >= hi:
        return -math.inf
    bottoms, reach = deep.bottoms[lo:hi], tall.reach[lo + offset : hi + offset]
    if d.scale == t.scale:
        gap: float = max(map(sub, reach, bottoms)) * d.scale
    else:  # fonts with different units per em
        gap = max(map(sub, map(t.scale.__mul__, reach), map(d.scale.__mul__, bottoms)))
    return t.dy - d.dy + gap
