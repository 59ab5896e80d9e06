"""Draw shaped lines and paragraphs as real, copyable PDF text, on a canvas or into page content."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import accumulate
from operator import add, itemgetter, ne
from typing import Any, NamedTuple

from reportlab.lib.colors import black, toColor
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas

from ..text.types import Direction, Glyph, GlyphRun, Line, Paragraph
from .content import PageContent, session_for
from .copytext import cluster_text, direction_mark
from .fontembed import FontCodes, GlyphKey, register_no_initial_font
from .subset import Composite

__all__ = [
    "add_line", "add_paragraph", "clusters", "draw_line", "draw_paragraph", "new_canvas",
    "run_operators",
]


def new_canvas(target: Any, pagesize: tuple[float, float], **options: Any) -> Canvas:
    """A Canvas with byte-stable output and no unused standard-14 font in the page preamble."""
    options.setdefault("invariant", 1)
    options.setdefault("initialFontName", register_no_initial_font())
    return Canvas(target, pagesize=pagesize, **options)


def draw_paragraph(canvas: Canvas, paragraph: Paragraph, x_left: float, y_top: float,
                   color: Any = black) -> None:
    """Draw a paragraph whose box has its top-left corner at (x_left, y_top), y pointing up."""
    content = PageContent(session_for(canvas._doc))
    add_paragraph(content, paragraph, x_left, y_top, color)
    content.finish().paint(canvas)


def draw_line(canvas: Canvas, line: Line, x_left: float, baseline_y: float, color: Any = black,
              direction: Direction | None = None) -> None:
    """Draw a line's runs from its left edge at x_left on the baseline at baseline_y.

    `direction` is the paragraph's; when None it is guessed from the runs' bidi levels.
    """
    content = PageContent(session_for(canvas._doc))
    add_line(content, line, x_left, baseline_y, color, direction)
    content.finish().paint(canvas)


def add_paragraph(content: PageContent, paragraph: Paragraph, x_left: float, y_top: float,
                  color: Any = black) -> None:
    """Add a paragraph to page content, as `draw_paragraph` draws it."""
    for line in paragraph.lines:
        add_line(content, line, x_left + line.x, y_top - line.baseline, color, paragraph.direction)


def add_line(content: PageContent, line: Line, x_left: float, baseline_y: float,
             color: Any = black, direction: Direction | None = None) -> None:
    """Add a line to page content, as `draw_line` draws it."""
    if direction is None:
        rtl_base = min((r.level for r in line.runs), default=0) % 2 == 1
    else:
        rtl_base = direction is Direction.RTL
    base = Direction.RTL if rtl_base else Direction.LTR
    # q … Q: the fill colour must not leak into what the page draws next
    ops = ["q", _fill(color)]
    for run in line.runs:
        font, used = content.font(run.font)
        ops.append(run_operators(font, run, x_left + run.x, baseline_y, base, used))
    ops.append("Q")
    content.ops.append("\n".join(ops))
    for run in line.runs:
        if run.link:
            rect = (x_left + run.x, baseline_y - line.descent, x_left + run.x + run.width,
                    baseline_y + line.ascent)
            content.links.append((run.link, rect))


def run_operators(font: FontCodes, run: GlyphRun, x: float, y: float,
                  base: Direction | None = None, used: set[int] | None = None) -> str:
    """BT … ET showing the run as one TJ on the baseline: one PDF character per cluster.

    Extractors (poppler, PDFium) group characters into lines by baseline and into words by
    the gaps between character boxes, so a cluster whose glyphs are raised or stacked (Nastaliq,
    Devanagari matras) is drawn as one glyph built for it, carrying the cluster's text.
    `base` is the paragraph direction; a run against it is written for extractors' bidi
    (see copytext). The codes shown are added to `used`.
    """
    plan = _plan(font, run, base)
    if not plan.shown:
        return ""
    codes = font.codes_for(plan.shown)
    if used is not None:
        used.update(codes)
    hexes = [font.hexes[c] for c in codes]
    pieces, done = [], 0
    for i, move in plan.moves:
        pieces.append(f"<{''.join(hexes[done:i])}> {move}")
        done = i
    pieces.append(f"<{''.join(hexes[done:])}>")
    return (f"BT /{font.resource_name} {_num(run.size)} Tf 1 0 0 1 {_num(x + plan.start)} "
            f"{_num(y)} Tm\n[{''.join(pieces)}] TJ ET")


class _Plan(NamedTuple):
    """How a run is shown, whatever codes a session gives its characters."""

    shown: list[tuple[GlyphKey, str]]  # (glyph, text) of each PDF character, in visual order
    moves: list[tuple[int, int]]  # (index in shown, TJ number written before that character)
    start: float  # x of the first character from the run's left edge, points


# Plans outlive a build: the text engine caches paragraphs, so a rebuild draws the same runs.
# Keyed by run identity (hashing a run hashes all its glyphs), the paragraph direction, and
# the function choosing cluster text (a test swaps it); dropped when the run is.
_plans: dict[tuple[int, Direction | None, Callable[..., str]],
             tuple[weakref.ref[GlyphRun], _Plan]] = {}


def _plan(font: FontCodes, run: GlyphRun, base: Direction | None) -> _Plan:
    key = (id(run), base, cluster_text)
    found = _plans.get(key)
    if found is not None and found[0]() is run:
        return found[1]
    plan = _make_plan(font, run, base)
    try:
        ref = weakref.ref(run, lambda _, key=key: _plans.pop(key, None))  # type: ignore[misc]
    except TypeError:  # a run type without weak references is planned every time
        return plan
    _plans[key] = (ref, plan)
    return plan


def _make_plan(font: FontCodes, run: GlyphRun, base: Direction | None) -> _Plan:
    shown, ats = _shown(font, run)
    if base is not None and base is not run.direction:
        mark = (_NOTHING, direction_mark(base))
        shown = [mark, *shown, mark]
        ats = [0.0, *ats, run.width]
    if not shown:
        return _Plan([], [], 0.0)
    # Where a character's place and the text position (advanced by the widths in /W) drift
    # apart by a thousandth of an em or more (kerning, justification, marks), TJ moves the
    # text position by a number between two hex strings. The drift is rounded as a whole, so
    # these corrections never add up to more than half a thousandth of an em.
    scale, start = 1000 / run.size, ats[0]
    widths = font.widths_for(list(map(_FIRST, shown)))
    drift = [round((at - start) * scale - advanced)
             for at, advanced in zip(ats, accumulate(widths, initial=0))]
    moves = [(i, before - after) for i, before, after
             in zip(range(1, len(drift)), drift, drift[1:]) if before != after]
    return _Plan(shown, moves, start)


def clusters(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Split visually ordered glyphs into clusters (neighbours sharing a cluster index)."""
    groups, start = [], 0
    for i in range(1, len(glyphs) + 1):
        if i == len(glyphs) or glyphs[i].cluster != glyphs[start].cluster:
            groups.append(list(glyphs[start:i]))
            start = i
    return groups


