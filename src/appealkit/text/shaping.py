"""Split a paragraph's logical text into runs (bidi level, script, font, style) and shape each once.

Scripts follow UAX #24: Common and Inherited characters (spaces, punctuation, digits, marks) take
the script of the text around them, a closing bracket that of its opening bracket. Each run is
shaped by HarfBuzz in logical order with its own direction, script and language and with the
whole paragraph as context, so joining behaviour across run boundaries stays right.

Shaping is done once per text in font units and cached; each size scales the result, since
HarfBuzz positions (without hinting) grow linearly with the size.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, groupby
from operator import add, attrgetter, mul, neg

import uharfbuzz as hb

from .bidi import _bracket, bidi_classes, line_levels, ltr_tokens, resolve_levels
from .fonts import Font, FontFamily
from .types import Direction, Span

__all__ = [
    "ShapedItem",
    "ShapedText",
    "char_script",
    "resolve_scripts",
    "shape_text",
    "shape_units",
]


@dataclass(eq=False)  # built per run, so not frozen
class ShapedItem:
    """One run shaped by HarfBuzz; glyph arrays are in HarfBuzz's (visual, left to right) order.

    The arrays are lists for speed; nothing changes them after shaping.
    """

    start: int  # logical range in the paragraph text
    end: int
    level: int  # bidi embedding level (after L1 for separators)
    script: str | None  # ISO 15924 tag, None when the run has only Common characters
    font: Font
    size: float
    bold: bool
    link: str | None
    gids: Sequence[int]
    # index in the paragraph text where each glyph's cluster starts
    clusters: Sequence[int]
    advances: Sequence[float]  # points
    dx: Sequence[float]
    dy: Sequence[float]
    texts: Sequence[str]  # cluster text on the glyph that is first in logical order, else ''
    stretchy: Sequence[bool]  # glyphs that justification may widen (spaces)
    # top and bottom of each glyph's ink above the baseline, y offset included, in font units
    # (times ``scale`` for points): -inf and +inf for glyphs without ink
    tops: Sequence[float]
    bottoms: Sequence[float]
    scale: float  # points per font unit
    _keys: Sequence[int]  # clusters, negated for RTL, so they rise along the glyph arrays

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
    tokens: tuple[tuple[int, int], ...] = ()  # e-mails, URLs, handles, phone numbers (kept LTR)
    language: str = ""  # BCP 47, as shaped: line breaking knows words that cling to the one before

    def width(self, start: int, end: int) -> float:
        return self.widths[end] - self.widths[start]


def shape_text(
    spans: Sequence[Span],
    family: FontFamily,
    size: float,
    language: str,
    direction: Direction | None,
) -> ShapedText:
    """Itemize and shape the logical text of ``spans`` in one pass, positions in points."""
    units = shape_units(tuple(spans), family, language, direction)
    sizes = [size * family.scale(run.font) for run in units.runs]
    items = tuple(map(_scale_item, units.runs, sizes))
    factors: list[float] = []
    for run, run_size in zip(units.runs, sizes):
        factors += [run_size / run.font.units_per_em] * (run.end - run.start)
    widths = tuple(accumulate(map(mul, units.advances, factors), initial=0.0))
    return ShapedText(
        units.text,
        units.base_level,
        items,
        units.classes,
        widths,
        units.boundaries,
        units.tokens,
        language,
    )


@dataclass(eq=False)
class _Run:
    """One run shaped by HarfBuzz, in font units: all of shaping that does not depend on size."""

    start: int
    end: int
    level: int
    script: str | None
    font: Font
    bold: bool
    link: str | None
    gids: list[int]
    clusters: list[int]
    x_advances: list[int]
    x_offsets: list[int]
    y_offsets: list[int]
    texts: list[str]
    stretchy: list[bool]
    tops: list[float]  # ink, font units, y offset included (-inf: no ink)
    bottoms: list[float]  # (+inf: no ink)
    keys: list[int]


@dataclass(frozen=True, eq=False)
class _Units:
    """A paragraph shaped in font units."""

    text: str
    base_level: int
    runs: tuple[_Run, ...]
    classes: tuple[str, ...]
    advances: tuple[int, ...]  # per character, font units, on the first character of a cluster
    boundaries: tuple[bool, ...]
    tokens: tuple[tuple[int, int], ...]


@lru_cache(maxsize=128)
def shape_units(
    spans: tuple[Span, ...], family: FontFamily, language: str, direction: Direction | None
) -> _Units:
    """Bidi levels, scripts, fonts and HarfBuzz glyphs of a paragraph, whatever its size."""
    text = "".join(s.text for s in spans)
    forced = None if direction is None else int(direction is Direction.RTL)
    tokens = ltr_tokens(text)
    base, levels = resolve_levels(text, forced, tokens)  # tokens as LTR isolates: UAX #9 HL3
    classes = bidi_classes(text)
    levels = line_levels(classes, levels, base, 0, len(text))  # L1 for tabs and separators
    span_of = [k for k, s in enumerate(spans) for _ in s.text]
    scripts = resolve_scripts(text)
    drawn = text.translate(_BLANKS)  # same length, so clusters still index ``text``
    # fonts for what is drawn: a line feed is a space, not a character to look for in every font
    fonts = _choose_fonts(drawn, scripts, [spans[k].bold for k in span_of], family, language)
    keys = zip(levels, scripts, fonts, span_of)
    runs, start = [], 0
    for (level, script, font, k), group in groupby(keys):
        end = start + len(list(group))
        runs.append(_shape_run(text, drawn, start, end, level, script, font, spans[k], language))
        start = end
    return _collect(text, base, classes, runs, tuple(tokens))


def _collect(
    text: str,
    base: int,
    classes: list[str],
    runs: list[_Run],
    tokens: tuple[tuple[int, int], ...],
) -> _Units:
    """Per-character advances (on the first character of each cluster) and cluster starts."""
    n = len(text)
    advances = [0] * n
    starts = [False] * (n + 1)
    for run in runs:
        starts[run.start] = True
        for c, advance in zip(run.clusters, run.x_advances):
            advances[c] += advance
            starts[c] = True
    starts[n] = True
    return _Units(text, base, tuple(runs), tuple(classes), tuple(advances), tuple(starts), tokens)


def _scale_item(run: _Run, size: float) -> ShapedItem:
    # map() with C-level callables: this runs for every glyph of the pack
    to_points = (size / run.font.units_per_em).__mul__
    zeros = [0.0] * len(run.gids)  # most runs have no offsets: no need to scale each
    dx = list(map(to_points, run.x_offsets)) if any(run.x_offsets) else zeros
    dy = list(map(to_points, run.y_offsets)) if any(run.y_offsets) else zeros
    return ShapedItem(
        start=run.start,
        end=run.end,
        level=run.level,
        script=run.script,
        font=run.font,
        size=size,
        bold=run.bold,
        link=run.link,
        gids=run.gids,
        clusters=run.clusters,
        advances=list(map(to_points, run.x_advances)),
        dx=dx,
        dy=dy,
        texts=run.texts,
        stretchy=run.stretchy,
        tops=run.tops,
        bottoms=run.bottoms,
        scale=size / run.font.units_per_em,
        _keys=run.keys,
    )


# --- scripts -------------------------------------------------------------------------------


class _ScriptTable(dict[str, "str | None"]):
    """Script per character from HarfBuzz's Unicode data, looked up once per character."""

    def __missing__(self, char: str) -> str | None:
        buf = hb.Buffer()
        buf.add_str(char)
        buf.guess_segment_properties()  # takes the first character whose script is not Common
        value: str | None = buf.script
        self[char] = value
        return value


