"""Draw shaped lines and paragraphs onto a ReportLab canvas as real, copyable PDF text."""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import Color, black, toColor
from reportlab.pdfgen.canvas import Canvas

from ..text.types import GlyphRun, Line, Paragraph
from .fontembed import EmbeddedFont, embedded_font, register_no_initial_font

__all__ = ["draw_line", "draw_paragraph", "new_canvas", "run_operators"]


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
    """BT … ET showing the run's glyphs: TJ kerning numbers place them, Ts lifts them."""
    ops = [f"BT /{font.resource_name} {_num(run.size)} Tf 1 0 0 1 {_num(x)} {_num(y)} Tm"]
    shown: list[str] = []  # TJ array items since the last Ts
    rise, pen, cursor = 0.0, 0.0, 0.0  # cursor: where the PDF text position really is
    scale = 1000 / run.size
    for glyph in run.glyphs:
        if round(glyph.dy, 2) != rise:
            _flush(ops, shown)
            rise = round(glyph.dy, 2)
            ops.append(f"{_num(rise)} Ts")
        shift = round((pen + glyph.dx - cursor) * scale)
        if shift:
            shown.append(str(-shift))
        shown.append(f"<{font.code(glyph.gid, glyph.text):04X}>")
        cursor += (shift + font.width(glyph.gid)) / scale
        pen += glyph.advance
    _flush(ops, shown)
    ops.append("ET")
    return "\n".join(ops)


def _flush(ops: list[str], shown: list[str]) -> None:
    if shown:
        ops.append(f"[{_join_tj(shown)}] TJ")
        shown.clear()


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
