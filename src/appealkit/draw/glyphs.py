"""Draw shaped lines and paragraphs onto a ReportLab canvas as real, copyable PDF text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import Color, black, toColor
from reportlab.pdfgen.canvas import Canvas

from ..text.types import Direction, Glyph, GlyphRun, Line, Paragraph
from .copytext import cluster_text, direction_mark
from .fontembed import EmbeddedFont, GlyphKey, embedded_font, register_no_initial_font
from .subset import Composite

__all__ = ["clusters", "draw_line", "draw_paragraph", "new_canvas", "run_operators"]


def new_canvas(target: Any, pagesize: tuple[float, float], **options: Any) -> Canvas:
    """A Canvas with byte-stable output and no unused standard-14 font in the page preamble."""
    options.setdefault("invariant", 1)
    options.setdefault("initialFontName", register_no_initial_font())
    return Canvas(target, pagesize=pagesize, **options)


def draw_paragraph(canvas: Any, paragraph: Paragraph, x_left: float, y_top: float,
                   color: Any = black) -> None:
    """Draw a paragraph whose box has its top-left corner at (x_left, y_top), y pointing up."""
    for line in paragraph.lines:
        draw_line(canvas, line, x_left + line.x, y_top - line.baseline, color, paragraph.direction)


def draw_line(canvas: Any, line: Line, x_left: float, baseline_y: float, color: Any = black,
              direction: Direction | None = None) -> None:
    """Draw a line's runs from its left edge at x_left on the baseline at baseline_y.

    `direction` is the paragraph's; when None it is guessed from the runs' bidi levels.
    """
    if direction is None:
        rtl_base = min((r.level for r in line.runs), default=0) % 2 == 1
    else:
        rtl_base = direction is Direction.RTL
    canvas.saveState()  # the fill colour must not leak into what the page draws next
    canvas.setFillColor(_color(color))
    for run in line.runs:
        font = embedded_font(canvas._doc, run.font)
        base = Direction.RTL if rtl_base else Direction.LTR
        canvas.addLiteral(run_operators(font, run, x_left + run.x, baseline_y, base))
    canvas.restoreState()
    for run in line.runs:
        if run.link:
            rect = (x_left + run.x, baseline_y - line.descent, x_left + run.x + run.width,
                    baseline_y + line.ascent)
            canvas.linkURL(run.link, rect, relative=1, thickness=0)


def run_operators(font: EmbeddedFont, run: GlyphRun, x: float, y: float,
                  base: Direction | None = None) -> str:
    """BT … ET showing the run as one TJ on the baseline: one PDF character per cluster.

    Extractors (poppler, PDFium) group characters into lines by baseline and into words by
    the gaps between character boxes, so a cluster whose glyphs are raised or stacked (Nastaliq,
    Devanagari matras) is drawn as one glyph built for it, carrying the cluster's text.
    `base` is the paragraph direction; a run against it is written for extractors' bidi
    (see copytext).
    """
    shown = _shown(font, run)
    if base is not None and base is not run.direction:
        mark = font.code(_NOTHING, direction_mark(base))
        shown = [(mark, 0.0, 0.0), *shown, (mark, run.width, 0.0)]
    if not shown:
        return ""
    scale = 1000 / run.size  # thousandths of an em per point
    start = shown[0][1]
    items, cursor = [], start
    for code, at, width in shown:
        shift = round((at - cursor) * scale)
        if shift:
            items.append(str(-shift))
        items.append(f"<{code:04X}>")
        cursor += shift / scale + width
    return (f"BT /{font.resource_name} {_num(run.size)} Tf 1 0 0 1 {_num(x + start)} {_num(y)} Tm\n"
            f"[{_join_tj(items)}] TJ ET")


def clusters(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Split visually ordered glyphs into clusters (neighbours sharing a cluster index)."""
    groups, start = [], 0
    for i in range(1, len(glyphs) + 1):
        if i == len(glyphs) or glyphs[i].cluster != glyphs[start].cluster:
            groups.append(list(glyphs[start:i]))
            start = i
    return groups


_NOTHING = Composite((), 0)  # an empty, zero-width glyph to carry direction marks


def _shown(font: EmbeddedFont, run: GlyphRun) -> list[tuple[int, float, float]]:
    """(code, x from the run's left, PDF advance) of each cluster, points, in visual order."""
    out, pen, em = [], 0.0, run.size / 1000
    plain = run.direction is not Direction.RTL  # cluster text needs no care
    for cluster in clusters(run.glyphs):
        first = cluster[0]
        if len(cluster) == 1 and not first.dy and plain:  # most Latin and Devanagari glyphs
            code = font.code(first.gid, first.text)
            out.append((code, pen + first.dx, font.width(first.gid) * em))
            pen += first.advance
            continue
        glyph, offset = _cluster_glyph(font, cluster, run.size)
        out.append((font.code(glyph, cluster_text(run, cluster)), pen + offset,
                    font.width(glyph) * em))
        pen += sum(g.advance for g in cluster)
    return out


def _cluster_glyph(font: EmbeddedFont, cluster: list[Glyph], size: float) -> tuple[GlyphKey, float]:
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


def _join_tj(items: list[str]) -> str:
    """Merge adjacent hex strings: <0001><0002> → <00010002>."""
    out = ""
    for item in items:
        if item.startswith("<") and out.endswith(">"):
            out = out[:-1] + item[1:]
        else:
            out += (" " if out and not item.startswith("<") else "") + item
    return out


def _num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _color(color: Any) -> Color:
    if isinstance(color, tuple):
        return Color(*color)
    return toColor(color)
