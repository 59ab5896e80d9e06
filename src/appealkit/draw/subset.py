"""Cut a TrueType font down to a set of glyphs, for embedding as a PDF FontFile2."""

from __future__ import annotations

import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

__all__ = ["Composite", "SfntReader", "Subset", "reader_for", "subset_font"]

# Composite glyph component flags (OpenType 'glyf' spec)
_ARG_WORDS = 0x0001
_ARGS_ARE_XY = 0x0002
_HAVE_SCALE = 0x0008
_MORE_COMPONENTS = 0x0020
_HAVE_XY_SCALE = 0x0040
_HAVE_2X2 = 0x0080
_HAVE_INSTRUCTIONS = 0x0100


class SfntReader:
    """Read-only access to the tables of a TrueType (glyf-flavoured) font file."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        (num_tables,) = struct.unpack_from(">H", data, 4)
        self.tables: dict[bytes, tuple[int, int]] = {}
        for i in range(num_tables):
            tag, _, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
            self.tables[tag] = (offset, length)
        head = self.table(b"head")
        self.units_per_em: int = struct.unpack_from(">H", head, 18)[0]
        self.bbox: tuple[int, int, int, int] = struct.unpack_from(">hhhh", head, 36)
        self._long_loca = struct.unpack_from(">h", head, 50)[0] == 1
        self.num_glyphs: int = struct.unpack_from(">H", self.table(b"maxp"), 4)[0]
        self._num_hmetrics: int = struct.unpack_from(">H", self.table(b"hhea"), 34)[0]
        # Per-glyph work that every subset of this font repeats, done once per glyph
        self._components: dict[int, list[tuple[int, int]]] = {}
        self._unhinted: dict[int, bytes] = {}
        self._sizes: dict[int, tuple[int, int]] = {}
        self._metrics: dict[int, bytes] = {}
        self._glyphs: dict[int, bytes] = {}

    def table(self, tag: bytes) -> bytes:
        offset, length = self.tables[tag]
        return self.data[offset : offset + length]

    def glyph(self, gid: int) -> bytes:
        """The raw 'glyf' record of one glyph (b'' for an empty glyph)."""
        found = self._glyphs.get(gid)
        if found is None:
            found = self._glyphs[gid] = self._read_glyph(gid)
        return found

    def _read_glyph(self, gid: int) -> bytes:
        loca_off, _ = self.tables[b"loca"]
        if self._long_loca:
            start, end = struct.unpack_from(">II", self.data, loca_off + 4 * gid)
        else:
            start, end = (2 * v for v in struct.unpack_from(">HH", self.data, loca_off + 2 * gid))
        glyf_off, _ = self.tables[b"glyf"]
        return self.data[glyf_off + start : glyf_off + end]

    def components(self, gid: int) -> list[tuple[int, int]]:
        """(offset of the glyph index field, component gid) for each component of a composite."""
        found = self._components.get(gid)
        if found is None:
            found = self._components[gid] = _components(self.glyph(gid))
        return found

    def unhinted(self, gid: int) -> bytes:
        """The glyph's record without hinting code, padded to four bytes."""
        found = self._unhinted.get(gid)
        if found is None:
            found = self._unhinted[gid] = _pad4(_strip_instructions(self.glyph(gid)))
        return found

    def outline_size(self, gid: int) -> tuple[int, int]:
        """(points, contours) of a glyph with its components expanded."""
        found = self._sizes.get(gid)
        if found is None:
            found = self._sizes[gid] = _outline_size(self, gid)
        return found

    def metrics(self, gid: int) -> bytes:
        """The glyph's 'hmtx' long entry: advance and left side bearing."""
        found = self._metrics.get(gid)
        if found is None:
            found = self._metrics[gid] = struct.pack(">Hh", self.advance(gid),
                                                    self.left_side_bearing(gid))
        return found

    def advance(self, gid: int) -> int:
        """Horizontal advance in font units."""
        hmtx_off, _ = self.tables[b"hmtx"]
        index = min(gid, self._num_hmetrics - 1)
        return int(struct.unpack_from(">H", self.data, hmtx_off + 4 * index)[0])

    def left_side_bearing(self, gid: int) -> int:
        hmtx_off, _ = self.tables[b"hmtx"]
        if gid < self._num_hmetrics:
            return int(struct.unpack_from(">h", self.data, hmtx_off + 4 * gid + 2)[0])
        extra = hmtx_off + 4 * self._num_hmetrics + 2 * (gid - self._num_hmetrics)
        return int(struct.unpack_from(">h", self.data, extra)[0])


class Composite(NamedTuple):
    """A new glyph made of original glyphs placed at offsets (font units), with its own advance.

    It lets a whole shaped cluster, vertical offsets included, be shown as one PDF character.
    (A named tuple rather than a record: one is made per drawn cluster, and these are cheaper.)
    """

    parts: tuple[tuple[int, int, int], ...]  # (original gid, x, y)
    advance: int


