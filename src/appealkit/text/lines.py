"""Break a shaped paragraph into lines, reorder each line for display and align it in a box.

Lines break at line feeds, at the opportunities ``breaks`` finds (after spaces, some dashes and
slashes; never at a no-break space or inside a token), preferring free breaks to ones with a
penalty where the line can take it, and, for a word wider than the box, between clusters. Widths come from the glyph
advances of the paragraph shaped once. UAX #9 L1-L2 apply per line, after breaking.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, count, pairwise, repeat
from operator import add, itemgetter, sub

from .bidi import reorder_levels
from .breaks import break_opportunities, email_spans
from .fonts import FontFamily
from .ink import CLEARANCE, PlacedInk, pair_need, placed_ink
from .shaping import ShapedItem, ShapedText, shape_text, shape_units
from .types import Align, Direction, Glyph, GlyphRun, Line, Paragraph, Span, TextStyle

__all__ = ["break_lines", "clear_caches", "measure", "set_paragraph"]

_SPACES = frozenset(
    " \t\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000"
)
_HARD_BREAK = re.compile("[\n\u2028\u2029\x0b\x0c\x85]")  # a CR is trimmed as white space
_TRAILING = _SPACES | {"\r"}
_EPSILON = 1e-6  # points; tolerance for rounding in width sums


@dataclass(frozen=True)
class LineBreak:
    """One line's logical range: text[start:end] is set (trailing spaces dropped)."""

    start: int
    end: int
    hard: bool  # ends at a line feed or the end of the paragraph


def set_paragraph(spans: Sequence[Span], style: TextStyle, width: float) -> Paragraph:
    """Shape, break, reorder and align a paragraph of any script in a box ``width`` points wide.

    Results are immutable and cached: layouts that try several widths or sizes, and builds
    repeated in one process, set each distinct paragraph once.
    """
    return _set_cached(tuple(spans), style, float(width))


def measure(spans: Sequence[Span], style: TextStyle) -> float:
    """Natural width of the text set on one line (the widest line when it has line feeds)."""
    shaped = _shape_cached(tuple(spans), style)
    return max(shaped.width(b.start, b.end) for b in break_lines(shaped, float("inf")))


def clear_caches() -> None:
    """Forget cached paragraphs and shaping (for benchmarks; fonts stay loaded)."""
    _set_cached.cache_clear()
    _shape_for.cache_clear()
    shape_units.cache_clear()


@lru_cache(maxsize=512)
def _set_cached(spans: tuple[Span, ...], style: TextStyle, width: float) -> Paragraph:
    shaped = _shape_cached(spans, style)
    direction = Direction.RTL if shaped.base_level % 2 else Direction.LTR
    drafts = [_draft_line(shaped, b) for b in break_lines(shaped, width)]
    lines = _place_lines(drafts, shaped, style, width, direction)
    if style.grid:
        below = _grid_descent(style)
        height = lines[-1].baseline + below if lines else 0.0
        return Paragraph(tuple(lines), width, height, direction, below)
    descent = max(lines[-1].descent, _nominal_descent(shaped, style)) if lines else 0.0
    height = lines[-1].baseline + descent if lines else 0.0
    return Paragraph(lines=tuple(lines), width=width, height=height, direction=direction)


@lru_cache(maxsize=128)
def _shape_for(
    spans: tuple[Span, ...],
    family: FontFamily,
    size: float,
    language: str,
    direction: Direction | None,
) -> ShapedText:
    return shape_text(spans, family, size, language, direction)


def _shape_cached(spans: tuple[Span, ...], style: TextStyle) -> ShapedText:
    # keyed by what shaping depends on, so a new width, leading or alignment reuses it
    return _shape_for(spans, style.family, style.size, style.language, style.direction)


# --- breaking ------------------------------------------------------------------------------


def break_lines(shaped: ShapedText, width: float) -> list[LineBreak]:
    """Greedy line breaking: as many words as fit on each line, long words split by cluster."""
    text, n = shaped.text, len(shaped.text)
    breaks: list[LineBreak] = []
    start = 0
    for stop in [m.start() for m in _HARD_BREAK.finditer(text)] + [n]:
        breaks.extend(_break_segment(shaped, start, stop, width))
        last = breaks[-1]
        breaks[-1] = LineBreak(last.start, last.end, hard=True)
        start = stop + 1
    return breaks