_SCRIPTS = _ScriptTable()


def char_script(char: str) -> str | None:
    """ISO 15924 script of a character; None for Common and Inherited."""
    return _SCRIPTS[char]


# Open brackets remembered while resolving scripts, as UAX #9 BD16 bounds its own stack: deeper
# ones keep the surrounding script, and a text of 20,000 unmatched brackets stays linear.
_MAX_BRACKET_DEPTH = 63


def resolve_scripts(text: str) -> list[str | None]:
    """UAX #24-style script runs: Common/Inherited characters join the surrounding script.

    They take the script before them (the first real script at the start of the text); a closing
    bracket takes the script of its opening bracket.
    """
    table = _SCRIPTS
    raw = [table[c] for c in text]
    current = next((s for s in raw if s is not None), None)
    out = raw[:]
    brackets: list[tuple[str, str | None]] = []  # (closing bracket, script of the opening one)
    for k, script in enumerate(raw):
        if script is not None:
            current = script
            continue
        kind, closer = _bracket(text[k])
        if kind == "o" and len(brackets) < _MAX_BRACKET_DEPTH:
            brackets.append((closer, current))
        elif kind == "c" and brackets:
            script = _pop_bracket(brackets, text[k])
        out[k] = script or current
    return out


def _pop_bracket(stack: list[tuple[str, str | None]], char: str) -> str | None:
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] == char:
            script = stack[depth][1]
            del stack[depth:]
            return script
    return None


# --- fonts ---------------------------------------------------------------------------------


def _choose_fonts(
    text: str, scripts: list[str | None], bolds: list[bool], family: FontFamily, language: str
) -> list[Font]:
    """Font of each character: the family's font for its script, a fallback if that lacks it."""
    fonts: list[Font] = []
    for (script, bold), group in groupby(zip(scripts, bolds)):
        size = len(list(group))
        chars = text[len(fonts) : len(fonts) + size]
        font = family.pair_for(script, language).pick(bold)
        if font.codepoints.issuperset(map(ord, chars)):
            fonts += [font] * size  # the usual case: the script's font has every character
        else:
            fonts += _fallback_fonts(chars, font, script, bold, family, language, fonts[-1:])
    return fonts