@dataclass(frozen=True)
class Subset:
    """A subset font and where its glyphs are."""

    data: bytes
    new_gid: dict[int, int]  # original gid → gid in the subset font
    composite_gid: dict[Composite, int]  # composite → gid in the subset font


def _transform_size(flags: int) -> int:
    """Bytes of the scale or 2x2 matrix that follow a component's offsets."""
    if flags & _HAVE_2X2:
        return 8
    return 4 if flags & _HAVE_XY_SCALE else 2 if flags & _HAVE_SCALE else 0


def _components(glyph: bytes) -> list[tuple[int, int]]:
    """(offset of the glyph index field, component gid) for each component of a composite."""
    if len(glyph) < 10 or struct.unpack_from(">h", glyph, 0)[0] >= 0:
        return []
    found, pos = [], 10
    while True:
        flags, gid = struct.unpack_from(">HH", glyph, pos)
        found.append((pos + 2, gid))
        pos += 4 + (4 if flags & _ARG_WORDS else 2)
        pos += _transform_size(flags)
        if not flags & _MORE_COMPONENTS:
            return found


def glyph_closure(font: SfntReader, gids: Iterable[int]) -> list[int]:
    """The gids plus .notdef plus every component they use, sorted."""
    todo, seen = [0, *gids], set()
    while todo:
        gid = todo.pop()
        if gid in seen or not 0 <= gid < font.num_glyphs:
            continue
        seen.add(gid)
        todo.extend(g for _, g in font.components(gid))
    return sorted(seen)


def _strip_instructions(glyph: bytes) -> bytes:
    """Drop TrueType hinting code: PDF viewers rarely use it, and it is a third of the bytes."""
    if not glyph:
        return glyph
    contours = struct.unpack_from(">h", glyph, 0)[0]
    if contours >= 0:
        ins_at = 10 + 2 * contours
        (ins_len,) = struct.unpack_from(">H", glyph, ins_at)
        points_at = ins_at + 2 + ins_len
        end = _simple_glyph_end(glyph, points_at, contours)
        return glyph[:ins_at] + b"\0\0" + glyph[points_at:end]
    return _strip_composite_instructions(glyph)


def _coordinate_bytes(flags: int) -> int:
    """Bytes of x and y that one point with these flags stores (short, same-as-before or long)."""
    x_size = 1 if flags & 0x02 else 0 if flags & 0x10 else 2
    y_size = 1 if flags & 0x04 else 0 if flags & 0x20 else 2
    return x_size + y_size


_COORDINATE_BYTES = [_coordinate_bytes(flags) for flags in range(256)]
_REPEAT = 0x08  # simple glyph flag: the next byte says how many more points share these flags
# bytes.translate tables: a flag byte to its coordinate bytes, or to 1 if it has _REPEAT
_SIZES = bytes(_COORDINATE_BYTES)
_REPEATS = bytes(int(bool(flags & _REPEAT)) for flags in range(256))


def _simple_glyph_end(glyph: bytes, pos: int, contours: int) -> int:
    """Where a simple glyph's coordinates end, so that old padding is not carried along.

    Flags are one byte per point, except that a flag with _REPEAT is followed by a count of
    points more that share it; the stretches between such flags are summed at C speed.
    """
    left = struct.unpack_from(">H", glyph, 10 + 2 * contours - 2)[0] + 1 if contours else 0
    coord_bytes = 0
    while left > 0:
        stretch = glyph[pos : pos + left]
        repeat_at = stretch.translate(_REPEATS).find(1)
        if repeat_at < 0:
            return pos + left + coord_bytes + sum(stretch.translate(_SIZES))
        coord_bytes += sum(stretch[:repeat_at].translate(_SIZES))
        flags, count = glyph[pos + repeat_at], glyph[pos + repeat_at + 1] + 1
        coord_bytes += count * _COORDINATE_BYTES[flags]
        left -= repeat_at + count
        pos += repeat_at + 2
    return pos + coord_bytes


def _strip_composite_instructions(glyph: bytes) -> bytes:
    out, pos = bytearray(glyph), 10
    while True:
        flags = struct.unpack_from(">H", out, pos)[0]
        struct.pack_into(">H", out, pos, flags & ~_HAVE_INSTRUCTIONS)
        pos += 4 + (4 if flags & _ARG_WORDS else 2)
        pos += _transform_size(flags)
        if not flags & _MORE_COMPONENTS:
            return bytes(out[:pos])