def _break_segment(shaped: ShapedText, start: int, stop: int, width: float) -> list[LineBreak]:
    """Break text[start:stop], which has no forced breaks, into lines no wider than ``width``.

    Each line ends at the furthest opportunity that fits, unless an earlier one costs less: a
    break with a penalty (before an auxiliary, inside a short bracketed group) gives way to an
    earlier free one while the line it leaves stays full enough (``_cost``).
    """
    found = break_opportunities(
        shaped.text, start, stop, shaped.boundaries, shaped.tokens, shaped.language
    )
    candidates = [p for p, _ in found] + [stop]
    penalties = [c for _, c in found] + [0.0]
    # An e-mail address the next line can hold whole is not split (breaks.EMAIL_PENALTY)
    for a, b in email_spans(shaped.text, start, stop):
        if shaped.width(a, b) <= width + _EPSILON:
            penalties = [math.inf if a < p < b else c for p, c in zip(candidates, penalties)]
    lines: list[LineBreak] = []
    fits: list[int] = []  # indexes of the candidates that fit on the current line
    k = 0
    while k < len(candidates):
        p = candidates[k]
        end = _trim(shaped.text, start, p)
        if shaped.width(start, end) <= width + _EPSILON:
            fits.append(k)
            k += 1
        elif fits:
            best = fits[-1]
            if penalties[best]:  # else the fullest line is also the cheapest
                best = min(reversed(fits), key=lambda j: _cost(shaped, start, candidates[j],
                                                                penalties[j], width))
            lines.append(LineBreak(start, _trim(shaped.text, start, candidates[best]), hard=False))
            start, k, fits = candidates[best], best + 1, []
        else:
            start = _split_word(shaped, start, end, width, lines)
            if shaped.width(start, end) > width + _EPSILON:
                fits.append(k)  # one cluster wider than the line: it overflows alone
                k += 1
    lines.append(LineBreak(start, _trim(shaped.text, start, stop), hard=False))
    return lines


_LOOSE = 0.12  # a line this much short of the width (a fraction) costs 100, as the auxiliary


def _cost(shaped: ShapedText, start: int, end: int, penalty: float, width: float) -> float:
    """A line's penalty plus its badness: 100 * (slack / _LOOSE)^3, the slack a fraction of the
    width. Without penalties the fullest line costs least, so breaking stays greedy."""
    natural = shaped.width(start, _trim(shaped.text, start, end))
    slack = max(0.0, width - natural) / max(width, _EPSILON)
    return penalty + 100 * (slack / _LOOSE) ** 3


def _split_word(
    shaped: ShapedText, start: int, end: int, width: float, lines: list[LineBreak]
) -> int:
    """Emergency breaks inside a word wider than the line; returns where the rest begins."""
    while shaped.width(start, end) > width + _EPSILON:
        cut = start + 1
        while not shaped.boundaries[cut]:
            cut += 1  # a cluster wider than the line still goes on a line of its own
        for i in range(cut + 1, end + 1):
            if shaped.boundaries[i]:
                if shaped.width(start, i) > width + _EPSILON:
                    break
                cut = i
        if cut >= end:
            break
        lines.append(LineBreak(start, cut, hard=False))
        start = cut
    return start


def _trim(text: str, start: int, end: int) -> int:
    """End of text[start:end] without its trailing white space."""
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return end


# --- one line ------------------------------------------------------------------------------


@dataclass(eq=False)
class _Piece:
    """The part of one shaped item that falls on a line."""

    item: ShapedItem
    start: int
    end: int
    lo: int  # glyph slice
    hi: int


@dataclass(eq=False)
class _Draft:
    pieces: tuple[_Piece, ...]  # visual order
    width: float
    brk: LineBreak
    ascent: float
    descent: float


def _draft_line(shaped: ShapedText, brk: LineBreak) -> _Draft:
    """Cut the shaped items to the line's range and reorder them (L2)."""
    pieces = []
    for item in shaped.items:
        start, end = max(item.start, brk.start), min(item.end, brk.end)
        if start < end:
            lo, hi = item.glyph_range(start, end)
            pieces.append(_Piece(item, start, end, lo, hi))
    order = reorder_levels([p.item.level for p in pieces])
    tops = (p.item.scale * max(p.item.tops[p.lo : p.hi], default=-math.inf) for p in pieces)
    bottoms = (p.item.scale * min(p.item.bottoms[p.lo : p.hi], default=math.inf) for p in pieces)
    ascent, descent = max(tops, default=0.0), -min(bottoms, default=0.0)
    return _Draft(
        tuple(pieces[i] for i in order),
        shaped.width(brk.start, brk.end),
        brk,
        max(ascent, 0.0),
        max(descent, 0.0),
    )