def _fallback_fonts(
    chars: str,
    font: Font,
    script: str | None,
    bold: bool,
    family: FontFamily,
    language: str,
    before: list[Font],
) -> list[Font]:
    """Fonts for a run whose preferred ``font`` lacks some characters."""
    fonts: list[Font] = []
    previous = before[0] if before else None
    for char in chars:
        chosen = (
            font if ord(char) in font.codepoints else family.font_for(char, script, language, bold)
        )
        if (
            previous is not None
            and chosen is not previous
            and _clings(char)
            and previous.has_char(char)
        ):
            chosen = previous  # a mark or joiner must stay in its base character's font
        fonts.append(chosen)
        previous = chosen
    return fonts


@lru_cache(maxsize=4096)
def _clings(char: str) -> bool:
    """Marks, joiners and variation selectors belong with the character before them."""
    return unicodedata.category(char) in ("Mn", "Me", "Mc", "Cf")


# --- shaping -------------------------------------------------------------------------------


def _shape_run(
    text: str,
    drawn: str,
    start: int,
    end: int,
    level: int,
    script: str | None,
    font: Font,
    span: Span,
    language: str,
) -> _Run:
    infos, positions = _run_harfbuzz(drawn, start, end, level % 2 == 1, script, font, language)
    gids = list(map(_CODEPOINT, infos))
    clusters = list(map(_CLUSTER, infos))
    y_offsets = list(map(_Y_OFFSET, positions))
    texts = _cluster_texts(text, clusters, end, level % 2 == 1)
    return _Run(
        start=start,
        end=end,
        level=level,
        script=script,
        font=font,
        bold=span.bold,
        link=span.link,
        gids=gids,
        clusters=clusters,
        x_advances=list(map(_X_ADVANCE, positions)),
        x_offsets=list(map(_X_OFFSET, positions)),
        y_offsets=y_offsets,
        texts=texts,
        stretchy=list(map(STRETCHY.__contains__, texts)),
        tops=_ink_edges(font.ink_tops, gids, y_offsets),
        bottoms=_ink_edges(font.ink_bottoms, gids, y_offsets),
        keys=list(map(neg, clusters)) if level % 2 else clusters,
    )


def _ink_edges(edges: dict[int, float], gids: list[int], y_offsets: list[int]) -> list[float]:
    """Each glyph's ink top (or bottom) raised by its offset, in font units."""
    found = list(map(edges.__getitem__, gids))
    return list(map(add, y_offsets, found)) if any(y_offsets) else found


STRETCHY = frozenset(" \u00a0\u3000")  # the only characters justification widens

# Fonts have no glyph for tabs and other control characters: they are shaped as spaces (the
# glyphs still carry the original characters as text).
_BLANKS = str.maketrans({c: " " for c in "\t\n\v\f\r\x85\u2028\u2029"})
_CODEPOINT, _CLUSTER = attrgetter("codepoint"), attrgetter("cluster")
_X_ADVANCE, _X_OFFSET, _Y_OFFSET = (
    attrgetter("x_advance"),
    attrgetter("x_offset"),
    attrgetter("y_offset"),
)


def _run_harfbuzz(
    text: str, start: int, end: int, rtl: bool, script: str | None, font: Font, language: str
) -> tuple[list[hb.GlyphInfo], list[hb.GlyphPosition]]:
    """Shape text[start:end] with the rest of the paragraph as context; positions in font units."""
    buf = hb.Buffer()
    buf.add_str(text, start, end - start)  # clusters come out as indexes into ``text``
    buf.direction = "rtl" if rtl else "ltr"
    if script is not None:
        buf.script = script
    buf.language = language or "en"  # HarfBuzz maps BCP 47 to OpenType language systems
    buf.flags = (hb.BufferFlags.BOT if start == 0 else 0) | (
        hb.BufferFlags.EOT if end == len(text) else 0
    )
    buf.guess_segment_properties()
    hb.shape(font.hb_font, buf, {})  # the font's default features (kern, liga, locl, ...)
    return buf.glyph_infos, buf.glyph_positions


def _cluster_texts(text: str, clusters: list[int], end: int, rtl: bool) -> list[str]:
    """Put each cluster's text on its logically first glyph: leftmost in LTR, rightmost in RTL."""
    n = len(clusters)
    if (
        n
        and n == end - clusters[-1 if rtl else 0]
        and clusters == _one_to_one(clusters[-1 if rtl else 0], end, rtl)
    ):
        return list(
            reversed(text[end - n : end]) if rtl else text[end - n : end]
        )  # a glyph per character
    out = [""] * n
    stop, carrier = end, -1
    # walk from the logical end, so each cluster knows where its text stops; the last glyph
    # seen of a cluster is its logically first one
    for k in range(n) if rtl else range(n - 1, -1, -1):
        if carrier >= 0 and clusters[carrier] != clusters[k]:
            out[carrier] = text[clusters[carrier] : stop]
            stop = clusters[carrier]
        carrier = k
    if carrier >= 0:
        out[carrier] = text[clusters[carrier] : stop]
    return out


def _one_to_one(start: int, end: int, rtl: bool) -> list[int]:
    return list(range(end - 1, start - 1, -1) if rtl else range(start, end))
