"""Plan how a line's glyphs are written: groups in one font (one BT … ET), pieces written as one
TJ (one text object for extractors), and the numbers that put each glyph where it is drawn.

The text and the order come from copytext; this module places them. Each glyph lands where it
would if its run were written on its own, to the bit, whatever the order of writing.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import accumulate, pairwise
from operator import add, itemgetter, ne
from typing import Any, NamedTuple

from ..text.types import Direction, Glyph, GlyphRun, Line
from .copytext import LRM, RLM, Item, line_texts
from .fontembed import FontCodes, FontLike, GlyphKey
from .subset import Composite

__all__ = ["Group", "Piece", "make_plan", "num", "plan_line", "tj_moves"]


def tj_moves(piece: Piece, group: Group, x: float) -> tuple[str, list[tuple[int, str]]]:
    """The Tm x and the TJ numbers that put each character of a piece where it is drawn.

    Each character is placed as if its run were written on its own from the run's origin,
    rounded to a hundredth of a point, in thousandths of an em: the bytes change with the order
    of writing, the drawing does not. Where a piece passes from one run to another, a TJ number
    may have a fraction.
    """
    scale = 1000 / group.size
    if piece.moves is not None:  # one run: whole numbers, computed once
        run_x, origin = group.origins[piece.runs[0]]
        start = num(x + run_x + origin)
        if piece.places[0]:
            start = _tj(float(start) + piece.places[0] / scale, 4)
        return start, piece.moves
    bases = {r: float(num(x + group.origins[r][0] + group.origins[r][1])) * scale
             for r in set(piece.runs)}
    places = [bases[r] + q for r, q in zip(piece.runs, piece.places)]
    moves = []
    for i in range(1, len(places)):
        move = piece.widths[i - 1] - (places[i] - places[i - 1])
        if abs(move) > 5e-4:
            moves.append((i, _tj(move)))
    return _tj(places[0] / scale, 4), moves


def _tj(value: float, digits: int = 3) -> str:
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


class Piece(NamedTuple):
    """Characters written as one TJ: one text object for extractors."""

    shown: list[tuple[GlyphKey, str]]  # (glyph, text) of each PDF character, in written order
    runs: tuple[int, ...]  # the run of each character
    places: tuple[int, ...]  # its place from its run's origin, thousandths of an em
    widths: tuple[int, ...]  # its width (/W), thousandths of an em
    moves: list[tuple[int, str]] | None  # (index, TJ number before it), if all in one run
    start: float  # x of the first character from the line's left edge, points
    ends: float  # where the text position ends after the last character, points
    hidden: bool  # in a /Span with an empty ActualText: poppler reads nothing of it


class Group(NamedTuple):
    """What one BT … ET writes: pieces in one font."""

    font: FontLike
    size: float
    pieces: list[Piece]
    origins: dict[int, tuple[float, float]]  # run → (its x in the line, its origin from there)


# Plans outlive a build: the text engine caches the runs it sets, so a rebuild draws the same
# runs, in lines it may make again. Keyed by the runs' identities (hashing a run hashes all its
# glyphs) and the paragraph direction; dropped when the first run is.
_plans: dict[tuple[tuple[int, ...], Direction],
             tuple[tuple[weakref.ref[GlyphRun], ...], list[Group]]] = {}


def plan_line(codes: Callable[[FontLike], FontCodes], line: Line, base: Direction) -> list[Group]:
    """How `line` is written (see make_plan), planned once for the same runs; `codes` gives a
    font's codes in the drawing session."""
    key = (tuple(map(id, line.runs)), base)
    found = _plans.get(key)
    if found is not None and all(ref() is run for ref, run in zip(found[0], line.runs)):
        return found[1]
    plan = make_plan(codes, line, base)
    try:
        refs = tuple(weakref.ref(run) for run in line.runs)
        weakref.finalize(line.runs[0], _plans.pop, key, None)
    except (TypeError, IndexError):  # runs without weak references are planned every time
        return plan
    _plans[key] = (refs, plan)
    return plan


_Placed = tuple[tuple[GlyphKey, str], int, float]  # (glyph, text), run, x from the run's left