_NOTHING = Composite((), 0)  # an empty, zero-width glyph to carry direction marks


_GID_TEXT, _ADVANCE, _DX, _DY, _CLUSTER = (itemgetter(0, 4), itemgetter(1), itemgetter(2),
                                         itemgetter(3), itemgetter(5))
_FIRST = itemgetter(0)


def _shown(font: FontCodes, run: GlyphRun) -> tuple[list[tuple[GlyphKey, str]], list[float]]:
    """(glyph, text) of each cluster and its x from the run's left in points, in visual order."""
    glyphs = run.glyphs
    starts = list(map(_CLUSTER, glyphs))
    if (run.direction is not Direction.RTL and all(map(ne, starts, starts[1:]))
            and not any(map(_DY, glyphs))):
        # One glyph per cluster, on the baseline, text in order: most Latin and Devanagari runs
        pens = accumulate(map(_ADVANCE, glyphs), initial=0.0)
        return list(map(_GID_TEXT, glyphs)), list(map(add, pens, map(_DX, glyphs)))
    shown: list[tuple[GlyphKey, str]] = []
    ats: list[float] = []
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
        shown.append((glyph, cluster_text(run, cluster)))
        ats.append(at)
        pen += advance
        begin = end
    return shown, ats


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


def _num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _fill(color: Any) -> str:
    """The fill colour operator, as ReportLab's setFillColor writes it."""
    if isinstance(color, tuple):
        return _fill_rgb(color)
    color = toColor(color)
    return _fill_rgb((color.red, color.green, color.blue))


@lru_cache(maxsize=64)
def _fill_rgb(rgb: tuple[float, float, float]) -> str:
    return f"{fp_str(rgb)} rg"
