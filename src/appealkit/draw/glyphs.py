"""Draw shaped lines and paragraphs as real, copyable PDF text, on a canvas or into page content."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reportlab.lib.colors import black, toColor
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas

from ..text.types import Direction, GlyphRun, Line, Paragraph
from .content import PageContent, session_for
from .copytext import clusters, logical_lines
from .fontembed import FontCodes, register_no_initial_font
from .subset import Composite
from .textplan import Group, make_plan, num, plan_line, tj_moves

__all__ = [
    "add_line", "add_logical_text", "add_paragraph", "clusters", "draw_line", "draw_paragraph",
    "is_reordered", "new_canvas", "run_operators",
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
    for group in plan_line(content.session.font, line, base):
        font, used = content.font(group.font)
        ops.append(_operators(font, group, x_left, baseline_y, used))
    ops.append("Q")
    content.ops.append("\n".join(ops))
    for run in line.runs:
        if run.link:
            rect = (x_left + run.x, baseline_y - line.descent, x_left + run.x + run.width,
                    baseline_y + line.ascent)
            content.links.append((run.link, rect))


def is_reordered(paragraph: Paragraph) -> bool:
    """True if some line of `paragraph` may be written in another order than its logical one
    (copytext.reordered): a right-to-left paragraph, or one with a run set right to left (a
    right-to-left letter always is; the runs' levels answer without reading their text)."""
    return paragraph.direction is Direction.RTL or any(
        run.level % 2 for line in paragraph.lines for run in line.runs)


# A glyph with no outline and no advance: only text extraction sees the text it carries, and
# PDFium skips a text object of such glyphs (it has no width)
_INKLESS = Composite((), 0)


def add_logical_text(content: PageContent, paragraph: Paragraph, x_left: float,
                     y_top: float) -> None:
    """Add a paragraph's text in logical order without drawing anything: each line as glyphs
    without ink or advance at the line's start, in its first run's font.

    Readers of tagged content that take text in the order it is written (poppler's structure
    text) read this instead of the drawn glyphs, which are written in the order the
    extractors' own reordering needs (see copytext); marks.py keeps the two apart.
    """
    ops = ["BT"]
    for line, text in zip(paragraph.lines, logical_lines(paragraph)):
        run = next((run for run in line.runs if run.text.strip()), None)
        if run is None:
            continue
        font, used = content.font(run.font)
        hexes, codes = font.spelled(_INKLESS, text)
        used.update(codes)
        x = x_left + line.x + (line.width if paragraph.direction is Direction.RTL else 0)
        ops.append(f"/{font.resource_name} {num(run.size)} Tf "
                   f"1 0 0 1 {num(x)} {num(y_top - line.baseline)} Tm")
        ops.append(f"[<{hexes}>] TJ")
    ops.append("ET")
    content.ops.append("\n".join(ops))


def run_operators(font: FontCodes, run: GlyphRun, x: float, y: float,
                  used: set[int] | None = None) -> str:
    """BT … ET showing a run on its own, its left edge at x on the baseline y."""
    line = Line((run,), 0.0, 0.0, run.width, 0.0, 0.0)
    return "\n".join(_operators(font, group, x - run.x, y, used)
                     for group in make_plan(font, line, run.direction))


def _operators(font: FontCodes, group: Group, x: float, y: float,
               used: set[int] | None = None) -> str:
    """BT … ET showing a group: one PDF character per cluster.

    Extractors (poppler, PDFium) group characters into lines by baseline and into words by
    the gaps between character boxes, so a cluster whose glyphs are raised or stacked (Nastaliq,
    Devanagari matras) is drawn as one glyph built for it, carrying the cluster's text (see
    copytext for the text and the order). The codes shown are added to `used`.
    """
    out = [f"BT /{font.resource_name} {num(group.size)} Tf"]
    for piece in group.pieces:
        codes = font.codes_for(piece.shown)
        if used is not None:
            used.update(codes)
        hexes = [font.hexes[c] for c in codes]
        start, moves = tj_moves(piece, group, x)
        parts, done = [], 0
        for i, move in moves:
            parts.append(f"<{''.join(hexes[done:i])}> {move}")
            done = i
        parts.append(f"<{''.join(hexes[done:])}>")
        show = f"1 0 0 1 {start} {num(y)} Tm\n[{''.join(parts)}] TJ"
        if piece.hidden:
            # poppler reads the empty ActualText; PDFium ignores an empty one, reads the glyph
            show = f"/Span <</ActualText ()>> BDC\n{show}\nEMC"
        out.append(show)
    out.append("ET")
    return "\n".join(out)


def _fill(color: Any) -> str:
    """The fill colour operator, as ReportLab's setFillColor writes it."""
    if isinstance(color, tuple):
        return _fill_rgb(color)
    color = toColor(color)
    return _fill_rgb((color.red, color.green, color.blue))


@lru_cache(maxsize=64)
def _fill_rgb(rgb: tuple[float, float, float]) -> str:
    return f"{fp_str(rgb)} rg"
