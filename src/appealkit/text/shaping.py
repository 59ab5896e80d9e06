"""Split a paragraph's logical text into runs (bidi level, script, font, style) and shape each once.

Scripts follow UAX #24: Common and Inherited characters (spaces, punctuation, digits, marks) take
the script of the text around them, a closing bracket that of its opening bracket. Each run is
shaped by HarfBuzz in logical order with its own direction, script and language and with the
whole paragraph as context, so joining behaviour across run boundaries stays right.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, groupby

import uharfbuzz as hb

from .bidi import _bracket, bidi_classes, line_levels, ltr_tokens, resolve_levels
from .fonts import Font, FontFamily, primary_language
from .types import Direction, Span

__all__ = ["ShapedItem", "ShapedText", "char_script", "resolve_scripts", "shape_text"]


@dataclass(frozen=True)
class ShapedItem:
    """One run shaped by HarfBuzz; glyph arrays are in HarfBuzz's (visual, left to right) order."""

    start: int  # logical range in the paragraph text
    end: int
    level: int  # bidi embedding level (after L1 for separators)
    script: str | None  # ISO 15924 tag, None when the run has only Common characters
    font: Font
    size: float
    bold: bool
    link: str | None
    gids: tuple[int, ...]
    clusters: tuple[int, ...]  # absolute index in the paragraph text where each glyph's cluster starts
    advances: tuple[float, ...]  # points
    dx: tuple[float, ...]
    dy: tuple[float, ...]
    texts: tuple[str, ...]  # cluster text on the glyph that is first in logical order, else ''
    _keys: tuple[int, ...]  # clusters, negated for RTL, so they rise along the glyph arrays

    @property
    def direction(self) -> Direction:
        return Direction.RTL if self.level % 2 else Direction.LTR

    def glyph_range(self, start: int, end: int) -> tuple[int, int]:
        """Slice of the glyph arrays whose clusters lie in the logical range start..end."""
        if self.level % 2:
            return bisect_right(self._keys, -end), bisect_right(self._keys, -start)
        return bisect_left(self._keys, start), bisect_left(self._keys, end)


@dataclass(frozen=True)
class ShapedText:
    """A paragraph shaped as one line, with per-character data for breaking it into lines."""

    text: str
    base_level: int
    items: tuple[ShapedItem, ...]
    classes: tuple[str, ...]  # bidi classes
    widths: tuple[float, ...]  # prefix sums of cluster advances: widths[j] - widths[i] is text[i:j]
    boundaries: tuple[bool, ...]  # True where a cluster starts (lines may only break there)
    ink_top: tuple[float, ...]  # highest ink of the cluster starting at each index (points)
    ink_bottom: tuple[float, ...]  # lowest ink (negative below the baseline)
    tokens: tuple[tuple[int, int], ...] = ()  # e-mails, URLs, handles, phone numbers (kept LTR)

    def width(self, start: int, end: int) -> float:
        return self.widths[end] - self.widths[start]


def shape_text(spans: Sequence[Span], family: FontFamily, size: float, language: str,
               direction: Direction | None) -> ShapedText:
    """Itemize and shape the logical text of ``spans`` in one pass."""
    text = "".join(s.text for s in spans)
    forced = None if direction is None else int(direction is Direction.RTL)
    tokens = ltr_tokens(text)
    base, levels = resolve_levels(text, forced, tokens)  # tokens as LTR isolates: UAX #9 HL3
    classes = bidi_classes(text)
    levels = line_levels(classes, levels, base, 0, len(text))  # L1 for tabs and separators
    span_of = [k for k, s in enumerate(spans) for _ in s.text]
    scripts = resolve_scripts(text)
    fonts = _choose_fonts(text, scripts, span_of, spans, family, language)
    keys = zip(levels, scripts, fonts, span_of)
    items, start = [], 0
    for (level, script, font, k), group in groupby(keys):
        end = start + sum(1 for _ in group)
        items.append(_shape_item(text, start, end, level, script, font, size, spans[k], language))
        start = end
    return _collect(text, base, classes, items, tuple(tokens))


def _collect(text: str, base: int, classes: list[str], items: list[ShapedItem],
             tokens: tuple[tuple[int, int], ...]) -> ShapedText:
    n = len(text)
    advances = [0.0] * n
    starts = [False] * (n + 1)
    tops, bottoms = [float("-inf")] * n, [float("inf")] * n
    for item in items:
        starts[item.start] = True
        scale = item.size / item.font.units_per_em
        for gid, c, adv, dy in zip(item.gids, item.clusters, item.advances, item.dy):
            advances[c] += adv
            starts[c] = True
            box = item.font.glyph_extents(gid)
            if box.top != box.bottom:
                tops[c] = max(tops[c], dy + box.top * scale)
                bottoms[c] = min(bottoms[c], dy + box.bottom * scale)
    starts[n] = True
    widths = tuple(accumulate(advances, initial=0.0))
    return ShapedText(text, base, tuple(items), tuple(classes), widths, tuple(starts),
                      tuple(tops), tuple(bottoms), tokens)


