"""Draw shaped lines and paragraphs onto a ReportLab canvas as real, copyable PDF text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import Color, black, toColor
from reportlab.pdfgen.canvas import Canvas

from ..text.types import Direction, Glyph, GlyphRun, Line, Paragraph
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
        draw_line(canvas, line, x_left + line.x, y_top - line.baseline, color)


def draw_line(canvas: Any, line: Line, x_left: float, baseline_y: float, color: Any = black) -> None:
    """Draw a line's runs from its left edge at x_left on the baseline at baseline_y."""
    canvas.saveState()  # Ts and the fill colour must not leak into what the page draws next
    canvas.setFillColor(_color(color))
    for run in line.runs:
        font = embedded_font(canvas._doc, run.font)
        canvas.addLiteral(run_operators(font, run, x_left + run.x, baseline_y))
    canvas.restoreState()
    for run in line.runs:
        if run.link:
            rect = (x_left + run.x, baseline_y - line.descent, x_left + run.x + run.width,
                    baseline_y + line.ascent)
            canvas.linkURL(run.link, rect, relative=1, thickness=0)


def run_operators(font: EmbeddedFont, run: GlyphRun, x: float, y: float) -> str:
    """BT … ET showing the run as one TJ on the baseline: one PDF character per cluster.

    Extractors (poppler, PDFium) group characters into lines by baseline and into words by
    the gaps between character boxes, so a cluster whose glyphs are raised or stacked (Nastaliq,
    Devanagari matras) is drawn as one glyph built for it, carrying the cluster's text.
    """
    ops = [f"BT /{font.resource_name} {_num(run.size)} Tf 1 0 0 1 {_num(x)} {_num(y)} Tm"]
    shown: list[str] = []
    pen, cursor = 0.0, 0.0  # where the shaper puts the pen / where the PDF text position is
    scale = 1000 / run.size
    rtl = run.direction is Direction.RTL
    for cluster in clusters(run.glyphs):
        glyph, offset = _cluster_glyph(font, cluster, run.size)
        shift = round((pen + offset - cursor) * scale)
        if shift:
            shown.append(str(-shift))
        shown.append(f"<{font.code(glyph, _cluster_text(cluster, rtl)):04X}>")
        cursor += (shift + font.width(glyph)) / scale
        pen += sum(g.advance for g in cluster)
    ops.append(f"[{_join_tj(shown)}] TJ ET")
    return "\n".join(ops)


def clusters(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Split visually ordered glyphs into clusters (neighbours sharing a cluster index)."""
    groups: list[list[Glyph]] = []
    for glyph in glyphs:
        if groups and groups[-1][-1].cluster == glyph.cluster:
            groups[-1].append(glyph)
        else:
            groups.append([glyph])
    return groups


def _cluster_text(cluster: list[Glyph], rtl: bool) -> str:
    text = "".join(g.text for g in cluster)
    # Extractors take a right-to-left line's characters as visual order and reverse them,
    # the characters of one glyph included, so those must be stored in visual order too.
    return text[::-1] if rtl else text


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
