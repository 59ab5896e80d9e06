"""The subsetter keeps the requested glyphs intact, builds cluster glyphs, and writes valid sfnt."""

from __future__ import annotations

import io
import struct

import pytest
from draw_helpers import font_path

from appealkit.draw.subset import Composite, SfntReader, glyph_closure, subset_font

tt = pytest.importorskip("fontTools.ttLib")  # only to check our output independently

NASTALIQ = font_path("NotoNastaliqUrdu-Regular")
SANS = font_path("NotoSans-Regular")


def _data(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def _points(font, gid: int) -> list[tuple[int, int]]:
    glyph = font["glyf"][font.getGlyphName(gid)]
    return sorted(map(tuple, glyph.getCoordinates(font["glyf"])[0])) if glyph.numberOfContours else []


def _gid(font, char: str) -> int:
    return font.getGlyphID(font.getBestCmap()[ord(char)])


def test_kept_glyphs_have_their_outlines_and_advances() -> None:
    original = tt.TTFont(SANS)
    gids = [_gid(original, c) for c in "Åé&ffi"]
    result = subset_font(_data(SANS), gids, "NotoSans-Regular")
    sub = tt.TTFont(io.BytesIO(result.data))
    for gid in gids:
        new = result.new_gid[gid]
        assert _points(sub, new) == _points(original, gid)
        assert sub["hmtx"][sub.getGlyphName(new)][0] == original["hmtx"][original.getGlyphName(gid)][0]
    assert sub["maxp"].numGlyphs == len(result.new_gid) < 20


def test_composite_components_are_kept_and_renumbered() -> None:
    original = tt.TTFont(SANS)
    aring = _gid(original, "Å")  # a composite: A + ring
    kept = glyph_closure(SfntReader(_data(SANS)), [aring])
    assert len(kept) >= 3 and kept[0] == 0


def test_built_cluster_glyph_places_its_parts() -> None:
    original = tt.TTFont(NASTALIQ)
    beh, dot = _gid(original, "ب"), _gid(original, "ن")
    cluster = Composite(((beh, 0, 0), (dot, 120, -300)), 900)
    result = subset_font(_data(NASTALIQ), [], "NotoNastaliqUrdu-Regular", [cluster])
    sub = tt.TTFont(io.BytesIO(result.data))
    gid = result.composite_gid[cluster]
    want = sorted(_points(original, beh) + [(x + 120, y - 300) for x, y in _points(original, dot)])
    assert _points(sub, gid) == want
    assert sub["hmtx"][sub.getGlyphName(gid)][0] == 900
    assert sub["maxp"].maxComponentDepth >= 1


def test_empty_cluster_glyph_is_an_empty_record() -> None:
    result = subset_font(_data(SANS), [], "NotoSans-Regular", [Composite((), 0)])
    sub = tt.TTFont(io.BytesIO(result.data))
    assert sub["glyf"][sub.getGlyphName(result.composite_gid[Composite((), 0)])].numberOfContours == 0


def test_checksums_are_valid() -> None:
    data = subset_font(_data(NASTALIQ), range(1, 60), "NotoNastaliqUrdu-Regular").data
    total = sum(struct.unpack(f">{len(data) // 4}I", data)) & 0xFFFFFFFF
    assert total == 0xB1B0AFBA
    reader = SfntReader(data)
    for tag, (offset, length) in reader.tables.items():
        if tag == b"head":
            continue
        padded = data[offset:offset + length] + b"\0" * (-length % 4)
        stored = [c for t, c, o, n in _directory(data) if t == tag][0]
        assert sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF == stored


def _directory(data: bytes):
    count = struct.unpack_from(">H", data, 4)[0]
    return [struct.unpack_from(">4sIII", data, 12 + 16 * i) for i in range(count)]


def test_output_is_deterministic() -> None:
    data = _data(NASTALIQ)
    first = subset_font(data, range(1, 400), "N").data
    assert first == subset_font(data, reversed(range(1, 400)), "N").data