# --- scripts -------------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def char_script(char: str) -> str | None:
    """ISO 15924 script of a character (HarfBuzz's Unicode data); None for Common and Inherited."""
    buf = hb.Buffer()
    buf.add_str(char)
    buf.guess_segment_properties()  # takes the first character whose script is not Common
    return buf.script


def resolve_scripts(text: str) -> list[str | None]:
    """UAX #24-style script runs: Common/Inherited characters join the surrounding script."""
    raw = [char_script(c) for c in text]
    first = next((s for s in raw if s is not None), None)
    out: list[str | None] = []
    current = first
    brackets: list[tuple[str, str | None]] = []  # (closing bracket, script of the opening one)
    for char, script in zip(text, raw):
        if script is not None:
            current = script
        else:
            kind, closer = _bracket(char)
            if kind == "o":
                brackets.append((closer, current))
            elif kind == "c" and brackets:
                script = _pop_bracket(brackets, char)
        out.append(script or current)
    return out


def _pop_bracket(stack: list[tuple[str, str | None]], char: str) -> str | None:
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] == char:
            script = stack[depth][1]
            del stack[depth:]
            return script
    return None


# --- fonts ---------------------------------------------------------------------------------


def _choose_fonts(text: str, scripts: list[str | None], span_of: list[int], spans: Sequence[Span],
                  family: FontFamily, language: str) -> list[Font]:
    """Font of each character: the family's font for its script, a fallback if that lacks it."""
    cache: dict[tuple[str, str | None, bool], Font] = {}
    fonts: list[Font] = []
    previous: Font | None = None
    for char, script, k in zip(text, scripts, span_of):
        bold = spans[k].bold
        key = (char, script, bold)
        font = cache.get(key)
        if font is None:
            font = cache[key] = family.font_for(char, script, language, bold)
        if previous is not None and font is not previous and _clings(char) and previous.has_char(char):
            font = previous  # a mark or joiner must stay in its base character's font
        fonts.append(font)
        previous = font
    return fonts


@lru_cache(maxsize=4096)
def _clings(char: str) -> bool:
    """Marks, joiners and variation selectors belong with the character before them."""
    return unicodedata.category(char) in ("Mn", "Me", "Mc", "Cf")


# --- shaping -------------------------------------------------------------------------------


def _shape_item(text: str, start: int, end: int, level: int, script: str | None, font: Font,
                size: float, span: Span, language: str) -> ShapedItem:
    infos, positions = _run_harfbuzz(text, start, end, level % 2, script, font, language)
    scale = size / font.units_per_em
    clusters = tuple(i.cluster for i in infos)
    return ShapedItem(
        start=start, end=end, level=level, script=script, font=font, size=size,
        bold=span.bold, link=span.link,
        gids=tuple(i.codepoint for i in infos),
        clusters=clusters,
        advances=tuple(p.x_advance * scale for p in positions),
        dx=tuple(p.x_offset * scale for p in positions),
        dy=tuple(p.y_offset * scale for p in positions),
        texts=_cluster_texts(text, clusters, end, level % 2 == 1),
        _keys=tuple(-c for c in clusters) if level % 2 else clusters,
    )


def _run_harfbuzz(text: str, start: int, end: int, rtl: bool, script: str | None, font: Font,
                  language: str) -> tuple[list[hb.GlyphInfo], list[hb.GlyphPosition]]:
    """Shape text[start:end] with the rest of the paragraph as context; positions in font units."""
    buf = hb.Buffer()
    buf.add_str(text, start, end - start)  # clusters come out as indexes into ``text``
    buf.direction = "rtl" if rtl else "ltr"
    if script is not None:
        buf.script = script
    buf.language = primary_language(language) if language else "en"
    buf.flags = (hb.BufferFlags.BOT if start == 0 else 0) | (hb.BufferFlags.EOT if end == len(text) else 0)
    buf.guess_segment_properties()
    hb.shape(font.hb_font, buf, {})  # the font's default features (kern, liga, locl, ...)
    return buf.glyph_infos, buf.glyph_positions


def _cluster_texts(text: str, clusters: tuple[int, ...], end: int, rtl: bool) -> tuple[str, ...]:
    """Put each cluster's text on its logically first glyph: leftmost in LTR, rightmost in RTL."""
    n = len(clusters)
    order = range(n - 1, -1, -1) if rtl else range(n)  # glyphs in logical order
    firsts = [k for j, k in enumerate(order) if j == 0 or clusters[order[j - 1]] != clusters[k]]
    out = [""] * n
    for a, b in zip(firsts, firsts[1:]):
        out[a] = text[clusters[a]:clusters[b]]
    if firsts:
        out[firsts[-1]] = text[clusters[firsts[-1]]:end]
    return tuple(out)