def make_plan(codes: Any, line: Line, base: Direction) -> list[Group]:
    """The groups a line is written as; `codes` gives a FontCodes for a font (or is one)."""
    runs = line.runs
    shown = [_shown(_codes_for(codes, run.font), run) for run in runs]
    # Each run's origin: where it would start if written on its own (at its left edge when
    # set against the paragraph's direction, else at its first character)
    origins = {r: (run.x, 0.0 if run.direction is not base or not shown[r][1] else shown[r][1][0])
               for r, run in enumerate(runs)}
    groups = []
    for group in line_texts(line, base).groups:
        run = runs[group.font_run]
        font = _codes_for(codes, run.font)
        r = group.font_run
        if not group.poppler and all(i.run == r and i.cluster == k and not i.hidden
                                     for k, i in enumerate(group.items)):
            # a run written as drawn (most): one piece
            glyphs, ats, _ = shown[r]
            placed = [((glyph, item.text), r, at)
                      for glyph, item, at in zip(glyphs, group.items, ats)]
            if placed:
                whole = _piece(font, run.size, placed, {r: origins[r]})
                groups.append(Group(run.font, run.size, [whole], {r: origins[r]}))
            continue
        mine = {r: origins[r] for r in {i.run for i in (*group.items, *group.poppler)}}

        def place(item: Item, inkless: bool = False, run: GlyphRun = run,
                  font: FontCodes = font) -> _Placed:
            return _place(shown, runs, run, font, item, inkless)

        def piece(placed: list[_Placed], hidden: bool = False, font: FontCodes = font,
                  size: float = run.size, mine: dict[int, tuple[float, float]] = mine) -> Piece:
            return _piece(font, size, placed, mine, hidden)

        items = _hide_where_possible(group.items, place, piece, run.size)
        pieces = _pieces(items, place, piece)
        kept = {(i.run, i.cluster) for i in items if i.hidden or i.text == " "}
        texts = {(i.run, i.cluster): i.text for i in items}
        # poppler's texts: glyphs without ink, each a text object of its own, which PDFium skips
        for item in group.poppler:
            if (item.run, item.cluster) in kept:
                pieces.append(piece([place(item, inkless=True)]))
            elif (mark := _mark_only(item.text, texts[item.run, item.cluster])) is not None:
                # the glyph keeps PDFium's text: poppler gets its mark from a sliver at its edge
                (glyph, _), r, at = place(item, inkless=True)
                assert isinstance(glyph, Composite)
                sliver = Composite((), max(1, glyph.advance // 10))
                if item.text.endswith(mark):
                    at += (glyph.advance - sliver.advance) * run.size / font.reader.units_per_em
                pieces.append(piece([((sliver, mark), r, at)]))
        groups.append(Group(run.font, run.size, pieces, mine))
    return groups


def _mark_only(poppler: str, pdfium: str) -> str | None:
    """The direction mark poppler's text adds to PDFium's, if that is all it adds."""
    for mark in (RLM, LRM):
        if poppler in (pdfium + mark, mark + pdfium):
            return mark
    return None


def _hide_where_possible(items: Sequence[Item], place: Callable[[Item], _Placed],
                         piece: Callable[..., Piece], size: float) -> list[Item]:
    """The items, hiding those copytext asks to hide where writing them apart does not change
    what PDFium reads; the others keep PDFium's text, and poppler reads that."""
    if not any(item.hidden for item in items):
        return list(items)
    chosen = [replace(i, hidden=False) if i.hidden else i for i in items]
    for index, item in enumerate(items):
        if item.hidden:
            trial = [*chosen[:index], item, *chosen[index + 1:]]
            if _apart_ok(size, _pieces(trial, place, piece)):
                chosen = trial
    return chosen


def _apart_ok(size: float, pieces: list[Piece]) -> bool:
    """True if PDFium reads the pieces as it would one TJ: it takes a line's text objects by
    where they start, puts a space between two that do not touch, and skips one without ink
    (a piece of spaces)."""
    if len(pieces) == 1:
        return True
    for a, b in pairwise(pieces):
        if b.start < a.start or abs(b.start - a.ends) > 0.1 * size:
            return False
    return not any(all(text == " " for _, text in piece.shown) for piece in pieces)


def _pieces(items: Sequence[Item], place: Callable[[Item], _Placed],
            piece: Callable[..., Piece]) -> list[Piece]:
    """Items as TJ pieces: consecutive ones together, each hidden one apart."""
    pieces: list[Piece] = []
    todo: list[Item] = []
    for item in items:
        if item.hidden:
            if todo:
                pieces.append(piece(list(map(place, todo))))
                todo = []
            pieces.append(piece([place(item)], hidden=True))
        else:
            todo.append(item)
    if todo:
        pieces.append(piece(list(map(place, todo))))
    return pieces


def _codes_for(codes: Any, font: FontLike) -> FontCodes:
    return codes if isinstance(codes, FontCodes) else codes(font)


def _place(shown: list[tuple[list[GlyphKey], list[float], list[float]]],
           runs: Sequence[GlyphRun], run: GlyphRun, font: FontCodes, item: Item,
           inkless: bool) -> _Placed:
    """(glyph, text) of an item written in `run`'s font, its run, and its x in that run."""
    glyphs, ats, pens = shown[item.run]
    k = item.cluster
    if inkless or runs[item.run].font is not run.font:
        # drawn again without ink, or a space from another font: an empty glyph as wide
        width = round((pens[k + 1] - pens[k]) * font.reader.units_per_em / run.size)
        return (Composite((), width), item.text), item.run, pens[k]
    return (glyphs[k], item.text), item.run, ats[k]


def _piece(font: FontCodes, size: float, placed: list[_Placed],
           origins: dict[int, tuple[float, float]], hidden: bool = False) -> Piece:
    # Where a character's place and the text position (advanced by the widths in /W) drift
    # apart by a thousandth of an em or more (kerning, justification, marks, clusters written
    # out of order), TJ moves the text position by a number between two hex strings. Places
    # are rounded as a whole, so these corrections never add up to more than half a thousandth
    # of an em.
    scale = 1000 / size
    shown = [glyph for glyph, _, _ in placed]
    runs = tuple(r for _, r, _ in placed)
    widths = tuple(font.widths_for(list(map(_FIRST, shown))))
    places = tuple(round((at - origins[r][1]) * scale) for _, r, at in placed)
    moves = None
    if len(set(runs)) == 1:
        moves = [(i, str(widths[i - 1] - (places[i] - places[i - 1])))
                 for i in range(1, len(places)) if widths[i - 1] != places[i] - places[i - 1]]
    lefts = [origins[r][0] + origins[r][1] + q / scale for r, q in zip(runs, places)]
    return Piece(shown, runs, places, widths, moves, lefts[0], lefts[-1] + widths[-1] / scale,
                  hidden)


_GID, _ADVANCE, _DX, _DY, _CLUSTER = (itemgetter(0), itemgetter(1), itemgetter(2),
                                    itemgetter(3), itemgetter(5))
_FIRST = itemgetter(0)


def _shown(font: FontCodes, run: GlyphRun) -> tuple[list[GlyphKey], list[float], list[float]]:
    """Each visual cluster's glyph, x of its character and of its pen position from the run's
    left in points (pens has one more: the run's right end)."""
    glyphs = run.glyphs
    starts = list(map(_CLUSTER, glyphs))
    if (run.direction is not Direction.RTL and all(map(ne, starts, starts[1:]))
            and not any(map(_DY, glyphs))):
        # One glyph per cluster, on the baseline, text in order: most Latin and Devanagari runs
        pens = list(accumulate(map(_ADVANCE, glyphs), initial=0.0))
        return list(map(_GID, glyphs)), list(map(add, pens, map(_DX, glyphs))), pens
    shown: list[GlyphKey] = []
    ats: list[float] = []
    pens = [0.0]
    pen, size = 0.0, run.size
    to_units = font.reader.units_per_em / size
    ends = [i for i in range(1, len(starts)) if starts[i] != starts[i - 1]]
    ends.append(len(starts))
    begin = 0
    for end in ends:
        cluster = glyphs[begin:end]
        if end - begin == 1:  # most clusters: one glyph, in Nastaliq often raised or lowered
            gid, advance, dx, dy = cluster[0][:4]
            if dy:
                glyph: GlyphKey = Composite(((gid, round(dx * to_units), round(dy * to_units)),),
                                            round(advance * to_units))
                at = pen
            else:
                glyph, at = gid, pen + dx
        else:
            glyph, offset = _cluster_glyph(font, cluster, size)
            at, advance = pen + offset, sum(map(_ADVANCE, cluster))
        shown.append(glyph)
        ats.append(at)
        pen += advance
        pens.append(pen)
        begin = end
    return shown, ats, pens


def _cluster_glyph(font: FontCodes, cluster: Sequence[Glyph], size: float) -> tuple[GlyphKey, float]:
    """The glyph to show for a cluster and its x offset from the pen, in points."""
    first = cluster[0]
    if len(cluster) == 1 and not first.dy:
        return first.gid, first.dx
    to_units = font.reader.units_per_em / size
    parts, pen = [], 0.0
    for g in cluster:
        parts.append((g.gid, round((pen + g.dx) * to_units), round(g.dy * to_units)))
        pen += g.advance
    return Composite(tuple(parts), round(pen * to_units)), 0.0


def num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