def _make_runs(draft: _Draft, extra_per_space: float) -> tuple[GlyphRun, ...]:
    runs = []
    x = 0.0
    for piece in draft.pieces:
        run = _make_run(piece, x, extra_per_space)
        runs.append(run)
        x += run.width
    return tuple(runs)


def _make_run(piece: _Piece, x: float, extra: float) -> GlyphRun:
    item, cut = piece.item, slice(piece.lo, piece.hi)
    texts = item.texts[cut]
    advances = item.advances[cut]
    if extra:
        advances = list(map(add, advances, map(extra.__mul__, item.stretchy[cut])))
    clusters = map(sub, item.clusters[cut], repeat(piece.start))
    fields = zip(item.gids[cut], advances, item.dx[cut], item.dy[cut], texts, clusters)
    glyphs = tuple(map(_new_tuple, repeat(Glyph), fields))  # Glyph(*f) without a Python call each
    return GlyphRun(
        font=item.font,
        size=item.size,
        x=x,
        width=sum(advances),
        direction=item.direction,
        glyphs=glyphs,
        text=_piece_text(piece),
        bold=item.bold,
        link=item.link,
        level=item.level,
        start=piece.start,
    )


_new_tuple = tuple.__new__


def _piece_text(piece: _Piece) -> str:
    texts = piece.item.texts[piece.lo : piece.hi]
    return "".join(reversed(texts) if piece.item.level % 2 else texts)


def _count_stretchy(draft: _Draft) -> int:
    return sum(sum(p.item.stretchy[p.lo : p.hi]) for p in draft.pieces)


# --- the paragraph -------------------------------------------------------------------------


def _place_lines(
    drafts: list[_Draft], shaped: ShapedText, style: TextStyle, width: float, direction: Direction
) -> list[Line]:
    placed = [
        _place_runs(d, style.align, direction, width, k == len(drafts) - 1)
        for k, d in enumerate(drafts)
    ]
    if style.grid:  # the first line's box; a taller first line is lowered, as others are raised
        room = style.leading * style.size - _grid_descent(style)
        first = max(drafts[0].ascent, room) if drafts else room
    else:
        first = max(drafts[0].ascent, _nominal_ascent(shaped, style)) if drafts else 0.0
    baselines = _baselines(drafts, placed, style, first)
    return [
        Line(
            runs=runs,
            x=x,
            baseline=baselines[k],
            width=sum(r.width for r in runs),
            ascent=draft.ascent,
            descent=draft.descent,
            start=draft.brk.start,
            end=draft.brk.end,
            hard=draft.brk.hard,
        )
        for k, (draft, (runs, x)) in enumerate(zip(drafts, placed))
    ]


def _place_runs(
    draft: _Draft, align: Align, direction: Direction, width: float, last: bool
) -> tuple[tuple[GlyphRun, ...], float]:
    """The line's runs (justified if asked) and the x of its left edge."""
    extra = _justify_extra(draft, align, width, last)
    runs = _make_runs(draft, extra)
    if extra:
        return runs, 0.0
    return runs, _align_x(align, direction, width, sum(r.width for r in runs))