def _renumber(font: SfntReader, gid: int, new_gid: dict[int, int]) -> bytes:
    glyph = font.unhinted(gid)
    parts = font.components(gid)
    if not parts:
        return glyph
    out = bytearray(glyph)
    for at, part in parts:
        struct.pack_into(">H", out, at, new_gid[part])
    return bytes(out)


def _pad4(data: bytes) -> bytes:
    return data + b"\0" * (-len(data) % 4)


def _glyf_loca(records: list[bytes]) -> tuple[bytes, bytes, int]:
    """New 'glyf' and 'loca' tables and the indexToLocFormat they need."""
    offsets = [0]
    for rec in records:
        offsets.append(offsets[-1] + len(rec))
    if offsets[-1] < 0x20000:
        return b"".join(records), struct.pack(f">{len(offsets)}H", *(o // 2 for o in offsets)), 0
    return b"".join(records), struct.pack(f">{len(offsets)}I", *offsets), 1


def _box(glyph: bytes) -> tuple[int, int, int, int]:
    return struct.unpack_from(">hhhh", glyph, 2) if glyph else (0, 0, 0, 0)


class _BuiltGlyph(NamedTuple):
    """What a subset needs of a composite: its parts with ink, bounds and outline size."""

    header: bytes  # contour count (-1) and bounding box
    parts: tuple[tuple[int, int, int, int], ...]  # (component flags, original gid, x, y)
    left: int  # x min: the left side bearing
    points: int
    contours: int

    def record(self, new_gid: dict[int, int]) -> bytes:
        """A 'glyf' record placing each part at its offset; empty if no part has ink."""
        if not self.parts:
            return b""
        return _pad4(self.header + b"".join(
            struct.pack(">HHhh", flags, new_gid[gid], x, y) for flags, gid, x, y in self.parts))


@lru_cache(maxsize=8192)
def _built_glyph(font: SfntReader, comp: Composite) -> _BuiltGlyph:
    parts = []
    points = contours = 0
    x_min = y_min = 0x7FFF
    x_max = y_max = -0x8000
    for gid, x, y in comp.parts:
        size = font.outline_size(gid)
        points += size[0]
        contours += size[1]
        glyph = font.glyph(gid)
        if not glyph:
            continue  # nothing to draw: a space, a zero-width joiner
        parts.append((_ARG_WORDS | _ARGS_ARE_XY | _MORE_COMPONENTS, gid, x, y))
        left, bottom, right, top = _box(glyph)
        x_min, y_min = min(x_min, left + x), min(y_min, bottom + y)
        x_max, y_max = max(x_max, right + x), max(y_max, top + y)
    if not parts:
        return _BuiltGlyph(b"", (), 0, points, contours)
    parts[-1] = (_ARG_WORDS | _ARGS_ARE_XY, *parts[-1][1:])
    if min(x_min, y_min) < -0x8000 or max(x_max, y_max, comp.advance) > 0x7FFF:
        # A 'glyf' record holds 16-bit coordinates: about 32 em from the baseline at most.
        # The layout refuses text that stacks this high (layout/limits.py, flow.check_lines).
        raise ValueError(f"a glyph cluster reaches beyond the 16-bit coordinates of a "
                         f"TrueType glyph ({x_min}, {y_min}, {x_max}, {y_max} font units)")
    header = struct.pack(">hhhhh", -1, x_min, y_min, x_max, y_max)
    return _BuiltGlyph(header, tuple(parts), x_min, points, contours)


def _outline_size(font: SfntReader, gid: int, depth: int = 0) -> tuple[int, int]:
    """(points, contours) of a glyph with its components expanded."""
    glyph = font.glyph(gid)
    if not glyph or depth > 16:
        return 0, 0
    contours = struct.unpack_from(">h", glyph, 0)[0]
    if contours >= 0:
        points = struct.unpack_from(">H", glyph, 10 + 2 * contours - 2)[0] + 1 if contours else 0
        return points, contours
    sizes = [_outline_size(font, g, depth + 1) for _, g in _components(glyph)]
    return sum(p for p, _ in sizes), sum(c for _, c in sizes)


def _cmap() -> bytes:
    """An empty format 4 cmap: glyphs are addressed through CIDToGIDMap, never by character."""
    sub = struct.pack(">7H", 4, 24, 0, 2, 2, 0, 0) + struct.pack(">5H", 0xFFFF, 0, 0xFFFF, 1, 0)
    return struct.pack(">HHHHI", 0, 1, 3, 1, 12) + sub


def _name(ps_name: str) -> bytes:
    """Family, style, full and PostScript names (Windows, UTF-16BE): enough for any viewer."""
    records = [(1, ps_name), (2, "Regular"), (4, ps_name), (6, ps_name)]
    strings = [text.encode("utf-16-be") for _, text in records]
    header = struct.pack(">HHH", 0, len(records), 6 + 12 * len(records))
    entries, offset = b"", 0
    for (name_id, _), raw in zip(records, strings):
        entries += struct.pack(">6H", 3, 1, 0x409, name_id, len(raw), offset)
        offset += len(raw)
    return header + entries + b"".join(strings)


def _checksum(data: bytes) -> int:
    padded = _pad4(data)
    return int(sum(struct.unpack(f">{len(padded) // 4}I", padded))) & 0xFFFFFFFF


def _assemble(tables: dict[bytes, bytes]) -> bytes:
    """Write an sfnt with the given tables and a correct head.checkSumAdjustment."""
    tags = sorted(tables)
    count = len(tags)
    power = 1 << (count.bit_length() - 1)
    search = power * 16
    header = struct.pack(">IHHHH", 0x00010000, count, search, power.bit_length() - 1,
                         count * 16 - search)
    directory, body, offset, total = b"", [], 12 + 16 * count, 0
    for tag in tags:
        data = tables[tag]
        checksum = _checksum(data)
        directory += struct.pack(">4sIII", tag, checksum, offset, len(data))
        body.append(_pad4(data))
        offset += len(body[-1])
        total += checksum
    # Every piece is padded to four bytes, so the file's checksum is the sum of the pieces'
    total += _checksum(header + directory)
    font = bytearray(header + directory + b"".join(body))
    head_at = 12 + 16 * count + sum(len(_pad4(tables[t])) for t in tags[: tags.index(b"head")])
    struct.pack_into(">I", font, head_at + 8, (0xB1B0AFBA - total) & 0xFFFFFFFF)
    return bytes(font)


@lru_cache(maxsize=16)
def reader_for(data: bytes) -> SfntReader:
    """The shared reader of a font file, so that its per-glyph caches serve every subset."""
    return SfntReader(data)


def subset_font(data: bytes, gids: Iterable[int], ps_name: str,
                composites: Sequence[Composite] = ()) -> Subset:
    """Keep `gids` and what they are built from, renumbered from .notdef = 0; add `composites`."""
    font = reader_for(data)
    order = glyph_closure(font, [*gids, *(g for c in composites for g, _, _ in c.parts)])
    new_gid = {old: new for new, old in enumerate(order)}
    composite_gid = {c: len(order) + i for i, c in enumerate(composites)}
    built = [_built_glyph(font, c) for c in composites]
    records = [_renumber(font, g, new_gid) for g in order]
    records += [b.record(new_gid) for b in built]
    hmtx = b"".join(map(font.metrics, order)) + b"".join(
        struct.pack(">Hh", max(0, c.advance), b.left) for c, b in zip(composites, built))
    widest = max([*map(font.advance, order), *(c.advance for c in composites)])
    glyf, loca, loca_format = _glyf_loca(records)
    tables = {
        b"head": _head(font, loca_format), b"hhea": _hhea(font, widest, len(records)),
        b"maxp": _maxp(font, len(records), built), b"post": _post(font),
        b"hmtx": hmtx, b"loca": loca, b"glyf": glyf, b"cmap": _cmap(), b"name": _name(ps_name),
    }
    if b"OS/2" in font.tables:
        tables[b"OS/2"] = font.table(b"OS/2")
    return Subset(_assemble(tables), new_gid, composite_gid)


def _head(font: SfntReader, loca_format: int) -> bytes:
    head = bytearray(font.table(b"head"))
    struct.pack_into(">I", head, 8, 0)  # checkSumAdjustment is set once the font is assembled
    struct.pack_into(">h", head, 50, loca_format)
    return bytes(head)


def _hhea(font: SfntReader, widest: int, count: int) -> bytes:
    hhea = bytearray(font.table(b"hhea"))
    struct.pack_into(">H", hhea, 10, widest)  # advanceWidthMax
    struct.pack_into(">H", hhea, 34, count)  # numberOfHMetrics: every glyph has its own
    return bytes(hhea)


def _maxp(font: SfntReader, count: int, built: Sequence[_BuiltGlyph]) -> bytes:
    maxp = bytearray(font.table(b"maxp"))
    struct.pack_into(">H", maxp, 4, count)
    if built and len(maxp) >= 32:
        points, contours = [b.points for b in built], [b.contours for b in built]
        old = struct.unpack_from(">HHHH", maxp, 10)
        struct.pack_into(">HH", maxp, 10, max(old[0], *points), max(old[1], *contours))
        elements, depth = struct.unpack_from(">HH", maxp, 28)
        most = max(len(b.parts) for b in built)
        struct.pack_into(">HH", maxp, 28, max(elements, most), depth + 1)
    return bytes(maxp)


def _post(font: SfntReader) -> bytes:
    """Version 3: no glyph names, which PDF viewers never need."""
    return struct.pack(">I", 0x00030000) + font.table(b"post")[4:32]