def _baselines(
    drafts: list[_Draft],
    placed: list[tuple[tuple[GlyphRun, ...], float]],
    style: TextStyle,
    first: float,
) -> list[float]:
    """Each line's baseline: the leading below the one before, or more so that no ink touches.

    Each pair of lines gets the distance its own ink needs, and only where their ink shares x
    positions: a deep descender at one end of a line does not push away a tall word at the other
    end of the next. The leading is the floor, so Latin text keeps its regular grid.
    """
    leading = style.leading * style.size
    clearance = CLEARANCE * style.size
    # The least distance of each pair: the leading, and, since PDFium (Chrome, pypdfium2) reads
    # two lines as one and garbles copied text when one's ink box reaches the other's baseline,
    # each box clear of its neighbour's baseline. Only pairs whose boxes could come closer than
    # the clearance at that distance need their ink compared.
    floors = [
        max(leading, b.ascent + clearance, a.descent + clearance) for a, b in pairwise(drafts)
    ]
    close = [a.descent + b.ascent + clearance > f for a, b, f in zip(drafts, drafts[1:], floors)]
    close.append(False)  # the last line has none below
    inks: dict[int, list[PlacedInk]] = {}

    def ink(k: int) -> list[PlacedInk]:
        # only glyphs that could need more than the floor of the pair below or above matter
        if k not in inks:
            deep = drafts[k + 1].ascent - floors[k] + clearance if close[k] else -math.inf
            up = k > 0 and close[k - 1]
            tall = floors[k - 1] - clearance - drafts[k - 1].descent if up else math.inf
            inks[k] = _line_ink(drafts[k], *placed[k], deep, tall)
        return inks[k]

    baselines = [first]
    extra = 0.0  # added to the grid so far; kept apart so that grid lines stay first + k * leading
    for k, floor in enumerate(floors):
        if close[k]:
            floor = pair_need(ink(k), ink(k + 1), floor, style.size)
        extra += floor - leading
        baselines.append(first + (k + 1) * leading + extra)
    return baselines


def _line_ink(
    draft: _Draft, runs: tuple[GlyphRun, ...], x: float, deep: float, tall: float
) -> list[PlacedInk]:
    """Inked glyphs of a line whose ink goes below ``deep`` or above ``tall`` (points, y up),
    placed relative to the line's left edge and baseline."""
    found: list[PlacedInk] = []
    for piece, run in zip(draft.pieces, runs):
        item = piece.item
        tops, bottoms = item.tops[piece.lo : piece.hi], item.bottoms[piece.lo : piece.hi]
        high, low = tall / item.scale, deep / item.scale  # in font units, as tops and bottoms
        chosen = [i for i, t, b in zip(count(), tops, bottoms) if t > high or b < low]
        if not chosen:
            continue
        glyphs = run.glyphs
        pens = list(accumulate(map(_ADVANCE, glyphs), initial=x + run.x))
        font = run.font
        found += placed_ink(
            [pens[i] + glyphs[i].dx for i in chosen],
            [glyphs[i].dy for i in chosen],
            [glyphs[i].gid for i in chosen],
            font.boxes,
            font.skylines,
            run.size / font.units_per_em,
        )
    return found


_ADVANCE = itemgetter(1)


def _justify_extra(draft: _Draft, align: Align, width: float, last: bool) -> float:
    """Extra advance for each space so a justified line fills the box exactly."""
    if align is not Align.JUSTIFY or last or draft.brk.hard or draft.width >= width:
        return 0.0
    spaces = _count_stretchy(draft)
    return (width - draft.width) / spaces if spaces else 0.0


def _align_x(align: Align, direction: Direction, width: float, line_width: float) -> float:
    free = width - line_width
    if align is Align.CENTER:
        return free / 2
    to_right = (direction is Direction.RTL) == (align is not Align.END)
    return free if to_right else 0.0


def _nominal_ascent(shaped: ShapedText, style: TextStyle) -> float:
    """Room above the first baseline the fonts ask for, whatever the first line's ink.

    It keeps paragraph tops regular, but no font gets more than the family's Latin font: the
    Nastaliq ascender (1.9 em) is room for its tallest stacks, which most lines never reach, so
    above that the ink decides.
    """
    latin = style.family.default.regular
    cap = latin.ascender * style.size / latin.units_per_em
    fonts = {item.font for item in shaped.items} or {latin}
    return max(min(f.ascender * style.size / f.units_per_em, cap) for f in fonts)


def _grid_descent(style: TextStyle) -> float:
    """Room under the baseline in a line box of a grid style: the family's Latin descent.

    Nastaliq's own descender (0.6 em) is room for its deepest swashes; most lines' ink ends
    higher, and what reaches lower sits in the gap after the paragraph or is checked against
    the line below. The rest of the pitch is room above, where Nastaliq needs it.
    """
    latin = style.family.default.regular
    return -latin.descender * style.size / latin.units_per_em


def _nominal_descent(shaped: ShapedText, style: TextStyle) -> float:
    """Room below the last baseline, as ``_nominal_ascent`` is above the first."""
    latin = style.family.default.regular
    cap = -latin.descender * style.size / latin.units_per_em
    fonts = {item.font for item in shaped.items} or {latin}
    return max(min(-f.descender * style.size / f.units_per_em, cap) for f in fonts)
